-- Breakout plans of a network's meetings: who sits with whom in each
-- round. options and rounds are JSON (people are membership IDs);
-- meeting_id links a plan to a meeting later (no foreign key: meetings
-- come in their own migration).
CREATE TABLE breakout_plans (
	id              INTEGER PRIMARY KEY,
	network_id      INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
	meeting_id      INTEGER NULL,
	title           TEXT    NOT NULL,
	held_on         TEXT    NOT NULL DEFAULT '',
	options         TEXT    NOT NULL,
	rounds          TEXT    NOT NULL,
	within_repeats  INTEGER NOT NULL DEFAULT 0,
	history_repeats INTEGER NOT NULL DEFAULT 0,
	violations      INTEGER NOT NULL DEFAULT 0,
	bound           INTEGER NOT NULL DEFAULT 0,
	created_at      TEXT    NOT NULL,
	updated_at      TEXT    NOT NULL
);
CREATE INDEX breakout_plans_network ON breakout_plans (network_id, id);
