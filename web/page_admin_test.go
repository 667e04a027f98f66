package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// TestAuditLog: changes to people through the pages are logged with the
// editor's address and the changed fields, not the values; only admins
// read the log, filter it and download it.
func TestAuditLog(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		s := e.seed() // made without an actor: "system"
		ed := e.as(cdoatlas.UserEditor)
		w := ed.submit(fmt.Sprintf("/people/%d/edit", s.hidden.ID), fmt.Sprintf("/people/%d/edit", s.hidden.ID),
			url.Values{"name": {"Max Verborgen"}, "gender": {"m"}, "birth_year": {"1971"}, "fictional": {"1"}})
		wantCode(t, w, http.StatusSeeOther)
		entries, total, err := e.store.FindAuditEntries(context.Background(), cdoatlas.AuditFilter{Entity: cdoatlas.AuditPerson, EntityID: s.hidden.ID})
		if err != nil || total != 2 {
			t.Fatalf("%d entries for the person, %v", total, err)
		}
		if got := entries[0]; got.Actor != ed.user.Email || got.ActorID != ed.user.ID || got.Action != "update" || got.Fields != "birth_year" {
			t.Errorf("update entry: %+v", got)
		}
		if got := entries[1]; got.Actor != "system" || got.Action != "create" || !strings.Contains(got.Fields, "name") {
			t.Errorf("create entry: %+v", got)
		}
		w = ed.submit(fmt.Sprintf("/tenures/%d/delete", s.former.ID), fmt.Sprintf("/tenures/%d/delete", s.former.ID), nil)
		wantCode(t, w, http.StatusSeeOther)

		// Only admins read it.
		wantCode(t, ed.get("/admin/audit"), http.StatusForbidden)
		wantCode(t, e.as(cdoatlas.UserMember).get("/admin"), http.StatusForbidden)
		wantCode(t, e.anon().get("/admin/audit"), http.StatusSeeOther)
		admin := e.as(cdoatlas.UserAdmin)
		w = admin.get("/admin/audit")
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "Änderungsprotokoll", ed.user.Email, "Person", "geändert", "birth_year", "Besetzung", "gelöscht", "System")
		wantNoText(t, w, "1971") // never the values
		w = admin.get("/admin/audit?entity=tenure&action=delete")
		wantText(t, w, "Einträge: 1.", "Besetzung")
		wantNoText(t, w, "birth_year")
		w = admin.get("/admin/audit?actor=" + url.QueryEscape(ed.user.Email) + "&format=csv")
		if w.Code != http.StatusOK || !strings.HasPrefix(w.Body.String(), "at,actor,entity,entity_id,action,fields") ||
			strings.Count(w.Body.String(), "\n") != 3 {
			t.Errorf("CSV download: %d\n%s", w.Code, w.Body)
		}
		wantText(t, admin.get("/admin"), "Änderungsprotokoll", "Impressum und Datenschutzerklärung")
	})
}

// TestSiteTexts: the footer links Impressum and Datenschutz; without a
// text the privacy page shows the template, marked as such; an admin sets
// both texts, in German and English.
func TestSiteTexts(t *testing.T) {
	e := newPageEnv(t)
	anon := e.anon()
	home := anon.get("/")
	if !strings.Contains(home.Body.String(), `href="/impressum"`) || !strings.Contains(home.Body.String(), `href="/datenschutz"`) {
		t.Error("the footer does not link Impressum and Datenschutz")
	}
	wantText(t, anon.get("/impressum"), "noch keinen Text hinterlegt")
	wantText(t, anon.get("/datenschutz"), "Vorlage: Sie beschreibt, was cdoatlas verarbeitet", "Namen von Personen in digitalen Leitungsfunktionen")

	admin := e.as(cdoatlas.UserAdmin)
	w := admin.submit("/admin/texts", "/admin/texts", url.Values{
		"impressum_de":   {"Landeshauptstadt Beispiel\nRathausplatz 1\n12345 Beispiel\n\nVertreten durch die Oberbürgermeisterin."},
		"impressum_en":   {"City of Example\nTown hall square 1"},
		"datenschutz_de": {"Verantwortlich ist die Landeshauptstadt Beispiel."},
	})
	wantCode(t, w, http.StatusSeeOther)
	w = anon.get("/impressum")
	wantText(t, w, "Rathausplatz 1", "Vertreten durch die Oberbürgermeisterin.")
	if !strings.Contains(w.Body.String(), "Landeshauptstadt Beispiel<br>Rathausplatz 1") {
		t.Errorf("lines are not kept:\n%s", w.Body)
	}
	w = anon.get("/datenschutz")
	wantText(t, w, "Verantwortlich ist die Landeshauptstadt Beispiel.")
	wantNoText(t, w, "Vorlage")
	// The English page falls back to the German text where there is none.
	en := e.anon()
	en.cookies["cdoatlas_lang"] = "en"
	wantText(t, en.get("/impressum"), "City of Example")
	// Only admins set them.
	wantCode(t, e.as(cdoatlas.UserEditor).submit("/account", "/admin/texts", url.Values{"impressum_de": {"gehackt"}}), http.StatusForbidden)
	wantNoText(t, anon.get("/impressum"), "gehackt")
}
