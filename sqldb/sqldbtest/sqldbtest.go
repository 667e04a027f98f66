// Package sqldbtest opens fresh, migrated databases for tests: SQLite in a
// temporary directory, and PostgreSQL when CDOATLAS_TEST_POSTGRES names a
// server.
package sqldbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cdoatlas/cdoatlas/sqldb"
)

// PostgresEnv is the environment variable naming the PostgreSQL server for
// tests, e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable.
// The role must be allowed to create databases.
const PostgresEnv = "CDOATLAS_TEST_POSTGRES"

// Open returns a fresh, migrated SQLite database in tb.TempDir(), closed
// when the test ends.
func Open(tb testing.TB) *sqldb.DB {
	tb.Helper()
	db := OpenUnmigrated(tb)
	if _, err := db.Migrate(context.Background()); err != nil {
		tb.Fatalf("migrate sqlite: %v", err)
	}
	return db
}

// OpenUnmigrated returns an empty SQLite database without schema, closed
// when the test ends.
func OpenUnmigrated(tb testing.TB) *sqldb.DB {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "cdoatlas.db")
	db, err := sqldb.Open(context.Background(), "sqlite:"+path)
	if err != nil {
		tb.Fatalf("open sqlite: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("close sqlite: %v", err)
		}
	})
	return db
}

// OpenPostgres returns a migrated PostgreSQL database created for this
// test with a random name on the server named by CDOATLAS_TEST_POSTGRES,
// and drops it when the test ends. Without that variable the test is
// skipped.
func OpenPostgres(tb testing.TB) *sqldb.DB {
	tb.Helper()
	db := OpenPostgresUnmigrated(tb)
	if _, err := db.Migrate(context.Background()); err != nil {
		tb.Fatalf("migrate postgres: %v", err)
	}
	return db
}

// OpenPostgresUnmigrated is OpenPostgres without the migration.
func OpenPostgresUnmigrated(tb testing.TB) *sqldb.DB {
	tb.Helper()
	server := os.Getenv(PostgresEnv)
	if server == "" {
		tb.Skipf("PostgreSQL tests skipped: set %s to a server DSN, e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", PostgresEnv)
	}
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		tb.Fatalf("%s must be a postgres:// URL", PostgresEnv)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	b := make([]byte, 8)
	rand.Read(b)
	name := "cdoatlas_test_" + hex.EncodeToString(b)
	if err := serverExec(ctx, server, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database on %s: %v", PostgresEnv, err)
	}
	u.Path = "/" + name
	db, err := sqldb.Open(ctx, u.String())
	if err != nil {
		dropDatabase(tb, server, name)
		tb.Fatalf("open test database: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("close postgres: %v", err)
		}
		dropDatabase(tb, server, name)
	})
	return db
}

func dropDatabase(tb testing.TB, server, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := serverExec(ctx, server, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
		tb.Errorf("drop test database %s: %v", name, err)
	}
}

// serverExec runs one statement on the server's own database.
func serverExec(ctx context.Context, server, stmt string) error {
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, stmt)
	return err
}

// Each runs f as subtest "sqlite" on a fresh SQLite database and as
// subtest "postgres" on a fresh PostgreSQL database (skipped unless
// CDOATLAS_TEST_POSTGRES is set).
func Each(t *testing.T, f func(t *testing.T, db *sqldb.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { f(t, Open(t)) })
	t.Run("postgres", func(t *testing.T) { f(t, OpenPostgres(t)) })
}
