package tabular

import (
	"archive/zip"
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/xuri/excelize/v2"
)

// newWorkbook builds a workbook with excelize the way a user's Excel would
// hold it: numbers as numbers, formats applied by style.
func newWorkbook(t *testing.T, build func(f *excelize.File, sheet string)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f, "Sheet1")
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSX(t *testing.T) {
	data := newWorkbook(t, func(f *excelize.File, s string) {
		zeros, _ := f.NewStyle(&excelize.Style{NumFmt: 0, CustomNumFmt: ptr("00000000")})
		thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
		date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})     // short date
		deDate, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd.mm.yyyy")})
		f.SetSheetRow(s, "A1", &[]any{"Name", "AGS", "Einwohner", "Stichtag", "Seit", "Titel"})
		f.SetSheetRow(s, "A2", &[]any{"Köln", 5315000, 1084831, time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC), "Leiter\r\nDigitalisierung"})
		f.SetCellStyle(s, "B2", "B2", zeros)
		f.SetCellStyle(s, "C2", "C2", thousands)
		f.SetCellStyle(s, "D2", "D2", date)
		f.SetCellStyle(s, "E2", "E2", deDate)
		// Row 3 stays empty; row 4 is short.
		f.SetSheetRow(s, "A4", &[]any{"Bonn", "05314000"})
		f.NewSheet("Second")
		f.SetCellValue("Second", "A1", "ignored")
	})
	got, err := Read(bytes.NewReader(data), "in.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Name", "AGS", "Einwohner", "Stichtag", "Seit", "Titel"}
	if !reflect.DeepEqual(got.Header, wantHeader) {
		t.Errorf("header = %q, want %q", got.Header, wantHeader)
	}
	wantRows := []Row{
		{2, []string{"Köln", "05315000", "1084831", "2023-12-31", "01.04.2019", "Leiter\nDigitalisierung"}},
		{4, []string{"Bonn", "05314000", "", "", "", ""}},
	}
	if !reflect.DeepEqual(got.Rows, wantRows) {
		t.Errorf("rows = %+v\nwant %+v", got.Rows, wantRows)
	}
}

func TestReadXLSXErrors(t *testing.T) {
	valueWithoutHeader := newWorkbook(t, func(f *excelize.File, s string) {
		f.SetSheetRow(s, "A1", &[]any{"a", "b"})
		f.SetSheetRow(s, "A2", &[]any{"1", "2"})
		f.SetSheetRow(s, "A3", &[]any{"1", "2", "", "x"})
		f.SetSheetRow(s, "A5", &[]any{"1", "2", "y"})
	})
	empty := newWorkbook(t, func(f *excelize.File, s string) {})
	tests := []struct {
		name string
		in   []byte
		want []cdoatlas.LineError
	}{
		{"ValuesWithoutHeader", valueWithoutHeader, []cdoatlas.LineError{
			{Line: 3, Column: "4", Reason: "no header"},
			{Line: 5, Column: "3", Reason: "no header"},
		}},
		{"EmptySheet", empty, []cdoatlas.LineError{{Line: 1, Reason: "no header"}}},
		{"NotAZip", []byte("PK\x03\x04 garbage that is not a zip archive"), []cdoatlas.LineError{{Line: 1, Reason: "not a readable XLSX"}}},
		{"TruncatedWorkbook", valueWithoutHeader[:len(valueWithoutHeader)/2], []cdoatlas.LineError{{Line: 1, Reason: "XLSX"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(bytes.NewReader(tt.in), "in.xlsx")
			if err == nil {
				t.Fatalf("Read = %+v, want errors", got)
			}
			checkLineErrors(t, err, "in.xlsx", tt.want)
		})
	}
}

func TestWriteXLSXRoundTrip(t *testing.T) {
	header := []string{"name", "official_code", "population", "birth_year", "title", "note"}
	rows := [][]string{
		{"Köln", "05315000", "1084831", "1975", "Leiter \"Digital\"\nStab", "=1+1"},
		{"Wien", "90001", "2005760", "", "CDO", "3.5"},
		{"St. Gallen", "3203", "", "1980", "", "007"},
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, "Registry", header, rows, "official_code"); err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(buf.Bytes()), "out.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Header, header) {
		t.Errorf("header = %q, want %q", got.Header, header)
	}
	for i, row := range got.Rows {
		if row.Line != i+2 || !reflect.DeepEqual(row.Cells, rows[i]) {
			t.Errorf("row %d = %d %q, want %d %q", i, row.Line, row.Cells, i+2, rows[i])
		}
	}

	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Registry"}) {
		t.Errorf("sheets = %q, want [Registry]", got)
	}
	types := map[string]excelize.CellType{
		"B2": excelize.CellTypeInlineString, // code stays text
		"B4": excelize.CellTypeInlineString, // even without a leading zero
		"C2": excelize.CellTypeUnset,        // population is a number (numbers have no type attribute)
		"D2": excelize.CellTypeUnset,
		"F2": excelize.CellTypeInlineString, // a formula-like text stays text
	}
	for cell, want := range types {
		got, err := f.GetCellType("Registry", cell)
		if err != nil || got != want {
			t.Errorf("type of %s = %v (%v), want %v", cell, got, err, want)
		}
	}
	if formula, _ := f.GetCellFormula("Registry", "F2"); formula != "" {
		t.Errorf("F2 has formula %q, want none", formula)
	}
	style, _ := f.GetCellStyle("Registry", "A1")
	if s, err := f.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("header style = %+v (%v), want bold", s, err)
	}
	panes, err := f.GetPanes("Registry")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v (%v), want header row frozen", panes, err)
	}
}

func TestSheetName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Registry", "Registry"},
		{"", "Sheet1"},
		{"a/b:c", "a_b_c"},
		{strings.Repeat("x", 40), strings.Repeat("x", 31)},
	}
	for _, tt := range tests {
		if got := sheetName(tt.in); got != tt.want {
			t.Errorf("sheetName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// TestWriteXLSXFormulaIsText checks that a cell that would be a formula in
// CSV ("=1+1") is a text cell in a workbook: no formula, not guarded.
func TestWriteXLSXFormulaIsText(t *testing.T) {
	var buf bytes.Buffer
	cells := []string{"=1+1", "@SUM(A1)", "-2+3", "+49 211"}
	if err := WriteXLSX(&buf, "Liste", []string{"a", "b", "c", "d"}, [][]string{cells}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, want := range cells {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		if formula, err := f.GetCellFormula("Liste", cell); err != nil || formula != "" {
			t.Errorf("%s: formula %q (%v), want none", cell, formula, err)
		}
		if typ, err := f.GetCellType("Liste", cell); err != nil || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
			t.Errorf("%s: cell type %v (%v), want a string", cell, typ, err)
		}
		if got, _ := f.GetCellValue("Liste", cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	raw := rawSheet(t, buf.Bytes())
	if strings.Contains(raw, "<f>") || strings.Contains(raw, "<f ") {
		t.Errorf("sheet XML holds a formula element:\n%s", raw)
	}
}

// rawSheet returns the XML of the first worksheet of a workbook.
func rawSheet(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatal("no worksheet in the workbook")
	return ""
}
