-- Observation files are raw data: a cell that could not be normalised is
-- kept with its raw value and flagged (a JSON array of
-- {"field", "raw", "reason"}), instead of refusing the file.
ALTER TABLE observations ADD COLUMN flags TEXT NOT NULL DEFAULT '';

-- census_jobs are the census imports started from the web upload: their
-- progress and outcome survive a restart of the server that ran them, and
-- every instance behind a load balancer shows them.
CREATE TABLE census_jobs (
	id         TEXT    NOT NULL PRIMARY KEY,
	wave       TEXT    NOT NULL,
	state      TEXT    NOT NULL, -- running, done, failed, cancelled
	total      INTEGER NOT NULL DEFAULT 0,
	done       INTEGER NOT NULL DEFAULT 0,
	summary    TEXT    NOT NULL DEFAULT '',
	warnings   TEXT    NOT NULL DEFAULT '',
	error_field TEXT   NOT NULL DEFAULT '',
	error_key  TEXT    NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
