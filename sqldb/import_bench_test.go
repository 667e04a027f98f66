package sqldb_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// BenchmarkImportRegistry imports the synthetic registry (20 000
// organizations, 50 000 posts, 100 000 tenures; CDOATLAS_BENCH_SCALE=10
// divides that by ten) into a fresh database ("new") and then the same
// records again into the filled one ("again", which changes nothing), on
// SQLite and, with CDOATLAS_TEST_POSTGRES, on PostgreSQL. Run it once per
// size: go test -run '^$' -bench ImportRegistry -benchtime 1x ./sqldb/
func BenchmarkImportRegistry(b *testing.B) {
	div := 1
	if s := os.Getenv("CDOATLAS_BENCH_SCALE"); s != "" {
		div, _ = strconv.Atoi(s)
		div = max(div, 1)
	}
	for _, tc := range []struct {
		name string
		open func(testing.TB) *sqldb.DB
	}{
		{"sqlite", sqldbtest.Open},
		{"postgres", sqldbtest.OpenPostgres},
	} {
		b.Run(tc.name, func(b *testing.B) {
			orgs, posts, tenures := 20000/div, 50000/div, 100000/div
			for _, again := range []bool{false, true} {
				name := "new"
				if again {
					name = "again"
				}
				b.Run(name, func(b *testing.B) {
					for b.Loop() {
						b.StopTimer()
						db := tc.open(b)
						if again {
							if _, err := db.ImportRegistry(ctx, demo.Synthetic(1, orgs, posts, tenures)); err != nil {
								b.Fatal(err)
							}
						}
						recs := demo.Synthetic(1, orgs, posts, tenures)
						b.StartTimer()
						sum, err := db.ImportRegistry(ctx, recs)
						if err != nil {
							b.Fatal(err)
						}
						if again && sum.TenuresCreated != 0 || !again && sum.TenuresCreated != tenures {
							b.Fatalf("summary %+v", sum)
						}
					}
					b.ReportMetric(float64(len(demo.Synthetic(1, orgs, posts, tenures))), "records")
				})
			}
		})
	}
}
