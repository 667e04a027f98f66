package web

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/oauth2-proxy/mockoidc"

	"github.com/cdoatlas/cdoatlas"
)

// The login for organisations runs against mockoidc, an OpenID Connect
// provider in the test process that speaks the real protocol: discovery,
// JWKS, authorization and token endpoints, PKCE.

// oidcUser is an account at the test provider. Its ID token carries the
// roles the way Keycloak does (realm_access.roles); claims replace the
// token's own (iss, aud, exp, nonce …) to make bad tokens.
type oidcUser struct {
	sub, email string
	verified   bool
	roles      []string
	claims     map[string]any
}

func (u *oidcUser) ID() string { return u.sub }

func (u *oidcUser) Userinfo([]string) ([]byte, error) {
	return json.Marshal(map[string]any{"sub": u.sub, "email": u.email})
}

func (u *oidcUser) Claims(_ []string, base *mockoidc.IDTokenClaims) (jwt.Claims, error) {
	c := jwt.MapClaims{
		"iss": base.Issuer, "sub": base.Subject, "aud": []string(base.Audience), "jti": base.ID,
		"exp": base.ExpiresAt.Unix(), "iat": base.IssuedAt.Unix(), "nbf": base.NotBefore.Unix(),
		"nonce": base.Nonce, "email": u.email, "email_verified": u.verified,
		"realm_access": map[string]any{"roles": u.roles},
	}
	for k, v := range u.claims {
		c[k] = v
	}
	return c, nil
}

// newOIDCProvider starts a test provider. With jwks set it publishes that
// key set instead of the key it signs with.
func newOIDCProvider(t *testing.T, jwks *mockoidc.Keypair) *mockoidc.MockOIDC {
	t.Helper()
	m, err := mockoidc.NewServer(nil)
	if err != nil {
		t.Fatal(err)
	}
	if jwks != nil {
		m.AddMiddleware(func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != mockoidc.JWKSEndpoint {
					next.ServeHTTP(w, r)
					return
				}
				b, err := jwks.JWKS()
				if err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
					return
				}
				w.Header().Set("Content-Type", "application/json")
				w.Write(b)
			})
		})
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Start(ln, nil); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Shutdown() })
	return m
}

// withOIDC configures the server for the provider as an administration
// would for Keycloak.
func (e *pageEnv) withOIDC(m *mockoidc.MockOIDC) {
	e.srv.OIDC = &OIDCConfig{Issuer: m.Issuer(), ClientID: m.ClientID, ClientSecret: m.ClientSecret,
		RoleClaim: "realm_access.roles",
		Roles:     map[string]string{"cdoatlas-admin": "admin", "cdoatlas-editor": "editor", "cdoatlas-member": "member"}}
}

