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
}

// maxCandidates caps Result.Candidates.
const maxCandidates = 5

type index struct {
	places []Place
	byCode map[string]int32
	exact  map[string][]int32 // the key of the name or the official name
	alt    map[string][]int32 // the key without disambiguators, the part before "am …", other languages
	keys   []string           // sorted exact keys, for prefix near misses
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
			add(ix.alt, pn.head(), i)
			if before, _, ok := strings.Cut(name, "/"); ok {
				add(ix.alt, parseName(before).key(), i)
				if p.Country == "CH" { // bilingual names: Biel/Bienne
					for _, part := range strings.Split(name, "/")[1:] {
						add(ix.alt, parseName(part).key(), i)
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
	var buf [16]int32
	// The name as written is the full name of a place…
	if hits := ix.pick(ix.exact[key], f, buf[:0]); len(hits) > 0 {
		return ix.result(ix.spelledAsWritten(hits, q.Name))
	}
	// …or the short form of one or more.
	alt := ix.pick(ix.alt[key], f, buf[:0])
	if b := pn.base(); b != key {
		alt = ix.pick(ix.exact[b], f, alt)
		alt = ix.pick(ix.alt[b], f, alt)
	}
	if len(alt) > 0 {
		return ix.result(ix.spelledAsWritten(alt, q.Name))
	}
	return Result{Candidates: ix.nearMisses(key, f)}
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
	q := " " + spelling(query) + " "
	var kept []int32
	for _, i := range ids {
		if strings.Contains(q, " "+spelling(ix.places[i].Name)+" ") {
			kept = append(kept, i)
		}
	}
	if len(kept) == 0 {
		return ids
	}
	return kept
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
