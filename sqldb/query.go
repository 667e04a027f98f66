package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/cdoatlas/cdoatlas"
)

// where collects the conditions and arguments of a filtered query.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// String returns " WHERE c1 AND c2 …", or "" without conditions.
func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// likeContains returns the LIKE pattern matching the folded form of q as a
// substring (use with ESCAPE '\'); "" when q folds to nothing and so should
// not filter.
func likeContains(q string) string {
	f := cdoatlas.Fold(q)
	if f == "" {
		return ""
	}
	return "%" + escapeLike(f) + "%"
}

// likeEscaper escapes the LIKE wildcards. Folded text holds none today
// (Fold turns punctuation into space), but the pattern must not depend on
// that.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func escapeLike(s string) string { return likeEscaper.Replace(s) }

// like returns the condition "col matches pattern" for a pattern made by
// likeContains. PostgreSQL escapes with backslash by default (and so can
// use a trigram index on col); SQLite needs the ESCAPE clause.
func (db *DB) like(col string) string {
	if db.dialect == Postgres {
		return col + " LIKE ?"
	}
	return col + ` LIKE ? ESCAPE '\'`
}

// page returns the LIMIT/OFFSET clause and its arguments. limit <= 0 means
// no limit; negative offsets count as 0.
func (db *DB) page(offset, limit int) (string, []any) {
	offset = max(offset, 0)
	switch {
	case limit > 0 && offset > 0:
		return " LIMIT ? OFFSET ?", []any{limit, offset}
	case limit > 0:
		return " LIMIT ?", []any{limit}
	case offset > 0 && db.dialect == SQLite:
		return " LIMIT -1 OFFSET ?", []any{offset}
	case offset > 0:
		return " OFFSET ?", []any{offset}
	}
	return "", nil
}

// total tells the number of all matches from a page, without a count
// query when the page itself shows it: a page shorter than the limit (or
// an unlimited one) that is not past the end holds the last match.
func total(offset, limit, n int, count func() (int, error)) (int, error) {
	offset = max(offset, 0)
	if (limit <= 0 || n < limit) && (n > 0 || offset == 0) {
		return offset + n, nil
	}
	return count()
}

// findPage runs the page query and, when needed, the count query of a
// list, both in the same read transaction, scanning rows with scan.
func findPage[T any](ctx context.Context, t *tx, cols, from string, w *where, order string, offset, limit int, scan func(scanner) (T, error)) ([]T, int, error) {
	pageSQL, pageArgs := t.db.page(offset, limit)
	rows, err := t.query(ctx, "SELECT "+cols+" FROM "+from+w.String()+" ORDER BY "+order+pageSQL, append(w.args[:len(w.args):len(w.args)], pageArgs...)...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	defer rows.Close()
	items := []T{}
	for rows.Next() {
		item, err := scan(rows)
		if err != nil {
			return nil, 0, mapError(err)
		}
		items = append(items, item)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, mapError(err)
	}
	rows.Close()
	n, err := total(offset, limit, len(items), func() (int, error) {
		return t.count(ctx, "SELECT COUNT(*) FROM "+from+w.String(), w.args)
	})
	if err != nil {
		return nil, 0, err
	}
	return items, n, nil
}

// nullInt64 is the stored form of an optional number.
func nullInt64(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// int64Ptr turns a scanned optional number back into a pointer.
func int64Ptr(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	v := n.Int64
	return &v
}

// encodeNames is the stored form of a list of names: a JSON array.
func encodeNames(names []string) string {
	if len(names) == 0 {
		return "[]"
	}
	b, err := json.Marshal(names)
	if err != nil { // cannot happen for strings
		return "[]"
	}
	return string(b)
}

// decodeNames reads a stored list of names; never nil.
func decodeNames(s string) []string {
	names := []string{}
	if s != "" {
		_ = json.Unmarshal([]byte(s), &names)
	}
	if names == nil {
		names = []string{}
	}
	return names
}

// count runs a COUNT query, or takes its result from the count cache: the
// registry version read in this transaction's snapshot tells whether a
// cached count still holds. Counting means scanning every match, which is
// most of the work of listing a common search term.
func (t *tx) count(ctx context.Context, query string, args []any) (int, error) {
	var version int64
	if err := t.queryRow(ctx, "SELECT version FROM registry_version WHERE id = 1").Scan(&version); err != nil {
		return 0, mapError(err)
	}
	key := countKey(query, args)
	if n, ok := t.db.counts.get(version, key); ok {
		return n, nil
	}
	var n int
	if err := t.queryRow(ctx, query, args...).Scan(&n); err != nil {
		return 0, mapError(err)
	}
	t.db.counts.put(version, key, n)
	return n, nil
}

func countKey(query string, args []any) string {
	var b strings.Builder
	b.WriteString(query)
	for _, a := range args {
		fmt.Fprintf(&b, "\x00%T:%v", a, a)
	}
	return b.String()
}

// maxCachedCounts bounds the count cache; when full it starts afresh.
const maxCachedCounts = 4096

// countCache holds the counts of one registry version.
type countCache struct {
	mu      sync.Mutex
	version int64
	counts  map[string]int
}

func (c *countCache) get(version int64, key string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return 0, false
	}
	n, ok := c.counts[key]
	return n, ok
}

func (c *countCache) put(version int64, key string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case version < c.version:
		return // a transaction that began before a change finished late
	case version > c.version || c.counts == nil || len(c.counts) >= maxCachedCounts:
		c.version, c.counts = version, map[string]int{}
	}
	c.counts[key] = n
}
