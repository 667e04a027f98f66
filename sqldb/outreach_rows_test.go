package sqldb_test

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestFindOutreachPosts reads the CDO posts with their current holders
// and the network's current members.
func TestFindOutreachPosts(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ulm := &cdoatlas.Organization{Name: "Stadt Ulm", Kind: "municipality", Country: "DE", Region: "DE-BW"}
		if err := db.CreateOrganization(ctx, ulm); err != nil {
			t.Fatal(err)
		}
		var posts []*cdoatlas.Post
		for _, p := range []*cdoatlas.Post{
			{OrganizationID: ulm.ID, Title: "Chief Digital Officer", Role: cdoatlas.RoleCDO},
			{OrganizationID: ulm.ID, Title: "CDO (unbesetzt)", Role: cdoatlas.RoleCDO},
			{OrganizationID: ulm.ID, Title: "Leitung IT", Role: cdoatlas.RoleCIO},
		} {
			if err := db.CreatePost(ctx, p); err != nil {
				t.Fatal(err)
			}
			posts = append(posts, p)
		}
		for _, h := range []struct {
			name, status, start, end string
		}{{"Alt Vorgänger", cdoatlas.StatusEnded, "2015", "2019"}, {"Erika Beispiel", cdoatlas.StatusCurrent, "2020", ""}} {
			p := &cdoatlas.Person{Name: h.name, Gender: "f", Fictional: true}
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
			te := &cdoatlas.Tenure{PersonID: p.ID, PostID: posts[0].ID, Start: cdoatlas.PartialDate(h.start), End: cdoatlas.PartialDate(h.end), Status: h.status}
			if err := db.CreateTenure(ctx, te); err != nil {
				t.Fatal(err)
			}
		}
		call, apps := openCall(t, db, 5, 2)
		m, err := db.Admit(ctx, apps[0].ID, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		left, err := db.Admit(ctx, apps[1].ID, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Leave(ctx, left.ID, "Wechsel"); err != nil {
			t.Fatal(err)
		}

		got, err := db.FindOutreachPosts(ctx, call.NetworkID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Posts) != 2 {
			t.Fatalf("%d CDO posts, want 2: %+v", len(got.Posts), got.Posts)
		}
		for _, p := range got.Posts {
			want := cdoatlas.OutreachPost{PostID: p.PostID, PostTitle: p.PostTitle, OrganizationID: ulm.ID, OrganizationName: "Stadt Ulm",
				Region: "DE-BW", SizeClass: p.SizeClass, OfficialCode: p.OfficialCode, HolderGender: cdoatlas.GenderUnknown}
			if p.PostID == posts[0].ID {
				want.HolderName, want.HolderGender = "Erika Beispiel", "f"
			}
			if p != want {
				t.Errorf("post %d: %+v, want %+v", p.PostID, p, want)
			}
		}
		if len(got.Members) != 1 || got.Members[0].Name != m.PersonName {
			t.Errorf("members %+v, want only %s", got.Members, m.PersonName)
		}
		other, err := db.FindOutreachPosts(ctx, call.NetworkID+1000)
		if err != nil || len(other.Members) != 0 || len(other.Posts) != 2 {
			t.Errorf("another network: %+v, %v", other, err)
		}
	})
}
