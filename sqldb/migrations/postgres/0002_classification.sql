-- Automatic classification of posts and the review of uncertain results.
-- tasks is the task description the CDO check reads; confidence is that of
-- the classification; review says who set role, check and archetype:
-- auto (the classifier, sure enough), pending (the classifier, waiting in
-- the review queue), confirmed (an editor in the review queue) or manual
-- (whoever wrote the post). Existing posts were written by hand.
ALTER TABLE posts ADD COLUMN tasks TEXT NOT NULL DEFAULT '';
ALTER TABLE posts ADD COLUMN confidence DOUBLE PRECISION NOT NULL DEFAULT 1;
ALTER TABLE posts ADD COLUMN review TEXT NOT NULL DEFAULT 'manual';
CREATE INDEX posts_review ON posts (review, id);

-- title_decisions is the vocabulary editors teach the classifier: the role
-- confirmed for a title, keyed by classify.TitleKey.
CREATE TABLE title_decisions (
	title_key  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
	title      TEXT        NOT NULL, -- as written on the post decided
	role       TEXT        NOT NULL,
	decided_by BIGINT      REFERENCES users (id) ON DELETE SET NULL,
	decided_at TIMESTAMPTZ NOT NULL
);
