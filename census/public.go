package census

import (
	"context"
	"sort"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/disclosure"
	"github.com/cdoatlas/cdoatlas/refdata"
)

// Public are the figures as they may be published: every count checked by
// disclosure control (cells below K withheld, and whatever would let a
// reader recompute them), with densities per region.
type Public struct {
	K      int          `json:"k"`
	Legend string       `json:"legend"` // footnote for withheld cells, English
	Waves  []PublicWave `json:"waves"`
	result *disclosure.Result
}

// PublicWave is one wave's published figures. A withheld count is null.
type PublicWave struct {
	Wave    string `json:"wave"`
	Date    string `json:"date"`
	CDOs    *int   `json:"cdos"`
	Entries *int   `json:"entries"`
	Exits   *int   `json:"exits"`
	Stayed  *int   `json:"stayed"`
	Moved   *int   `json:"moved"`
	// Breakdowns by JSON name (by_country, by_region …), each cell's count
	// or null.
	Breakdowns map[string]map[string]*int `json:"breakdowns"`
	ByRole     map[string]*int            `json:"by_role"`
	// Density of CDOs per region with shipped reference data; a withheld
	// count gives no density.
	Density []Density `json:"density"`
}

// Density is a region's CDOs per 100 municipalities and per million
// inhabitants, with the reference data's dates and source.
type Density struct {
	Region               string   `json:"region"`
	CDOs                 *int     `json:"cdos"`
	Per100Municipalities *float64 `json:"per_100_municipalities"`
	PerMillion           *float64 `json:"per_million_inhabitants"`
	Municipalities       int      `json:"municipalities"`
	Population           int64    `json:"population"`
	Source               string   `json:"source"`
}

// MakePublic applies disclosure control with threshold k to the figures.
// The relations a reader can use are declared: every breakdown of a wave
// sums to its CDOs, the kinds sum to the public/company/other groups,
// cdos(W) = stayed + entries, cdos(W-1) = stayed + exits, stayed = moved +
// those who stayed put, a country is its regions plus its people without
// region (declareRegions), the kinds with size classes are their classes
// plus those without (declareSizeClasses), and who stays keeps their
// gender, age (a band later) and, staying put, their organization's
// breakdowns (declareAcrossWaves). A count that is not printed but follows
// from printed ones (stayed put, the people of a country without region,
// of a kind without size class) is a cell too, so that it is protected
// like a printed one; flows by breakdown, which do not follow, are hidden
// cells.
func MakePublic(st *Stats, k int) (*Public, error) {
	var s disclosure.Set
	key := disclosure.Key
	for i, w := range st.Waves {
		W := w.Wave
		s.Add(key(W, "cdos"), w.CDOs)
		s.Add(key(W, "entries"), w.Entries)
		s.Add(key(W, "exits"), w.Exits)
		s.Add(key(W, "stayed"), w.Stayed)
		s.Add(key(W, "moved"), w.Moved)
		s.Add(key(W, "stayed_put"), w.Stayed-w.Moved)
		s.Sum(key(W, "stayed"), key(W, "moved"), key(W, "stayed_put"))
		s.Sum(key(W, "cdos"), key(W, "stayed"), key(W, "entries"))
		if i > 0 {
			s.Sum(key(st.Waves[i-1].Wave, "cdos"), key(W, "stayed"), key(W, "exits"))
		}
		for _, b := range w.Breakdowns() {
			var parts []string
			for _, c := range SortedKeys(b.Cells) {
				s.Add(key(W, b.Name, c), b.Cells[c])
				parts = append(parts, key(W, b.Name, c))
			}
			if len(parts) > 0 {
				s.Sum(key(W, "cdos"), parts...)
			}
		}
		// The kinds make up the public/company/other groups.
		groups := map[string][]string{}
		for kind := range w.ByKind {
			g := publicGroup(kind)
			if kind == None {
				g = "other"
			}
			groups[g] = append(groups[g], key(W, "by_kind", kind))
		}
		for g, parts := range groups {
			s.Sum(key(W, "by_public", g), parts...)
		}
		for role, n := range w.ByRole {
			s.Add(key(W, "by_role", role), n)
		}
		if _, ok := w.ByRole[cdoatlas.RoleCDO]; ok {
			s.Sum(key(W, "cdos"), key(W, "by_role", cdoatlas.RoleCDO))
		}
		declareRegions(&s, W, &w)
		declareSizeClasses(&s, W, &w)
		if i > 0 {
			declareAcrossWaves(&s, st, i)
		}
	}
	res, err := disclosure.Protect(&s, k)
	if err != nil {
		return nil, err
	}
	p := &Public{K: k, Legend: disclosure.Legend("en", k), result: res}
	cell := func(k string, n int) *int {
		if res.Suppressed(k) {
			return nil
		}
		v := n
		return &v
	}
	for _, w := range st.Waves {
		W := w.Wave
		pw := PublicWave{Wave: W, Date: w.Date, CDOs: cell(key(W, "cdos"), w.CDOs), Entries: cell(key(W, "entries"), w.Entries),
			Exits: cell(key(W, "exits"), w.Exits), Stayed: cell(key(W, "stayed"), w.Stayed), Moved: cell(key(W, "moved"), w.Moved),
			Breakdowns: map[string]map[string]*int{}, ByRole: map[string]*int{}}
		for _, b := range w.Breakdowns() {
			m := map[string]*int{}
			for c, n := range b.Cells {
				m[c] = cell(key(W, b.Name, c), n)
			}
			pw.Breakdowns[b.Name] = m
		}
		for role, n := range w.ByRole {
			pw.ByRole[role] = cell(key(W, "by_role", role), n)
		}
		for _, r := range refdata.Regions() {
			n := w.ByRegion[r.Code]
			d := Density{Region: r.Code, Municipalities: r.Municipalities, Population: r.Population, Source: r.Source}
			if n == 0 {
				zero := 0
				d.CDOs = &zero
			} else {
				d.CDOs = cell(key(W, "by_region", r.Code), n)
			}
			if d.CDOs != nil {
				per100, perMillion := refdata.Density(*d.CDOs, r)
				if r.Municipalities > 0 {
					d.Per100Municipalities = &per100
				}
				if r.Population > 0 {
					d.PerMillion = &perMillion
				}
			}
			pw.Density = append(pw.Density, d)
		}
		p.Waves = append(p.Waves, pw)
	}
	return p, nil
}

