package sqldb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/jackc/pgx/v5"
)

// benchTerms are searched in turn: common syllables (many matches, the
// page fills early but the count scans), rare ones, folded spellings and
// one that matches nothing (the page scans everything, no count needed).
var benchTerms = []string{"berg", "Muenchen", "hausen 12", "KIRCHEN", "neu", "stadt 19", "xylophon", "bad", "dorf 7", "münchen",
	"oberfeld", "Sankt Au", "kleinbrück", "Hohenwald 1", "altingen 5"}

// openBenchSQLite opens a new SQLite database.
func openBenchSQLite(b *testing.B) *DB {
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// openBenchPostgres opens a new database on the server named by
// CDOATLAS_TEST_POSTGRES, dropped at the end, or skips. (The package
// sqldbtest does this for other tests, but it imports this package.)
func openBenchPostgres(b *testing.B) *DB {
	server := os.Getenv("CDOATLAS_TEST_POSTGRES")
	if server == "" {
		b.Skip("PostgreSQL benchmark skipped: set CDOATLAS_TEST_POSTGRES to a server DSN")
	}
	ctx := context.Background()
	u, err := url.Parse(server)
	if err != nil {
		b.Fatal(err)
	}
	name := fmt.Sprintf("cdoatlas_bench_%d", time.Now().UnixNano())
	serverExec := func(stmt string) error {
		conn, err := pgx.Connect(ctx, server)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, stmt)
		return err
	}
	if err := serverExec("CREATE DATABASE " + name); err != nil {
		b.Fatal(err)
	}
	u.Path = "/" + name
	db, err := Open(ctx, u.String())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		db.Close()
		if err := serverExec("DROP DATABASE " + name + " WITH (FORCE)"); err != nil {
			b.Error(err)
		}
	})
	return db
}

// fillBenchDB migrates db and fills it with n synthetic organizations and
// two posts for every organization, in one transaction.
func fillBenchDB(b *testing.B, db *DB, n int) *DB {
	b.Helper()
	ctx := context.Background()
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	var de []cdoatlas.Region
	for _, r := range cdoatlas.Regions {
		if strings.HasPrefix(r.Code, "DE-") {
			de = append(de, r)
		}
	}
	prefixes := []string{"", "", "Bad ", "Neu", "Alt", "Ober", "Unter", "Sankt ", "Hohen", "Klein"}
	roots := []string{"münchen", "berg", "dorf", "hausen", "stadt", "feld", "kirchen", "heim", "au", "brück", "wald", "ingen"}
	rng := rand.New(rand.NewPCG(1, 2))
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer t.rollback()
	for i := range n {
		r := de[rng.IntN(len(de))]
		root := roots[rng.IntN(len(roots))]
		name := fmt.Sprintf("%s%s%s %d", prefixes[rng.IntN(len(prefixes))], strings.ToUpper(root[:1]), root[1:], i)
		o := &cdoatlas.Organization{Name: name, Kind: cdoatlas.KindMunicipality, Country: "DE", Region: r.Code,
			OfficialCode: fmt.Sprintf("%s%06d", r.KeyPart, i), Population: ptr(int64(rng.IntN(600000))), PopulationDate: "2023-12-31"}
		if err := o.Validate(); err != nil {
			b.Fatal(err)
		}
		if err := createOrganization(ctx, t, o); err != nil {
			b.Fatal(err)
		}
		for j, role := range []string{cdoatlas.RoleCDO, cdoatlas.RoleCIO} {
			p := &cdoatlas.Post{OrganizationID: o.ID, Title: fmt.Sprintf("Post %d", j), Role: role, CDOCheck: "unknown", Confidence: 1, Review: cdoatlas.ReviewManual}
			if err := createPost(ctx, t, p); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := t.commit(); err != nil {
		b.Fatal(err)
	}
	if db.dialect == Postgres {
		if _, err := db.wdb.ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

func ptr[T any](v T) *T { return &v }

// BenchmarkFindOrganizationsSearch lists the first page (50) of
// organizations matching a search term among 20 000, with the total, as the
// organization index page and the API do: "serial" one search after the
// other, "parallel32" 32 at once, with the median, 99th percentile and
// maximum latency. The plain runs cycle through a few terms (so their
// counts come from the count cache after the first round); the "varied-"
// runs through 5000 pieces of names.
func BenchmarkFindOrganizationsSearch(b *testing.B) {
	benchmarkSearch(b, fillBenchDB(b, openBenchSQLite(b), 20000))
}

// BenchmarkFindOrganizationsSearchPostgres is the same on PostgreSQL.
func BenchmarkFindOrganizationsSearchPostgres(b *testing.B) {
	benchmarkSearch(b, fillBenchDB(b, openBenchPostgres(b), 20000))
}

func benchmarkSearch(b *testing.B, db *DB) {
	ctx := context.Background()
	// Varied terms: 5000 pieces of stored names, three to ten letters long,
	// as users type them; few repeat, so cached counts rarely help.
	var varied []string
	rng := rand.New(rand.NewPCG(3, 4))
	orgs, _, err := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{})
	if err != nil {
		b.Fatal(err)
	}
	for range 5000 {
		name := []rune(orgs[rng.IntN(len(orgs))].Name)
		n := min(len(name), 3+rng.IntN(8))
		i := rng.IntN(len(name) - n + 1)
		varied = append(varied, string(name[i:i+n]))
	}
	for _, tc := range []struct {
		name  string
		terms []string
	}{
		{"", benchTerms},
		{"varied-", varied},
	} {
		search := func(i int) time.Duration {
			start := time.Now()
			list, total, err := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Q: tc.terms[i%len(tc.terms)], Limit: 50})
			if err != nil || len(list) > total {
				b.Fatalf("search: %d of %d, %v", len(list), total, err)
			}
			return time.Since(start)
		}
		b.Run(tc.name+"serial", func(b *testing.B) {
			var lat []time.Duration
			for i := 0; b.Loop(); i++ {
				lat = append(lat, search(i))
			}
			reportLatencies(b, lat)
		})
		b.Run(tc.name+"parallel32", func(b *testing.B) {
			var mu sync.Mutex
			var lat []time.Duration
			b.SetParallelism(max(1, 32/runtime.GOMAXPROCS(0)))
			var next int64
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					mu.Lock()
					next++
					i := int(next)
					mu.Unlock()
					mine = append(mine, search(i))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			reportLatencies(b, lat)
		})
	}
}

// reportLatencies adds the median, 99th percentile and maximum latency.
func reportLatencies(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
	b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
}
