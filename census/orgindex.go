package census

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/companies"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// orgIndex holds organizations for the lookups of the census and of
// OrgMatcher.
type orgIndex struct {
	orgs      map[int64]*OrgRef
	orgByCode map[string][]int64
	orgByName map[string][]int64
	// states holds the organizations of kind state, and the city states,
	// by region.
	states map[string][]int64
	// orgByAcronym holds organizations that are no places by the
	// acronyms of their names ("SBB", "ADAC").
	orgByAcronym map[string][]int64
	// keys memoizes OrgKey where one goroutine uses the index (the
	// Resolver): a raw export writes the same organization names many
	// times. Nil in the OrgMatcher, which requests share.
	keys map[string]orgKey
	// placeFirst memoizes, beside keys, whether a bare name that is a
	// listed company's means a place instead (companyNamed).
	placeFirst map[placeQuery]bool
}

type orgKey struct{ key, kind string }

// orgKey is OrgKey(name), worked out once per name.
func (ix *orgIndex) orgKey(name string) (key, kind string) {
	if ix.keys == nil {
		return OrgKey(name)
	}
	if k, ok := ix.keys[name]; ok {
		return k.key, k.kind
	}
	key, kind = OrgKey(name)
	ix.keys[name] = orgKey{key, kind}
	return key, kind
}

func newOrgIndex(n int) orgIndex {
	return orgIndex{orgs: make(map[int64]*OrgRef, n), orgByCode: map[string][]int64{}, orgByName: make(map[string][]int64, n),
		states: map[string][]int64{}, orgByAcronym: map[string][]int64{}}
}

func (ix *orgIndex) addOrg(o *OrgRef) {
	ix.orgs[o.ID] = o
	if o.CodeKey != "" {
		ix.orgByCode[o.CodeKey] = append(ix.orgByCode[o.CodeKey], o.ID)
	}
	for _, n := range append([]string{o.Name}, o.OtherNames...) {
		ix.addOrgName(o.ID, n)
	}
	if (o.Kind == cdoatlas.KindState || o.Kind == cdoatlas.KindCityState) && o.Region != "" {
		ix.states[o.Region] = append(ix.states[o.Region], o.ID)
	}
}

// remove takes an organization out of the index, as it was added.
func (ix *orgIndex) remove(o *OrgRef) {
	drop := func(m map[string][]int64, k string) {
		ids := slices.DeleteFunc(m[k], func(id int64) bool { return id == o.ID })
		if len(ids) == 0 {
			delete(m, k)
		} else {
			m[k] = ids
		}
	}
	drop(ix.orgByCode, o.CodeKey)
	drop(ix.states, o.Region)
	for _, n := range append([]string{o.Name}, o.OtherNames...) {
		k, _ := ix.orgKey(n)
		drop(ix.orgByName, k)
		for _, a := range acronyms(n) {
			drop(ix.orgByAcronym, a)
		}
	}
	delete(ix.orgs, o.ID)
}

// addOrgName indexes one more name of an organization.
func (ix *orgIndex) addOrgName(id int64, name string) {
	k, _ := ix.orgKey(name)
	if k == "" {
		return
	}
	if slices.Contains(ix.orgByName[k], id) {
		return
	}
	ix.orgByName[k] = append(ix.orgByName[k], id)
	if org := ix.orgs[id]; org != nil && !isPlace(org.Kind) {
		for _, a := range acronyms(name) {
			if !slices.Contains(ix.orgByAcronym[a], id) {
				ix.orgByAcronym[a] = append(ix.orgByAcronym[a], id)
			}
		}
	}
}

// orgFind is what the index and the gazetteer make of a name.
type orgFind struct {
	id     int64   // a stored organization
	also   []int64 // others the name fits as well
	byName bool    // id was found by its name (orgNamed)
	// When no stored organization fits: the gazetteer's place, or the
	// listed company, or the region of the state the name names, or the
	// places it may mean.
	place      *gazetteer.Place
	company    *companies.Company
	state      string
	candidates []gazetteer.Place
	// The country the query gives or implies, and the kind its wording
	// implies (else the kind it gives).
	country, kind string
}

