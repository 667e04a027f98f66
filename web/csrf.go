package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Every state-changing form carries a CSRF token in a hidden field. The
// token is an HMAC, under a key only the server knows, of a random value
// kept in an HttpOnly cookie (double submit) and of the session cookie, so
// a token is good only for the browser and the login it was made for.
// Requests that browsers mark as cross-site are refused before that.
const (
	csrfCookie = "cdoatlas_csrf"
	csrfField  = "csrf_token"
	// maxFormBytes caps a form body; our forms are far smaller.
	maxFormBytes = 1 << 20
)

// csrfGuard makes and checks CSRF tokens.
type csrfGuard struct {
	key    []byte
	origin *http.CrossOriginProtection
}

// newCSRFGuard returns a guard signing with key; every instance behind a
// load balancer must use the same (csrfKey).
func newCSRFGuard(key []byte) *csrfGuard {
	return &csrfGuard{key: key, origin: http.NewCrossOriginProtection()}
}

// csrfKey is the key CSRF tokens are signed with, shared through the
// database by all instances. Without a database, or when it cannot be
// read at start, the key is random: forms then work with this instance
// only, and the log says so.
func (s *Server) csrfKey() []byte {
	if s.Store != nil {
		ctx, cancel := context.WithTimeout(context.Background(), jobWriteTimeout)
		defer cancel()
		key, err := s.Store.ServerSecret(ctx, "csrf", 32)
		if err == nil && len(key) >= 32 {
			return key
		}
		s.Logger.Error("csrf key: cannot read the shared key; forms will work with this instance only", "err", err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return key
}

// token returns the token for forms on the page being rendered, and sets
// the CSRF cookie when the browser has none yet.
func (g *csrfGuard) token(w http.ResponseWriter, r *http.Request) string {
	seed := ""
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
		seed = c.Value
	} else {
		seed = cdoatlas.NewToken()
		http.SetCookie(w, &http.Cookie{
			Name:     csrfCookie,
			Value:    seed,
			Path:     "/",
			MaxAge:   int((30 * 24 * time.Hour).Seconds()),
			HttpOnly: true,
			Secure:   secureRequest(r),
			SameSite: http.SameSiteLaxMode,
		})
		// Later tokens of this request must use the same seed.
		r.AddCookie(&http.Cookie{Name: csrfCookie, Value: seed})
	}
	return g.sign(seed, sessionValue(r))
}

func (g *csrfGuard) sign(seed, session string) string {
	mac := hmac.New(sha256.New, g.key)
	mac.Write([]byte(seed))
	mac.Write([]byte{0})
	mac.Write([]byte(session))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// plausible is what can be checked of a form POST before its body is read:
// it is not cross-site by the browser's word, it carries the CSRF cookie,
// and it comes from a browser session, not with an API token (forms are no
// way around the API's rules; a token cannot make tokens).
func (g *csrfGuard) plausible(r *http.Request) bool {
	if g.origin.Check(r) != nil || viaToken(r.Context()) {
		return false
	}
	c, err := r.Cookie(csrfCookie)
	return err == nil && c.Value != ""
}

// valid reports whether got is the token that belongs to the request's
// cookies.
func (g *csrfGuard) valid(r *http.Request, got string) bool {
	c, err := r.Cookie(csrfCookie)
	if err != nil || c.Value == "" || got == "" {
		return false
	}
	want := g.sign(c.Value, sessionValue(r))
	return hmac.Equal([]byte(got), []byte(want))
}

// protect guards a state-changing handler: it refuses a cross-site request
// or one without the CSRF cookie before reading the body, caps the body,
// and answers a request without a valid CSRF token with a 403 page,
// changing nothing.
func (s *site) protect(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.csrf.plausible(r) {
			s.csrfFailed(w, r)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		if err := r.ParseForm(); err != nil {
			s.renderError(w, r, http.StatusBadRequest)
			return
		}
		if !s.csrf.valid(r, r.PostForm.Get(csrfField)) {
			s.csrfFailed(w, r)
			return
		}
		next(w, r)
	}
}

// csrfFailed answers a form POST that failed the CSRF check.
func (s *site) csrfFailed(w http.ResponseWriter, r *http.Request) {
	s.Logger.Info("csrf check failed", "method", r.Method, "path", r.URL.Path)
	s.renderErrorText(w, r, http.StatusForbidden, "error.csrf")
}
