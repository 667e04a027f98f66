package sqldb_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// registryRecords is a small registry file: five organizations, three
// posts, two people (Erika Muster holds two posts in München).
func registryRecords() []cdoatlas.RegistryRecord {
	return []cdoatlas.RegistryRecord{
		{Line: 2, Organization: *munich(),
			Post:   &cdoatlas.Post{Title: "Chief Digital Officer", Role: "cdo"},
			Person: &cdoatlas.Person{Name: "Erika Muster", Gender: "f", Fictional: true},
			Tenure: &cdoatlas.Tenure{Start: "2019-04", Status: "current"}},
		{Line: 3, Organization: *cologne()},
		{Line: 4, Organization: *wesel(),
			Post:   &cdoatlas.Post{Title: "Digitalisierungsbeauftragter", Role: "cdo"},
			Person: &cdoatlas.Person{Name: "Max Muster", Gender: "m", Fictional: true},
			Tenure: &cdoatlas.Tenure{Start: "2020", End: "2023-06"}},
		{Line: 5, Organization: cdoatlas.Organization{Name: "München", Kind: "municipality", Country: "DE", OfficialCode: "09162000"},
			Post:   &cdoatlas.Post{Title: "CIO", Role: "cio"},
			Person: &cdoatlas.Person{Name: "erika  muster"}},
		{Line: 6, Organization: *vienna()},
		{Line: 7, Organization: cdoatlas.Organization{Name: "Zweckverband Digitale Region", Kind: "association", Country: "DE"}},
	}
}

// snapshot is everything the registry holds, to compare before and after.
type snapshot struct {
	orgs    []*cdoatlas.Organization
	posts   []*cdoatlas.Post
	people  []*cdoatlas.Person
	tenures []*cdoatlas.Tenure
}

func takeSnapshot(t *testing.T, db *sqldb.DB) snapshot {
	t.Helper()
	var s snapshot
	var err error
	if s.orgs, _, err = db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{}); err != nil {
		t.Fatal(err)
	}
	if s.posts, _, err = db.FindPosts(ctx, cdoatlas.PostFilter{}); err != nil {
		t.Fatal(err)
	}
	if s.people, _, err = db.FindPeople(ctx, cdoatlas.PersonFilter{}); err != nil {
		t.Fatal(err)
	}
	if s.tenures, _, err = db.FindTenures(ctx, cdoatlas.TenureFilter{}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestImportRegistry(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		records := registryRecords()
		sum, err := db.ImportRegistry(ctx, records)
		if err != nil {
			t.Fatal(err)
		}
		want := cdoatlas.ImportSummary{OrganizationsCreated: 5, PostsCreated: 3, PeopleCreated: 2, TenuresCreated: 3}
		if *sum != want {
			t.Fatalf("first import: %+v, want %+v", *sum, want)
		}
		if records[0].Organization.ID == 0 || records[0].Organization.ID != records[3].Organization.ID ||
			records[0].Person.ID != records[3].Person.ID || records[0].Tenure.PostID != records[0].Post.ID {
			t.Errorf("IDs set on the records: %+v", records)
		}
		erika, err := db.FindPersonByID(ctx, records[0].Person.ID)
		if err != nil || erika.Name != "Erika Muster" {
			t.Errorf("person: %+v %v", erika, err)
		}
		ts, n, _ := db.FindTenures(ctx, cdoatlas.TenureFilter{PersonID: erika.ID})
		if n != 2 || ts[0].Status != "unknown" || ts[1].Status != "current" { // unknown start first
			t.Errorf("tenures of Erika Muster: %d %+v", n, ts)
		}
		before := takeSnapshot(t, db)

		// The same file again, fresh and as returned by the first import.
		for _, again := range [][]cdoatlas.RegistryRecord{registryRecords(), records} {
			sum, err = db.ImportRegistry(ctx, again)
			if err != nil {
				t.Fatal(err)
			}
			want = cdoatlas.ImportSummary{OrganizationsUnchanged: 5}
			if *sum != want {
				t.Errorf("import again: %+v, want %+v", *sum, want)
			}
			if after := takeSnapshot(t, db); !reflect.DeepEqual(before, after) {
				t.Errorf("import again changed the registry")
			}
		}
	})
}

