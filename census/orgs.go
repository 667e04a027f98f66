package census

import (
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
	"github.com/cdoatlas/cdoatlas/companies"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// organization finds the observation's organization by the lookup an
// OrgMatcher makes (orgIndex.find), and learns the name the row writes
// for it; what is not stored is created: a state the name names, a place
// the gazetteer knows with its code, name, kind, region and population, a
// listed company with its names and the region of its seat, anything else
// as written.
func (r *Resolver) organization(o *cdoatlas.Observation) int64 {
	f := r.find(OrgQuery{Name: o.Organization, Country: o.Country, Region: o.Region, OfficialCode: o.OfficialCode})
	switch {
	case f.id != 0:
		if f.byName {
			r.learnKind(f.id, f.kind)
		}
		r.learn(f.id, o)
		return f.id
	case f.place != nil:
		return r.placeOrg(*f.place, o)
	case f.company != nil:
		return r.companyOrg(*f.company, o)
	case f.state != "":
		return r.createState(f.state, o)
	}
	return r.createOrg(o, f.country, f.kind)
}

// learnKind gives an organization this run created without knowing its
// kind the kind a later name says ("Otto Group", then "Otto Group GmbH").
func (r *Resolver) learnKind(id int64, kind string) {
	if org := r.newOrgs[id]; org != nil && org.Kind == cdoatlas.KindUnknown && kind != "" {
		org.Kind = kind
		r.orgs[org.ID].Kind = kind
		org.Normalize()
	}
}

// createState creates the state organization of a region a name such as
// "Land Bremen" names, with the Land's key as its code. A region that is
// one municipality is one organization with it: "Land Berlin" creates the
// city state Berlin, which "Berlin" then finds.
func (r *Resolver) createState(region string, o *cdoatlas.Observation) int64 {
	if pl, ok := soleMunicipality()[region]; ok {
		return r.placeOrg(pl, o)
	}
	org := &cdoatlas.Organization{ID: r.NewID("organizations"), Name: strings.TrimSpace(o.Organization), Kind: cdoatlas.KindState,
		Country: region[:2], Region: region}
	if reg := cdoatlas.FindRegion(region); reg != nil && org.Country == "DE" {
		org.OfficialCode = reg.KeyPart
	}
	return r.storeOrg(org)
}

// placeOrg creates the organization of a gazetteer place no stored
// organization is.
func (r *Resolver) placeOrg(pl gazetteer.Place, o *cdoatlas.Observation) int64 {
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

// companyOrg creates the organization of a listed company no stored
// organization is, with the company's names and the region of its seat.
func (r *Resolver) companyOrg(c companies.Company, o *cdoatlas.Observation) int64 {
	org := &cdoatlas.Organization{ID: r.NewID("organizations"), Name: c.Name, Kind: c.Kind, Country: c.Country,
		Region: c.Region, OtherNames: slices.Clone(c.OtherNames)}
	if n := strings.TrimSpace(o.Organization); n != org.Name && !slices.Contains(org.OtherNames, n) {
		org.OtherNames = append(org.OtherNames, n)
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
	ref := OrgRefOf(org)
	r.addOrg(&ref)
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
