-- data_links are the links that let a person see, download, correct and
-- erase what is stored under their e-mail address (applications and
-- memberships); only the hash of the link's secret is kept.
CREATE TABLE data_links (
	token_hash TEXT NOT NULL PRIMARY KEY,
	email      TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX data_links_expires_at ON data_links (expires_at);

-- consents records each consent given or withdrawn, per purpose
-- (application, directory, email, publication), with the version of the
-- wording the person saw. The latest record of a subject and purpose is
-- in force. subject is an e-mail address, or person:ID for a registry
-- person whose consent an editor recorded.
CREATE TABLE consents (
	id         BIGSERIAL PRIMARY KEY,
	subject    TEXT    NOT NULL,
	purpose    TEXT    NOT NULL,
	given      BOOLEAN NOT NULL,
	wording    TEXT    NOT NULL,
	source     TEXT    NOT NULL DEFAULT '',
	at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX consents_subject ON consents (subject, purpose, id);
