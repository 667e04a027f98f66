package tabular

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestWriteCSV(t *testing.T) {
	header := []string{"name", "official_code", "share", "title"}
	rows := [][]string{
		{"Köln", "05315000", "12.5", "Leiter; \"Digital\""},
		{"Bonn", "05314000", "-0.25", "Zeile 1\nZeile 2"},
		{"Ulm", "08421000", "1.510.378", "Version 2.0"},
	}
	tests := []struct {
		dialect Dialect
		want    string
	}{
		{RFC4180, "name,official_code,share,title\r\n" +
			"Köln,05315000,12.5,\"Leiter; \"\"Digital\"\"\"\r\n" +
			"Bonn,05314000,-0.25,\"Zeile 1\nZeile 2\"\r\n" +
			"Ulm,08421000,1.510.378,Version 2.0\r\n"},
		{ExcelDE, "\xEF\xBB\xBFname;official_code;share;title\r\n" +
			"Köln;05315000;12,5;\"Leiter; \"\"Digital\"\"\"\r\n" +
			"Bonn;05314000;-0,25;\"Zeile 1\nZeile 2\"\r\n" +
			"Ulm;08421000;1.510.378;Version 2.0\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.dialect.String(), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteCSV(&buf, header, rows, tt.dialect); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("WriteCSV =\n%q\nwant\n%q", got, tt.want)
			}
			// What is written reads back; Excel DE only changes decimals.
			table, err := Read(&buf, "out.csv")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(table.Header, header) {
				t.Errorf("read back header = %q, want %q", table.Header, header)
			}
			for i, row := range table.Rows {
				want := rows[i]
				if tt.dialect == ExcelDE && isDecimal(want[2]) {
					want = append([]string(nil), want...)
					want[2] = strings.Replace(want[2], ".", ",", 1)
				}
				if !reflect.DeepEqual(row.Cells, want) {
					t.Errorf("read back row %d = %q, want %q", i, row.Cells, want)
				}
			}
		})
	}
}

func TestWriteCSVQuotesWhatReadingWouldChange(t *testing.T) {
	header := []string{"\uFEFFa;b"}
	rows := [][]string{{"x\ty"}, {"a\rb"}, {"c,d"}, {" lead"}, {"\uFEFF"}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, header, rows, RFC4180); err != nil {
		t.Fatal(err)
	}
	got, err := Read(&buf, "out.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Header, header) {
		t.Errorf("header = %q, want %q", got.Header, header)
	}
	if len(got.Rows) != len(rows) {
		t.Fatalf("got %d rows, want %d", len(got.Rows), len(rows))
	}
	for i, row := range got.Rows {
		if !reflect.DeepEqual(row.Cells, rows[i]) {
			t.Errorf("row %d = %q, want %q", i, row.Cells, rows[i])
		}
	}
}

func TestIsDecimal(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"3.5", true}, {"-0.25", true}, {"+1.0", true},
		{"05315000", false}, {"1.510.378", false}, {"3.", false}, {".5", false},
		{"2023-12-31", false}, {"v1.2", false}, {"", false}, {"1,5", false},
	}
	for _, tt := range tests {
		if got := isDecimal(tt.in); got != tt.want {
			t.Errorf("isDecimal(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNumericColumns(t *testing.T) {
	header := []string{"code", "population", "mixed", "empty", "zero", "big"}
	rows := [][]string{
		{"261", "1000", "12", "", "0", "1234567890123456"},
		{"230", "", "012", "", "7", "1"},
	}
	got := numericColumns(header, rows, []string{"CODE"})
	want := []bool{false, true, false, false, true, false}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("numericColumns = %v, want %v", got, want)
	}
}
