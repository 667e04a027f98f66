package web

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
	"github.com/xuri/excelize/v2"
)

// wantNoFormulaCells fails when a data cell of a CSV download starts with
// a character that makes a spreadsheet run it as a formula, and returns
// the table.
func wantNoFormulaCells(t *testing.T, w *httptest.ResponseRecorder) *tabular.Table {
	t.Helper()
	wantCode(t, w, http.StatusOK)
	table, err := tabular.Read(bytes.NewReader(w.Body.Bytes()), "download.csv")
	if err != nil {
		t.Fatalf("cannot read the download: %v", err)
	}
	for _, row := range table.Rows {
		for i, c := range row.Cells {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("line %d, %s: cell %q starts a formula", row.Line, table.Header[i], c)
			}
		}
	}
	return table
}

func TestOrganizationDownloadGuardsFormulas(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	names := []string{`=HYPERLINK("http://evil.example";"Klick")`, "+SUM(1;2)", "-2+3", "@SUM(A1:A2)", "=1+1"}
	for _, n := range names {
		o := &cdoatlas.Organization{Name: n, OtherNames: []string{"-A1"}, Kind: "company", Country: "DE", Sector: "@x"}
		if err := e.store.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"csv", "csv-de"} {
		t.Run(format, func(t *testing.T) {
			table := wantNoFormulaCells(t, e.anon().get("/organizations?format="+format))
			var got []string
			for _, row := range table.Rows {
				got = append(got, row.Cells[0])
			}
			for _, n := range names {
				if !strings.Contains(strings.Join(got, "\n"), "'"+n) {
					t.Errorf("names %q lack %q guarded", got, n)
				}
			}
		})
	}
	// XLSX keeps the names as text cells: nothing to guard, nothing run.
	t.Run("xlsx", func(t *testing.T) {
		w := e.anon().get("/organizations?format=xlsx&q=" + "1%2B1")
		wantCode(t, w, http.StatusOK)
		f, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sheet := f.GetSheetName(0)
		found := false
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			v, _ := f.GetCellValue(sheet, cell)
			if v != "=1+1" {
				continue
			}
			found = true
			if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
				t.Errorf("%s is a formula %q", cell, formula)
			}
			if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s has type %v, want a string", cell, typ)
			}
		}
		if !found {
			t.Errorf("no cell =1+1 in the workbook: %q", rows)
		}
	})
}

func TestStatisticsDownloadGuardsFormulas(t *testing.T) {
	e := newPageEnv(t)
	statisticsSeed(t, e)
	// A wave name may start with "-", and "-A1" is a formula.
	var rows []cdoatlas.Observation
	for _, n := range []string{"Eins Probe", "Zwei Probe", "Drei Probe"} {
		o := cdoatlas.Observation{PersonName: n, Title: "Chief Digital Officer", Organization: "Gemeinde " + n, Region: "DE-BY"}
		if err := o.Validate(); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, o)
	}
	if _, err := e.store.ImportObservations(context.Background(), cdoatlas.ObservationImport{
		Wave: cdoatlas.Wave{ID: "-A1", Date: "2025-06-30"}, Rows: cdoatlas.WithSource("linkedin", rows)}); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"csv", "csv-de"} {
		t.Run(format, func(t *testing.T) {
			table := wantNoFormulaCells(t, e.anon().get("/statistics?format="+format))
			n := 0
			for _, row := range table.Rows {
				if row.Cells[0] == "'-A1" {
					n++
				}
			}
			if n == 0 {
				t.Errorf("no row of wave -A1 (guarded as '-A1)")
			}
		})
	}
}
