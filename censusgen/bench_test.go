package censusgen_test

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas/censusgen"
)

// TestMillionRows writes a census of a million rows over five waves, as a
// load test of the import would use, and logs how long it took and how
// much memory the process took from the system (rows are streamed to the
// files, so that stays small). Skipped with -short.
func TestMillionRows(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a million rows; skipped with -short")
	}
	dir := t.TempDir()
	start := time.Now()
	truth, err := censusgen.Generate(censusgen.Options{People: 1000, Waves: 5, Seed: 1, Rows: 1_000_000}, dir)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if truth.Rows != 1_000_000 {
		t.Errorf("%d rows, want 1000000", truth.Rows)
	}
	var size int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			size += info.Size()
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%d rows (%d tracked) in %d files, %d MB, in %v; memory from the system %d MB",
		truth.Rows, truth.TrackedRows, len(entries), size>>20, took.Round(time.Millisecond), ms.Sys>>20)
}

func BenchmarkGenerate(b *testing.B) {
	const rows = 100_000
	dir := b.TempDir()
	for b.Loop() {
		if _, err := censusgen.Generate(censusgen.Options{People: 500, Waves: 5, Seed: 1, Rows: rows}, dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
