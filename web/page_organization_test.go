package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestPageOrganizationSearch(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		e.seed()
		b := e.anon()
		for _, tc := range []struct {
			name, q string
			want    []string
			notWant []string
		}{
			{"Plain", "munchen", []string{"Landeshauptstadt München"}, []string{"Köln", "Wien"}},
			{"Transliterated", "Muenchen", []string{"Landeshauptstadt München"}, []string{"Köln"}},
			{"UpperCase", "MÜNCHEN", []string{"Landeshauptstadt München"}, []string{"Köln"}},
			{"Koeln", "koeln", []string{"Köln"}, []string{"München"}},
			{"OfficialCode", "05170", []string{"Kreis Wesel"}, []string{"Köln"}},
			{"NoMatch", "Hamburg", []string{"0 Organisationen gefunden", "Keine Organisation entspricht der Suche."}, []string{"München"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := b.get("/organizations?q=" + url.QueryEscape(tc.q))
				wantCode(t, w, http.StatusOK)
				wantText(t, w, tc.want...)
				wantNotInTable(t, w, tc.notWant...)
				if !strings.Contains(w.Body.String(), `value="`+tc.q+`"`) {
					t.Errorf("search field does not keep %q", tc.q)
				}
			})
		}
	})
}

func TestPageOrganizationFilters(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		e.seed()
		b := e.anon()
		for _, tc := range []struct {
			name, query string
			want        []string
			notWant     []string
		}{
			{"Country", "country=AT", []string{"Wien", "1 Organisation gefunden"}, []string{"Köln", "München"}},
			{"Region", "region=DE-NW", []string{"Köln", "Kreis Wesel", "2 Organisationen gefunden"}, []string{"München", "Wien"}},
			{"Kind", "kind=county", []string{"Kreis Wesel"}, []string{"Köln", "München"}},
			{"SizeClass", "size_class=KGK1", []string{"Kreis Wesel"}, []string{"Köln"}},
			{"Role", "role=cdo", []string{"Landeshauptstadt München"}, []string{"Köln", "Wien"}},
			{"Combined", "region=DE-NW&kind=municipality&q=koln", []string{"Köln"}, []string{"Kreis Wesel"}},
			{"UnknownValueIgnored", "kind=castle", []string{"4 Organisationen gefunden"}, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := b.get("/organizations?" + tc.query)
				wantCode(t, w, http.StatusOK)
				wantText(t, w, tc.want...)
				wantNotInTable(t, w, tc.notWant...)
			})
		}
		t.Run("SelectKeepsChoice", func(t *testing.T) {
			w := b.get("/organizations?region=DE-NW")
			if !strings.Contains(w.Body.String(), `<option value="DE-NW" selected>Nordrhein-Westfalen</option>`) {
				t.Error("region select does not show the chosen region")
			}
			if !strings.Contains(w.Body.String(), `<optgroup label="Österreich">`) {
				t.Error("regions are not grouped by country")
			}
			for _, id := range []string{"q", "country", "region", "kind", "size_class", "role"} {
				if !strings.Contains(w.Body.String(), `<label for="`+id+`">`) {
					t.Errorf("filter %s has no label", id)
				}
			}
		})
	})
}

// wantNotInTable fails when the page's tables show any of unwanted.
func wantNotInTable(t *testing.T, w *httptest.ResponseRecorder, unwanted ...string) {
	t.Helper()
	got := tableText(w.Body.String())
	for _, s := range unwanted {
		if strings.Contains(got, s) {
			t.Errorf("list shows %q: %s", s, got)
		}
	}
}

