package registryio_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/registryio"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func readRegistry(t *testing.T, in string) ([]cdoatlas.RegistryRecord, error) {
	t.Helper()
	return registryio.ReadRegistry(strings.NewReader(in), "reg.json")
}

func TestReadRegistryJSONRoundTrip(t *testing.T) {
	ctx := context.Background()
	store := sqldbtest.Open(t)
	f := createFixture(t, store)
	doc := export(t, store, "json")
	got, err := registryio.ReadRegistry(bytes.NewReader(doc), "registry.json")
	if err != nil {
		t.Fatalf("ReadRegistry of the json export: %v", err)
	}
	fromCSV := parseExport(t, export(t, store, "csv"), "registry.csv")
	g, c, w := sortedFacts(got), sortedFacts(fromCSV), sortedFacts(f.records)
	if len(g) != len(c) || len(g) != len(w) {
		t.Fatalf("got %d records, %d from the CSV export, want %d", len(g), len(c), len(w))
	}
	for i := range g {
		if !reflect.DeepEqual(g[i], c[i]) || !reflect.DeepEqual(g[i], w[i]) {
			t.Errorf("record %d:\n got %s\n csv %s\nwant %s", i, dump(g[i]), dump(c[i]), dump(w[i]))
		}
	}
	for _, r := range got {
		if r.Line < 2 {
			t.Errorf("record %s has line %d, want the line of its object", r.Organization.Name, r.Line)
		}
	}

	// Imported into an empty store, the same registry comes out again.
	fresh := sqldbtest.Open(t)
	if _, err := fresh.ImportRegistry(ctx, got); err != nil {
		t.Fatalf("ImportRegistry: %v", err)
	}
	if a, b := export(t, fresh, "csv"), export(t, store, "csv"); !bytes.Equal(a, b) {
		t.Errorf("csv export after the json import:\n%s\nwant\n%s", a, b)
	}
}

func TestReadRegistryTables(t *testing.T) {
	store := sqldbtest.Open(t)
	createFixture(t, store)
	for _, format := range []string{"csv", "csv-de", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			data := export(t, store, format)
			got, err := registryio.ReadRegistry(bytes.NewReader(data), "registry."+format)
			if err != nil {
				t.Fatalf("ReadRegistry: %v", err)
			}
			if want := parseExport(t, data, "registry."+format); !reflect.DeepEqual(got, want) {
				t.Errorf("ReadRegistry gives %d records, ParseRegistry %d, or they differ", len(got), len(want))
			}
		})
	}
}

