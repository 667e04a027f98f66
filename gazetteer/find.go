package gazetteer

import (
	"sort"
	"strings"
	"unicode"

	"github.com/cdoatlas/cdoatlas"
)

// Query asks for the place a name means.
type Query struct {
	Name    string
	Country string // optional: DE, AT, CH or a country's name
	Region  string // optional: anything cdoatlas.NormalizeRegion accepts
	Kind    string // optional: municipality, county or city_state; else the wording decides
}

// Result is what Find made of a query.
type Result struct {
	Place      *Place  // nil when no single place fits
	Candidates []Place // when Place is nil: up to 5 that fit the name, or resemble it; empty when nothing does
	// Partial tells that the name is only the first part of the place's
	// name: "Brandenburg" for Brandenburg an der Havel.
	Partial bool
}

// maxCandidates caps Result.Candidates.
const maxCandidates = 5

type index struct {
	places []Place
	byCode map[string]int32
	exact  map[string][]int32 // the key of the name or the official name
	alt    map[string][]int32 // the key without disambiguators, other languages, other short forms
	head   map[string][]int32 // the part before "am …": "frankfurt" for Frankfurt am Main
	keys   []string           // sorted exact keys, for prefix near misses
	// spelled holds the exact keys of places whose names fold alike but
	// are spelled apart ("Homberg" and "Hömberg", "Bünde" and "Bunde").
	spelled map[string]bool
	// byShape buckets exact keys by first byte and length, for typos.
	byShape map[shape][]string
}

type shape struct {
	first byte
	n     int
}

// otherNames are names the sources lack: other languages and exonyms.
var otherNames = []struct{ country, code, name string }{
	{"CH", "6621", "Genf"}, {"CH", "6621", "Geneva"}, {"CH", "2196", "Freiburg im Üechtland"}, {"CH", "2196", "Freiburg"},
	{"CH", "6458", "Neuenburg"}, {"CH", "6266", "Sitten"}, {"CH", "1061", "Lucerne"}, {"CH", "351", "Berne"},
	{"CH", "2701", "Bâle"}, {"CH", "5002", "Bellenz"}, {"AT", "90001", "Vienna"}, {"DE", "09162000", "Munich"},
	{"DE", "05315000", "Cologne"}, {"DE", "09564000", "Nuremberg"},
}

func buildIndex(places []Place) *index {
	ix := &index{
		places:  places,
		byCode:  make(map[string]int32, len(places)),
		exact:   make(map[string][]int32, 2*len(places)),
		alt:     make(map[string][]int32, len(places)),
		head:    make(map[string][]int32, len(places)/4),
		byShape: map[shape][]string{},
	}
	add := func(m map[string][]int32, key string, i int32) {
		if key == "" {
			return
		}
		for _, j := range m[key] {
			if j == i {
				return
			}
		}
		m[key] = append(m[key], i)
	}
	for n := range places {
		i := int32(n)
		p := &places[n]
		ix.byCode[p.Country+"|"+p.Code] = i
		for _, name := range []string{p.Name, p.OfficialName} {
			pn := parseName(name)
			add(ix.exact, pn.key(), i)
			if len(pn.paren) > 0 {
				add(ix.alt, pn.base(), i)
			}
			add(ix.head, pn.head(), i)
			if before, _, ok := strings.Cut(name, "/"); ok {
				add(ix.alt, parseName(before).key(), i)
				if p.Country == "CH" { // bilingual names: Biel/Bienne
					for _, part := range strings.Split(name, "/")[1:] {
						add(ix.alt, parseName(part).key(), i)
					}
				}
			}
			if p.Kind == cdoatlas.KindCounty {
				// "Kreis Neuss" and "Kreisverwaltung Neuss" for the Rhein-Kreis Neuss.
				for w := 0; w < len(pn.words)-1; w++ {
					if pn.words[w] == "kreis" {
						add(ix.alt, joinKey(pn.words[w+1:], nil), i)
					}
				}
			}
			if p.Country == "AT" && p.Kind == cdoatlas.KindCounty {
				// "Bezirk Krems" for Krems-Land: the city is a municipality
				for _, tail := range []string{" land", " umgebung"} {
					if k := pn.key(); strings.HasSuffix(k, tail) {
						add(ix.alt, strings.TrimSuffix(k, tail), i)
					}
				}
			}
		}
	}
	for _, o := range otherNames {
		if i, ok := ix.byCode[o.country+"|"+o.code]; ok {
			k, _ := Key(o.name)
			add(ix.alt, k, i)
		}
	}
	ix.spelled = map[string]bool{}
	for k, ids := range ix.exact {
		for _, i := range ids[1:] {
			if spelling(places[i].Name) != spelling(places[ids[0]].Name) {
				ix.spelled[k] = true
			}
		}
	}
	ix.keys = make([]string, 0, len(ix.exact))
	for k := range ix.exact {
		ix.keys = append(ix.keys, k)
		if len(k) >= 4 {
			s := shape{k[0], len(k)}
			ix.byShape[s] = append(ix.byShape[s], k)
		}
	}
	sort.Strings(ix.keys)
	return ix
}

