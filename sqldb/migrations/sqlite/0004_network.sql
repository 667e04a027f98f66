-- Peer networks: circles (capped or open), calls for members and the
-- applications to them.
CREATE TABLE networks (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	goals       TEXT NOT NULL DEFAULT '{}', -- JSON: attribute → weight
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);

CREATE TABLE circles (
	id         INTEGER PRIMARY KEY,
	network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
	name       TEXT    NOT NULL,
	capacity   INTEGER NOT NULL DEFAULT 0 -- 0: no cap
);
CREATE INDEX circles_network ON circles (network_id);

CREATE TABLE calls (
	id         INTEGER PRIMARY KEY,
	network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
	circle_id  INTEGER NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
	title      TEXT    NOT NULL,
	text       TEXT    NOT NULL DEFAULT '',
	criteria   TEXT    NOT NULL DEFAULT '',
	deadline   TEXT    NOT NULL,
	created_at TEXT    NOT NULL
);
CREATE INDEX calls_network ON calls (network_id);

-- applications come through the public form. secret_hash is the SHA-256
-- of the private status link's secret.
CREATE TABLE applications (
	id                INTEGER PRIMARY KEY,
	call_id           INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
	secret_hash       TEXT    NOT NULL UNIQUE,
	person_name       TEXT    NOT NULL,
	email             TEXT    NOT NULL,
	organization_id   INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
	organization_name TEXT    NOT NULL DEFAULT '',
	kind              TEXT    NOT NULL DEFAULT '',
	country           TEXT    NOT NULL DEFAULT '',
	region            TEXT    NOT NULL DEFAULT '',
	population        INTEGER,
	title             TEXT    NOT NULL,
	tasks             TEXT    NOT NULL,
	placement         TEXT    NOT NULL DEFAULT '',
	mandate           TEXT    NOT NULL DEFAULT '',
	gender            TEXT    NOT NULL DEFAULT 'unknown',
	consent_at        TEXT    NOT NULL,
	cdo_check         TEXT    NOT NULL,
	reasons           TEXT    NOT NULL DEFAULT '[]', -- JSON list of English reasons
	archetype         TEXT    NOT NULL DEFAULT '',
	status            TEXT    NOT NULL,
	applied_at        TEXT    NOT NULL
);
CREATE INDEX applications_call ON applications (call_id, id);
