package sqldb_test

import (
	"reflect"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestPersonCRUD(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		p := &cdoatlas.Person{Name: "  Erika   Mustermann ", Gender: "F", BirthYear: ptr(1975), Fictional: true, PublicationBasis: "consent"}
		if err := db.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindPersonByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, p) || got.Name != "Erika Mustermann" || got.Gender != "f" || *got.BirthYear != 1975 {
			t.Fatalf("read back\n got %+v\nwant %+v", got, p)
		}
		got.BirthYear, got.Fictional, got.PublicationBasis = nil, false, ""
		if err := db.UpdatePerson(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := db.FindPersonByID(ctx, p.ID)
		if again.BirthYear != nil || again.Fictional || again.Public() {
			t.Errorf("after update: %+v", again)
		}
		if err := db.DeletePerson(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindPersonByID(ctx, p.ID)
		wantCode(t, err, cdoatlas.ENOTFOUND)
		wantCode(t, db.DeletePerson(ctx, p.ID), cdoatlas.ENOTFOUND)
		wantCode(t, db.UpdatePerson(ctx, p), cdoatlas.ENOTFOUND)
		wantField(t, db.CreatePerson(ctx, &cdoatlas.Person{Name: "X", Gender: "x"}), "gender", "gender.invalid")
		wantField(t, db.CreatePerson(ctx, &cdoatlas.Person{}), "name", "required")
	})
}

func TestFindPeople(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		a := &cdoatlas.Person{Name: "Jürgen Schäfer", Gender: "m", PublicationBasis: "public_role"}
		b := &cdoatlas.Person{Name: "Anna Özdemir", Gender: "f", Fictional: true}
		c := &cdoatlas.Person{Name: "Sabine Muster", Gender: "f", Fictional: true, PublicationBasis: "consent"}
		for _, p := range []*cdoatlas.Person{a, b, c} {
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		ids := func(list []*cdoatlas.Person) []int64 {
			out := []int64{}
			for _, p := range list {
				out = append(out, p.ID)
			}
			return out
		}
		for _, tc := range []struct {
			name   string
			filter cdoatlas.PersonFilter
			want   []int64
			total  int
		}{
			{"All", cdoatlas.PersonFilter{}, []int64{b.ID, a.ID, c.ID}, 3},
			{"QFolded", cdoatlas.PersonFilter{Q: "schaefer"}, []int64{a.ID}, 1},
			{"QUmlaut", cdoatlas.PersonFilter{Q: "ÖZDEMIR"}, []int64{b.ID}, 1},
			{"Name", cdoatlas.PersonFilter{Name: "Sabine  Muster"}, []int64{c.ID}, 1},
			{"Gender", cdoatlas.PersonFilter{Gender: "f"}, []int64{b.ID, c.ID}, 2},
			{"Fictional", cdoatlas.PersonFilter{Fictional: ptr(false)}, []int64{a.ID}, 1},
			{"PublicOnly", cdoatlas.PersonFilter{PublicOnly: true}, []int64{a.ID, c.ID}, 2},
			{"Page", cdoatlas.PersonFilter{Limit: 1, Offset: 1}, []int64{a.ID}, 3},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, total, err := db.FindPeople(ctx, tc.filter)
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
