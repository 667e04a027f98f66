package census_test

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/internal/attack"
	"github.com/cdoatlas/cdoatlas/refdata"
)

// What a reader of /statistics, its downloads and the report knows, as a
// system of equations for the attacker (internal/attack). Written from
// DESIGN §4 and from what the pages print, not from MakePublic's Set, so
// that it finds relations MakePublic forgets.
//
// Every page shows parts of census.Public: the statistics page a wave and
// one other wave (any, chosen by the reader), the CSV, XLSX and report
// every wave. So the reader here sees every wave of pub at once, which
// covers every comparison of two waves.
//
// The unknowns are the withheld counts, and counts never printed that a
// reader can still reason about (the people of a country whose region is
// unknown, flows by breakdown). The equations:
//
//   - every breakdown of a wave (by_country … by_sector, by_public) sums
//     to its CDOs; by_role cdo is the CDOs;
//   - the kinds make up the groups of by_public;
//   - a country is the sum of its regions (ISO prefix) and of its people
//     without region, and those, over all countries, are by_region's
//     "unknown";
//   - size classes belong to kinds (GK to municipalities and city states,
//     KGK to counties, E to companies): those kinds are their classes plus
//     the ones without class, and by_size_class's "unknown" is the latter
//     plus every kind that has no classes;
//   - flows: cdos = stayed + entries, cdos of the wave before = stayed +
//     exits, stayed = moved + stayed put; the first wave has no exits and
//     nobody stayed;
//   - densities: a printed density gives the count it was computed from;
//   - across consecutive waves: a person who stayed keeps their gender and
//     birth year (age bands move up by the years between the waves), and
//     one who stayed put keeps their organization, so its country, region,
//     size class, kind and sector. Each such breakdown of the later wave is
//     those who stayed (put) plus movers plus entries, of the earlier wave
//     those who stayed (put) plus movers plus exits.
//
// Not modelled: archetype, placement and hire across waves (they belong
// to posts and tenures, which can change without a move); structural
// knowledge beyond size classes (e.g. that city states lie in Berlin,
// Hamburg and Bremen); persons followed over three or more waves.
type reader struct {
	t   testing.TB
	sys attack.System
	k   int
	// targets are the withheld counts; derived are the counts never
	// printed that MakePublic protects as if they were (people without
	// region per country, without size class per kind group, stayed put).
	targets, derived []int
	zeros            []int // withheld counts of 0
}

// expr is c + Σ terms.
type expr struct {
	c     int64
	terms []attack.Term
}

func known(n int) expr { return expr{c: int64(n)} }

func plus(es ...expr) expr {
	var out expr
	for _, e := range es {
		out.c += e.c
		out.terms = append(out.terms, e.terms...)
	}
	return out
}

// published is a printed count: its value, or an unknown when withheld.
func (r *reader) published(name string, p *int, truth int) expr {
	if p != nil {
		if *p != truth {
			r.t.Fatalf("%s printed as %d, is %d", name, *p, truth)
		}
		return known(*p)
	}
	v := r.sys.Var(name, int64(truth))
	if truth == 0 {
		r.zeros = append(r.zeros, v)
	} else {
		r.targets = append(r.targets, v)
	}
	return expr{terms: []attack.Term{{Var: v, Coef: 1}}}
}

// hidden is a count never printed; derived ones are checked like withheld
// counts when they are 1 … k−1.
func (r *reader) hidden(name string, truth int, derived bool) expr {
	if truth < 0 {
		r.t.Fatalf("%s is %d: the reader's model is wrong", name, truth)
	}
	v := r.sys.Var(name, int64(truth))
	if derived {
		r.derived = append(r.derived, v)
	}
	return expr{terms: []attack.Term{{Var: v, Coef: 1}}}
}

