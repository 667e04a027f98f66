package web

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// metrics counts requests and their durations per route pattern and
// status, and serves them in the Prometheus text format.
type metrics struct {
	mu        sync.Mutex
	requests  map[[3]string]uint64 // method, route, status
	durations map[string]*histogram
	started   time.Time
}

var durationBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	count  uint64
}

func newMetrics() *metrics {
	return &metrics{requests: map[[3]string]uint64{}, durations: map[string]*histogram{}, started: time.Now()}
}

func (m *metrics) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		route := ""
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), patternKey, &route)))
		if route == "" {
			route = "unmatched"
		}
		if i := strings.IndexByte(route, ' '); i >= 0 {
			route = route[i+1:]
		}
		m.observe(r.Method, route, rec.status, time.Since(start).Seconds())
	})
}

func (m *metrics) observe(method, route string, status int, seconds float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[3]string{method, route, strconv.Itoa(status)}]++
	h := m.durations[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(durationBuckets))}
		m.durations[route] = h
	}
	for i, b := range durationBuckets {
		if seconds <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += seconds
	h.count++
}

func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	fmt.Fprintln(w, "# HELP cdoatlas_http_requests_total HTTP requests by method, route and status.")
	fmt.Fprintln(w, "# TYPE cdoatlas_http_requests_total counter")
	keys := make([][3]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return strings.Join(keys[i][:], " ") < strings.Join(keys[j][:], " ") })
	for _, k := range keys {
		fmt.Fprintf(w, "cdoatlas_http_requests_total{method=%q,route=%q,status=%q} %d\n", k[0], k[1], k[2], m.requests[k])
	}
	fmt.Fprintln(w, "# HELP cdoatlas_http_request_duration_seconds HTTP request durations by route.")
	fmt.Fprintln(w, "# TYPE cdoatlas_http_request_duration_seconds histogram")
	routes := make([]string, 0, len(m.durations))
	for r := range m.durations {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, route := range routes {
		h := m.durations[route]
		var cum uint64
		for i, b := range durationBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "cdoatlas_http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", route, strconv.FormatFloat(b, 'g', -1, 64), cum)
		}
		fmt.Fprintf(w, "cdoatlas_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", route, h.count)
		fmt.Fprintf(w, "cdoatlas_http_request_duration_seconds_sum{route=%q} %g\n", route, h.sum)
		fmt.Fprintf(w, "cdoatlas_http_request_duration_seconds_count{route=%q} %d\n", route, h.count)
	}
	fmt.Fprintln(w, "# HELP cdoatlas_uptime_seconds Seconds since the server started.")
	fmt.Fprintln(w, "# TYPE cdoatlas_uptime_seconds gauge")
	fmt.Fprintf(w, "cdoatlas_uptime_seconds %g\n", time.Since(m.started).Seconds())
}

type patternKeyType struct{}

var patternKey patternKeyType

// capturePattern reports the route pattern that the mux matched back to
// instrument, which sees only a copy of the request.
func capturePattern(mux http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if p, ok := r.Context().Value(patternKey).(*string); ok {
			*p = r.Pattern
		}
	})
}
