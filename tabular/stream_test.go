package tabular

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// scanAll reads data with Scan in blocks of the given size.
func scanAll(t *testing.T, data []byte, block int) ([]record, []cdoatlas.LineError, error) {
	t.Helper()
	defer func(b int) { streamBlock = b }(streamBlock)
	streamBlock = block
	var recs []record
	var bad []cdoatlas.LineError
	err := Scan(context.Background(), bytes.NewReader(data), "s.csv", func(line int, cells []string) error {
		recs = append(recs, record{line: line, cells: append([]string(nil), cells...)})
		return nil
	}, func(e cdoatlas.LineError) {
		bad = append(bad, e)
	})
	return recs, bad, err
}

// parseAll reads data whole, as ReadCSV does before building the table.
func parseAll(data []byte) ([]record, []cdoatlas.LineError, bool) {
	errs := &cdoatlas.FileErrorList{}
	s, ok := decodeText(data, errs)
	if !ok || binaryLine(s) > 0 {
		return nil, nil, false
	}
	p := &csvParser{s: s, line: 1, delim: detectDelimiter(s), errs: errs}
	recs := p.parse()
	var problems []cdoatlas.LineError
	if err := errs.Err(); err != nil {
		problems = err.(cdoatlas.FileErrors)
	}
	return recs, problems, true
}

// checkScan compares Scan in small blocks with reading the file whole.
func checkScan(t *testing.T, data []byte) {
	wantRecs, wantBad, ok := parseAll(data)
	for _, block := range []int{1, 7, 64, 4 << 20} {
		recs, bad, err := scanAll(t, data, block)
		if !ok {
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) {
				t.Fatalf("block %d: error %v, want FileErrors", block, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("block %d: %v", block, err)
		}
		if len(recs) != len(wantRecs) || len(recs) > 0 && !reflect.DeepEqual(recs, wantRecs) {
			t.Fatalf("block %d: records\n%+v\nwant\n%+v", block, recs, wantRecs)
		}
		if len(wantBad) <= MaxErrors && fmt.Sprint(bad) != fmt.Sprint(wantBad) {
			t.Fatalf("block %d: problems\n%v\nwant\n%v", block, bad, wantBad)
		}
	}
}

func TestScanLikeReadCSV(t *testing.T) {
	for i, s := range csvSeeds {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkScan(t, []byte(s)) })
	}
	checkScan(t, []byte("\"a\nb\",c;d\n1,2\n"))
	checkScan(t, []byte("a,b\r\n1,\"x\r\ny\"\r\n2,3"))
}

func FuzzScan(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, oleMagic) {
			return
		}
		checkScan(t, data)
	})
}

func TestScanStopsOnContext(t *testing.T) {
	data := []byte("a,b\n" + strings.Repeat("1,2\n", 100000))
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Scan(ctx, bytes.NewReader(data), "c.csv", func(int, []string) error {
		if n++; n == 10 {
			cancel()
		}
		return nil
	}, func(cdoatlas.LineError) {})
	if !errors.Is(err, context.Canceled) || n > 10+ctxEvery {
		t.Errorf("error %v after %d records", err, n)
	}
}

func TestScanTooLarge(t *testing.T) {
	defer func(n int64) { maxStreamSize = n }(maxStreamSize)
	maxStreamSize = 100
	err := Scan(context.Background(), strings.NewReader("a,b\n"+strings.Repeat("1,2\n", 100)), "l.csv",
		func(int, []string) error { return nil }, func(cdoatlas.LineError) {})
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("error %v", err)
	}
}