func TestImportRegistryMatching(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		if _, err := db.ImportRegistry(ctx, registryRecords()); err != nil {
			t.Fatal(err)
		}
		m, _, _ := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{OfficialCode: "09162000"})
		munichID := m[0].ID
		for _, tc := range []struct {
			name  string
			rec   cdoatlas.Organization
			want  cdoatlas.ImportSummary
			check func(t *testing.T, o *cdoatlas.Organization)
		}{
			{"ARSUpdatesPopulation",
				cdoatlas.Organization{Name: "München", Kind: "municipality", Country: "DE", Region: "DE-BY", OfficialCode: "091620000000", Population: ptr[int64](1600000), PopulationDate: "2024-12-31"},
				cdoatlas.ImportSummary{OrganizationsUpdated: 1},
				func(t *testing.T, o *cdoatlas.Organization) {
					if o.ID != munichID || o.Name != "Landeshauptstadt München" || o.OfficialCode != "091620000000" || *o.Population != 1600000 {
						t.Errorf("got %+v", o)
					}
				}},
			{"AGSKeepsARS",
				cdoatlas.Organization{Name: "München", Kind: "municipality", Country: "DE", OfficialCode: "09162000"},
				cdoatlas.ImportSummary{OrganizationsUnchanged: 1},
				func(t *testing.T, o *cdoatlas.Organization) {
					if o.OfficialCode != "091620000000" {
						t.Errorf("code %q", o.OfficialCode)
					}
				}},
			{"ByFoldedNameWithoutCode",
				cdoatlas.Organization{Name: "LANDESHAUPTSTADT MUENCHEN", Kind: "municipality", Country: "DE", Sector: "Verwaltung"},
				cdoatlas.ImportSummary{OrganizationsUpdated: 1},
				func(t *testing.T, o *cdoatlas.Organization) {
					if o.ID != munichID || o.Sector != "Verwaltung" || o.Name != "Landeshauptstadt München" {
						t.Errorf("got %+v", o)
					}
				}},
			{"NewNameKeepsOldAsOtherName",
				cdoatlas.Organization{Name: "Stadt München", Kind: "municipality", Country: "DE", OfficialCode: "09162000"},
				cdoatlas.ImportSummary{OrganizationsUpdated: 1},
				func(t *testing.T, o *cdoatlas.Organization) {
					if o.Name != "Stadt München" || !reflect.DeepEqual(o.OtherNames, []string{"München", "Landeshauptstadt München"}) {
						t.Errorf("got %q %q", o.Name, o.OtherNames)
					}
				}},
			{"SameNameOtherCountryIsNew",
				cdoatlas.Organization{Name: "Wien", Kind: "municipality", Country: "DE"},
				cdoatlas.ImportSummary{OrganizationsCreated: 1},
				nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				recs := []cdoatlas.RegistryRecord{{Line: 2, Organization: tc.rec}}
				sum, err := db.ImportRegistry(ctx, recs)
				if err != nil {
					t.Fatal(err)
				}
				if *sum != tc.want {
					t.Errorf("summary %+v, want %+v", *sum, tc.want)
				}
				if tc.check != nil {
					o, err := db.FindOrganizationByID(ctx, recs[0].Organization.ID)
					if err != nil {
						t.Fatal(err)
					}
					tc.check(t, o)
				}
			})
		}
	})
}

