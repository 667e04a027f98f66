package sqldb

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// The migrations of each dialect, numbered alike: NNNN_name.sql.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// migration is one schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the steps of the dialect in order.
func (db *DB) migrations() ([]migration, error) {
	dir := path.Join("migrations", db.dialect)
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("migrations: bad file name %s", name)
		}
		b, err := fs.ReadFile(migrationFS, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations: two files with version %d", ms[i].version)
		}
	}
	return ms, nil
}

// Migrate applies the pending migrations, each in its own transaction, and
// returns how many it applied. Concurrent Migrate calls are safe: SQLite
// serializes the write transactions, PostgreSQL takes an advisory lock.
func (db *DB) Migrate(ctx context.Context) (applied int, err error) {
	ms, err := db.migrations()
	if err != nil {
		return 0, err
	}
	for _, m := range ms {
		ok, err := db.migrate(ctx, m)
		if err != nil {
			return applied, fmt.Errorf("migration %s: %w", m.name, err)
		}
		if ok {
			applied++
		}
	}
	return applied, nil
}

// migrationsTable is the same in both dialects; applied_at is ISO 8601 text.
const migrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// migrationLock is the PostgreSQL advisory lock key of migrations.
const migrationLock = 0x6364_6f61_746c_6173 // "cdoatlas"

// migrate applies m unless it is applied already, and reports whether it did.
func (db *DB) migrate(ctx context.Context, m migration) (bool, error) {
	t, err := db.beginWrite(ctx)
	if err != nil {
		return false, err
	}
	defer t.rollback()
	if t.postgres() {
		if _, err := t.exec(ctx, "SELECT pg_advisory_xact_lock(?)", int64(migrationLock)); err != nil {
			return false, err
		}
	}
	if _, err := t.exec(ctx, migrationsTable); err != nil {
		return false, err
	}
	var n int
	if err := t.queryRow(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", m.version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := t.tx.ExecContext(ctx, m.sql); err != nil {
		return false, err
	}
	if _, err := t.exec(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
		m.version, m.name, t.now.Format(timeFormat)); err != nil {
		return false, err
	}
	return true, t.tx.Commit()
}

// SchemaVersion returns the highest applied migration (0 for an empty
// database) and the highest this program knows.
func (db *DB) SchemaVersion(ctx context.Context) (current, latest int, err error) {
	ms, err := db.migrations()
	if err != nil {
		return 0, 0, err
	}
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	if db.rdb == nil {
		return 0, latest, fmt.Errorf("database is closed")
	}
	var exists int
	q := "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
	if db.dialect == Postgres {
		q = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
	}
	if err := db.rdb.QueryRowContext(ctx, q).Scan(&exists); err != nil {
		return 0, latest, err
	}
	if exists == 0 {
		return 0, latest, nil
	}
	err = db.rdb.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&current)
	return current, latest, err
}

// CheckSchema returns an error unless the database schema is exactly the
// one this program needs: when migrations are pending it says to run
// `cdoatlas migrate`.
func (db *DB) CheckSchema(ctx context.Context) error {
	current, latest, err := db.SchemaVersion(ctx)
	switch {
	case err != nil:
		return fmt.Errorf("checking the database schema: %w", err)
	case current < latest:
		return fmt.Errorf("database schema is at version %d, this cdoatlas needs %d: run `cdoatlas migrate`", current, latest)
	case current > latest:
		return fmt.Errorf("database schema is at version %d, newer than this cdoatlas knows (%d): update cdoatlas", current, latest)
	}
	return nil
}
