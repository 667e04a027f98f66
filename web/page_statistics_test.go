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
		{Wave: cdoatlas.Wave{ID: "2023", Date: "2023-06-30"}, Source: "linkedin", Rows: rows("2023", false)},
		{Wave: cdoatlas.Wave{ID: "2024", Date: "2024-06-30"}, Source: "linkedin", Rows: rows("2024", true)},
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
	en := e.anon()
	w = en.follow(en.get("/statistics?lang=en"))
	wantText(t, w, "Statistics of digital leadership", "CDOs by country", "Germany")
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
