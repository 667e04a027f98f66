package tabular

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// win1252 spells the Windows-1252 bytes of the umlauts the tests need.
const (
	ue1252 = "\xfc" // ü
	oe1252 = "\xf6" // ö
	ae1252 = "\xe4" // ä
	sz1252 = "\xdf" // ß
)

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		header []string
		rows   []Row
	}{
		{
			name:   "UTF8Comma",
			in:     "name,population\nDüsseldorf,629047\nKöln,1084831\n",
			header: []string{"name", "population"},
			rows:   []Row{{2, []string{"Düsseldorf", "629047"}}, {3, []string{"Köln", "1084831"}}},
		},
		{
			name:   "UTF8BOMSemicolonCRLF",
			in:     "\xEF\xBB\xBFName;Einwohner\r\nDüsseldorf;629047\r\nKöln;1084831\r\n",
			header: []string{"Name", "Einwohner"},
			rows:   []Row{{2, []string{"Düsseldorf", "629047"}}, {3, []string{"Köln", "1084831"}}},
		},
		{
			name:   "Windows1252Semicolon",
			in:     "Name;Stra" + sz1252 + "e\r\nD" + ue1252 + "sseldorf;K" + oe1252 + "nigsallee\r\nK" + oe1252 + "ln;Gr" + ae1252 + "fin\r\n",
			header: []string{"Name", "Straße"},
			rows:   []Row{{2, []string{"Düsseldorf", "Königsallee"}}, {3, []string{"Köln", "Gräfin"}}},
		},
		{
			name:   "UTF8WithOneWindows1252Line",
			in:     "Name;Ort\nKöln;Düsseldorf\nK" + oe1252 + "ln;D" + ue1252 + "sseldorf\n",
			header: []string{"Name", "Ort"},
			rows:   []Row{{2, []string{"Köln", "Düsseldorf"}}, {3, []string{"Köln", "Düsseldorf"}}},
		},
		{
			name:   "UTF16LEBOMTab",
			in:     utf16le("Name\tEinwohner\r\nKöln\t1084831\r\n"),
			header: []string{"Name", "Einwohner"},
			rows:   []Row{{2, []string{"Köln", "1084831"}}},
		},
		{
			name:   "UTF16BEBOM",
			in:     utf16be("Name;Einwohner\r\nKöln;1084831\r\n"),
			header: []string{"Name", "Einwohner"},
			rows:   []Row{{2, []string{"Köln", "1084831"}}},
		},
		{
			name:   "TabDelimited",
			in:     "a\tb\tc\n1\t2\t3\n",
			header: []string{"a", "b", "c"},
			rows:   []Row{{2, []string{"1", "2", "3"}}},
		},
		{
			name:   "DelimiterInsideQuotesIgnoredForDetection",
			in:     "\"a;b\",c\n1,2\n",
			header: []string{"a;b", "c"},
			rows:   []Row{{2, []string{"1", "2"}}},
		},
		{
			name:   "SingleColumn",
			in:     "name\nKöln\n\nBonn",
			header: []string{"name"},
			rows:   []Row{{2, []string{"Köln"}}, {4, []string{"Bonn"}}},
		},
		{
			name:   "QuotedNewlinesKeepLineNumbers",
			in:     "title;name\r\n\"Leiter\r\nStabsstelle\r\nDigitalisierung\";Köln\r\n\"CDO\";\"Bonn\"\r\n",
			header: []string{"title", "name"},
			rows:   []Row{{2, []string{"Leiter\nStabsstelle\nDigitalisierung", "Köln"}}, {5, []string{"CDO", "Bonn"}}},
		},
		{
			name:   "DoubledQuotesAndEmptyFields",
			in:     "a,b,c\n\"say \"\"hi\"\"\",,\"\"\n",
			header: []string{"a", "b", "c"},
			rows:   []Row{{2, []string{`say "hi"`, "", ""}}},
		},
		{
			name:   "EmptyRowsSkipped",
			in:     "\n\na;b\n;\n\n1;2\n ; \n",
			header: []string{"a", "b"},
			rows:   []Row{{6, []string{"1", "2"}}},
		},
		{
			name:   "TrailingEmptyHeaderCellsAndDelimiters",
			in:     "a;b;;\n1;2;;\n3;4\n",
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"1", "2"}}, {3, []string{"3", "4"}}},
		},
		{
			name:   "SpaceAroundQuotes",
			in:     "a,b\n \"x, y\" , 2\n",
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"x, y", " 2"}}},
		},
		{
			name:   "LoneCRLineEnds",
			in:     "a;b\r1;2\r3;4",
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"1", "2"}}, {3, []string{"3", "4"}}},
		},
		{
			name:   "CodesStayText",
			in:     "AGS;Einwohner\n05315000;1.084.831\n",
			header: []string{"AGS", "Einwohner"},
			rows:   []Row{{2, []string{"05315000", "1.084.831"}}},
		},
		{
			name:   "HeaderOnly",
			in:     "a,b\r\n",
			header: []string{"a", "b"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, read := range []struct {
				name string
				fn   func(string) (*Table, error)
			}{
				{"ReadCSV", func(s string) (*Table, error) { return ReadCSV(strings.NewReader(s), "in.csv") }},
				{"Read", func(s string) (*Table, error) { return Read(strings.NewReader(s), "in.csv") }},
			} {
				got, err := read.fn(tt.in)
				if err != nil {
					t.Fatalf("%s: %v", read.name, err)
				}
				if !reflect.DeepEqual(got.Header, tt.header) {
					t.Errorf("%s: header = %q, want %q", read.name, got.Header, tt.header)
				}
				if !reflect.DeepEqual(got.Rows, tt.rows) {
					t.Errorf("%s: rows = %+v, want %+v", read.name, got.Rows, tt.rows)
				}
			}
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []cdoatlas.LineError // Reason is matched as a substring
	}{
		{
			name: "Empty",
			in:   "",
			want: []cdoatlas.LineError{{Line: 1, Reason: "no header"}},
		},
		{
			name: "OnlyBlankLines",
			in:   "\r\n;;\r\n",
			want: []cdoatlas.LineError{{Line: 1, Reason: "no header"}},
		},
		{
			name: "WrongFieldCountOnSeveralLines",
			in:   "a;b;c\n1;2;3\n1;2\n1;2;3\n1\n1;2;3;4\n",
			want: []cdoatlas.LineError{
				{Line: 3, Column: "3", Reason: "2 fields, but the header has 3"},
				{Line: 5, Column: "2", Reason: "1 fields, but the header has 3"},
				{Line: 6, Column: "4", Reason: "no header"},
			},
		},
		{
			name: "BareQuotesAreAllListed",
			in:   "name,title\nKöln,Leiter \"Digital\"\nBonn,CDO\nEssen,5\" Display\n",
			want: []cdoatlas.LineError{
				{Line: 2, Column: "title", Reason: "quote"},
				{Line: 4, Column: "title", Reason: "quote"},
			},
		},
		{
			name: "TextAfterClosingQuote",
			in:   "a,b\n\"x\"y,2\n3,4\n",
			want: []cdoatlas.LineError{{Line: 2, Column: "a", Reason: "after the closing quote"}},
		},
		{
			name: "UnterminatedQuoteThenMoreErrors",
			in:   "a;b\n1;\"open\n2;3\n4\n",
			want: []cdoatlas.LineError{
				{Line: 2, Column: "b", Reason: "closing quote is missing"},
				{Line: 4, Column: "2", Reason: "1 fields"},
			},
		},
		{
			name: "ErrorAfterMultilineField",
			in:   "a;b\n\"x\ny\";2\n\"p\nq\" z;3\n",
			want: []cdoatlas.LineError{{Line: 5, Column: "a", Reason: "after the closing quote"}},
		},
		{
			name: "Binary",
			in:   "a,b\n1,2\x00\x01\n",
			want: []cdoatlas.LineError{{Line: 2, Reason: "binary"}},
		},
		{
			name: "BOMButNotUTF8",
			in:   "\xEF\xBB\xBFName\nK" + oe1252 + "ln\nBonn\nD" + ue1252 + "ren\n",
			want: []cdoatlas.LineError{
				{Line: 2, Reason: "not valid UTF-8"},
				{Line: 4, Reason: "not valid UTF-8"},
			},
		},
		{
			name: "OldExcel",
			in:   string(oleMagic) + "rest",
			want: []cdoatlas.LineError{{Line: 1, Reason: ".xls"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.in), "in.csv")
			if err == nil {
				t.Fatalf("Read = %+v, want errors %+v", got, tt.want)
			}
			checkLineErrors(t, err, "in.csv", tt.want)
		})
	}
}

