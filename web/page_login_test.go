package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestPageLogin(t *testing.T) {
	e := newPageEnv(t)
	u := e.user(cdoatlas.UserEditor)

	t.Run("WrongPassword", func(t *testing.T) {
		b := e.anon()
		w := b.submit("/login", "/login", url.Values{"email": {u.Email}, "password": {"wrong-password-123"}})
		wantCode(t, w, http.StatusUnauthorized)
		wantText(t, w, "E-Mail oder Passwort falsch.")
		if _, ok := b.cookies[sessionCookie]; ok {
			t.Error("a failed login set a session cookie")
		}
		if !strings.Contains(w.Body.String(), `value="`+u.Email+`"`) {
			t.Error("the e-mail is not kept")
		}
		if strings.Contains(w.Body.String(), "wrong-password-123") {
			t.Error("the password is shown again")
		}
	})
	t.Run("UnknownEmail", func(t *testing.T) {
		w := e.anon().submit("/login", "/login", url.Values{"email": {"nobody@example.org"}, "password": {pagePassword}})
		wantCode(t, w, http.StatusUnauthorized)
		wantText(t, w, "E-Mail oder Passwort falsch.")
	})
	t.Run("RightPassword", func(t *testing.T) {
		b := e.anon()
		b.header.Set("X-Forwarded-Proto", "https")
		w := b.submit("/login?next=%2Forganizations%3Fq%3Dulm", "/login?next=%2Forganizations%3Fq%3Dulm", url.Values{"email": {"  " + strings.ToUpper(u.Email)}, "password": {pagePassword}})
		wantCode(t, w, http.StatusSeeOther)
		if loc := w.Header().Get("Location"); loc != "/organizations?q=ulm" {
			t.Errorf("redirect to %q, want the page asked for", loc)
		}
		var session *http.Cookie
		for _, c := range w.Result().Cookies() {
			if c.Name == sessionCookie {
				session = c
			}
		}
		if session == nil {
			t.Fatal("no session cookie")
		}
		if !session.HttpOnly || !session.Secure || session.SameSite != http.SameSiteLaxMode || session.Path != "/" {
			t.Errorf("session cookie %+v: want HttpOnly, Secure, SameSite=Lax, Path=/", session)
		}
		w = b.get("/account")
		wantCode(t, w, http.StatusOK)
		wantText(t, w, u.Email, "Redaktion", "Abmelden")

		// Logout ends the session in the store, not only in the browser.
		token := session.Value
		w = b.submit("/account", "/logout", nil)
		wantCode(t, w, http.StatusSeeOther)
		if _, err := e.store.FindUserBySession(context.Background(), token); err == nil {
			t.Error("session still valid after logout")
		}
		w = b.get("/account")
		wantCode(t, w, http.StatusSeeOther)
	})
	t.Run("ForeignNext", func(t *testing.T) {
		w := e.anon().submit("/login", "/login?next=%2F%2Fevil.example%2F", url.Values{"email": {u.Email}, "password": {pagePassword}})
		wantCode(t, w, http.StatusSeeOther)
		if loc := w.Header().Get("Location"); loc != "/" {
			t.Errorf("redirect to %q, want /", loc)
		}
	})
}

func TestPageLoginThrottled(t *testing.T) {
	e := newPageEnv(t)
	b := e.anon()
	token := csrfTokenIn(t, b.get("/login").Body.String())
	w := b.post("/login", url.Values{csrfField: {token}, "email": {"x@example.org"}, "password": {"wrong-password-123"}})
	for i := 1; i < 10 && w.Code == http.StatusUnauthorized; i++ {
		w = b.post("/login", url.Values{csrfField: {token}, "email": {"x@example.org"}, "password": {"wrong-password-123"}})
	}
	wantCode(t, w, http.StatusUnauthorized)
	w = b.post("/login", url.Values{csrfField: {token}, "email": {"x@example.org"}, "password": {"wrong-password-123"}})
	wantCode(t, w, http.StatusTooManyRequests)
	wantText(t, w, "Zu viele Anmeldeversuche.")

	// Another account from the same address may still log in.
	u := e.user(cdoatlas.UserMember)
	w = b.post("/login", url.Values{csrfField: {token}, "email": {u.Email}, "password": {pagePassword}})
	wantCode(t, w, http.StatusSeeOther)
}

var tokenValueRE = regexp.MustCompile(`id="new-token" class="token__value" value="([^"]+)"`)

func TestPageAccountToken(t *testing.T) {
	e := newPageEnv(t)
	b := e.as(cdoatlas.UserMember)
	w := b.get("/account")
	wantCode(t, w, http.StatusOK)
	wantText(t, w, b.user.Email, "Mitglied", "Token erstellen")

	w = b.submit("/account", "/account/tokens", url.Values{"name": {""}})
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, "Name des Tokens: Bitte ausfüllen.")

	w = b.submit("/account", "/account/tokens", url.Values{"name": {"Auswertung"}})
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Das Token wird nur dieses eine Mal angezeigt.")
	m := tokenValueRE.FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatalf("no token on the page:\n%s", w.Body)
	}
	u, err := e.store.FindUserByAPIToken(context.Background(), m[1])
	if err != nil || u.Email != b.user.Email {
		t.Errorf("the token shown does not work: %v %v", u, err)
	}
	if w.Header().Get("Cache-Control") != "no-store" {
		t.Error("the token page may be cached")
	}
	w = b.get("/account")
	wantNoText(t, w, "Neues Token erstellt")

	w = e.anon().get("/account")
	wantCode(t, w, http.StatusSeeOther)
}