// equal declares lhs = Σ rhs.
func (r *reader) equal(text string, lhs expr, rhs ...expr) {
	terms := append([]attack.Term(nil), lhs.terms...)
	c := -lhs.c
	for _, e := range rhs {
		c += e.c
		for _, t := range e.terms {
			terms = append(terms, attack.Term{Var: t.Var, Coef: -t.Coef})
		}
	}
	r.sys.Equal(text, c, terms...)
}

// publicGroupOf is DESIGN's grouping of kinds into public administration,
// companies and the rest.
func publicGroupOf(kind string) string {
	switch kind {
	case "municipality", "county", "city_state", "state", "federal":
		return "public"
	case "public_company", "company":
		return "company"
	}
	return "other"
}

// sizeGroupOf returns the kinds a size class belongs to (KGSt classes).
func sizeGroupOf(class string) string {
	switch {
	case strings.HasPrefix(class, "GK"):
		return "municipal"
	case strings.HasPrefix(class, "KGK"):
		return "county"
	case strings.HasPrefix(class, "E") && len(class) == 2:
		return "company"
	}
	return ""
}

func kindSizeGroup(kind string) string {
	switch kind {
	case "municipality", "city_state":
		return "municipal"
	case "county":
		return "county"
	case "company", "public_company":
		return "company"
	}
	return ""
}

// waveCells are the expressions of one wave's counts.
type waveCells struct {
	cdos, entries, exits, stayed, moved, stayedPut expr
	b                                              map[string]map[string]expr // breakdown → key → count
	keys                                           map[string][]string
}

func (w *waveCells) cell(breakdown, key string) expr {
	if e, ok := w.b[breakdown][key]; ok {
		return e
	}
	return known(0) // not printed: nobody
}

// readerModel builds the reader's system for pub, with the true values
// from st (the figures pub was made from) and facts (for the flows by
// breakdown, which no figure holds).
func readerModel(t testing.TB, pub *census.Public, st *census.Stats, waves []cdoatlas.Wave, facts []cdoatlas.CensusFact) *reader {
	t.Helper()
	r := &reader{t: t, k: pub.K}
	if len(pub.Waves) != len(st.Waves) {
		t.Fatalf("%d waves published, %d computed", len(pub.Waves), len(st.Waves))
	}
	cells := make([]*waveCells, len(pub.Waves))
	for i := range pub.Waves {
		cells[i] = r.wave(&pub.Waves[i], &st.Waves[i])
		w, W := cells[i], pub.Waves[i].Wave
		if i == 0 {
			r.equal(W+": nobody stayed in the first wave", w.stayed)
			r.equal(W+": no exits in the first wave", w.exits)
			continue
		}
		r.equal(W+": cdos before = stayed + exits", cells[i-1].cdos, w.stayed, w.exits)
		r.acrossWaves(cells[i-1], w, waves[i-1], waves[i], facts)
	}
	return r
}

