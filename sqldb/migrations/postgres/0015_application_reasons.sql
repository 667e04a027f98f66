-- explanations keeps the reasons of an application's CDO check in both
-- languages, as the classifier gave them when the application came in: a
-- JSON list of {code, de, en}. '' until they are stored: applications from
-- before this migration, and erased ones, get them when the coordinators'
-- list first shows them.
ALTER TABLE applications ADD COLUMN explanations TEXT NOT NULL DEFAULT '';
