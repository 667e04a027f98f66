-- Meetings of a network: one circle invited, in person or virtual, an
-- agenda (JSON list of items, in order); the invitees' answers and their
-- attendance; and each account's calendar feed token (only its hash).
CREATE TABLE meetings (
	id         INTEGER PRIMARY KEY,
	network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
	circle_id  INTEGER NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
	title      TEXT    NOT NULL,
	starts_at  TEXT    NOT NULL,
	ends_at    TEXT    NOT NULL,
	mode       TEXT    NOT NULL,
	address    TEXT    NOT NULL DEFAULT '',
	url        TEXT    NOT NULL DEFAULT '',
	agenda     TEXT    NOT NULL DEFAULT '[]',
	created_at TEXT    NOT NULL
);
CREATE INDEX meetings_network ON meetings (network_id, starts_at);
CREATE INDEX meetings_circle ON meetings (circle_id, starts_at);

-- answer is '' until the member answers; attended is '' until recorded,
-- then 'yes' or 'no'.
CREATE TABLE meeting_replies (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	member_id  INTEGER NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
	answer     TEXT    NOT NULL DEFAULT '',
	attended   TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE calendar_feeds (
	user_id    INTEGER NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	token_hash TEXT    NOT NULL,
	created_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX calendar_feeds_token ON calendar_feeds (token_hash);
