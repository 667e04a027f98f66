package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestAPIPlaces(t *testing.T) {
	e := newAPIEnv(t, openTestStore(t))
	get := func(t *testing.T, query string) (list struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
	}) {
		t.Helper()
		w := e.get("/api/v1/places?" + query) // anonymous
		wantStatus(t, w, http.StatusOK)
		if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil {
			t.Fatalf("body %s: %v", w.Body, err)
		}
		if list.Total != len(list.Items) {
			t.Errorf("total %d, %d items", list.Total, len(list.Items))
		}
		return list
	}
	t.Run("Match", func(t *testing.T) {
		l := get(t, "q="+url.QueryEscape("Landratsamt München"))
		if len(l.Items) != 1 || l.Items[0]["official_code"] != "09184" || l.Items[0]["kind"] != "county" || l.Items[0]["size_class"] != "KGK1" {
			t.Errorf("got %v, want Landkreis München alone", l.Items)
		}
		for _, key := range []string{"official_code", "name", "kind", "country", "region", "population", "population_date", "size_class"} {
			if _, ok := l.Items[0][key]; !ok {
				t.Errorf("item lacks %q", key)
			}
		}
	})
	t.Run("Candidates", func(t *testing.T) {
		l := get(t, "q=Neustadt")
		if len(l.Items) != 5 {
			t.Errorf("got %d items, want five candidates", len(l.Items))
		}
	})
	t.Run("RegionNarrows", func(t *testing.T) {
		l := get(t, "q=Halle&region=DE-ST")
		if len(l.Items) != 1 || l.Items[0]["official_code"] != "15002000" {
			t.Errorf("got %v, want Halle (Saale)", l.Items)
		}
		l = get(t, "q=Lugano&country=CH")
		if len(l.Items) != 1 || l.Items[0]["population"] == nil || l.Items[0]["size_class"] == "" {
			t.Errorf("got %v, want Lugano with population and size class", l.Items)
		}
		// Chur absorbed neighbours after the BFS figure: no population.
		l = get(t, "q=Chur&country=CH")
		if len(l.Items) != 1 || l.Items[0]["population"] != nil {
			t.Errorf("got %v, want Chur with population null", l.Items)
		}
	})
	t.Run("Nothing", func(t *testing.T) {
		if l := get(t, "q="+url.QueryEscape("Deutsche Bahn AG")); len(l.Items) != 0 {
			t.Errorf("got %v, want none", l.Items)
		}
		if l := get(t, ""); len(l.Items) != 0 {
			t.Errorf("no q: got %v", l.Items)
		}
	})
	t.Run("TooLong", func(t *testing.T) {
		w := e.get("/api/v1/places?q=" + strings.Repeat("x", maxPlaceQuery+1))
		wantStatus(t, w, http.StatusBadRequest)
	})
}
