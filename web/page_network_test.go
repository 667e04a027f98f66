package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// TestPageNetworkCallAndApplication: a coordinator sets up a network and
// publishes a call; an anonymous visitor applies (with a mistake first,
// keeping what was typed), keeps the private link and sees the status;
// the coordinator sees the application with the check's reasons.
func TestPageNetworkCallAndApplication(t *testing.T) {
	e := newPageEnv(t)
	s := e.seed()
	ed := e.as(cdoatlas.UserEditor)

	w := ed.submit("/networks/new", "/networks/new", url.Values{"name": {"CDO-Kreis der Kommunen"}, "capacity": {"40"}})
	netPath := w.Header().Get("Location")
	w = ed.follow(w)
	wantText(t, w, "CDO-Kreis der Kommunen", "Kernkreis: 40 Plätze", "Offener Kreis: ohne Begrenzung")
	w = ed.submit("/networks/new", "/networks/new", url.Values{"name": {""}, "capacity": {"viele"}})
	wantCode(t, w, http.StatusUnprocessableEntity)

	var netID int64
	fmt.Sscanf(netPath, "/networks/%d", &netID)
	// Only its coordinators (and admins) run the network.
	other := e.as(cdoatlas.UserEditor)
	if w := other.get(netPath); w.Code != http.StatusForbidden {
		t.Errorf("another editor: %d", w.Code)
	}
	wantNoText(t, other.get("/networks"), "CDO-Kreis der Kommunen")
	if w := e.as(cdoatlas.UserAdmin).get(netPath); w.Code != http.StatusOK {
		t.Errorf("admin: %d", w.Code)
	}
	wantText(t, ed.follow(ed.submit(netPath, netPath+"/coordinators", url.Values{"email": {"nobody@example.org"}})), "Kein Redaktionskonto mit dieser Adresse.")
	w = ed.follow(ed.submit(netPath, netPath+"/coordinators", url.Values{"email": {other.user.Email}}))
	wantText(t, w, other.user.Email)
	if w := other.get(netPath); w.Code != http.StatusOK {
		t.Errorf("added coordinator: %d", w.Code)
	}
	// A member of the circle from before is entered directly; the full
	// circle refuses more.
	w = ed.submit(netPath+"/members/new", netPath+"/members/new", url.Values{"circle_id": {fmt.Sprint(circlesOf(t, e, netID)[0].ID)},
		"person_name": {"Alte Häsin"}, "email": {"alt@example.org"}, "organization_name": {"Köln"}, "gender": {"f"}})
	wantText(t, ed.follow(w), "Alte Häsin", "Köln")
	w = ed.submit(netPath+"/members/new", netPath+"/members/new", url.Values{"circle_id": {fmt.Sprint(circlesOf(t, e, netID)[0].ID)},
		"person_name": {""}, "organization_name": {"Neuland"}})
	wantCode(t, w, http.StatusUnprocessableEntity)
	// The balance goals are editable.
	w = ed.follow(ed.submit(netPath, netPath+"/goals", url.Values{"goal_size_class": {"5"}, "goal_gender": {"2,5"}, "goal_archetype": {"0"}}))
	wantText(t, w, "Die Änderungen wurden gespeichert.")
	if got, _ := e.store.FindNetworkByID(context.Background(), netID); got.Goals["size_class"] != 5 || got.Goals["gender"] != 2.5 || got.Goals["archetype"] != 0 {
		t.Errorf("goals %v", got.Goals)
	}
	w = ed.follow(ed.submit(netPath, netPath+"/goals", url.Values{"goal_region": {"viel"}}))
	wantText(t, w, "Gewichte bitte als Zahlen von 0 bis 100 angeben.")
	circles, _ := e.store.FindCircles(context.Background(), netID)
	deadline := time.Now().Add(48 * time.Hour).Format("2006-01-02")
	w = ed.submit(netPath+"/calls/new", netPath+"/calls/new", url.Values{"circle_id": {fmt.Sprint(circles[0].ID)},
		"title": {"Aufruf Kernkreis 2027"}, "text": {"Wir suchen Digitalverantwortliche."}, "deadline": {deadline}})
	wantText(t, ed.follow(w), "Aufruf veröffentlicht.", "Aufruf Kernkreis 2027")
	calls, _ := e.store.FindCalls(context.Background(), netID)
	callPath := fmt.Sprintf("/calls/%d", calls[0].ID)

	// Anonymous: the list of open calls, the call and its form.
	anon := e.anon()
	wantText(t, anon.get("/calls"), "Aufruf Kernkreis 2027")
	w = anon.get(callPath)
	wantText(t, w, "Wir suchen Digitalverantwortliche.", "Ihre Aufgaben", "Ich stimme zu")
	cross := "Ich verantworte die Digitalstrategie der gesamten Stadtverwaltung, koordiniere alle Fachbereiche und berichte an den Oberbürgermeister."
	form := url.Values{"person_name": {"Erika Beispiel"}, "email": {"erika@example.org"}, "organization_name": {"Landeshauptstadt München"},
		"title": {"Chief Digital Officer"}, "tasks": {cross}, "gender": {"f"}}
	w = anon.submit(callPath, callPath, form)
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")
	if !strings.Contains(w.Body.String(), "Ich verantworte die Digitalstrategie der gesamten Stadtverwaltung") {
		t.Error("the typed tasks were lost")
	}
	form.Set("consent", "1")
	w = anon.submit(callPath, callPath, form)
	link := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(link, "/applications/") {
		t.Fatalf("apply: %d %s\n%s", w.Code, link, w.Body)
	}
	w = anon.get(link)
	wantText(t, w, "Vielen Dank für Ihre Bewerbung.", "Bewahren Sie diesen Link auf", "Eingegangen: Ihre Aufgaben erfüllen die Kriterien.")
	if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("status page Cache-Control %q", cc)
	}
	if w := anon.get("/applications/not-a-secret"); w.Code != http.StatusNotFound {
		t.Errorf("unknown link: %d", w.Code)
	}
	apps, _ := e.store.FindApplications(context.Background(), calls[0].ID)
	if len(apps) != 1 || apps[0].OrganizationID == nil || *apps[0].OrganizationID != s.muc.ID {
		t.Fatalf("stored applications: %+v", apps)
	}

	// A bot fills the honeypot: thanked, nothing stored.
	bot := url.Values{}
	for k, v := range form {
		bot[k] = v
	}
	bot.Set("website", "http://spam.example")
	wantText(t, anon.submit(callPath, callPath, bot), "Vielen Dank für Ihre Bewerbung.")
	if apps, _ := e.store.FindApplications(context.Background(), calls[0].ID); len(apps) != 1 {
		t.Errorf("the honeypot application was stored")
	}
	// Without a CSRF token nothing is stored.
	if w := anon.post(callPath, form); w.Code != http.StatusForbidden {
		t.Errorf("without token: %d", w.Code)
	}

	// The coordinator sees it with the check's reasons in German.
	w = ed.get(callPath + "/applications")
	wantText(t, w, "Erika Beispiel", "Landeshauptstadt München", "Verantwortung für die Digitalisierung über Ämter hinweg")
	if w := anon.get(callPath + "/applications"); w.Code != http.StatusSeeOther && w.Code != http.StatusFound {
		t.Errorf("anonymous applications list: %d", w.Code)
	}

	// A closed call shows no form and takes no application.
	old := &cdoatlas.Call{CircleID: circles[0].ID, Title: "Aufruf 2020", Deadline: "2020-06-30"}
	if err := e.store.CreateCall(context.Background(), old); err != nil {
		t.Fatal(err)
	}
	oldPath := fmt.Sprintf("/calls/%d", old.ID)
	w = anon.get(oldPath)
	wantText(t, w, "Die Bewerbungsfrist ist am 30.06.2020 abgelaufen.")
	wantNoText(t, w, "Bewerbung absenden")
	wantNoText(t, anon.get("/calls"), "Aufruf 2020")
	if w := anon.submit(callPath, oldPath, form); w.Code != http.StatusGone {
		t.Errorf("applying to a closed call: %d", w.Code)
	}
}

func circlesOf(t *testing.T, e *pageEnv, networkID int64) []*cdoatlas.Circle {
	t.Helper()
	cs, err := e.store.FindCircles(context.Background(), networkID)
	if err != nil || len(cs) == 0 {
		t.Fatalf("circles: %v, %v", cs, err)
	}
	return cs
}
