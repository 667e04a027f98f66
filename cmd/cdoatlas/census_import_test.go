package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestImportObservationsNewWaveNeedsDate: a new wave without --date is
// refused with the flag's name, and nothing is read into it.
func TestImportObservationsNewWaveNeedsDate(t *testing.T) {
	a := newApp(t)
	if _, _, err := a.run("", "migrate"); err != nil {
		t.Fatal(err)
	}
	f := writeFile(t, "wave-2031-press.csv", []byte("person_name,title,organization\nAnna Muster,Chief Digital Officer,Stadt Ulm\n"))
	_, _, err := a.run("", "import", "observations", "--wave", "2031", f)
	if err == nil || err.Error() != "wave 2031 is new: give its reference date with --date YYYY-MM-DD" {
		t.Fatalf("error %v", err)
	}
	stdout, _, err := a.run("", "import", "observations", "--wave", "2031", "--date", "2031-06-30", f)
	if err != nil || !strings.Contains(stdout, "wave 2031: 1 row(s)") {
		t.Fatalf("with --date: %v, %q", err, stdout)
	}
	if _, _, err := a.run("", "import", "observations", "--wave", "2031", "--date", "2031-07-01", f); err == nil || !strings.Contains(err.Error(), "--date: ") {
		t.Errorf("another date for the wave: %v", err)
	}
}

// TestImportObservationsWarnings: cells that cannot be normalised do not
// refuse the file; they are listed on stderr after the summary with file,
// line and column, and counted. A missing required column refuses it.
func TestImportObservationsWarnings(t *testing.T) {
	a := newApp(t)
	if _, _, err := a.run("", "migrate"); err != nil {
		t.Fatal(err)
	}
	f := writeFile(t, "press.csv", []byte("Name;Funktion;Organisation;Bundesland;Geschlecht;Geburtsjahr\n"+
		"Anna Muster;Chief Digital Officer;Stadt Ulm;Atlantis;xyz;neunzehnhundert\n"+
		"Bert Beispiel;CDO;Köln;NRW;m;1970\n"))
	stdout, stderr, err := a.run("", "import", "observations", "--wave", "2024", "--date", "2024-06-30", f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "wave 2024: 2 row(s)") {
		t.Errorf("stdout %q", stdout)
	}
	for _, want := range []string{
		"press.csv:2: Bundesland: Unknown region for this country",
		"press.csv:2: Geschlecht: Gender: f, m, d or unknown.",
		"press.csv:2: Geburtsjahr: Birth year between 1900 and today.",
		"3 cell(s) kept raw and flagged",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	g := writeFile(t, "x.csv", []byte("Name;Funktion\nAnna;CDO\n"))
	_, _, err = a.run("", "import", "observations", "--wave", "2024", g)
	if err == nil || !strings.Contains(err.Error(), "x.csv:1: column organization: required column missing") {
		t.Errorf("file without organization: %v", err)
	}
}

// TestImportObservationsCancelled: an import stopped while it runs (as
// Ctrl-C or SIGTERM stop it) says so and leaves the database as it was.
func TestImportObservationsCancelled(t *testing.T) {
	a := newApp(t)
	if _, _, err := a.run("", "migrate"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, _, err := a.run("", "gen", "--people", "2000", "--waves", "1", "--seed", "1", "--rows", "150000", "--out", dir); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "wave-*"))
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string {
		if k == "CDOATLAS_DB" {
			return a.db
		}
		return ""
	}}
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, append([]string{"import", "observations", "--wave", "2021", "--date", "2021-06-30"}, files...))
	}()
	time.Sleep(300 * time.Millisecond)
	cancel()
	stopped := time.Now()
	err := <-done
	t.Logf("stopped %v after the cancel", time.Since(stopped).Round(time.Millisecond))
	if err == nil || err.Error() != "import cancelled; nothing was changed" {
		t.Fatalf("error %v, stdout %q", err, stdout.String())
	}
	out, _, err := a.run("", "stats", "--format", "json")
	if err != nil || strings.Contains(out, `"2021"`) {
		t.Errorf("after the cancel the database has a wave: %q, %v", out, err)
	}
}
