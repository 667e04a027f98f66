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

// TestPageReviewQueue walks an editor through the queue: a post written
// without role and check is classified, its uncertain classification
// waits with the classifier's reasons, the editor corrects it, the title
// is learned (another waiting post with it leaves the queue, a new post
// gets the role at once), and forgetting the title undoes the learning.
func TestPageReviewQueue(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		s := e.seed()
		ed := e.as(cdoatlas.UserEditor)
		mucPath := fmt.Sprintf("/organizations/%d", s.muc.ID)

		// Through the post form with "recognise automatically".
		w := ed.submit(mucPath+"/posts/new", mucPath+"/posts/new", url.Values{"title": {"Gestalterin Digitale Kommune"},
			"tasks": {"Pflege der Website"}, "role": {""}, "cdo_check": {""}})
		postPath := w.Header().Get("Location")
		w = ed.follow(w)
		wantText(t, w, "Gestalterin Digitale Kommune", "wartet auf Prüfung", "Pflege der Website", "zur Prüfliste")
		other := &cdoatlas.Post{OrganizationID: s.cgn.ID, Title: "Gestalter:in digitale Kommune"}
		if err := e.store.CreatePost(context.Background(), other); err != nil {
			t.Fatal(err)
		}

		w = ed.get("/review")
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "2 Stellen warten auf Prüfung.", "Gestalterin Digitale Kommune – Landeshauptstadt München",
			"Gestalter:in digitale Kommune – Köln", "Nennt ein Digitalgebiet, aber keine Leitungsrolle", "Social Media, Web oder Öffentlichkeitsarbeit",
			"Noch keine Bezeichnung bestätigt.")

		var id int64
		fmt.Sscanf(postPath, "/posts/%d", &id)
		w = ed.submit("/review", fmt.Sprintf("/review/%d", id), url.Values{"role": {"cdo"}, "cdo_check": {"no"}, "archetype": {""}})
		w = ed.follow(w)
		wantText(t, w, "Entscheidung gespeichert.", "Keine Stelle wartet auf Prüfung.", "Gelernte Bezeichnungen", "Gestalterin Digitale Kommune")
		got, _ := e.store.FindPostByID(context.Background(), id)
		if got.Role != cdoatlas.RoleCDO || got.CDOCheck != cdoatlas.CheckNo || got.Review != cdoatlas.ReviewConfirmed {
			t.Errorf("decided post: %+v", got)
		}
		wantText(t, ed.get(postPath), "von der Redaktion bestätigt")
		settled, _ := e.store.FindPostByID(context.Background(), other.ID)
		if settled.Role != cdoatlas.RoleCDO || settled.Review != cdoatlas.ReviewAuto {
			t.Errorf("waiting post with the same title: %+v", settled)
		}

		// The public CDO-Check knows the title too.
		w = e.anon().submit("/check", "/check", url.Values{"title": {"Gestalter:in Digitale Kommune"}, "kind": {"job_ad"}})
		wantText(t, w, "Von der Redaktion für diesen Titel bestätigt", "CDO (Chief Digital Officer)")

		// A new post with the title, in another spelling, is recognised.
		wienPath := fmt.Sprintf("/organizations/%d", s.wien.ID)
		w = ed.follow(ed.submit(wienPath+"/posts/new", wienPath+"/posts/new", url.Values{"title": {"GESTALTER DIGITALE KOMMUNE (m/w/d)"}}))
		wantText(t, w, "CDO (Chief Digital Officer)", "automatisch erkannt (Sicherheit 100 %)")

		// A forged decision and a stranger's are refused.
		w = ed.submit("/review", fmt.Sprintf("/review/%d", id), url.Values{"role": {"king"}})
		wantCode(t, w, http.StatusBadRequest)
		w = ed.submit("/review", "/review/999999", url.Values{"role": {"cdo"}, "cdo_check": {"no"}})
		wantCode(t, w, http.StatusNotFound)
		member := e.as(cdoatlas.UserMember)
		if w := member.get("/review"); w.Code != http.StatusForbidden {
			t.Errorf("member GET /review: %d, want 403", w.Code)
		}
		if w := e.anon().get("/review"); w.Code != http.StatusSeeOther && w.Code != http.StatusFound {
			t.Errorf("anonymous GET /review: %d, want a redirect to the login", w.Code)
		}

		// Forgetting.
		ds, _ := e.store.FindTitleDecisions(context.Background())
		if len(ds) != 1 {
			t.Fatalf("title decisions: %+v", ds)
		}
		w = ed.follow(ed.submit("/review", "/review/titles/forget", url.Values{"key": {ds[0].Key}}))
		wantText(t, w, "Bezeichnung vergessen.", "Noch keine Bezeichnung bestätigt.")
		w = ed.follow(ed.submit(wienPath+"/posts/new", wienPath+"/posts/new", url.Values{"title": {"Gestalterin Digitale Kommune"}}))
		wantText(t, w, "wartet auf Prüfung")

		// English.
		w = ed.follow(ed.get("/review?lang=en"))
		wantText(t, w, "Review queue", "1 post waits for review.", "names a digital field but no leading role")
	})
}

// TestPagePostFormKeepsAutomaticClassification checks that the edit form
// of an automatic post offers "recognise automatically", so that saving a
// new title classifies it again, and that choosing a role by hand sticks.
func TestPagePostFormKeepsAutomaticClassification(t *testing.T) {
	e := newPageEnv(t)
	s := e.seed()
	ed := e.as(cdoatlas.UserEditor)
	p := &cdoatlas.Post{OrganizationID: s.muc.ID, Title: "Chief Digital Officer", Tasks: "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung und berichtet an den Oberbürgermeister."}
	if err := e.store.CreatePost(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	edit := fmt.Sprintf("/posts/%d/edit", p.ID)
	w := ed.get(edit)
	wantCode(t, w, http.StatusOK)
	if !strings.Contains(w.Body.String(), `<option value="" selected>Automatisch erkennen</option>`) {
		t.Errorf("edit form of an automatic post does not preselect automatic recognition:\n%s", w.Body)
	}
	w = ed.follow(ed.submit(edit, edit, url.Values{"title": {"Leiter IT"}, "tasks": {p.Tasks}, "role": {""}, "cdo_check": {""}, "archetype": {""}}))
	wantText(t, w, "CIO (Chief Information Officer)", "automatisch erkannt")
	w = ed.follow(ed.submit(edit, edit, url.Values{"title": {"Leiter IT"}, "role": {"cto"}, "cdo_check": {"no"}}))
	wantText(t, w, "CTO (Chief Technology Officer)", "von Hand gesetzt")
}
