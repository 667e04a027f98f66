// Package sqldb stores the atlas in SQLite (the default, pure Go, no cgo)
// or PostgreSQL. One Go implementation of every service serves both
// databases; the SQL is written with ? placeholders, rebound to $1, $2 … for
// PostgreSQL, and the schema is kept as hand-written migrations per dialect
// (migrations/sqlite, migrations/postgres, same numbering).
package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cdoatlas/cdoatlas"

	_ "modernc.org/sqlite" // registers driver "sqlite"
)

// Dialect names, as returned by (*DB).Dialect.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// DefaultPath is the SQLite file used when the DSN is empty.
const DefaultPath = "./cdoatlas.db"

// busyTimeout is how long an SQLite connection waits for a lock.
const busyTimeout = 10 * time.Second

// DB is an open database. It implements cdoatlas.Store.
type DB struct {
	// Now returns the current time. Every transaction reads it once, so
	// that one operation has one timestamp. Tests may replace it.
	Now func() time.Time
	// ReviewThreshold is the confidence below which an automatic
	// classification of a post waits in the review queue; 0 means
	// classify.ReviewThreshold.
	ReviewThreshold float64
	// Letters writes the mails that changes send (the confirmation of an
	// application, an offered seat, a password reset …); the store queues
	// them in the outbox in the change's own transaction. Without Letters
	// no mail is queued, and a password reset is refused.
	Letters cdoatlas.Letters

	dialect string
	// rdb serves read-only transactions; wdb serves writes. For SQLite, wdb
	// has a single connection (SQLite allows one writer at a time, and
	// queueing in Go is cheaper than busy-waiting in SQLite) while rdb has
	// several, so that readers run in parallel under WAL. For PostgreSQL
	// both are the same pool.
	rdb, wdb *sql.DB

	// readSlots admits read transactions in arrival order.
	readSlots chan struct{}

	rebound     sync.Map // query with ? → query with $n (PostgreSQL)
	readStmts   stmtCache
	counts      countCache
	version     versionMemo
	commonTerms termSet      // search terms with many matches (SQLite)
	statements  atomic.Int64 // run through a transaction (Statements)
}

var _ cdoatlas.Store = (*DB)(nil)

// Open opens the database named by dsn:
//
//   - "" for ./cdoatlas.db,
//   - "sqlite:PATH" or a plain file path for SQLite,
//   - "postgres://…" or "postgresql://…" for PostgreSQL.
//
// It does not migrate; call Migrate, or CheckSchema to refuse an old schema.
func Open(ctx context.Context, dsn string) (*DB, error) {
	dialect, target, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	db := &DB{Now: time.Now, dialect: dialect}
	switch dialect {
	case SQLite:
		err = db.openSQLite(ctx, target)
	case Postgres:
		err = db.openPostgres(ctx, target)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// parseDSN tells the dialect of dsn and what to hand its driver.
func parseDSN(dsn string) (dialect, target string, err error) {
	dsn = strings.TrimSpace(dsn)
	switch {
	case dsn == "":
		return SQLite, DefaultPath, nil
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return Postgres, dsn, nil
	case strings.HasPrefix(dsn, "sqlite:"):
		dsn = strings.TrimPrefix(dsn, "sqlite:")
		dsn = strings.TrimPrefix(dsn, "//") // sqlite:///abs/path
	case strings.Contains(dsn, "://"):
		return "", "", fmt.Errorf("unsupported database %q: give a file path, sqlite:PATH or postgres://…", dsn)
	}
	if dsn == "" {
		return "", "", errors.New("sqlite: empty file path")
	}
	if strings.ContainsAny(dsn, "?#") {
		return "", "", fmt.Errorf("sqlite: file path %q must not contain ? or #", dsn)
	}
	return SQLite, dsn, nil
}

func (db *DB) openSQLite(ctx context.Context, path string) error {
	timeout := strconv.FormatInt(busyTimeout.Milliseconds(), 10)
	common := "_pragma=busy_timeout(" + timeout + ")&_pragma=foreign_keys(1)"
	var err error
	// The writer turns WAL on (a property of the file) before any reader opens.
	db.wdb, err = sql.Open("sqlite", path+"?"+common+
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-16384)&_pragma=temp_store(2)&_txlock=immediate")
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	db.wdb.SetMaxOpenConns(1)
	db.wdb.SetMaxIdleConns(1)
	db.wdb.SetConnMaxIdleTime(0)
	if err := db.wdb.PingContext(ctx); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.rdb, err = sql.Open("sqlite", path+"?"+common+
		"&_pragma=query_only(1)&_pragma=mmap_size(268435456)")
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	n := readSlots(SQLite)
	db.readSlots = make(chan struct{}, n)
	// A few more connections than slots, for Ping and CheckSchema.
	db.rdb.SetMaxOpenConns(n + 2)
	db.rdb.SetMaxIdleConns(n + 2)
	if err := db.rdb.PingContext(ctx); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return nil
}

func (db *DB) openPostgres(ctx context.Context, dsn string) error {
	pool, err := openPostgresPool(dsn)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	db.rdb, db.wdb = pool, pool
	pool.SetMaxOpenConns(postgresConns)
	pool.SetMaxIdleConns(postgresConns) // closing and reopening costs a server process
	pool.SetConnMaxIdleTime(5 * time.Minute)
	db.readSlots = make(chan struct{}, readSlots(Postgres))
	if err := pool.PingContext(ctx); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	return nil
}

// postgresConns caps the connections to PostgreSQL, for reads and writes.
const postgresConns = 32

// Read slots. Reads wait for a slot before they take a connection, so that
// only a few queries run at once, about as many as there are cores to run
// them. More at once only make each slower, and the requests that wait for
// a connection in database/sql are served in random order (it hands a freed
// connection to a random waiter), which gives a long tail of very late
// answers under load. A channel serves its waiters first come, first
// served. SQLite runs in this process: two per core. PostgreSQL also works
// in its own processes, perhaps on a larger machine: four per core.
func readSlots(dialect string) int {
	if dialect == Postgres {
		return max(8, 4*runtime.GOMAXPROCS(0))
	}
	return max(4, 2*runtime.GOMAXPROCS(0))
}

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if db.rdb == nil {
		return errors.New("database is closed")
	}
	var one int
	return db.rdb.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Close closes the database. For SQLite it first lets the query planner
// refresh its statistics (PRAGMA optimize), as SQLite recommends.
func (db *DB) Close() error {
	var errs []error
	if db.dialect == SQLite && db.wdb != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		db.wdb.ExecContext(ctx, "PRAGMA optimize") // best effort
		cancel()
	}
	db.readStmts.close()
	if db.rdb != nil {
		errs = append(errs, db.rdb.Close())
	}
	if db.wdb != nil && db.wdb != db.rdb {
		errs = append(errs, db.wdb.Close())
	}
	db.rdb, db.wdb = nil, nil
	return errors.Join(errs...)
}

// rebind turns ? placeholders into $1, $2 … for PostgreSQL. Queries never
// contain a literal question mark.
func (db *DB) rebind(query string) string {
	if db.dialect != Postgres {
		return query
	}
	if q, ok := db.rebound.Load(query); ok {
		return q.(string)
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		} else {
			b.WriteByte(query[i])
		}
	}
	q := b.String()
	db.rebound.Store(query, q)
	return q
}
