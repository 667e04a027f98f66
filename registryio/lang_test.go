package registryio_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/registryio"
)

// englishRE finds English words that German texts do not use.
var englishRE = regexp.MustCompile(`\b(the|want|found|field|given|line|column|missing|required|same|differs|there|here|empty|unknown|not|of|list|object|number|text|whole|already|in the file)\b`)

// quotedRE finds quoted values, which are the file's and stay as written.
var quotedRE = regexp.MustCompile(`"(\\.|[^"\\])*"|„[^“]*“`)

// TestRegistryProblemsInGerman: every problem of a registry file has a
// message key, and its German text has no English in it (the words inside
// it, "organization", "empty", "a list", are translated too).
func TestRegistryProblemsInGerman(t *testing.T) {
	for _, tc := range []struct{ name, file, in string }{
		{"Header", "h.csv", "Name,Organisation,Land\nKöln,Köln,Rheinland\n"},
		{"Rows", "r.csv", "name;kind;country;official_code;population;title;role;person_name;gender;start;end;status\n" +
			"Köln;municipality;DE;05315000;1084831;CDO;cdo;Erika Muster;f;2019;;\n" +
			"Stadt Köln;municipality;DE;5315000;;;;;;;;\n" + // same code: the name differs, population empty
			"Köln;Dorf;DE;05315000;;CDO;cio;Erika Muster;q;2019;;\n" +
			"Ulm;Stadt;DE;;;CDO;;A;;2018-01-01;2020-12-31;ended\n" +
			"Ulm;Stadt;DE;;;CDO;;B;;2020-06-01;;current\n"},
		{"Quotes", "q.csv", "name,kind,country\n\"Ulm,Stadt,DE\nBonn,Stadt\n"},
		{"JSONExport", "e.json", `{"organizations": [
{"id": 1, "name": "Ulm", "kind": "municipality", "country": "DE", "population": "viele", "foo": 1},
{"id": 1, "name": "Bonn", "kind": "municipality", "country": "DE", "name": "Bonn"},
{"id": 2, "name": "Ulm", "kind": "municipality", "country": "DE"},
5],
"posts": [{"id": "p", "organization_id": 9, "title": "CDO"}, {"id": {}, "title": "X"}, {"id": "q", "title": "Y"}],
"tenures": [{"person_id": 3, "post_id": "p"}],
"extra": 1, "people": {}}`},
		{"JSONFlat", "f.json", `[{"name": "Ulm", "Name": "Ulm", "kind": "Stadt", "country": "DE", "foo": 1, "population": {}},
{"name": "Ulm", "kind": "Stadt", "country": "DE", "other_names": [1]}]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := registryio.ReadRegistry(strings.NewReader(tc.in), tc.file)
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) {
				t.Fatalf("error %v, want FileErrors", err)
			}
			for _, e := range fe {
				de, en := e.Text("de"), e.Text("en")
				if e.Key == "" || de == en || en != e.Reason {
					t.Errorf("%s: key %q, German %q, English %q", e, e.Key, de, en)
				}
				if w := englishRE.FindString(quotedRE.ReplaceAllString(de, "")); w != "" {
					t.Errorf("%s: English %q in the German %q", e, w, de)
				}
			}
			if len(fe) < 2 {
				t.Errorf("only %d problems: %v", len(fe), fe)
			}
		})
	}
}
