package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// TestMyData: an applicant who became a member asks for the link to their
// data by e-mail, sees it, downloads it, corrects it, withdraws consents
// (with effect at once) and has it erased; the answer to the request does
// not tell whether anything is stored.
func TestMyData(t *testing.T) {
	e := newMailEnv(t)
	ctx := context.Background()
	_, core, call := networkWithCall(t, e, 40)
	anon := e.anon()
	callPath := fmt.Sprintf("/calls/%d", call.ID)
	w := anon.submit(callPath, callPath, url.Values{"person_name": {"Erika Beispiel"}, "email": {"erika@example.org"},
		"organization_name": {"Musterstadt"}, "kind": {"municipality"}, "country": {"DE"}, "region": {"DE-BY"}, "title": {"Chief Digital Officer"},
		"tasks": {mailTasks}, "consent": {"1"}, "news_consent": {"1"}})
	wantCode(t, w, http.StatusSeeOther)
	apps, _ := e.store.FindApplications(ctx, call.ID)
	m, err := e.store.Admit(ctx, apps[0].ID, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.SetListed(ctx, m.ID, true); err != nil {
		t.Fatal(err)
	}
	e.deliver()

	// The request answers alike for a stored and an unknown address.
	wantText(t, anon.get("/"), "Meine Daten")
	known := anon.submit("/my-data", "/my-data", url.Values{"email": {"Erika@Example.org"}})
	unknown := anon.submit("/my-data", "/my-data", url.Values{"email": {"nobody@example.org"}})
	if known.Code != http.StatusOK || text(known.Body.String()) != text(unknown.Body.String()) {
		t.Fatalf("answers differ: %d / %d", known.Code, unknown.Code)
	}
	e.deliver()
	if len(e.smtp.Find("nobody@example.org")) != 0 {
		t.Error("a mail went to an address with nothing stored")
	}
	link := linkIn(t, e.lastMail("erika@example.org"), "/my-data/")

	// Another browser with the link sees the data.
	b := e.anon()
	w = b.get(link)
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Gespeichert unter erika@example.org", "Erika Beispiel", "Musterstadt", "Aufruf Kernkreis 2027",
		"CDO-Kreis Süd – Kernkreis", "Verarbeitung der Bewerbung: erteilt am", "Eintrag im Mitgliederverzeichnis: erteilt am",
		"Einladungen und Neuigkeiten per E-Mail: erteilt am", "Textfassung "+cdoatlas.WordingApplication)
	if w.Header().Get("Cache-Control") != "no-store" {
		t.Error("the data page may be cached")
	}
	wantCode(t, e.anon().get("/my-data/not-a-link"), http.StatusNotFound)

	// The download holds it all as JSON.
	w = b.get(link + "/export.json")
	var export struct {
		Email        string                  `json:"email"`
		Applications []*cdoatlas.Application `json:"applications"`
		Memberships  []*cdoatlas.Membership  `json:"memberships"`
		Consents     []*cdoatlas.Consent     `json:"consents"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &export); err != nil || export.Email != "erika@example.org" ||
		len(export.Applications) != 1 || len(export.Memberships) != 1 || len(export.Consents) != 3 {
		t.Fatalf("export: %v\n%s", err, w.Body)
	}

	// A correction reaches application and membership.
	w = b.submit(link, link+"/correct", url.Values{"person_name": {"Erika Beispiel-Muster"}, "organization_name": {"Musterstadt"}, "title": {"CDO"}})
	wantCode(t, w, http.StatusSeeOther)
	wantText(t, b.follow(w), "Die Änderungen wurden gespeichert.", "Erika Beispiel-Muster")
	if ms, _ := e.store.FindMembershipsByEmail(ctx, "erika@example.org"); ms[0].PersonName != "Erika Beispiel-Muster" || ms[0].Title != "CDO" {
		t.Errorf("membership after the correction: %+v", ms[0])
	}

	// Leaving the directory takes effect at once.
	w = b.submit(link, link+"/withdraw", url.Values{"purpose": {cdoatlas.ConsentDirectory}})
	wantCode(t, w, http.StatusSeeOther)
	wantText(t, b.follow(w), "Die Einwilligung ist widerrufen", "Eintrag im Mitgliederverzeichnis: widerrufen am")
	if ms, _ := e.store.FindMemberships(ctx, core.ID, false); ms[0].Listed {
		t.Error("still listed in the directory")
	}

	// Erasure: nothing identifying stays; the seat's kind and state stay
	// for the figures; the link and its mails are gone.
	w = b.submit(link, link+"/erase", url.Values{})
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, "Bitte bestätigen Sie die Löschung")
	w = b.submit(link, link+"/erase", url.Values{"confirm": {"1"}})
	wantCode(t, w, http.StatusSeeOther)
	wantText(t, b.follow(w), "Ihre Daten sind gelöscht.")
	d, err := e.store.FindSubjectData(ctx, "erika@example.org")
	if err != nil || len(d.Applications)+len(d.Memberships)+len(d.Consents) != 0 {
		t.Errorf("after erasure: %+v %v", d, err)
	}
	all, _ := e.store.FindMemberships(ctx, core.ID, true)
	if len(all) != 1 || all[0].PersonName != "(gelöscht)" || all[0].LeftAt == nil || all[0].Region != "DE-BY" || all[0].Kind != "municipality" ||
		strings.Contains(all[0].Email, "erika") || all[0].OrganizationName != "" || all[0].Tasks != "" {
		t.Errorf("the erased membership: %+v", all[0])
	}
	apps, _ = e.store.FindApplications(ctx, call.ID)
	if apps[0].PersonName != "(gelöscht)" || apps[0].Tasks != "" || strings.Contains(apps[0].Email, "erika") {
		t.Errorf("the erased application: %+v", apps[0])
	}
	wantCode(t, b.get(link), http.StatusNotFound)
	if mails, _, _ := e.store.FindMails(ctx, cdoatlas.MailFilter{}); len(mails) != 0 {
		for _, m := range mails {
			if m.To == "erika@example.org" {
				t.Errorf("a mail to the erased address is kept: %+v", m)
			}
		}
	}
	entries, _, _ := e.store.FindAuditEntries(ctx, cdoatlas.AuditFilter{Action: cdoatlas.AuditErase})
	if len(entries) != 2 {
		t.Errorf("%d erasures logged, want 2 (application and membership)", len(entries))
	}
}
