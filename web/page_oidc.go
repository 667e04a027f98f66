package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/cdoatlas/cdoatlas"
)

// Login for organisations (issue #10, item 7): beside local accounts, an
// administration's OpenID Connect provider (commonly Keycloak) may log its
// people in, by the authorization code flow with PKCE, state and nonce.
// The provider's claims say the role, on every login.

// OIDCConfig configures the login through an OpenID Connect provider. Set
// it as Server.OIDC before serving and use it by pointer only: it keeps
// what discovery found.
type OIDCConfig struct {
	// Issuer is the provider's address, under which its discovery
	// document lies (…/.well-known/openid-configuration); ID tokens must
	// name exactly it.
	Issuer       string
	ClientID     string
	ClientSecret string // "" for a public client
	// RoleClaim names the claim that lists the provider's roles of the
	// account; a dotted path reaches into objects (Keycloak's realm roles
	// are realm_access.roles). "" means "roles".
	RoleClaim string
	// Roles maps the provider's role names to account roles; of the
	// mapped roles an account gets the one that may do the most. An
	// account with none is refused.
	Roles map[string]string
	// BaseURL is the public address of the site (https://atlas.example.org);
	// the provider sends the browser back to BaseURL/login/oidc/callback.
	// "" takes the address the browser asked for.
	BaseURL string
	// Client makes the requests to the provider; nil means one with a
	// 10 s timeout.
	Client *http.Client

	mu    sync.Mutex
	party *oidcParty // found by discovery, on the first login
}

const (
	oidcCookie       = "cdoatlas_oidc"
	oidcCookiePath   = "/login/oidc"
	oidcCallbackPath = "/login/oidc/callback"
	// oidcFlowTime is how long a login may take at the provider.
	oidcFlowTime = 10 * time.Minute
	oidcTimeout  = 10 * time.Second
)

// ParseOIDCRoles reads a role mapping written as
// "provider-role=role,other-role=role", where each role is admin, editor
// or member.
func ParseOIDCRoles(s string) (map[string]string, error) {
	m := map[string]string{}
	for pair := range strings.SplitSeq(s, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		i := strings.LastIndex(pair, "=")
		if i < 0 {
			return nil, fmt.Errorf("role mapping %q: want provider-role=role", strings.TrimSpace(pair))
		}
		name, role := strings.TrimSpace(pair[:i]), strings.ToLower(strings.TrimSpace(pair[i+1:]))
		if name == "" || cdoatlas.HighestRole(role) == "" {
			return nil, fmt.Errorf("role mapping %q: want provider-role=role with role one of %s", strings.TrimSpace(pair), strings.Join(cdoatlas.UserRoles, ", "))
		}
		m[name] = role
	}
	if len(m) == 0 {
		return nil, errors.New("role mapping is empty: nobody could log in")
	}
	return m, nil
}

// oidcParty is the relying party once the provider is discovered.
type oidcParty struct {
	oauth    oauth2.Config // without RedirectURL, which depends on the request
	verifier *oidc.IDTokenVerifier
	client   *http.Client
}

// discover returns the relying party, asking the provider for its
// configuration the first time. A failure is not kept: the next login
// asks again.
func (c *OIDCConfig) discover(ctx context.Context) (*oidcParty, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.party != nil {
		return c.party, nil
	}
	client := c.Client
	if client == nil {
		client = &http.Client{Timeout: oidcTimeout}
	}
	ctx, cancel := context.WithTimeout(ctx, oidcTimeout)
	defer cancel()
	p, err := oidc.NewProvider(oidc.ClientContext(ctx, client), c.Issuer)
	if err != nil {
		return nil, fmt.Errorf("oidc discovery: %w", err)
	}
	c.party = &oidcParty{
		oauth: oauth2.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret, Endpoint: p.Endpoint(),
			Scopes: []string{oidc.ScopeOpenID, "email", "profile"}},
		// Checks signature (by the provider's JWKS), issuer, audience and
		// expiry; the nonce is checked by the caller.
		verifier: p.Verifier(&oidc.Config{ClientID: c.ClientID}),
		client:   client,
	}
	return c.party, nil
}

