package census_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusgen"
	"github.com/cdoatlas/cdoatlas/censusio"
	"github.com/cdoatlas/cdoatlas/registryio"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// BenchmarkImportObservations reads and imports generated waves of
// 100 000 rows in all (as `cdoatlas import observations --wave W FILE…`
// does, one wave at a time with all its files) into a fresh SQLite
// database per iteration; ns/op is per run, and rows/s counts all rows.
func BenchmarkImportObservations(b *testing.B) {
	dir := b.TempDir()
	if _, err := censusgen.Generate(censusgen.Options{People: 2000, Waves: 5, Seed: 1, Rows: 100000}, dir); err != nil {
		b.Fatal(err)
	}
	wf, _ := os.Open(filepath.Join(dir, "waves.csv"))
	rows, _ := csv.NewReader(wf).ReadAll()
	wf.Close()
	ctx := context.Background()
	total := 0
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		db := sqldbtest.Open(b)
		f, _ := os.Open(filepath.Join(dir, "registry.csv"))
		recs, err := registryio.ReadRegistry(f, "registry.csv")
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.ImportRegistry(ctx, recs); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		total = 0
		for i := 1; i < len(rows); {
			wave, date := rows[i][0], rows[i][1]
			var obs []cdoatlas.Observation
			for ; i < len(rows) && rows[i][0] == wave; i++ {
				file, _ := os.Open(filepath.Join(dir, rows[i][3]))
				o, _, err := censusio.Read(ctx, file, rows[i][3])
				file.Close()
				if err != nil {
					b.Fatal(err)
				}
				for j := range o {
					o[j].Source = rows[i][2]
				}
				obs = append(obs, o...)
			}
			total += len(obs)
			imp := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: wave, Date: cdoatlas.PartialDate(date)}, Rows: obs}
			if _, err := db.ImportObservations(ctx, imp); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
