package web

import (
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

func newCSRFGuard() *csrfGuard {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return &csrfGuard{key: key, origin: http.NewCrossOriginProtection()}
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

// valid reports whether a POST comes from our own form: not cross-site by
// the browser's word, and with the token that belongs to its cookies.
func (g *csrfGuard) valid(r *http.Request) bool {
	if err := g.origin.Check(r); err != nil {
		return false
	}
	c, err := r.Cookie(csrfCookie)
	if err != nil || c.Value == "" {
		return false
	}
	got := r.PostFormValue(csrfField)
	if got == "" {
		return false
	}
	want := g.sign(c.Value, sessionValue(r))
	return hmac.Equal([]byte(got), []byte(want))
}

// protect guards a state-changing handler: it caps the body, and answers
// a request without a valid CSRF token with a 403 page, changing nothing.
func (s *site) protect(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		if err := r.ParseForm(); err != nil {
			s.renderError(w, r, http.StatusBadRequest)
			return
		}
		if !s.csrf.valid(r) {
			s.Logger.Info("csrf check failed", "method", r.Method, "path", r.URL.Path)
			s.renderErrorText(w, r, http.StatusForbidden, "error.csrf")
			return
		}
		next(w, r)
	}
}
