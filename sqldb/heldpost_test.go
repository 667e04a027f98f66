package sqldb_test

import (
	"reflect"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestFindHeldPosts(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		cgn := mustCreateOrganization(t, db, cologne())
		muc := mustCreateOrganization(t, db, munich())
		held := mustCreatePost(t, db, cgn.ID, "Chief Digital Officer", cdoatlas.RoleCDO)
		ended := mustCreatePost(t, db, muc.ID, "CDO", cdoatlas.RoleCDO)
		mustCreatePost(t, db, muc.ID, "CIO", cdoatlas.RoleCIO) // nobody holds it
		erika, max := mustCreatePerson(t, db, "Erika Muster"), mustCreatePerson(t, db, "Max Muster")
		for _, te := range []*cdoatlas.Tenure{
			{PersonID: erika.ID, PostID: held.ID, Start: "2019", Status: cdoatlas.StatusCurrent},
			{PersonID: max.ID, PostID: held.ID, Start: "2015", End: "2018", Status: cdoatlas.StatusEnded},
			{PersonID: max.ID, PostID: ended.ID, Start: "2019", End: "2022", Status: cdoatlas.StatusEnded},
		} {
			if err := db.CreateTenure(ctx, te); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.FindHeldPosts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []cdoatlas.HeldPost{{PostID: held.ID, Role: cdoatlas.RoleCDO, CDOCheck: held.CDOCheck, OrganizationID: cgn.ID,
			Name: "Köln", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-NW", OfficialCode: "05315000"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("held posts\n got %+v\nwant %+v", got, want)
		}
	})
}
