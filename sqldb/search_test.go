package sqldb_test

import (
	"fmt"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestSearchCommonAndRareTerms covers both ways a search runs on SQLite:
// a term with many matches scans the names in order, a rare one is looked
// up in the trigram index. Both must give the same answers as a plain
// substring match.
func TestSearchCommonAndRareTerms(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		var recs []cdoatlas.RegistryRecord
		for i := range 250 {
			recs = append(recs, cdoatlas.RegistryRecord{Line: i + 2, Organization: cdoatlas.Organization{
				Name: fmt.Sprintf("Gemeinde Süd %03d", i), Kind: "municipality", Country: "DE"}})
		}
		if _, err := db.ImportRegistry(ctx, recs); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name   string
			filter cdoatlas.OrganizationFilter
			first  string
			page   int
			total  int
		}{
			{"Common", cdoatlas.OrganizationFilter{Q: "gemeinde", Limit: 20}, "Gemeinde Süd 000", 20, 250},
			{"CommonFolded", cdoatlas.OrganizationFilter{Q: "SUED", Limit: 20, Offset: 240}, "Gemeinde Süd 240", 10, 250},
			{"Rare", cdoatlas.OrganizationFilter{Q: "süd 12", Limit: 5}, "Gemeinde Süd 120", 5, 10},
			{"RareAll", cdoatlas.OrganizationFilter{Q: "sud 12"}, "Gemeinde Süd 120", 10, 10},
			{"RareAndFilter", cdoatlas.OrganizationFilter{Q: "sud 12", Country: "AT"}, "", 0, 0},
			{"Short", cdoatlas.OrganizationFilter{Q: "99", Limit: 1}, "Gemeinde Süd 099", 1, 2},
			{"None", cdoatlas.OrganizationFilter{Q: "nord"}, "", 0, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for range 2 { // the second time with cached counts and known terms
					list, total, err := db.FindOrganizations(ctx, tc.filter)
					if err != nil {
						t.Fatal(err)
					}
					first := ""
					if len(list) > 0 {
						first = list[0].Name
					}
					if first != tc.first || len(list) != tc.page || total != tc.total {
						t.Fatalf("got first %q, %d on the page, total %d; want %q, %d, %d", first, len(list), total, tc.first, tc.page, tc.total)
					}
				}
			})
		}
	})
}

// TestCountsFollowChanges checks that totals (cached between changes) and
// the search index follow every kind of change.
func TestCountsFollowChanges(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		k := mustCreateOrganization(t, db, cologne())
		m := mustCreateOrganization(t, db, munich())
		w := mustCreateOrganization(t, db, wesel())
		total := func(f cdoatlas.OrganizationFilter) int {
			t.Helper()
			f.Limit = 1 // a full page: the total must be counted
			_, n, err := db.FindOrganizations(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		q := cdoatlas.OrganizationFilter{Q: "stadt"}
		role := cdoatlas.OrganizationFilter{Role: "cdo"}
		for _, step := range []struct {
			name      string
			change    func() error
			stadt, cd int
		}{
			{"Start", func() error { return nil }, 1, 0},
			{"Create", func() error {
				return db.CreateOrganization(ctx, &cdoatlas.Organization{Name: "Hansestadt Lübeck", Kind: "municipality", Country: "DE"})
			}, 2, 0},
			{"Rename", func() error { k.Name = "Stadt Köln"; return db.UpdateOrganization(ctx, k) }, 3, 0},
			{"RenameAway", func() error { m.Name, m.OtherNames = "München", nil; return db.UpdateOrganization(ctx, m) }, 2, 0},
			{"AddPost", func() error { _, err := createPost(db, w.ID, cdoatlas.RoleCDO); return err }, 2, 1},
			{"AddPost2", func() error { _, err := createPost(db, k.ID, cdoatlas.RoleCDO); return err }, 2, 2},
			{"Delete", func() error {
				list, _, _ := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Q: "lubeck"})
				return db.DeleteOrganization(ctx, list[0].ID)
			}, 1, 2},
			{"Import", func() error {
				_, err := db.ImportRegistry(ctx, []cdoatlas.RegistryRecord{{Line: 2, Organization: cdoatlas.Organization{Name: "Kreisstadt Mettmann", Kind: "municipality", Country: "DE"}}})
				return err
			}, 2, 2},
		} {
			if err := step.change(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			if got := total(q); got != step.stadt {
				t.Errorf("%s: %d organizations match %q, want %d", step.name, got, q.Q, step.stadt)
			}
			if got := total(role); got != step.cd {
				t.Errorf("%s: %d organizations with a CDO post, want %d", step.name, got, step.cd)
			}
		}
		if n := total(cdoatlas.OrganizationFilter{Q: "landeshauptstadt"}); n != 0 {
			t.Errorf("the old name is still found: %d", n)
		}
	})
}

func createPost(db *sqldb.DB, orgID int64, role string) (*cdoatlas.Post, error) {
	p := &cdoatlas.Post{OrganizationID: orgID, Title: "Chief Digital Officer", Role: role}
	return p, db.CreatePost(ctx, p)
}