// find looks an organization up: by official code in the index, then in
// the gazetteer; a state by the region its name names; a company of the
// list (package companies) by any of its names; by name (OrgKey) within
// country, region and kind; by name in the gazetteer; by acronym.
func (ix *orgIndex) find(q OrgQuery) orgFind {
	country := q.Country
	if country == "" && q.Region != "" {
		country, _, _ = strings.Cut(q.Region, "-")
	}
	key, kind := ix.orgKey(q.Name)
	if kind == "" && q.Kind != cdoatlas.KindUnknown {
		kind = q.Kind
	}
	f := orgFind{country: country, kind: kind}
	if q.OfficialCode != "" {
		for _, c := range codeCountries(country, kind, q.OfficialCode) {
			probe := cdoatlas.Organization{Country: c, OfficialCode: q.OfficialCode}
			for _, id := range ix.orgByCode[probe.CodeKey()] {
				if ix.orgs[id].Country == c {
					f.id = id
					return f
				}
			}
			if pl, ok := gazetteer.ByCode(c, q.OfficialCode); ok {
				return ix.placeFind(f, pl)
			}
		}
	}
	if kind == cdoatlas.KindState || kind == "" && bareState(key, country, q.Name) {
		if region := cdoatlas.NormalizeRegion(country, key); region != "" {
			if f.id = ix.stateStored(region); f.id == 0 {
				f.state = region
			}
			return f
		}
	}
	if c, ok := ix.companyNamed(key, kind, country, q.Region, q.Name); ok {
		if f.id = ix.companyStored(c); f.id != 0 {
			f.byName = true
		} else {
			f.company = &c
		}
		return f
	}
	if fits := ix.orgNamed(key, kind, country, q.Region, q.Name); len(fits) > 0 {
		f.id, f.also, f.byName = fits[0], fits[1:], true
		return f
	}
	if placeKind(kind) || gazetteer.CantonSuffix(q.Name) {
		res := gazetteer.Find(gazetteer.Query{Name: q.Name, Country: country, Region: q.Region, Kind: kind})
		if res.Place != nil {
			return ix.placeFind(f, *res.Place)
		}
		f.candidates = res.Candidates
	}
	f.id = ix.orgAbbreviated(kind, country, q.Name)
	return f
}

// placeFind is the stored organization of a gazetteer place, or the place.
func (ix *orgIndex) placeFind(f orgFind, pl gazetteer.Place) orgFind {
	if f.id = ix.placeStored(pl); f.id == 0 {
		f.place = &pl
	}
	return f
}

// placeStored returns the stored organization of a gazetteer place: the
// one with its code, or one without a code of its name, kind and region;
// 0 if none.
func (ix *orgIndex) placeStored(pl gazetteer.Place) int64 {
	probe := cdoatlas.Organization{Country: pl.Country, OfficialCode: pl.Code}
	for _, id := range ix.orgByCode[probe.CodeKey()] {
		if org := ix.orgs[id]; org.Country == pl.Country && kindFits(pl.Kind, org.Kind) {
			return id
		}
	}
	key, _ := ix.orgKey(pl.Name)
	for _, id := range ix.orgByName[key] {
		org := ix.orgs[id]
		if org.CodeKey == "" && org.Country == pl.Country && org.Region == pl.Region && org.Kind != cdoatlas.KindUnknown && kindFits(pl.Kind, org.Kind) {
			return id
		}
	}
	return 0
}

// stateStored finds the state of a region, such as "Land Bremen",
// "Thüringer Landesregierung" or "Kanton Genf" name: the stored state of
// the region, else a city state that is the region's only municipality
// (Berlin, Hamburg, Wien, not Bremen); 0 if none.
func (ix *orgIndex) stateStored(region string) int64 {
	var city int64
	for _, id := range ix.states[region] {
		switch ix.orgs[id].Kind {
		case cdoatlas.KindState:
			return id
		case cdoatlas.KindCityState:
			if city == 0 && onlyMunicipality(region) {
				city = id
			}
		}
	}
	return city
}

