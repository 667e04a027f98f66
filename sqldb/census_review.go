package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/cdoatlas/cdoatlas"
)

// FindMatchQuestions returns a page of the open (or answered) questions,
// newest first, and their number.
func (db *DB) FindMatchQuestions(ctx context.Context, answered bool, offset, limit int) ([]*cdoatlas.MatchQuestion, int, error) {
	return readPage(ctx, db, func(t *tx) ([]*cdoatlas.MatchQuestion, int, error) {
		cond := "answer = ''"
		if answered {
			cond = "answer <> ''"
		}
		var total int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM match_questions WHERE "+cond).Scan(&total); err != nil {
			return nil, 0, mapError(err)
		}
		if limit <= 0 {
			limit = 50
		}
		out := []*cdoatlas.MatchQuestion{}
		err := eachRow(ctx, t, `SELECT id, person_a, person_b, score, evidence, answer, COALESCE(decided_by, 0), decided_at
			FROM match_questions WHERE `+cond+` ORDER BY id DESC LIMIT ? OFFSET ?`, func(s scanner) error {
			var q cdoatlas.MatchQuestion
			var decided any
			if err := s.Scan(&q.ID, &q.PersonA, &q.PersonB, &q.Score, &q.Evidence, &q.Answer, &q.DecidedBy, &decided); err != nil {
				return err
			}
			if decided != nil {
				if err := (timeCol{&q.DecidedAt}).Scan(decided); err != nil {
					return err
				}
			}
			out = append(out, &q)
			return nil
		}, limit, max(offset, 0))
		return out, total, err
	})
}

const observationColumns = `id, wave, source, file, line, person_name, title, organization, country, region, official_code,
	profile_url, gender, birth_year, tasks, source_url, observed_on, role, cdo_check, archetype, confidence,
	COALESCE(organization_id, 0), COALESCE(post_id, 0), COALESCE(person_id, 0), match_score, flags`

func scanObservation(s scanner) (*cdoatlas.Observation, error) {
	var o cdoatlas.Observation
	var by sql.NullInt64
	var observed, flags string
	if err := s.Scan(&o.ID, &o.Wave, &o.Source, &o.File, &o.Line, &o.PersonName, &o.Title, &o.Organization, &o.Country,
		&o.Region, &o.OfficialCode, &o.ProfileURL, &o.Gender, &by, &o.Tasks, &o.SourceURL, &observed, &o.Role,
		&o.CDOCheck, &o.Archetype, &o.Confidence, &o.OrganizationID, &o.PostID, &o.PersonID, &o.Match, &flags); err != nil {
		return nil, err
	}
	if flags != "" {
		if err := json.Unmarshal([]byte(flags), &o.Flags); err != nil {
			return nil, err
		}
	}
	if by.Valid {
		y := int(by.Int64)
		o.BirthYear = &y
	}
	o.ObservedOn = cdoatlas.PartialDate(observed)
	return &o, nil
}

// FindObservations returns a page of observations by ID.
func (db *DB) FindObservations(ctx context.Context, wave string, leadership bool, offset, limit int) ([]*cdoatlas.Observation, int, error) {
	return readPage(ctx, db, func(t *tx) ([]*cdoatlas.Observation, int, error) {
		var w where
		if wave != "" {
			w.add("wave = ?", wave)
		}
		if leadership {
			w.add("role <> ?", cdoatlas.RoleOther)
		}
		var total int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM observations"+w.String(), w.args...).Scan(&total); err != nil {
			return nil, 0, mapError(err)
		}
		if limit <= 0 {
			limit = 100
		}
		var out []*cdoatlas.Observation
		err := eachRow(ctx, t, "SELECT "+observationColumns+" FROM observations"+w.String()+" ORDER BY id LIMIT ? OFFSET ?", func(s scanner) error {
			o, err := scanObservation(s)
			if err == nil {
				out = append(out, o)
			}
			return err
		}, append(w.args, limit, max(offset, 0))...)
		return out, total, err
	})
}

