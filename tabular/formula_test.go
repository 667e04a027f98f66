package tabular

import (
	"bytes"
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
	} {
		if got := GuardFormula(tc.in); got != tc.want {
			t.Errorf("GuardFormula(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGuardFormulasCSV(t *testing.T) {
	rows := GuardFormulas([][]string{{"=cmd|' /C calc'!A0", "Bonn"}})
	var buf bytes.Buffer
	if err := WriteCSV(&buf, []string{"name", "city"}, rows, ExcelDE); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFname;city\r\n'=cmd|' /C calc'!A0;Bonn\r\n"
	if got := buf.String(); got != want {
		t.Errorf("CSV = %q, want %q", got, want)
	}
}
