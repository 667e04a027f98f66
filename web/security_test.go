package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestLoginParallel: 30 wrong passwords for one account sent at once get
// at most 10 answers "wrong password" (the limit), the rest 429, because
// an attempt is counted before its password is hashed.
func TestLoginParallel(t *testing.T) {
	e := newPageEnv(t)
	u := e.user(cdoatlas.UserMember)
	b := e.anon()
	token := csrfTokenIn(t, b.get("/login").Body.String())
	form := url.Values{csrfField: {token}, "email": {u.Email}, "password": {"wrong-password-123"}}.Encode()
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	for range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range b.cookies {
				r.AddCookie(&http.Cookie{Name: k, Value: v})
			}
			w := httptest.NewRecorder()
			e.srv.ServeHTTP(w, r)
			mu.Lock()
			codes[w.Code]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if codes[http.StatusUnauthorized] > loginLimit.max || codes[http.StatusUnauthorized] == 0 ||
		codes[http.StatusUnauthorized]+codes[http.StatusTooManyRequests] != 30 {
		t.Errorf("answers to 30 parallel wrong logins: %v; want at most %d × 401, the rest 429", codes, loginLimit.max)
	}
	// The right password is refused too now: the account's limit is used up.
	w := b.post("/login", url.Values{csrfField: {token}, "email": {u.Email}, "password": {pagePassword}})
	wantCode(t, w, http.StatusTooManyRequests)
}

// countingBody records whether a handler read the request body.
type countingBody struct {
	io.Reader
	read atomic.Int64
}

func (c *countingBody) Read(p []byte) (int, error) {
	n, err := c.Reader.Read(p)
	c.read.Add(int64(n))
	return n, err
}

func (c *countingBody) Close() error { return nil }

// TestUploadRefusedBeforeBody: an upload without login, or without the
// CSRF token, is refused before a byte of it is read.
func TestUploadRefusedBeforeBody(t *testing.T) {
	e := newPageEnv(t)
	ed := e.as(cdoatlas.UserEditor)
	ed.get("/census/import") // sets the CSRF cookie
	member := e.as(cdoatlas.UserMember)
	member.get("/census/import")
	for _, tc := range []struct {
		name string
		b    *browser
		path string
		want int
	}{
		{"anonymous", e.anon(), "/census/import", http.StatusForbidden},
		{"member", member, "/census/import?csrf_token=" + url.QueryEscape(csrfTokenIn(t, member.get("/account").Body.String())), http.StatusForbidden},
		{"editor without token", ed, "/census/import", http.StatusForbidden},
		{"editor with a wrong token", ed, "/census/import?csrf_token=forged", http.StatusForbidden},
	} {
		body := &countingBody{Reader: strings.NewReader(strings.Repeat("x", 1<<20))}
		r := httptest.NewRequest(http.MethodPost, tc.path, nil)
		r.Body = body
		r.ContentLength = 1 << 20
		r.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		w := tc.b.do(r)
		if w.Code != tc.want || body.read.Load() != 0 {
			t.Errorf("%s: status %d, %d bytes read; want %d and nothing read", tc.name, w.Code, body.read.Load(), tc.want)
		}
	}
	// An anonymous form post to an editor's page is refused unread too.
	body := &countingBody{Reader: strings.NewReader("name=x")}
	r := httptest.NewRequest(http.MethodPost, "/organizations/new", nil)
	r.Body = body
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if w := e.anon().do(r); w.Code != http.StatusForbidden || body.read.Load() != 0 {
		t.Errorf("anonymous form post: status %d, %d bytes read", w.Code, body.read.Load())
	}
}

// TestTokenCannotMintTokens: a bearer token gets no new token through the
// account page, even with the CSRF cookie and token a script can fetch.
func TestTokenCannotMintTokens(t *testing.T) {
	e := newPageEnv(t)
	u := e.user(cdoatlas.UserEditor)
	secret, err := e.store.CreateAPIToken(context.Background(), u.ID, "script", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	b := e.anon()
	b.header.Set("Authorization", "Bearer "+secret)
	acct := b.get("/account")
	wantCode(t, acct, http.StatusOK)
	w := b.post("/account/tokens", url.Values{csrfField: {csrfTokenIn(t, acct.Body.String())}, "name": {"more"}, "expires": {"0"}})
	wantCode(t, w, http.StatusForbidden)
	if tokens, _ := e.store.FindAPITokens(context.Background(), u.ID); len(tokens) != 1 {
		t.Errorf("the user has %d tokens, want 1", len(tokens))
	}
}

// TestPageAccountTokens: tokens are listed with expiry and last use, and
// revoking one stops it at once; nobody revokes another's token.
func TestPageAccountTokens(t *testing.T) {
	e := newPageEnv(t)
	b := e.as(cdoatlas.UserMember)
	w := b.submit("/account", "/account/tokens", url.Values{"name": {"Auswertung 2025"}, "expires": {"30"}})
	wantCode(t, w, http.StatusOK)
	m := tokenValueRE.FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatal("no token shown")
	}
	secret := m[1]
	w = b.submit("/account", "/account/tokens", url.Values{"name": {"Skript"}, "expires": {"7"}})
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, "Gültigkeit: Bitte eine der angebotenen Laufzeiten wählen.")

	api := e.anon()
	api.header.Set("Authorization", "Bearer "+secret)
	wantCode(t, api.get("/api/v1/organizations"), http.StatusOK)

	in30 := (&page{Lang: "de"}).Day(time.Now().Add(30 * 24 * time.Hour))
	wantText(t, b.get("/account"), "Auswertung 2025", in30, "Widerrufen")
	tokens, _ := e.store.FindAPITokens(context.Background(), b.user.ID)
	if len(tokens) != 1 || tokens[0].LastUsedAt.IsZero() {
		t.Fatalf("tokens: %+v", tokens)
	}
	revoke := "/account/tokens/" + strconv.FormatInt(tokens[0].ID, 10) + "/revoke"

	// Another member cannot revoke it.
	other := e.as(cdoatlas.UserMember)
	wantCode(t, other.submit("/account", revoke, nil), http.StatusNotFound)
	wantCode(t, api.get("/api/v1/organizations"), http.StatusOK)

	w = b.submit("/account", revoke, nil)
	wantCode(t, w, http.StatusSeeOther)
	wantText(t, b.follow(w), "Das Token wurde widerrufen", "Sie haben noch keine Tokens.")
	wantCode(t, api.get("/api/v1/organizations"), http.StatusUnauthorized)
}

// TestTwoInstances: two servers on one database share the CSRF key and the
// login limit, so that a form served by one is accepted by the other.
func TestTwoInstances(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		a := newPageEnvOn(t, db)
		b := &pageEnv{t: t, store: db, log: a.log, users: 100}
		b.srv = New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
		t.Cleanup(func() { b.srv.Shutdown(context.Background()) })

		ed := a.as(cdoatlas.UserEditor)
		token := csrfTokenIn(t, ed.get("/organizations/new").Body.String())
		onB := &browser{e: b, user: ed.user, cookies: ed.cookies, header: http.Header{}}
		w := onB.post("/organizations/new", url.Values{csrfField: {token}, "name": {"Stadt Ulm"}, "kind": {"municipality"}, "country": {"DE"}, "region": {"DE-BW"}})
		wantCode(t, w, http.StatusSeeOther)

		// Wrong logins on A and B count together.
		u := a.user(cdoatlas.UserMember)
		anonA := a.anon()
		lt := csrfTokenIn(t, anonA.get("/login").Body.String())
		anonB := &browser{e: b, cookies: anonA.cookies, header: http.Header{}}
		wrong := url.Values{csrfField: {lt}, "email": {u.Email}, "password": {"wrong-password-123"}}
		for i := range loginLimit.max {
			br := anonA
			if i%2 == 1 {
				br = anonB
			}
			wantCode(t, br.post("/login", wrong), http.StatusUnauthorized)
		}
		wantCode(t, anonB.post("/login", wrong), http.StatusTooManyRequests)
	})
}

// TestNoSelfPromotion: an editor cannot take over a network that has no
// coordinator by naming themself; an admin names its coordinators.
func TestNoSelfPromotion(t *testing.T) {
	e := newPageEnv(t)
	n := &cdoatlas.Network{Name: "KGSt-Netzwerk CDO"}
	if err := e.store.CreateNetwork(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	path := "/networks/" + strconv.FormatInt(n.ID, 10)
	ed := e.as(cdoatlas.UserEditor)
	wantCode(t, ed.get(path), http.StatusForbidden)
	token := csrfTokenIn(t, ed.get("/account").Body.String())
	wantCode(t, ed.post(path+"/coordinators", url.Values{csrfField: {token}, "email": {ed.user.Email}}), http.StatusForbidden)
	if ok, _ := e.store.IsCoordinator(context.Background(), n.ID, ed.user.ID); ok {
		t.Fatal("the editor made themself coordinator")
	}
	admin := e.as(cdoatlas.UserAdmin)
	wantCode(t, admin.submit(path, path+"/coordinators", url.Values{"email": {ed.user.Email}}), http.StatusSeeOther)
	wantCode(t, ed.get(path), http.StatusOK)
}
