package sqldb

import (
	"context"
	"sync"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// versionTTL is how long RegistryVersion trusts the version it read last.
// Changes made through this DB are seen at once (a registry write forgets
// the remembered version when it commits); changes by another process on
// the same database (a CLI import, another server on one PostgreSQL) are
// seen within this time.
const versionTTL = 100 * time.Millisecond

// versionMemo remembers the registry version last read.
type versionMemo struct {
	mu      sync.Mutex
	version int64
	readAt  time.Time
	// forgotten counts forgetVersion calls: a read that began before one
	// must not be remembered.
	forgotten uint64
}

// RegistryVersion returns a number that grows with every change of
// organizations, posts, people or tenures (triggers count them), so that
// callers can cache what they derive from the registry. See versionTTL.
func (db *DB) RegistryVersion(ctx context.Context) (int64, error) {
	now := time.Now()
	db.version.mu.Lock()
	v, fresh := db.version.version, now.Sub(db.version.readAt) < versionTTL
	gen := db.version.forgotten
	db.version.mu.Unlock()
	if fresh {
		return v, nil
	}
	if err := db.rdb.QueryRowContext(ctx, db.rebind("SELECT version FROM registry_version WHERE id = 1")).Scan(&v); err != nil {
		return 0, cdoatlas.Internal(err)
	}
	db.version.mu.Lock()
	if gen == db.version.forgotten && now.After(db.version.readAt) {
		db.version.version, db.version.readAt = v, now
	}
	db.version.mu.Unlock()
	return v, nil
}

// forgetVersion makes the next RegistryVersion read the database.
func (db *DB) forgetVersion() {
	db.version.mu.Lock()
	db.version.readAt = time.Time{}
	db.version.forgotten++
	db.version.mu.Unlock()
}
