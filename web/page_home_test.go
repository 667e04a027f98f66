package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// mapFigure returns the tile map with its data table as a page draws it,
// or "" when the page has none.
func mapFigure(body string) string {
	return mapFigureRE.FindString(body)
}

var mapFigureRE = regexp.MustCompile(`(?s)<figure class="chart chart--[a-z]+" id="chart-map">.*?</figure>`)

// homeParts are the links to the four parts of the atlas.
var homeParts = []string{`href="/organizations"`, `href="/statistics"`, `href="/check"`, `href="/calls"`}

func TestPageHomeNoWave(t *testing.T) {
	e := newPageEnv(t)
	e.seed()
	for _, tc := range []struct {
		lang         string
		want, notNow []string
	}{
		{"de", []string{"Noch keine Erhebungswelle importiert.", "Alle Zahlen der Erhebung in der Statistik", "Was der cdoatlas bietet",
			"Atlas", "Statistik", "CDO-Check", "Netzwerke", "Organisationen 4"}, []string{"Stand: Welle"}},
		{"en", []string{"No census wave imported yet.", "All census figures in the statistics", "What cdoatlas offers",
			"Atlas", "Statistics", "CDO check", "Networks", "Organizations 4"}, []string{"As of: wave"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			b := e.anon()
			b.cookies[langCookie] = tc.lang
			w := b.get("/")
			wantCode(t, w, http.StatusOK)
			wantText(t, w, tc.want...)
			wantNoText(t, w, tc.notNow...)
			body := w.Body.String()
			if m := mapFigure(body); m != "" || strings.Contains(body, "<svg") {
				t.Errorf("an empty map is drawn although there is no wave:\n%s", m)
			}
			for _, href := range homeParts {
				if !strings.Contains(body, href) {
					t.Errorf("the home page does not link %s", href)
				}
			}
		})
	}
}

func TestPageHomeMap(t *testing.T) {
	e := newPageEnv(t)
	// The page cached before the first wave is not served after it.
	wantText(t, e.anon().get("/"), "Noch keine Erhebungswelle importiert.")
	statisticsSeed(t, e)

	w := e.anon().get("/")
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Stand: Welle 2024 (Stichtag 30.06.2024)", "CDOs je Land, Bundesland und Kanton, Welle 2024",
		"Werte unter 3", "Alle Zahlen der Erhebung in der Statistik")
	wantNoText(t, w, "Noch keine Erhebungswelle")
	body := w.Body.String()
	m := mapFigure(body)
	if m == "" {
		t.Fatalf("no map on the home page:\n%s", text(body))
	}
	if !strings.Contains(tableText(m), "Bayern 12") {
		t.Errorf("the map's table lacks Bavaria's 12 CDOs:\n%s", tableText(m))
	}
	// Bremen's single CDO is withheld, in the table and on its tile.
	if !strings.Contains(tableText(m), "Bremen .") {
		t.Errorf("the map's table does not show Bremen as withheld:\n%s", tableText(m))
	}
	for _, leak := range []string{"Bremen 1", "Bremen: 1", "HB 1"} {
		if strings.Contains(text(body), leak) {
			t.Errorf("the home page shows a single person's region as %q", leak)
		}
	}
	// The map is the one of /statistics, figure for figure.
	stats := e.anon().get("/statistics")
	if got, want := m, mapFigure(stats.Body.String()); got != want {
		t.Errorf("the home page's map differs from the statistics page's:\nhome:\n%s\nstatistics:\n%s", text(got), text(want))
	}
	if !strings.Contains(body, `<a href="/statistics">Alle Zahlen der Erhebung in der Statistik</a>`) {
		t.Error("the map does not lead to the statistics")
	}

	b := e.anon()
	b.cookies[langCookie] = "en"
	w = b.get("/")
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "As of: wave 2024 (reference date 2024-06-30)", "CDOs per state and canton, wave 2024",
		"values below 3", "All census figures in the statistics")
	m = mapFigure(w.Body.String())
	if !strings.Contains(tableText(m), "Bavaria 12") || !strings.Contains(tableText(m), "Bremen .") {
		t.Errorf("the English map's table lacks Bavaria's 12 or Bremen withheld:\n%s", tableText(m))
	}
	wantNoText(t, w, "Bremen 1", "Bremen: 1", "HB 1")
}

var headingRE = regexp.MustCompile(`<h([1-6])[ >]`)

// The headings of the home page go down one level at a time, with and
// without a wave, so that a screen reader's outline has no gaps.
func TestPageHomeHeadings(t *testing.T) {
	e := newPageEnv(t)
	check := func(body string) {
		t.Helper()
		prev := 0
		for _, h := range headingRE.FindAllStringSubmatch(body, -1) {
			level := int(h[1][0] - '0')
			if level > prev+1 {
				t.Errorf("heading h%d follows h%d", level, prev)
			}
			prev = level
		}
		if n := strings.Count(body, "<h1"); n != 1 {
			t.Errorf("%d h1 headings, want 1", n)
		}
	}
	check(e.anon().get("/").Body.String())
	statisticsSeed(t, e)
	check(e.anon().get("/").Body.String())
}
