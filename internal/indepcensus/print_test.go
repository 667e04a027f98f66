package indepcensus

import (
	"encoding/json"
	"os"
	"testing"
	"time"
)

// TestPrintFigures prints the truth of the default data sets when INDEPCENSUS_PRINT is set.
func TestPrintFigures(t *testing.T) {
	out := os.Getenv("INDEPCENSUS_PRINT")
	if out == "" {
		t.Skip("set INDEPCENSUS_PRINT=DIR to write and print the default data sets")
	}
	t0 := time.Now()
	tr, err := GenerateExport(Options{People: 2000, Waves: 5, Seed: 1, NoiseRows: 20000}, out+"/export")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("export in %v", time.Since(t0))
	b, _ := json.Marshal(tr.Waves)
	t.Logf("export: %s", b)
	{
		fn := GeneratePress
		tr, err = fn(Options{People: 300, Waves: 5, Seed: 2}, out+"/press")
		if err != nil {
			t.Fatal(err)
		}
		b, _ = json.Marshal(tr.Waves)
		t.Logf("press: %s", b)
	}
	{
		fn := HandWritten
		tr, err = fn(out + "/hand")
		if err != nil {
			t.Fatal(err)
		}
		b, _ = json.Marshal(tr.Waves)
		t.Logf("hand: %s", b)
	}
}
