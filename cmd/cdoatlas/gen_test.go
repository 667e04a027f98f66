package main

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas/censusgen"
)

func TestGen(t *testing.T) {
	a := newApp(t)
	dir := filepath.Join(t.TempDir(), "census")
	out, stderr, err := a.run("", "gen", "--people", "30", "--waves", "3", "--seed", "9", "--out", dir)
	if err != nil {
		t.Fatalf("gen: %v\n%s", err, stderr)
	}
	if stderr != "" {
		t.Errorf("gen wrote %q to stderr when it is not a terminal", stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth censusgen.Truth
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatalf("truth.json: %v", err)
	}
	if truth.Seed != 9 || truth.People != 30 || len(truth.Waves) != 3 || truth.Rows != 30*3*10 {
		t.Errorf("truth has seed %d, %d people, %d waves, %d rows; want 9, 30, 3, 900", truth.Seed, truth.People, len(truth.Waves), truth.Rows)
	}
	for _, w := range truth.Waves {
		if _, err := os.Stat(filepath.Join(dir, "wave-"+w.Wave+"-linkedin.csv")); err != nil {
			t.Errorf("wave %s: %v", w.Wave, err)
		}
	}
	if want := "wave 2021: "; !strings.Contains(out, want) {
		t.Errorf("gen says %q, want the figures of each wave", out)
	}

	t.Run("RegistryImports", func(t *testing.T) {
		if _, stderr, err := a.run("", "migrate"); err != nil {
			t.Fatalf("migrate: %v\n%s", err, stderr)
		}
		out, _, err := a.run("", "import", "registry", filepath.Join(dir, "registry.csv"))
		if err != nil {
			t.Fatalf("import registry.csv: %v", err)
		}
		if !strings.Contains(out, "organizations: ") || strings.Contains(out, "organizations: 0 created") {
			t.Errorf("import says %q", out)
		}
	})

	t.Run("SameFlagsSameFiles", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "census")
		if _, stderr, err := a.run("", "gen", "--people", "30", "--waves", "3", "--seed", "9", "--out", other); err != nil {
			t.Fatalf("gen: %v\n%s", err, stderr)
		}
		again, _ := os.ReadFile(filepath.Join(other, "truth.json"))
		if string(again) != string(b) {
			t.Error("the same flags gave a different truth.json")
		}
	})

	for name, args := range map[string][]string{
		"ErrOutRequired": {"gen", "--people", "5"},
		"ErrNoPeople":    {"gen", "--people", "0", "--out", t.TempDir()},
		"ErrArgument":    {"gen", "--out", t.TempDir(), "extra"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := a.run("", args...)
			if err == nil {
				t.Fatalf("%q succeeded", args)
			}
			if msg := oneLine(err); msg == "" || strings.Contains(msg, "internal") {
				t.Errorf("reason %q", msg)
			}
		})
	}

	t.Run("Help", func(t *testing.T) {
		_, stderr, err := a.run("", "gen", "--help")
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "--people") {
			t.Errorf("gen --help: %v, %q", err, stderr)
		}
	})
}