// orgAbbreviated finds the one company or body whose name shares an
// acronym with the written name: "SBB" and "Schweizerische Bundesbahnen
// SBB", "ADAC" and "Allgemeiner Deutscher Automobil-Club e.V."; 0 when
// none or several do.
func (ix *orgIndex) orgAbbreviated(kind, country, written string) int64 {
	if isPlace(kind) {
		return 0
	}
	var found int64
	for _, a := range acronyms(written) {
		// A word in capitals matches a word or the initials of a name;
		// two long names with the same initials are no match.
		keys := []string{a}
		if k, ok := strings.CutPrefix(a, "t:"); ok {
			keys = append(keys, "i:"+k)
		} else {
			keys = []string{"t:" + strings.TrimPrefix(a, "i:")}
		}
		var ids []int64
		for _, k := range keys {
			ids = append(ids, ix.orgByAcronym[k]...)
		}
		for _, id := range ids {
			org := ix.orgs[id]
			if country != "" && org.Country != country && !weak(org) || kind != "" && !kindFits(kind, org.Kind) {
				continue
			}
			if found != 0 && found != id {
				return 0
			}
			found = id
		}
	}
	return found
}

// orgNamed finds the stored or created organizations of a name key within
// the country, region and kind, the best first; none when none fits.
func (ix *orgIndex) orgNamed(key, kind, country, region, written string) []int64 {
	var fits, states []int64
	for _, id := range ix.orgByName[key] {
		org := ix.orgs[id]
		if country != "" && org.Country != country && !weak(org) || region != "" && org.Region != "" && org.Region != region {
			continue
		}
		if kind != "" && !kindFits(kind, org.Kind) {
			continue
		}
		// A bare name is the city, not the county of its name: that needs
		// its wording ("Kreis Wesel").
		if kind == "" && org.Kind == cdoatlas.KindCounty {
			continue
		}
		// Nor is it the state of its name ("Genf" after "Kanton Genf")
		// where a place has the name.
		if kind == "" && org.Kind == cdoatlas.KindState {
			states = append(states, id)
			continue
		}
		fits = append(fits, id)
	}
	if len(fits) == 0 && len(states) > 0 && gazetteer.Find(gazetteer.Query{Name: written, Country: country, Region: region}).Place == nil {
		fits = states
	}
	if len(fits) > 1 && kind != "" {
		// "Land Bremen" is the state, not the city state of its name.
		fits = narrow(fits, func(id int64) bool { return ix.orgs[id].Kind == kind })
	}
	if len(fits) > 1 {
		// The exact name wins over variants; a bare name is the city.
		fits = narrow(fits, func(id int64) bool { return cdoatlas.Fold(ix.orgs[id].Name) == cdoatlas.Fold(written) })
		if kind == "" {
			fits = narrow(fits, func(id int64) bool { return kindFits(cdoatlas.KindMunicipality, ix.orgs[id].Kind) })
		}
	}
	if len(fits) == 0 {
		return nil
	}
	// "Hömberg" is not Homberg, though both fold alike: where places are
	// told apart by spelling alone, the gazetteer decides.
	if org := ix.orgs[fits[0]]; org.CodeKey != "" && isPlace(org.Kind) && gazetteer.SpellingMatters(key) {
		res := gazetteer.Find(gazetteer.Query{Name: written, Country: country, Region: region})
		if res.Place != nil {
			probe := cdoatlas.Organization{Country: res.Place.Country, OfficialCode: res.Place.Code}
			if probe.CodeKey() != org.CodeKey {
				return nil
			}
		}
	}
	return fits
}

