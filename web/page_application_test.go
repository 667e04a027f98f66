package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// applyAs sends the public application form for the call and returns the
// status page's path.
func applyAs(t *testing.T, b *browser, callID int64, email string) string {
	t.Helper()
	callPath := fmt.Sprintf("/calls/%d", callID)
	w := b.submit(callPath, callPath, url.Values{"person_name": {"Erika Beispiel"}, "email": {email},
		"organization_name": {"Musterstadt"}, "kind": {"municipality"}, "country": {"DE"}, "title": {"Chief Digital Officer"},
		"tasks": {mailTasks}, "consent": {"1"}})
	wantCode(t, w, http.StatusSeeOther)
	path, _, _ := strings.Cut(w.Header().Get("Location"), "?")
	return path
}

// TestPageApplicationStatus: the private status page names the network
// and the call, gives the full link to copy, and shows what was sent.
func TestPageApplicationStatus(t *testing.T) {
	e := newMailEnv(t)
	_, _, call := networkWithCall(t, e, 40)
	anon := e.anon()
	path := applyAs(t, anon, call.ID, "erika@example.org")

	w := anon.get(path)
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Netzwerk CDO-Kreis Süd", "Aufruf Aufruf Kernkreis 2027",
		"Ihr Name Erika Beispiel", "E-Mail-Adresse erika@example.org", "Organisation Musterstadt",
		"Ihre Stellenbezeichnung Chief Digital Officer", "Ihre Aufgaben "+mailTasks)
	link := regexp.MustCompile(`<input type="text" id="private-link"[^>]*value="([^"]+)"[^>]*readonly`).FindStringSubmatch(w.Body.String())
	if link == nil || link[1] != "http://example.com"+path {
		t.Errorf("private link input %q, want the full address http://example.com%s", link, path)
	}
	if !strings.Contains(w.Body.String(), `<label for="private-link">`) {
		t.Error("the private link has no label")
	}

	// Behind a proxy that ends TLS the link is https.
	anon.header = http.Header{"X-Forwarded-Proto": {"https"}}
	if w := anon.get(path); !strings.Contains(w.Body.String(), `value="https://example.com`+path+`"`) {
		t.Errorf("behind TLS the link is not https:\n%s", w.Body)
	}
}

