package sqldb_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestOrganizationCRUD(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		o := munich()
		o.Region = "Bayern" // normalized on create
		mustCreateOrganization(t, db, o)
		if o.ID == 0 || o.CreatedAt.IsZero() || !o.CreatedAt.Equal(o.UpdatedAt) {
			t.Fatalf("after create: ID %d, created %v, updated %v", o.ID, o.CreatedAt, o.UpdatedAt)
		}
		got, err := db.FindOrganizationByID(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, o) {
			t.Fatalf("read back\n got %+v\nwant %+v", got, o)
		}
		if got.Region != "DE-BY" || got.SizeClass != "GK1" || *got.Population != 1512491 {
			t.Errorf("region %q size class %q population %d", got.Region, got.SizeClass, *got.Population)
		}

		parent := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Freistaat Bayern", Kind: cdoatlas.KindState, Country: "DE", Region: "DE-BY", OfficialCode: "09"})
		got.Name = "München"
		got.OtherNames = []string{"Landeshauptstadt München", "Munich"}
		got.Population = ptr[int64](390000)
		got.ParentID = &parent.ID
		if err := db.UpdateOrganization(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, err := db.FindOrganizationByID(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if again.Name != "München" || again.SizeClass != "GK2" || *again.ParentID != parent.ID ||
			!reflect.DeepEqual(again.OtherNames, []string{"Landeshauptstadt München", "Munich"}) ||
			!again.CreatedAt.Equal(o.CreatedAt) {
			t.Errorf("after update: %+v", again)
		}
		list, n, err := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Q: "munich"})
		if err != nil || n != 1 || len(list) != 1 || list[0].ID != o.ID {
			t.Errorf("search by new other name: %d %v %v", n, list, err)
		}

		// The parent must not be the organization or below it.
		parent.ParentID = &o.ID
		wantField(t, db.UpdateOrganization(ctx, parent), "parent_id", "parent.self")

		if err := db.DeleteOrganization(ctx, parent.ID); err != nil {
			t.Fatal(err)
		}
		child, err := db.FindOrganizationByID(ctx, o.ID)
		if err != nil || child.ParentID != nil {
			t.Errorf("child after parent deleted: parent %v, err %v", child.ParentID, err)
		}
		if err := db.DeleteOrganization(ctx, o.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindOrganizationByID(ctx, o.ID)
		wantCode(t, err, cdoatlas.ENOTFOUND)
	})
}

func TestOrganizationErrors(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		m := mustCreateOrganization(t, db, munich())
		for _, tc := range []struct {
			name  string
			err   func() error
			code  string
			field string
			key   string
		}{
			{"FindNotFound", func() error { _, err := db.FindOrganizationByID(ctx, 9999); return err }, cdoatlas.ENOTFOUND, "", ""},
			{"UpdateNotFound", func() error { o := cologne(); o.ID = 9999; return db.UpdateOrganization(ctx, o) }, cdoatlas.ENOTFOUND, "", ""},
			{"DeleteNotFound", func() error { return db.DeleteOrganization(ctx, 9999) }, cdoatlas.ENOTFOUND, "", ""},
			{"NameRequired", func() error { o := cologne(); o.Name = " "; return db.CreateOrganization(ctx, o) }, cdoatlas.EINVALID, "name", "required"},
			{"BadCode", func() error { o := cologne(); o.OfficialCode = "0531500"; return db.CreateOrganization(ctx, o) }, cdoatlas.EINVALID, "official_code", "code.de_municipality"},
			{"UnknownParent", func() error { o := cologne(); o.ParentID = ptr[int64](9999); return db.CreateOrganization(ctx, o) }, cdoatlas.EINVALID, "parent_id", "organization.unknown"},
			{"CodeTaken", func() error {
				o := cologne()
				o.OfficialCode = "09162000"
				o.Region = "DE-BY"
				return db.CreateOrganization(ctx, o)
			}, cdoatlas.ECONFLICT, "", ""},
			{"ARSOfTakenAGS", func() error {
				o := cologne()
				o.OfficialCode = "091620000000"
				o.Region = "DE-BY"
				return db.CreateOrganization(ctx, o)
			}, cdoatlas.ECONFLICT, "", ""},
			{"UpdateToTakenCode", func() error {
				o := mustCreateOrganization(t, db, cologne())
				o.OfficialCode, o.Region = "091620000000", "DE-BY"
				return db.UpdateOrganization(ctx, o)
			}, cdoatlas.ECONFLICT, "", ""},
			{"NilOrganization", func() error { return db.CreateOrganization(ctx, nil) }, cdoatlas.EINVALID, "", ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.err()
				wantCode(t, err, tc.code)
				if tc.field != "" {
					wantField(t, err, tc.field, tc.key)
				}
			})
		}
		// The same code in another country is no conflict.
		at := &cdoatlas.Organization{Name: "Eisenstadt", Kind: cdoatlas.KindMunicipality, Country: "AT", Region: "AT-1", OfficialCode: "10101"}
		de := &cdoatlas.Organization{Name: "Saarkreis", Kind: cdoatlas.KindCounty, Country: "DE", Region: "DE-SL", OfficialCode: "10101"}
		mustCreateOrganization(t, db, at)
		mustCreateOrganization(t, db, de)

		// An organization with posts is not deleted.
		mustCreatePost(t, db, m.ID, "Chief Digital Officer", cdoatlas.RoleCDO)
		wantCode(t, db.DeleteOrganization(ctx, m.ID), cdoatlas.ECONFLICT)
	})
}

