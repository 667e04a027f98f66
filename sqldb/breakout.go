package sqldb

import (
	"context"
	"encoding/json"

	"github.com/cdoatlas/cdoatlas"
)

// Breakout plans. What a plan holds and how it is scored is the domain's
// (breakoutplan.go); this file reads and writes.

const breakoutColumns = "id, network_id, meeting_id, title, held_on, options, rounds, within_repeats, history_repeats, violations, bound, created_at, updated_at"

func scanBreakoutPlan(s scanner) (*cdoatlas.BreakoutPlan, error) {
	var p cdoatlas.BreakoutPlan
	var meeting nullInt
	var options, rounds string
	if err := s.Scan(&p.ID, &p.NetworkID, &meeting, &p.Title, &p.HeldOn, &options, &rounds,
		&p.WithinRepeats, &p.HistoryRepeats, &p.Violations, &p.Bound, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt}); err != nil {
		return nil, err
	}
	p.MeetingID = meeting.ptr()
	if err := json.Unmarshal([]byte(options), &p.Options); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(rounds), &p.Rounds); err != nil {
		return nil, err
	}
	return &p, nil
}

// breakoutJSON is the stored form of a plan's options and rounds; the
// history and search settings are not kept.
func breakoutJSON(p *cdoatlas.BreakoutPlan) (options, rounds string, err error) {
	o := p.Options
	o.History, o.Seed, o.Iterations, o.Rounds = nil, 0, 0, len(p.Rounds)
	ob, err := json.Marshal(o)
	if err != nil {
		return "", "", err
	}
	rb, err := json.Marshal(p.Rounds)
	return string(ob), string(rb), err
}

// CreateBreakoutPlan validates and stores a plan of a network.
func (db *DB) CreateBreakoutPlan(ctx context.Context, p *cdoatlas.BreakoutPlan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	options, rounds, err := breakoutJSON(p)
	if err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		var n int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM networks WHERE id = ?", p.NetworkID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return cdoatlas.Errorf(cdoatlas.ENOTFOUND, "network.unknown")
		}
		if p.MeetingID != nil {
			m, err := findMeeting(ctx, t, *p.MeetingID)
			if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
				return cdoatlas.FieldErrors{"meeting_id": "breakouts.meeting_invalid"}.Err()
			} else if err != nil {
				return err
			}
			if err := p.CheckMeeting(m); err != nil {
				return err
			}
		}
		err := t.queryRow(ctx, `INSERT INTO breakout_plans (network_id, meeting_id, title, held_on, options, rounds,
			within_repeats, history_repeats, violations, bound, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, p.NetworkID, nullInt64(p.MeetingID), p.Title, p.HeldOn, options, rounds,
			p.WithinRepeats, p.HistoryRepeats, p.Violations, p.Bound, t.ts(t.now), t.ts(t.now)).Scan(&p.ID)
		if err != nil {
			return mapWriteError(err, cdoatlas.Errorf(cdoatlas.ECONFLICT, "breakouts.meeting_has_plan"), "", "")
		}
		p.CreatedAt, p.UpdatedAt = t.now, t.now
		return t.audit(ctx, cdoatlas.AuditBreakout, p.ID, cdoatlas.AuditCreate, "title", "held_on", "people", "rounds")
	})
}

// FindBreakoutPlanByID returns a plan. ENOTFOUND.
func (db *DB) FindBreakoutPlanByID(ctx context.Context, id int64) (*cdoatlas.BreakoutPlan, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.BreakoutPlan, error) {
		p, err := scanBreakoutPlan(t.queryRow(ctx, "SELECT "+breakoutColumns+" FROM breakout_plans WHERE id = ?", id))
		if noRows(err) {
			return nil, cdoatlas.Errorf(cdoatlas.ENOTFOUND, "breakouts.not_found")
		} else if err != nil {
			return nil, mapError(err)
		}
		return p, nil
	})
}

// FindBreakoutPlans returns a network's plans, oldest first.
func (db *DB) FindBreakoutPlans(ctx context.Context, networkID int64) ([]*cdoatlas.BreakoutPlan, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.BreakoutPlan, error) {
		out := []*cdoatlas.BreakoutPlan{}
		err := eachRow(ctx, t, "SELECT "+breakoutColumns+" FROM breakout_plans WHERE network_id = ? ORDER BY id", func(s scanner) error {
			p, err := scanBreakoutPlan(s)
			if err == nil {
				out = append(out, p)
			}
			return err
		}, networkID)
		return out, err
	})
}

// UpdateBreakoutRounds stores a plan's rounds and figures.
func (db *DB) UpdateBreakoutRounds(ctx context.Context, p *cdoatlas.BreakoutPlan) error {
	return db.updateBreakout(ctx, p, false)
}

// FindMeetingBreakoutPlan returns the plan of a meeting. ENOTFOUND.
func (db *DB) FindMeetingBreakoutPlan(ctx context.Context, meetingID int64) (*cdoatlas.BreakoutPlan, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.BreakoutPlan, error) {
		p, err := scanBreakoutPlan(t.queryRow(ctx, "SELECT "+breakoutColumns+" FROM breakout_plans WHERE meeting_id = ?", meetingID))
		if noRows(err) {
			return nil, cdoatlas.Errorf(cdoatlas.ENOTFOUND, "breakouts.not_found")
		} else if err != nil {
			return nil, mapError(err)
		}
		return p, nil
	})
}

// UpdateBreakoutPlan stores a plan's title, date, options, rounds and
// figures.
func (db *DB) UpdateBreakoutPlan(ctx context.Context, p *cdoatlas.BreakoutPlan) error {
	return db.updateBreakout(ctx, p, true)
}

// updateBreakout stores a plan's rounds and figures, and with settings
// also its title, date and options.
func (db *DB) updateBreakout(ctx context.Context, p *cdoatlas.BreakoutPlan, settings bool) error {
	if err := p.Validate(); err != nil {
		return err
	}
	options, rounds, err := breakoutJSON(p)
	if err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		set := "rounds = ?, within_repeats = ?, history_repeats = ?, violations = ?, bound = ?, updated_at = ?"
		args := []any{rounds, p.WithinRepeats, p.HistoryRepeats, p.Violations, p.Bound, t.ts(t.now)}
		fields := []string{"rounds"}
		if settings {
			set = "title = ?, held_on = ?, options = ?, " + set
			args = append([]any{p.Title, p.HeldOn, options}, args...)
			fields = []string{"title", "held_on", "options", "rounds"}
		}
		res, err := t.exec(ctx, "UPDATE breakout_plans SET "+set+" WHERE id = ?", append(args, p.ID)...)
		if err != nil {
			return mapError(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return mapError(err)
		} else if n == 0 {
			return cdoatlas.Errorf(cdoatlas.ENOTFOUND, "breakouts.not_found")
		}
		p.UpdatedAt = t.now
		return t.audit(ctx, cdoatlas.AuditBreakout, p.ID, cdoatlas.AuditUpdate, fields...)
	})
}

// DeleteBreakoutPlan deletes a plan.
func (db *DB) DeleteBreakoutPlan(ctx context.Context, id int64) error {
	return db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, "DELETE FROM breakout_plans WHERE id = ?", id)
		if err != nil {
			return mapError(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return mapError(err)
		} else if n == 0 {
			return cdoatlas.Errorf(cdoatlas.ENOTFOUND, "breakouts.not_found")
		}
		return t.audit(ctx, cdoatlas.AuditBreakout, id, cdoatlas.AuditDelete)
	})
}
