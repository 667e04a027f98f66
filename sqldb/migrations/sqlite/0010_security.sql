-- API tokens get an id to list and revoke them by, an optional expiry and
-- the time of their last use (updated at most once a minute).
CREATE TABLE api_tokens_new (
	id           INTEGER PRIMARY KEY,
	token_hash   TEXT    NOT NULL UNIQUE,
	user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name         TEXT    NOT NULL DEFAULT '',
	created_at   TEXT    NOT NULL,
	expires_at   TEXT,
	last_used_at TEXT
);
INSERT INTO api_tokens_new (token_hash, user_id, name, created_at)
	SELECT token_hash, user_id, name, created_at FROM api_tokens ORDER BY created_at, token_hash;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_new RENAME TO api_tokens;
CREATE INDEX api_tokens_user_id ON api_tokens (user_id);

-- rate_limits count attempts per bucket (a login per address and e-mail, an
-- application per address, …) in the database, so that every instance
-- behind a load balancer sees the same counts. A count is forgotten at
-- expires_at, which each new attempt moves on.
CREATE TABLE rate_limits (
	bucket     TEXT    NOT NULL PRIMARY KEY,
	count      INTEGER NOT NULL,
	expires_at TEXT    NOT NULL
);
CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at);

-- server_secrets are keys every instance must share, such as the key that
-- signs CSRF tokens: a form served by one instance is accepted by another.
CREATE TABLE server_secrets (
	name       TEXT NOT NULL PRIMARY KEY,
	value      TEXT NOT NULL,
	created_at TEXT NOT NULL
);