// Find returns the place a name means. A name that fits one place is that
// place; a name that fits several of the same kind is not guessed: Place
// is nil and the candidates are listed, most populous first, until a
// country or region tells them apart. Where a name fits one municipality
// and one county ("München"), the municipality is meant; the county needs
// county wording ("Landkreis München"). Names with a legal form or of a
// federal body fit no place.
func Find(q Query) Result {
	return theIndex().find(q)
}

// CantonSuffix reports whether a name ends with a Swiss canton's
// abbreviation that also reads as a legal form ("Baden AG"), so that
// Find may take it for a municipality of that canton.
func CantonSuffix(name string) bool {
	_, ok := aargauName(name)
	return ok
}

// aargauName writes "Baden AG" as "Baden (AG)".
func aargauName(name string) (string, bool) {
	base, ok := strings.CutSuffix(strings.TrimSpace(name), " AG")
	if !ok || strings.TrimSpace(base) == "" {
		return "", false
	}
	return base + " (AG)", true
}

// SpellingMatters reports whether places whose names have the key (see
// Key) are told apart by their spelling alone: "Homberg" and "Hömberg".
// A name with such a key needs Find, which reads the spelling.
func SpellingMatters(key string) bool {
	return theIndex().spelled[key]
}

type filter struct {
	country, region, kind string
}

func (f filter) fits(p *Place) bool {
	if f.country != "" && p.Country != f.country || f.region != "" && p.Region != f.region {
		return false
	}
	switch f.kind {
	case "":
		return true
	case cdoatlas.KindMunicipality, cdoatlas.KindCityState:
		return p.Kind == cdoatlas.KindMunicipality || p.Kind == cdoatlas.KindCityState
	case cdoatlas.KindState:
		return p.Kind == cdoatlas.KindCityState
	}
	return p.Kind == f.kind
}