// redirectURL is where the provider sends the browser back to.
func (c *OIDCConfig) redirectURL(r *http.Request) string {
	if c.BaseURL != "" {
		return strings.TrimRight(c.BaseURL, "/") + oidcCallbackPath
	}
	scheme := "http"
	if secureRequest(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host + oidcCallbackPath
}

// identity reads the account and its role from a verified ID token.
func (c *OIDCConfig) identity(tok *oidc.IDToken) (cdoatlas.OIDCIdentity, error) {
	var claims map[string]any
	if err := tok.Claims(&claims); err != nil {
		return cdoatlas.OIDCIdentity{}, err
	}
	id := cdoatlas.OIDCIdentity{Issuer: tok.Issuer, Subject: tok.Subject}
	id.Email, _ = claims["email"].(string)
	switch v := claims["email_verified"].(type) {
	case bool:
		id.EmailVerified = v
	case string: // some providers send "true"
		id.EmailVerified = v == "true"
	}
	claim := c.RoleClaim
	if claim == "" {
		claim = "roles"
	}
	var roles []string
	for _, name := range claimStrings(lookupClaim(claims, claim)) {
		if role, ok := c.Roles[name]; ok {
			roles = append(roles, role)
		}
	}
	id.Role = cdoatlas.HighestRole(roles...)
	return id, nil
}

// lookupClaim finds a claim by its name or, failing that, by a dotted path
// through nested objects.
func lookupClaim(claims map[string]any, path string) any {
	if v, ok := claims[path]; ok {
		return v
	}
	var v any = claims
	for part := range strings.SplitSeq(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[part]
	}
	return v
}

// claimStrings returns the strings of a claim that is a string or a list.
func claimStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// oidcFlow is what the callback must know of the login it ends. It lives
// in a short-lived, signed, HttpOnly cookie, so that any instance behind a
// load balancer can end the login.
type oidcFlow struct {
	State    string `json:"s"`
	Nonce    string `json:"n"`
	Verifier string `json:"v"` // PKCE code verifier
	Next     string `json:"r"` // the page to go on to
	Expires  int64  `json:"e"` // Unix seconds
}

func (s *site) registerOIDCRoutes() {
	s.get("/login/oidc", s.handleOIDCLogin)
	s.get(oidcCallbackPath, s.handleOIDCCallback)
}

// oidcLink is the link of the login page's button, "" when no provider is
// configured.
func (s *site) oidcLink(next string) string {
	if s.OIDC == nil {
		return ""
	}
	if next == "" || next == "/" {
		return "/login/oidc"
	}
	return "/login/oidc?" + url.Values{"next": {next}}.Encode()
}

// handleOIDCLogin sends the browser to the provider.
func (s *site) handleOIDCLogin(w http.ResponseWriter, r *http.Request) {
	c := s.OIDC
	if c == nil {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	next := localPath(r.URL.Query().Get("next"), "/")
	if userFrom(r.Context()) != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	party, err := c.discover(r.Context())
	if err != nil {
		s.oidcRefuse(w, r, http.StatusServiceUnavailable, "login.oidc_unavailable", err)
		return
	}
	f := oidcFlow{State: cdoatlas.NewToken(), Nonce: cdoatlas.NewToken(), Verifier: oauth2.GenerateVerifier(),
		Next: next, Expires: time.Now().Add(oidcFlowTime).Unix()}
	s.setOIDCFlow(w, r, f)
	cfg := party.oauth
	cfg.RedirectURL = c.redirectURL(r)
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, cfg.AuthCodeURL(f.State, oidc.Nonce(f.Nonce), oauth2.S256ChallengeOption(f.Verifier)), http.StatusFound)
}

// handleOIDCCallback ends a login at the provider: it checks the state,
// exchanges the code (with the PKCE verifier) for an ID token, verifies
// it and its nonce, maps the role and starts a session for the linked
// account. A refusal names what the visitor can do about it, never the
// cause, which goes to the log.
func (s *site) handleOIDCCallback(w http.ResponseWriter, r *http.Request) {
	c := s.OIDC
	if c == nil {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	f, ok := s.takeOIDCFlow(w, r)
	if !ok || subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(f.State)) != 1 {
		s.oidcRefuse(w, r, http.StatusBadRequest, "login.oidc_expired", errors.New("no login under way with this state"))
		return
	}
	if e := q.Get("error"); e != "" {
		s.oidcRefuse(w, r, http.StatusUnauthorized, "login.oidc_failed", fmt.Errorf("provider answered %.100q", e))
		return
	}
	party, err := c.discover(ctx)
	if err != nil {
		s.oidcRefuse(w, r, http.StatusServiceUnavailable, "login.oidc_unavailable", err)
		return
	}
	id, err := party.verify(ctx, c, r, q.Get("code"), f)
	if err != nil {
		s.oidcRefuse(w, r, http.StatusUnauthorized, "login.oidc_failed", err)
		return
	}
	if id.Role == "" {
		s.oidcRefuse(w, r, http.StatusForbidden, "login.oidc_no_role", fmt.Errorf("no mapped role for subject %q", id.Subject))
		return
	}
	u, err := s.Store.LoginOIDC(cdoatlas.WithActor(ctx, cdoatlas.Actor{Label: "oidc login"}), id)
	switch cdoatlas.ErrorCode(err) {
	case "":
		s.startSession(w, r, u, localPath(f.Next, "/"))
	case cdoatlas.ECONFLICT:
		s.oidcRefuse(w, r, http.StatusConflict, "login.oidc_email_taken", err)
	case cdoatlas.EINVALID:
		s.oidcRefuse(w, r, http.StatusUnprocessableEntity, "login.oidc_no_email", err)
	default:
		s.fail(w, r, err)
	}
}

// verify exchanges the code for tokens and returns the identity of the
// verified ID token.
func (p *oidcParty) verify(ctx context.Context, c *OIDCConfig, r *http.Request, code string, f oidcFlow) (cdoatlas.OIDCIdentity, error) {
	var id cdoatlas.OIDCIdentity
	if code == "" {
		return id, errors.New("no code")
	}
	ctx, cancel := context.WithTimeout(oidc.ClientContext(ctx, p.client), oidcTimeout)
	defer cancel()
	cfg := p.oauth
	cfg.RedirectURL = c.redirectURL(r)
	tok, err := cfg.Exchange(ctx, code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		return id, fmt.Errorf("code exchange: %w", err)
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok {
		return id, errors.New("no ID token")
	}
	idt, err := p.verifier.Verify(ctx, raw)
	if err != nil {
		return id, err
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(f.Nonce)) != 1 {
		return id, errors.New("ID token with another nonce")
	}
	return c.identity(idt)
}

// oidcRefuse shows the login page with the message key; cause goes to the
// log only.
func (s *site) oidcRefuse(w http.ResponseWriter, r *http.Request, status int, key string, cause error) {
	s.Logger.Warn("oidc login refused", "reason", key, "err", cause)
	v := &loginView{page: s.newPage(w, r, "login.title", "")}
	v.Nav = "login"
	// The language switch leads to the login page, not back to the
	// callback: its code and state are used up and must not show.
	v.LangURL = "/login?lang=" + v.LangCode
	v.HasErrors = true
	v.Error = v.T(key)
	v.Form = loginForm(&v.page, "", nil)
	v.OIDC = s.oidcLink("")
	s.render(w, r, status, "login", v)
}

// oidcFlowKey signs the flow cookie; it is derived from the CSRF key, which
// every instance shares.
func (s *site) oidcFlowKey() []byte {
	m := hmac.New(sha256.New, s.csrf.key)
	m.Write([]byte("oidc flow"))
	return m.Sum(nil)
}

func (s *site) signOIDCFlow(payload string) []byte {
	m := hmac.New(sha256.New, s.oidcFlowKey())
	m.Write([]byte(payload))
	return m.Sum(nil)
}

// setOIDCFlow hands the browser the flow cookie.
func (s *site) setOIDCFlow(w http.ResponseWriter, r *http.Request, f oidcFlow) {
	b, _ := json.Marshal(f)
	payload := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{
		Name:     oidcCookie,
		Value:    payload + "." + base64.RawURLEncoding.EncodeToString(s.signOIDCFlow(payload)),
		Path:     oidcCookiePath,
		MaxAge:   int(oidcFlowTime.Seconds()),
		HttpOnly: true,
		Secure:   secureRequest(r),
		// Lax: the provider sends the browser back by a top-level GET.
		SameSite: http.SameSiteLaxMode,
	})
}

// takeOIDCFlow returns the flow of the browser's cookie, if it is ours and
// not expired, and removes the cookie: a flow ends once.
func (s *site) takeOIDCFlow(w http.ResponseWriter, r *http.Request) (oidcFlow, bool) {
	var f oidcFlow
	c, err := r.Cookie(oidcCookie)
	if err != nil {
		return f, false
	}
	http.SetCookie(w, &http.Cookie{Name: oidcCookie, Value: "", Path: oidcCookiePath, MaxAge: -1,
		HttpOnly: true, Secure: secureRequest(r), SameSite: http.SameSiteLaxMode})
	payload, sig, _ := strings.Cut(c.Value, ".")
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(got, s.signOIDCFlow(payload)) {
		return f, false
	}
	b, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil || json.Unmarshal(b, &f) != nil || time.Now().Unix() > f.Expires || f.State == "" {
		return oidcFlow{}, false
	}
	return f, true
}