// TestPageApplicationWithdraw: an open application is withdrawn from its
// status page after a confirmation, with a decision and an audit entry;
// an admitted one points to leaving on /members instead.
func TestPageApplicationWithdraw(t *testing.T) {
	e := newMailEnv(t)
	ctx := context.Background()
	_, _, call := networkWithCall(t, e, 40)
	anon := e.anon()
	path := applyAs(t, anon, call.ID, "erika@example.org")
	wantText(t, anon.get(path), "Bewerbung zurückziehen", "Ja, ich ziehe meine Bewerbung zurück")

	t.Run("ErrNotConfirmed", func(t *testing.T) {
		w := anon.submit(path, path+"/withdraw", url.Values{})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Bitte bestätigen Sie, dass Sie Ihre Bewerbung zurückziehen.", "Eingegangen: Ihre Aufgaben erfüllen die Kriterien.")
	})
	t.Run("ErrNoCSRF", func(t *testing.T) {
		wantCode(t, anon.post(path+"/withdraw", url.Values{"confirm": {"1"}}), http.StatusForbidden)
	})
	apps, _ := e.store.FindApplications(ctx, call.ID)
	if apps[0].Status != cdoatlas.ApplicationReceived {
		t.Fatalf("status %q before withdrawing", apps[0].Status)
	}

	t.Run("OK", func(t *testing.T) {
		w := anon.follow(anon.submit(path, path+"/withdraw", url.Values{"confirm": {"1"}}))
		wantText(t, w, "Ihre Bewerbung ist zurückgezogen.", "Zurückgezogen.")
		wantNoText(t, w, "Ja, ich ziehe meine Bewerbung zurück")
		a, _ := e.store.FindApplicationByID(ctx, apps[0].ID)
		if a.Status != cdoatlas.ApplicationWithdrawn {
			t.Errorf("status %q, want withdrawn", a.Status)
		}
		ds, _ := e.store.FindDecisions(ctx, a.ID)
		if len(ds) == 0 || ds[len(ds)-1].Action != "withdraw" {
			t.Errorf("decisions %+v, want a withdrawal", ds)
		}
		log, _, err := e.store.FindAuditEntries(ctx, cdoatlas.AuditFilter{Entity: cdoatlas.AuditApplication, EntityID: a.ID})
		if err != nil || len(log) == 0 || log[0].Fields != "status" {
			t.Errorf("audit %+v %v, want the status change", log, err)
		}
	})

	t.Run("Admitted", func(t *testing.T) {
		path := applyAs(t, anon, call.ID, "max@example.org")
		apps, _ := e.store.FindApplications(ctx, call.ID)
		if _, err := e.store.Admit(ctx, apps[len(apps)-1].ID, 0, ""); err != nil {
			t.Fatal(err)
		}
		w := anon.get(path)
		wantText(t, w, "Sie sind aufgenommen; die Bewerbung lässt sich daher nicht mehr zurückziehen.", "Zu „Mein Netzwerk“")
		wantNoText(t, w, "Ja, ich ziehe meine Bewerbung zurück")
		if !strings.Contains(w.Body.String(), `<a href="/members">`) {
			t.Error("no link to /members")
		}
		// A form sent anyway changes nothing.
		token := csrfTokenIn(t, anon.get(fmt.Sprintf("/calls/%d", call.ID)).Body.String())
		w = anon.follow(anon.post(path+"/withdraw", url.Values{csrfField: {token}, "confirm": {"1"}}))
		wantText(t, w, "Über die Bewerbung ist schon entschieden; sie lässt sich nicht mehr zurückziehen.", "Aufgenommen.")
	})

	t.Run("ErrUnknownLink", func(t *testing.T) {
		token := csrfTokenIn(t, anon.get(fmt.Sprintf("/calls/%d", call.ID)).Body.String())
		wantCode(t, anon.post("/applications/not-a-secret/withdraw", url.Values{csrfField: {token}, "confirm": {"1"}}), http.StatusNotFound)
	})
}

// TestPageApplicationFormErrors: an empty form flags the required fields
// only, the summary reads well after a label that is a sentence, and a
// value over its limit says the limit.
func TestPageApplicationFormErrors(t *testing.T) {
	e := newMailEnv(t)
	_, _, call := networkWithCall(t, e, 40)
	anon := e.anon()
	callPath := fmt.Sprintf("/calls/%d", call.ID)

	t.Run("Empty", func(t *testing.T) {
		w := anon.submit(callPath, callPath, url.Values{})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Ihr Name: Bitte ausfüllen.", "E-Mail-Adresse: Bitte ausfüllen.", "Organisation: Bitte ausfüllen.",
			"Ihre Stellenbezeichnung: Bitte ausfüllen.", "Ihre Aufgaben: Bitte ausfüllen.",
			"für dieses Netzwerk verarbeitet werden: Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")
		wantNoText(t, w, "Unbekannte Art.", "Art:", "Staat:", "Bitte einen Staat", ".:", "Nötig, da")
	})
	t.Run("NewOrganization", func(t *testing.T) {
		w := anon.submit(callPath, callPath, url.Values{"organization_name": {"Xqzvrtplk"}})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Art: Nötig, da die Organisation noch nicht im Atlas steht.", "Staat: Nötig, da die Organisation noch nicht im Atlas steht.")
		wantNoText(t, w, "Unbekannte Art.", "Bitte einen Staat als ISO-Code")
	})
	t.Run("TooLong", func(t *testing.T) {
		w := anon.submit(callPath, callPath, url.Values{"person_name": {strings.Repeat("a", 201)}, "tasks": {strings.Repeat("x", cdoatlas.MaxTasksLength+1)}})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Ihr Name: Höchstens 200 Zeichen.", "Ihre Aufgaben: Höchstens 20.000 Zeichen.")
		wantNoText(t, w, "Zu lang.")
		en := e.anon()
		en.follow(en.get("/?lang=en"))
		w = en.submit(callPath, callPath, url.Values{"person_name": {strings.Repeat("a", 201)}})
		wantText(t, w, "At most 200 characters.")
	})
}
