package cdoatlas

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Organization kinds.
const (
	KindMunicipality  = "municipality"
	KindCounty        = "county"
	KindCityState     = "city_state"
	KindState         = "state"
	KindFederal       = "federal"
	KindPublicCompany = "public_company"
	KindCompany       = "company"
	KindAssociation   = "association"
	// KindUnknown is an organization the census found in a source that did
	// not say what kind it is; an editor sets the kind.
	KindUnknown = "unknown"
)

// Kinds lists the organization kinds in display order.
var Kinds = []string{KindMunicipality, KindCounty, KindCityState, KindState, KindFederal, KindPublicCompany, KindCompany, KindAssociation, KindUnknown}

// Organization is a body that can have digital-leadership posts: a
// municipality, a county, a state, a company …
type Organization struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	OtherNames   []string `json:"other_names"`
	Kind         string   `json:"kind"`
	Country      string   `json:"country"`
	Region       string   `json:"region"`
	OfficialCode string   `json:"official_code"`
	// Population with its reference date (YYYY-MM-DD); nil when unknown.
	// The date is "" when unknown, also for a known population.
	Population     *int64 `json:"population"`
	PopulationDate string `json:"population_date"`
	// Employees decide the size class of companies; nil when unknown.
	Employees *int64 `json:"employees"`
	// SizeClass is derived from kind, population and employees on Validate.
	SizeClass string `json:"size_class"`
	Sector    string `json:"sector"`
	ParentID  *int64 `json:"parent_id"`
	// HasCDO tells whether a post of role cdo has a current tenure. It is
	// derived, not stored: only FindOrganizations sets it.
	HasCDO bool `json:"-"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Normalize trims text fields, upper-cases the country, turns region names
// and abbreviations into ISO codes and derives the size class.
func (o *Organization) Normalize() {
	o.Name = strings.TrimSpace(o.Name)
	o.Kind = strings.TrimSpace(strings.ToLower(o.Kind))
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	if r := NormalizeRegion(o.Country, o.Region); r != "" {
		o.Region = r
	} else {
		o.Region = strings.TrimSpace(o.Region)
	}
	o.OfficialCode = strings.TrimSpace(o.OfficialCode)
	o.PopulationDate = strings.TrimSpace(o.PopulationDate)
	o.Sector = strings.TrimSpace(o.Sector)
	names := o.OtherNames[:0:0]
	for _, n := range o.OtherNames {
		if n = strings.TrimSpace(n); n != "" && n != o.Name {
			names = append(names, n)
		}
	}
	o.OtherNames = names
	o.SizeClass = SizeClassOf(o.Kind, o.Population, o.Employees)
}

// Validate normalizes o and checks it. It returns an EINVALID *Error with a
// message key per field, or nil.
func (o *Organization) Validate() error {
	o.Normalize()
	fe := FieldErrors{}
	switch {
	case o.Name == "":
		fe.Add("name", "required")
	case utf8.RuneCountInString(o.Name) > 300:
		fe.Add("name", TooLong(300))
	}
	fe.CheckLine("name", o.Name)
	for _, n := range o.OtherNames {
		fe.CheckLine("other_names", n)
	}
	fe.CheckLine("region", o.Region)
	fe.CheckLine("official_code", o.OfficialCode)
	fe.CheckLine("sector", o.Sector)
	if !contains(Kinds, o.Kind) {
		fe.Add("kind", "kind.invalid")
	}
	if len(o.Country) != 2 || o.Country[0] < 'A' || o.Country[0] > 'Z' || o.Country[1] < 'A' || o.Country[1] > 'Z' {
		fe.Add("country", "country.invalid")
	}
	if o.Region != "" {
		if isDACH(o.Country) && FindRegion(o.Region) == nil || !strings.HasPrefix(o.Region, o.Country+"-") {
			fe.Add("region", "region.invalid")
		}
	}
	if key := validateOfficialCode(o.Country, o.Kind, o.Region, o.OfficialCode); key != "" {
		fe.Add("official_code", key)
	}
	if o.Population != nil && *o.Population < 0 {
		fe.Add("population", "population.invalid")
	}
	if o.Employees != nil && *o.Employees < 0 {
		fe.Add("employees", "employees.invalid")
	}
	if o.PopulationDate != "" {
		d, err := ParsePartialDate(o.PopulationDate)
		switch {
		case err != nil || !d.IsFull():
			fe.Add("population_date", "date.full_required")
		case d.Earliest().After(time.Now().UTC()):
			fe.Add("population_date", "date.future")
		default:
			o.PopulationDate = string(d)
		}
		if o.Population == nil {
			fe.Add("population_date", "population_date.needs_population")
		}
	}
	// A population without its reference date is kept: lists often give
	// none, and pages then say the date is unknown.
	if o.ParentID != nil && *o.ParentID == o.ID && o.ID != 0 {
		fe.Add("parent_id", "parent.self")
	}
	return fe.Err()
}

// CodeKey is the form of the official code used to match organizations:
// for German 12-digit ARS its 8-digit AGS, otherwise the code itself.
func (o *Organization) CodeKey() string {
	if o.Country == "DE" && len(o.OfficialCode) == 12 {
		return AGS(o.OfficialCode)
	}
	return o.OfficialCode
}

// SearchText is what a search term is matched against: the folded name,
// other names and official code.
func (o *Organization) SearchText() string {
	parts := append([]string{o.Name}, o.OtherNames...)
	parts = append(parts, o.OfficialCode)
	return Fold(strings.Join(parts, " | "))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// OrganizationFilter selects organizations. Empty fields do not filter.
type OrganizationFilter struct {
	Q            string // folded substring of name, other names or code
	Country      string
	Region       string
	Kind         string
	SizeClass    string
	Role         string // has a post with this role
	OfficialCode string // matches the code key
	Name         string // exact name
	ParentID     *int64
	HasCDO       bool // only those with a current CDO (see Organization.HasCDO)

	// Sort is one of OrganizationSorts; "" or an unknown value sorts by
	// name. Desc reverses it. Ties are broken by name, then ID.
	Sort string
	Desc bool

	Offset int
	Limit  int // 0 means no limit
}

// Orders of the organization list.
const (
	SortName       = "name"
	SortKind       = "kind"       // in the order of Kinds
	SortCountry    = "country"    // by German name
	SortRegion     = "region"     // by German name
	SortSizeClass  = "size_class" // in the order of SizeClasses
	SortPopulation = "population" // unknown last in both directions
	SortCDO        = "cdo"        // with a current CDO first
)

// OrganizationSorts lists the orders of the organization list.
var OrganizationSorts = []string{SortName, SortKind, SortCountry, SortRegion, SortSizeClass, SortPopulation, SortCDO}

// OrganizationService stores organizations.
type OrganizationService interface {
	// FindOrganizationByID returns ENOTFOUND when there is none.
	FindOrganizationByID(ctx context.Context, id int64) (*Organization, error)
	// FindOrganizations returns a page of matches, in the filter's order
	// (by name unless told otherwise), and the total number of matches.
	FindOrganizations(ctx context.Context, filter OrganizationFilter) ([]*Organization, int, error)
	// FindOrganizationNames returns every organization, ordered by ID,
	// with only what recognising it by name or code needs: ID, name, other
	// names, kind, country, region, official code and parent.
	FindOrganizationNames(ctx context.Context) ([]*Organization, error)
	// CreateOrganization validates and stores o and sets its ID. EINVALID
	// for invalid fields, ECONFLICT when the official code is taken.
	CreateOrganization(ctx context.Context, o *Organization) error
	// UpdateOrganization validates and replaces the stored fields of o.ID.
	// ENOTFOUND, EINVALID, ECONFLICT.
	UpdateOrganization(ctx context.Context, o *Organization) error
	// DeleteOrganization removes an organization without posts.
	// ENOTFOUND, ECONFLICT when posts still belong to it.
	DeleteOrganization(ctx context.Context, id int64) error
}