func (r *reader) wave(pw *census.PublicWave, tw *census.WaveFigures) *waveCells {
	W := pw.Wave
	w := &waveCells{b: map[string]map[string]expr{}, keys: map[string][]string{}}
	w.cdos = r.published(W+"/cdos", pw.CDOs, tw.CDOs)
	w.entries = r.published(W+"/entries", pw.Entries, tw.Entries)
	w.exits = r.published(W+"/exits", pw.Exits, tw.Exits)
	w.stayed = r.published(W+"/stayed", pw.Stayed, tw.Stayed)
	w.moved = r.published(W+"/moved", pw.Moved, tw.Moved)
	w.stayedPut = r.hidden(W+"/stayed_put", tw.Stayed-tw.Moved, true)
	r.equal(W+": stayed = moved + stayed put", w.stayed, w.moved, w.stayedPut)
	r.equal(W+": cdos = stayed + entries", w.cdos, w.stayed, w.entries)

	truth := map[string]map[string]int{"by_role": tw.ByRole}
	for _, b := range tw.Breakdowns() {
		truth[b.Name] = b.Cells
	}
	printed := map[string]map[string]*int{"by_role": pw.ByRole}
	for name, m := range pw.Breakdowns {
		printed[name] = m
	}
	for name, m := range printed {
		tm, ok := truth[name]
		if !ok {
			r.t.Fatalf("%s: breakdown %s printed but unknown to the model", W, name)
		}
		w.b[name] = map[string]expr{}
		for key, p := range m {
			w.b[name][key] = r.published(W+"/"+name+"/"+key, p, tm[key])
			w.keys[name] = append(w.keys[name], key)
		}
		for key, n := range tm {
			if _, ok := m[key]; !ok && n != 0 {
				r.t.Fatalf("%s/%s/%s = %d not printed at all", W, name, key, n)
			}
		}
		sort.Strings(w.keys[name])
		if name == "by_role" {
			if _, ok := m[cdoatlas.RoleCDO]; ok {
				r.equal(W+": by_role cdo = cdos", w.cdos, w.b[name][cdoatlas.RoleCDO])
			}
			continue
		}
		var parts []expr
		for _, key := range w.keys[name] {
			parts = append(parts, w.b[name][key])
		}
		r.equal(W+": "+name+" sums to cdos", w.cdos, parts...)
	}

	// Kinds make up the groups of by_public.
	groups := map[string][]expr{"public": nil, "company": nil, "other": nil}
	for _, kind := range w.keys["by_kind"] {
		g := publicGroupOf(kind)
		groups[g] = append(groups[g], w.cell("by_kind", kind))
	}
	for g, parts := range groups {
		r.equal(W+": kinds make up by_public "+g, w.cell("by_public", g), parts...)
	}

	// A country is its regions and its people without region.
	countries := map[string]bool{}
	for _, c := range w.keys["by_country"] {
		countries[c] = true
	}
	for _, reg := range w.keys["by_region"] {
		if reg != census.None {
			c, _, _ := strings.Cut(reg, "-")
			countries[c] = true
		}
	}
	var unknownRegion []expr
	for _, c := range sortedSet(countries) {
		var parts []expr
		n := tw.ByCountry[c]
		for _, reg := range w.keys["by_region"] {
			if strings.HasPrefix(reg, c+"-") {
				parts = append(parts, w.cell("by_region", reg))
				n -= tw.ByRegion[reg]
			}
		}
		u := r.hidden(W+"/region_unknown_in/"+c, n, true)
		unknownRegion = append(unknownRegion, u)
		r.equal(W+": "+c+" = its regions + its people without region", w.cell("by_country", c), append(parts, u)...)
	}
	r.equal(W+": by_region unknown = people without region in each country", w.cell("by_region", census.None), unknownRegion...)

	// Size classes belong to kinds.
	sizes, kinds := map[string][]expr{}, map[string][]expr{}
	sizeTruth := map[string]int{}
	var noClass []expr
	for _, class := range w.keys["by_size_class"] {
		if g := sizeGroupOf(class); g != "" {
			sizes[g] = append(sizes[g], w.cell("by_size_class", class))
			sizeTruth[g] -= tw.BySizeClass[class]
		} else if class != census.None {
			r.t.Fatalf("%s: size class %q belongs to no kind", W, class)
		}
	}
	for _, kind := range w.keys["by_kind"] {
		if g := kindSizeGroup(kind); g != "" {
			kinds[g] = append(kinds[g], w.cell("by_kind", kind))
			sizeTruth[g] += tw.ByKind[kind]
		} else {
			noClass = append(noClass, w.cell("by_kind", kind))
		}
	}
	for _, g := range []string{"municipal", "county", "company"} {
		none := r.hidden(W+"/no_size_class/"+g, sizeTruth[g], true)
		noClass = append(noClass, none)
		r.equal(W+": kinds of "+g+" = their size classes + those without", plus(kinds[g]...), append(sizes[g], none)...)
	}
	r.equal(W+": size class unknown = kinds without a class", w.cell("by_size_class", census.None), noClass...)

	// A printed density gives its count; so does the density table's
	// count column and the map.
	for _, d := range pw.Density {
		region := w.cell("by_region", d.Region)
		if d.CDOs != nil {
			r.equal(W+": density table count of "+d.Region, region, known(*d.CDOs))
		}
		ref, ok := refdata.Find(d.Region)
		if !ok {
			r.t.Fatalf("density of %s without reference data", d.Region)
		}
		lo, hi := densityCounts(d, ref, tw.CDOs)
		if lo > hi {
			r.t.Fatalf("%s: no count gives the printed density of %s", W, d.Region)
		}
		if lo > 0 || hi < tw.CDOs {
			n := tw.ByRegion[d.Region]
			s1 := r.hidden(W+"/density_above_min/"+d.Region, n-lo, false)
			s2 := r.hidden(W+"/density_below_max/"+d.Region, hi-n, false)
			r.equal(W+": density of "+d.Region+" bounds its count from below", region, known(lo), s1)
			r.equal(W+": density of "+d.Region+" bounds its count from above", known(hi), region, s2)
		}
	}
	return w
}

