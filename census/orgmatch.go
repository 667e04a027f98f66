package census

import (
	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// OrgQuery is an organization as an import or a form writes it.
type OrgQuery struct {
	Name string
	// Kind is the kind the writer gives; the wording of the name
	// ("Landratsamt München", "Allianz SE") takes precedence.
	Kind         string
	Country      string
	Region       string
	OfficialCode string
}

// OrgMatch is what the registry and the gazetteer make of an OrgQuery.
type OrgMatch struct {
	// ID is the stored organization meant, 0 if none.
	ID int64
	// Also lists other stored organizations the name fits as well as ID:
	// the census takes ID, a stricter caller asks for the official code or
	// the region.
	Also []int64
	// Place is the gazetteer's place, found by code or name, when no
	// stored organization fits.
	Place *gazetteer.Place
	// Candidates are the places an ambiguous name may mean (up to 5), when
	// neither a stored organization nor one place fits.
	Candidates []gazetteer.Place
}

// OrgMatcher finds stored organizations by the rules of the census
// (Resolver), without creating or learning anything: official code in
// the registry, then in the gazetteer; the name (OrgKey) within country,
// region and kind, states by region, acronyms of companies; then the
// gazetteer.
type OrgMatcher struct {
	ix orgIndex
}

// NewOrgMatcher indexes the organizations.
func NewOrgMatcher(orgs []OrgRef) *OrgMatcher {
	m := &OrgMatcher{ix: newOrgIndex(len(orgs))}
	for _, o := range orgs {
		m.Add(o)
	}
	return m
}

// Add indexes an organization, replacing what was indexed under its ID.
func (m *OrgMatcher) Add(o OrgRef) {
	if old := m.ix.orgs[o.ID]; old != nil {
		m.ix.remove(old)
	}
	m.ix.addOrg(&o)
}

// Match finds the organization the query means.
func (m *OrgMatcher) Match(q OrgQuery) OrgMatch {
	f := m.ix.find(q)
	if f.id != 0 {
		return OrgMatch{ID: f.id, Also: f.also}
	}
	return OrgMatch{Place: f.place, Candidates: f.candidates}
}

// Ref returns the indexed organization of an ID, nil if none.
func (m *OrgMatcher) Ref(id int64) *OrgRef {
	return m.ix.orgs[id]
}

// OrgRefOf is what matching needs of an organization.
func OrgRefOf(o *cdoatlas.Organization) OrgRef {
	return OrgRef{ID: o.ID, Name: o.Name, OtherNames: o.OtherNames, Kind: o.Kind, Country: o.Country,
		Region: o.Region, CodeKey: o.CodeKey()}
}

// PlaceFits reports whether a gazetteer place may be an organization of
// the kind, country and region written: a municipality is no county,
// "Allianz" no town. Empty fields fit every place.
func PlaceFits(pl *gazetteer.Place, kind, country, region string) bool {
	return pl != nil && (country == "" || pl.Country == country) && (region == "" || pl.Region == region) &&
		(kind == "" || kindFits(kind, pl.Kind))
}

// FillFromPlace gives a new organization what the gazetteer knows of the
// place it is and it leaves empty: official code, region, population
// with its date. Nothing is filled when the place does not fit its kind,
// country and region (PlaceFits), or when the organization would then
// not be valid. It reports whether anything was filled.
func FillFromPlace(o *cdoatlas.Organization, pl *gazetteer.Place) bool {
	if !PlaceFits(pl, o.Kind, o.Country, o.Region) {
		return false
	}
	m, filled := *o, false
	if m.OfficialCode == "" && pl.Code != "" {
		m.OfficialCode, filled = pl.Code, true
	}
	if m.Region == "" && pl.Region != "" {
		m.Region, filled = pl.Region, true
	}
	if m.Population == nil && pl.Population > 0 {
		n := pl.Population
		m.Population, filled = &n, true
		if m.PopulationDate == "" {
			m.PopulationDate = pl.PopulationDate
		}
	}
	if !filled || m.Validate() != nil {
		return false
	}
	*o = m
	return true
}

// MatchOrganization finds the stored organization a registry record
// means, by the rules of Match, strictly: a record with an official code
// never means an organization with another code, and a name that several
// organizations fit alike leaves them in Also, for the import to ask for
// the code or region. When no stored organization fits and the record
// gives no official code, Place is the gazetteer's place of its name, for
// FillFromPlace; a record with a code is taken as written, so that an
// export imported into an empty registry gives the same registry.
func (m *OrgMatcher) MatchOrganization(o *cdoatlas.Organization) OrgMatch {
	res := m.Match(OrgQuery{Name: o.Name, Kind: o.Kind, Country: o.Country, Region: o.Region, OfficialCode: o.OfficialCode})
	key := o.CodeKey()
	if key == "" {
		return res
	}
	if res.ID == 0 {
		return OrgMatch{}
	}
	var ids []int64
	for _, id := range append([]int64{res.ID}, res.Also...) {
		if ref := m.ix.orgs[id]; ref.CodeKey == "" || ref.CodeKey == key {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return OrgMatch{}
	}
	return OrgMatch{ID: ids[0], Also: ids[1:]}
}
