-- The census: waves of observations and what they were resolved to.
CREATE TABLE waves (
	id         TEXT NOT NULL PRIMARY KEY,
	date       TEXT NOT NULL,
	notes      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);

-- observations keeps every row of every source. row_key identifies a row
-- by its content within a wave, so that importing it again changes
-- nothing. Rows that are not digital leadership (role other) have no
-- organization, post or person.
CREATE TABLE observations (
	id              INTEGER PRIMARY KEY,
	wave            TEXT    NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
	source          TEXT    NOT NULL,
	file            TEXT    NOT NULL DEFAULT '',
	line            INTEGER NOT NULL DEFAULT 0,
	row_key         TEXT    NOT NULL,
	person_name     TEXT    NOT NULL,
	title           TEXT    NOT NULL,
	organization    TEXT    NOT NULL,
	country         TEXT    NOT NULL DEFAULT '',
	region          TEXT    NOT NULL DEFAULT '',
	official_code   TEXT    NOT NULL DEFAULT '',
	profile_url     TEXT    NOT NULL DEFAULT '',
	gender          TEXT    NOT NULL DEFAULT 'unknown',
	birth_year      INTEGER,
	tasks           TEXT    NOT NULL DEFAULT '',
	source_url      TEXT    NOT NULL DEFAULT '',
	observed_on     TEXT    NOT NULL DEFAULT '',
	role            TEXT    NOT NULL,
	cdo_check       TEXT    NOT NULL,
	archetype       TEXT    NOT NULL DEFAULT '',
	confidence      REAL    NOT NULL DEFAULT 0,
	organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
	post_id         INTEGER REFERENCES posts (id) ON DELETE SET NULL,
	person_id       INTEGER REFERENCES people (id) ON DELETE SET NULL,
	match_score     REAL    NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX observations_row_key ON observations (wave, row_key);
CREATE INDEX observations_person ON observations (person_id) WHERE person_id IS NOT NULL;

-- profiles links profile URLs (census.ProfileKey) to people: two
-- different profiles on one site are two people.
CREATE TABLE profiles (
	profile_key TEXT    NOT NULL PRIMARY KEY,
	person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE
);
CREATE INDEX profiles_person ON profiles (person_id);

-- match_questions are pairs of people the resolution could not tell apart,
-- and the editors' answers. A pair is asked once.
CREATE TABLE match_questions (
	id         INTEGER PRIMARY KEY,
	person_a   INTEGER NOT NULL,
	person_b   INTEGER NOT NULL,
	score      REAL    NOT NULL,
	evidence   TEXT    NOT NULL,
	answer     TEXT    NOT NULL DEFAULT '',
	decided_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	decided_at TEXT,
	created_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX match_questions_pair ON match_questions (person_a, person_b);
