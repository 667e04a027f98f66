package census

// The relations a reader of the published figures can form, declared to
// disclosure control by MakePublic (public.go).

import (
	"sort"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/disclosure"
)

// declareRegions declares that the people of a country are those of its
// regions (an ISO 3166-2 code starts with its country's) plus those whose
// organization has no region (cell W/region_unknown_in/C), and that the
// latter, over all countries, are by_region's "unknown". Without it a
// country shown beside all but one of its regions gives that one away
// (issue #10). Organizations are validated so that a region lies in its
// country; figures that contradict this get no such relations, since a
// reader's deductions from a false relation are wrong.
func declareRegions(s *disclosure.Set, W string, w *WaveFigures) {
	key := disclosure.Key
	regions := map[string][]string{} // country → its regions
	without := map[string]int{}      // country → people without region
	for c, n := range w.ByCountry {
		without[c] = n
	}
	for _, r := range SortedKeys(w.ByRegion) {
		if r == None {
			continue
		}
		c, _, _ := strings.Cut(r, "-")
		if _, ok := w.ByCountry[c]; !ok {
			return
		}
		regions[c] = append(regions[c], key(W, "by_region", r))
		without[c] -= w.ByRegion[r]
	}
	sum := 0
	for _, n := range without {
		if n < 0 {
			return
		}
		sum += n
	}
	if sum != w.ByRegion[None] {
		return
	}
	var unknown []string
	for _, c := range SortedKeys(w.ByCountry) {
		parts := regions[c]
		if w.ByRegion[None] > 0 {
			u := key(W, "region_unknown_in", c)
			s.Add(u, without[c])
			parts = append(parts, u)
			unknown = append(unknown, u)
		}
		if len(parts) > 0 {
			s.Sum(key(W, "by_country", c), parts...)
		}
	}
	if len(unknown) > 0 {
		s.Sum(key(W, "by_region", None), unknown...)
	}
}

// sizeClassGroups are the kinds that have size classes and the prefix of
// their classes (cdoatlas.SizeClassOf): every other kind has none.
var sizeClassGroups = []struct {
	name   string
	kinds  []string
	prefix string
}{
	{"municipal", []string{cdoatlas.KindMunicipality, cdoatlas.KindCityState}, "GK"},
	{"county", []string{cdoatlas.KindCounty}, "KGK"},
	{"company", []string{cdoatlas.KindCompany, cdoatlas.KindPublicCompany}, "E"},
}

// declareSizeClasses declares what a reader knows of size classes from
// their definitions: the CDOs of the kinds of a group (cell
// W/size_group/G) are those in the group's classes plus those without a
// class (W/no_size_class/G), and by_size_class's "unknown" is the latter
// over all groups plus the CDOs of every kind without classes. Figures
// that contradict the definitions get no such relations.
func declareSizeClasses(s *disclosure.Set, W string, w *WaveFigures) {
	key := disclosure.Key
	group := func(class string) int {
		for i, g := range sizeClassGroups {
			if strings.HasPrefix(class, g.prefix) {
				return i
			}
		}
		return -1
	}
	kinds := make([][]string, len(sizeClassGroups))
	classes := make([][]string, len(sizeClassGroups))
	total := make([]int, len(sizeClassGroups))
	none := make([]int, len(sizeClassGroups))
	var classless []string // kinds without classes
	unknownKinds := 0      // their CDOs
	grouped := map[string]int{}
	for i, g := range sizeClassGroups {
		for _, k := range g.kinds {
			grouped[k] = i
		}
	}
	for _, k := range SortedKeys(w.ByKind) {
		i, ok := grouped[k]
		if !ok {
			classless = append(classless, key(W, "by_kind", k))
			unknownKinds += w.ByKind[k]
			continue
		}
		kinds[i] = append(kinds[i], key(W, "by_kind", k))
		total[i] += w.ByKind[k]
	}
	copy(none, total)
	for _, c := range SortedKeys(w.BySizeClass) {
		if c == None {
			continue
		}
		i := group(c)
		if i < 0 {
			return
		}
		classes[i] = append(classes[i], key(W, "by_size_class", c))
		none[i] -= w.BySizeClass[c]
	}
	unknown := w.BySizeClass[None]
	for i := range sizeClassGroups {
		if none[i] < 0 {
			return
		}
		unknown -= none[i]
	}
	if unknown != unknownKinds {
		return
	}
	if _, ok := w.BySizeClass[None]; !ok {
		s.Add(key(W, "by_size_class", None), 0)
	}
	parts := append([]string(nil), classless...)
	for i, g := range sizeClassGroups {
		if total[i] == 0 {
			continue // no CDO of these kinds, so none in their classes
		}
		gk, nk := key(W, "size_group", g.name), key(W, "no_size_class", g.name)
		s.Add(gk, total[i])
		s.Add(nk, none[i])
		s.Sum(gk, kinds[i]...)
		s.Sum(gk, append(classes[i], nk)...)
		parts = append(parts, nk)
	}
	if len(parts) > 0 {
		s.Sum(key(W, "by_size_class", None), parts...)
	}
}