// densityCounts returns the counts 0 … limit whose densities print as d's
// (CSV precision), as an interval: a density grows with the count, so
// they lie around the count the density gives back.
func densityCounts(d census.Density, ref refdata.Region, limit int) (lo, hi int) {
	if d.Per100Municipalities == nil && d.PerMillion == nil {
		return 0, limit
	}
	fits := func(n int) bool {
		if n < 0 || n > limit {
			return false
		}
		per100, perMillion := refdata.Density(n, ref)
		return (d.Per100Municipalities == nil || strconv.FormatFloat(per100, 'f', 3, 64) == strconv.FormatFloat(*d.Per100Municipalities, 'f', 3, 64)) &&
			(d.PerMillion == nil || strconv.FormatFloat(perMillion, 'f', 2, 64) == strconv.FormatFloat(*d.PerMillion, 'f', 2, 64))
	}
	est := 0
	if d.Per100Municipalities != nil {
		est = int(*d.Per100Municipalities * float64(ref.Municipalities) / 100)
	} else {
		est = int(*d.PerMillion * float64(ref.Population) / 1e6)
	}
	for n := est - 3; n <= est+3; n++ {
		if fits(n) {
			lo, hi = n, n
			for fits(lo - 1) {
				lo--
			}
			for fits(hi + 1) {
				hi++
			}
			return lo, hi
		}
	}
	return 1, 0
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// counted is a person counted in a wave: their CDO organizations and the
// fact the breakdowns use (DESIGN §4: the first organization by official
// code, those without a code last, then by ID).
type counted struct {
	orgs  map[int64]bool
	first cdoatlas.CensusFact
}

func countedIn(wave string, facts []cdoatlas.CensusFact) map[int64]*counted {
	out := map[int64]*counted{}
	for _, f := range facts {
		if f.Wave != wave || f.Role != cdoatlas.RoleCDO || f.Person == 0 {
			continue
		}
		c := out[f.Person]
		if c == nil {
			c = &counted{orgs: map[int64]bool{}, first: f}
			out[f.Person] = c
		}
		c.orgs[f.Org] = true
		a, b := f, c.first
		if a.OfficialCode != "" && b.OfficialCode == "" || (a.OfficialCode == "") == (b.OfficialCode == "") &&
			(a.OfficialCode < b.OfficialCode || a.OfficialCode == b.OfficialCode && a.Org < b.Org) {
			c.first = f
		}
	}
	return out
}

func orUnknown(s string) string {
	if s == "" {
		return census.None
	}
	return s
}

// ageBandOf returns the age band of someone born in birth at the year.
func ageBandOf(birth *int, year int) string {
	if birth == nil {
		return census.None
	}
	switch a := year - *birth; {
	case a < 40:
		return "under_40"
	case a < 50:
		return "40_49"
	case a < 60:
		return "50_59"
	}
	return "60_plus"
}

var ageBandSpan = map[string][2]int{"under_40": {0, 39}, "40_49": {40, 49}, "50_59": {50, 59}, "60_plus": {60, 1000}}

// acrossWaves adds what a reader knows of two consecutive waves: those
// who stayed keep their person's attributes, those who stayed put keep
// their organization's.
func (r *reader) acrossWaves(w0, w1 *waveCells, wave0, wave1 cdoatlas.Wave, facts []cdoatlas.CensusFact) {
	c0, c1 := countedIn(wave0.ID, facts), countedIn(wave1.ID, facts)
	y0, y1 := wave0.Date.Year(), wave1.Date.Year()
	W := wave1.ID
	type flow struct{ put, m0, m1, entry, exit map[string]int }
	type attr struct {
		name   string
		of     func(f cdoatlas.CensusFact, year int) string
		person bool // kept by everyone who stayed, not only those who stayed put
	}
	attrs := []attr{
		{"by_gender", func(f cdoatlas.CensusFact, _ int) string { return orUnknown(f.Gender) }, true},
		{"by_country", func(f cdoatlas.CensusFact, _ int) string { return orUnknown(f.Country) }, false},
		{"by_region", func(f cdoatlas.CensusFact, _ int) string { return orUnknown(f.Region) }, false},
		{"by_size_class", func(f cdoatlas.CensusFact, _ int) string { return orUnknown(f.SizeClass) }, false},
		{"by_kind", func(f cdoatlas.CensusFact, _ int) string { return orUnknown(f.Kind) }, false},
		{"by_public", func(f cdoatlas.CensusFact, _ int) string { return publicGroupOf(f.Kind) }, false},
		{"by_sector", func(f cdoatlas.CensusFact, _ int) string { return orUnknown(f.Sector) }, false},
	}
	for _, a := range attrs {
		fl := flow{map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}}
		for p, c := range c1 {
			v1 := a.of(c.first, y1)
			prev, ok := c0[p]
			switch {
			case !ok:
				fl.entry[v1]++
			case a.person || sameOrgs(prev.orgs, c.orgs):
				if v0 := a.of(prev.first, y0); v0 != v1 {
					r.t.Fatalf("%s: person %d stayed but %s went from %s to %s", W, p, a.name, v0, v1)
				}
				fl.put[v1]++
			default:
				fl.m1[v1]++
				fl.m0[a.of(prev.first, y0)]++
			}
		}
		for p, c := range c0 {
			if _, ok := c1[p]; !ok {
				fl.exit[a.of(c.first, y0)]++
			}
		}
		values := map[string]bool{}
		for _, k := range append(append([]string(nil), w0.keys[a.name]...), w1.keys[a.name]...) {
			values[k] = true
		}
		var puts, m0s, m1s, entries, exits []expr
		for _, v := range sortedSet(values) {
			name := W + "/" + a.name + "/" + v
			put := r.hidden(name+"/stayed", fl.put[v], false)
			entry := r.hidden(name+"/entries", fl.entry[v], false)
			exit := r.hidden(name+"/exits", fl.exit[v], false)
			puts, entries, exits = append(puts, put), append(entries, entry), append(exits, exit)
			in1, in0 := []expr{put, entry}, []expr{put, exit}
			if !a.person {
				m1 := r.hidden(name+"/moved_in", fl.m1[v], false)
				m0 := r.hidden(name+"/moved_out", fl.m0[v], false)
				m1s, m0s = append(m1s, m1), append(m0s, m0)
				in1, in0 = append(in1, m1), append(in0, m0)
			}
			r.equal(name+": later wave = stayed + moved in + entries", w1.cell(a.name, v), in1...)
			r.equal(name+": earlier wave = stayed + moved out + exits", w0.cell(a.name, v), in0...)
		}
		if a.person {
			r.equal(W+"/"+a.name+": stayed", w1.stayed, puts...)
		} else {
			r.equal(W+"/"+a.name+": stayed put", w1.stayedPut, puts...)
			r.equal(W+"/"+a.name+": moved in", w1.moved, m1s...)
			r.equal(W+"/"+a.name+": moved out", w1.moved, m0s...)
		}
		r.equal(W+"/"+a.name+": entries", w1.entries, entries...)
		r.equal(W+"/"+a.name+": exits", w1.exits, exits...)
	}

	// Age bands: who stayed is older by the years between the waves.
	trans := map[[2]string]int{}
	entry, exit := map[string]int{}, map[string]int{}
	for p, c := range c1 {
		b1 := ageBandOf(c.first.BirthYear, y1)
		if prev, ok := c0[p]; ok {
			trans[[2]string{ageBandOf(prev.first.BirthYear, y0), b1}]++
		} else {
			entry[b1]++
		}
	}
	for p, c := range c0 {
		if _, ok := c1[p]; !ok {
			exit[ageBandOf(c.first.BirthYear, y0)]++
		}
	}
	bands := census.AgeBands
	into, outOf := map[string][]expr{}, map[string][]expr{}
	var stayed, entries, exits []expr
	for _, a := range bands {
		for _, b := range bands {
			if !ageStep(a, b, y1-y0) {
				if trans[[2]string{a, b}] != 0 {
					r.t.Fatalf("%s: %d people went from age band %s to %s", W, trans[[2]string{a, b}], a, b)
				}
				continue
			}
			s := r.hidden(W+"/by_age_band/"+a+"→"+b, trans[[2]string{a, b}], false)
			into[b], outOf[a] = append(into[b], s), append(outOf[a], s)
			stayed = append(stayed, s)
		}
	}
	for _, b := range bands {
		e := r.hidden(W+"/by_age_band/"+b+"/entries", entry[b], false)
		x := r.hidden(W+"/by_age_band/"+b+"/exits", exit[b], false)
		entries, exits = append(entries, e), append(exits, x)
		r.equal(W+"/by_age_band/"+b+": later wave", w1.cell("by_age_band", b), append(into[b], e)...)
		r.equal(W+"/by_age_band/"+b+": earlier wave", w0.cell("by_age_band", b), append(outOf[b], x)...)
	}
	r.equal(W+"/by_age_band: stayed", w1.stayed, stayed...)
	r.equal(W+"/by_age_band: entries", w1.entries, entries...)
	r.equal(W+"/by_age_band: exits", w1.exits, exits...)
}

