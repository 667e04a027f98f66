package sqldb_test

import (
	"reflect"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestTenureCRUD(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		org := mustCreateOrganization(t, db, cologne())
		post := mustCreatePost(t, db, org.ID, "CDO", cdoatlas.RoleCDO)
		person := mustCreatePerson(t, db, "Erika Muster")
		te := &cdoatlas.Tenure{PersonID: person.ID, PostID: post.ID, Start: "01.04.2019", End: "2022-03", Hire: "external", SourceURL: "https://example.org/a"}
		if err := db.CreateTenure(ctx, te); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindTenureByID(ctx, te.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, te) || got.Start != "2019-04-01" || got.Status != cdoatlas.StatusEnded {
			t.Fatalf("read back\n got %+v\nwant %+v", got, te)
		}
		got.End, got.Status = "", cdoatlas.StatusCurrent
		if err := db.UpdateTenure(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := db.FindTenureByID(ctx, te.ID)
		if again.End != "" || again.Status != cdoatlas.StatusCurrent {
			t.Errorf("after update: %+v", again)
		}
		if err := db.DeletePerson(ctx, person.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindTenureByID(ctx, te.ID)
		wantCode(t, err, cdoatlas.ENOTFOUND) // tenures go with their person
	})
}

func TestTenureErrors(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		org := mustCreateOrganization(t, db, cologne())
		post := mustCreatePost(t, db, org.ID, "CDO", cdoatlas.RoleCDO)
		other := mustCreatePost(t, db, org.ID, "CIO", cdoatlas.RoleCIO)
		a := mustCreatePerson(t, db, "Erika Muster")
		b := mustCreatePerson(t, db, "Max Muster")
		first := &cdoatlas.Tenure{PersonID: a.ID, PostID: post.ID, Start: "2018", End: "2020-06"}
		current := &cdoatlas.Tenure{PersonID: b.ID, PostID: post.ID, Start: "2021-01-01", Status: "current"}
		for _, te := range []*cdoatlas.Tenure{first, current} {
			if err := db.CreateTenure(ctx, te); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			name   string
			tenure cdoatlas.Tenure
			update bool
			code   string
			field  string
			key    string
		}{
			{"OverlapsEnded", cdoatlas.Tenure{PersonID: b.ID, PostID: post.ID, Start: "2019-05", End: "2019-09"}, false, cdoatlas.EINVALID, "start", "tenure.overlap"},
			{"OverlapsCurrent", cdoatlas.Tenure{PersonID: a.ID, PostID: post.ID, Start: "2023-01-01", Status: "current"}, false, cdoatlas.EINVALID, "start", "tenure.overlap"},
			{"UpdateIntoOverlap", cdoatlas.Tenure{ID: first.ID, PersonID: a.ID, PostID: post.ID, Start: "2018", End: "2022"}, true, cdoatlas.EINVALID, "start", "tenure.overlap"},
			{"UnknownPost", cdoatlas.Tenure{PersonID: a.ID, PostID: 9999, Start: "2019"}, false, cdoatlas.EINVALID, "post_id", "post.unknown"},
			{"UnknownPerson", cdoatlas.Tenure{PersonID: 9999, PostID: post.ID, Start: "2019"}, false, cdoatlas.EINVALID, "person_id", "person.unknown"},
			{"EndBeforeStart", cdoatlas.Tenure{PersonID: a.ID, PostID: post.ID, Start: "2019", End: "2018"}, false, cdoatlas.EINVALID, "end", "end.before_start"},
			{"UpdateNotFound", cdoatlas.Tenure{ID: 9999, PersonID: a.ID, PostID: post.ID}, true, cdoatlas.ENOTFOUND, "", ""},
			// Partial dates that may touch are no certain overlap.
			{"AdjacentPartial", cdoatlas.Tenure{PersonID: b.ID, PostID: post.ID, Start: "2020", End: "2020-12"}, false, "", "", ""},
			{"OtherPost", cdoatlas.Tenure{PersonID: b.ID, PostID: other.ID, Start: "2019", Status: "current"}, false, "", "", ""},
			{"UpdateItself", cdoatlas.Tenure{ID: current.ID, PersonID: b.ID, PostID: post.ID, Start: "2021-02-01", Status: "current"}, true, "", "", ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				te := tc.tenure
				var err error
				if tc.update {
					err = db.UpdateTenure(ctx, &te)
				} else {
					err = db.CreateTenure(ctx, &te)
				}
				wantCode(t, err, tc.code)
				if tc.field != "" {
					wantField(t, err, tc.field, tc.key)
				}
			})
		}
		wantCode(t, db.DeleteTenure(ctx, 9999), cdoatlas.ENOTFOUND)
		_, err := db.FindTenureByID(ctx, 9999)
		wantCode(t, err, cdoatlas.ENOTFOUND)
	})
}