func (ix *index) find(q Query) Result {
	// "Baden AG", "Gemeinde Wettingen AG": Swiss municipalities carry
	// their canton's abbreviation, and Aargau's reads as a legal form.
	if alt, ok := aargauName(q.Name); ok && (q.Country == "" || cdoatlas.NormalizeCountry(q.Country) == "CH") &&
		(q.Region == "" || cdoatlas.NormalizeRegion("CH", q.Region) == "CH-AG") {
		if r := ix.find(Query{Name: alt, Country: "CH", Region: "CH-AG"}); r.Place != nil {
			return r
		}
	}
	pn := parseName(q.Name)
	key := pn.key()
	f := filter{kind: pn.kind}
	if q.Kind != "" {
		f.kind = q.Kind
	}
	if q.Country != "" {
		if f.country = cdoatlas.NormalizeCountry(q.Country); f.country != "DE" && f.country != "AT" && f.country != "CH" {
			return Result{}
		}
	}
	if r := cdoatlas.NormalizeRegion(f.country, q.Region); r != "" {
		f.region = r
		f.country = r[:2]
	}
	if key == "" {
		return Result{}
	}
	switch f.kind {
	case "", cdoatlas.KindMunicipality, cdoatlas.KindCityState, cdoatlas.KindCounty, cdoatlas.KindState:
	default:
		return Result{} // a company, association or federal body is no place
	}
	if r, ok := ix.lookup(pn, f, q.Name); ok {
		return r
	}
	// "Die Mähdrescherstadt Harsewinkel": a town's honorific the list of
	// designations does not know.
	w := pn.words
	if len(w) > 2 && (w[0] == "die" || w[0] == "der") {
		w = w[1:]
	}
	if len(w) > 1 && len(w[0]) > len("stadt") && strings.HasSuffix(w[0], "stadt") {
		short := parsedName{words: w[1:], paren: pn.paren, kind: pn.kind, town: true}
		if f.kind == "" {
			f.kind = cdoatlas.KindMunicipality
		}
		if r, ok := ix.lookup(short, f, q.Name); ok {
			return r
		}
	}
	return Result{Candidates: ix.nearMisses(key, f)}
}

// lookup finds the places whose full or short names have the key of pn;
// false when none has.
func (ix *index) lookup(pn parsedName, f filter, query string) (Result, bool) {
	key := pn.key()
	var buf [16]int32
	// The name as written is the full name of a place…
	hits := ix.pick(ix.exact[key], f, buf[:0])
	if len(hits) == 0 || f.kind == "" && ix.places[hits[0]].Kind == cdoatlas.KindCounty {
		// A bare name is a municipality before it is a county: "Offenbach"
		// is Offenbach am Main (or an der Queich), not the Landkreis.
		// …or the short form of one or more.
		hits = ix.pick(ix.alt[key], f, hits)
		if b := pn.base(); b != key {
			hits = ix.pick(ix.exact[b], f, hits)
			hits = ix.pick(ix.alt[b], f, hits)
		}
		whole := len(hits)
		hits = ix.pick(ix.head[key], f, hits)
		if b := pn.base(); b != key {
			hits = ix.pick(ix.head[b], f, hits)
		}
		if len(hits) == 1 && whole == 0 {
			r := ix.result(hits)
			r.Partial = true
			return r, true
		}
	}
	if len(hits) == 0 {
		return Result{}, false
	}
	hits = ix.spelledAsWritten(hits, query)
	if pn.town {
		hits = ix.towns(hits)
	}
	return ix.result(hits), true
}

// towns keeps, of several places, those with town rights ("Offenbach am
// Main, Stadt" but not Offenbach an der Queich): the name said "Stadt".
// All when none or only one is.
func (ix *index) towns(ids []int32) []int32 {
	if len(ids) < 2 {
		return ids
	}
	var kept []int32
	for _, i := range ids {
		p := &ix.places[i]
		_, desig, _ := strings.Cut(p.OfficialName, ",")
		if p.Kind == cdoatlas.KindCityState || strings.Contains(cdoatlas.Fold(desig), "stadt") {
			kept = append(kept, i)
		}
	}
	if len(kept) == 0 {
		return ids
	}
	return kept
}

// pick appends the places of ids that pass the filter; with no kind
// asked for, municipalities win over counties.
func (ix *index) pick(ids []int32, f filter, out []int32) []int32 {
	for _, i := range ids {
		if f.fits(&ix.places[i]) && !containsID(out, i) {
			out = append(out, i)
		}
	}
	if f.kind == "" && len(out) > 1 {
		muni := out[:0:0]
		for _, i := range out {
			if ix.places[i].Kind != cdoatlas.KindCounty {
				muni = append(muni, i)
			}
		}
		if len(muni) > 0 && len(muni) < len(out) {
			out = append(out[:0], muni...)
		}
	}
	return out
}

