package census

import (
	"slices"
	"strings"

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
	return r.createOrg(o, country, kind)
}

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
	var fits []int64
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
		fits = append(fits, id)
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
