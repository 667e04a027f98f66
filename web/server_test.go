package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestOperationalEndpoints(t *testing.T) {
	db := sqldbtest.Open(t)
	var down error
	srv := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), func(ctx context.Context) error {
		if down != nil {
			return down
		}
		return db.Ping(ctx)
	})
	srv.MetricsToken = "metrics-secret-0123456789"
	getAs := func(path, bearer string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, path, nil)
		if bearer != "" {
			r.Header.Set("Authorization", "Bearer "+bearer)
		}
		srv.ServeHTTP(w, r)
		return w
	}
	get := func(path string) *httptest.ResponseRecorder { return getAs(path, "") }
	if w := get("/healthz"); w.Code != http.StatusOK {
		t.Errorf("/healthz: %d", w.Code)
	}
	if w := get("/readyz"); w.Code != http.StatusOK {
		t.Errorf("/readyz with the database up: %d", w.Code)
	}
	down = errors.New("dial tcp 127.0.0.1:5432: connection refused")
	w := get("/readyz")
	if w.Code != http.StatusServiceUnavailable || strings.Contains(w.Body.String(), "5432") {
		t.Errorf("/readyz with the database down: %d %q (want 503 without detail)", w.Code, w.Body)
	}
	get("/organizations?q=ulm")
	get("/no-such-page")
	// /metrics is not public: it needs the metrics token (or an admin).
	for _, bearer := range []string{"", "wrong", "metrics-secret-012345678"} {
		if w := getAs("/metrics", bearer); w.Code != http.StatusUnauthorized || strings.Contains(w.Body.String(), "cdoatlas_http") {
			t.Errorf("/metrics with bearer %q: %d, want 401 without figures", bearer, w.Code)
		}
	}
	// The metrics token opens nothing else.
	if w := getAs("/api/v1/organizations", srv.MetricsToken); w.Code != http.StatusUnauthorized {
		t.Errorf("metrics token on the API: %d, want 401", w.Code)
	}
	// The separate handler for an internal address serves anyone.
	internal := httptest.NewRecorder()
	srv.MetricsHandler().ServeHTTP(internal, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if !strings.Contains(internal.Body.String(), "cdoatlas_uptime_seconds") {
		t.Errorf("metrics handler: %d %q", internal.Code, internal.Body)
	}
	metrics := getAs("/metrics", srv.MetricsToken).Body.String()
	for _, want := range []string{
		`cdoatlas_http_requests_total{method="GET",route="/organizations",status="200"} 1`,
		`cdoatlas_http_requests_total{method="GET",route="/readyz",status="503"} 1`,
		`cdoatlas_http_requests_total{method="GET",route="/",status="404"} 1`,
		`cdoatlas_http_request_duration_seconds_count{route="/organizations"} 1`,
		"# TYPE cdoatlas_http_request_duration_seconds histogram",
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s:\n%s", want, metrics)
		}
	}
}
