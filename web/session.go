package web

import (
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// secureRequest reports whether the browser reached us over TLS, directly
// or through a proxy that says so; cookies are then marked Secure.
func secureRequest(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// sessionValue returns the raw session cookie of the request, or "".
func sessionValue(r *http.Request) string {
	if c, err := r.Cookie(sessionCookie); err == nil {
		return c.Value
	}
	return ""
}

// setSessionCookie hands the browser its session token.
func setSessionCookie(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    token,
		Path:     "/",
		MaxAge:   int(cdoatlas.SessionLifetime.Seconds()),
		HttpOnly: true,
		Secure:   secureRequest(r),
		SameSite: http.SameSiteLaxMode,
	})
}

// clearSessionCookie removes the session cookie from the browser.
func clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    "",
		Path:     "/",
		MaxAge:   -1,
		HttpOnly: true,
		Secure:   secureRequest(r),
		SameSite: http.SameSiteLaxMode,
	})
}

// clientIP is the address the request came from. Forwarding headers are
// not trusted: anyone can send them.
func clientIP(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// loginLimiter counts failed logins per key (a client address, or an
// address and an e-mail) and refuses further attempts for a while after
// too many: a brake on password guessing.
type loginLimiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	fails  map[string]*loginFailures
}

type loginFailures struct {
	count int
	until time.Time // the count is forgotten after this
}

func newLoginLimiter(max int, window time.Duration) *loginLimiter {
	return &loginLimiter{max: max, window: window, fails: map[string]*loginFailures{}}
}

// allowed reports whether key may try to log in now.
func (l *loginLimiter) allowed(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.fails[key]
	if f == nil || time.Now().After(f.until) {
		return true
	}
	return f.count < l.max
}

// failed records a failed attempt of key.
func (l *loginLimiter) failed(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if len(l.fails) > 10000 {
		for k, f := range l.fails {
			if now.After(f.until) {
				delete(l.fails, k)
			}
		}
	}
	f := l.fails[key]
	if f == nil || now.After(f.until) {
		f = &loginFailures{}
		l.fails[key] = f
	}
	f.count++
	f.until = now.Add(l.window)
}

// succeeded forgets the failures of key.
func (l *loginLimiter) succeeded(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, key)
}