// toProvider follows the redirect of /login/oidc to the provider, which
// logs the queued user in at once, and returns where it sends the browser
// back to.
func toProvider(t *testing.T, w *httptest.ResponseRecorder) *url.URL {
	t.Helper()
	wantCode(t, w, http.StatusFound)
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(w.Header().Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("provider answered %d, want a redirect back", resp.StatusCode)
	}
	back, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// oidcLogin logs u in through the pages, as a browser does: the button's
// link, the provider, back to the callback. It returns the callback's
// answer.
func oidcLogin(t *testing.T, b *browser, m *mockoidc.MockOIDC, u *oidcUser) *httptest.ResponseRecorder {
	t.Helper()
	m.QueueUser(u)
	back := toProvider(t, b.get("/login/oidc"))
	return b.get(back.RequestURI())
}

// wantNoSession fails when the browser holds a session cookie.
func wantNoSession(t *testing.T, b *browser) {
	t.Helper()
	if _, ok := b.cookies[sessionCookie]; ok {
		t.Error("a refused login started a session")
	}
}

func TestOIDCLogin(t *testing.T) {
	m := newOIDCProvider(t, nil)
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		e.withOIDC(m)
		ctx := context.Background()
		b := e.anon()

		w := b.get("/login")
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "Mit Organisationskonto anmelden", "Mit E-Mail und Passwort anmelden")
		if !strings.Contains(w.Body.String(), `<a class="button" href="/login/oidc">`) {
			t.Errorf("no link to log in with the organisation account:\n%s", w.Body)
		}
		if w := b.get("/login?next=/account"); !strings.Contains(w.Body.String(), `href="/login/oidc?next=%2Faccount"`) {
			t.Errorf("the button loses where the visitor wanted to go:\n%s", w.Body)
		}

		// The redirect to the provider asks for a code with PKCE, state
		// and nonce, to come back to our callback.
		m.QueueUser(&oidcUser{sub: "kc-anna", email: "Anna.Amt@example.org", verified: true, roles: []string{"offline_access", "cdoatlas-editor"}})
		w = b.get("/login/oidc?next=/account")
		wantCode(t, w, http.StatusFound)
		auth, err := url.Parse(w.Header().Get("Location"))
		if err != nil || auth.Scheme+"://"+auth.Host+auth.Path != m.AuthorizationEndpoint() {
			t.Fatalf("redirect to %q, want the provider's authorization endpoint %s", w.Header().Get("Location"), m.AuthorizationEndpoint())
		}
		q := auth.Query()
		for k, want := range map[string]string{"response_type": "code", "client_id": m.ClientID,
			"redirect_uri": "http://example.com/login/oidc/callback", "code_challenge_method": "S256"} {
			if q.Get(k) != want {
				t.Errorf("authorization request %s = %q, want %q", k, q.Get(k), want)
			}
		}
		for _, k := range []string{"state", "nonce", "code_challenge"} {
			if len(q.Get(k)) < 32 {
				t.Errorf("authorization request %s = %q, want a random value", k, q.Get(k))
			}
		}
		if !strings.Contains(" "+q.Get("scope")+" ", " openid ") {
			t.Errorf("scope %q lacks openid", q.Get("scope"))
		}
		var flow *http.Cookie
		for _, c := range w.Result().Cookies() {
			if c.Name == oidcCookie {
				flow = c
			}
		}
		if flow == nil || !flow.HttpOnly || flow.MaxAge <= 0 || flow.MaxAge > 600 || strings.Contains(flow.Value, q.Get("nonce")) {
			t.Fatalf("flow cookie %+v: want a short-lived HttpOnly cookie that does not show the nonce", flow)
		}

		back := toProvider(t, w)
		w = b.get(back.RequestURI())
		wantCode(t, w, http.StatusSeeOther)
		if loc := w.Header().Get("Location"); loc != "/account" {
			t.Errorf("after login to %q, want /account", loc)
		}
		if _, ok := b.cookies[oidcCookie]; ok {
			t.Error("the flow cookie outlives the login")
		}
		wantText(t, b.follow(w), "anna.amt@example.org")
		anna, err := e.store.FindUserByEmail(ctx, "anna.amt@example.org")
		if err != nil || anna.Role != cdoatlas.UserEditor {
			t.Fatalf("account after the first login: %+v %v, want an editor", anna, err)
		}
		wantCode(t, b.get("/review"), http.StatusOK) // an editor's page

		t.Run("CallbackReplayed", func(t *testing.T) {
			w := b.get(back.RequestURI())
			wantCode(t, w, http.StatusBadRequest)
			wantText(t, w, "abgelaufen oder ungültig")
		})

		t.Run("SecondLoginTakesRole", func(t *testing.T) {
			b := e.anon()
			w := oidcLogin(t, b, m, &oidcUser{sub: "kc-anna", email: "anna.amt@example.org", verified: true,
				roles: []string{"cdoatlas-member", "cdoatlas-admin", "cdoatlas-editor"}})
			wantCode(t, w, http.StatusSeeOther)
			u, err := e.store.FindUserBySession(ctx, b.cookies[sessionCookie])
			if err != nil || u.ID != anna.ID || u.Role != cdoatlas.UserAdmin {
				t.Fatalf("session after the second login: %+v %v, want account %d as admin (the highest role)", u, err, anna.ID)
			}
			wantCode(t, b.get("/admin"), http.StatusOK)

			b = e.anon()
			w = oidcLogin(t, b, m, &oidcUser{sub: "kc-anna", email: "anna.amt@example.org", verified: true, roles: []string{"cdoatlas-member"}})
			wantCode(t, w, http.StatusSeeOther)
			if u, _ := e.store.FindUserByID(ctx, anna.ID); u.Role != cdoatlas.UserMember {
				t.Errorf("role after the provider took admin away: %q, want member", u.Role)
			}
			wantCode(t, b.get("/admin"), http.StatusForbidden)
		})

		t.Run("LocalAccount", func(t *testing.T) {
			local := e.user(cdoatlas.UserMember)
			b := e.anon()
			w := oidcLogin(t, b, m, &oidcUser{sub: "kc-local", email: local.Email, roles: []string{"cdoatlas-editor"}})
			wantCode(t, w, http.StatusConflict)
			wantText(t, w, "Es gibt bereits ein Konto mit Ihrer E-Mail-Adresse")
			wantNoSession(t, b)

			w = oidcLogin(t, b, m, &oidcUser{sub: "kc-local", email: local.Email, verified: true, roles: []string{"cdoatlas-editor"}})
			wantCode(t, w, http.StatusSeeOther)
			if u, err := e.store.FindUserBySession(ctx, b.cookies[sessionCookie]); err != nil || u.ID != local.ID || u.Role != cdoatlas.UserEditor {
				t.Fatalf("verified address: %+v %v, want the local account %d as editor", u, err, local.ID)
			}
			// The password still works.
			w = e.anon().submit("/login", "/login", url.Values{"email": {local.Email}, "password": {pagePassword}})
			wantCode(t, w, http.StatusSeeOther)
		})
	})
}

