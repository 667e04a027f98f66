package web

import (
	"bytes"
	"context"
	"strings"
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
