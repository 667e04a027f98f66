package sqldb_test

import (
	"slices"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestFindPostMatches checks the post search of the site search: every
// word must match the title, the organization's names or the role, folded.
func TestFindPostMatches(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		m := mustCreateOrganization(t, db, munich())
		k := mustCreateOrganization(t, db, cologne())
		w := mustCreateOrganization(t, db, wesel())
		mCDO := mustCreatePost(t, db, m.ID, "Chief Digital Officer", cdoatlas.RoleCDO)
		kCDO := mustCreatePost(t, db, k.ID, "Leiterin Stabsstelle Digitalisierung", cdoatlas.RoleCDO)
		kCIO := mustCreatePost(t, db, k.ID, "Leiter IT-Amt", cdoatlas.RoleCIO)
		wSmart := mustCreatePost(t, db, w.ID, "Projektleitung Digitale Region", cdoatlas.RoleSmartCity)
		names := map[int64]string{m.ID: m.Name, k.ID: k.Name, w.ID: w.Name}
		for _, tc := range []struct {
			name  string
			f     cdoatlas.PostFilter
			want  []int64
			total int
		}{
			{"Title", cdoatlas.PostFilter{Q: "stabsstelle"}, []int64{kCDO.ID}, 1},
			{"TitleFolded", cdoatlas.PostFilter{Q: "DIGITALE"}, []int64{wSmart.ID}, 1},
			{"OrganizationTransliterated", cdoatlas.PostFilter{Q: "Muenchen"}, []int64{mCDO.ID}, 1},
			{"OrganizationUmlaut", cdoatlas.PostFilter{Q: "köln"}, []int64{kCIO.ID, kCDO.ID}, 2},
			{"RoleNotInTitle", cdoatlas.PostFilter{Q: "CDO"}, []int64{kCDO.ID, mCDO.ID}, 2},
			{"RoleName", cdoatlas.PostFilter{Q: "chief information officer"}, []int64{kCIO.ID}, 1},
			{"RoleTwoWords", cdoatlas.PostFilter{Q: "smart city"}, []int64{wSmart.ID}, 1},
			{"EveryWord", cdoatlas.PostFilter{Q: "CDO Koeln"}, []int64{kCDO.ID}, 1},
			{"WordsInAnyOrder", cdoatlas.PostFilter{Q: "Köln Leiter"}, []int64{kCIO.ID, kCDO.ID}, 2},
			{"OneWordMissing", cdoatlas.PostFilter{Q: "CDO Wesel"}, []int64{}, 0},
			{"WithFilter", cdoatlas.PostFilter{Q: "köln", Role: cdoatlas.RoleCIO}, []int64{kCIO.ID}, 1},
			{"Paged", cdoatlas.PostFilter{Q: "cdo", Offset: 1, Limit: 1}, []int64{mCDO.ID}, 2},
			{"None", cdoatlas.PostFilter{Q: "Bürgermeister"}, []int64{}, 0},
			{"NoWord", cdoatlas.PostFilter{Q: " – "}, []int64{kCIO.ID, kCDO.ID, wSmart.ID, mCDO.ID}, 4},
		} {
			t.Run(tc.name, func(t *testing.T) {
				matches, total, err := db.FindPostMatches(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				got := []int64{}
				for _, x := range matches {
					got = append(got, x.Post.ID)
					if x.Organization == nil || x.Organization.ID != x.Post.OrganizationID || x.Organization.Name != names[x.Post.OrganizationID] {
						t.Errorf("post %d (%s) comes with organization %+v", x.Post.ID, x.Post.Title, x.Organization)
					}
				}
				if !slices.Equal(got, tc.want) || total != tc.total {
					t.Errorf("got %v of %d, want %v of %d", got, total, tc.want, tc.total)
				}
				// The API's list finds the same.
				posts, n, err := db.FindPosts(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				ids := []int64{}
				for _, p := range posts {
					ids = append(ids, p.ID)
				}
				if !slices.Equal(ids, got) || n != total {
					t.Errorf("FindPosts found %v of %d, FindPostMatches %v of %d", ids, n, got, total)
				}
			})
		}
	})
}

// TestFindPeopleSearch checks the person search: every word of the name,
// folded, and nothing of the unpublished for who may not see them.
func TestFindPeopleSearch(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		erika := &cdoatlas.Person{Name: "Erika Müller-Lüdenscheidt", PublicationBasis: cdoatlas.BasisPublicRole}
		hidden := &cdoatlas.Person{Name: "Max Verborgen"}
		for _, p := range []*cdoatlas.Person{erika, hidden} {
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			name  string
			f     cdoatlas.PersonFilter
			want  []int64
			total int
		}{
			{"Transliterated", cdoatlas.PersonFilter{Q: "Mueller"}, []int64{erika.ID}, 1},
			{"WordsInAnyOrder", cdoatlas.PersonFilter{Q: "ludenscheidt erika"}, []int64{erika.ID}, 1},
			{"OneWordMissing", cdoatlas.PersonFilter{Q: "Erika Verborgen"}, []int64{}, 0},
			{"Unpublished", cdoatlas.PersonFilter{Q: "Verborgen"}, []int64{hidden.ID}, 1},
			{"UnpublishedPublicOnly", cdoatlas.PersonFilter{Q: "Verborgen", PublicOnly: true}, []int64{}, 0},
			{"NobodyPublicOnly", cdoatlas.PersonFilter{Q: "Niemand", PublicOnly: true}, []int64{}, 0},
			{"PublishedPublicOnly", cdoatlas.PersonFilter{Q: "erika", PublicOnly: true}, []int64{erika.ID}, 1},
		} {
			t.Run(tc.name, func(t *testing.T) {
				people, total, err := db.FindPeople(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				got := []int64{}
				for _, p := range people {
					got = append(got, p.ID)
				}
				if !slices.Equal(got, tc.want) || total != tc.total {
					t.Errorf("got %v of %d, want %v of %d", got, total, tc.want, tc.total)
				}
			})
		}
	})
}
