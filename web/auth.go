package web

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Cookie and header names.
const (
	sessionCookie = "cdoatlas_session"
)

type ctxKey int

const (
	userKey ctxKey = iota
	viaTokenKey
	metricsKey
)

// userFrom returns the logged-in user of the request, or nil.
func userFrom(ctx context.Context) *cdoatlas.User {
	u, _ := ctx.Value(userKey).(*cdoatlas.User)
	return u
}

// viaToken reports whether the user came with a bearer token (API) rather
// than a session cookie (browser).
func viaToken(ctx context.Context) bool {
	v, _ := ctx.Value(viaTokenKey).(bool)
	return v
}

// metricsReader reports whether the request came with the metrics token.
func metricsReader(ctx context.Context) bool {
	v, _ := ctx.Value(metricsKey).(bool)
	return v
}

// authenticate puts the user of a bearer token or a session cookie into the
// request context. A bad bearer token is refused at once with 401; a stale
// session cookie is ignored (the visitor is anonymous).
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if h := r.Header.Get("Authorization"); h != "" {
			token, ok := strings.CutPrefix(h, "Bearer ")
			token = strings.TrimSpace(token)
			if ok && s.MetricsToken != "" && r.URL.Path == "/metrics" &&
				subtle.ConstantTimeCompare([]byte(token), []byte(s.MetricsToken)) == 1 {
				next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, metricsKey, true)))
				return
			}
			u, err := s.Store.FindUserByAPIToken(ctx, token)
			if !ok || err != nil {
				if err != nil {
					s.logError(r, err)
				}
				w.Header().Set("WWW-Authenticate", `Bearer realm="cdoatlas"`)
				writeJSON(w, http.StatusUnauthorized, apiErrorBody{Error: "invalid bearer token", Code: cdoatlas.EUNAUTHORIZED})
				return
			}
			ctx = context.WithValue(ctx, userKey, u)
			ctx = context.WithValue(ctx, viaTokenKey, true)
		} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			if u, err := s.Store.FindUserBySession(ctx, c.Value); err == nil {
				ctx = context.WithValue(ctx, userKey, u)
			} else {
				s.logError(r, err)
			}
		}
		// Who changes what, for the audit log: the account, or the public.
		if u := userFrom(ctx); u != nil {
			ctx = cdoatlas.WithActor(ctx, cdoatlas.Actor{UserID: u.ID, Label: u.Email})
		} else {
			ctx = cdoatlas.WithActor(ctx, cdoatlas.Actor{Label: "public"})
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// apiErrorBody is the JSON form of an error.
type apiErrorBody struct {
	Error  string            `json:"error"`
	Code   string            `json:"code"`
	Fields map[string]string `json:"fields,omitempty"`
}
