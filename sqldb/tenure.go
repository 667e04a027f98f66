package sqldb

import (
	"context"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

const tenureColumns = `t.id, t.person_id, t.post_id, t.start_date, t.end_date, t.status, t.hire, t.source_url,
	t.created_at, t.updated_at`

func scanTenure(s scanner) (*cdoatlas.Tenure, error) {
	var t cdoatlas.Tenure
	var start, end string
	if err := s.Scan(&t.ID, &t.PersonID, &t.PostID, &start, &end, &t.Status, &t.Hire, &t.SourceURL,
		timeCol{&t.CreatedAt}, timeCol{&t.UpdatedAt}); err != nil {
		return nil, err
	}
	t.Start, t.End = cdoatlas.PartialDate(start), cdoatlas.PartialDate(end)
	return &t, nil
}

// FindTenureByID returns the tenure, or ENOTFOUND.
func (db *DB) FindTenureByID(ctx context.Context, id int64) (*cdoatlas.Tenure, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Tenure, error) { return findTenureByID(ctx, t, id) })
}

// FindTenures returns a page of the tenures matching filter, ordered by
// start (unknown first), and the number of all matches.
func (db *DB) FindTenures(ctx context.Context, filter cdoatlas.TenureFilter) ([]*cdoatlas.Tenure, int, error) {
	return readPage(ctx, db, func(t *tx) ([]*cdoatlas.Tenure, int, error) { return findTenures(ctx, t, filter) })
}

// CreateTenure validates and stores te and sets its ID and timestamps.
// EINVALID, with field person_id or post_id for an unknown person or post,
// and with field start, key tenure.overlap, when it overlaps another
// tenure of the same post.
func (db *DB) CreateTenure(ctx context.Context, te *cdoatlas.Tenure) error {
	if te == nil {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no tenure given")
	}
	if err := te.Validate(); err != nil {
		return err
	}
	return db.registryWrite(ctx, func(t *tx) error { return createTenure(ctx, t, te) })
}

// UpdateTenure validates te and replaces the stored fields of te.ID.
// ENOTFOUND, EINVALID as CreateTenure.
func (db *DB) UpdateTenure(ctx context.Context, te *cdoatlas.Tenure) error {
	if te == nil {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no tenure given")
	}
	if err := te.Validate(); err != nil {
		return err
	}
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	old, err := findTenureByID(ctx, t, te.ID)
	if err != nil {
		return err
	}
	if err := checkTenure(ctx, t, te); err != nil {
		return err
	}
	err = t.queryRow(ctx, `UPDATE tenures SET person_id = ?, post_id = ?, start_date = ?, end_date = ?, status = ?,
		hire = ?, source_url = ?, updated_at = ? WHERE id = ? RETURNING created_at`,
		append(tenureArgs(te), t.ts(t.now), te.ID)...).Scan(timeCol{&te.CreatedAt})
	if noRows(err) {
		return notFound("tenure")
	} else if err != nil {
		return mapWriteError(err, nil, "post_id", "post.unknown")
	}
	te.UpdatedAt = t.now
	if err := t.audit(ctx, cdoatlas.AuditTenure, te.ID, cdoatlas.AuditUpdate, tenureChanges(old, te)...); err != nil {
		return err
	}
	return t.commit()
}

