package sqldb

import (
	"context"
	"encoding/json"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// FindApplicationList returns a call's applications (in the status, when
// given) with their open offers and stored check reasons in one query,
// oldest first.
func (db *DB) FindApplicationList(ctx context.Context, callID int64, status string) ([]*cdoatlas.ApplicationListItem, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.ApplicationListItem, error) {
		w := &where{}
		w.add("call_id = ?", callID)
		if status != "" {
			w.add("status = ?", status)
		}
		q := "SELECT " + applicationColumns + `, explanations,
			(SELECT MIN(o.expires_at) FROM offers o WHERE o.application_id = applications.id AND o.state = ?)
			FROM applications` + w.String() + " ORDER BY id"
		out := []*cdoatlas.ApplicationListItem{}
		err := eachRow(ctx, t, q, func(s scanner) error {
			var reasons string
			var expires time.Time
			a, err := scanApplication(withExtra{s, []any{&reasons, timeCol{&expires}}})
			if err != nil {
				return err
			}
			it := &cdoatlas.ApplicationListItem{Application: a}
			if !expires.IsZero() {
				it.OfferExpires = &expires
			}
			if reasons != "" {
				it.CheckReasons = []cdoatlas.CheckReason{}
				if err := json.Unmarshal([]byte(reasons), &it.CheckReasons); err != nil {
					return err
				}
			}
			out = append(out, it)
			return nil
		}, append([]any{cdoatlas.OfferOpen}, w.args...)...)
		return out, err
	})
}

// withExtra scans the columns a scan function knows and then extra ones.
type withExtra struct {
	s     scanner
	extra []any
}

func (e withExtra) Scan(dest ...any) error { return e.s.Scan(append(dest, e.extra...)...) }

// SetCheckReasons stores the check reasons of applications that have none
// stored, in one transaction.
func (db *DB) SetCheckReasons(ctx context.Context, reasons map[int64][]cdoatlas.CheckReason) error {
	if len(reasons) == 0 {
		return nil
	}
	return db.write(ctx, func(t *tx) error {
		for id, rs := range reasons {
			b, err := marshalCheckReasons(rs)
			if err != nil {
				return err
			}
			if _, err := t.exec(ctx, "UPDATE applications SET explanations = ? WHERE id = ? AND explanations = ''", b, id); err != nil {
				return mapError(err)
			}
		}
		return nil
	})
}

// marshalCheckReasons is the stored form of check reasons: a JSON list,
// "[]" for none (never "", which means none stored).
func marshalCheckReasons(rs []cdoatlas.CheckReason) (string, error) {
	if rs == nil {
		rs = []cdoatlas.CheckReason{}
	}
	b, err := json.Marshal(rs)
	if err != nil {
		return "", cdoatlas.Internal(err)
	}
	return string(b), nil
}
