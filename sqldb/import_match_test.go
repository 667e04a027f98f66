package sqldb_test

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestImportRegistryCensusNames: a registry file names organizations as
// people write them; the import finds the stored ones as the census does,
// creates no duplicates, and gives a new place what the gazetteer knows.
func TestImportRegistryCensusNames(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		koeln := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Köln", Kind: "municipality", Country: "DE", Region: "DE-NW"})
		duesseldorf := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Düsseldorf", Kind: "municipality", Country: "DE", Region: "DE-NW"})
		muenchen := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "München", Kind: "municipality", Country: "DE", Region: "DE-BY", OfficialCode: "09162000"})
		landkreis := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Landkreis München", Kind: "county", Country: "DE", Region: "DE-BY"})
		allianz := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Allianz", Kind: "company", Country: "DE"})
		recs := []cdoatlas.RegistryRecord{
			{Line: 2, Organization: cdoatlas.Organization{Name: "Stadt Köln", Kind: "municipality", Country: "DE", Sector: "Verwaltung"}},
			{Line: 3, Organization: cdoatlas.Organization{Name: "Landeshauptstadt Düsseldorf", Kind: "municipality", Country: "DE"},
				Post: &cdoatlas.Post{Title: "CDO", Role: "cdo"}},
			{Line: 4, Organization: cdoatlas.Organization{Name: "Landratsamt München", Kind: "county", Country: "DE", Sector: "Verwaltung"}},
			{Line: 5, Organization: cdoatlas.Organization{Name: "Allianz SE", Kind: "company", Country: "DE", Sector: "Versicherung"}},
			{Line: 6, Organization: cdoatlas.Organization{Name: "Gemeinde Ammerbuch", Kind: "municipality", Country: "DE"}},
		}
		sum, err := db.ImportRegistry(ctx, recs)
		if err != nil {
			t.Fatal(err)
		}
		want := cdoatlas.ImportSummary{OrganizationsUpdated: 4, OrganizationsCreated: 1, PostsCreated: 1}
		if *sum != want {
			t.Errorf("summary %+v, want %+v", *sum, want)
		}
		for i, want := range []int64{koeln.ID, duesseldorf.ID, landkreis.ID, allianz.ID} {
			if got := recs[i].Organization.ID; got != want {
				t.Errorf("line %d: organization %d, want %d", recs[i].Line, got, want)
			}
		}
		if _, n, _ := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{}); n != 6 {
			t.Errorf("%d organizations, want 6 (five stored, Ammerbuch new)", n)
		}
		if o, _ := db.FindOrganizationByID(ctx, koeln.ID); o.Sector != "Verwaltung" || o.Name != "Stadt Köln" {
			t.Errorf("Köln: %+v", o)
		}
		if o, _ := db.FindOrganizationByID(ctx, muenchen.ID); o.Sector != "" {
			t.Errorf("the city took the county's row: %+v", o)
		}
		if o, _ := db.FindOrganizationByID(ctx, landkreis.ID); o.Sector != "Verwaltung" {
			t.Errorf("Landkreis München: %+v", o)
		}
		place, _ := gazetteer.ByCode("DE", "08416048")
		o, err := db.FindOrganizationByID(ctx, recs[4].Organization.ID)
		if err != nil {
			t.Fatal(err)
		}
		if o.OfficialCode != "08416048" || o.Region != "DE-BW" || o.Population == nil || *o.Population != place.Population ||
			o.PopulationDate != place.PopulationDate || o.Name != "Gemeinde Ammerbuch" {
			t.Errorf("Ammerbuch: %+v, want the gazetteer's %+v", o, place)
		}

		// The same file again changes nothing.
		sum, err = db.ImportRegistry(ctx, recs)
		if err != nil {
			t.Fatal(err)
		}
		if want := (cdoatlas.ImportSummary{OrganizationsUnchanged: 5}); *sum != want {
			t.Errorf("again: %+v, want %+v", *sum, want)
		}
	})
}

// TestImportRegistryGazetteerKeepsRecord: the gazetteer fills only what a
// new record leaves empty, and only for a place of its kind.
func TestImportRegistryGazetteerKeepsRecord(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		recs := []cdoatlas.RegistryRecord{
			{Line: 2, Organization: cdoatlas.Organization{Name: "Ammerbuch", Kind: "municipality", Country: "DE", Population: ptr[int64](11111), PopulationDate: "2020-12-31"}},
			{Line: 3, Organization: cdoatlas.Organization{Name: "Tübingen", Kind: "association", Country: "DE"}},
		}
		if _, err := db.ImportRegistry(ctx, recs); err != nil {
			t.Fatal(err)
		}
		a, _ := db.FindOrganizationByID(ctx, recs[0].Organization.ID)
		if a.OfficialCode != "08416048" || *a.Population != 11111 || a.PopulationDate != "2020-12-31" {
			t.Errorf("Ammerbuch: %+v", a)
		}
		b, _ := db.FindOrganizationByID(ctx, recs[1].Organization.ID)
		if b.OfficialCode != "" || b.Population != nil || b.Region != "" {
			t.Errorf("an association got a town's facts: %+v", b)
		}
	})
}
