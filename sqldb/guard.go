package sqldb

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// CountAttempt adds delta to the attempts counted under key and returns the
// new count (never below zero). A count whose last change is older than
// window starts again from zero. Expired counts are removed on the way.
func (db *DB) CountAttempt(ctx context.Context, key string, delta int, window time.Duration) (int, error) {
	t, err := db.beginWrite(ctx)
	if err != nil {
		return 0, err
	}
	defer t.rollback()
	now := t.ts(t.now)
	if _, err := t.exec(ctx, "DELETE FROM rate_limits WHERE expires_at <= ?", now); err != nil {
		return 0, mapError(err)
	}
	var n int
	if delta >= 0 {
		err = t.queryRow(ctx, "INSERT INTO rate_limits (bucket, count, expires_at) VALUES (?, ?, ?) "+
			"ON CONFLICT (bucket) DO UPDATE SET count = rate_limits.count + excluded.count, expires_at = excluded.expires_at RETURNING count",
			key, delta, t.ts(t.now.Add(window))).Scan(&n)
	} else {
		err = t.queryRow(ctx, "UPDATE rate_limits SET count = CASE WHEN count + ? < 0 THEN 0 ELSE count + ? END, expires_at = ? WHERE bucket = ? RETURNING count",
			delta, delta, t.ts(t.now.Add(window)), key).Scan(&n)
		if noRows(err) {
			n, err = 0, nil
		}
	}
	if err != nil {
		return 0, mapError(err)
	}
	return n, t.commit()
}

// ServerSecret returns the secret stored under name, making one of size
// random bytes the first time. Instances that start at once agree: the
// first insert wins and everyone reads it back.
func (db *DB) ServerSecret(ctx context.Context, name string, size int) ([]byte, error) {
	key := make([]byte, size)
	if _, err := rand.Read(key); err != nil {
		return nil, cdoatlas.Internal(err)
	}
	t, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer t.rollback()
	if _, err := t.exec(ctx, "INSERT INTO server_secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
		name, base64.StdEncoding.EncodeToString(key), t.ts(t.now)); err != nil {
		return nil, mapError(err)
	}
	var v string
	if err := t.queryRow(ctx, "SELECT value FROM server_secrets WHERE name = ?", name).Scan(&v); err != nil {
		return nil, mapError(err)
	}
	if err := t.commit(); err != nil {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return nil, cdoatlas.Internal(err)
	}
	return b, nil
}
