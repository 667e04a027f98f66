package census

import (
	"sort"

	"github.com/cdoatlas/cdoatlas"
)

// WaveFigures are the figures of one wave (DESIGN §4): how many people
// count (a cdo role in the wave), how many entered, left, stayed and moved
// since the wave before, and the breakdowns of those who count.
type WaveFigures struct {
	Wave    string `json:"wave"`
	Date    string `json:"date"`
	CDOs    int    `json:"cdos"`
	Entries int    `json:"entries"`
	Exits   int    `json:"exits"`
	Stayed  int    `json:"stayed"`
	Moved   int    `json:"moved"`

	ByCountry   map[string]int `json:"by_country"`
	ByRegion    map[string]int `json:"by_region"`
	BySizeClass map[string]int `json:"by_size_class"`
	ByKind      map[string]int `json:"by_kind"`
	ByGender    map[string]int `json:"by_gender"`
	ByArchetype map[string]int `json:"by_archetype"`
	BySector    map[string]int `json:"by_sector"`
	ByAgeBand   map[string]int `json:"by_age_band"`
	ByPlacement map[string]int `json:"by_placement"`
	ByHire      map[string]int `json:"by_hire"`
	// ByPublic splits administrations (public) from companies (company)
	// and the rest (other).
	ByPublic map[string]int `json:"by_public"`
	// ByRole counts the people of each digital-leadership role in the
	// wave, CDOs and the others (cio, cto …).
	ByRole map[string]int `json:"by_role"`
}

// Breakdowns lists the breakdowns of WaveFigures by JSON name, for
// callers that walk them.
func (w *WaveFigures) Breakdowns() []Breakdown {
	return []Breakdown{
		{"by_country", w.ByCountry}, {"by_region", w.ByRegion}, {"by_size_class", w.BySizeClass},
		{"by_kind", w.ByKind}, {"by_public", w.ByPublic}, {"by_gender", w.ByGender},
		{"by_age_band", w.ByAgeBand}, {"by_archetype", w.ByArchetype}, {"by_placement", w.ByPlacement},
		{"by_hire", w.ByHire}, {"by_sector", w.BySector},
	}
}

// Breakdown is one named breakdown of a wave's CDOs.
type Breakdown struct {
	Name  string
	Cells map[string]int
}

// Stats are the figures of every wave, oldest first.
type Stats struct {
	Waves []WaveFigures `json:"waves"`
	// counted are, per wave, the people who count: what a reader knows
	// across waves depends on them (MakePublic, public.go).
	counted []map[int64]countedPerson
}

// None is the breakdown key of an attribute that is not known.
const None = "unknown"

// Age bands of the by_age_band breakdown, by age at the wave's date.
var AgeBands = []string{"under_40", "40_49", "50_59", "60_plus", None}

