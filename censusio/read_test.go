package censusio

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

func read(t *testing.T, in, name string) ([]cdoatlas.Observation, cdoatlas.FileErrors) {
	t.Helper()
	obs, warnings, err := Read(context.Background(), strings.NewReader(in), name)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return obs, warnings
}

func TestReadCSVGermanHeaders(t *testing.T) {
	in := "\ufeffName;Funktion;Organisation;Land;AGS;Profil-URL;Geschlecht;Geburtsjahr;Aufgaben\n" +
		"Müller, Jörg;Chief Digital Officer;Landeshauptstadt München;Bayern;09162000;https://www.linkedin.com/in/jm;männlich;1975;\n" +
		"Eva Weber;Sachbearbeiterin;Kreis Wesel;NRW;;;w;;\n"
	obs, warnings := read(t, in, "w.csv")
	if len(obs) != 2 || len(warnings) != 0 {
		t.Fatalf("%d rows, warnings %v", len(obs), warnings)
	}
	o := obs[0]
	if o.PersonName != "Müller, Jörg" || o.Region != "DE-BY" || o.Gender != "m" || o.BirthYear == nil || *o.BirthYear != 1975 ||
		o.OfficialCode != "09162000" || o.Line != 2 || o.File != "w.csv" || len(o.Flags) != 0 {
		t.Errorf("row 1: %+v", o)
	}
	if obs[1].Region != "DE-NW" || obs[1].Gender != "f" || obs[1].Line != 3 {
		t.Errorf("row 2: %+v", obs[1])
	}
}

// TestReadKeepsRawCells: cells that cannot be normalised keep their row,
// are stored empty or unknown, flagged with the raw value and listed as
// warnings with line and column as written.
func TestReadKeepsRawCells(t *testing.T) {
	in := "Name;Funktion;Organisation;Staat;Bundesland;Geschlecht;Geburtsjahr;Profil-URL;Beobachtet am\n" +
		"Anna Alt;CDO;Stadt Ulm;DE;Freistaat Bayern;f;1970;https://x.example/a;2024-05-01\n" + // 2
		"Bert Bau;CDO;Berlin;DE;Land Berlin;m;;;\n" + // 3
		"Cora Chur;CDO;Stadt Zürich;CH;Kanton Zürich;;;;\n" + // 4
		"Dora Dorn;CDO;Ville de Genève;CH;Genève;;;;\n" + // 5
		"Emil Eck;CDO;Ulm;DE;Atlantis;xyz;neunzehnhundert;nourl;31.02.2024\n" + // 6
		";;;;;;;;\n" + // blank: skipped
		";CDO;Ulm;ZZZ;;;;;\n" // 8
	obs, warnings := read(t, in, "raw.csv")
	if len(obs) != 6 {
		t.Fatalf("%d rows, want 6: %+v", len(obs), obs)
	}
	byLine := map[int]cdoatlas.Observation{}
	for _, o := range obs {
		byLine[o.Line] = o
	}
	flagged := func(o cdoatlas.Observation, field string) *cdoatlas.CellFlag {
		for i := range o.Flags {
			if o.Flags[i].Field == field {
				return &o.Flags[i]
			}
		}
		return nil
	}
	// Each long form is normalised where NormalizeRegion knows it and
	// flagged with its raw value otherwise; never refused.
	for line, raw := range map[int]string{2: "Freistaat Bayern", 3: "Land Berlin", 4: "Kanton Zürich", 5: "Genève"} {
		o := byLine[line]
		f := flagged(o, "region")
		switch {
		case o.Region == "" && (f == nil || f.Raw != raw || f.Reason != "region.invalid"):
			t.Errorf("line %d: region empty but flag %+v", line, f)
		case o.Region != "" && f != nil:
			t.Errorf("line %d: region %s and flag %+v", line, o.Region, f)
		case o.Region != "" && !strings.HasPrefix(o.Region, o.Country+"-"):
			t.Errorf("line %d: region %s", line, o.Region)
		}
	}
	e := byLine[6]
	if e.Region != "" || e.Gender != cdoatlas.GenderUnknown || e.BirthYear != nil || e.ProfileURL != "" || e.ObservedOn != "" {
		t.Errorf("line 6 kept unnormalised values: %+v", e)
	}
	for field, raw := range map[string]string{"region": "Atlantis", "gender": "xyz", "birth_year": "neunzehnhundert",
		"profile_url": "nourl", "observed_on": "31.02.2024"} {
		if f := flagged(e, field); f == nil || f.Raw != raw {
			t.Errorf("line 6: flag of %s = %+v, want raw %q", field, f, raw)
		}
	}
	if o := byLine[8]; o.PersonName != "" || flagged(o, "person_name") == nil || flagged(o, "country") == nil || o.Country != "" {
		t.Errorf("line 8: %+v", o)
	}
	got := map[string]bool{}
	for _, w := range warnings {
		got[w.String()] = true
	}
	for _, w := range []string{
		"raw.csv:6: column Bundesland: Unknown region for this country (ISO 3166-2, e.g. DE-NW, AT-9, CH-ZH).",
		"raw.csv:6: column Geschlecht: Gender: f, m, d or unknown.",
		"raw.csv:6: column Geburtsjahr: Birth year between 1900 and today.",
		"raw.csv:6: column Profil-URL: Give a full address (https://…).",
		"raw.csv:6: column Beobachtet am: Date as YYYY, YYYY-MM or YYYY-MM-DD.",
		"raw.csv:8: column Name: Please fill in.",
		"raw.csv:8: column Staat: Give a country as ISO code (DE, AT, CH …).",
	} {
		if !got[w] {
			t.Errorf("warnings lack %q:\n%v", w, warnings)
		}
	}
	flags := 0
	for _, o := range obs {
		flags += len(o.Flags)
	}
	if flags != len(warnings) {
		t.Errorf("%d flags, %d warnings", flags, len(warnings))
	}
	for _, w := range warnings {
		if w.Key == "" || w.Text("de") == w.Text("en") {
			t.Errorf("warning %v has no German text", w)
		}
	}
}

