package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

var (
	problemsRE = regexp.MustCompile(`(?s)<div class="error-summary".*?</div>`)
	warningsRE = regexp.MustCompile(`(?s)<section aria-labelledby="warnings-title">.*?</section>`)
)

// TestPageCensusImportProblemsInLanguage: the problems of refused files
// and the warnings of an import are shown in the page's language, with
// the words inside them (a column's aliases, a quote missing) too.
func TestPageCensusImportProblemsInLanguage(t *testing.T) {
	e := newPageEnv(t)
	e.seed()
	refused := map[string]string{
		"twice.csv": "Name;Person;Funktion\nA;B;CDO\n",                           // person_name twice, organization missing
		"land.csv":  "person_name,title,organization,Land\nA,CDO,Ulm,Atlantis\n", // "Land" neither country nor state
		"bom.csv":   "\ufeffperson_name,title,organization\nA,B,\xff\n",          // a BOM on bytes that are not UTF-8
		"old.xls":   "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old workbook",
	}
	// Read, with warnings: a short row and an unclosed quote.
	kept := "person_name,title,organization,country\n" +
		"Anna Muster,CDO,Ulm\n" +
		"Carla Test,\"CDO,Ulm,DE\n" +
		"Dora Beispiel,CDO,Köln,DE\n"
	for _, tc := range []struct {
		lang               string
		problems, warnings []string
		// foreign are words of the other language that must not show.
		foreign []string
	}{
		{"de",
			[]string{
				"twice.csv, Zeile 1, Spalte Person: Die Spalte „Name“ steht schon für person_name",
				"twice.csv, Zeile 1, Spalte organization: Pflichtspalte fehlt: organization (oder Organisation, Organization)",
				"land.csv, Zeile 1, Spalte Land: „Land“ kann den Staat oder das Bundesland meinen",
				"bom.csv, Zeile 2: Kein gültiges UTF-8",
				"old.xls, Zeile 1: Eine alte Excel-Datei (.xls)",
			},
			[]string{
				"Zeile 2: Weniger Felder als Spalten im Kopf: Die fehlenden sind leer (3 von 4).",
				"Zeile 3, Spalte title: Zeile nicht lesbar und übersprungen: Hier beginnt ein Feld in Anführungszeichen, aber das schließende Anführungszeichen fehlt",
			},
			[]string{"column", "missing", "required", "already", "want", "found", "valid", "file", "field", "quote", "line", "Line", "header"}},
		{"en",
			[]string{
				`twice.csv, line 1, column Person: the column "Name" already gives person_name`,
				"twice.csv, line 1, column organization: required column missing: organization (or Organisation, Organization)",
				`land.csv, line 1, column Land: "Land" can mean the country or the state`,
				"bom.csv, line 2: not valid UTF-8",
				"old.xls, line 1: an old Excel file (.xls)",
			},
			[]string{
				"line 2: Fewer fields than the header has columns: the missing ones are empty. (3 of 4)",
				"line 3, column title: Line unreadable (quotes) and skipped. a quoted field starts here but its closing quote is missing",
			},
			[]string{"Zeile", "Spalte", "fehlt", "enthält", "kann", "gültig", "Datei", "Feld", "Anführungszeichen", "Kopf"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			ed := e.as(cdoatlas.UserEditor)
			ed.cookies[langCookie] = tc.lang
			w := ed.upload(true, map[string]string{"wave": "2024", "date": "30.06.2024"}, refused)
			wantCode(t, w, http.StatusUnprocessableEntity)
			checkListed(t, "problems", text(problemsRE.FindString(w.Body.String())), tc.problems, tc.foreign)

			wave := map[string]string{"de": "2025", "en": "2026"}[tc.lang]
			w = ed.upload(true, map[string]string{"wave": wave, "date": wave}, map[string]string{"kept.csv": kept})
			if w.Code != http.StatusSeeOther {
				t.Fatalf("upload: %d\n%s", w.Code, w.Body)
			}
			done := map[string]string{"de": "Import abgeschlossen", "en": "Import finished"}[tc.lang]
			w = ed.waitForPage(w.Header().Get("Location"), done)
			wantText(t, w, done)
			checkListed(t, "warnings", text(warningsRE.FindString(w.Body.String())), tc.warnings, tc.foreign)
		})
	}
}

// checkListed fails unless list shows each of want and none of foreign.
func checkListed(t *testing.T, what, list string, want, foreign []string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(list, s) {
			t.Errorf("%s do not show %q; they show:\n%s", what, s, list)
		}
	}
	// File and column names are the user's: leave them out.
	for _, name := range []string{"twice.csv", "land.csv", "bom.csv", "old.xls", "kept.csv", "person_name", "organization", "title"} {
		list = strings.ReplaceAll(list, name, "")
	}
	for _, s := range foreign {
		if strings.Contains(list, s) {
			t.Errorf("%s show the foreign word %q:\n%s", what, s, list)
		}
	}
}