// isPlace reports whether organizations of the kind are places.
func isPlace(kind string) bool {
	switch kind {
	case cdoatlas.KindMunicipality, cdoatlas.KindCounty, cdoatlas.KindCityState, cdoatlas.KindState:
		return true
	}
	return false
}

// acronyms are the short forms a company's or body's name contains or
// stands for, folded: the words in capitals ("SBB" in "Schweizerische
// Bundesbahnen SBB" and in "SBB CFF FFS") and the initials of a name of
// three or more words ("ADAC" for "Allgemeiner Deutscher Automobil-Club
// e.V."), marked "t:" and "i:". Legal forms do not count.
func acronyms(name string) []string {
	var out []string
	var initials strings.Builder
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == ',' || r == '(' || r == ')' })
	for _, w := range words {
		if legalForm(w) {
			continue
		}
		rs := []rune(w)
		if n := len(rs); n >= 3 && n <= 5 && strings.ToUpper(w) == w && strings.ToLower(w) != w && !strings.ContainsAny(w, ".&") {
			out = append(out, "t:"+cdoatlas.Fold(w))
		}
		if unicode.IsUpper(rs[0]) {
			initials.WriteRune(rs[0])
		}
	}
	if n := len([]rune(initials.String())); n >= 3 && n <= 6 {
		out = append(out, "i:"+cdoatlas.Fold(initials.String()))
	}
	return out
}

// legalForm reports whether a word is a legal form alone ("AG", "GmbH").
func legalForm(w string) bool {
	k, kind := OrgKey("X " + w)
	switch kind {
	case cdoatlas.KindCompany, cdoatlas.KindAssociation, cdoatlas.KindPublicCompany:
		return k == "x"
	}
	return false
}

// bareState reports whether a name without designation names a Land,
// Bundesland or canton rather than a place: "Thüringen", "Brandenburg"
// (Brandenburg an der Havel is written so), "Tessin"; not "Berlin",
// "Salzburg" or "Genf", which are cities too.
func bareState(key, country, written string) bool {
	if len(key) <= 3 { // abbreviations such as "BE" are no names
		return false
	}
	region := cdoatlas.NormalizeRegion(country, key)
	if region == "" {
		return false
	}
	res := gazetteer.Find(gazetteer.Query{Name: written, Country: region[:2]})
	return res.Place == nil && len(res.Candidates) == 0 || res.Partial
}

// onlyMunicipality reports whether the region has one municipality in
// the gazetteer, so that its city is its state.
func onlyMunicipality(region string) bool {
	_, ok := soleMunicipality()[region]
	return ok
}

// soleMunicipality holds the regions that are one municipality (Berlin,
// Hamburg, Wien) with it.
var soleMunicipality = sync.OnceValue(func() map[string]gazetteer.Place {
	n, sole := map[string]int{}, map[string]gazetteer.Place{}
	for _, p := range gazetteer.All() {
		if p.Kind != cdoatlas.KindCounty {
			n[p.Region]++
			sole[p.Region] = p
		}
	}
	for region, count := range n {
		if count != 1 {
			delete(sole, region)
		}
	}
	return sole
})

// placeKind reports whether a name with the kind its wording implies may
// name a municipality or county of the gazetteer.
func placeKind(kind string) bool {
	switch kind {
	case "", cdoatlas.KindMunicipality, cdoatlas.KindCounty, cdoatlas.KindCityState, cdoatlas.KindState:
		return true
	}
	return false
}

// codeCountries are the countries an official code may belong to: the
// given one, else by its shape (8 or 12 digits: a German municipality; 5
// digits: an Austrian municipality or a German county; up to 4: a Swiss
// municipality).
func codeCountries(country, kind, code string) []string {
	if country != "" {
		return []string{country}
	}
	switch len(code) {
	case 8, 12:
		return []string{"DE"}
	case 5:
		if kind == cdoatlas.KindCounty {
			return []string{"DE", "AT"}
		}
		return []string{"AT", "DE"}
	case 1, 2, 3, 4:
		return []string{"CH"}
	}
	return nil
}

