package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// tx is a transaction with its one timestamp. Public methods open it,
// defer rollback, pass it to unexported helpers and commit at the end.
type tx struct {
	db    *DB
	tx    *sql.Tx
	now   time.Time
	slot  chan struct{}        // read slot to give back at the end, or nil
	write bool                 // a write transaction
	stmts map[string]*sql.Stmt // statements prepared in this write transaction
}

// beginRead starts a read-only transaction: page and count see one
// snapshot (SQLite transactions always do; PostgreSQL ones at repeatable
// read). It first waits for a read slot.
func (db *DB) beginRead(ctx context.Context) (*tx, error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if db.dialect == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	if db.readSlots == nil {
		return db.begin(ctx, db.rdb, opts)
	}
	select {
	case db.readSlots <- struct{}{}:
	case <-ctx.Done():
		return nil, cdoatlas.Internal(ctx.Err())
	}
	t, err := db.begin(ctx, db.rdb, opts)
	if err != nil {
		<-db.readSlots
		return nil, err
	}
	t.slot = db.readSlots
	return t, nil
}

// beginWrite starts a write transaction (BEGIN IMMEDIATE on SQLite).
func (db *DB) beginWrite(ctx context.Context) (*tx, error) {
	t, err := db.begin(ctx, db.wdb, nil)
	if err != nil {
		return nil, err
	}
	t.write = true
	return t, nil
}

// beginRegistryWrite starts a write transaction that changes the registry
// (organizations, posts, people, tenures). Every such change bumps the
// registry version (a trigger does), so on PostgreSQL these transactions
// take turns on its row; taking that lock first, before any other, keeps
// two of them from locking each other out. SQLite has one writer anyway.
func (db *DB) beginRegistryWrite(ctx context.Context) (*tx, error) {
	t, err := db.beginWrite(ctx)
	if err != nil || !t.postgres() {
		return t, err
	}
	if _, err := t.exec(ctx, "SELECT version FROM registry_version WHERE id = 1 FOR UPDATE"); err != nil {
		t.rollback()
		return nil, mapError(err)
	}
	return t, nil
}

func (db *DB) begin(ctx context.Context, pool *sql.DB, opts *sql.TxOptions) (*tx, error) {
	if pool == nil {
		return nil, cdoatlas.Internal(errors.New("database is closed"))
	}
	t, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return nil, cdoatlas.Internal(err)
	}
	return &tx{db: db, tx: t, now: db.Now().UTC().Truncate(time.Microsecond)}, nil
}

func (t *tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	t.db.statements.Add(1)
	if s := t.prepared(ctx, query); s != nil {
		return s.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, t.db.rebind(query), args...)
}

func (t *tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	t.db.statements.Add(1)
	if s := t.prepared(ctx, query); s != nil {
		return s.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, t.db.rebind(query), args...)
}

func (t *tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	t.db.statements.Add(1)
	if s := t.prepared(ctx, query); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, t.db.rebind(query), args...)
}

func (t *tx) commit() error {
	err := t.tx.Commit()
	t.release()
	if t.write {
		t.db.forgetVersion()
	}
	if err != nil {
		return mapError(err)
	}
	return nil
}

// rollback ends the transaction unless it was committed; for defer.
func (t *tx) rollback() {
	_ = t.tx.Rollback()
	t.release()
}

// release gives the read slot back, once.
func (t *tx) release() {
	if t.slot != nil {
		<-t.slot
		t.slot = nil
	}
}

// postgres reports whether the transaction runs on PostgreSQL.
func (t *tx) postgres() bool { return t.db.dialect == Postgres }

// ts is the stored form of a timestamp: fixed-width UTC text for SQLite
// (so that it compares as text), a time for PostgreSQL.
func (t *tx) ts(v time.Time) any {
	v = v.UTC().Truncate(time.Microsecond)
	if t.postgres() {
		return v
	}
	return v.Format(timeFormat)
}

const timeFormat = "2006-01-02T15:04:05.000000Z"

// timeCol scans a timestamp column of either dialect.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*c.t = v.UTC()
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	case nil:
		*c.t = time.Time{}
	default:
		return fmt.Errorf("sqldb: cannot scan %T into a time", src)
	}
	return nil
}

func (c timeCol) parse(s string) error {
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("sqldb: bad timestamp %q: %w", s, err)
	}
	*c.t = v.UTC()
	return nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// read runs fn in a read transaction.
func read[T any](ctx context.Context, db *DB, fn func(t *tx) (T, error)) (T, error) {
	t, err := db.beginRead(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	defer t.rollback()
	return fn(t)
}

// readPage runs fn, which finds a page of matches and their total, in a
// read transaction, so that both come from one snapshot.
func readPage[T any](ctx context.Context, db *DB, fn func(t *tx) ([]T, int, error)) ([]T, int, error) {
	t, err := db.beginRead(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer t.rollback()
	return fn(t)
}

// write runs fn in a write transaction (not of the registry) and commits
// when it succeeds.
func (db *DB) write(ctx context.Context, fn func(t *tx) error) error {
	t, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	if err := fn(t); err != nil {
		return err
	}
	return t.commit()
}

// registryWrite runs fn in a registry write transaction and commits when
// it succeeds.
func (db *DB) registryWrite(ctx context.Context, fn func(t *tx) error) error {
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	if err := fn(t); err != nil {
		return err
	}
	return t.commit()
}
