package censusgen

import (
	"github.com/cdoatlas/cdoatlas/census"
	"slices"

	"github.com/cdoatlas/cdoatlas"
)

// addCDO records that person i has a row with role cdo at organization o
// in wave w.
func (g *gen) addCDO(w, i, o int) {
	if g.cdoAt == nil {
		g.cdoAt = make([][][]int, g.opts.Waves)
	}
	if g.cdoAt[w] == nil {
		g.cdoAt[w] = make([][]int, len(g.people))
	}
	if !slices.Contains(g.cdoAt[w][i], o) {
		g.cdoAt[w][i] = append(g.cdoAt[w][i], o)
	}
}

// figures fills in the persons and the wave figures of the truth from the
// rows written (DESIGN §4): a person counts in a wave when a row of theirs
// in that wave has role cdo.
func (g *gen) figures() {
	t := g.truth
	for _, p := range g.people {
		tp := Person{Key: p.key, Name: p.name(), Gender: "unknown"}
		if p.sawGender {
			tp.Gender = p.gender
		}
		if p.sawBirthYear {
			y := p.birthYear
			tp.BirthYear = &y
		}
		t.Persons = append(t.Persons, tp)
	}
	codes := func(w, i int) []string {
		if g.cdoAt == nil || g.cdoAt[w] == nil {
			return nil
		}
		var cs []string
		for _, o := range g.cdoAt[w][i] {
			cs = append(cs, g.orgs[o].OfficialCode)
		}
		slices.Sort(cs)
		return cs
	}
	byCode := map[string]*org{}
	for _, o := range g.orgs {
		if o.tracked() {
			byCode[o.OfficialCode] = o
		}
	}
	for w := 0; w < g.opts.Waves; w++ {
		f := census.WaveFigures{
			Wave: waveID(g.opts, w), Date: waveDate(g.opts, w),
			ByCountry: map[string]int{}, ByRegion: map[string]int{}, BySizeClass: map[string]int{}, ByKind: map[string]int{},
			ByGender: map[string]int{"f": 0, "m": 0, "d": 0, cdoatlas.GenderUnknown: 0},
		}
		for i := range g.people {
			now := codes(w, i)
			var before []string
			if w > 0 {
				before = codes(w-1, i)
			}
			switch {
			case len(now) > 0 && len(before) > 0:
				f.Stayed++
				if !slices.Equal(now, before) {
					f.Moved++
				}
			case len(now) > 0:
				f.Entries++
			case len(before) > 0:
				f.Exits++
			}
			if len(now) == 0 {
				continue
			}
			f.CDOs++
			o := byCode[now[0]]
			f.ByCountry[o.Country]++
			f.ByRegion[o.Region]++
			f.BySizeClass[orNone(o.SizeClass)]++
			f.ByKind[o.Kind]++
			f.ByGender[t.Persons[i].Gender]++
		}
		t.Waves = append(t.Waves, f)
	}
}

// orNone keys an organization without a size class the way census does.
func orNone(s string) string {
	if s == "" {
		return census.None
	}
	return s
}
