package indepcensus

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterminism(t *testing.T) {
	for _, gen := range []struct {
		name string
		fn   func(Options, string) (*Truth, error)
	}{{"export", GenerateExport}, {"press", GeneratePress}} {
		o := Options{People: 200, Waves: 3, Seed: 7, NoiseRows: 300}
		a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
		if _, err := gen.fn(o, a); err != nil {
			t.Fatal(err)
		}
		if _, err := gen.fn(o, b); err != nil {
			t.Fatal(err)
		}
		o.Seed = 8
		if _, err := gen.fn(o, c); err != nil {
			t.Fatal(err)
		}
		fa, fb, fc := readDir(t, a), readDir(t, b), readDir(t, c)
		if !reflect.DeepEqual(fa, fb) {
			t.Errorf("%s: same seed gave different files", gen.name)
		}
		if reflect.DeepEqual(fa, fc) {
			t.Errorf("%s: another seed gave the same files", gen.name)
		}
	}
}

var validRegion = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range deLand {
		m["DE-"+l] = true
	}
	for i := 1; i <= 9; i++ {
		m["AT-"+string(rune('0'+i))] = true
	}
	for _, c := range chCanton[1:] {
		m["CH-"+c] = true
	}
	return m
}()

func checkConsistency(t *testing.T, name string, tr *Truth, waves int) {
	t.Helper()
	if len(tr.Waves) != waves {
		t.Fatalf("%s: %d waves, want %d", name, len(tr.Waves), waves)
	}
	for i, f := range tr.Waves {
		if f.Stayed+f.Entries != f.CDOs {
			t.Errorf("%s %s: stayed %d + entries %d != cdos %d", name, f.Wave, f.Stayed, f.Entries, f.CDOs)
		}
		if f.Moved > f.Stayed || f.Moved < 0 {
			t.Errorf("%s %s: moved %d, stayed %d", name, f.Wave, f.Moved, f.Stayed)
		}
		if i == 0 {
			if f.Entries != f.CDOs || f.Exits != 0 {
				t.Errorf("%s %s: first wave entries %d exits %d cdos %d", name, f.Wave, f.Entries, f.Exits, f.CDOs)
			}
		} else {
			prev := tr.Waves[i-1]
			if f.Entries-f.Exits != f.CDOs-prev.CDOs {
				t.Errorf("%s %s: entries-exits %d != change %d", name, f.Wave, f.Entries-f.Exits, f.CDOs-prev.CDOs)
			}
			if f.Stayed+f.Exits != prev.CDOs {
				t.Errorf("%s %s: stayed+exits %d != previous cdos %d", name, f.Wave, f.Stayed+f.Exits, prev.CDOs)
			}
			if f.Wave <= prev.Wave || f.Date <= prev.Date {
				t.Errorf("%s: waves out of order", name)
			}
		}
		sumC, sumR := 0, 0
		perCountry := map[string]int{}
		for k, v := range f.ByCountry {
			if k != "DE" && k != "AT" && k != "CH" || v <= 0 || v > f.CDOs {
				t.Errorf("%s %s: by_country %s=%d", name, f.Wave, k, v)
			}
			sumC += v
		}
		for k, v := range f.ByRegion {
			if !validRegion[k] || v <= 0 || v > f.CDOs {
				t.Errorf("%s %s: by_region %s=%d", name, f.Wave, k, v)
			}
			sumR += v
			perCountry[k[:2]] += v
		}
		if sumC < f.CDOs || sumR < sumC {
			t.Errorf("%s %s: sums by_country %d by_region %d cdos %d", name, f.Wave, sumC, sumR, f.CDOs)
		}
		for c, v := range f.ByCountry {
			if perCountry[c] < v {
				t.Errorf("%s %s: regions of %s sum to %d < %d", name, f.Wave, c, perCountry[c], v)
			}
		}
		if _, err := time.Parse("2006-01-02", f.Date); err != nil || !strings.HasSuffix(f.Date, "-06-30") {
			t.Errorf("%s: date %q", name, f.Date)
		}
	}
}

