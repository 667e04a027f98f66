package sqldb_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// BenchmarkCastBallotLastMinute measures casting a ballot while all 500
// members of a circle cast or change theirs at once, as in the last
// minute of a vote: each iteration is one such rush. It reports the
// latency of one CastBallot (p50, p99, max) over all rushes.
//
//	go test ./sqldb -run '^$' -bench CastBallotLastMinute -benchtime 20x
//
// with CDOATLAS_TEST_POSTGRES set for the PostgreSQL figures.
func BenchmarkCastBallotLastMinute(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchCastBallots(b, sqldbtest.Open(b)) })
	b.Run("postgres", func(b *testing.B) { benchCastBallots(b, sqldbtest.OpenPostgres(b)) })
}

func benchCastBallots(b *testing.B, db *sqldb.DB) {
	const members = 500
	ctx := context.Background()
	f := newVoteFixture(b, db, members)
	now := time.Now()
	v := f.newVote(b, db, true, now.Add(-time.Hour), now.Add(24*time.Hour))
	var lat []time.Duration
	var mu sync.Mutex
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		var wg sync.WaitGroup
		for j, m := range f.members {
			wg.Go(func() {
				r := cdoatlas.Ranks{{opt(v, (i+j)%4)}, {opt(v, (i+j+1)%4)}}
				start := time.Now()
				err := db.CastBallot(ctx, v.ID, m.ID, r)
				d := time.Since(start)
				if err != nil {
					b.Error(err)
				}
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			})
		}
		wg.Wait()
	}
	b.StopTimer()
	slices.Sort(lat)
	q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(q(0.5), "p50-ms")
	b.ReportMetric(q(0.99), "p99-ms")
	b.ReportMetric(q(1), "max-ms")
	b.ReportMetric(float64(len(lat))/b.Elapsed().Seconds(), "ballots/s")
}