func TestOIDCLoginRefused(t *testing.T) {
	m := newOIDCProvider(t, nil)
	editor := func() *oidcUser {
		return &oidcUser{sub: "kc-" + cdoatlas.NewToken()[:8], email: "eve@example.org", verified: true, roles: []string{"cdoatlas-editor"}}
	}
	bad := func(claims map[string]any) *oidcUser {
		u := editor()
		u.claims = claims
		return u
	}
	for _, tc := range []struct {
		name   string
		user   *oidcUser
		status int
		text   string
	}{
		{"NoMappedRole", &oidcUser{sub: "kc-bert", email: "eve@example.org", verified: true, roles: []string{"offline_access", "admin"}},
			http.StatusForbidden, "Ihr Organisationskonto hat keine Rolle für den Atlas"},
		{"OtherIssuer", bad(map[string]any{"iss": "http://127.0.0.1:1/oidc"}), http.StatusUnauthorized, "fehlgeschlagen"},
		{"OtherAudience", bad(map[string]any{"aud": []string{"another-application"}}), http.StatusUnauthorized, "fehlgeschlagen"},
		{"Expired", bad(map[string]any{"exp": time.Now().Add(-time.Minute).Unix()}), http.StatusUnauthorized, "fehlgeschlagen"},
		{"OtherNonce", bad(map[string]any{"nonce": cdoatlas.NewToken()}), http.StatusUnauthorized, "fehlgeschlagen"},
		{"NoEmail", bad(map[string]any{"email": ""}), http.StatusUnprocessableEntity, "keine gültige E-Mail-Adresse"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newPageEnv(t)
			e.withOIDC(m)
			b := e.anon()
			w := oidcLogin(t, b, m, tc.user)
			wantCode(t, w, tc.status)
			wantText(t, w, tc.text, "Mit Organisationskonto anmelden")
			wantNoSession(t, b)
			if _, err := e.store.FindUserByEmail(context.Background(), "eve@example.org"); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
				t.Errorf("a refused login made an account (%v)", err)
			}
		})
	}

	t.Run("ForeignSignature", func(t *testing.T) {
		other, err := mockoidc.RandomKeypair(2048)
		if err != nil {
			t.Fatal(err)
		}
		m := newOIDCProvider(t, other) // signs with a key its JWKS does not list
		e := newPageEnv(t)
		e.withOIDC(m)
		b := e.anon()
		w := oidcLogin(t, b, m, editor())
		wantCode(t, w, http.StatusUnauthorized)
		wantText(t, w, "fehlgeschlagen")
		wantNoSession(t, b)
	})

	t.Run("BadState", func(t *testing.T) {
		e := newPageEnv(t)
		e.withOIDC(m)
		b := e.anon()
		m.QueueUser(editor())
		back := toProvider(t, b.get("/login/oidc"))
		q := back.Query()
		q.Set("state", cdoatlas.NewToken())
		w := b.get(back.Path + "?" + q.Encode())
		wantCode(t, w, http.StatusBadRequest)
		wantText(t, w, "Die Anmeldung über das Organisationskonto ist abgelaufen oder ungültig")
		wantNoSession(t, b)
	})

	t.Run("OtherBrowser", func(t *testing.T) {
		e := newPageEnv(t)
		e.withOIDC(m)
		m.QueueUser(editor())
		back := toProvider(t, e.anon().get("/login/oidc"))
		b := e.anon() // has no flow cookie: a login planted by a link
		wantCode(t, b.get(back.RequestURI()), http.StatusBadRequest)
		wantNoSession(t, b)
	})

	t.Run("ProviderError", func(t *testing.T) {
		e := newPageEnv(t)
		e.withOIDC(m)
		b := e.anon()
		m.QueueUser(editor())
		back := toProvider(t, b.get("/login/oidc"))
		w := b.get(back.Path + "?" + url.Values{"error": {"access_denied"}, "state": {back.Query().Get("state")}}.Encode())
		wantCode(t, w, http.StatusUnauthorized)
		wantText(t, w, "fehlgeschlagen")
		wantNoSession(t, b)
	})

	t.Run("ProviderDown", func(t *testing.T) {
		e := newPageEnv(t)
		e.srv.OIDC = &OIDCConfig{Issuer: "http://127.0.0.1:1/realms/x", ClientID: "cdoatlas", Roles: map[string]string{"a": "admin"}}
		w := e.anon().get("/login/oidc")
		wantCode(t, w, http.StatusServiceUnavailable)
		wantText(t, w, "gerade nicht erreichbar")
		wantNoText(t, w, "127.0.0.1", "connection refused")
	})
}

