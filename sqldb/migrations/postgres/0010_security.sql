-- API tokens get an id to list and revoke them by, an optional expiry and
-- the time of their last use (updated at most once a minute).
ALTER TABLE api_tokens ADD COLUMN id BIGSERIAL;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_id_key UNIQUE (id);
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE api_tokens ADD COLUMN last_used_at TIMESTAMPTZ;

-- rate_limits count attempts per bucket (a login per address and e-mail, an
-- application per address, …) in the database, so that every instance
-- behind a load balancer sees the same counts. A count is forgotten at
-- expires_at, which each new attempt moves on.
CREATE TABLE rate_limits (
	bucket     TEXT        NOT NULL PRIMARY KEY,
	count      INTEGER     NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at);

-- server_secrets are keys every instance must share, such as the key that
-- signs CSRF tokens: a form served by one instance is accepted by another.
CREATE TABLE server_secrets (
	name       TEXT        NOT NULL PRIMARY KEY,
	value      TEXT        NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
