package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// TestPasswordResetByMail: "Passwort vergessen?" sends a link to the
// account's address (and answers alike for an unknown one); the link sets
// a new password once, and every old session ends.
func TestPasswordResetByMail(t *testing.T) {
	e := newMailEnv(t)
	old := e.as(cdoatlas.UserEditor) // logged in elsewhere
	email := old.user.Email
	anon := e.anon()
	w := anon.get("/login")
	if !strings.Contains(w.Body.String(), `href="/password/forgot"`) {
		t.Fatal("the login page has no link to reset the password")
	}
	wantText(t, w, "Passwort vergessen?")
	known := anon.submit("/password/forgot", "/password/forgot", url.Values{"email": {strings.ToUpper(email)}})
	unknown := anon.submit("/password/forgot", "/password/forgot", url.Values{"email": {"nobody@example.org"}})
	wantCode(t, known, http.StatusOK)
	if known.Code != unknown.Code || text(known.Body.String()) != text(unknown.Body.String()) {
		t.Errorf("the answers differ: %d and %d", known.Code, unknown.Code)
	}
	wantText(t, known, "Wenn es ein Konto mit dieser Adresse gibt")
	if w := anon.submit("/password/forgot", "/password/forgot", url.Values{"email": {"kein Konto"}}); w.Code != http.StatusUnprocessableEntity {
		t.Errorf("no address: %d", w.Code)
	}
	e.deliver()
	if len(e.smtp.Find("nobody@example.org")) != 0 || len(e.smtp.Messages()) != 1 {
		t.Fatalf("%d mails; to the unknown address: %d", len(e.smtp.Messages()), len(e.smtp.Find("nobody@example.org")))
	}
	m := e.lastMail(email)
	if m.Subject != "Neues Passwort für cdoatlas" || !strings.Contains(m.Body, "60 Minuten") {
		t.Errorf("reset mail %q:\n%s", m.Subject, m.Body)
	}
	link := linkIn(t, m, "/password/reset/")

	other := e.anon()
	w = other.get(link)
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Neues Passwort festlegen", "Neues Passwort")
	if w.Header().Get("X-Robots-Tag") != "noindex" {
		t.Error("the reset page may be indexed")
	}
	w = other.submit(link, link, url.Values{"password": {"123456789012"}})
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, cdoatlas.Message("de", "password.simple"))
	w = other.submit(link, link, url.Values{"password": {"ein ganz neues Passwort"}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login" {
		t.Fatalf("reset: %d %s\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	wantText(t, other.follow(w), "Ihr Passwort ist geändert.")
	// The old session has ended.
	if w := old.get("/account"); w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/login") {
		t.Errorf("the old session still works: %d", w.Code)
	}
	// The new password logs in; the old one does not.
	if w := other.submit("/login", "/login", url.Values{"email": {email}, "password": {pagePassword}}); w.Code != http.StatusUnauthorized {
		t.Errorf("old password: %d", w.Code)
	}
	if w := other.submit("/login", "/login", url.Values{"email": {email}, "password": {"ein ganz neues Passwort"}}); w.Code != http.StatusSeeOther {
		t.Errorf("new password: %d", w.Code)
	}
	// The link works once.
	w = e.anon().get(link)
	wantCode(t, w, http.StatusNotFound)
	wantText(t, w, "Dieser Link ist ungültig, schon benutzt oder abgelaufen.", "Neuen Link anfordern")
	third := e.anon()
	w = third.submit("/password/forgot", link, url.Values{"password": {"noch ein neues Passwort"}})
	wantCode(t, w, http.StatusNotFound)

	// Requests for one address are limited: nobody floods a mailbox.
	for i := 0; i < 4; i++ {
		wantCode(t, anon.submit("/password/forgot", "/password/forgot", url.Values{"email": {email}}), http.StatusOK)
	}
	w = anon.submit("/password/forgot", "/password/forgot", url.Values{"email": {email}})
	wantCode(t, w, http.StatusTooManyRequests)
	wantText(t, w, "Zu viele Anfragen.")
}
