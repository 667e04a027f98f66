package census

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

func (r *Resolver) addOrg(o *OrgRef) {
	r.orgs[o.ID] = o
	if o.CodeKey != "" {
		r.orgByCode[o.CodeKey] = append(r.orgByCode[o.CodeKey], o.ID)
	}
	for _, n := range append([]string{o.Name}, o.OtherNames...) {
		r.addOrgName(o.ID, n)
	}
	if (o.Kind == cdoatlas.KindState || o.Kind == cdoatlas.KindCityState) && o.Region != "" {
		r.states[o.Region] = append(r.states[o.Region], o.ID)
	}
}

// addOrgName indexes one more name of an organization.
func (r *Resolver) addOrgName(id int64, name string) {
	k, _ := OrgKey(name)
	if k == "" {
		return
	}
	for _, have := range r.orgByName[k] {
		if have == id {
			return
		}
	}
	r.orgByName[k] = append(r.orgByName[k], id)
	if org := r.orgs[id]; org != nil && !isPlace(org.Kind) {
		for _, a := range acronyms(name) {
			if !slices.Contains(r.orgByAcronym[a], id) {
				r.orgByAcronym[a] = append(r.orgByAcronym[a], id)
			}
		}
	}
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
		if k, kind := OrgKey(w); kind != "" && k == "" || legalForm(w) {
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
	_, kind := OrgKey("X " + w)
	switch kind {
	case cdoatlas.KindCompany, cdoatlas.KindAssociation, cdoatlas.KindPublicCompany:
		k, _ := OrgKey("X " + w)
		return k == "x"
	}
	return false
}

// organization finds the observation's organization: by official code in
// the registry, then in the gazetteer; by name (OrgKey) in the registry
// within its country, region and kind; then by name in the gazetteer. An
// organization the gazetteer knows is created with its code, name, kind,
// region and population; anything else is created as written.
func (r *Resolver) organization(o *cdoatlas.Observation) int64 {
	country := o.Country
	if country == "" && o.Region != "" {
		country, _, _ = strings.Cut(o.Region, "-")
	}
	key, kind := OrgKey(o.Organization)
	if o.OfficialCode != "" {
		for _, c := range codeCountries(country, kind, o.OfficialCode) {
			probe := cdoatlas.Organization{Country: c, OfficialCode: o.OfficialCode}
			for _, id := range r.orgByCode[probe.CodeKey()] {
				if r.orgs[id].Country == c {
					r.learn(id, o)
					return id
				}
			}
			if pl, ok := gazetteer.ByCode(c, o.OfficialCode); ok {
				return r.placeOrg(pl, o)
			}
		}
	}
	if kind == cdoatlas.KindState || kind == "" && bareState(key, country, o.Organization) {
		if id := r.stateOrg(key, country, o); id != 0 {
			return id
		}
	}
	if id := r.orgNamed(key, kind, country, o.Region, o.Organization); id != 0 {
		r.learn(id, o)
		return id
	}
	if placeKind(kind) {
		res := gazetteer.Find(gazetteer.Query{Name: o.Organization, Country: country, Region: o.Region, Kind: kind})
		if res.Place != nil {
			return r.placeOrg(*res.Place, o)
		}
	}
	if id := r.orgAbbreviated(kind, country, o.Organization); id != 0 {
		r.learn(id, o)
		return id
	}
	return r.createOrg(o, country, kind)
}

// orgAbbreviated finds the one company or body whose name shares an
// acronym with the written name: "SBB" and "Schweizerische Bundesbahnen
// SBB", "ADAC" and "Allgemeiner Deutscher Automobil-Club e.V."; 0 when
// none or several do.
func (r *Resolver) orgAbbreviated(kind, country, written string) int64 {
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
			ids = append(ids, r.orgByAcronym[k]...)
		}
		for _, id := range ids {
			org := r.orgs[id]
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

// stateOrg finds the state a name such as "Land Bremen", "Thüringer
// Landesregierung" or "Kanton Genf" means (key is its OrgKey): the stored
// state of the region it names, else a city state that is the region's
// only municipality (Berlin, Hamburg, Wien, not Bremen), else a new state
// organization with the Land's key as its code. 0 when the name names
// no region.
func (r *Resolver) stateOrg(key, country string, o *cdoatlas.Observation) int64 {
	region := cdoatlas.NormalizeRegion(country, key)
	if region == "" {
		return 0
	}
	var city int64
	for _, id := range r.states[region] {
		switch r.orgs[id].Kind {
		case cdoatlas.KindState:
			r.learn(id, o)
			return id
		case cdoatlas.KindCityState:
			if city == 0 && onlyMunicipality(region) {
				city = id
			}
		}
	}
	if city != 0 {
		r.learn(city, o)
		return city
	}
	org := &cdoatlas.Organization{ID: r.NewID("organizations"), Name: strings.TrimSpace(o.Organization), Kind: cdoatlas.KindState,
		Country: region[:2], Region: region}
	if reg := cdoatlas.FindRegion(region); reg != nil && org.Country == "DE" {
		org.OfficialCode = reg.KeyPart
	}
	return r.storeOrg(org)
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
	return municipalitiesByRegion()[region] == 1
}

var municipalitiesByRegion = sync.OnceValue(func() map[string]int {
	n := map[string]int{}
	for _, p := range gazetteer.All() {
		if p.Kind != cdoatlas.KindCounty {
			n[p.Region]++
		}
	}
	return n
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

// orgNamed finds a stored or created organization by name key within the
// country, region and kind; 0 when none fits.
func (r *Resolver) orgNamed(key, kind, country, region, written string) int64 {
	var fits, states []int64
	for _, id := range r.orgByName[key] {
		org := r.orgs[id]
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
		fits = narrow(fits, func(id int64) bool { return r.orgs[id].Kind == kind })
	}
	if len(fits) > 1 {
		// The exact name wins over variants; a bare name is the city.
		fits = narrow(fits, func(id int64) bool { return cdoatlas.Fold(r.orgs[id].Name) == cdoatlas.Fold(written) })
		if kind == "" {
			fits = narrow(fits, func(id int64) bool { return kindFits(cdoatlas.KindMunicipality, r.orgs[id].Kind) })
		}
	}
	if len(fits) == 0 {
		return 0
	}
	// "Hömberg" is not Homberg, though both fold alike: where places are
	// told apart by spelling alone, the gazetteer decides.
	if org := r.orgs[fits[0]]; org.CodeKey != "" && isPlace(org.Kind) && gazetteer.SpellingMatters(key) {
		res := gazetteer.Find(gazetteer.Query{Name: written, Country: country, Region: region})
		if res.Place != nil {
			probe := cdoatlas.Organization{Country: res.Place.Country, OfficialCode: res.Place.Code}
			if probe.CodeKey() != org.CodeKey {
				return 0
			}
		}
	}
	// An organization this run created without knowing its kind learns
	// it from a later name that says it ("Otto Group", then "Otto Group
	// GmbH").
	if org := r.newOrgs[fits[0]]; org != nil && org.Kind == cdoatlas.KindUnknown && kind != "" {
		org.Kind = kind
		r.orgs[org.ID].Kind = kind
		org.Normalize()
	}
	return fits[0]
}

// placeOrg returns the organization of a gazetteer place: the stored one
// with its code, or one of its name, kind and region, or a new one.
func (r *Resolver) placeOrg(pl gazetteer.Place, o *cdoatlas.Observation) int64 {
	probe := cdoatlas.Organization{Country: pl.Country, OfficialCode: pl.Code}
	for _, id := range r.orgByCode[probe.CodeKey()] {
		if org := r.orgs[id]; org.Country == pl.Country && kindFits(pl.Kind, org.Kind) {
			r.learn(id, o)
			return id
		}
	}
	key, _ := OrgKey(pl.Name)
	for _, id := range r.orgByName[key] {
		org := r.orgs[id]
		if org.CodeKey == "" && org.Country == pl.Country && org.Region == pl.Region && org.Kind != cdoatlas.KindUnknown && kindFits(pl.Kind, org.Kind) {
			r.learn(id, o)
			return id
		}
	}
	org := &cdoatlas.Organization{ID: r.NewID("organizations"), Name: pl.Name, Kind: pl.Kind, Country: pl.Country,
		Region: pl.Region, OfficialCode: pl.Code}
	if pl.Population > 0 {
		n := pl.Population
		org.Population, org.PopulationDate = &n, pl.PopulationDate
	}
	for _, n := range []string{pl.OfficialName, strings.TrimSpace(o.Organization)} {
		if n != "" && n != org.Name && !slices.Contains(org.OtherNames, n) {
			org.OtherNames = append(org.OtherNames, n)
		}
	}
	return r.storeOrg(org)
}

// learn indexes the name an observation writes for its organization, so
// the next row that writes it so is found at once, and gives an
// organization without a region the region the row names.
func (r *Resolver) learn(id int64, o *cdoatlas.Observation) {
	r.addOrgName(id, o.Organization)
	org := r.orgs[id]
	country := o.Country
	if o.Region != "" {
		country, _, _ = strings.Cut(o.Region, "-")
	}
	if !weak(org) || country == "" || org.Country == country && o.Region == "" {
		return
	}
	org.Country, org.Region = country, o.Region
	if n := r.newOrgs[id]; n != nil {
		n.Country, n.Region = country, o.Region
	} else {
		r.OrgPlaces[id] = [2]string{country, o.Region}
	}
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

// createOrg creates the organization as the observation writes it, with
// the kind its wording implies (unknown when it says nothing).
func (r *Resolver) createOrg(o *cdoatlas.Observation, country, kind string) int64 {
	if kind == "" {
		kind = cdoatlas.KindUnknown
	}
	if country == "" {
		country = "DE"
	}
	org := &cdoatlas.Organization{ID: r.NewID("organizations"), Name: strings.TrimSpace(o.Organization), Kind: kind,
		Country: country, Region: o.Region}
	if o.OfficialCode != "" {
		probe := *org
		probe.OfficialCode = o.OfficialCode
		if probe.Validate() == nil {
			org.OfficialCode = probe.OfficialCode
		}
	}
	return r.storeOrg(org)
}

// storeOrg normalizes a new organization, queues it for writing and
// indexes it.
func (r *Resolver) storeOrg(org *cdoatlas.Organization) int64 {
	org.Normalize()
	r.NewOrgs = append(r.NewOrgs, org)
	r.newOrgs[org.ID] = org
	r.addOrg(&OrgRef{ID: org.ID, Name: org.Name, OtherNames: org.OtherNames, Kind: org.Kind, Country: org.Country,
		Region: org.Region, CodeKey: org.CodeKey()})
	return org.ID
}

// post finds the organization's post of the observation's role, or
// creates it from the observation's title.
func (r *Resolver) post(o *cdoatlas.Observation) int64 {
	k := postKey{o.OrganizationID, o.Role}
	if id, ok := r.posts[k]; ok {
		return id
	}
	p := &cdoatlas.Post{ID: r.NewID("posts"), OrganizationID: o.OrganizationID, Title: o.Title, Tasks: o.Tasks,
		Role: o.Role, CDOCheck: o.CDOCheck, Archetype: o.Archetype}
	if p.CDOCheck == "" {
		p.CDOCheck = cdoatlas.CheckUnknown
	}
	p.Confidence, p.Review = o.Confidence, cdoatlas.ReviewAuto
	if o.Confidence < classify.ReviewThreshold {
		p.Review = cdoatlas.ReviewPending
	}
	if len([]rune(p.Title)) > 300 {
		p.Title = string([]rune(p.Title)[:300])
	}
	r.NewPosts = append(r.NewPosts, p)
	r.posts[k] = p.ID
	return p.ID
}
