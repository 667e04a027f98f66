-- A meeting has at most one breakout plan; plans without a meeting
-- (NULL) are not limited.
CREATE UNIQUE INDEX breakout_plans_meeting ON breakout_plans (meeting_id);
