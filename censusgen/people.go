package censusgen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// person is a tracked person: a CDO at some time, or a CIO, CTO, chief data
// officer, innovation or smart city lead.
type person struct {
	key            string
	given, surname string
	gender         string // f, m or d
	academic       string // "Dr." …, or ""
	birthYear      int    // 0 when never given
	shareGender    bool   // whether sources may give the gender
	linkedin, xing string // profile URLs
	otherRole      string // the role of a non-CDO track, "" for CDOs
	start          int    // first wave observed
	returnWave     int    // for a CDO who is away: the wave they come back
	states         []state

	// What the rows have recorded, for the truth.
	sawGender, sawBirthYear bool
}

func (p *person) name() string { return p.given + " " + p.surname }

// phase is what a person is doing in a wave.
type phase int

const (
	notYet    phase = iota // not yet in the census
	asCDO                  // CDO at a registry organization
	asOther                // CIO, CTO … at a registry organization
	exCompany              // former CDO, now at a company outside the registry
	exOrg                  // former CDO, now in another job at a registry organization
	away                   // not observed; comes back at returnWave
	gone                   // never observed again
)

// state is a person in one wave.
type state struct {
	phase   phase
	org     int    // index into gen.orgs; -1 at a company
	company string // at a company
	role    string // the true role of the title
	title   string // the post's title this wave, before per-row variation
}

// visible reports whether sources show the person in this state.
func (s state) visible() bool {
	return s.phase == asCDO || s.phase == asOther || s.phase == exCompany || s.phase == exOrg
}

// newPeople invents the tracked people. Names are drawn by how common
// they are, so that common names are shared by several people (never at
// the same organization, see allowed); profile URLs are unique.
func (g *gen) newPeople() {
	rng := g.model
	g.trackedNames = map[string]bool{}
	g.profiles = map[string]bool{}
	for i := 0; i < g.opts.People; i++ {
		p := &person{key: fmt.Sprintf("p%06d", i+1), states: make([]state, g.opts.Waves)}
		p.gender = pickGender(rng)
		p.given, p.surname = randomName(rng, p.gender, false)
		g.trackedNames[p.name()] = true
		if rng.IntN(100) < 18 {
			p.academic = pickAcademic(rng)
		}
		if rng.IntN(100) < 65 {
			p.birthYear = 1960 + rng.IntN(33)
		}
		p.shareGender = rng.IntN(100) < 85
		for {
			p.linkedin = linkedinURL(rng, p.given, p.surname)
			p.xing = xingURL(rng, p.given, p.surname)
			if !g.profiles[p.linkedin] && !g.profiles[p.xing] {
				g.profiles[p.linkedin], g.profiles[p.xing] = true, true
				break
			}
		}
		if rng.IntN(100) < 15 {
			p.otherRole = pickWeighted(rng)
		}
		p.start = 0
		if g.opts.Waves > 1 && rng.IntN(100) >= 55 {
			p.start = 1 + rng.IntN(g.opts.Waves-1)
		}
		g.people = append(g.people, p)
		g.byName[p.name()] = append(g.byName[p.name()], i)
	}
}

// placeTracked records, for filler rows, where the people of each tracked
// name are seen.
func (g *gen) placeTracked() {
	g.trackedAt = map[string]map[string]bool{}
	for _, p := range g.people {
		m := g.trackedAt[p.name()]
		if m == nil {
			m = map[string]bool{}
			g.trackedAt[p.name()] = m
		}
		for _, s := range p.states {
			switch {
			case !s.visible():
			case s.org >= 0:
				m[orgPlace(s.org)] = true
			default:
				m[companyPlace(s.company)] = true
			}
		}
	}
}

func pickGender(rng *rand.Rand) string {
	switch n := rng.IntN(100); {
	case n < 35:
		return "f"
	case n < 98:
		return "m"
	}
	return "d"
}

// randomName picks a given name for the gender and a surname, each by how
// common it is (the lists run from common to rare); double gives a double
// first name.
func randomName(rng *rand.Rand, gender string, double bool) (string, string) {
	list, cum := givenMale, givenMaleCum
	if gender == "f" || gender == "d" && rng.IntN(2) == 0 {
		list, cum = givenFemale, givenFemaleCum
	}
	given := list[pickCommon(rng, cum)]
	if double {
		given += "-" + list[rng.IntN(len(list))]
	}
	switch n := rng.IntN(100); {
	case n < 80:
		return given, surnamesDE[pickCommon(rng, surnamesDECum)]
	case n < 90:
		return given, surnamesAT[pickCommon(rng, surnamesATCum)]
	}
	return given, surnamesCH[pickCommon(rng, surnamesCHCum)]
}

