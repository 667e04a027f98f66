// Package web serves the atlas: HTML pages in German and English, the JSON
// API under /api/v1, and the operational endpoints /healthz, /readyz and
// /metrics.
package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Server is the HTTP side of cdoatlas. Create it with New.
type Server struct {
	Store  cdoatlas.Store
	Logger *slog.Logger
	// Ping tells whether the database is reachable (for /readyz).
	Ping func(ctx context.Context) error
	// ReviewThreshold is the confidence below which automatic
	// classifications wait for review, as the store applies it; the review
	// page names it. 0 means classify.ReviewThreshold.
	ReviewThreshold float64
	// DisclosureK is the threshold of disclosure control on the public
	// statistics: counts below it are withheld. 0 means 3.
	DisclosureK int
	// OfferTime is how long a seat offered to a waitlisted applicant is
	// held; 0 means cdoatlas.DefaultOfferTime.
	OfferTime time.Duration
	// MetricsToken, when set, is a bearer token that may read /metrics.
	// Without it only admins may; a monitoring system that cannot log in
	// reads MetricsHandler on a separate, internal address instead.
	MetricsToken string
	// OIDC, when set, offers login through an organisation's OpenID
	// Connect provider beside local accounts (page_oidc.go).
	OIDC *OIDCConfig

	mux     *routeMux
	metrics *metrics
	handler http.Handler
	bg      *background
}

// New returns a server for store. ping may be nil. It marks the census
// import jobs of servers that stopped without saying so as interrupted,
// and deletes old jobs (census_import_job.go). Call Shutdown when done.
func New(store cdoatlas.Store, logger *slog.Logger, ping func(context.Context) error) *Server {
	if logger == nil {
		logger = slog.Default()
	}
	s := &Server{Store: store, Logger: logger, Ping: ping, mux: &routeMux{ServeMux: http.NewServeMux()}, metrics: newMetrics(), bg: newBackground()}
	if store != nil {
		ctx, cancel := context.WithTimeout(context.Background(), jobWriteTimeout)
		s.sweepImportJobs(ctx)
		cancel()
	}
	s.mux.HandleFunc("GET /healthz", s.handleHealthz)
	s.mux.HandleFunc("GET /readyz", s.handleReadyz)
	s.mux.HandleFunc("GET /metrics", s.handleMetrics)
	s.registerPageRoutes()
	s.registerAPIRoutes()
	s.handler = s.recoverPanics(s.metrics.instrument(s.logRequests(s.securityHeaders(s.authenticate(capturePattern(s.mux))))))
	return s
}

// routeMux is a ServeMux that remembers its patterns, so that tests can
// go through every route (the authorization matrix).
type routeMux struct {
	*http.ServeMux
	patterns []string
}

func (m *routeMux) Handle(pattern string, h http.Handler) {
	m.patterns = append(m.patterns, pattern)
	m.ServeMux.Handle(pattern, h)
}

func (m *routeMux) HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request)) {
	m.Handle(pattern, http.HandlerFunc(h))
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// MetricsHandler serves the metrics in the Prometheus text format to
// anyone: for a listener on an internal address (serve --metrics-addr).
func (s *Server) MetricsHandler() http.Handler { return s.metrics }

// handleMetrics serves /metrics on the public address to admins and to
// the holder of the metrics token only.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	if u := userFrom(r.Context()); !metricsReader(r.Context()) && (u == nil || u.Role != cdoatlas.UserAdmin) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="cdoatlas"`)
		http.Error(w, "metrics need an admin login or the metrics token", http.StatusUnauthorized)
		return
	}
	s.metrics.ServeHTTP(w, r)
}

func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.Ping != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.Ping(ctx); err != nil {
			s.Logger.Error("readiness check failed", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("database unreachable\n"))
			return
		}
	}
	w.Write([]byte("ready\n"))
}

// recoverPanics turns a panic into a logged 500 with a generic text: no
// panic and no internal detail reaches a user.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		level := slog.LevelDebug
		if rec.status >= 500 {
			level = slog.LevelWarn
		}
		s.Logger.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "duration", time.Since(start))
	})
}

func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// errorStatus maps an error code to its HTTP status.
var errorStatus = map[string]int{
	cdoatlas.ECONFLICT:     http.StatusConflict,
	cdoatlas.EINVALID:      http.StatusUnprocessableEntity,
	cdoatlas.ENOTFOUND:     http.StatusNotFound,
	cdoatlas.EUNAUTHORIZED: http.StatusUnauthorized,
	cdoatlas.EFORBIDDEN:    http.StatusForbidden,
	cdoatlas.EINTERNAL:     http.StatusInternalServerError,
}

// ErrorStatus returns the HTTP status for err.
func ErrorStatus(err error) int {
	if st, ok := errorStatus[cdoatlas.ErrorCode(err)]; ok {
		return st
	}
	return http.StatusInternalServerError
}

// logError logs internal errors as faults; other codes are the user's, and
// an error because the client went away is no fault either.
func (s *Server) logError(r *http.Request, err error) {
	if r.Context().Err() != nil {
		s.Logger.Debug("request ended by the client", "method", r.Method, "path", r.URL.Path, "err", err)
		return
	}
	if cdoatlas.ErrorCode(err) == cdoatlas.EINTERNAL {
		s.Logger.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}
