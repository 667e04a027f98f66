package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// outreachRegistries are the registries the outreach benchmark runs on:
// the demo data, and the demo data with nine times as much synthetic data
// beside it (ten times the organizations, posts and tenures).
func outreachRegistries(tb testing.TB) []struct {
	name    string
	records []cdoatlas.RegistryRecord
} {
	tb.Helper()
	recs, err := demo.Records()
	if err != nil {
		tb.Fatal(err)
	}
	orgs, posts, tenures := map[string]bool{}, map[string]bool{}, 0
	for _, r := range recs {
		orgs[r.Organization.Name] = true
		if r.Post != nil {
			posts[r.Organization.Name+"|"+r.Post.Title] = true
		}
		if r.Tenure != nil {
			tenures++
		}
	}
	big := append(append([]cdoatlas.RegistryRecord{}, recs...), demo.Synthetic(7, 9*len(orgs), 9*len(posts), 9*tenures)...)
	return []struct {
		name    string
		records []cdoatlas.RegistryRecord
	}{{"demo", recs}, {"demo×10", big}}
}

// outreachBench is a server on a registry with a network, its
// coordinator's session, and the outreach list's path.
type outreachBench struct {
	db      *sqldb.DB
	srv     *Server
	session string
	path    string
}

func newOutreachBench(tb testing.TB, records []cdoatlas.RegistryRecord) *outreachBench {
	tb.Helper()
	ctx := context.Background()
	db := sqldbtest.Open(tb)
	if _, err := db.ImportRegistry(ctx, records); err != nil {
		tb.Fatal(err)
	}
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := db.CreateNetwork(ctx, n); err != nil {
		tb.Fatal(err)
	}
	u := &cdoatlas.User{Email: "admin@example.org", Role: cdoatlas.UserAdmin}
	if err := db.CreateUser(ctx, u, pagePassword); err != nil {
		tb.Fatal(err)
	}
	session, err := db.CreateSession(ctx, u.ID)
	if err != nil {
		tb.Fatal(err)
	}
	srv := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	tb.Cleanup(func() { srv.Shutdown(ctx) })
	return &outreachBench{db: db, srv: srv, session: session, path: fmt.Sprintf("/networks/%d/outreach", n.ID)}
}

// get renders the outreach list and returns the statements it ran.
func (o *outreachBench) get(tb testing.TB, query string) int64 {
	before := o.db.Statements()
	r := httptest.NewRequest(http.MethodGet, o.path+query, nil)
	r.AddCookie(&http.Cookie{Name: sessionCookie, Value: o.session})
	w := httptest.NewRecorder()
	o.srv.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		tb.Fatalf("%s%s: status %d", o.path, query, w.Code)
	}
	return o.db.Statements() - before
}

// BenchmarkOutreach renders a network's outreach list (first page, all
// groups) for an admin, on the demo registry and on one ten times its
// size, and reports the SQL statements a render runs.
//
//	go test ./web -run '^$' -bench BenchmarkOutreach -benchtime 2s
func BenchmarkOutreach(b *testing.B) {
	for _, reg := range outreachRegistries(b) {
		b.Run(reg.name, func(b *testing.B) {
			o := newOutreachBench(b, reg.records)
			var statements int64
			for b.Loop() {
				statements += o.get(b, "")
			}
			b.ReportMetric(float64(statements)/float64(b.N), "statements/op")
		})
	}
}

// TestPageOutreachStatements: the outreach list costs the same number of
// SQL statements however many posts the registry holds (no query per row).
func TestPageOutreachStatements(t *testing.T) {
	small := newOutreachBench(t, demo.Synthetic(3, 20, 30, 30))
	large := newOutreachBench(t, demo.Synthetic(3, 200, 300, 300))
	for _, q := range []string{"", "?group=women", "?format=csv"} {
		if s, l := small.get(t, q), large.get(t, q); s != l || l > 10 {
			t.Errorf("outreach%s: %d statements with 30 posts, %d with 300", q, s, l)
		}
	}
}