func TestReadTooLongKeptAndCut(t *testing.T) {
	long := strings.Repeat("x", 250)
	obs, warnings := read(t, "person_name,title,organization\n"+long+",CDO,Ulm\n", "l.csv")
	if len(obs) != 1 || len([]rune(obs[0].PersonName)) != cdoatlas.MaxPersonNameLength ||
		len(obs[0].Flags) != 1 || obs[0].Flags[0].Raw != long || obs[0].Flags[0].Reason != "too_long" || len(warnings) != 1 {
		t.Errorf("%+v %v", obs, warnings)
	}
}

func TestReadRowsThatDoNotFit(t *testing.T) {
	in := "person_name,title,organization,country\n" +
		"A,CDO,Ulm\n" + // short: padded
		"B,CDO,Ulm,DE,extra\n" + // a value without header: kept raw
		"C,\"CDO,Ulm,DE\n" + // an unclosed quote: skipped
		"D,CDO,Ulm,DE\n"
	obs, warnings := read(t, in, "f.csv")
	var names []string
	for _, o := range obs {
		names = append(names, o.PersonName)
	}
	if strings.Join(names, " ") != "A B D" {
		t.Errorf("rows %v", names)
	}
	if len(obs) == 3 && (len(obs[1].Flags) != 1 || obs[1].Flags[0].Raw != "extra") {
		t.Errorf("row B flags %+v", obs[1].Flags)
	}
	keys := map[string]int{}
	for _, w := range warnings {
		keys[w.Key] = w.Line
	}
	if keys["file.row_short"] != 2 || keys["row.extra"] != 3 || keys["file.row_unreadable"] != 4 {
		t.Errorf("warnings %v", warnings)
	}
}