func TestImportRegistryRollback(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		if _, err := db.ImportRegistry(ctx, registryRecords()); err != nil {
			t.Fatal(err)
		}
		// Two organizations of one name, neither with a code nor a region.
		for range 2 {
			mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Neustadt", Kind: "municipality", Country: "DE"})
		}
		before := takeSnapshot(t, db)
		first := []cdoatlas.RegistryRecord{
			{Line: 2, Organization: cdoatlas.Organization{Name: "Paderborn", Kind: "municipality", Country: "DE", Region: "DE-NW", OfficialCode: "05774032"}},
			{Line: 3, Organization: cdoatlas.Organization{Name: "Ulm", Kind: "municipality", Country: "DE", Region: "DE-BW", OfficialCode: "08421000"},
				Post:   &cdoatlas.Post{Title: "CDO", Role: "cdo"},
				Person: &cdoatlas.Person{Name: "Anna Beispiel"},
				Tenure: &cdoatlas.Tenure{Start: "2020-01", Status: "current"}},
		}
		for _, tc := range []struct {
			name  string
			third cdoatlas.RegistryRecord
			want  cdoatlas.LineError
		}{
			{"TenureOverlap", cdoatlas.RegistryRecord{Line: 4, Organization: cdoatlas.Organization{Name: "Ulm", Kind: "municipality", Country: "DE", OfficialCode: "08421000"},
				Post:   &cdoatlas.Post{Title: "cdo"},
				Person: &cdoatlas.Person{Name: "Bernd Beispiel"},
				Tenure: &cdoatlas.Tenure{Start: "2021-05-01", Status: "current"}},
				cdoatlas.LineError{Line: 4, Column: "start", Reason: cdoatlas.Message("en", "tenure.overlap")}},
			{"AmbiguousName", cdoatlas.RegistryRecord{Line: 4, Organization: cdoatlas.Organization{Name: "Neustadt", Kind: "municipality", Country: "DE"}},
				cdoatlas.LineError{Line: 4, Column: "name", Reason: "2 organizations of this country have this name: give the official code or the region"}},
			{"UnknownParent", cdoatlas.RegistryRecord{Line: 4, Organization: cdoatlas.Organization{Name: "Lübeck", Kind: "municipality", Country: "DE", ParentID: ptr[int64](9999)}},
				cdoatlas.LineError{Line: 4, Column: "parent_id", Reason: cdoatlas.Message("en", "organization.unknown")}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				recs := append(append([]cdoatlas.RegistryRecord{}, first...), tc.third)
				sum, err := db.ImportRegistry(ctx, recs)
				var fe cdoatlas.FileErrors
				if !errors.As(err, &fe) || len(fe) != 1 || fe[0].Line != tc.want.Line || fe[0].Column != tc.want.Column || fe[0].Reason != tc.want.Reason || fe[0].Key == "" {
					t.Fatalf("got %v, %v; want the error %+v", sum, err, tc.want)
				}
				if !errors.Is(err, cdoatlas.ErrInvalid) {
					t.Errorf("a refused file is invalid input")
				}
				if after := takeSnapshot(t, db); !reflect.DeepEqual(before, after) {
					t.Errorf("the refused import changed the registry")
				}
			})
		}
	})
}

func TestImportRegistryValidation(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		recs := []cdoatlas.RegistryRecord{
			{Line: 2, Organization: *cologne()},
			{Line: 3, Organization: cdoatlas.Organization{Name: "Essen", Kind: "municipality", Country: "DE", OfficialCode: "0511300"}},
			{Line: 4, Organization: cdoatlas.Organization{Name: "Bonn", Country: "DE"},
				Post: &cdoatlas.Post{Title: "CDO", Role: "chef"}, Person: &cdoatlas.Person{Name: "X", Gender: "q"}},
			{Line: 5, Organization: *munich(), Tenure: &cdoatlas.Tenure{Start: "2020"}},
		}
		_, err := db.ImportRegistry(ctx, recs)
		want := cdoatlas.FileErrors{
			cdoatlas.NewLineError(3, "official_code", "code.de_municipality"),
			cdoatlas.NewLineError(4, "kind", "kind.invalid"),
			cdoatlas.NewLineError(4, "role", "role.invalid"),
			cdoatlas.NewLineError(4, "gender", "gender.invalid"),
			cdoatlas.NewLineError(5, "person_name", "required"),
		}
		if want[0].Reason != cdoatlas.Message("en", "code.de_municipality") || want[0].Text("de") == want[0].Reason {
			t.Fatalf("a problem's text: %q in English, %q in German", want[0].Reason, want[0].Text("de"))
		}
		var fe cdoatlas.FileErrors
		if !errors.As(err, &fe) || !reflect.DeepEqual(fe, want) {
			t.Fatalf("got %v\nwant %v", err, want)
		}
		if _, n, _ := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{}); n != 0 {
			t.Errorf("%d organizations stored from a refused file", n)
		}
		// Nothing to import is no error.
		if sum, err := db.ImportRegistry(ctx, nil); err != nil || *sum != (cdoatlas.ImportSummary{}) {
			t.Errorf("empty import: %+v %v", sum, err)
		}
	})
}
