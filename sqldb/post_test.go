package sqldb_test

import (
	"reflect"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestPostCRUD(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		org := mustCreateOrganization(t, db, cologne())
		p := &cdoatlas.Post{OrganizationID: org.ID, Title: " Chief Digital Officer ", Role: "CDO", CDOCheck: "yes",
			Archetype: "administration", Placement: "staff_unit_head", CrossDepartmental: true, BoardAccess: true,
			Created: "2019-04", SourceURL: "https://www.stadt-koeln.de/"}
		if err := db.CreatePost(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindPostByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, p) || got.Title != "Chief Digital Officer" || got.Role != "cdo" {
			t.Fatalf("read back\n got %+v\nwant %+v", got, p)
		}
		got.Budget, got.Abolished, got.Title = true, "2023", "CDO"
		if err := db.UpdatePost(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := db.FindPostByID(ctx, p.ID)
		if !again.Budget || again.Abolished != "2023" || again.Title != "CDO" || !again.CreatedAt.Equal(p.CreatedAt) {
			t.Errorf("after update: %+v", again)
		}
		person := mustCreatePerson(t, db, "Erika Muster")
		te := &cdoatlas.Tenure{PersonID: person.ID, PostID: p.ID, Start: "2019-04", Status: "current"}
		if err := db.CreateTenure(ctx, te); err != nil {
			t.Fatal(err)
		}
		if err := db.DeletePost(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindPostByID(ctx, p.ID)
		wantCode(t, err, cdoatlas.ENOTFOUND)
		_, err = db.FindTenureByID(ctx, te.ID)
		wantCode(t, err, cdoatlas.ENOTFOUND) // tenures go with their post
		if _, err := db.FindPersonByID(ctx, person.ID); err != nil {
			t.Errorf("the person must stay: %v", err)
		}
	})
}

func TestPostErrors(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		org := mustCreateOrganization(t, db, cologne())
		p := mustCreatePost(t, db, org.ID, "CDO", cdoatlas.RoleCDO)
		for _, tc := range []struct {
			name  string
			err   func() error
			code  string
			field string
			key   string
		}{
			{"FindNotFound", func() error { _, err := db.FindPostByID(ctx, 9999); return err }, cdoatlas.ENOTFOUND, "", ""},
			{"UpdateNotFound", func() error { q := *p; q.ID = 9999; return db.UpdatePost(ctx, &q) }, cdoatlas.ENOTFOUND, "", ""},
			{"DeleteNotFound", func() error { return db.DeletePost(ctx, 9999) }, cdoatlas.ENOTFOUND, "", ""},
			{"UnknownOrganization", func() error {
				return db.CreatePost(ctx, &cdoatlas.Post{OrganizationID: 9999, Title: "CDO"})
			}, cdoatlas.EINVALID, "organization_id", "organization.unknown"},
			{"UpdateToUnknownOrganization", func() error { q := *p; q.OrganizationID = 9999; return db.UpdatePost(ctx, &q) }, cdoatlas.EINVALID, "organization_id", "organization.unknown"},
			{"TitleRequired", func() error { return db.CreatePost(ctx, &cdoatlas.Post{OrganizationID: org.ID}) }, cdoatlas.EINVALID, "title", "required"},
			{"BadRole", func() error {
				return db.CreatePost(ctx, &cdoatlas.Post{OrganizationID: org.ID, Title: "x", Role: "boss"})
			}, cdoatlas.EINVALID, "role", "role.invalid"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.err()
				wantCode(t, err, tc.code)
				if tc.field != "" {
					wantField(t, err, tc.field, tc.key)
				}
			})
		}
	})
}

func TestFindPosts(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		k := mustCreateOrganization(t, db, cologne())
		m := mustCreateOrganization(t, db, munich())
		v := mustCreateOrganization(t, db, vienna())
		kCDO := mustCreatePost(t, db, k.ID, "Chief Digital Officer", cdoatlas.RoleCDO)
		kCIO := mustCreatePost(t, db, k.ID, "Chief Information Officer", cdoatlas.RoleCIO)
		mCDO := mustCreatePost(t, db, m.ID, "Leiter Stabsstelle Digitalisierung", cdoatlas.RoleCDO)
		vCDO := mustCreatePost(t, db, v.ID, "Digitalisierungsbeauftragte", cdoatlas.RoleCDO)
		ids := func(list []*cdoatlas.Post) []int64 {
			out := []int64{}
			for _, p := range list {
				out = append(out, p.ID)
			}
			return out
		}
		for _, tc := range []struct {
			name   string
			filter cdoatlas.PostFilter
			want   []int64
			total  int
		}{
			{"All", cdoatlas.PostFilter{}, []int64{kCDO.ID, kCIO.ID, mCDO.ID, vCDO.ID}, 4},
			{"QTitle", cdoatlas.PostFilter{Q: "digitalisierung"}, []int64{mCDO.ID, vCDO.ID}, 2},
			{"QOrganizationName", cdoatlas.PostFilter{Q: "Muenchen"}, []int64{mCDO.ID}, 1},
			{"QOrganizationFolded", cdoatlas.PostFilter{Q: "KÖLN"}, []int64{kCDO.ID, kCIO.ID}, 2},
			{"Organization", cdoatlas.PostFilter{OrganizationID: k.ID}, []int64{kCDO.ID, kCIO.ID}, 2},
			{"Role", cdoatlas.PostFilter{Role: "cdo"}, []int64{kCDO.ID, mCDO.ID, vCDO.ID}, 3},
			{"Country", cdoatlas.PostFilter{Country: "DE", Role: "cdo"}, []int64{kCDO.ID, mCDO.ID}, 2},
			{"Region", cdoatlas.PostFilter{Region: "Bayern"}, []int64{mCDO.ID}, 1},
			{"CDOCheck", cdoatlas.PostFilter{CDOCheck: "unknown", Limit: 1}, []int64{kCDO.ID}, 4},
			{"Page", cdoatlas.PostFilter{Limit: 2, Offset: 1}, []int64{kCIO.ID, mCDO.ID}, 4},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, total, err := db.FindPosts(ctx, tc.filter)
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(list); !reflect.DeepEqual(got, tc.want) || total != tc.total {
					t.Errorf("got %v total %d, want %v total %d", got, total, tc.want, tc.total)
				}
			})
		}
	})
}