func TestReadRefusesStructuralProblems(t *testing.T) {
	for _, tt := range []struct {
		name, in, file, want string
	}{
		{"MissingOrganization", "Name,Funktion,Land\nA,CDO,DE\n", "x.csv", "x.csv:1: column organization: required column missing: organization (or Organisation, Organization)"},
		{"MissingColumns", "Name,Land\nA,DE\n", "x.csv", "required column missing: title"},
		{"Binary", "person_name,title,organization\nA,B,\x00\x01\x02C\n", "b.csv", "b.csv:2: not a text table: the file holds binary data"},
		{"Zip", "PK\x03\x04\x00\x00garbage", "z.csv", "z.csv:1: not a readable XLSX file"},
		{"Empty", "\n\n", "e.csv", "no header row found"},
		{"BadBOM", "\ufeffperson_name,title,organization\nA,B,\xff\n", "u.csv", "u.csv:2: not valid UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			obs, _, err := Read(context.Background(), strings.NewReader(tt.in), tt.file)
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) || obs != nil {
				t.Errorf("error %v, want FileErrors with %q", err, tt.want)
			}
		})
	}
}

func TestReadWindows1252(t *testing.T) {
	obs, _ := read(t, "Name;Funktion;Organisation\nJ\xfcrgen;CDO;K\xf6ln\n", "w.csv")
	if len(obs) != 1 || obs[0].PersonName != "Jürgen" || obs[0].Organization != "Köln" {
		t.Errorf("%+v", obs)
	}
}

// TestReadAcrossBlocks reads a file larger than a block, with quoted
// fields spanning lines, and finds every row and its line.
func TestReadAcrossBlocks(t *testing.T) {
	var b strings.Builder
	b.WriteString("person_name,title,organization,tasks\r\n")
	n := 30000
	for i := range n {
		fmt.Fprintf(&b, "P%d,CDO,\"Stadt, %d\",\"a\r\nb \"\"q\"\"\"\r\n", i, i%50)
	}
	obs, warnings := read(t, b.String(), "big.csv")
	if len(obs) != n || len(warnings) != 0 {
		t.Fatalf("%d rows, %d warnings", len(obs), len(warnings))
	}
	for i, o := range obs {
		if o.PersonName != fmt.Sprintf("P%d", i) || o.Line != 2+2*i || o.Tasks != "a\nb \"q\"" || o.Organization != fmt.Sprintf("Stadt, %d", i%50) {
			t.Fatalf("row %d: %+v", i, o)
		}
	}
	if obs[0].Title != obs[n-1].Title {
		t.Fatal("titles differ")
	}
}

func TestReadCanceled(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("person_name,title,organization\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "P%d,CDO,Ulm\n", i)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	_, _, err := Read(ctx, &b, "c.csv")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestReadJSONL(t *testing.T) {
	in := `{"person_name":"Anna Beispiel","title":"CDO","organization":"Stadt Ulm","birth_year":1980,"extra":1}` + "\n\n" +
		`not json` + "\n" +
		`{"person_name":"B","title":"CDO","organization":"Ulm","birth_year":true,"region":"Freistaat Sachsen x"}` + "\n"
	obs, warnings := read(t, in, "x.jsonl")
	if len(obs) != 2 || *obs[0].BirthYear != 1980 || obs[0].Line != 1 || obs[1].BirthYear != nil || obs[1].Line != 4 {
		t.Fatalf("%+v", obs)
	}
	want := []string{"x.jsonl:3: Line unreadable (quotes) and skipped. not a JSON object",
		"x.jsonl:4: column birth_year: Neither text nor a number: kept only as raw value.",
		"x.jsonl:4: column region: Unknown region"}
	msg := fmt.Sprint(warnings)
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("warnings lack %q: %s", w, msg)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("person_name,title,organization\nA,B,C\n", false)
	f.Add("Name;Funktion;Organisation;Land\nA;B;C;Bayern\n", false)
	f.Add("Name;Funktion;Organisation;Land\nA;B;C;Bayern\nD;E;F;DE\n", false)
	f.Add("Name,Funktion\n\"A,\"B\"\n", false)
	f.Add(`{"person_name":"A","title":"B","organization":"C"}`+"\n", true)
	f.Fuzz(func(t *testing.T, in string, jsonl bool) {
		name := "f.csv"
		if jsonl {
			name = "f.jsonl"
		}
		obs, warnings, err := Read(context.Background(), strings.NewReader(in), name)
		if err != nil {
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) || len(fe) == 0 {
				t.Fatalf("error %v is not FileErrors", err)
			}
			for _, e := range fe {
				if !structural(e.Reason) {
					t.Fatalf("refused for %q, which is not structural", e.Reason)
				}
				if e.Key == "" || e.Text("en") != e.Reason {
					t.Fatalf("refused for %+v, without its message key", e)
				}
			}
			return
		}
		for _, w := range warnings {
			if w.Key == "" || w.Text("en") != w.Reason {
				t.Fatalf("warning %+v without its message key", w)
			}
		}
		flags := 0
		for _, o := range obs {
			flags += len(o.Flags)
			if o.Gender == "" {
				t.Fatalf("gender empty: %+v", o)
			}
			if (o.PersonName == "" || o.Title == "" || o.Organization == "") && len(o.Flags) == 0 {
				t.Fatalf("an incomplete row without flags: %+v", o)
			}
		}
		if flags > len(warnings) {
			t.Fatalf("%d flags but %d warnings", flags, len(warnings))
		}
	})
}