func TestReadRegistryFlat(t *testing.T) {
	in := "\uFEFF  [\n" +
		`  {"Name": "Köln", "Art": "Stadt", "Staat": "Deutschland", "Bundesland": "NRW", "AGS": 5315000, "Einwohner": 1084831,` + "\n" +
		`   "Stichtag": "31.12.2023", "other_names": ["Stadt Köln", "Cologne"], "title": "CDO", "role": "cdo",` + "\n" +
		`   "cross_departmental": true, "budget": false, "person_name": "Anna Beispiel", "gender": "w", "start": "2019", "end": null},` + "\n" +
		`  {"name": "Wien", "kind": "city_state", "country": "AT", "region": "Wien"}` + "\n]\n"
	got, err := readRegistry(t, in)
	if err != nil {
		t.Fatal(err)
	}
	want := []cdoatlas.RegistryRecord{
		{Line: 2,
			Organization: cdoatlas.Organization{Name: "Köln", OtherNames: []string{"Stadt Köln", "Cologne"}, Kind: "municipality",
				Country: "DE", Region: "DE-NW", OfficialCode: "05315000", Population: i64(1084831), PopulationDate: "2023-12-31", SizeClass: "GK1"},
			Post:   &cdoatlas.Post{Title: "CDO", Role: "cdo", CDOCheck: "unknown", CrossDepartmental: true},
			Person: &cdoatlas.Person{Name: "Anna Beispiel", Gender: "f"},
			Tenure: &cdoatlas.Tenure{Start: "2019", Status: "unknown", Hire: "unknown"},
		},
		{Line: 5, Organization: cdoatlas.Organization{Name: "Wien", Kind: "city_state", Country: "AT", Region: "AT-9"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d: %s", len(got), len(want), dump(got[0]))
	}
	for i := range want {
		if g, w := dump(got[i]), dump(want[i]); g != w {
			t.Errorf("record %d:\n got %s\nwant %s", i, g, w)
		}
	}
}

func TestReadRegistryEmpty(t *testing.T) {
	for _, in := range []string{"[]", " {}\n", `{"organizations": [], "posts": [], "people": [], "tenures": null}`} {
		got, err := readRegistry(t, in)
		if err != nil || got == nil || len(got) != 0 {
			t.Errorf("ReadRegistry(%q) = %v, %v; want no records and no error", in, got, err)
		}
	}
}

// wantErrors checks that err lists exactly want, as "line column: reason
// prefix".
func wantErrors(t *testing.T, recs []cdoatlas.RegistryRecord, err error, want []string) {
	t.Helper()
	var fe cdoatlas.FileErrors
	if !errors.As(err, &fe) || recs != nil {
		t.Fatalf("got %d records, error %v; want nil and FileErrors", len(recs), err)
	}
	var got []string
	for _, e := range fe {
		if e.File != "reg.json" {
			t.Errorf("error %s names file %q, want reg.json", e, e.File)
		}
		got = append(got, fmt.Sprintf("%d %s: %s", e.Line, e.Column, e.Reason))
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want %q…", i, got[i], want[i])
		}
	}
}

func TestReadRegistryJSONErrors(t *testing.T) {
	in := `{
  "organizations": [
    {"id": 1, "name": "Köln", "kind": "municipality", "country": "DE", "official_code": "05315000"},
    {"id": 2, "name": "", "kind": "Burg", "country": "DE", "population": "viele"},
    {"id": 1, "name": "Köln", "kind": "municipality", "country": "DE", "official_code": "5315000", "colour": "red"}
  ],
  "posts": [
    {"id": 10, "organization_id": 1, "title": "CDO", "budget": "ja"},
    {"id": 11, "organization_id": 7, "title": "CIO"},
    {"id": 12, "organization_id": 1, "title": "Smart City", "created": "2020", "abolished": "2019"}
  ],
  "people": [
    {"id": 20, "name": "Anna", "name": "Anne", "birth_year": 1850}
  ],
  "tenures": [
    {"id": 30, "person_id": 20, "post_id": 12, "start": "2019", "end": "2018"},
    {"id": 31, "person_id": 21, "post_id": 12, "start": "2021"},
    {"id": 32, "person_id": 1.5, "post_id": 12, "start": "2022"}
  ],
  "votes": []
}`
	recs, err := readRegistry(t, in)
	wantErrors(t, recs, err, []string{
		"4 organizations[1].population: want a whole number or null, found text",
		"4 organizations[1].kind: Unknown kind.",
		"4 organizations[1].name: Please fill in.",
		"5 organizations[2].id: the id 1 is given twice (also organizations[0], line 3)",
		"5 organizations[2].colour: unknown field",
		"5 organizations[2].official_code: the same organization as line 3 (same official code)",
		"8 posts[0].budget: want true or false, found text",
		"9 posts[1].organization_id: no organization in the file has the id 7",
		"10 posts[2].abolished: ",
		"13 people[0].name: the field is given twice",
		"13 people[0].birth_year: ",
		"16 tenures[0].end: ",
		"17 tenures[1].person_id: no person in the file has the id 21",
		"18 tenures[2].person_id: want an id (a whole number or text), found a number",
		"20 votes: unknown field",
	})
}

func TestReadRegistryFlatErrors(t *testing.T) {
	in := `[
  {"name": "Köln", "kind": "Stadt", "country": "DE", "colour": "red"},
  {"name": "Bonn", "kind": {"x": 1}, "country": "DE"},
  {"name": "Ulm", "kind": "Stadt", "country": "Atlantis", "Name": "Ulm"},
  5
]`
	recs, err := readRegistry(t, in)
	wantErrors(t, recs, err, []string{
		"2 colour: unknown field",
		"3 kind: want text, a number, true or false, or null; found an object",
		"4 Name: the field name already gives this column",
		"4 country: ",
		"5 [3]: want an object {…}, found a number",
	})
}

func TestReadRegistryJSONSyntax(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"[\n  {\"name\": \"Köln\",}\n]", "2 : not valid JSON (character 19): invalid character '}'"},
		{"{\"organizations\": [\n", "1 : not valid JSON (character 20): unexpected end of JSON input"},
		{"[1] [2]", "1 : not valid JSON (character 5): invalid character '['"},
	} {
		recs, err := readRegistry(t, tt.in)
		wantErrors(t, recs, err, []string{tt.want})
	}
}

func TestReadRegistryTooLarge(t *testing.T) {
	r := io.MultiReader(strings.NewReader("["), io.LimitReader(zeros{}, 64<<20))
	recs, err := registryio.ReadRegistry(r, "reg.json")
	wantErrors(t, recs, err, []string{"1 : the file is larger than 64 MiB"})
}

// zeros reads spaces, endlessly.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}
