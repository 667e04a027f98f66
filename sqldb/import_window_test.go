package sqldb_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// openLike returns another fresh database of the dialect of db, with the
// same clock.
func openLike(t *testing.T, db *sqldb.DB) *sqldb.DB {
	t.Helper()
	other := sqldbtest.Open(t)
	if db.Dialect() == sqldb.Postgres {
		other = sqldbtest.OpenPostgres(t)
	}
	other.Now = db.Now
	return other
}

func fixedClock() time.Time { return time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC) }

// importInPieces imports records in imports of n records each and adds up
// what they created.
func importInPieces(t *testing.T, db *sqldb.DB, records []cdoatlas.RegistryRecord, n int) cdoatlas.ImportSummary {
	t.Helper()
	var total cdoatlas.ImportSummary
	for i := 0; i < len(records); i += n {
		sum, err := db.ImportRegistry(ctx, records[i:min(i+n, len(records))])
		if err != nil {
			t.Fatalf("import of records %d…: %v", i, err)
		}
		total.PostsCreated += sum.PostsCreated
		total.PeopleCreated += sum.PeopleCreated
		total.TenuresCreated += sum.TenuresCreated
	}
	return total
}

// updateFile changes the population of every third organization of
// records, gives every fifth person an earlier tenure on the same post and
// every seventh post a deputy, one person per organization.
func updateFile(records []cdoatlas.RegistryRecord) []cdoatlas.RegistryRecord {
	var out []cdoatlas.RegistryRecord
	for i, r := range records {
		o := r.Organization
		o.ID = 0
		if i%3 == 0 {
			o.Population = ptr(*o.Population + 1)
		}
		rec := cdoatlas.RegistryRecord{Line: len(out) + 2, Organization: o}
		if r.Post != nil && r.Person != nil && i%5 == 0 {
			rec.Post = &cdoatlas.Post{Title: r.Post.Title, Role: r.Post.Role}
			rec.Person = &cdoatlas.Person{Name: r.Person.Name}
			rec.Tenure = &cdoatlas.Tenure{Start: "1990", End: "1991"}
		}
		out = append(out, rec)
		if r.Post != nil && i%7 == 0 {
			out = append(out, cdoatlas.RegistryRecord{Line: len(out) + 2, Organization: o,
				Post:   &cdoatlas.Post{Title: r.Post.Title, Role: r.Post.Role},
				Person: &cdoatlas.Person{Name: "Vertretung " + o.Name},
				Tenure: &cdoatlas.Tenure{Start: "1980", End: "1981"}})
		}
	}
	return out
}

// TestImportRegistryWindows imports a file of several windows at once
// into one database and in small pieces into another: both must end up
// the same, new rows with the same IDs. Then it does the same with a file
// that changes organizations and adds tenures of people already stored.
func TestImportRegistryWindows(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		db.Now = fixedClock
		pieces := openLike(t, db)
		whole := demo.Synthetic(2, 300, 900, 2300)
		sum, err := db.ImportRegistry(ctx, whole)
		if err != nil {
			t.Fatal(err)
		}
		want := importInPieces(t, pieces, demo.Synthetic(2, 300, 900, 2300), 40)
		if sum.PostsCreated != 900 || sum.TenuresCreated != 2300 || sum.OrganizationsCreated != 300 ||
			sum.PeopleCreated != want.PeopleCreated || sum.PostsCreated != want.PostsCreated || sum.TenuresCreated != want.TenuresCreated {
			t.Errorf("at once %+v, in pieces %+v", *sum, want)
		}
		got, wantSnap := takeSnapshot(t, db), takeSnapshot(t, pieces)
		if !reflect.DeepEqual(got, wantSnap) {
			t.Fatalf("importing at once and in pieces differ")
		}
		for _, r := range whole {
			if r.Tenure != nil && (r.Tenure.ID == 0 || r.Tenure.PostID != r.Post.ID || r.Tenure.PersonID != r.Person.ID) {
				t.Fatalf("line %d: IDs not set: %+v %+v", r.Line, r.Post, r.Tenure)
			}
		}

		update := updateFile(whole)
		sum, err = db.ImportRegistry(ctx, update)
		if err != nil {
			t.Fatal(err)
		}
		if sum.OrganizationsUpdated == 0 || sum.TenuresCreated == 0 || sum.PeopleCreated == 0 || sum.PostsCreated != 0 {
			t.Errorf("update: %+v", *sum)
		}
		upd := importInPieces(t, pieces, updateFile(whole), 40)
		if upd.TenuresCreated != sum.TenuresCreated || upd.PeopleCreated != sum.PeopleCreated {
			t.Errorf("update at once %+v, in pieces %+v", *sum, upd)
		}
		if !reflect.DeepEqual(takeSnapshot(t, db), takeSnapshot(t, pieces)) {
			t.Fatalf("updating at once and in pieces differ")
		}

		// Rows created one by one after the import get IDs after its own.
		stored := takeSnapshot(t, db)
		maxID := func(ids func(i int) int64, n int) int64 {
			m := int64(0)
			for i := range n {
				m = max(m, ids(i))
			}
			return m
		}
		o := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Nachher", Kind: "municipality", Country: "DE"})
		post := mustCreatePost(t, db, o.ID, "CDO", "cdo")
		person := mustCreatePerson(t, db, "Nach Her")
		te := &cdoatlas.Tenure{PostID: post.ID, PersonID: person.ID, Start: "2024"}
		if err := db.CreateTenure(ctx, te); err != nil {
			t.Fatal(err)
		}
		if o.ID <= maxID(func(i int) int64 { return stored.orgs[i].ID }, len(stored.orgs)) ||
			post.ID <= maxID(func(i int) int64 { return stored.posts[i].ID }, len(stored.posts)) ||
			person.ID <= maxID(func(i int) int64 { return stored.people[i].ID }, len(stored.people)) ||
			te.ID <= maxID(func(i int) int64 { return stored.tenures[i].ID }, len(stored.tenures)) {
			t.Errorf("IDs after the import: %d %d %d %d", o.ID, post.ID, person.ID, te.ID)
		}
	})
}