// readObs parses an observation file as an importer would (BOM, UTF-8 or Windows-1252,
// comma or semicolon) and returns the header and the rows.
func readObs(t *testing.T, data []byte) ([]string, [][]string) {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		rs := make([]rune, len(data))
		for i, b := range data {
			rs[i] = rune(b)
		}
		data = []byte(string(rs))
	}
	first, _, _ := strings.Cut(string(data), "\n")
	r := csv.NewReader(bytes.NewReader(data))
	if strings.Count(first, ";") > strings.Count(first, ",") {
		r.Comma = ';'
	}
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

var colAlias = map[string]string{"name": "person_name", "person_name": "person_name", "titel": "title", "funktion": "title", "title": "title",
	"organisation": "organization", "arbeitgeber": "organization", "organization": "organization"}

func checkFiles(t *testing.T, dir string, tr *Truth) {
	t.Helper()
	wv, err := os.ReadFile(filepath.Join(dir, "waves.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(wv), "\n"); got != len(tr.Files)+1 {
		t.Errorf("waves.csv has %d lines for %d files", got, len(tr.Files))
	}
	var onDisk Truth
	b, _ := os.ReadFile(filepath.Join(dir, "truth.json"))
	// The rows' truth is not written (diagnostics only).
	want := *tr
	want.Files = nil
	for _, f := range tr.Files {
		f.Rows = nil
		want.Files = append(want.Files, f)
	}
	if err := json.Unmarshal(b, &onDisk); err != nil || !reflect.DeepEqual(&onDisk, &want) {
		t.Errorf("truth.json differs from the returned truth (%v)", err)
	}
	cdoRows := map[string]int{}
	for _, f := range tr.Files {
		switch f.Source {
		case "linkedin", "xing", "press", "web", "self", "survey":
		default:
			t.Errorf("source %q", f.Source)
		}
		data, err := os.ReadFile(filepath.Join(dir, f.Path))
		if err != nil {
			t.Fatal(err)
		}
		head, rows := readObs(t, data)
		idx := map[string]int{}
		for i, h := range head {
			if c, ok := colAlias[strings.ToLower(h)]; ok {
				idx[c] = i
			}
		}
		if len(idx) != 3 {
			t.Fatalf("%s: header %v lacks a required column", f.Path, head)
		}
		for n, r := range rows {
			for c, i := range idx {
				if strings.TrimSpace(r[i]) == "" {
					t.Errorf("%s line %d: empty %s", f.Path, n+2, c)
				}
			}
			if isCDOTitle(r[idx["title"]]) {
				cdoRows[f.Wave]++
			}
		}
	}
	for _, w := range tr.Waves {
		if cdoRows[w.Wave] < w.CDOs {
			t.Errorf("wave %s: %d rows with a CDO title for %d CDOs", w.Wave, cdoRows[w.Wave], w.CDOs)
		}
	}
}

// the CDO titles this package writes (DESIGN §4 role cdo)
func isCDOTitle(s string) bool {
	switch s {
	case "Chief Digital Officer", "CDO", "Chief Digital Officer (CDO)", "Head of Digital",
		"Digitalisierungsbeauftragter", "Digitalisierungsbeauftragte", "Beauftragte für Digitalisierung", "Beauftragter für Digitalisierung",
		"Leiter Stabsstelle Digitalisierung", "Leiterin Stabsstelle Digitalisierung", "Leiter der Stabsstelle Digitalisierung",
		"Leiterin der Stabsstelle Digitalisierung", "Digitalisierungsverantwortliche", "Digitalisierungsverantwortlicher":
		return true
	}
	return false
}

func TestGenerateExport(t *testing.T) {
	dir := t.TempDir()
	tr, err := GenerateExport(Options{People: 300, Waves: 4, Seed: 3, NoiseRows: 1000}, dir)
	if err != nil {
		t.Fatal(err)
	}
	checkConsistency(t, "export", tr, 4)
	checkFiles(t, dir, tr)
	var moved, exits int
	for _, w := range tr.Waves[1:] {
		moved += w.Moved
		exits += w.Exits
	}
	if moved == 0 || exits == 0 || len(tr.Waves[0].ByCountry) != 3 {
		t.Errorf("export lacks movers, exits or a country: %+v", tr.Waves)
	}
}

func TestGeneratePress(t *testing.T) {
	dir := t.TempDir()
	tr, err := GeneratePress(Options{People: 120, Waves: 5, Seed: 2}, dir)
	if err != nil {
		t.Fatal(err)
	}
	checkConsistency(t, "press", tr, 5)
	checkFiles(t, dir, tr)
}

func TestGenerateExportDefaultScale(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	t0 := time.Now()
	tr, err := GenerateExport(Options{People: 2000, Waves: 5, Seed: 1, NoiseRows: 20000}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
	checkConsistency(t, "export-default", tr, 5)
	for _, w := range tr.Waves {
		if w.CDOs < 1800 || w.CDOs > 2200 {
			t.Errorf("wave %s: %d CDOs for People=2000", w.Wave, w.CDOs)
		}
	}
}

func TestBadOptions(t *testing.T) {
	if _, err := GenerateExport(Options{People: 0, Waves: 3}, t.TempDir()); err == nil {
		t.Error("People=0 accepted")
	}
	if _, err := GeneratePress(Options{People: 10, Waves: 0}, t.TempDir()); err == nil {
		t.Error("Waves=0 accepted")
	}
}

// TestHandWrittenTruth re-derives the hand-computed truth from the identities kept
// apart from the observation files, with a count written independently of figures().
func TestHandWrittenTruth(t *testing.T) {
	dir := t.TempDir()
	tr, err := HandWritten(dir)
	if err != nil {
		t.Fatal(err)
	}
	checkConsistency(t, "hand", tr, 3)
	checkFiles(t, dir, tr)

	orgRows := readEmbedded(t, "hand/orgs.csv")
	orgCountry, orgRegion := map[string]string{}, map[string]string{}
	for _, r := range orgRows {
		orgCountry[r[0]], orgRegion[r[0]] = r[1], r[2]
	}
	ids := readEmbedded(t, "hand/identities.csv")
	type ann struct {
		person, org string
		cdo         bool
	}
	byLine := map[string]ann{}
	for _, r := range ids {
		if _, ok := orgCountry[r[3]]; !ok {
			t.Fatalf("identities: unknown org %s", r[3])
		}
		byLine[r[0]+":"+r[1]] = ann{r[2], r[3], r[4] == "1"}
	}
	fileWave := map[string]string{}
	// every data line is annotated, and the annotation agrees with the title written
	seen := 0
	for _, f := range tr.Files {
		fileWave[f.Path] = f.Wave
		data, _ := os.ReadFile(filepath.Join(dir, f.Path))
		head, rows := readObs(t, data)
		ti := -1
		for i, h := range head {
			if colAlias[strings.ToLower(h)] == "title" {
				ti = i
			}
		}
		for n, r := range rows {
			a, ok := byLine[f.Path+":"+strconv.Itoa(n+2)]
			if !ok {
				t.Errorf("%s line %d has no identity", f.Path, n+2)
				continue
			}
			seen++
			if a.cdo != isCDOTitle(r[ti]) {
				t.Errorf("%s line %d: title %q annotated cdo=%v", f.Path, n+2, r[ti], a.cdo)
			}
			for _, cell := range r {
				if cell == a.person || (len(a.org) > 2 && cell == a.org) { // "ZH", "SG" are also region cells
					t.Errorf("%s line %d: observation contains its identity %q", f.Path, n+2, cell)
				}
			}
		}
	}
	if seen != len(byLine) {
		t.Errorf("identities has %d lines, files %d data lines", len(byLine), seen)
	}
	// the count: person -> orgs per wave
	waves := []string{}
	for _, f := range tr.Files {
		if len(waves) == 0 || waves[len(waves)-1] != f.Wave {
			waves = append(waves, f.Wave)
		}
	}
	held := map[string]map[string][]string{}
	for k, a := range byLine {
		if !a.cdo {
			continue
		}
		file, _, _ := strings.Cut(k, ":")
		w := fileWave[file]
		if held[w] == nil {
			held[w] = map[string][]string{}
		}
		if !contains(held[w][a.person], a.org) {
			held[w][a.person] = append(held[w][a.person], a.org)
		}
	}
	for i, w := range waves {
		got := tr.Waves[i]
		cur := held[w]
		var want Figures
		want.Wave, want.Date, want.CDOs = w, got.Date, len(cur)
		want.ByCountry, want.ByRegion = map[string]int{}, map[string]int{}
		for p, orgs := range cur {
			cs, rs := []string{}, []string{}
			for _, o := range orgs {
				if !contains(cs, orgCountry[o]) {
					cs = append(cs, orgCountry[o])
				}
				if !contains(rs, orgRegion[o]) {
					rs = append(rs, orgRegion[o])
				}
			}
			for _, c := range cs {
				want.ByCountry[c]++
			}
			for _, r := range rs {
				want.ByRegion[r]++
			}
			if i == 0 {
				want.Entries++
				continue
			}
			before, ok := held[waves[i-1]][p]
			if !ok {
				want.Entries++
				continue
			}
			want.Stayed++
			a, b := append([]string(nil), before...), append([]string(nil), orgs...)
			sort.Strings(a)
			sort.Strings(b)
			if strings.Join(a, ",") != strings.Join(b, ",") {
				want.Moved++
			}
		}
		if i > 0 {
			for p := range held[waves[i-1]] {
				if _, ok := cur[p]; !ok {
					want.Exits++
				}
			}
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("wave %s:\n hand truth %+v\n re-derived %+v", w, got, want)
		}
	}
}

func readEmbedded(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := handFS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[1:]
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// The sample of places keeps the facts of the reference data: codes are well-formed, the
// regions follow from the codes, and names that are ambiguous in DACH are flagged.
func TestGazetteerSample(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[int]int{}
	for _, o := range g.all {
		counts[o.Kind]++
		if !validRegion[o.Region] {
			t.Errorf("%s: region %q", o.ID, o.Region)
		}
		switch {
		case o.Kind == kindMunicipality && o.Country == "DE" && (len(o.Code) != 8 || len(o.ARS) != 12 || o.Code != o.ARS[:5]+o.ARS[9:]):
			t.Errorf("%s: AGS %s ARS %s", o.ID, o.Code, o.ARS)
		case o.Kind == kindCounty && len(o.Code) != 5:
			t.Errorf("%s: Kreisschlüssel %s", o.ID, o.Code)
		case o.Kind == kindMunicipality && o.Country == "AT" && (len(o.Code) != 5 || o.Region != "AT-"+o.Code[:1]):
			t.Errorf("%s: GKZ %s", o.ID, o.Code)
		}
		if len(orgForms(o)) == 0 {
			t.Errorf("%s: no written form", o.ID)
		}
	}
	if counts[kindMunicipality] < 2000 || counts[kindCounty] < 40 || counts[kindCompany] < 40 {
		t.Errorf("sample too small: %v", counts)
	}
	forms := strings.Join(orgForms(g.byID["de:13003000"]), "|")
	for _, want := range []string{"Rostock", "Hanse- und Universitätsstadt Rostock", "Rostock, Hanse- und Universitätsstadt"} {
		if !strings.Contains("|"+forms+"|", "|"+want+"|") {
			t.Errorf("Rostock forms %s lack %q", forms, want)
		}
	}
	if f := orgForms(g.byID["dek:09184"]); !contains(f, "Landratsamt München") || contains(f, "München") {
		t.Errorf("Landkreis München forms %v", f)
	}
}
