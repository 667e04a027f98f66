package web

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

func TestOrganizationDownload(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	for _, o := range []*cdoatlas.Organization{
		{Name: "Landeshauptstadt München", Kind: "municipality", Country: "DE", Region: "DE-BY", OfficialCode: "09162000"},
		{Name: "Stadt Köln", Kind: "municipality", Country: "DE", Region: "DE-NW", OfficialCode: "05315000"},
	} {
		if err := e.store.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	list := e.anon().get("/organizations?q=muenchen").Body.String()
	if !strings.Contains(list, `href="/organizations?format=csv-de&amp;q=muenchen"`) {
		t.Errorf("the list offers no Excel download keeping the search:\n%s", list)
	}
	for _, tc := range []struct{ format, start string }{
		{"csv", "name,other_names,kind"},
		{"csv-de", "\ufeffname;other_names;kind"},
		{"xlsx", "PK"},
	} {
		w := e.anon().get("/organizations?q=muenchen&format=" + tc.format)
		body := w.Body.Bytes()
		if w.Code != 200 || !bytes.HasPrefix(body, []byte(tc.start)) {
			t.Errorf("%s: status %d, starts %q", tc.format, w.Code, body[:min(len(body), 30)])
			continue
		}
		if cd := w.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
			t.Errorf("%s: Content-Disposition %q", tc.format, cd)
		}
		table, err := tabular.Read(bytes.NewReader(body), "download")
		if err != nil {
			t.Fatalf("%s: cannot read the download: %v", tc.format, err)
		}
		if len(table.Rows) != 1 || table.Rows[0].Cells[0] != "Landeshauptstadt München" || table.Rows[0].Cells[5] != "09162000" {
			t.Errorf("%s: rows %v, want München alone with code 09162000", tc.format, table.Rows)
		}
	}
}

// TestOrganizationDownloadShared: parallel requests for the same file all
// get it whole; a change to the registry shows in the next download.
func TestOrganizationDownloadShared(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	add := func(name, code string) {
		if err := e.store.CreateOrganization(ctx, &cdoatlas.Organization{Name: name, Kind: "municipality", Country: "DE", Region: "DE-BY", OfficialCode: code}); err != nil {
			t.Fatal(err)
		}
	}
	add("Landeshauptstadt München", "09162000")
	bodies := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := httptest.NewRecorder()
			e.srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/organizations?format=xlsx", nil))
			if w.Code == http.StatusOK {
				bodies[i] = w.Body.Bytes()
			}
		}()
	}
	wg.Wait()
	for i, b := range bodies {
		tb, err := tabular.ReadXLSX(bytes.NewReader(b), "organizations.xlsx")
		if err != nil || len(tb.Rows) != 1 || tb.Rows[0].Cells[0] != "Landeshauptstadt München" {
			t.Errorf("download %d: %+v, %v", i, tb, err)
		}
	}
	add("Stadt Augsburg", "09761000")
	w := e.anon().get("/organizations?format=csv")
	if !strings.Contains(w.Body.String(), "Stadt Augsburg") {
		t.Errorf("the download after a change lacks it:\n%s", w.Body)
	}
}
