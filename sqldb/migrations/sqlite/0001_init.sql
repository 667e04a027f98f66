-- cdoatlas schema, version 1 (SQLite).
-- Timestamps are UTC text of fixed width (2006-01-02T15:04:05.000000Z), so
-- that they compare as text. search and sort columns hold cdoatlas.Fold forms.

CREATE TABLE organizations (
	id              INTEGER PRIMARY KEY,
	name            TEXT    NOT NULL,
	other_names     TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
	kind            TEXT    NOT NULL,
	country         TEXT    NOT NULL,
	region          TEXT    NOT NULL DEFAULT '',
	official_code   TEXT    NOT NULL DEFAULT '',
	code_key        TEXT    NOT NULL DEFAULT '', -- Organization.CodeKey()
	population      INTEGER,
	population_date TEXT    NOT NULL DEFAULT '',
	employees       INTEGER,
	size_class      TEXT    NOT NULL DEFAULT '',
	sector          TEXT    NOT NULL DEFAULT '',
	parent_id       INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
	sort_name       TEXT    NOT NULL DEFAULT '', -- Fold(name)
	search          TEXT    NOT NULL DEFAULT '', -- Organization.SearchText()
	created_at      TEXT    NOT NULL,
	updated_at      TEXT    NOT NULL
);
CREATE UNIQUE INDEX organizations_code_key ON organizations (country, code_key) WHERE code_key <> '';
-- The search scan reads this narrow covering index in name order instead of the table.
CREATE INDEX organizations_sort_name ON organizations (sort_name, id, search);
CREATE INDEX organizations_country ON organizations (country, sort_name, id);
CREATE INDEX organizations_region ON organizations (region, sort_name, id);
CREATE INDEX organizations_kind ON organizations (kind, sort_name, id);
CREATE INDEX organizations_size_class ON organizations (size_class, sort_name, id);
CREATE INDEX organizations_parent_id ON organizations (parent_id);

CREATE TABLE posts (
	id                 INTEGER PRIMARY KEY,
	organization_id    INTEGER NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
	title              TEXT    NOT NULL,
	role               TEXT    NOT NULL,
	cdo_check          TEXT    NOT NULL,
	archetype          TEXT    NOT NULL DEFAULT '',
	placement          TEXT    NOT NULL DEFAULT '',
	cross_departmental INTEGER NOT NULL DEFAULT 0,
	budget             INTEGER NOT NULL DEFAULT 0,
	board_access       INTEGER NOT NULL DEFAULT 0,
	created            TEXT    NOT NULL DEFAULT '',
	abolished          TEXT    NOT NULL DEFAULT '',
	source_url         TEXT    NOT NULL DEFAULT '',
	search             TEXT    NOT NULL DEFAULT '', -- Fold(title)
	created_at         TEXT    NOT NULL,
	updated_at         TEXT    NOT NULL
);
CREATE INDEX posts_organization_id ON posts (organization_id, search);
CREATE INDEX posts_role ON posts (role, organization_id);

CREATE TABLE people (
	id                INTEGER PRIMARY KEY,
	name              TEXT    NOT NULL,
	gender            TEXT    NOT NULL,
	birth_year        INTEGER,
	fictional         INTEGER NOT NULL DEFAULT 0,
	publication_basis TEXT    NOT NULL DEFAULT '',
	search            TEXT    NOT NULL DEFAULT '', -- Fold(name)
	created_at        TEXT    NOT NULL,
	updated_at        TEXT    NOT NULL
);
CREATE INDEX people_search ON people (search, id);

CREATE TABLE tenures (
	id         INTEGER PRIMARY KEY,
	person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
	start_date TEXT    NOT NULL DEFAULT '',
	end_date   TEXT    NOT NULL DEFAULT '',
	status     TEXT    NOT NULL,
	hire       TEXT    NOT NULL,
	source_url TEXT    NOT NULL DEFAULT '',
	created_at TEXT    NOT NULL,
	updated_at TEXT    NOT NULL
);
CREATE INDEX tenures_post_id ON tenures (post_id, start_date);
CREATE INDEX tenures_person_id ON tenures (person_id, start_date);

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE,
	role          TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
	token_hash TEXT    PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TEXT    NOT NULL,
	expires_at TEXT    NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE api_tokens (
	token_hash TEXT    PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name       TEXT    NOT NULL DEFAULT '',
	created_at TEXT    NOT NULL
);
CREATE INDEX api_tokens_user_id ON api_tokens (user_id);

-- A trigram index of organizations.search, so that a substring search for
-- a rare term reads its few matches instead of every organization (see
-- organizationSearch). It is kept in step by the triggers below.
CREATE VIRTUAL TABLE organizations_fts USING fts5 (
	search, content = 'organizations', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER organizations_fts_insert AFTER INSERT ON organizations BEGIN
	INSERT INTO organizations_fts (rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER organizations_fts_delete AFTER DELETE ON organizations BEGIN
	INSERT INTO organizations_fts (organizations_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER organizations_fts_update AFTER UPDATE OF search ON organizations BEGIN
	INSERT INTO organizations_fts (organizations_fts, rowid, search) VALUES ('delete', old.id, old.search);
	INSERT INTO organizations_fts (rowid, search) VALUES (new.id, new.search);
END;

-- registry_version counts the changes of the registry tables. List queries
-- cache their total counts under it: a count read in a snapshot with the
-- same version is still right.
CREATE TABLE registry_version (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL
);
INSERT INTO registry_version (id, version) VALUES (1, 0);
CREATE TRIGGER organizations_version_insert AFTER INSERT ON organizations BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER organizations_version_update AFTER UPDATE ON organizations BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER organizations_version_delete AFTER DELETE ON organizations BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER posts_version_insert AFTER INSERT ON posts BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER posts_version_update AFTER UPDATE ON posts BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER posts_version_delete AFTER DELETE ON posts BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER people_version_insert AFTER INSERT ON people BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER people_version_update AFTER UPDATE ON people BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER people_version_delete AFTER DELETE ON people BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER tenures_version_insert AFTER INSERT ON tenures BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER tenures_version_update AFTER UPDATE ON tenures BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER tenures_version_delete AFTER DELETE ON tenures BEGIN
	UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