// TestImportRegistryLateError refuses a file of several windows for an
// error far after the first window was written: nothing is stored and
// the error names the line.
func TestImportRegistryLateError(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		var munichID int64
		for _, tc := range []struct {
			name string
			bad  func(r *cdoatlas.RegistryRecord, prev cdoatlas.RegistryRecord)
			want cdoatlas.LineError
		}{
			{"TenureOverlapInFile", func(r *cdoatlas.RegistryRecord, prev cdoatlas.RegistryRecord) {
				r.Organization, r.Post = prev.Organization, &cdoatlas.Post{Title: prev.Post.Title, Role: prev.Post.Role}
				r.Person = &cdoatlas.Person{Name: "Someone Else"}
				r.Tenure = &cdoatlas.Tenure{Start: prev.Tenure.Start, Status: cdoatlas.StatusCurrent}
			}, cdoatlas.LineError{Column: "start", Reason: cdoatlas.Message("en", "tenure.overlap")}},
			{"ParentIsItself", func(r *cdoatlas.RegistryRecord, _ cdoatlas.RegistryRecord) {
				*r = cdoatlas.RegistryRecord{Line: r.Line, Organization: *munich()}
				r.Organization.ParentID = ptr(munichID)
			}, cdoatlas.LineError{Column: "parent_id", Reason: cdoatlas.Message("en", "parent.self")}},
			{"UnknownParent", func(r *cdoatlas.RegistryRecord, _ cdoatlas.RegistryRecord) {
				r.Organization.ParentID = ptr[int64](1 << 40)
			}, cdoatlas.LineError{Column: "parent_id", Reason: cdoatlas.Message("en", "organization.unknown")}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				db := openLike(t, db)
				stored := registryRecords()
				if _, err := db.ImportRegistry(ctx, stored); err != nil {
					t.Fatal(err)
				}
				munichID = stored[0].Organization.ID
				before := takeSnapshot(t, db)
				recs := demo.Synthetic(3, 300, 900, 2300)
				i := 1700 // in the second window, the first one written
				for recs[i-1].Tenure == nil {
					i++
				}
				tc.bad(&recs[i], recs[i-1])
				_, err := db.ImportRegistry(ctx, recs)
				want := tc.want
				want.Line = recs[i].Line
				var fe cdoatlas.FileErrors
				if !errors.As(err, &fe) || len(fe) != 1 || fe[0].Line != want.Line || fe[0].Column != want.Column || fe[0].Reason != want.Reason {
					t.Fatalf("got %v, want %+v", err, want)
				}
				if after := takeSnapshot(t, db); !reflect.DeepEqual(before, after) {
					t.Fatalf("the refused import changed the registry")
				}
				// Without the bad record the file goes in after all.
				recs = append(demo.Synthetic(3, 300, 900, 2300)[:i], demo.Synthetic(3, 300, 900, 2300)[i+1:]...)
				if _, err := db.ImportRegistry(ctx, recs); err != nil {
					t.Fatal(err)
				}
			})
		}
	})
}
