package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/censusio"
	"github.com/cdoatlas/cdoatlas/disclosure"
	"github.com/cdoatlas/cdoatlas/report"
)

// runImportObservations imports the observation files of one wave and
// source: all files are read first, and a file that is not a table of
// observations refuses them all. Cells that cannot be normalised are kept
// raw and flagged; they are listed on stderr after the summary.
func (m *Main) runImportObservations(ctx context.Context, args []string) error {
	fs := m.flagSet("import")
	wave := fs.String("wave", "", "the wave, e.g. 2024 (required)")
	date := fs.String("date", "", "the wave's reference date, e.g. 2024-06-30 (required for a new wave)")
	source := fs.String("source", "", "where the rows come from: "+strings.Join(cdoatlas.Sources, ", ")+" (default: named in the file name, e.g. wave-2024-linkedin.csv, else other)")
	allWarnings := fs.Bool("all-warnings", false, fmt.Sprintf("list every flagged cell, not only the first %d", maxListedWarnings))
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *wave == "" {
		return errors.New("give the wave: --wave 2024")
	}
	src := strings.ToLower(strings.TrimSpace(*source))
	if src != "" && !slices.Contains(cdoatlas.Sources, src) {
		return fmt.Errorf("unknown --source %q: one of %s", *source, strings.Join(cdoatlas.Sources, ", "))
	}
	if fs.NArg() == 0 {
		return errors.New("give at least one file")
	}
	limitMemory()
	var rows []cdoatlas.Observation
	var problems, warnings cdoatlas.FileErrors
	// The files are read on all cores; their rows, problems and warnings
	// are kept in the order of the arguments.
	type read struct {
		obs      []cdoatlas.Observation
		warnings cdoatlas.FileErrors
		err      error
	}
	paths := fs.Args()
	results := make([]read, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for i := range next {
				results[i].obs, results[i].warnings, results[i].err = readObservationFile(ctx, paths[i])
			}
		})
	}
	for i, path := range paths {
		m.progress("reading %s …", path)
		next <- i
	}
	close(next)
	wg.Wait()
	if ctx.Err() != nil {
		return errImportCancelled
	}
	flagged, total := 0, 0
	for _, r := range results {
		total += len(r.obs)
	}
	// Each file's rows are let go once copied, so that reading does not
	// hold them twice.
	if len(paths) > 1 {
		rows = make([]cdoatlas.Observation, 0, total)
	}
	for i, path := range paths {
		obs, err := results[i].obs, results[i].err
		fileSource := src
		if fileSource == "" {
			fileSource = censusio.SourceOf(filepath.Base(path))
		}
		for i := range obs {
			obs[i].Source = fileSource
			flagged += len(obs[i].Flags)
		}
		problems = addFileProblems(problems, path, err)
		warnings = append(warnings, results[i].warnings...)
		if len(paths) == 1 {
			rows = obs
		} else {
			rows = append(rows, obs...)
		}
		results[i] = read{}
	}
	if ctx.Err() != nil {
		return errImportCancelled // stopped while reading: nothing was written
	}
	if len(problems) > 0 {
		return problems
	}
	db, err := m.openDB(ctx, *dsn, false)
	if err != nil && ctx.Err() != nil {
		return errImportCancelled
	}
	if err != nil {
		return err
	}
	defer db.Close()
	imp := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: *wave, Date: cdoatlas.PartialDate(*date)}, Rows: rows, Consume: true}
	rows = nil
	if m.interactive() {
		imp.Progress = m.progressBar("classifying and resolving")
	}
	sum, err := db.ImportObservations(ctx, imp)
	if m.interactive() {
		fmt.Fprintln(m.Stderr)
	}
	if err != nil && ctx.Err() != nil {
		return errImportCancelled // the transaction was rolled back
	}
	if err != nil {
		return waveError(err, *wave)
	}
	fmt.Fprintf(m.Stdout, "wave %s: %d row(s), %d imported before; %d digital leadership; created %d organization(s), %d post(s), %d people; %d new question(s) for review\n",
		imp.Wave.ID, sum.Rows, sum.Unchanged, sum.Leadership, sum.OrganizationsCreated, sum.PostsCreated, sum.PeopleCreated, sum.ReviewQuestions)
	m.printWarnings(warnings, flagged, *allWarnings)
	return nil
}

// errImportCancelled is what an import stopped by Ctrl-C or SIGTERM says:
// it ran in one transaction, which was rolled back.
var errImportCancelled = errors.New("import cancelled; nothing was changed")

// maxListedWarnings is how many warnings the import lists without
// --all-warnings.
const maxListedWarnings = 1000

// printWarnings lists the warnings of the files read on stderr, one a
// line ("file:line: column: reason"), and counts them.
func (m *Main) printWarnings(warnings cdoatlas.FileErrors, flagged int, all bool) {
	if len(warnings) == 0 {
		return
	}
	listed := warnings
	if !all && len(listed) > maxListedWarnings {
		listed = listed[:maxListedWarnings]
	}
	for _, w := range listed {
		if w.Column != "" {
			fmt.Fprintf(m.Stderr, "%s:%d: %s: %s\n", w.File, w.Line, w.Column, w.Reason)
		} else {
			fmt.Fprintf(m.Stderr, "%s:%d: %s\n", w.File, w.Line, w.Reason)
		}
	}
	if n := len(warnings) - len(listed); n > 0 {
		fmt.Fprintf(m.Stderr, "… %d more warning(s) not listed (--all-warnings lists them)\n", n)
	}
	fmt.Fprintf(m.Stderr, "%d cell(s) kept raw and flagged", flagged)
	if n := len(warnings) - flagged; n > 0 {
		fmt.Fprintf(m.Stderr, "; %d line(s) with other warnings", n)
	}
	fmt.Fprintln(m.Stderr)
}

