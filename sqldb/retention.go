package sqldb

import (
	"context"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// DeleteExpiredApplications deletes the declined and withdrawn
// applications whose last decision (or, without one, the application) is
// older than before, with their decisions and offers, and logs each in the
// audit log. It returns how many it deleted. Safe with several instances:
// each deletion is one statement.
func (db *DB) DeleteExpiredApplications(ctx context.Context, before time.Time) (int, error) {
	t, err := db.beginWrite(ctx)
	if err != nil {
		return 0, err
	}
	defer t.rollback()
	rows, err := t.query(ctx, `SELECT a.id FROM applications a
		WHERE a.status IN (?, ?) AND COALESCE((SELECT MAX(d.decided_at) FROM decisions d WHERE d.application_id = a.id), a.applied_at) < ?
		ORDER BY a.id`, cdoatlas.ApplicationDeclined, cdoatlas.ApplicationWithdrawn, t.ts(before))
	if err != nil {
		return 0, mapError(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, mapError(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, mapError(err)
	}
	for _, id := range ids {
		if _, err := t.exec(ctx, "DELETE FROM applications WHERE id = ?", id); err != nil {
			return 0, mapError(err)
		}
		if err := t.audit(ctx, cdoatlas.AuditApplication, id, cdoatlas.AuditDelete, "retention period over"); err != nil {
			return 0, err
		}
	}
	return len(ids), t.commit()
}