// HasWave reports whether the figures hold the wave.
func (p *Public) HasWave(wave string) bool {
	for _, w := range p.Waves {
		if w.Wave == wave {
			return true
		}
	}
	return false
}

// Withheld reports whether a count of a wave (e.g. "cdos", or
// "by_region/DE-BY") is withheld.
func (p *Public) Withheld(wave, name string) bool {
	return p.result.Suppressed(disclosure.Key(wave, name))
}

// Load computes the figures of every stored wave, and the waves by date.
func Load(ctx context.Context, store cdoatlas.CensusService) (*Stats, []*cdoatlas.Wave, error) {
	waves, err := store.FindWaves(ctx)
	if err != nil {
		return nil, nil, err
	}
	facts, err := store.CensusFacts(ctx)
	if err != nil {
		return nil, nil, err
	}
	ws := make([]cdoatlas.Wave, len(waves))
	for i, w := range waves {
		ws[i] = *w
	}
	return Figures(ws, facts), waves, nil
}

// Rows returns the published figures as a long table: wave, date,
// measure (cdos, entries, exits, stayed, moved, a breakdown, by_role,
// density_per_100_municipalities, density_per_million), key (the
// breakdown's value, the region) and value ("." when withheld).
func (p *Public) Rows() (header []string, rows [][]string) {
	header = []string{"wave", "date", "measure", "key", "value"}
	val := func(n *int) string {
		if n == nil {
			return disclosure.Symbol
		}
		return strconv.Itoa(*n)
	}
	for _, w := range p.Waves {
		add := func(measure, key, value string) { rows = append(rows, []string{w.Wave, w.Date, measure, key, value}) }
		add("cdos", "", val(w.CDOs))
		add("entries", "", val(w.Entries))
		add("exits", "", val(w.Exits))
		add("stayed", "", val(w.Stayed))
		add("moved", "", val(w.Moved))
		names := make([]string, 0, len(w.Breakdowns))
		for name := range w.Breakdowns {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			cells := w.Breakdowns[name]
			keys := make([]string, 0, len(cells))
			for k := range cells {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				add(name, k, val(cells[k]))
			}
		}
		roles := make([]string, 0, len(w.ByRole))
		for r := range w.ByRole {
			roles = append(roles, r)
		}
		sort.Strings(roles)
		for _, r := range roles {
			add("by_role", r, val(w.ByRole[r]))
		}
		for _, d := range w.Density {
			f := func(x *float64, prec int) string {
				if x == nil {
					return disclosure.Symbol
				}
				return strconv.FormatFloat(*x, 'f', prec, 64)
			}
			add("density_per_100_municipalities", d.Region, f(d.Per100Municipalities, 3))
			add("density_per_million", d.Region, f(d.PerMillion, 2))
		}
	}
	return header, rows
}