// Figures computes the figures of the waves (ordered by date) from the
// facts. A person counts in a wave when a fact of the wave has role cdo;
// the breakdowns use, per person and wave, the first of their CDO
// organizations by official code (those without a code last, then by ID).
// Entries, exits, stayed and moved compare each wave with the one before;
// the first wave has entries = cdos.
func Figures(waves []cdoatlas.Wave, facts []cdoatlas.CensusFact) *Stats {
	type counted struct {
		orgs  map[int64]bool
		first *cdoatlas.CensusFact
	}
	per := make([]map[int64]*counted, len(waves))
	roles := make([]map[string]map[int64]bool, len(waves))
	index := map[string]int{}
	for i, w := range waves {
		index[w.ID] = i
		per[i] = map[int64]*counted{}
		roles[i] = map[string]map[int64]bool{}
	}
	for i := range facts {
		f := &facts[i]
		wi, ok := index[f.Wave]
		if !ok || f.Person == 0 {
			continue
		}
		if roles[wi][f.Role] == nil {
			roles[wi][f.Role] = map[int64]bool{}
		}
		roles[wi][f.Role][f.Person] = true
		if f.Role != cdoatlas.RoleCDO {
			continue
		}
		c := per[wi][f.Person]
		if c == nil {
			c = &counted{orgs: map[int64]bool{}}
			per[wi][f.Person] = c
		}
		c.orgs[f.Org] = true
		if c.first == nil || before(f, c.first) {
			c.first = f
		}
	}
	st := &Stats{Waves: make([]WaveFigures, len(waves))}
	for i, w := range waves {
		wf := &st.Waves[i]
		*wf = WaveFigures{Wave: w.ID, Date: string(w.Date), CDOs: len(per[i]),
			ByCountry: map[string]int{}, ByRegion: map[string]int{}, BySizeClass: map[string]int{},
			ByKind: map[string]int{}, ByGender: map[string]int{}, ByArchetype: map[string]int{},
			BySector: map[string]int{}, ByAgeBand: map[string]int{}, ByPlacement: map[string]int{},
			ByHire: map[string]int{}, ByPublic: map[string]int{}, ByRole: map[string]int{}}
		for role, people := range roles[i] {
			wf.ByRole[role] = len(people)
		}
		year := w.Date.Year()
		for _, c := range per[i] {
			f := c.first
			wf.ByCountry[orNone(f.Country)]++
			wf.ByRegion[orNone(f.Region)]++
			wf.BySizeClass[orNone(f.SizeClass)]++
			wf.ByKind[orNone(f.Kind)]++
			wf.ByPublic[publicGroup(f.Kind)]++
			wf.ByGender[orNone(f.Gender)]++
			wf.ByArchetype[orNone(f.Archetype)]++
			wf.BySector[orNone(f.Sector)]++
			wf.ByAgeBand[ageBand(f.BirthYear, year)]++
			wf.ByPlacement[orNone(f.Placement)]++
			wf.ByHire[orNone(f.Hire)]++
		}
		if i == 0 {
			wf.Entries = wf.CDOs
			continue
		}
		prev := per[i-1]
		for p, c := range per[i] {
			pc, ok := prev[p]
			if !ok {
				wf.Entries++
				continue
			}
			wf.Stayed++
			if !sameSet(pc.orgs, c.orgs) {
				wf.Moved++
			}
		}
		for p := range prev {
			if _, ok := per[i][p]; !ok {
				wf.Exits++
			}
		}
	}
	st.counted = make([]map[int64]countedPerson, len(waves))
	for i := range waves {
		st.counted[i] = make(map[int64]countedPerson, len(per[i]))
		for p, c := range per[i] {
			st.counted[i][p] = countedPerson{orgs: c.orgs, first: *c.first}
		}
	}
	return st
}

// before orders a person's CDO facts of a wave: by official code, those
// without one last, then by organization ID.
func before(a, b *cdoatlas.CensusFact) bool {
	switch {
	case a.OfficialCode != "" && b.OfficialCode == "":
		return true
	case a.OfficialCode == "" && b.OfficialCode != "":
		return false
	case a.OfficialCode != b.OfficialCode:
		return a.OfficialCode < b.OfficialCode
	}
	return a.Org < b.Org
}

func sameSet(a, b map[int64]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func orNone(s string) string {
	if s == "" {
		return None
	}
	return s
}

// publicGroup sorts a kind into public administration, company or other.
func publicGroup(kind string) string {
	switch kind {
	case cdoatlas.KindMunicipality, cdoatlas.KindCounty, cdoatlas.KindCityState, cdoatlas.KindState, cdoatlas.KindFederal:
		return "public"
	case cdoatlas.KindPublicCompany, cdoatlas.KindCompany:
		return "company"
	}
	return "other"
}

// ageBand returns the age band of someone born in birth at year (0: not
// known).
func ageBand(birth *int, year int) string {
	if birth == nil || year == 0 {
		return None
	}
	switch age := year - *birth; {
	case age < 40:
		return "under_40"
	case age < 50:
		return "40_49"
	case age < 60:
		return "50_59"
	default:
		return "60_plus"
	}
}

// SortedKeys returns the keys of a breakdown in a stable order: by count
// descending, then by key, with None last.
func SortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if (a == None) != (b == None) {
			return b == None
		}
		if m[a] != m[b] {
			return m[a] > m[b]
		}
		return a < b
	})
	return keys
}