// ageStep reports whether someone in band a can be in band b years later.
func ageStep(a, b string, years int) bool {
	if a == census.None || b == census.None {
		return a == b
	}
	sa, sb := ageBandSpan[a], ageBandSpan[b]
	return sa[0]+years <= sb[1] && sa[1]+years >= sb[0]
}

func sameOrgs(a, b map[int64]bool) bool {
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

// attackPublic plays the reader against pub and reports every withheld
// count (and every derived count of 1 … k−1) a reader can recompute, and
// every withheld count of 1 … k−1 a reader can tell is 1 … k−1.
func attackPublic(t testing.TB, pub *census.Public, st *census.Stats, waves []cdoatlas.Wave, facts []cdoatlas.CensusFact) (determined, small []attack.Finding, r *reader) {
	t.Helper()
	r = readerModel(t, pub, st, waves, facts)
	a, err := r.sys.Attack(r.k)
	if err != nil {
		t.Fatal(err)
	}
	targets := append([]int(nil), r.targets...)
	targets = append(targets, r.zeros...)
	for _, v := range r.derived {
		if n := r.sys.Truth(v); n >= 1 && n < int64(r.k) {
			targets = append(targets, v)
		}
	}
	determined = append(determined, a.Check(targets, nil)...)
	small = a.Check(nil, r.targets)
	return determined, small, r
}

func describe(fs []attack.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n\t%s", f)
	}
	return b.String()
}