func TestFindOrganizations(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		m := mustCreateOrganization(t, db, munich())
		k := mustCreateOrganization(t, db, cologne())
		w := mustCreateOrganization(t, db, wesel())
		v := mustCreateOrganization(t, db, vienna())
		ars := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Neuss", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-NW", OfficialCode: "051620024024"})
		odd := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Zweckverband 100%_digital", Kind: cdoatlas.KindAssociation, Country: "DE"})
		mustCreatePost(t, db, k.ID, "Chief Digital Officer", cdoatlas.RoleCDO)
		mustCreatePost(t, db, k.ID, "CIO", cdoatlas.RoleCIO)
		mustCreatePost(t, db, w.ID, "Digitalisierungsbeauftragter", cdoatlas.RoleCDO)
		mustCreatePost(t, db, m.ID, "CIO", cdoatlas.RoleCIO)

		ids := func(list []*cdoatlas.Organization) []int64 {
			out := []int64{}
			for _, o := range list {
				out = append(out, o.ID)
			}
			return out
		}
		for _, tc := range []struct {
			name   string
			filter cdoatlas.OrganizationFilter
			want   []int64
			total  int
		}{
			{"All", cdoatlas.OrganizationFilter{}, []int64{k.ID, w.ID, m.ID, ars.ID, v.ID, odd.ID}, 6},
			{"Munchen", cdoatlas.OrganizationFilter{Q: "munchen"}, []int64{m.ID}, 1},
			{"Muenchen", cdoatlas.OrganizationFilter{Q: "Muenchen"}, []int64{m.ID}, 1},
			{"MUENCHEN", cdoatlas.OrganizationFilter{Q: "MÜNCHEN"}, []int64{m.ID}, 1},
			{"Koeln", cdoatlas.OrganizationFilter{Q: "koeln"}, []int64{k.ID}, 1},
			{"ByCodeText", cdoatlas.OrganizationFilter{Q: "05170"}, []int64{w.ID}, 1},
			{"PercentIsLiteral", cdoatlas.OrganizationFilter{Q: "100%"}, []int64{odd.ID}, 1},
			{"UnderscoreIsLiteral", cdoatlas.OrganizationFilter{Q: "k_ln"}, []int64{}, 0},
			{"PunctuationOnly", cdoatlas.OrganizationFilter{Q: "%%"}, []int64{k.ID, w.ID, m.ID, ars.ID, v.ID, odd.ID}, 6},
			{"Country", cdoatlas.OrganizationFilter{Country: "at"}, []int64{v.ID}, 1},
			{"RegionByName", cdoatlas.OrganizationFilter{Region: "NRW", Country: "DE"}, []int64{k.ID, w.ID, ars.ID}, 3},
			{"Kind", cdoatlas.OrganizationFilter{Kind: "county"}, []int64{w.ID}, 1},
			{"SizeClass", cdoatlas.OrganizationFilter{SizeClass: "GK1"}, []int64{k.ID, m.ID, v.ID}, 3},
			{"RoleCDO", cdoatlas.OrganizationFilter{Role: "cdo"}, []int64{k.ID, w.ID}, 2},
			{"RoleCIO", cdoatlas.OrganizationFilter{Role: "cio"}, []int64{k.ID, m.ID}, 2},
			{"RoleAndQ", cdoatlas.OrganizationFilter{Role: "cdo", Q: "wesel"}, []int64{w.ID}, 1},
			{"OfficialCode", cdoatlas.OrganizationFilter{OfficialCode: "09162000"}, []int64{m.ID}, 1},
			{"OfficialCodeARSFindsAGS", cdoatlas.OrganizationFilter{OfficialCode: "091620000000"}, []int64{m.ID}, 1},
			{"OfficialCodeAGSFindsARS", cdoatlas.OrganizationFilter{OfficialCode: "05162024"}, []int64{ars.ID}, 1},
			{"Name", cdoatlas.OrganizationFilter{Name: "Köln"}, []int64{k.ID}, 1},
			{"Page1", cdoatlas.OrganizationFilter{Limit: 2}, []int64{k.ID, w.ID}, 6},
			{"Page2", cdoatlas.OrganizationFilter{Limit: 2, Offset: 2}, []int64{m.ID, ars.ID}, 6},
			{"Page3Short", cdoatlas.OrganizationFilter{Limit: 4, Offset: 4}, []int64{v.ID, odd.ID}, 6},
			{"PastTheEnd", cdoatlas.OrganizationFilter{Limit: 2, Offset: 10}, []int64{}, 6},
			{"OffsetWithoutLimit", cdoatlas.OrganizationFilter{Offset: 5}, []int64{odd.ID}, 6},
			{"NegativePaging", cdoatlas.OrganizationFilter{Offset: -3, Limit: -1, Country: "AT"}, []int64{v.ID}, 1},
			{"SearchPage", cdoatlas.OrganizationFilter{Q: "n", Limit: 1, Offset: 1}, []int64{m.ID}, 5},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, total, err := db.FindOrganizations(ctx, tc.filter)
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

func TestFindOrganizationsParent(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		state := mustCreateOrganization(t, db, &cdoatlas.Organization{Name: "Nordrhein-Westfalen", Kind: cdoatlas.KindState, Country: "DE", Region: "DE-NW", OfficialCode: "05"})
		for i := range 3 {
			o := &cdoatlas.Organization{Name: fmt.Sprintf("Gemeinde %d", i), Kind: cdoatlas.KindMunicipality, Country: "DE", ParentID: &state.ID}
			mustCreateOrganization(t, db, o)
		}
		list, n, err := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{ParentID: &state.ID})
		if err != nil || n != 3 || len(list) != 3 || list[0].Name != "Gemeinde 0" {
			t.Fatalf("children: %d %v %v", n, list, err)
		}
	})
}