func TestFindTenures(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		k := mustCreateOrganization(t, db, cologne())
		m := mustCreateOrganization(t, db, munich())
		kPost := mustCreatePost(t, db, k.ID, "CDO", cdoatlas.RoleCDO)
		kPost2 := mustCreatePost(t, db, k.ID, "CIO", cdoatlas.RoleCIO)
		mPost := mustCreatePost(t, db, m.ID, "CDO", cdoatlas.RoleCDO)
		a := mustCreatePerson(t, db, "Erika Muster")
		b := mustCreatePerson(t, db, "Max Muster")
		mk := func(person, post int64, start, end cdoatlas.PartialDate, status string) *cdoatlas.Tenure {
			te := &cdoatlas.Tenure{PersonID: person, PostID: post, Start: start, End: end, Status: status}
			if err := db.CreateTenure(ctx, te); err != nil {
				t.Fatal(err)
			}
			return te
		}
		t1 := mk(a.ID, kPost.ID, "2018", "2020", "")
		t2 := mk(b.ID, kPost.ID, "2021-03", "", "current")
		t3 := mk(a.ID, mPost.ID, "2021", "", "current")
		t4 := mk(b.ID, kPost2.ID, "", "", "") // start unknown: first
		ids := func(list []*cdoatlas.Tenure) []int64 {
			out := []int64{}
			for _, te := range list {
				out = append(out, te.ID)
			}
			return out
		}
		for _, tc := range []struct {
			name   string
			filter cdoatlas.TenureFilter
			want   []int64
			total  int
		}{
			{"AllByStart", cdoatlas.TenureFilter{}, []int64{t4.ID, t1.ID, t3.ID, t2.ID}, 4},
			{"Person", cdoatlas.TenureFilter{PersonID: a.ID}, []int64{t1.ID, t3.ID}, 2},
			{"Post", cdoatlas.TenureFilter{PostID: kPost.ID}, []int64{t1.ID, t2.ID}, 2},
			{"Organization", cdoatlas.TenureFilter{OrganizationID: k.ID}, []int64{t4.ID, t1.ID, t2.ID}, 3},
			{"Status", cdoatlas.TenureFilter{Status: "current"}, []int64{t3.ID, t2.ID}, 2},
			{"Hire", cdoatlas.TenureFilter{Hire: "unknown", Limit: 2}, []int64{t4.ID, t1.ID}, 4},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, total, err := db.FindTenures(ctx, tc.filter)
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

// TestConcurrentTenures starts eight overlapping tenures of one post at
// once: exactly one is stored, the others are refused as overlapping, and
// no transaction fails for another reason.
func TestConcurrentTenures(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		org := mustCreateOrganization(t, db, cologne())
		post := mustCreatePost(t, db, org.ID, "CDO", cdoatlas.RoleCDO)
		people := make([]*cdoatlas.Person, 8)
		for i := range people {
			people[i] = mustCreatePerson(t, db, "Person "+string(rune('A'+i)))
		}
		errs := make(chan error, len(people))
		for _, p := range people {
			go func() {
				errs <- db.CreateTenure(ctx, &cdoatlas.Tenure{PersonID: p.ID, PostID: post.ID, Start: "2020-01-01", Status: "current"})
			}()
		}
		stored := 0
		for range people {
			switch err := <-errs; cdoatlas.ErrorCode(err) {
			case "":
				stored++
			case cdoatlas.EINVALID:
				wantField(t, err, "start", "tenure.overlap")
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if _, n, _ := db.FindTenures(ctx, cdoatlas.TenureFilter{PostID: post.ID}); stored != 1 || n != 1 {
			t.Errorf("%d reported stored, %d stored; want 1", stored, n)
		}
	})
}
