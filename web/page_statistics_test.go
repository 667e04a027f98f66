package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// statisticsSeed imports two waves: many CDOs in Bavaria and NRW, one in
// Bremen (to be withheld), one entry in the second wave.
func statisticsSeed(t *testing.T, e *pageEnv) {
	t.Helper()
	ctx := context.Background()
	for _, o := range []*cdoatlas.Organization{
		{Name: "Stadt Bremen", Kind: "city_state", Country: "DE", Region: "DE-HB"},
	} {
		if err := e.store.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	rows := func(wave string, extra bool) []cdoatlas.Observation {
		var out []cdoatlas.Observation
		add := func(name, org, region string) {
			o := cdoatlas.Observation{PersonName: name, Title: "Chief Digital Officer", Organization: org, Region: region,
				ProfileURL: "https://www.linkedin.com/in/" + strings.ReplaceAll(strings.ToLower(name), " ", "-")}
			if err := o.Validate(); err != nil {
				t.Fatal(err)
			}
			out = append(out, o)
		}
		for i := range 12 {
			add(fmt.Sprintf("Bayer Nummer%d", i), fmt.Sprintf("Gemeinde Bayerdorf%d", i), "DE-BY")
		}
		for i := range 8 {
			add(fmt.Sprintf("Rhein Nummer%d", i), fmt.Sprintf("Stadt Rheinhausen%d", i), "DE-NW")
		}
		if extra {
			add("Bremer Einzeln", "Stadt Bremen", "DE-HB")
		}
		return out
	}
	for _, imp := range []cdoatlas.ObservationImport{
		{Wave: cdoatlas.Wave{ID: "2023", Date: "2023-06-30"}, Rows: cdoatlas.WithSource("linkedin", rows("2023", false))},
		{Wave: cdoatlas.Wave{ID: "2024", Date: "2024-06-30"}, Rows: cdoatlas.WithSource("linkedin", rows("2024", true))},
	} {
		if _, err := e.store.ImportObservations(ctx, imp); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPageStatistics(t *testing.T) {
	e := newPageEnv(t)
	w := e.anon().get("/statistics")
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Noch keine Erhebungswelle importiert.")

	statisticsSeed(t, e)
	w = e.anon().get("/statistics")
	wantCode(t, w, http.StatusOK)
	body := w.Body.String()
	wantText(t, w, "Kennzahlen der Welle 2024 (Stichtag 30.06.2024)", "CDOs", "Ex-CDOs", "CDOs je Land, Bundesland und Kanton, Welle 2024",
		"Dichte je Land, Bundesland und Kanton", "CDOs nach Staat", "Deutschland", "Werte unter 3")
	// Bremen's single CDO is withheld in the table, the map and the density.
	for _, row := range []string{"Bremen . . ."} {
		if !strings.Contains(tableText(body), row) {
			t.Errorf("density table lacks %q", row)
		}
	}
	if strings.Contains(tableText(body), "Bremen 1") {
		t.Errorf("a single person's region is shown:\n%s", tableText(body))
	}
	// Bavaria's 12 are shown.
	if !strings.Contains(tableText(body), "Bayern 12") {
		t.Errorf("Bavaria's CDOs missing:\n%s", tableText(body))
	}
	if n := strings.Count(body, "<svg"); n < 5 {
		t.Errorf("%d charts, want at least 5", n)
	}
	// Another wave, without comparison, and English.
	w = e.anon().get("/statistics?wave=2023&compare=none")
	wantText(t, w, "Kennzahlen der Welle 2023")
	// A breakdown nothing is known of says so: no birth years here.
	if !strings.Contains(body, `<figure class="chart chart--missing"><figcaption>CDOs nach Alter</figcaption>`) {
		t.Errorf("the age bands are not said to be missing:\n%s", tableText(body))
	}
	// A table of contents leads to the parts, each of which exists.
	for _, id := range []string{"key-figures", "chart-trend", "chart-map", "density", "breakdowns"} {
		if !strings.Contains(body, `<a href="#`+id+`">`) || !strings.Contains(body, `id="`+id+`"`) {
			t.Errorf("the table of contents lacks #%s or the page lacks its target", id)
		}
	}
	// The suppression is explained once.
	// (Each chart with a withheld figure keeps its own marked note.)
	if n := strings.Count(body, `class="footnote">Zum Schutz`); n != 1 || strings.Contains(body, `class="footnote">. = Wert`) {
		t.Errorf("the page's suppression footnote appears %d times, or twice in other words", n)
	}
	// A wave that does not exist is said so, not replaced by another.
	for _, q := range []string{"wave=1999", "wave=2024&compare=1999"} {
		w = e.anon().get("/statistics?" + q)
		wantCode(t, w, http.StatusNotFound)
		wantText(t, w, "Diese Erhebungswelle gibt es nicht.")
	}
	en := e.anon()
	w = en.follow(en.get("/statistics?lang=en"))
	wantText(t, w, "Statistics of digital leadership", "CDOs by country", "Germany", "Bavaria")
	if strings.Contains(tableText(w.Body.String()), "Bayern") {
		t.Error("the English page names Bayern")
	}
	// Nobody's name appears.
	for _, name := range []string{"Bayer Nummer", "Rhein Nummer", "Bremer Einzeln"} {
		if strings.Contains(body, name) {
			t.Errorf("the statistics show a name: %s", name)
		}
	}
}

func TestPageStatisticsDownload(t *testing.T) {
	e := newPageEnv(t)
	statisticsSeed(t, e)
	w := e.anon().get("/statistics?format=csv")
	wantCode(t, w, http.StatusOK)
	body := w.Body.String()
	if !strings.HasPrefix(body, "wave,date,measure,key,value\r\n") || !strings.Contains(body, "2024,2024-06-30,by_region,DE-HB,.") ||
		!strings.Contains(body, "2024,2024-06-30,by_region,DE-BY,12") {
		t.Errorf("figures CSV:\n%s", body)
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "census-figures.csv") {
		t.Errorf("Content-Disposition %q", cd)
	}
	if w := e.anon().get("/statistics?format=xlsx"); w.Code != http.StatusOK || !strings.HasPrefix(w.Body.String(), "PK") {
		t.Errorf("xlsx: %d", w.Code)
	}
	wantText(t, e.anon().get("/statistics"), "Alle veröffentlichten Zahlen herunterladen:")
}

// TestStatLabelSizeClass: a size class is named once with its code.
func TestStatLabelSizeClass(t *testing.T) {
	for _, tc := range []struct{ lang, key, want string }{
		{"de", "GK1", "GK1 (über 400 000 Einw.)"},
		{"en", "KGK2", cdoatlas.SizeClassLabel("en", "KGK2")},
		{"de", "E3", "E3 – Unternehmen, 1 000–9 999 Beschäftigte"},
	} {
		if got := statLabel(tc.lang, "by_size_class", tc.key); got != tc.want {
			t.Errorf("statLabel(%s, %s) = %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
}
