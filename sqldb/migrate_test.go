package sqldb_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestMigrate(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(testing.TB) *sqldb.DB
	}{
		{"sqlite", sqldbtest.OpenUnmigrated},
		{"postgres", sqldbtest.OpenPostgresUnmigrated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := tc.open(t)
			err := db.CheckSchema(ctx)
			want := len(migrationFiles(t))
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("database schema is at version 0, this cdoatlas needs %d: run `cdoatlas migrate`", want)) {
				t.Fatalf("CheckSchema before migrating: %v", err)
			}
			// Two concurrent migrations apply each step once.
			var wg sync.WaitGroup
			applied := make([]int, 2)
			errs := make([]error, 2)
			for i := range 2 {
				wg.Go(func() { applied[i], errs[i] = db.Migrate(ctx) })
			}
			wg.Wait()
			if errs[0] != nil || errs[1] != nil || applied[0]+applied[1] != want {
				t.Fatalf("concurrent migrate: applied %v, errors %v", applied, errs)
			}
			if err := db.CheckSchema(ctx); err != nil {
				t.Fatalf("CheckSchema after migrating: %v", err)
			}
			if n, err := db.Migrate(ctx); n != 0 || err != nil {
				t.Fatalf("second migrate: applied %d, %v", n, err)
			}
			if got := db.Dialect(); got != tc.name {
				t.Errorf("dialect %q, want %q", got, tc.name)
			}
			if err := db.Ping(ctx); err != nil {
				t.Errorf("ping: %v", err)
			}
		})
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		dsn  string
		ok   bool
	}{
		{"PlainPath", filepath.Join(dir, "a.db"), true},
		{"SQLitePrefix", "sqlite:" + filepath.Join(dir, "b.db"), true},
		{"SQLiteURL", "sqlite://" + filepath.Join(dir, "c.db"), true},
		{"UnknownScheme", "mysql://localhost/x", false},
		{"QuestionMark", filepath.Join(dir, "d.db?mode=ro"), false},
		{"EmptySQLitePath", "sqlite:", false},
		{"MissingDirectory", filepath.Join(dir, "no", "such", "dir", "e.db"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, err := sqldb.Open(ctx, tc.dsn)
			if (err == nil) != tc.ok {
				t.Fatalf("Open(%q): %v, want ok=%v", tc.dsn, err, tc.ok)
			}
			if err != nil {
				return
			}
			defer db.Close()
			if db.Dialect() != sqldb.SQLite {
				t.Errorf("dialect %q", db.Dialect())
			}
			if _, err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// migrationFiles lists the SQLite migrations in the source tree.
func migrationFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("migrations/sqlite/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations: %v", err)
	}
	return files
}
