package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// uncachedStore hides the registry version, so every request renders.
type uncachedStore struct{ cdoatlas.Store }

// BenchmarkOrganizationIndex measures the organization list with a search
// term as an anonymous visitor, rendered every time (no page cache) and
// served from the page cache. 2 000 synthetic organizations.
func BenchmarkOrganizationIndex(b *testing.B) {
	db := sqldbtest.Open(b)
	if _, err := db.ImportRegistry(context.Background(), demo.Synthetic(1, 2000, 3000, 4000)); err != nil {
		b.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, tc := range []struct {
		name string
		srv  *Server
	}{
		{"rendered", New(uncachedStore{db}, logger, nil)},
		{"cached", New(db, logger, nil)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				w := httptest.NewRecorder()
				tc.srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/organizations?q=hausen", nil))
				if w.Code != http.StatusOK {
					b.Fatalf("status %d", w.Code)
				}
			}
		})
	}
}
