package main

import (
	"strings"
	"testing"
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
