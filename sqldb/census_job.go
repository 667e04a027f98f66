package sqldb

import (
	"context"
	"encoding/json"

	"github.com/cdoatlas/cdoatlas"
)

// CreateCensusJob stores a new census import job.
func (db *DB) CreateCensusJob(ctx context.Context, j *cdoatlas.CensusJob) error {
	return db.write(ctx, func(t *tx) error {
		j.CreatedAt, j.UpdatedAt = t.now, t.now
		summary, warnings, err := jobJSON(j)
		if err != nil {
			return err
		}
		var by any
		if j.CreatedBy != 0 {
			by = j.CreatedBy
		}
		_, err = t.exec(ctx, `INSERT INTO census_jobs (id, wave, state, total, done, summary, warnings, error_field, error_key,
			created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, j.ID, j.Wave, j.State, j.Total, j.Done,
			summary, warnings, j.ErrorField, j.ErrorKey, by, t.ts(t.now), t.ts(t.now))
		return mapError(err)
	})
}

// UpdateCensusJob stores a job's state, progress and outcome.
func (db *DB) UpdateCensusJob(ctx context.Context, j *cdoatlas.CensusJob) error {
	return db.write(ctx, func(t *tx) error {
		j.UpdatedAt = t.now
		summary, warnings, err := jobJSON(j)
		if err != nil {
			return err
		}
		res, err := t.exec(ctx, `UPDATE census_jobs SET state = ?, total = ?, done = ?, summary = ?, warnings = ?, error_field = ?,
			error_key = ?, updated_at = ? WHERE id = ?`, j.State, j.Total, j.Done, summary, warnings, j.ErrorField, j.ErrorKey,
			t.ts(t.now), j.ID)
		if err != nil {
			return mapError(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return cdoatlas.Errorf(cdoatlas.ENOTFOUND, "census job not found")
		}
		return nil
	})
}

func jobJSON(j *cdoatlas.CensusJob) (summary, warnings string, err error) {
	if j.Summary != nil {
		b, err := json.Marshal(j.Summary)
		if err != nil {
			return "", "", err
		}
		summary = string(b)
	}
	if len(j.Warnings) > 0 {
		b, err := json.Marshal(j.Warnings)
		if err != nil {
			return "", "", err
		}
		warnings = string(b)
	}
	return summary, warnings, nil
}

// FindCensusJob returns a census import job.
func (db *DB) FindCensusJob(ctx context.Context, id string) (*cdoatlas.CensusJob, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.CensusJob, error) {
		var j cdoatlas.CensusJob
		var summary, warnings string
		var by *int64
		err := t.queryRow(ctx, `SELECT id, wave, state, total, done, summary, warnings, error_field, error_key, created_by,
			created_at, updated_at FROM census_jobs WHERE id = ?`, id).Scan(&j.ID, &j.Wave, &j.State, &j.Total, &j.Done,
			&summary, &warnings, &j.ErrorField, &j.ErrorKey, &by, timeCol{&j.CreatedAt}, timeCol{&j.UpdatedAt})
		if noRows(err) {
			return nil, cdoatlas.Errorf(cdoatlas.ENOTFOUND, "census job not found")
		}
		if err != nil {
			return nil, mapError(err)
		}
		if by != nil {
			j.CreatedBy = *by
		}
		if summary != "" {
			j.Summary = &cdoatlas.ObservationSummary{}
			if err := json.Unmarshal([]byte(summary), j.Summary); err != nil {
				return nil, err
			}
		}
		if warnings != "" {
			if err := json.Unmarshal([]byte(warnings), &j.Warnings); err != nil {
				return nil, err
			}
		}
		return &j, nil
	})
}
