package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestPageOrganizationParent(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	county := &cdoatlas.Organization{Name: "Kreis Paderborn", Kind: "county", Country: "DE", Region: "DE-NW", OfficialCode: "05774"}
	city := &cdoatlas.Organization{Name: "Stadt Paderborn", Kind: "municipality", Country: "DE", Region: "DE-NW", OfficialCode: "05774032"}
	for _, o := range []*cdoatlas.Organization{county, city} {
		if err := e.store.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	b := e.as(cdoatlas.UserEditor)
	edit := editPath("organizations", city.ID)
	form := url.Values{"name": {city.Name}, "kind": {"municipality"}, "country": {"DE"}, "region": {"DE-NW"}, "official_code": {"05774032"}}

	form.Set("parent", "Kreis Atlantis")
	w := b.submit(edit, edit, form)
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, "Keine Organisation mit diesem Schlüssel oder Namen gefunden.")

	form.Set("parent", city.OfficialCode)
	w = b.submit(edit, edit, form)
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, cdoatlas.Message("de", "parent.self"))

	form.Set("parent", "05774") // the county's Kreisschlüssel
	w = b.submit(edit, edit, form)
	wantCode(t, w, http.StatusSeeOther)
	got, err := e.store.FindOrganizationByID(ctx, city.ID)
	if err != nil || got.ParentID == nil || *got.ParentID != county.ID {
		t.Fatalf("parent stored: %v, %v; want the county %d", got.ParentID, err, county.ID)
	}
	page := e.anon().get(showPath("organizations", city.ID)).Body.String()
	if !strings.Contains(page, `href="`+showPath("organizations", county.ID)+`"><bdi>Kreis Paderborn</bdi></a>`) {
		t.Errorf("the organization page does not link its parent:\n%s", page)
	}
	if body := b.get(edit).Body.String(); !strings.Contains(body, `name="parent" value="05774"`) {
		t.Error("the edit form does not show the parent's code")
	}

	// A county cannot become part of its own municipality.
	cform := url.Values{"name": {county.Name}, "kind": {"county"}, "country": {"DE"}, "region": {"DE-NW"}, "official_code": {"05774"}, "parent": {"Stadt Paderborn"}}
	w = b.submit(editPath("organizations", county.ID), editPath("organizations", county.ID), cform)
	wantCode(t, w, http.StatusUnprocessableEntity)
	if got, _ := e.store.FindOrganizationByID(ctx, county.ID); got == nil || got.ParentID != nil {
		t.Error("a cycle of parents was stored")
	}
}
