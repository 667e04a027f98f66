package sqldb_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// seedSortable stores organizations that each order puts differently, two
// of them alike but for their ID (Neustadt), and current CDOs at Bern and
// Freistaat Bayern only. It returns the IDs of the two Neustadts.
func seedSortable(t *testing.T, db *sqldb.DB) (neustadt1, neustadt2 int64) {
	t.Helper()
	orgs := map[string]*cdoatlas.Organization{}
	for _, o := range []*cdoatlas.Organization{
		{Name: "Aachen", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-NW", Population: ptr[int64](249000)},  // GK2
		{Name: "Bern", Kind: cdoatlas.KindMunicipality, Country: "CH", Region: "CH-BE", Population: ptr[int64](134000)},    // GK3
		{Name: "Wien", Kind: cdoatlas.KindCityState, Country: "AT", Region: "AT-9", Population: ptr[int64](1982097)},       // GK1
		{Name: "Zell am See", Kind: cdoatlas.KindMunicipality, Country: "AT", Region: "AT-5"},                              // no class
		{Name: "Freistaat Bayern", Kind: cdoatlas.KindState, Country: "DE", Region: "DE-BY", Population: ptr[int64](13e6)}, // no class
		{Name: "Acme GmbH", Kind: cdoatlas.KindCompany, Country: "DE", Employees: ptr[int64](500)},                         // E2
		{Name: "Neustadt", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-RP", Population: ptr[int64](53000)}, // GK4
		{Name: "Neustadt", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-RP", Population: ptr[int64](53000)},
	} {
		mustCreateOrganization(t, db, o)
		if o.Name == "Neustadt" {
			neustadt1, neustadt2 = neustadt2, o.ID
		}
		orgs[o.Name] = o
	}
	erika := mustCreatePerson(t, db, "Erika Muster")
	tenure := func(org, role, status string) {
		p := mustCreatePost(t, db, orgs[org].ID, "Stelle "+role, role)
		te := &cdoatlas.Tenure{PersonID: erika.ID, PostID: p.ID, Start: "2019", Status: status}
		if status == cdoatlas.StatusEnded {
			te.End = "2021"
		}
		if err := db.CreateTenure(ctx, te); err != nil {
			t.Fatal(err)
		}
	}
	tenure("Bern", cdoatlas.RoleCDO, cdoatlas.StatusCurrent)
	tenure("Freistaat Bayern", cdoatlas.RoleCDO, cdoatlas.StatusCurrent)
	tenure("Wien", cdoatlas.RoleCDO, cdoatlas.StatusEnded)            // no longer held
	tenure("Wien", cdoatlas.RoleCIO, cdoatlas.StatusCurrent)          // held, but no CDO
	mustCreatePost(t, db, orgs["Aachen"].ID, "CDO", cdoatlas.RoleCDO) // nobody holds it
	return neustadt1, neustadt2
}

func names(list []*cdoatlas.Organization) string {
	var out []string
	for _, o := range list {
		out = append(out, o.Name)
	}
	return strings.Join(out, ", ")
}

func TestFindOrganizationsSorted(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		n1, n2 := seedSortable(t, db)
		for _, tc := range []struct {
			sort      string
			desc      bool
			want      string
			neustadts []int64 // the order of the two alike, by ID
		}{
			{"", false, "Aachen, Acme GmbH, Bern, Freistaat Bayern, Neustadt, Neustadt, Wien, Zell am See", []int64{n1, n2}},
			{"unknown", false, "Aachen, Acme GmbH, Bern, Freistaat Bayern, Neustadt, Neustadt, Wien, Zell am See", []int64{n1, n2}},
			{"name", false, "Aachen, Acme GmbH, Bern, Freistaat Bayern, Neustadt, Neustadt, Wien, Zell am See", []int64{n1, n2}},
			{"name", true, "Zell am See, Wien, Neustadt, Neustadt, Freistaat Bayern, Bern, Acme GmbH, Aachen", []int64{n2, n1}},
			{"kind", false, "Aachen, Bern, Neustadt, Neustadt, Zell am See, Wien, Freistaat Bayern, Acme GmbH", []int64{n1, n2}},
			{"kind", true, "Acme GmbH, Freistaat Bayern, Wien, Aachen, Bern, Neustadt, Neustadt, Zell am See", []int64{n1, n2}},
			{"country", false, "Aachen, Acme GmbH, Freistaat Bayern, Neustadt, Neustadt, Wien, Zell am See, Bern", []int64{n1, n2}},
			{"country", true, "Bern, Wien, Zell am See, Aachen, Acme GmbH, Freistaat Bayern, Neustadt, Neustadt", []int64{n1, n2}},
			{"region", false, "Freistaat Bayern, Bern, Aachen, Neustadt, Neustadt, Zell am See, Wien, Acme GmbH", []int64{n1, n2}},
			{"region", true, "Wien, Zell am See, Neustadt, Neustadt, Aachen, Bern, Freistaat Bayern, Acme GmbH", []int64{n1, n2}},
			{"size_class", false, "Wien, Aachen, Bern, Neustadt, Neustadt, Acme GmbH, Freistaat Bayern, Zell am See", []int64{n1, n2}},
			{"size_class", true, "Acme GmbH, Neustadt, Neustadt, Bern, Aachen, Wien, Freistaat Bayern, Zell am See", []int64{n1, n2}},
			{"population", false, "Neustadt, Neustadt, Bern, Aachen, Wien, Freistaat Bayern, Acme GmbH, Zell am See", []int64{n1, n2}},
			{"population", true, "Freistaat Bayern, Wien, Aachen, Bern, Neustadt, Neustadt, Acme GmbH, Zell am See", []int64{n1, n2}},
			{"cdo", false, "Bern, Freistaat Bayern, Aachen, Acme GmbH, Neustadt, Neustadt, Wien, Zell am See", []int64{n1, n2}},
			{"cdo", true, "Aachen, Acme GmbH, Neustadt, Neustadt, Wien, Zell am See, Bern, Freistaat Bayern", []int64{n1, n2}},
		} {
			name := tc.sort
			if tc.desc {
				name += "-desc"
			}
			t.Run(name, func(t *testing.T) {
				f := cdoatlas.OrganizationFilter{Sort: tc.sort, Desc: tc.desc}
				all, n, err := db.FindOrganizations(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if got := names(all); got != tc.want || n != 8 {
					t.Fatalf("order (%d found)\n got %s\nwant %s", n, got, tc.want)
				}
				var neustadts []int64
				for _, o := range all {
					if o.Name == "Neustadt" {
						neustadts = append(neustadts, o.ID)
					}
				}
				if !reflect.DeepEqual(neustadts, tc.neustadts) {
					t.Errorf("the two Neustadts in order %v, want %v", neustadts, tc.neustadts)
				}
				// Pages of three, read one after the other, are the same
				// list: the tie-breaker keeps the order stable.
				var paged []*cdoatlas.Organization
				for f.Offset, f.Limit = 0, 3; f.Offset < 8; f.Offset += 3 {
					page, total, err := db.FindOrganizations(ctx, f)
					if err != nil || total != 8 {
						t.Fatalf("page at %d: %d found, %v", f.Offset, total, err)
					}
					paged = append(paged, page...)
				}
				for i := range paged {
					if paged[i].ID != all[i].ID {
						t.Fatalf("pages differ from the whole list at %d: %s", i, names(paged))
					}
				}
			})
		}
	})
}

func TestFindOrganizationsCDO(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		seedSortable(t, db)
		all, _, err := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var with []string
		for _, o := range all {
			if o.HasCDO {
				with = append(with, o.Name)
			}
		}
		if got := strings.Join(with, ", "); got != "Bern, Freistaat Bayern" {
			t.Errorf("with a current CDO: %s", got)
		}
		only, n, err := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{HasCDO: true, Sort: "population", Limit: 1})
		if err != nil || n != 2 || names(only) != "Bern" || !only[0].HasCDO {
			t.Errorf("only with a CDO, smallest first: %s of %d, %v", names(only), n, err)
		}
		only, n, err = db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{HasCDO: true, Q: "bayern"})
		if err != nil || n != 1 || names(only) != "Freistaat Bayern" {
			t.Errorf("only with a CDO, searched: %s of %d, %v", names(only), n, err)
		}
	})
}