// countedPerson is a person who counts in a wave: their CDO organizations
// and the fact the breakdowns use (Figures).
type countedPerson struct {
	orgs  map[int64]bool
	first cdoatlas.CensusFact
}

// keptBreakdowns are the breakdowns whose category a person keeps from one
// wave to the next: their own (person) whenever they stay, their first
// organization's when they stay put (the same organizations give the same
// first one, and facts carry an organization's current attributes).
var keptBreakdowns = []struct {
	name   string
	person bool
	of     func(f *cdoatlas.CensusFact) string
}{
	{"by_gender", true, func(f *cdoatlas.CensusFact) string { return orNone(f.Gender) }},
	{"by_country", false, func(f *cdoatlas.CensusFact) string { return orNone(f.Country) }},
	{"by_region", false, func(f *cdoatlas.CensusFact) string { return orNone(f.Region) }},
	{"by_size_class", false, func(f *cdoatlas.CensusFact) string { return orNone(f.SizeClass) }},
	{"by_kind", false, func(f *cdoatlas.CensusFact) string { return orNone(f.Kind) }},
	{"by_public", false, func(f *cdoatlas.CensusFact) string { return publicGroup(f.Kind) }},
	{"by_sector", false, func(f *cdoatlas.CensusFact) string { return orNone(f.Sector) }},
}

// flow is a kind of flow (stayed, moved_in, moved_out, entries, exits)
// of people of category from in the earlier wave and to in the later one
// ("": no part of that wave).
type flow struct{ from, to, kind string }

