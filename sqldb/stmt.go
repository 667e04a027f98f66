package sqldb

import (
	"context"
	"database/sql"
	"sync"
)

// Prepared statements. SQLite (modernc) parses every statement anew unless
// it is prepared, and parsing costs more than running most of our queries:
// an import of 100 000 rows spent twice as long preparing as executing.
// PostgreSQL needs none of this: pgx keeps prepared statements per
// connection on its own.

// maxCachedStmts bounds the statement cache; filter combinations make the
// number of list queries finite but large.
const maxCachedStmts = 512

// stmtCache holds statements prepared on the read pool; database/sql keeps
// each prepared on every connection it was used on.
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) get(ctx context.Context, pool *sql.DB, query string) *sql.Stmt {
	c.mu.Lock()
	s, ok := c.stmts[query]
	full := len(c.stmts) >= maxCachedStmts
	c.mu.Unlock()
	if ok || full {
		return s
	}
	s, err := pool.PrepareContext(ctx, query)
	if err != nil {
		return nil // the caller runs the query unprepared and meets the error
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.stmts[query]; ok {
		s.Close()
		return old
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = s
	return s
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.stmts {
		s.Close()
	}
	c.stmts = nil
}

// prepared returns query prepared for this transaction, or nil to run it
// unprepared (PostgreSQL, or when preparing fails). A write transaction
// prepares on its own connection and keeps the statements until it ends:
// the single writing connection cannot prepare outside it meanwhile. A read
// transaction uses the statements cached for the read pool.
func (t *tx) prepared(ctx context.Context, query string) *sql.Stmt {
	if t.postgres() {
		return nil
	}
	if t.write {
		if s, ok := t.stmts[query]; ok {
			return s
		}
		s, err := t.tx.PrepareContext(ctx, query)
		if err != nil {
			return nil
		}
		if t.stmts == nil {
			t.stmts = map[string]*sql.Stmt{}
		}
		t.stmts[query] = s
		return s
	}
	s := t.db.readStmts.get(ctx, t.db.rdb, query)
	if s == nil {
		return nil
	}
	return t.tx.StmtContext(ctx, s)
}
