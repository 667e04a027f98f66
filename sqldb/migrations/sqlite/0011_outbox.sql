-- The outbox: every mail is written here in the same transaction as the
-- change it tells of, and a sender delivers it later. A claimed mail is
-- "sending" until next_attempt_at (its lease); a failed attempt sets
-- "retrying" and the time of the next. The body is emptied once the mail
-- is sent, as it may hold a private link.
CREATE TABLE outbox (
	id              INTEGER PRIMARY KEY,
	kind            TEXT    NOT NULL,
	recipient       TEXT    NOT NULL,
	subject         TEXT    NOT NULL,
	body            TEXT    NOT NULL,
	state           TEXT    NOT NULL, -- queued, sending, retrying, sent, failed, unsent
	attempts        INTEGER NOT NULL DEFAULT 0,
	created_at      TEXT    NOT NULL,
	next_attempt_at TEXT    NOT NULL,
	sent_at         TEXT,
	expires_at      TEXT,             -- not sent after it (password reset links)
	last_error      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state IN ('queued', 'sending', 'retrying');
CREATE INDEX outbox_state ON outbox (state, id);

-- Password reset tokens: the SHA-256 of a random secret sent by mail,
-- valid for an hour and once.
CREATE TABLE password_resets (
	token_hash TEXT    PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TEXT    NOT NULL,
	expires_at TEXT    NOT NULL
);
CREATE INDEX password_resets_user_id ON password_resets (user_id);
CREATE INDEX password_resets_expires_at ON password_resets (expires_at);

-- Further private status links of an application, sent with the mail that
-- offers a seat (the first link's secret is kept only as a hash, so it
-- cannot be sent again).
CREATE TABLE application_links (
	secret_hash    TEXT    PRIMARY KEY,
	application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	created_at     TEXT    NOT NULL
);
CREATE INDEX application_links_application_id ON application_links (application_id);