// structural reports whether a reason names a problem of the whole file.
func structural(reason string) bool {
	for _, s := range []string{"binary", "required column missing", "no header", "UTF-8", "Windows-1252", "XLSX",
		"Excel", "workbook", "already gives", `"Land"`, "larger than", "more than", "sheet"} {
		if strings.Contains(reason, s) {
			return true
		}
	}
	return false
}

// TestReadControlCharacters: a NUL or a bidi override in a raw cell keeps
// the row; it is taken out of the value, and the cell flagged with its raw
// value and listed as a warning with line and column. A NUL in a CSV file
// marks it as binary: the file is refused with the line, not read.
func TestReadControlCharacters(t *testing.T) {
	in := `{"person_name": "Anna\u0000 Beispiel", "title": "CDO", "organization": "Stadt \u202eKöln", "tasks": "Zeile 1\nZeile 2\u0000"}` + "\n" +
		`{"person_name": "Bert Bau", "title": "CDO\u0000", "organization": "Ulm"}` + "\n"
	obs, warnings := read(t, in, "w\x00.jsonl")
	if len(obs) != 2 {
		t.Fatalf("%d rows, want 2", len(obs))
	}
	if o := obs[0]; o.PersonName != "Anna Beispiel" || o.Organization != "Stadt Köln" || o.Tasks != "Zeile 1\nZeile 2" || o.File != "w.jsonl" {
		t.Errorf("row 1: %q, %q, %q, file %q", o.PersonName, o.Organization, o.Tasks, o.File)
	}
	if o := obs[1]; o.Title != "CDO" || len(o.Flags) != 1 || o.Flags[0] != (cdoatlas.CellFlag{Field: "title", Raw: "CDO\x00", Reason: "text.control"}) {
		t.Errorf("row 2: title %q, flags %+v", o.Title, o.Flags)
	}
	var got []string
	for _, w := range warnings {
		got = append(got, fmt.Sprintf("%d %s %s", w.Line, w.Column, w.Key))
	}
	want := "1 person_name text.control|1 organization text.control|1 tasks text.control|2 title text.control"
	if strings.Join(got, "|") != want {
		t.Errorf("warnings %q, want %q", got, want)
	}

	_, _, err := Read(context.Background(), strings.NewReader("Name;Titel;Organisation\nAnna\x00;CDO;Ulm\n"), "w.csv")
	var fe cdoatlas.FileErrors
	if !errors.As(err, &fe) || fe[0].Line != 2 || !strings.Contains(fe[0].Reason, "binary") {
		t.Errorf("CSV with a NUL: %v, want the file refused at line 2", err)
	}
}