// declareAcrossWaves declares what a reader knows of waves i−1 and i:
// each category of a kept breakdown in the later wave is those in it who
// stayed (put) plus those who moved in plus entries, in the earlier wave
// those who stayed (put) plus those who moved out plus exits; age bands
// likewise, with those who stayed in their band or one a little older.
// Without this, in a quiet year a category withheld in one wave could be
// read off the other. The flows are hidden cells (Set.Hide); flows of 0
// are left out, that is, a reader is assumed to know them (on the safe
// side; this also rules out what cannot happen, such as going from under
// 40 to over 60 in a year). A breakdown whose stayers change category
// (figures not made from the store) gets no such relations.
func declareAcrossWaves(s *disclosure.Set, st *Stats, i int) {
	if len(st.counted) != len(st.Waves) {
		return
	}
	w0, w1 := &st.Waves[i-1], &st.Waves[i]
	// Who is in either wave: fact of the earlier wave, of the later one
	// (nil when not in it), and whether they stayed put.
	type person struct {
		before, after *cdoatlas.CensusFact
		put           bool
	}
	var people []person
	for p, c := range st.counted[i] {
		x := person{after: &c.first}
		if prev, ok := st.counted[i-1][p]; ok {
			x.before, x.put = &prev.first, sameSet(prev.orgs, c.orgs)
		}
		people = append(people, x)
	}
	for p, c := range st.counted[i-1] {
		if _, ok := st.counted[i][p]; !ok {
			people = append(people, person{before: &c.first})
		}
	}
	for _, b := range keptBreakdowns {
		n := map[flow]int{}
		consistent := true
		for _, x := range people {
			switch {
			case x.before == nil:
				n[flow{"", b.of(x.after), "entries"}]++
			case x.after == nil:
				n[flow{b.of(x.before), "", "exits"}]++
			case b.person || x.put:
				v := b.of(x.after)
				consistent = consistent && b.of(x.before) == v
				n[flow{v, v, "stayed"}]++
			default:
				n[flow{"", b.of(x.after), "moved_in"}]++
				n[flow{b.of(x.before), "", "moved_out"}]++
			}
		}
		if consistent {
			declareFlows(s, w0, w1, b.name, n, !b.person)
		}
	}
	// Age bands: who stays is older by the years between the waves.
	y0, y1 := cdoatlas.PartialDate(w0.Date).Year(), cdoatlas.PartialDate(w1.Date).Year()
	n := map[flow]int{}
	for _, x := range people {
		switch {
		case x.before == nil:
			n[flow{"", ageBand(x.after.BirthYear, y1), "entries"}]++
		case x.after == nil:
			n[flow{ageBand(x.before.BirthYear, y0), "", "exits"}]++
		default:
			n[flow{ageBand(x.before.BirthYear, y0), ageBand(x.after.BirthYear, y1), "stayed"}]++
		}
	}
	declareFlows(s, w0, w1, "by_age_band", n, false)
}

// declareFlows adds the flows of a breakdown between waves w0 and w1 as
// hidden cells, and their relations: each category of either wave is the
// sum of its flows, and so are stayed (stayed_put when put: of those
// who stayed put), entries, exits, and moved twice (moved in, moved out).
func declareFlows(s *disclosure.Set, w0, w1 *WaveFigures, breakdown string, n map[flow]int, put bool) {
	key := disclosure.Key
	W := w1.Wave
	flows := make([]flow, 0, len(n))
	for f := range n {
		flows = append(flows, f)
	}
	sort.Slice(flows, func(i, j int) bool {
		a, b := flows[i], flows[j]
		if a.from != b.from {
			return a.from < b.from
		}
		if a.to != b.to {
			return a.to < b.to
		}
		return a.kind < b.kind
	})
	sums := map[string][]string{} // a sum → its flows
	var order []string
	add := func(cell, flow string) {
		if _, ok := sums[cell]; !ok {
			order = append(order, cell)
		}
		sums[cell] = append(sums[cell], flow)
	}
	for _, f := range flows {
		var k, total string
		switch {
		case f.kind == "stayed" && f.from != f.to:
			k, total = key(W, "flow", breakdown, f.to, "stayed_from", f.from), key(W, "stayed")
		case f.kind == "stayed" && put:
			k, total = key(W, "flow", breakdown, f.to, "stayed_put"), key(W, "stayed_put")
		case f.to != "":
			k, total = key(W, "flow", breakdown, f.to, f.kind), key(W, f.kind)
		default:
			k, total = key(W, "flow", breakdown, f.from, f.kind), key(W, f.kind)
		}
		if f.kind == "moved_in" || f.kind == "moved_out" {
			total = key(W, "moved") + "\x00" + f.kind // moved is the sum of either
		}
		s.Hide(k, n[f])
		if f.from != "" {
			add(key(w0.Wave, breakdown, f.from), k)
		}
		if f.to != "" {
			add(key(W, breakdown, f.to), k)
		}
		add(total, k)
	}
	for _, cell := range order {
		total, _, _ := strings.Cut(cell, "\x00")
		s.Sum(total, sums[cell]...)
	}
}
