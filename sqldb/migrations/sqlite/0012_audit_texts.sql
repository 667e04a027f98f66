-- audit_log records every change to personal data: who (the account, or a
-- label such as "cli" or "public form"), when, what (entity, id, action)
-- and which fields changed — never the values, so that erasing a person
-- leaves no copy of their data here.
CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TEXT    NOT NULL,
	actor_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
	actor     TEXT    NOT NULL,
	entity    TEXT    NOT NULL,
	entity_id INTEGER NOT NULL DEFAULT 0,
	action    TEXT    NOT NULL,
	fields    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- site_texts are the texts an admin sets for the site, per language: the
-- Impressum and the Datenschutzerklärung.
CREATE TABLE site_texts (
	name       TEXT NOT NULL,
	lang       TEXT NOT NULL,
	body       TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (name, lang)
);
