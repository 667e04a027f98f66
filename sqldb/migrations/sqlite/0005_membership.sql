-- Members of circles and the coordinators' decisions on applications.
CREATE TABLE memberships (
	id                INTEGER PRIMARY KEY,
	circle_id         INTEGER NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
	application_id    INTEGER REFERENCES applications (id) ON DELETE SET NULL,
	person_name       TEXT    NOT NULL,
	email             TEXT    NOT NULL DEFAULT '',
	organization_id   INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
	organization_name TEXT    NOT NULL DEFAULT '',
	kind              TEXT    NOT NULL DEFAULT '',
	country           TEXT    NOT NULL DEFAULT '',
	region            TEXT    NOT NULL DEFAULT '',
	population        INTEGER,
	title             TEXT    NOT NULL DEFAULT '',
	tasks             TEXT    NOT NULL DEFAULT '',
	placement         TEXT    NOT NULL DEFAULT '',
	gender            TEXT    NOT NULL DEFAULT 'unknown',
	listed            INTEGER NOT NULL DEFAULT 0,
	joined_at         TEXT    NOT NULL,
	left_at           TEXT,
	leave_reason      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX memberships_circle ON memberships (circle_id, left_at);
-- One seat per application.
CREATE UNIQUE INDEX memberships_application ON memberships (application_id) WHERE application_id IS NOT NULL;

-- decisions records who decided what on an application, and when.
CREATE TABLE decisions (
	id             INTEGER PRIMARY KEY,
	application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	action         TEXT    NOT NULL,
	user_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
	note           TEXT    NOT NULL DEFAULT '',
	decided_at     TEXT    NOT NULL
);
CREATE INDEX decisions_application ON decisions (application_id, id);
