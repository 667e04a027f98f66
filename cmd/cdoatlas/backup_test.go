package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackup(t *testing.T) {
	a := newApp(t)
	if _, _, err := a.run("", "migrate"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.run("", "import", "registry", writeFile(t, "registry.csv", registryCSV1252)); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "atlas-backup.db")

	stdout, _, err := a.run("", "backup", "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	if want := "wrote " + out + ": SQLite database, "; !strings.HasPrefix(stdout, want) {
		t.Errorf("backup says %q, want %q…", stdout, want)
	}
	backup, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("ErrExists", func(t *testing.T) {
		_, _, err := a.run("", "backup", "--out", out)
		if err == nil || oneLine(err) != out+" exists already: give --force to replace it" {
			t.Errorf("backup onto an existing file: %v", err)
		}
		if b, _ := os.ReadFile(out); !bytes.Equal(b, backup) {
			t.Error("the refused backup changed the existing file")
		}
	})
	t.Run("Force", func(t *testing.T) {
		if _, _, err := a.run("", "backup", "--force", "--out", out); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("Restored", func(t *testing.T) {
		// README: the backup file is a database that --db can name.
		want, _, err := a.run("", "export", "--format", "csv")
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := a.run("", "export", "--format", "csv", "--db", out)
		if err != nil || got != want || !strings.Contains(got, "05315000") {
			t.Errorf("export of the backup (%v):\n%s\nwant\n%s", err, got, want)
		}
	})
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"ErrNoOut", []string{"backup"}, "give --out FILE, the file to write the backup to"},
		{"ErrArgument", []string{"backup", "--out", filepath.Join(dir, "b.db"), "extra"}, `unexpected argument "extra": the file is given with --out`},
		{"ErrNoDatabase", []string{"backup", "--db", filepath.Join(dir, "missing.db"), "--out", filepath.Join(dir, "b.db")}, "backup: no SQLite database at " + filepath.Join(dir, "missing.db")},
		{"ErrNoDirectory", []string{"backup", "--out", filepath.Join(dir, "missing", "b.db")}, "backup: cannot create a file in " + filepath.Join(dir, "missing") + ": no such file or directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := a.run("", tc.args...)
			if err == nil || oneLine(err) != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	t.Run("ErrNoPgDump", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		file := filepath.Join(dir, "atlas.dump")
		_, _, err := a.run("", "backup", "--db", "postgres://cdoatlas@127.0.0.1:1/cdoatlas", "--out", file)
		if err == nil || !strings.HasPrefix(oneLine(err), "backup: pg_dump not found on $PATH") || !strings.Contains(oneLine(err), "postgresql-client") {
			t.Errorf("backup of PostgreSQL without pg_dump: %v", err)
		}
		if _, err := os.Stat(file); err == nil {
			t.Error("a failed backup left a file")
		}
	})
	t.Run("Help", func(t *testing.T) {
		_, stderr, _ := a.run("", "backup", "--help")
		for _, want := range []string{"cdoatlas backup --out FILE [--force] [--db DSN]", "-force", "-out", "pg_dump archive"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("backup --help lacks %q:\n%s", want, stderr)
			}
		}
	})

	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "atlas-backup.db" && !strings.HasPrefix(e.Name(), "atlas-backup.db-") {
			t.Errorf("%s left behind", e.Name())
		}
	}
}