// commonness gives the i-th name of a list (from 0) a weight falling as
// (i+1)^-0.8, roughly as name frequencies do; the result is cumulative.
func commonness(n int) []float64 {
	cum := make([]float64, n)
	sum := 0.0
	for i := range cum {
		sum += math.Pow(float64(i+1), -0.8)
		cum[i] = sum
	}
	return cum
}

var (
	givenFemaleCum = commonness(len(givenFemale))
	givenMaleCum   = commonness(len(givenMale))
	surnamesDECum  = commonness(len(surnamesDE))
	surnamesATCum  = commonness(len(surnamesAT))
	surnamesCHCum  = commonness(len(surnamesCH))
)

func pickCommon(rng *rand.Rand, cum []float64) int {
	x := rng.Float64() * cum[len(cum)-1]
	i, _ := slices.BinarySearch(cum, x)
	return min(i, len(cum)-1)
}

func pickAcademic(rng *rand.Rand) string {
	switch n := rng.IntN(100); {
	case n < 60:
		return academicTitles[0]
	case n < 75:
		return academicTitles[1]
	case n < 90:
		return academicTitles[2]
	}
	return academicTitles[3]
}

func pickWeighted(rng *rand.Rand) string {
	n := rng.IntN(100)
	for _, r := range otherRoles {
		if n < r.weight {
			return r.role
		}
		n -= r.weight
	}
	return otherRoles[0].role
}

// slugPart is a name as URLs write it: ASCII, lower case.
func slugPart(s string) string {
	if slug, ok := nameSlugs[s]; ok {
		return slug
	}
	return makeSlug(s)
}

func makeSlug(s string) string {
	return strings.ReplaceAll(cdoatlas.Fold(transliterate(s)), " ", "-")
}

// nameSlugs holds the slugs of the listed names: filler rows need one each.
var nameSlugs = func() map[string]string {
	m := map[string]string{}
	for _, list := range [][]string{givenFemale, givenMale, surnamesDE, surnamesAT, surnamesCH} {
		for _, s := range list {
			m[s] = makeSlug(s)
		}
	}
	return m
}()

func linkedinURL(rng *rand.Rand, given, surname string) string {
	return fmt.Sprintf("https://www.linkedin.com/in/%s-%s-%06x", slugPart(given), slugPart(surname), rng.Uint32()&0xffffff)
}

func xingURL(rng *rand.Rand, given, surname string) string {
	up := func(s string) string {
		return strings.ReplaceAll(titleWords(strings.ReplaceAll(slugPart(s), "-", " ")), " ", "")
	}
	return fmt.Sprintf("https://www.xing.com/profile/%s_%s%d", up(given), up(surname), 1+rng.IntN(9999))
}

// simulate decides every person's state in every wave: CDOs who stay,
// enter, leave (vanish, go to a company, take another job), come back or
// move to another organization; other leads who stay, leave or become CDO.
func (g *gen) simulate() {
	prev := make([]int, len(g.orgs)) // CDOs per organization in the wave before
	cur := make([]int, len(g.orgs))
	for w := 0; w < g.opts.Waves; w++ {
		clear(cur)
		for i, p := range g.people {
			before := state{phase: notYet}
			if w > 0 {
				before = p.states[w-1]
			}
			s := g.step(i, p, w, before, prev, cur)
			p.states[w] = s
			if s.phase == asCDO {
				cur[s.org]++
			}
		}
		prev, cur = cur, prev
	}
}

