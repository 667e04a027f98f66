package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"runtime"
	"strings"
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

// attemptLimit brakes password guessing and form flooding: it counts the
// attempts per key (a client address, or an address and an e-mail) in the
// database, so that every instance behind a load balancer counts alike,
// and refuses an attempt beyond max within window. An attempt is counted
// before any costly work is done for it.
type attemptLimit struct {
	prefix string // names the limit's counters
	max    int
	window time.Duration
}

// Attempt limits (issue #10): 10 logins per address and e-mail and 100 per
// address in 15 minutes, 20 applications per address in an hour.
var (
	loginLimit   = attemptLimit{prefix: "login:", max: 10, window: 15 * time.Minute}
	loginIPLimit = attemptLimit{prefix: "login-ip:", max: 100, window: 15 * time.Minute}
	applyLimit   = attemptLimit{prefix: "apply:", max: 20, window: time.Hour}
)

// attempt counts an attempt of key and reports whether it is within the
// limit.
func (s *Server) attempt(ctx context.Context, l attemptLimit, key string) (bool, error) {
	n, err := s.Store.CountAttempt(ctx, l.prefix+key, 1, l.window)
	return n <= l.max, err
}

// attemptBy counts an attempt under key (an e-mail address, or an address
// and e-mail) and under the client's address, and reports whether it is
// within both limits. Both are counted either way, so that one cannot be
// used up behind the other's back.
func (s *Server) attemptBy(r *http.Request, perKey attemptLimit, key string, perIP attemptLimit) (bool, error) {
	okKey, err := s.attempt(r.Context(), perKey, key)
	okIP, err2 := s.attempt(r.Context(), perIP, clientIP(r))
	return okKey && okIP, errors.Join(err, err2)
}

// forgive takes back n attempts of key (all of them when n < 0), after a
// login that succeeded.
func (s *Server) forgive(ctx context.Context, l attemptLimit, key string, n int) error {
	if n < 0 {
		n = 1 << 30
	}
	_, err := s.Store.CountAttempt(ctx, l.prefix+key, -n, l.window)
	return err
}

// gate bounds costly work done at once: password hashes (each takes
// 64 MiB with Argon2id, so parallel logins must not each get one) and
// large downloads. A request waits for a free slot for up to wait, then
// is refused (429 or 503).
type gate struct {
	slots chan struct{}
	wait  time.Duration
}

func newGate(slots int, wait time.Duration) *gate {
	return &gate{slots: make(chan struct{}, slots), wait: wait}
}

// hashWait is how long a login waits for a password check.
const hashWait = 5 * time.Second

// concurrentHashes is how many password checks run at once: one per two
// cores, as each check runs on two (argonThreads). More at once would
// finish no sooner, and each holds its 64 MiB.
func concurrentHashes() int { return max(1, runtime.GOMAXPROCS(0)/2) }

// enter waits for a slot; it returns false when none came in time or the
// request ended.
func (g *gate) enter(ctx context.Context) bool {
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

func (g *gate) leave() { <-g.slots }
