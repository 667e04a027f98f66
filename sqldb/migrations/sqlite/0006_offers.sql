-- Seats offered to waitlisted applicants when members leave. An open
-- offer holds its seat until it is accepted, declined or expires.
CREATE TABLE offers (
	id             INTEGER PRIMARY KEY,
	application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	circle_id      INTEGER NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
	state          TEXT    NOT NULL, -- open, accepted, declined, expired
	offered_at     TEXT    NOT NULL,
	expires_at     TEXT    NOT NULL,
	answered_at    TEXT
);
CREATE INDEX offers_circle ON offers (circle_id, state);
CREATE UNIQUE INDEX offers_open ON offers (application_id) WHERE state = 'open';