// weak reports whether little is known of where an organization is: it
// has no region and no official code, as one the census created from a
// name alone. Its country may be a guess; a row that names a country
// or region for it is believed.
func weak(org *OrgRef) bool {
	return org.Region == "" && org.CodeKey == ""
}

// narrow keeps the ids that pass, unless none does.
func narrow(ids []int64, keep func(int64) bool) []int64 {
	var out []int64
	for _, id := range ids {
		if keep(id) {
			out = append(out, id)
		}
	}
	if len(out) == 0 {
		return ids
	}
	return out
}

// kindFits reports whether an organization of kind may be what a name
// whose wording implies hint names. An organization of unknown kind fits
// every hint.
func kindFits(hint, kind string) bool {
	if kind == cdoatlas.KindUnknown || kind == "" {
		return true
	}
	switch hint {
	case cdoatlas.KindMunicipality:
		return kind == cdoatlas.KindMunicipality || kind == cdoatlas.KindCityState
	case cdoatlas.KindCityState:
		return kind == cdoatlas.KindCityState || kind == cdoatlas.KindMunicipality
	case cdoatlas.KindState:
		return kind == cdoatlas.KindState || kind == cdoatlas.KindCityState
	case cdoatlas.KindCompany:
		return kind == cdoatlas.KindCompany || kind == cdoatlas.KindPublicCompany
	case cdoatlas.KindPublicCompany:
		return kind == cdoatlas.KindPublicCompany || kind == cdoatlas.KindCompany
	}
	return kind == hint
}

// minPlaceOverCompany is the population from which a bare name that is a
// listed company's and a place's means the place: "Salzgitter" is the
// city of 100 000, not Salzgitter AG; "Beiersdorf", a village of 1 500,
// is more likely Beiersdorf AG.
const minPlaceOverCompany = 20000

// companyNamed returns the listed company a name means: one whose wording
// says no other kind than company, that the list names in the country.
// A bare name is the place of its name instead where the row's region
// has that place and is not the company's seat, or where the place is a
// town of minPlaceOverCompany people or more.
func (ix *orgIndex) companyNamed(key, kind, country, region, written string) (companies.Company, bool) {
	if kind != "" && kind != cdoatlas.KindCompany && kind != cdoatlas.KindPublicCompany {
		return companies.Company{}, false
	}
	c, ok := companies.FindKey(key, country)
	if !ok || kind != "" {
		return c, ok
	}
	if region != "" && !strings.HasPrefix(region, c.Country+"-") {
		return companies.Company{}, false
	}
	q := placeQuery{written, c.Country, region, c.Region}
	place, known := ix.placeFirst[q]
	if !known {
		res := gazetteer.Find(gazetteer.Query{Name: written, Country: c.Country, Region: region})
		places := res.Candidates
		if res.Place != nil {
			places = []gazetteer.Place{*res.Place}
		}
		for _, pl := range places {
			place = place || region != "" && region != c.Region || pl.Population >= minPlaceOverCompany
		}
		if ix.keys != nil { // the Resolver's own index
			if ix.placeFirst == nil {
				ix.placeFirst = map[placeQuery]bool{}
			}
			ix.placeFirst[q] = place
		}
	}
	return c, !place
}

// placeQuery is what decides whether a bare name means a place or a
// listed company: the name, the company's country, the row's region and
// the company's.
type placeQuery struct{ written, country, region, seat string }

// companyStored returns the stored organization of a listed company: one
// of its names, in its country (or of no known place), that is no place;
// 0 if none.
func (ix *orgIndex) companyStored(c companies.Company) int64 {
	for _, n := range c.Names() {
		k, _ := ix.orgKey(n)
		for _, id := range ix.orgByName[k] {
			if org := ix.orgs[id]; !isPlace(org.Kind) && (org.Country == c.Country || weak(org)) {
				return id
			}
		}
	}
	return 0
}
