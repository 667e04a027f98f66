-- Topic votes: the topics a network's members propose, the votes of a
-- circle over topics and free options, and the members' ballots.
CREATE TABLE topics (
	id          INTEGER PRIMARY KEY,
	network_id  INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
	title       TEXT    NOT NULL,
	description TEXT    NOT NULL DEFAULT '',
	proposer_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	proposer    TEXT    NOT NULL DEFAULT '',
	archived    INTEGER NOT NULL DEFAULT 0,
	merged_into INTEGER REFERENCES topics (id) ON DELETE SET NULL,
	created_at  TEXT    NOT NULL
);
CREATE INDEX topics_network ON topics (network_id, archived);

-- anonymous and hide_results can be switched on, never off (the store
-- refuses); sealed_at is set when the ballots of an anonymous vote lost
-- their members after the close.
CREATE TABLE votes (
	id           INTEGER PRIMARY KEY,
	network_id   INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
	circle_id    INTEGER NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
	question     TEXT    NOT NULL,
	method       TEXT    NOT NULL,
	anonymous    INTEGER NOT NULL DEFAULT 0,
	hide_results INTEGER NOT NULL DEFAULT 0,
	opens_at     TEXT    NOT NULL,
	closes_at    TEXT    NOT NULL,
	sealed_at    TEXT,
	created_at   TEXT    NOT NULL
);
CREATE INDEX votes_network ON votes (network_id, closes_at);

CREATE TABLE vote_options (
	id       INTEGER PRIMARY KEY,
	vote_id  INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
	topic_id INTEGER REFERENCES topics (id) ON DELETE SET NULL,
	label    TEXT    NOT NULL,
	position INTEGER NOT NULL
);
CREATE INDEX vote_options_vote ON vote_options (vote_id, position);
CREATE INDEX vote_options_topic ON vote_options (topic_id);

-- ballots: one per member and vote (the unique index; a change is an
-- upsert). id is random, so that neither it nor the storage order tells
-- when a ballot came; ranks is JSON, groups of tied option IDs, the
-- highest first. member_id is NULL once an anonymous vote closed.
CREATE TABLE ballots (
	id        TEXT    NOT NULL PRIMARY KEY,
	vote_id   INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
	member_id INTEGER REFERENCES memberships (id) ON DELETE SET NULL,
	ranks     TEXT    NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX ballots_member ON ballots (vote_id, member_id);

-- vote_participation: who voted (for the participation, n of m), kept
-- apart from the ballots.
CREATE TABLE vote_participation (
	vote_id   INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
	member_id INTEGER NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
	PRIMARY KEY (vote_id, member_id)
);
