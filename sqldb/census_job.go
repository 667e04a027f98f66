package sqldb

import (
	"context"
	"encoding/json"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Census import jobs: the progress and outcome of the imports the web
// upload starts. These methods only read and write; web decides.

var errJobExists = &cdoatlas.Error{Code: cdoatlas.ECONFLICT, Message: "a census import job with this ID exists already"}

// CreateCensusImportJob stores a new job and sets its StartedAt and
// UpdatedAt. ECONFLICT when the ID is taken.
func (db *DB) CreateCensusImportJob(ctx context.Context, j *cdoatlas.CensusImportJob) error {
	if j == nil || j.ID == "" {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no census import job given")
	}
	summary, err := jsonText(j.Summary, j.Summary == nil)
	if err != nil {
		return err
	}
	warnings, err := jsonText(j.Warnings, len(j.Warnings) == 0)
	if err != nil {
		return err
	}
	var by any
	if j.CreatedBy != 0 {
		by = j.CreatedBy
	}
	return db.write(ctx, func(t *tx) error {
		_, err := t.exec(ctx, `INSERT INTO census_import_jobs (id, wave, created_by, state, total, done, summary, error_field,
			error_key, warnings, flagged, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			j.ID, j.Wave, by, j.State, j.Total, j.Done, summary, j.ErrorField, j.ErrorKey, warnings, j.Flagged,
			t.ts(t.now), t.ts(t.now))
		if err != nil {
			return mapWriteError(err, errJobExists, "", "")
		}
		j.StartedAt, j.UpdatedAt = t.now, t.now
		return nil
	})
}

// FindCensusImportJob returns a job. ENOTFOUND.
func (db *DB) FindCensusImportJob(ctx context.Context, id string) (*cdoatlas.CensusImportJob, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.CensusImportJob, error) {
		var j cdoatlas.CensusImportJob
		var summary, warnings string
		var by *int64
		err := t.queryRow(ctx, `SELECT id, wave, created_by, state, total, done, summary, error_field, error_key, warnings,
			flagged, started_at, updated_at, finished_at FROM census_import_jobs WHERE id = ?`, id).Scan(
			&j.ID, &j.Wave, &by, &j.State, &j.Total, &j.Done, &summary, &j.ErrorField, &j.ErrorKey, &warnings,
			&j.Flagged, timeCol{&j.StartedAt}, timeCol{&j.UpdatedAt}, timeCol{&j.FinishedAt})
		if noRows(err) {
			return nil, notFound("census import job")
		} else if err != nil {
			return nil, mapError(err)
		}
		if by != nil {
			j.CreatedBy = *by
		}
		if summary != "" {
			j.Summary = &cdoatlas.ObservationSummary{}
			if err := json.Unmarshal([]byte(summary), j.Summary); err != nil {
				return nil, cdoatlas.Internal(err)
			}
		}
		if warnings != "" {
			if err := json.Unmarshal([]byte(warnings), &j.Warnings); err != nil {
				return nil, cdoatlas.Internal(err)
			}
		}
		return &j, nil
	})
}

// UpdateCensusImportProgress stores the rows done of a running job and
// sets its UpdatedAt; a job that is not running is left alone.
func (db *DB) UpdateCensusImportProgress(ctx context.Context, id string, done, total int) error {
	return db.write(ctx, func(t *tx) error {
		_, err := t.exec(ctx, "UPDATE census_import_jobs SET done = ?, total = ?, updated_at = ? WHERE id = ? AND state = ?",
			done, total, t.ts(t.now), id, cdoatlas.JobRunning)
		return mapError(err)
	})
}

// FinishCensusImportJob stores the outcome of a job — its State, Done,
// Total, Summary, ErrorField and ErrorKey — and sets its UpdatedAt and
// FinishedAt. ENOTFOUND.
func (db *DB) FinishCensusImportJob(ctx context.Context, j *cdoatlas.CensusImportJob) error {
	summary, err := jsonText(j.Summary, j.Summary == nil)
	if err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, `UPDATE census_import_jobs SET state = ?, done = ?, total = ?, summary = ?, error_field = ?,
			error_key = ?, updated_at = ?, finished_at = ? WHERE id = ?`, j.State, j.Done, j.Total, summary, j.ErrorField,
			j.ErrorKey, t.ts(t.now), t.ts(t.now), j.ID)
		if err != nil {
			return mapError(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return mapError(err)
		} else if n == 0 {
			return notFound("census import job")
		}
		j.UpdatedAt, j.FinishedAt = t.now, t.now
		return nil
	})
}

// InterruptCensusImportJobs marks the running jobs with no news since
// before as interrupted, and returns how many it marked. It writes only
// when there is something to mark, so that on SQLite it does not wait for
// the one writer while an import runs.
func (db *DB) InterruptCensusImportJobs(ctx context.Context, before time.Time) (int, error) {
	const cond = " FROM census_import_jobs WHERE state = ? AND updated_at < ?"
	return db.writeIfAny(ctx, "SELECT COUNT(*)"+cond, func(t *tx) (int, error) {
		res, err := t.exec(ctx, "UPDATE census_import_jobs SET state = ?, updated_at = ?, finished_at = ? WHERE state = ? AND updated_at < ?",
			cdoatlas.JobInterrupted, t.ts(t.now), t.ts(t.now), cdoatlas.JobRunning, t.ts(before))
		return rowsAffected(res, err)
	}, cdoatlas.JobRunning, before)
}

// DeleteCensusImportJobs deletes the jobs started before startedBefore
// and returns how many it deleted; like InterruptCensusImportJobs it
// writes only when there is something to delete.
func (db *DB) DeleteCensusImportJobs(ctx context.Context, startedBefore time.Time) (int, error) {
	return db.writeIfAny(ctx, "SELECT COUNT(*) FROM census_import_jobs WHERE started_at < ?", func(t *tx) (int, error) {
		res, err := t.exec(ctx, "DELETE FROM census_import_jobs WHERE started_at < ?", t.ts(startedBefore))
		return rowsAffected(res, err)
	}, startedBefore)
}

// writeIfAny runs count (a query whose time.Time arguments are stored
// timestamps) in a read transaction, and fn in a write transaction only
// when count found rows.
func (db *DB) writeIfAny(ctx context.Context, count string, fn func(t *tx) (int, error), args ...any) (int, error) {
	n, err := read(ctx, db, func(t *tx) (int, error) {
		stored := make([]any, len(args))
		for i, a := range args {
			if v, ok := a.(time.Time); ok {
				a = t.ts(v)
			}
			stored[i] = a
		}
		var n int
		err := t.queryRow(ctx, count, stored...).Scan(&n)
		return n, mapError(err)
	})
	if err != nil || n == 0 {
		return 0, err
	}
	err = db.write(ctx, func(t *tx) error {
		n, err = fn(t)
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

func rowsAffected(res interface{ RowsAffected() (int64, error) }, err error) (int, error) {
	if err != nil {
		return 0, mapError(err)
	}
	n, err := res.RowsAffected()
	return int(n), mapError(err)
}

// jsonText is v as JSON text, or "" when empty.
func jsonText(v any, empty bool) (string, error) {
	if empty {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", cdoatlas.Internal(err)
	}
	return string(b), nil
}
