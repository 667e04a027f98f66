-- Observation files are raw data: a cell that could not be normalised is
-- kept with its raw value and flagged (a JSON array of
-- {"field", "raw", "reason"}), instead of refusing the file.
ALTER TABLE observations ADD COLUMN flags TEXT NOT NULL DEFAULT '';
