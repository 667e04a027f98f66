package tabular

import (
	"bytes"
	"reflect"
	"testing"
)

func TestGuardFormula(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Düsseldorf", "Düsseldorf"},
		{"", ""},
		{"05111000", "05111000"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+49 211 123", "'+49 211 123"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"-12", "-12"},
		{"+3.5", "+3.5"},
		{"-1,5", "-1,5"},
		{"-", "'-"},
		{"a=b", "a=b"},
		{"'=1+1", "''=1+1"},
		{"'-12", "'-12"},
	} {
		if got := GuardFormula(tc.in); got != tc.want {
			t.Errorf("GuardFormula(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnguardFormula(t *testing.T) {
	for _, in := range []string{"", "Düsseldorf", "=1+1", "'=1+1", "''=1+1", "'", "''", "'-12", "-12", "-", "'Bonn",
		"@SUM(A1)", "\t=1", "'\r", "+49 211", "'+", "a'=b"} {
		g := GuardFormula(in)
		if got := UnguardFormula(g); got != in {
			t.Errorf("UnguardFormula(GuardFormula(%q) = %q) = %q, want it back", in, g, got)
		}
	}
	// What an editor saved from a spreadsheet may hold; the rule is the
	// same: an apostrophe before a formula character goes.
	for _, tc := range []struct{ in, want string }{
		{"'=HYPERLINK(1)", "=HYPERLINK(1)"},
		{"'-2+3", "-2+3"},
		{"'@x", "@x"},
		{"'-12", "'-12"},
		{"'Köln", "'Köln"},
		{"'", "'"},
	} {
		if got := UnguardFormula(tc.in); got != tc.want {
			t.Errorf("UnguardFormula(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteCSVGuardsFormulas(t *testing.T) {
	header := []string{"name", "city"}
	rows := [][]string{
		{"=cmd|' /C calc'!A0", "Bonn"},
		{"+SUM(1;2)", "-12"},
		{"-2+3", "-1,5"},
		{"@SUM(A1:A2)", "\t=1+1"},
		{"Rat; =1+2", "Amt,=1+2"},
	}
	tests := []struct {
		dialect Dialect
		want    string
	}{
		{ExcelDE, "\uFEFFname;city\r\n" +
			"'=cmd|' /C calc'!A0;Bonn\r\n" +
			"\"'+SUM(1;2)\";-12\r\n" +
			"'-2+3;-1,5\r\n" +
			"'@SUM(A1:A2);\"'\t=1+1\"\r\n" +
			"\"Rat; =1+2\";\"Amt,=1+2\"\r\n"},
		{RFC4180, "name,city\r\n" +
			"'=cmd|' /C calc'!A0,Bonn\r\n" +
			"\"'+SUM(1;2)\",-12\r\n" +
			"'-2+3,\"-1,5\"\r\n" +
			"'@SUM(A1:A2),\"'\t=1+1\"\r\n" +
			"\"Rat; =1+2\",\"Amt,=1+2\"\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.dialect.String(), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteCSV(&buf, header, rows, tt.dialect); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("CSV =\n%q\nwant\n%q", got, tt.want)
			}
			table, err := Read(&buf, "out.csv")
			if err != nil {
				t.Fatal(err)
			}
			UnguardFormulas(table)
			for i, row := range table.Rows {
				if !reflect.DeepEqual(row.Cells, rows[i]) {
					t.Errorf("row %d read back and unguarded = %q, want %q", i, row.Cells, rows[i])
				}
			}
		})
	}
}
