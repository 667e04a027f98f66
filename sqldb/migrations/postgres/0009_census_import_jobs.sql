-- census_import_jobs are the census imports started from the web upload:
-- their progress and outcome survive a restart of the server that ran
-- them, and every instance behind a load balancer shows them. summary is
-- JSON (cdoatlas.ObservationSummary) once done; warnings a JSON array of
-- the first flagged cells (cdoatlas.LineError), flagged counts them all.
-- updated_at is the time of the last news from the job.
CREATE TABLE census_import_jobs (
	id          TEXT    NOT NULL PRIMARY KEY,
	wave        TEXT    NOT NULL,
	created_by  BIGINT  REFERENCES users (id) ON DELETE SET NULL,
	state       TEXT    NOT NULL, -- running, done, failed, interrupted
	total       INTEGER NOT NULL DEFAULT 0,
	done        INTEGER NOT NULL DEFAULT 0,
	summary     TEXT    NOT NULL DEFAULT '',
	error_field TEXT    NOT NULL DEFAULT '',
	error_key   TEXT    NOT NULL DEFAULT '',
	warnings    TEXT    NOT NULL DEFAULT '',
	flagged     INTEGER NOT NULL DEFAULT 0,
	started_at  TIMESTAMPTZ NOT NULL,
	updated_at  TIMESTAMPTZ NOT NULL,
	finished_at TIMESTAMPTZ
);
CREATE INDEX census_import_jobs_running ON census_import_jobs (updated_at) WHERE state = 'running';
CREATE INDEX census_import_jobs_started_at ON census_import_jobs (started_at);