// DeleteTenure removes a tenure. ENOTFOUND.
func (db *DB) DeleteTenure(ctx context.Context, id int64) error {
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	res, err := t.exec(ctx, "DELETE FROM tenures WHERE id = ?", id)
	if err != nil {
		return mapError(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return mapError(err)
	} else if n == 0 {
		return notFound("tenure")
	}
	if err := t.audit(ctx, cdoatlas.AuditTenure, id, cdoatlas.AuditDelete); err != nil {
		return err
	}
	return t.commit()
}

func findTenureByID(ctx context.Context, t *tx, id int64) (*cdoatlas.Tenure, error) {
	te, err := scanTenure(t.queryRow(ctx, "SELECT "+tenureColumns+" FROM tenures t WHERE t.id = ?", id))
	if noRows(err) {
		return nil, notFound("tenure")
	} else if err != nil {
		return nil, mapError(err)
	}
	return te, nil
}

func findTenures(ctx context.Context, t *tx, f cdoatlas.TenureFilter) ([]*cdoatlas.Tenure, int, error) {
	var w where
	if f.PersonID != 0 {
		w.add("t.person_id = ?", f.PersonID)
	}
	if f.PostID != 0 {
		w.add("t.post_id = ?", f.PostID)
	}
	if f.OrganizationID != 0 {
		w.add("t.post_id IN (SELECT id FROM posts WHERE organization_id = ?)", f.OrganizationID)
	}
	if v := strings.ToLower(strings.TrimSpace(f.Status)); v != "" {
		w.add("t.status = ?", v)
	}
	if v := strings.ToLower(strings.TrimSpace(f.Hire)); v != "" {
		w.add("t.hire = ?", v)
	}
	return findPage(ctx, t, tenureColumns, "tenures t", &w, "t.start_date, t.id", f.Offset, f.Limit, scanTenure)
}

func tenureArgs(te *cdoatlas.Tenure) []any {
	return []any{te.PersonID, te.PostID, string(te.Start), string(te.End), te.Status, te.Hire, te.SourceURL}
}

// createTenure stores a validated te after checkTenure.
func createTenure(ctx context.Context, t *tx, te *cdoatlas.Tenure) error {
	if err := checkTenure(ctx, t, te); err != nil {
		return err
	}
	err := t.queryRow(ctx, `INSERT INTO tenures (person_id, post_id, start_date, end_date, status, hire, source_url,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		append(tenureArgs(te), t.ts(t.now), t.ts(t.now))...).Scan(&te.ID)
	if err != nil {
		return mapWriteError(err, nil, "post_id", "post.unknown")
	}
	te.CreatedAt, te.UpdatedAt = t.now, t.now
	return t.audit(ctx, cdoatlas.AuditTenure, te.ID, cdoatlas.AuditCreate, tenureChanges(&cdoatlas.Tenure{}, te)...)
}

// tenureChanges names the fields in which b differs from a.
func tenureChanges(a, b *cdoatlas.Tenure) []string {
	var out []string
	for _, f := range []struct {
		name   string
		differ bool
	}{
		{"person_id", a.PersonID != b.PersonID}, {"post_id", a.PostID != b.PostID}, {"start", a.Start != b.Start},
		{"end", a.End != b.End}, {"status", a.Status != b.Status}, {"hire", a.Hire != b.Hire}, {"source_url", a.SourceURL != b.SourceURL},
	} {
		if f.differ {
			out = append(out, f.name)
		}
	}
	return out
}

// checkTenure checks what Validate cannot: that person and post exist and
// that te overlaps no other tenure of the post. On PostgreSQL it locks the
// post's row, so that two transactions cannot add overlapping tenures at
// once; SQLite has one writer at a time anyway.
func checkTenure(ctx context.Context, t *tx, te *cdoatlas.Tenure) error {
	fe := cdoatlas.FieldErrors{}
	lock := ""
	if t.postgres() {
		lock = " FOR UPDATE"
	}
	var n int
	rows, err := t.query(ctx, "SELECT 1 FROM posts WHERE id = ?"+lock, te.PostID)
	if err != nil {
		return mapError(err)
	}
	for rows.Next() {
		n++
	}
	if err := rows.Close(); err != nil {
		return mapError(err)
	}
	if n == 0 {
		fe.Add("post_id", "post.unknown")
	}
	if err := t.queryRow(ctx, "SELECT COUNT(*) FROM people WHERE id = ?", te.PersonID).Scan(&n); err != nil {
		return mapError(err)
	} else if n == 0 {
		fe.Add("person_id", "person.unknown")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	rows, err = t.query(ctx, "SELECT "+tenureColumns+" FROM tenures t WHERE t.post_id = ? AND t.id <> ?", te.PostID, te.ID)
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		other, err := scanTenure(rows)
		if err != nil {
			return mapError(err)
		}
		if te.Overlaps(other) {
			fe.Add("start", "tenure.overlap")
			break
		}
	}
	if err := rows.Err(); err != nil {
		return mapError(err)
	}
	return fe.Err()
}