// waveError says what the store's refusal of a wave means for the flags
// of the command.
func waveError(err error, wave string) error {
	var e *cdoatlas.Error
	if !errors.As(err, &e) || e.Code != cdoatlas.EINVALID {
		return err
	}
	switch e.Fields["date"] {
	case "":
		return err
	case "required":
		return fmt.Errorf("wave %s is new: give its reference date with --date YYYY-MM-DD", wave)
	default:
		return fmt.Errorf("--date: %s", cdoatlas.Message("en", e.Fields["date"]))
	}
}

func readObservationFile(ctx context.Context, path string) ([]cdoatlas.Observation, cdoatlas.FileErrors, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot open: %w", errors.Unwrap(err))
	}
	defer f.Close()
	name := filepath.Base(path)
	obs, warnings, err := censusio.Read(ctx, f, name)
	return obs, warnings, nameFile(err, name)
}

// progressBar returns a progress callback that draws a bar on stderr.
func (m *Main) progressBar(label string) func(done, total int) {
	return func(done, total int) {
		if total <= 0 {
			return
		}
		const width = 30
		n := done * width / total
		fmt.Fprintf(m.Stderr, "\r%s [%s%s] %3d%% %d/%d", label, strings.Repeat("#", n), strings.Repeat(" ", width-n), done*100/total, done, total)
	}
}

// runStats prints the census figures of every wave.
func (m *Main) runStats(ctx context.Context, args []string) error {
	fs := m.flagSet("stats")
	format := fs.String("format", "text", "json or text")
	public := fs.Bool("public", false, "apply disclosure control as on the public pages: counts below --k withheld (null in JSON, \".\" in text)")
	k := fs.Int("k", disclosure.DefaultK, "the disclosure threshold for --public")
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *format != "json" && *format != "text" {
		return fmt.Errorf("unknown --format %q: json or text", *format)
	}
	if *k < 1 {
		return fmt.Errorf("--k must be at least 1, got %d", *k)
	}
	db, err := m.openDB(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := censusStats(ctx, db)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	if *public {
		pub, err := census.MakePublic(st, *k)
		if err != nil {
			return err
		}
		if *format == "json" {
			return enc.Encode(pub)
		}
		show := func(n *int) string {
			if n == nil {
				return disclosure.Symbol
			}
			return strconv.Itoa(*n)
		}
		fmt.Fprintln(tw, "wave\tdate\tcdos\tentries\texits\tstayed\tmoved\t")
		for _, w := range pub.Waves {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", w.Wave, w.Date, show(w.CDOs), show(w.Entries), show(w.Exits), show(w.Stayed), show(w.Moved))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout, pub.Legend)
		return nil
	}
	if *format == "json" {
		return enc.Encode(st)
	}
	fmt.Fprintln(tw, "wave\tdate\tcdos\tentries\texits\tstayed\tmoved\t")
	for _, w := range st.Waves {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t\n", w.Wave, w.Date, w.CDOs, w.Entries, w.Exits, w.Stayed, w.Moved)
	}
	return tw.Flush()
}

// censusStats computes the figures of the stored waves.
func censusStats(ctx context.Context, store cdoatlas.CensusService) (*census.Stats, error) {
	st, _, err := census.Load(ctx, store)
	return st, err
}

// runReport writes the public figures as a static site.
func (m *Main) runReport(ctx context.Context, args []string) error {
	fs := m.flagSet("report")
	out := fs.String("out", "", "directory to write the report into (required)")
	k := fs.Int("k", disclosure.DefaultK, "the disclosure threshold: counts below it are withheld")
	publisher := fs.String("publisher", "", "who publishes the report, for its metadata")
	baseURL := fs.String("base-url", "", "where the report will be published, for its metadata (default: relative links)")
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("give the directory: --out DIR")
	}
	if *k < 1 {
		return fmt.Errorf("--k must be at least 1, got %d", *k)
	}
	db, err := m.openDB(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	files, err := report.Write(ctx, db, *out, report.Options{K: *k, Publisher: *publisher, BaseURL: *baseURL})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "wrote %d files to %s; open %s\n", len(files), *out, filepath.Join(*out, "index.html"))
	return nil
}

// importMemoryLimit is the soft memory limit of an import: a census wave
// of 200 000 rows on a store of some hundred thousand people stays within
// 1 GiB of resident memory with it, where the garbage collector's default
// pace lets the heap grow to twice what is live.
const importMemoryLimit = 640 << 20

// limitMemory sets importMemoryLimit as the runtime's soft memory limit
// unless GOMEMLIMIT sets one. The limit is soft: an import that needs
// more gets more, collected more often.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(importMemoryLimit)
	}
}