func (g *gen) step(i int, p *person, w int, before state, prev, cur []int) state {
	rng := g.model
	switch before.phase {
	case notYet:
		if w < p.start {
			return before
		}
		if p.otherRole != "" {
			o := g.anyOrg(i, -1)
			return state{phase: asOther, org: o, role: p.otherRole, title: pickTitle(rng, otherRoleTitles[p.otherRole], p.gender)}
		}
		o := g.vacantOrg(i, -1, prev, cur)
		return state{phase: asCDO, org: o, role: cdoatlas.RoleCDO, title: g.cdoTitle(rng, p.gender, o)}
	case asCDO:
		switch n := rng.IntN(100); {
		case n < 5:
			return state{phase: gone}
		case n < 7:
			p.returnWave = w + 1 + rng.IntN(2)
			return state{phase: away}
		case n < 9:
			c := g.anyCompany(i)
			return state{phase: exCompany, org: -1, company: c, role: cdoatlas.RoleOther, title: pickTitle(rng, exCompanyTitles, p.gender)}
		case n < 11:
			o := g.anyOrg(i, -1)
			return state{phase: exOrg, org: o, role: cdoatlas.RoleOther, title: pickTitle(rng, exOrgTitles, p.gender)}
		case n < 19:
			o := g.vacantOrg(i, before.org, prev, cur)
			return state{phase: asCDO, org: o, role: cdoatlas.RoleCDO, title: g.cdoTitle(rng, p.gender, o)}
		}
		s := before
		if rng.IntN(100) < 12 {
			s.title = g.cdoTitle(rng, p.gender, s.org) // the post is renamed
		}
		return s
	case asOther:
		switch n := rng.IntN(100); {
		case n < 8:
			return state{phase: gone}
		case n < 18:
			// Promoted: the post gets the organization-wide digital role.
			title := g.cdoTitle(rng, p.gender, before.org)
			if p.otherRole == cdoatlas.RoleCIO {
				title = promotedCIOTitle.For(p.gender, rng)
			}
			return state{phase: asCDO, org: before.org, role: cdoatlas.RoleCDO, title: title}
		}
		return before
	case exCompany, exOrg:
		if rng.IntN(100) < 30 {
			return state{phase: gone}
		}
		return before
	case away:
		if w < p.returnWave {
			return before
		}
		o := g.vacantOrg(i, -1, prev, cur)
		return state{phase: asCDO, org: o, role: cdoatlas.RoleCDO, title: g.cdoTitle(rng, p.gender, o)}
	}
	return before
}

// allowed reports whether person i may be placed at organization o: never
// where a namesake ever was, so that the truth stays unambiguous.
func (g *gen) allowed(i, o int) bool {
	for _, j := range g.byName[g.people[i].name()] {
		if j == i {
			continue
		}
		for _, s := range g.people[j].states {
			if s.visible() && s.org == o {
				return false
			}
		}
	}
	return true
}

// anyCompany picks a company where no namesake of person i ever was (when
// it can).
func (g *gen) anyCompany(i int) string {
	rng := g.model
	c := companies[rng.IntN(len(companies))]
	for try := 0; try < 16; try++ {
		ok := true
		for _, j := range g.byName[g.people[i].name()] {
			for _, s := range g.people[j].states {
				if j != i && s.visible() && s.org < 0 && s.company == c {
					ok = false
				}
			}
		}
		if ok {
			break
		}
		c = companies[rng.IntN(len(companies))]
	}
	return c
}

// vacantOrg picks an organization for a CDO post other than exclude:
// one whose CDO left before, now and then, otherwise one that never had
// a CDO in the census; when all had, any without a CDO in these two waves,
// and at last any at all.
func (g *gen) vacantOrg(i, exclude int, prev, cur []int) int {
	rng := g.model
	free := func(o int) bool { return o != exclude && prev[o] == 0 && cur[o] == 0 && g.allowed(i, o) }
	if g.fresh > 0 && rng.IntN(100) < 40 {
		for try := 0; try < 8; try++ {
			if o := g.order[rng.IntN(g.fresh)]; free(o) {
				return o
			}
		}
	}
	for g.fresh < len(g.order) {
		o := g.order[g.fresh]
		g.fresh++
		if free(o) {
			return o
		}
	}
	for try := 0; try < 64; try++ {
		if o := g.order[rng.IntN(len(g.order))]; free(o) {
			return o
		}
	}
	return g.anyOrg(i, exclude)
}

// anyOrg picks a registry organization with an official code other than
// exclude, where no namesake of person i ever was (when it can).
func (g *gen) anyOrg(i, exclude int) int {
	rng := g.model
	for try := 0; try < 64; try++ {
		if o := g.order[rng.IntN(len(g.order))]; o != exclude && g.allowed(i, o) {
			return o
		}
	}
	for _, o := range g.order {
		if o != exclude && g.allowed(i, o) {
			return o
		}
	}
	return g.order[0]
}

func pickTitle(rng *rand.Rand, list []gendered, gender string) string {
	return list[rng.IntN(len(list))].For(gender, rng)
}

// cdoTitle is a title of a CDO post at organization o.
func (g *gen) cdoTitle(rng *rand.Rand, gender string, o int) string {
	org := g.orgs[o]
	switch n := rng.IntN(100); {
	case n < 15:
		return cdoTitleOfOrg.For(gender, rng) + " " + org.genitive()
	case n < 25 && org.Country == "CH":
		return cdoTitleCH.For(gender, rng)
	}
	return pickTitle(rng, cdoTitles, gender)
}
