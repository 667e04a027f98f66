package censusgen_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusgen"
	"github.com/cdoatlas/cdoatlas/registryio"
)

// generate runs Generate into a temporary directory.
func generate(tb testing.TB, opts censusgen.Options) (string, *censusgen.Truth) {
	tb.Helper()
	dir := tb.TempDir()
	truth, err := censusgen.Generate(opts, dir)
	if err != nil {
		tb.Fatalf("Generate(%+v): %v", opts, err)
	}
	return dir, truth
}

// file is an observation file as read back.
type file struct {
	name, wave, source string
	bom, semicolon     bool
	header             []string
	rows               []map[string]string // by Columns name
}

// germanAlias maps the German headers to the observation columns.
var germanAlias = func() map[string]string {
	m := map[string]string{"Funktion": "title"}
	for i, h := range censusgen.GermanColumns {
		m[h] = censusgen.Columns[i]
	}
	return m
}()

// readCSV parses a CSV file with encoding/csv: a UTF-8 BOM is dropped, and
// the delimiter is the one the header line uses.
func readCSV(t *testing.T, path string) (records [][]string, bom, semicolon bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bom = bytes.HasPrefix(b, []byte("\uFEFF")); bom {
		b = b[3:]
	}
	first, _, _ := bytes.Cut(b, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(b))
	if semicolon = bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")); semicolon {
		r.Comma = ';'
	}
	records, err = r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return records, bom, semicolon
}

// readFiles reads waves.csv and every observation file it lists, checking
// that each has all observation columns and the number of rows listed.
func readFiles(t *testing.T, dir string) []file {
	t.Helper()
	manifest, _, _ := readCSV(t, filepath.Join(dir, "waves.csv"))
	if want := []string{"wave", "date", "source", "file", "rows"}; !slices.Equal(manifest[0], want) {
		t.Fatalf("waves.csv header %q, want %q", manifest[0], want)
	}
	var files []file
	for _, m := range manifest[1:] {
		f := file{wave: m[0], source: m[2], name: m[3]}
		recs, bom, semi := readCSV(t, filepath.Join(dir, f.name))
		f.bom, f.semicolon, f.header = bom, semi, recs[0]
		var cols []string
		for _, h := range f.header {
			c := h
			if a, ok := germanAlias[h]; ok {
				c = a
			}
			cols = append(cols, c)
		}
		for _, want := range censusgen.Columns {
			if !slices.Contains(cols, want) {
				t.Errorf("%s: header %q lacks %s", f.name, f.header, want)
			}
		}
		for _, rec := range recs[1:] {
			row := map[string]string{}
			for i, c := range cols {
				row[c] = rec[i]
			}
			f.rows = append(f.rows, row)
		}
		if n, _ := strconv.Atoi(m[4]); n != len(f.rows) {
			t.Errorf("%s: %d rows, waves.csv says %s", f.name, len(f.rows), m[4])
		}
		files = append(files, f)
	}
	return files
}

// rowOf returns the row at a line of a file (header = line 1).
func rowOf(t *testing.T, files []file, name string, line int) (file, map[string]string) {
	t.Helper()
	for _, f := range files {
		if f.name == name {
			if line < 2 || line-2 >= len(f.rows) {
				t.Fatalf("%s has no line %d", name, line)
			}
			return f, f.rows[line-2]
		}
	}
	t.Fatalf("truth names %s, which waves.csv does not list", name)
	return file{}, nil
}

func TestGenerateDeterministic(t *testing.T) {
	opts := censusgen.Options{People: 60, Waves: 3, Seed: 42, Rows: 3000}
	a, _ := generate(t, opts)
	b, _ := generate(t, opts)
	entries, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := 3*len(censusgen.Sources) + 3; len(entries) != want {
		t.Errorf("%d files written, want %d", len(entries), want)
	}
	for _, e := range entries {
		x, _ := os.ReadFile(filepath.Join(a, e.Name()))
		y, err := os.ReadFile(filepath.Join(b, e.Name()))
		if err != nil {
			t.Fatalf("second run lacks %s", e.Name())
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed", e.Name())
		}
	}

	t.Run("OtherSeedDiffers", func(t *testing.T) {
		opts.Seed = 43
		c, _ := generate(t, opts)
		for _, name := range []string{"truth.json", "wave-2021-linkedin.csv", "wave-2023-press.csv"} {
			x, _ := os.ReadFile(filepath.Join(a, name))
			y, _ := os.ReadFile(filepath.Join(c, name))
			if bytes.Equal(x, y) {
				t.Errorf("%s is the same for seeds 42 and 43", name)
			}
		}
	})
}

