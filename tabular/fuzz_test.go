package tabular

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// The seed corpus lives in testdata/fuzz/FuzzReadCSV and FuzzRead (BOM,
// Windows-1252 umlauts, semicolons, quoted newlines, broken quotes, a small
// workbook); these are added in code as well so that a plain go test runs
// them without the files.
var csvSeeds = []string{
	"name,kind,country\nKöln,municipality,DE\n",
	"\xEF\xBB\xBFName;Art;Staat\r\nD\xfcsseldorf;Stadt;Deutschland\r\n",
	"Name;Einwohner\r\nK\xf6ln;1.084.831\r\n",
	"a;b\r\n\"x\r\ny\";\"say \"\"hi\"\"\"\r\n",
	"a\tb\n1\t2\n",
	"a,b\n\"open\n1,2\n",
	"a,b\nx\"y,2\n",
	"a,b\n1\n1,2,3\n",
	"\r\n\r\n;;\r\n",
	"a;b\r1;2\r",
	"\xFF\xFEa\x00,\x00b\x00\n\x001\x00,\x002\x00",
	"\"\uFEFFa\",b\n1,2\n",
	"a\n\"\"\n\" \"\n",
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		table, err := ReadCSV(bytes.NewReader(data), "fuzz.csv")
		checkRead(t, table, err)
	})
}

func FuzzRead(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	var xlsx bytes.Buffer
	if err := WriteXLSX(&xlsx, "S", []string{"name", "code"}, [][]string{{"Köln", "05315000"}, {"Wien", "90001"}}); err != nil {
		f.Fatal(err)
	}
	f.Add(xlsx.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		table, err := Read(bytes.NewReader(data), "fuzz")
		checkRead(t, table, err)
	})
}

// checkRead checks the properties every read has: errors are FileErrors
// with lines from 1 and message keys; a table has rows as wide as its header, lines after
// the header's in order, no blank rows; and it reads back the same from
// what WriteCSV writes of it, in both dialects (with the formula guard
// undone).
func checkRead(t *testing.T, table *Table, err error) {
	t.Helper()
	if err != nil {
		var fe cdoatlas.FileErrors
		if !errors.As(err, &fe) || len(fe) == 0 {
			t.Fatalf("error %T %v, want non-empty FileErrors", err, err)
		}
		for _, e := range fe {
			if e.Line < 1 || e.Reason == "" || e.Key == "" || e.Text("en") != e.Reason {
				t.Fatalf("error %+v: want line >= 1 and a reason with its message key", e)
			}
		}
		if table != nil {
			t.Fatalf("table %+v together with error", table)
		}
		return
	}
	if len(table.Header) == 0 {
		t.Fatalf("table without header: %+v", table)
	}
	last := 1
	for _, row := range table.Rows {
		if len(row.Cells) != len(table.Header) {
			t.Fatalf("row at line %d has %d cells, header %d", row.Line, len(row.Cells), len(table.Header))
		}
		if row.Line <= last {
			t.Fatalf("row line %d after line %d", row.Line, last)
		}
		last = row.Line
		if blank(row.Cells) {
			t.Fatalf("blank row at line %d", row.Line)
		}
	}
	rows := make([][]string, len(table.Rows))
	for i, row := range table.Rows {
		rows[i] = row.Cells
	}
	for _, d := range []Dialect{RFC4180, ExcelDE} {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, table.Header, rows, d); err != nil {
			t.Fatal(err)
		}
		again, err := ReadCSV(&buf, "again.csv")
		if err != nil {
			t.Fatalf("%s: reading what WriteCSV wrote: %v\n%q", d, err, buf.String())
		}
		UnguardFormulas(again)
		if !reflect.DeepEqual(again.Header, table.Header) {
			t.Fatalf("%s: header %q, want %q", d, again.Header, table.Header)
		}
		if len(again.Rows) != len(rows) {
			t.Fatalf("%s: %d rows, want %d", d, len(again.Rows), len(rows))
		}
		for i, row := range again.Rows {
			want := rows[i]
			if d == ExcelDE {
				want = decimalCommas(want)
			}
			if !reflect.DeepEqual(row.Cells, want) {
				t.Fatalf("%s: row %d = %q, want %q", d, i, row.Cells, want)
			}
		}
	}
}

func decimalCommas(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		if isDecimal(c) {
			c = strings.Replace(c, ".", ",", 1)
		}
		out[i] = c
	}
	return out
}