func TestPageOrganizationPagination(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		ctx := context.Background()
		for i := 1; i <= 30; i++ {
			o := &cdoatlas.Organization{Name: fmt.Sprintf("Gemeinde %02d", i), Kind: "municipality", Country: "DE", Region: "DE-BY"}
			if err := e.store.CreateOrganization(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.store.CreateOrganization(ctx, &cdoatlas.Organization{Name: "Kreis Anderswo", Kind: "county", Country: "DE", Region: "DE-BY"}); err != nil {
			t.Fatal(err)
		}
		b := e.anon()

		w := b.get("/organizations?kind=municipality")
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "30 Organisationen gefunden", "Seite 1 von 2", "Gemeinde 01", "Gemeinde 25")
		wantNoText(t, w, "Gemeinde 26", "Kreis Anderswo")
		body := w.Body.String()
		if got := strings.Count(body, `<th scope="row"><a href="/organizations/`); got != 25 {
			t.Errorf("page 1 has %d rows, want 25", got)
		}
		if !strings.Contains(body, `<nav class="pagination" aria-label="Seitennavigation">`) {
			t.Error("pagination is not a labelled nav")
		}
		if !strings.Contains(body, `href="/organizations?kind=municipality&amp;page=2" rel="next"`) {
			t.Error("next link does not keep the filter")
		}
		if !strings.Contains(body, `href="/organizations?kind=municipality" aria-current="page"`) {
			t.Error("current page is not marked with aria-current")
		}

		w = b.get("/organizations?kind=municipality&page=2")
		wantText(t, w, "Seite 2 von 2", "Gemeinde 26", "Gemeinde 30")
		wantNoText(t, w, "Gemeinde 25")
		if !strings.Contains(w.Body.String(), `href="/organizations?kind=municipality" rel="prev"`) {
			t.Error("previous link does not lead to page 1 with the filter")
		}

		// Past the last page: the last page, with the filter.
		w = b.get("/organizations?kind=municipality&page=99")
		wantCode(t, w, http.StatusFound)
		if got := w.Header().Get("Location"); got != "/organizations?kind=municipality&page=2" {
			t.Errorf("page 99 of 2 leads to %q", got)
		}
		w = b.get("/organizations?q=nirgendwo&page=3")
		wantCode(t, w, http.StatusFound)
		if got := w.Header().Get("Location"); got != "/organizations?q=nirgendwo" {
			t.Errorf("page 3 of an empty list leads to %q", got)
		}
		w = e.as(cdoatlas.UserEditor).get("/people?page=99")
		wantCode(t, w, http.StatusFound)
		if got := w.Header().Get("Location"); got != "/people" {
			t.Errorf("page 99 of the people leads to %q", got)
		}
	})
}

func TestPageOrganizationShow(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		s := e.seed()
		path := fmt.Sprintf("/organizations/%d", s.muc.ID)

		t.Run("Anonymous", func(t *testing.T) {
			w := e.anon().get(path)
			wantCode(t, w, http.StatusOK)
			wantText(t, w,
				"Landeshauptstadt München", "Gemeinde / Stadt", "Deutschland", "Bayern", "09162000",
				"1.510.378 (Stand 31.12.2023)", "GK1 (über 400 000 Einw.)",
				"Chief Digital Officer", "CDO (Chief Digital Officer)",
				"Erika Beispiel (fiktiv)", "01.03.2019", "aktuell", "intern",
				"Name nicht veröffentlicht", "04/2016", "28.02.2019", "beendet")
			wantNoText(t, w, "Max Verborgen", "Bearbeiten")
			if strings.Contains(w.Body.String(), fmt.Sprintf(`href="/people/%d"`, s.hidden.ID)) {
				t.Error("page links to the unpublished person")
			}
			if !strings.Contains(w.Body.String(), `Besetzungen der Stelle Chief Digital Officer</caption>`) {
				t.Error("tenure table has no caption")
			}
		})
		t.Run("Member", func(t *testing.T) {
			// A member sees no more names than the public.
			w := e.as(cdoatlas.UserMember).get(path)
			wantCode(t, w, http.StatusOK)
			wantText(t, w, "Erika Beispiel", "Name nicht veröffentlicht")
			wantNoText(t, w, "Max Verborgen", "Bearbeiten")
			wantCode(t, e.as(cdoatlas.UserMember).get(fmt.Sprintf("/people/%d", s.hidden.ID)), http.StatusNotFound)
		})
		t.Run("Editor", func(t *testing.T) {
			w := e.as(cdoatlas.UserEditor).get(path)
			wantText(t, w, "Bearbeiten", "Stelle hinzufügen", "Max Verborgen (fiktiv)")
			wantNoText(t, w, "Name nicht veröffentlicht")
			wantCode(t, e.as(cdoatlas.UserEditor).get(fmt.Sprintf("/people/%d", s.hidden.ID)), http.StatusOK)
		})
		t.Run("Post", func(t *testing.T) {
			w := e.anon().get(fmt.Sprintf("/posts/%d", s.post.ID))
			wantCode(t, w, http.StatusOK)
			wantText(t, w, "Chief Digital Officer", "Landeshauptstadt München", "Verwaltungsvorstand / Dezernat", "01.03.2019", "Name nicht veröffentlicht")
			wantNoText(t, w, "Max Verborgen")
		})
	})
}

func TestPageHome(t *testing.T) {
	e := newPageEnv(t)
	e.seed()
	w := e.anon().get("/")
	wantCode(t, w, http.StatusOK)
	got := text(w.Body.String())
	for _, want := range []string{"Organisationen 4", "Stellen 1", "CDO-Stellen 1", "Aktuelle Besetzungen 1", "Deutschland 3", "Österreich 1", "Schweiz 0"} {
		if !strings.Contains(got, want) {
			t.Errorf("home page does not show %q:\n%s", want, got)
		}
	}
}
