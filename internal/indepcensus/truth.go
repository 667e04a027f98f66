// Package indepcensus writes census test data (observation files) together with the
// figures a correct resolver must publish for them. It is written independently of the
// resolver: the ground truth is kept by the generators, never derived from the product.
//
// Three sources of data:
//   - GenerateExport: LinkedIn/XING-style exports at scale, real places from the embedded
//     sample of the reference data (places/), many written forms per organization.
//   - GeneratePress: press reviews and self-registrations (Excel lists), a different style.
//   - HandWritten: a few dozen rows written by hand, one hard case after the other, with a
//     hand-computed truth.
package indepcensus

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"
)

// Options scale a generator. People is the number of tracked digital leaders, roughly the
// number of CDOs per wave; NoiseRows the number of filler rows per wave on top.
type Options struct {
	People, Waves int
	Seed          int64
	NoiseRows     int
}

// Figures are the census figures of one wave (DESIGN §4).
type Figures struct {
	Wave      string         `json:"wave"`
	Date      string         `json:"date"`
	CDOs      int            `json:"cdos"`
	Entries   int            `json:"entries"`
	Exits     int            `json:"exits"`
	Stayed    int            `json:"stayed"`
	Moved     int            `json:"moved"`
	ByCountry map[string]int `json:"by_country"`
	ByRegion  map[string]int `json:"by_region"`
}

// Truth is what a correct resolver publishes for the written files.
type Truth struct {
	Generator string     `json:"generator"`
	Waves     []Figures  `json:"waves"`
	Files     []WaveFile `json:"files"`
}

// WaveFile is one observation file; Path is relative to the output directory.
type WaveFile struct {
	Wave   string `json:"wave"`
	Date   string `json:"date"`
	Source string `json:"source"`
	Path   string `json:"path"`
	// Rows names the person and organization of each data row, in order
	// (the export and press generators), for diagnostics.
	Rows []RowTruth `json:"-"`
}

// RowTruth is the true person and organization of a written row.
type RowTruth struct {
	Person, Org string
	CDO         bool
}

// counted[w][personID] = set of organization IDs where the person holds a CDO title in wave w.
type countedWave map[string]map[string]bool

// figures computes the census figures from the ground truth. orgOf resolves an
// organization id to its country and region.
func figures(waves, dates []string, counted []countedWave, place func(orgID string) (country, region string)) []Figures {
	out := make([]Figures, len(waves))
	for w := range waves {
		f := Figures{Wave: waves[w], Date: dates[w], ByCountry: map[string]int{}, ByRegion: map[string]int{}}
		cur := counted[w]
		f.CDOs = len(cur)
		for p, orgs := range cur {
			countries, regions := map[string]bool{}, map[string]bool{}
			for o := range orgs {
				c, r := place(o)
				countries[c] = true
				regions[r] = true
			}
			for c := range countries {
				f.ByCountry[c]++
			}
			for r := range regions {
				f.ByRegion[r]++
			}
			if w == 0 {
				f.Entries++
				continue
			}
			prev, ok := counted[w-1][p]
			if !ok {
				f.Entries++
				continue
			}
			f.Stayed++
			if !sameSet(prev, orgs) {
				f.Moved++
			}
		}
		if w > 0 {
			for p := range counted[w-1] {
				if _, ok := cur[p]; !ok {
					f.Exits++
				}
			}
		}
		out[w] = f
	}
	return out
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// ---- writing files ----

type csvFile struct {
	sep    rune
	bom    bool
	crlf   bool
	cp1252 bool // Windows-1252 instead of UTF-8
	header []string
	rows   [][]string
}

func (f *csvFile) bytes() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = f.sep
	w.UseCRLF = f.crlf
	if err := w.Write(f.header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(f.rows); err != nil {
		return nil, err
	}
	out := b.Bytes()
	if f.cp1252 {
		enc := make([]byte, 0, len(out))
		for len(out) > 0 {
			r, n := utf8.DecodeRune(out)
			out = out[n:]
			switch {
			case r < 0x80 || (r >= 0xA0 && r <= 0xFF):
				enc = append(enc, byte(r))
			case r == '€':
				enc = append(enc, 0x80)
			case r == '–':
				enc = append(enc, 0x96)
			default:
				enc = append(enc, '?')
			}
		}
		return enc, nil
	}
	if f.bom {
		return append([]byte("\uFEFF"), out...), nil
	}
	return out, nil
}

func writeFile(dir, rel string, data []byte) error {
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// writeTruth writes truth.json and waves.csv.
func writeTruth(dir string, t *Truth) error {
	b, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFile(dir, "truth.json", append(b, '\n')); err != nil {
		return err
	}
	wf := &csvFile{sep: ',', header: []string{"wave", "date", "source", "file"}}
	for _, f := range t.Files {
		wf.rows = append(wf.rows, []string{f.Wave, f.Date, f.Source, f.Path})
	}
	data, err := wf.bytes()
	if err != nil {
		return err
	}
	return writeFile(dir, "waves.csv", data)
}

func checkOptions(o Options) error {
	if o.People <= 0 || o.Waves <= 0 {
		return fmt.Errorf("indepcensus: People and Waves must be positive (got %d, %d)", o.People, o.Waves)
	}
	if o.NoiseRows < 0 {
		return fmt.Errorf("indepcensus: NoiseRows must not be negative")
	}
	return nil
}

func waveIDs(n int) (ids, dates []string) {
	first := 2026 - n
	for i := 0; i < n; i++ {
		y := first + i
		ids = append(ids, fmt.Sprint(y))
		dates = append(dates, fmt.Sprintf("%d-06-30", y))
	}
	return
}

func timeParse(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }
