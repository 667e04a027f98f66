package censusgen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Columns are the observation columns (DESIGN §5), in the order files
// have them.
var Columns = []string{
	"person_name", "title", "organization", "country", "region", "official_code",
	"profile_url", "gender", "birth_year", "tasks", "source_url", "observed_on",
}

// GermanColumns are the German headers some files use instead; the title
// column is "Titel" or "Funktion".
var GermanColumns = []string{
	"Name", "Titel", "Organisation", "Land", "Bundesland", "AGS",
	"Profil-URL", "Geschlecht", "Geburtsjahr", "Aufgaben", "Quelle", "Beobachtet am",
}

const (
	colName = iota
	colTitle
	colOrganization
	colCountry
	colRegion
	colOfficialCode
	colProfileURL
	colGender
	colBirthYear
	colTasks
	colSourceURL
	colObservedOn
)

// Source indexes into Sources.
const (
	srcLinkedIn = iota
	srcXing
	srcPress
	srcWeb
	srcSelf
	srcSurvey
)

// traits are how a source writes rows: percentages of rows with academic
// titles (of those who have one), transliterated names, "Last, First",
// transliterated organization names, an official code, the gender (of
// those who share it), the birth year (of those who have one), tasks.
type traits struct {
	academic, translit, lastFirst, orgTranslit, code, gender, birthYear, tasks int
	weight, fillerWeight                                                       int // share of tracked and of filler rows
}

var sourceTraits = [...]traits{
	srcLinkedIn: {academic: 40, translit: 35, lastFirst: 5, orgTranslit: 10, code: 3, gender: 30, birthYear: 5, weight: 42, fillerWeight: 50},
	srcXing:     {academic: 45, translit: 35, lastFirst: 5, orgTranslit: 10, code: 3, gender: 50, birthYear: 20, weight: 18, fillerWeight: 25},
	srcPress:    {academic: 85, translit: 5, lastFirst: 3, orgTranslit: 3, code: 10, weight: 12, fillerWeight: 5},
	srcWeb:      {academic: 60, translit: 10, lastFirst: 10, orgTranslit: 5, code: 30, gender: 15, tasks: 10, weight: 12, fillerWeight: 10},
	srcSelf:     {academic: 50, translit: 15, lastFirst: 35, orgTranslit: 5, code: 80, gender: 90, birthYear: 60, tasks: 60, weight: 10, fillerWeight: 5},
	srcSurvey:   {academic: 50, translit: 10, lastFirst: 35, orgTranslit: 5, code: 85, gender: 90, birthYear: 70, tasks: 60, weight: 6, fillerWeight: 5},
}

// fileStyle is how one observation file is written.
type fileStyle struct {
	excel  bool   // "Excel (DE)": semicolon, UTF-8 BOM, CRLF
	german bool   // German headers
	title  string // the German title header: Titel or Funktion
	gender int    // 0: f/m/d, 1: w/m/d, 2: weiblich/männlich/divers
}

var genderWords = [3][3]string{{"f", "m", "d"}, {"w", "m", "d"}, {"weiblich", "männlich", "divers"}}

func (st fileStyle) writeGender(g string) string {
	switch g {
	case "f":
		return genderWords[st.gender][0]
	case "m":
		return genderWords[st.gender][1]
	}
	return genderWords[st.gender][2]
}

// fileStyles decides the format of every observation file: mostly plain
// UTF-8 CSV, some Excel (DE), some with German headers; every kind at
// least once when there are three files or more.
func (g *gen) fileStyles() []fileStyle {
	rng := g.layout
	n := g.opts.Waves * len(Sources)
	styles := make([]fileStyle, n)
	for i := range styles {
		st := &styles[i]
		switch k := rng.IntN(100); {
		case k < 12:
			st.excel, st.german = true, true
		case k < 20:
			st.excel = true
		case k < 30:
			st.german = true
		}
		st.title = []string{"Titel", "Funktion"}[rng.IntN(2)]
		if k := rng.IntN(100); k >= 60 {
			st.gender = 1 + k%2
		}
	}
	perm := rng.Perm(n)
	for i, kind := range []fileStyle{{excel: true, german: true}, {german: true}, {excel: true}} {
		if i < n {
			styles[perm[i]].excel, styles[perm[i]].german = kind.excel, kind.german
		}
	}
	return styles
}

// rowWriter writes one CSV file.
type rowWriter struct {
	f  *os.File
	bw *bufio.Writer
	cw *csv.Writer
}

func createCSV(path string, excel bool) (*rowWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	w := &rowWriter{f: f, bw: bufio.NewWriterSize(f, 256<<10)}
	if excel {
		w.bw.WriteString("\uFEFF")
	}
	w.cw = csv.NewWriter(w.bw)
	if excel {
		w.cw.Comma, w.cw.UseCRLF = ';', true
	}
	return w, nil
}

func (w *rowWriter) close() error {
	w.cw.Flush()
	err := w.cw.Error()
	if e := w.bw.Flush(); err == nil {
		err = e
	}
	if e := w.f.Close(); err == nil {
		err = e
	}
	return err
}

func writeCSVFile(path string, header []string, rows [][]string) error {
	w, err := createCSV(path, false)
	if err != nil {
		return err
	}
	w.cw.Write(header)
	for _, r := range rows {
		w.cw.Write(r)
	}
	return w.close()
}

// writeRegistry writes registry.csv in the registry import format.
func (g *gen) writeRegistry() error {
	if g.opts.Progress != nil {
		g.opts.Progress("registry.csv")
	}
	var rows [][]string
	for _, o := range g.orgs {
		pop := ""
		if o.Population != nil {
			pop = strconv.FormatInt(*o.Population, 10)
		}
		rows = append(rows, []string{o.Name, o.Kind, o.Country, o.Region, o.OfficialCode, pop, o.PopulationDate})
	}
	return writeCSVFile(filepath.Join(g.dir, "registry.csv"),
		[]string{"name", "kind", "country", "region", "official_code", "population", "population_date"}, rows)
}

// writeWave writes the files of wave w, one per source: the rows of the
// tracked people visible in w, shuffled among filler rows.
func (g *gen) writeWave(w int, styles []fileStyle) error {
	rng := g.rows
	bySource := make([][]int, len(Sources))
	tracked := 0
	for i, p := range g.people {
		if !p.states[w].visible() {
			continue
		}
		for _, src := range pickSources(rng) {
			bySource[src] = append(bySource[src], i)
			tracked++
		}
	}
	target := g.opts.Rows / g.opts.Waves
	if w < g.opts.Rows%g.opts.Waves {
		target++
	}
	filler := max(0, target-tracked)
	fillerBy := make([]int, len(Sources))
	left := filler
	for s := range Sources {
		fillerBy[s] = filler * sourceTraits[s].fillerWeight / 100
		left -= fillerBy[s]
	}
	fillerBy[srcLinkedIn] += left

	year := g.opts.FirstWave + w
	dates := make([]string, 0, 181)
	for d := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); d.Month() < 7; d = d.AddDate(0, 0, 1) {
		dates = append(dates, d.Format("2006-01-02"))
	}
	rec := make([]string, len(Columns))
	for s, src := range Sources {
		ids := bySource[s]
		rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		st := styles[s]
		name := fmt.Sprintf("wave-%d-%s.csv", year, src)
		if g.opts.Progress != nil {
			g.opts.Progress(name)
		}
		out, err := createCSV(filepath.Join(g.dir, name), st.excel)
		if err != nil {
			return err
		}
		header := Columns
		if st.german {
			header = append([]string(nil), GermanColumns...)
			header[colTitle] = st.title
		}
		out.cw.Write(header)
		t, f, line := 0, 0, 1
		for t < len(ids) || f < fillerBy[s] {
			line++
			clear(rec)
			if t < len(ids) && (f == fillerBy[s] || rng.IntN(len(ids)-t+fillerBy[s]-f) < len(ids)-t) {
				i := ids[t]
				t++
				p := g.people[i]
				obs := g.trackedRow(rec, p, p.states[w], s, st, year)
				obs.File, obs.Line, obs.Person = name, line, p.key
				g.truth.Observations = append(g.truth.Observations, obs)
				if obs.Role == cdoatlas.RoleCDO {
					g.addCDO(w, i, p.states[w].org)
				}
			} else {
				f++
				g.fillerRow(rec, s, st, year)
			}
			rec[colObservedOn] = dates[rng.IntN(len(dates))]
			if err := out.cw.Write(rec); err != nil {
				out.close()
				return err
			}
		}
		if err := out.close(); err != nil {
			return err
		}
		g.truth.Rows += line - 1
		g.truth.TrackedRows += len(ids)
		g.manifest = append(g.manifest, []string{fmt.Sprint(year), waveDate(g.opts, w), src, name, strconv.Itoa(line - 1)})
	}
	return nil
}

// pickSources draws the sources a visible person appears in this wave:
// one, sometimes a second (often the press), rarely a third.
func pickSources(rng *rand.Rand) []int {
	first := weightedSource(rng)
	srcs := []int{first}
	n := rng.IntN(100)
	if n < 25 {
		for len(srcs) < 2 {
			s := srcPress
			if rng.IntN(100) >= 40 {
				s = weightedSource(rng)
			}
			if s != first {
				srcs = append(srcs, s)
			}
		}
	}
	if n < 4 {
		for len(srcs) < 3 {
			if s := rng.IntN(len(Sources)); s != srcs[0] && s != srcs[1] {
				srcs = append(srcs, s)
			}
		}
	}
	return srcs
}

func weightedSource(rng *rand.Rand) int {
	n := rng.IntN(100)
	for s, t := range sourceTraits {
		if n < t.weight {
			return s
		}
		n -= t.weight
	}
	return srcLinkedIn
}