// PersonObservations returns the person and their observations by wave.
func (db *DB) PersonObservations(ctx context.Context, id int64) (*cdoatlas.Person, []*cdoatlas.Observation, error) {
	t, err := db.beginRead(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer t.rollback()
	p, err := findPersonByID(ctx, t, id)
	if err != nil {
		return nil, nil, err
	}
	var obs []*cdoatlas.Observation
	err = eachRow(ctx, t, "SELECT "+observationColumns+" FROM observations WHERE person_id = ? ORDER BY wave, source, id", func(s scanner) error {
		o, err := scanObservation(s)
		if err == nil {
			obs = append(obs, o)
		}
		return err
	}, id)
	return p, obs, err
}

// AnswerMatchQuestion records the answer; same merges person B into A.
func (db *DB) AnswerMatchQuestion(ctx context.Context, id int64, answer string, userID int64) error {
	switch answer {
	case cdoatlas.MatchSame, cdoatlas.MatchDifferent, cdoatlas.MatchUnsure:
	default:
		return cdoatlas.FieldErrors{"answer": "answer.invalid"}.Err()
	}
	return db.registryWrite(ctx, func(t *tx) error {
		var a, b int64
		var old string
		err := t.queryRow(ctx, "SELECT person_a, person_b, answer FROM match_questions WHERE id = ?", id).Scan(&a, &b, &old)
		switch {
		case noRows(err):
			return notFound("question")
		case err != nil:
			return mapError(err)
		case old != "":
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the question was answered before")
		}
		var by any
		if userID > 0 {
			by = userID
		}
		if _, err := t.exec(ctx, "UPDATE match_questions SET answer = ?, decided_by = ?, decided_at = ? WHERE id = ?",
			answer, by, t.ts(t.now), id); err != nil {
			return mapError(err)
		}
		if answer != cdoatlas.MatchSame {
			return nil
		}
		return mergePeople(ctx, t, a, b)
	})
}

// mergePeople moves everything of person b to a and deletes b. The
// questions about b become questions about a; those that would ask about
// a and a, or ask a pair twice, go.
func mergePeople(ctx context.Context, t *tx, a, b int64) error {
	for _, q := range []string{
		"UPDATE observations SET person_id = ? WHERE person_id = ?",
		"UPDATE tenures SET person_id = ? WHERE person_id = ?",
		"UPDATE profiles SET person_id = ? WHERE person_id = ?",
	} {
		if _, err := t.exec(ctx, q, a, b); err != nil {
			return mapError(err)
		}
	}
	// Questions about b: keep answered ones as a record, re-point open ones.
	type moved struct {
		id, other int64
	}
	var open []moved
	err := eachRow(ctx, t, "SELECT id, person_a, person_b FROM match_questions WHERE answer = '' AND (person_a = ? OR person_b = ?)", func(s scanner) error {
		var m moved
		var pa, pb int64
		if err := s.Scan(&m.id, &pa, &pb); err != nil {
			return err
		}
		m.other = pa
		if pa == b {
			m.other = pb
		}
		open = append(open, m)
		return nil
	}, b, b)
	if err != nil {
		return err
	}
	for _, m := range open {
		lo, hi := min(a, m.other), max(a, m.other)
		var dup int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM match_questions WHERE person_a = ? AND person_b = ?", lo, hi).Scan(&dup); err != nil {
			return mapError(err)
		}
		if lo == hi || dup > 0 {
			if _, err := t.exec(ctx, "DELETE FROM match_questions WHERE id = ?", m.id); err != nil {
				return mapError(err)
			}
			continue
		}
		if _, err := t.exec(ctx, "UPDATE match_questions SET person_a = ?, person_b = ? WHERE id = ?", lo, hi, m.id); err != nil {
			return mapError(err)
		}
	}
	// Gender, birth year and the basis for publishing of b fill what a
	// lacks.
	if _, err := t.exec(ctx, `UPDATE people SET
		gender = CASE WHEN gender = 'unknown' THEN (SELECT gender FROM people WHERE id = ?) ELSE gender END,
		birth_year = COALESCE(birth_year, (SELECT birth_year FROM people WHERE id = ?)),
		publication_basis = CASE WHEN publication_basis = '' THEN (SELECT publication_basis FROM people WHERE id = ?) ELSE publication_basis END,
		updated_at = ?
		WHERE id = ?`, b, b, b, t.ts(t.now), a); err != nil {
		return mapError(err)
	}
	if _, err := t.exec(ctx, "DELETE FROM people WHERE id = ?", b); err != nil {
		return mapError(err)
	}
	return nil
}
