package sqldb

import (
	"context"
	"path/filepath"
	"testing"
)

func TestParseDSN(t *testing.T) {
	for _, tc := range []struct {
		dsn, dialect, target string
		ok                   bool
	}{
		{"", SQLite, "./cdoatlas.db", true},
		{"data/atlas.db", SQLite, "data/atlas.db", true},
		{"sqlite:/var/lib/atlas.db", SQLite, "/var/lib/atlas.db", true},
		{"sqlite:///var/lib/atlas.db", SQLite, "/var/lib/atlas.db", true},
		{"postgres://u@h/db?sslmode=disable", Postgres, "postgres://u@h/db?sslmode=disable", true},
		{"postgresql://u@h/db", Postgres, "postgresql://u@h/db", true},
		{"mysql://u@h/db", "", "", false},
		{"sqlite:", "", "", false},
		{"atlas.db?_pragma=x", "", "", false},
	} {
		dialect, target, err := parseDSN(tc.dsn)
		if (err == nil) != tc.ok || dialect != tc.dialect || target != tc.target {
			t.Errorf("parseDSN(%q) = %q, %q, %v; want %q, %q, ok=%v", tc.dsn, dialect, target, err, tc.dialect, tc.target, tc.ok)
		}
	}
}

// TestSQLiteSettings checks the connection settings the adapter relies on:
// WAL and foreign keys everywhere, read-only reading connections, one writer.
func TestSQLiteSettings(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tc := range []struct {
		name, pragma string
		want         string
	}{
		{"journal_mode", "PRAGMA journal_mode", "wal"},
		{"foreign_keys", "PRAGMA foreign_keys", "1"},
		{"busy_timeout", "PRAGMA busy_timeout", "10000"},
		{"query_only", "PRAGMA query_only", "1"},
	} {
		var got string
		if err := db.rdb.QueryRowContext(ctx, tc.pragma).Scan(&got); err != nil || got != tc.want {
			t.Errorf("reader %s = %q (%v), want %q", tc.name, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ pragma, want string }{
		{"PRAGMA foreign_keys", "1"}, {"PRAGMA synchronous", "1"}, {"PRAGMA query_only", "0"},
	} {
		var got string
		if err := db.wdb.QueryRowContext(ctx, tc.pragma).Scan(&got); err != nil || got != tc.want {
			t.Errorf("writer %s = %q (%v), want %q", tc.pragma, got, err, tc.want)
		}
	}
	if n := db.wdb.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("writer pool has %d connections, want 1", n)
	}
	if n := db.rdb.Stats().MaxOpenConnections; n < 4 {
		t.Errorf("reader pool has %d connections, want several", n)
	}
}

func TestLikeContains(t *testing.T) {
	for q, want := range map[string]string{
		"München": "%munchen%",
		"100%":    "%100%", // Fold makes punctuation a space
		" -- ":    "",
	} {
		if got := likeContains(q); got != want {
			t.Errorf("likeContains(%q) = %q, want %q", q, got, want)
		}
	}
	for s, want := range map[string]string{"100%": `100\%`, "a_b": `a\_b`, `x\y`: `x\\y`, "plain": "plain"} {
		if got := escapeLike(s); got != want {
			t.Errorf("escapeLike(%q) = %q, want %q", s, got, want)
		}
	}
}