// checkLineErrors checks that err is FileErrors with exactly the wanted
// problems, in order; reasons are matched as substrings.
func checkLineErrors(t *testing.T, err error, file string, want []cdoatlas.LineError) {
	t.Helper()
	var fe cdoatlas.FileErrors
	if !errors.As(err, &fe) {
		t.Fatalf("error %T %v, want cdoatlas.FileErrors", err, err)
	}
	if !errors.Is(err, cdoatlas.ErrInvalid) {
		t.Errorf("errors.Is(err, ErrInvalid) = false, want true")
	}
	if len(fe) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(fe), len(want), fe)
	}
	for i, w := range want {
		g := fe[i]
		if g.File != file || g.Line != w.Line || g.Column != w.Column || !strings.Contains(g.Reason, w.Reason) {
			t.Errorf("error %d = %s\nwant line %d column %q reason containing %q", i, g, w.Line, w.Column, w.Reason)
		}
	}
}

func TestReadTooLarge(t *testing.T) {
	defer func(n int64) { maxFileSize = n }(maxFileSize)
	maxFileSize = 10
	_, err := Read(strings.NewReader("a,b\n1,2\n3,4\n"), "big.csv")
	checkLineErrors(t, err, "big.csv", []cdoatlas.LineError{{Line: 1, Reason: "larger than"}})
}

func TestReadManyErrorsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("a;b\n")
	for range MaxErrors + 5 {
		b.WriteString("1\n")
	}
	b.WriteString("\"x\"y;2\n") // a syntax error after the cap counts as well
	_, err := Read(strings.NewReader(b.String()), "x.csv")
	var fe cdoatlas.FileErrors
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want FileErrors", err)
	}
	if len(fe) != MaxErrors+1 {
		t.Fatalf("got %d errors, want %d", len(fe), MaxErrors+1)
	}
	last := fe[len(fe)-1]
	// Kept: the syntax error on line 1007 and field counts on lines 2–1000.
	if last.Line != MaxErrors+1 || !strings.Contains(last.Reason, "6 further problems") {
		t.Errorf("last error = %s, want line %d with 6 further problems", last, MaxErrors+1)
	}
	if e := fe[MaxErrors-1]; e.Line != MaxErrors+7 || !strings.Contains(e.Reason, "closing quote") {
		t.Errorf("error %d = %s, want the syntax error of line %d, in line order", MaxErrors-1, e, MaxErrors+7)
	}
}

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		in   string
		want byte
	}{
		{"a,b,c", ','},
		{"a;b;c", ';'},
		{"a\tb\tc", '\t'},
		{"name", ','},
		{"\"x;y\";\"z,w\",v;u", ';'},
		{"\r\n\r\na;b,c;d", ';'},
		{"a,b\nc;d;e;f", ','},
		{"a,b;c", ','},
	}
	for _, tt := range tests {
		if got := detectDelimiter(tt.in); got != tt.want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// utf16le encodes s as UTF-16 little endian with byte order mark.
func utf16le(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		if r > 0xFFFF {
			panic("utf16le: test strings stay in the BMP")
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// utf16be encodes s as UTF-16 big endian with byte order mark.
func utf16be(s string) string {
	le := utf16le(s)
	b := []byte(le)
	for i := 0; i+1 < len(b); i += 2 {
		b[i], b[i+1] = b[i+1], b[i]
	}
	return string(b)
}