func TestGenerateFiles(t *testing.T) {
	dir, truth := generate(t, censusgen.Options{People: 150, Waves: 4, Seed: 3})
	files := readFiles(t, dir)
	if len(files) != 4*len(censusgen.Sources) {
		t.Fatalf("waves.csv lists %d files, want %d", len(files), 4*len(censusgen.Sources))
	}
	var excel, german, plain, rows int
	for _, f := range files {
		if f.bom != f.semicolon {
			t.Errorf("%s: BOM %v but semicolon %v; Excel (DE) files have both", f.name, f.bom, f.semicolon)
		}
		if f.semicolon {
			excel++
		}
		if f.header[0] == "Name" {
			german++
		}
		if !f.semicolon && f.header[0] == "person_name" {
			plain++
		}
		rows += len(f.rows)
		for i, row := range f.rows {
			o := cdoatlas.Observation{
				Wave: f.wave, Source: f.source, PersonName: row["person_name"], Title: row["title"],
				Organization: row["organization"], Country: row["country"], Region: row["region"],
				OfficialCode: row["official_code"], ProfileURL: row["profile_url"], Gender: row["gender"],
				Tasks: row["tasks"], SourceURL: row["source_url"], ObservedOn: cdoatlas.PartialDate(row["observed_on"]),
			}
			if s := row["birth_year"]; s != "" {
				y, err := strconv.Atoi(s)
				if err != nil {
					t.Errorf("%s line %d: birth year %q", f.name, i+2, s)
				}
				o.BirthYear = &y
			}
			if err := o.Validate(); err != nil {
				t.Errorf("%s line %d: %v (%+v)", f.name, i+2, err, row)
			}
			if d := row["observed_on"]; d < f.wave+"-01-01" || d > f.wave+"-06-30" {
				t.Errorf("%s line %d: observed on %s, outside the wave", f.name, i+2, d)
			}
		}
	}
	if excel == 0 || german == 0 || plain < len(files)/2 {
		t.Errorf("%d Excel (DE), %d German-header, %d plain files; want some of each, mostly plain", excel, german, plain)
	}
	if rows != truth.Rows || rows != 150*4*10 {
		t.Errorf("%d rows in the files, truth says %d, want %d", rows, truth.Rows, 150*4*10)
	}

	t.Run("Registry", func(t *testing.T) {
		f, err := os.Open(filepath.Join(dir, "registry.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := registryio.ReadRegistry(f, "registry.csv")
		if err != nil {
			t.Fatalf("registry.csv does not import: %v", err)
		}
		codes := map[string]bool{}
		for _, r := range recs {
			if err := r.Organization.Validate(); err != nil {
				t.Errorf("%s: %v", r.Organization.Name, err)
			}
			codes[r.Organization.OfficialCode] = true
		}
		if !codes["09162000"] || !codes["05170"] {
			t.Error("the real organizations of the demo (München 09162000, Kreis Wesel 05170) are missing")
		}
		for _, o := range truth.Observations {
			if o.Organization != "" && !codes[o.Organization] {
				t.Errorf("%s line %d: organization %s is not in registry.csv", o.File, o.Line, o.Organization)
			}
		}
	})
}

func TestFillerMajority(t *testing.T) {
	_, truth := generate(t, censusgen.Options{People: 50, Waves: 3, Seed: 5, Rows: 30000})
	if truth.Rows != 30000 {
		t.Errorf("%d rows, want 30000", truth.Rows)
	}
	if share := float64(truth.TrackedRows) / float64(truth.Rows); share > 0.02 {
		t.Errorf("tracked rows are %.1f %% of all; want filler to be the large majority", 100*share)
	}

	t.Run("FewRows", func(t *testing.T) {
		// Rows of tracked people are written even beyond Rows.
		_, truth := generate(t, censusgen.Options{People: 50, Waves: 2, Seed: 5, Rows: 10})
		if truth.TrackedRows == 0 || truth.Rows != truth.TrackedRows {
			t.Errorf("%d rows, %d tracked; want only tracked rows", truth.Rows, truth.TrackedRows)
		}
	})
}

func TestGenerateInvalid(t *testing.T) {
	for name, opts := range map[string]censusgen.Options{
		"NoPeople":      {People: 0, Waves: 5},
		"NoWaves":       {People: 5, Waves: 0},
		"NegativeRows":  {People: 5, Waves: 2, Rows: -1},
		"TooManyWaves":  {People: 5, Waves: 51},
		"WavesPast2100": {People: 5, Waves: 5, FirstWave: 2099},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := censusgen.Generate(opts, t.TempDir())
			if !errors.Is(err, cdoatlas.ErrInvalid) {
				t.Errorf("got %v, want EINVALID", err)
			}
		})
	}
}