func TestOIDCNotConfigured(t *testing.T) {
	e := newPageEnv(t)
	b := e.anon()
	w := b.get("/login")
	wantCode(t, w, http.StatusOK)
	wantNoText(t, w, "Organisationskonto")
	wantCode(t, b.get("/login/oidc"), http.StatusNotFound)
	wantCode(t, b.get("/login/oidc/callback?code=x&state=y"), http.StatusNotFound)
}

func TestOIDCParseRoles(t *testing.T) {
	got, err := ParseOIDCRoles(" cdoatlas-admin=admin, cdoatlas-editor = Editor,,cdoatlas-member=member ")
	want := map[string]string{"cdoatlas-admin": "admin", "cdoatlas-editor": "editor", "cdoatlas-member": "member"}
	if err != nil || len(got) != len(want) {
		t.Fatalf("ParseOIDCRoles = %v, %v; want %v", got, err, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("role %s maps to %q, want %q", k, got[k], v)
		}
	}
	for _, bad := range []string{"", " , ", "cdoatlas-admin", "cdoatlas-admin=king", "=admin"} {
		if _, err := ParseOIDCRoles(bad); err == nil {
			t.Errorf("ParseOIDCRoles(%q) took a bad mapping", bad)
		}
	}
}

func TestOIDCRoleClaim(t *testing.T) {
	var claims map[string]any
	err := json.Unmarshal([]byte(`{
		"roles": ["a", "b", 3],
		"group": "c",
		"realm_access": {"roles": ["d"]},
		"resource_access": {"cdoatlas": {"roles": ["e"]}},
		"https://example.org/roles": ["f"]
	}`), &claims)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{"roles", "a b"},
		{"group", "c"},
		{"realm_access.roles", "d"},
		{"resource_access.cdoatlas.roles", "e"},
		{"https://example.org/roles", "f"},
		{"realm_access.none", ""},
		{"group.roles", ""},
	} {
		if got := strings.Join(claimStrings(lookupClaim(claims, tc.path)), " "); got != tc.want {
			t.Errorf("claim %s: got %q, want %q", tc.path, got, tc.want)
		}
	}
}