// spelledAsWritten keeps, of places whose names fold alike ("Bünde" and
// "Bunde", "Fürth" and "Furth"), those spelled as the query writes them;
// all when none or all are.
func (ix *index) spelledAsWritten(ids []int32, query string) []int32 {
	if len(ids) < 2 {
		return ids
	}
	// As written first ("St. Gallen" is the Swiss town, "Sankt Gallen"
	// the Styrian one), then with "St." and "Sankt" as one ("Sankt Johann
	// am Walde" is St. Johann am Walde, not St. Johann im Walde).
	for _, spell := range []func(string) string{spelling, looseSpelling} {
		q := " " + spell(query) + " "
		var kept []int32
		for _, i := range ids {
			if strings.Contains(q, " "+spell(ix.places[i].Name)+" ") {
				kept = append(kept, i)
			}
		}
		if len(kept) > 0 {
			return kept
		}
	}
	return ids
}

// spelling is a name in lower case with its letters as written (umlauts
// and accents kept) and every run of other characters as one space.
func spelling(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// looseSpelling is the spelling with "St." and "Sankt" as one.
func looseSpelling(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(" "+spelling(s)+" ", " st ", " sankt "))
}

func containsID(ids []int32, i int32) bool {
	for _, j := range ids {
		if j == i {
			return true
		}
	}
	return false
}

func (ix *index) result(ids []int32) Result {
	if len(ids) == 1 {
		p := ix.places[ids[0]]
		return Result{Place: &p}
	}
	return Result{Candidates: ix.ranked(ids)}
}

// ranked lists up to maxCandidates places, most populous first.
func (ix *index) ranked(ids []int32) []Place {
	ids = append([]int32(nil), ids...)
	sort.SliceStable(ids, func(a, b int) bool {
		return ix.places[ids[a]].Population > ix.places[ids[b]].Population
	})
	if len(ids) > maxCandidates {
		ids = ids[:maxCandidates]
	}
	out := make([]Place, len(ids))
	for n, i := range ids {
		out[n] = ix.places[i]
	}
	return out
}

// nearMisses are places the name resembles: the same name of another
// kind, a name one letter away, or a longer name that begins with it.
func (ix *index) nearMisses(key string, f filter) []Place {
	loose := f
	loose.kind = ""
	var ids []int32
	ids = ix.pick(ix.exact[key], loose, ids)
	ids = ix.pick(ix.alt[key], loose, ids)
	ids = ix.pick(ix.head[key], loose, ids)
	if len(key) >= 4 {
		for n := len(key) - 1; n <= len(key)+1; n++ {
			for _, k := range ix.byShape[shape{key[0], n}] {
				if oneEdit(key, k) {
					ids = ix.pick(ix.exact[k], f, ids)
				}
			}
		}
	}
	if len(ids) < maxCandidates && len(key) >= 3 {
		prefix := key + " "
		from := sort.SearchStrings(ix.keys, prefix)
		var more []int32
		for n := from; n < len(ix.keys) && n < from+200 && strings.HasPrefix(ix.keys[n], prefix); n++ {
			more = ix.pick(ix.exact[ix.keys[n]], f, more)
		}
		for _, i := range ix.ranked(more) {
			ids = append(ids, ix.byCode[i.Country+"|"+i.Code])
		}
	}
	if len(ids) == 0 {
		return nil
	}
	if len(ids) > maxCandidates {
		ids = ids[:maxCandidates]
	}
	out := make([]Place, len(ids))
	for n, i := range ids {
		out[n] = ix.places[i]
	}
	return out
}

// oneEdit tells whether a and b differ by one inserted, deleted or
// replaced byte, or are equal.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+min(1, len(a)-i):] == b[i+min(1, len(b)-i):]
	}
	return a[i:] == b[i+1:]
}
