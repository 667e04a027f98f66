package registryio_test

import (
	"context"
	"encoding/json"
	"sort"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// fixture is a small registry created through the store: what an export
// must hold.
type fixture struct {
	orgs    map[string]*cdoatlas.Organization
	posts   map[string]*cdoatlas.Post
	people  map[string]*cdoatlas.Person
	tenures map[string]*cdoatlas.Tenure
	// records are the rows an export must give back.
	records []cdoatlas.RegistryRecord
}

func i64(n int64) *int64 { return &n }
func year(n int) *int    { return &n }

func createFixture(t *testing.T, store cdoatlas.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{orgs: map[string]*cdoatlas.Organization{}, posts: map[string]*cdoatlas.Post{},
		people: map[string]*cdoatlas.Person{}, tenures: map[string]*cdoatlas.Tenure{}}
	for key, o := range map[string]*cdoatlas.Organization{
		"koeln": {Name: "Köln", OtherNames: []string{"Stadt Köln", "Cologne"}, Kind: "municipality", Country: "DE", Region: "DE-NW",
			OfficialCode: "05315000", Population: i64(1084831), PopulationDate: "2023-12-31"},
		"wien":  {Name: "Wien", Kind: "city_state", Country: "AT", Region: "AT-9", OfficialCode: "90001", Population: i64(2005760), PopulationDate: "2024-01-01"},
		"wesel": {Name: "Kreis Wesel", Kind: "county", Country: "DE", Region: "DE-NW", OfficialCode: "05170"},
		"sg":    {Name: "St. Gallen", Kind: "municipality", Country: "CH", Region: "CH-SG", OfficialCode: "3203"},
		"rhein": {Name: "RheinEnergie AG", Kind: "public_company", Country: "DE", Region: "DE-NW", Sector: "Energie", Employees: i64(3200)},
	} {
		if err := store.CreateOrganization(ctx, o); err != nil {
			t.Fatalf("create %s: %v", key, err)
		}
		f.orgs[key] = o
	}
	for key, p := range map[string]*cdoatlas.Post{
		"koeln-cdo": {OrganizationID: f.orgs["koeln"].ID, Title: "Chief Digital Officer", Role: "cdo", CDOCheck: "yes",
			Archetype: "administration", Placement: "staff_unit_head", CrossDepartmental: true, BoardAccess: true,
			SourceURL: "https://www.stadt-koeln.de/cdo"},
		"koeln-smart": {OrganizationID: f.orgs["koeln"].ID, Title: "Leitung Smart City", Role: "smart_city", Placement: "office"},
		"wien-cio":    {OrganizationID: f.orgs["wien"].ID, Title: "CIO der Stadt Wien", Role: "cio", Budget: true},
	} {
		if err := store.CreatePost(ctx, p); err != nil {
			t.Fatalf("create post %s: %v", key, err)
		}
		f.posts[key] = p
	}
	for key, p := range map[string]*cdoatlas.Person{
		"anna":  {Name: "Anna Beispiel", Gender: "f", BirthYear: year(1978), PublicationBasis: "public_role"},
		"bernd": {Name: "Bernd Muster", Gender: "m", Fictional: true},
		"chris": {Name: "Chris Probe", Gender: "d", PublicationBasis: "consent"},
	} {
		if err := store.CreatePerson(ctx, p); err != nil {
			t.Fatalf("create person %s: %v", key, err)
		}
		f.people[key] = p
	}
	for _, tt := range []struct {
		key, person, post string
		tenure            cdoatlas.Tenure
	}{
		{"anna", "anna", "koeln-cdo", cdoatlas.Tenure{Start: "2017-03", End: "2020-12-31", Status: "ended", Hire: "internal", SourceURL: "https://www.stadt-koeln.de/cdo"}},
		{"bernd", "bernd", "koeln-cdo", cdoatlas.Tenure{Start: "2021-02-01", Status: "current", Hire: "external", SourceURL: "https://www.stadt-koeln.de/cdo"}},
		{"chris", "chris", "wien-cio", cdoatlas.Tenure{Start: "2019", Status: "unknown", Hire: "unknown"}},
	} {
		te := tt.tenure
		te.PersonID, te.PostID = f.people[tt.person].ID, f.posts[tt.post].ID
		if err := store.CreateTenure(ctx, &te); err != nil {
			t.Fatalf("create tenure %s: %v", tt.key, err)
		}
		f.tenures[tt.key] = &te
	}
	rec := func(org, post, person, tenure string) cdoatlas.RegistryRecord {
		r := cdoatlas.RegistryRecord{Organization: *f.orgs[org]}
		if post != "" {
			r.Post = ptrTo(*f.posts[post])
		}
		if person != "" {
			r.Person = ptrTo(*f.people[person])
			r.Tenure = ptrTo(*f.tenures[tenure])
		}
		return r
	}
	f.records = []cdoatlas.RegistryRecord{
		rec("wesel", "", "", ""),
		rec("koeln", "koeln-cdo", "anna", "anna"),
		rec("koeln", "koeln-cdo", "bernd", "bernd"),
		rec("koeln", "koeln-smart", "", ""),
		rec("rhein", "", "", ""),
		rec("sg", "", "", ""),
		rec("wien", "wien-cio", "chris", "chris"),
	}
	return f
}

func ptrTo[T any](v T) *T { return &v }

// fileFacts clears what a registry file does not carry: IDs, timestamps
// and the line.
func fileFacts(r cdoatlas.RegistryRecord) cdoatlas.RegistryRecord {
	r.Line = 0
	r.Organization.ID, r.Organization.ParentID = 0, nil
	r.Organization.CreatedAt, r.Organization.UpdatedAt = zeroTime, zeroTime
	if len(r.Organization.OtherNames) == 0 {
		r.Organization.OtherNames = nil
	}
	if r.Post != nil {
		p := *r.Post
		p.ID, p.OrganizationID, p.CreatedAt, p.UpdatedAt = 0, 0, zeroTime, zeroTime
		p.Confidence, p.Review = 0, "" // set by the store, not in files
		r.Post = &p
	}
	if r.Person != nil {
		p := *r.Person
		p.ID, p.CreatedAt, p.UpdatedAt = 0, zeroTime, zeroTime
		r.Person = &p
	}
	if r.Tenure != nil {
		te := *r.Tenure
		te.ID, te.PersonID, te.PostID, te.CreatedAt, te.UpdatedAt = 0, 0, 0, zeroTime, zeroTime
		r.Tenure = &te
	}
	return r
}

// sortedFacts returns the file facts of records in a stable order.
func sortedFacts(recs []cdoatlas.RegistryRecord) []cdoatlas.RegistryRecord {
	out := make([]cdoatlas.RegistryRecord, len(recs))
	for i, r := range recs {
		out[i] = fileFacts(r)
	}
	sort.Slice(out, func(i, j int) bool { return dump(out[i]) < dump(out[j]) })
	return out
}

var zeroTime = cdoatlas.Organization{}.CreatedAt

func dump(r cdoatlas.RegistryRecord) string {
	b, _ := json.Marshal(r)
	return string(b)
}
