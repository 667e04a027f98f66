package sqldb

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

// audit records a change to personal data in the transaction that makes
// it, by the actor of ctx. fields names what changed, never the values.
func (t *tx) audit(ctx context.Context, entity string, id int64, action string, fields ...string) error {
	a := cdoatlas.ActorFrom(ctx)
	var actorID any
	if a.UserID != 0 {
		actorID = a.UserID
	}
	_, err := t.exec(ctx, "INSERT INTO audit_log (at, actor_id, actor, entity, entity_id, action, fields) VALUES (?, ?, ?, ?, ?, ?, ?)",
		t.ts(t.now), actorID, a.Label, entity, id, action, strings.Join(fields, ", "))
	return mapError(err)
}

// FindAuditEntries returns a page of audit entries, newest first, and the
// number of all matches.
func (db *DB) FindAuditEntries(ctx context.Context, f cdoatlas.AuditFilter) ([]*cdoatlas.AuditEntry, int, error) {
	return readPage(ctx, db, func(t *tx) ([]*cdoatlas.AuditEntry, int, error) {
		var w where
		if f.Entity != "" {
			w.add("entity = ?", f.Entity)
		}
		if f.Action != "" {
			w.add("action = ?", f.Action)
		}
		if f.EntityID != 0 {
			w.add("entity_id = ?", f.EntityID)
		}
		if f.Actor != "" {
			w.add(t.db.like("LOWER(actor)"), "%"+escapeLike(strings.ToLower(f.Actor))+"%")
		}
		if !f.From.IsZero() {
			w.add("at >= ?", t.ts(f.From))
		}
		if !f.To.IsZero() {
			w.add("at < ?", t.ts(f.To))
		}
		var total int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM audit_log"+w.String(), w.args...).Scan(&total); err != nil {
			return nil, 0, mapError(err)
		}
		q := "SELECT id, at, COALESCE(actor_id, 0), actor, entity, entity_id, action, fields FROM audit_log" + w.String() + " ORDER BY at DESC, id DESC"
		args := w.args
		if f.Limit > 0 {
			q += " LIMIT ? OFFSET ?"
			args = append(args, f.Limit, max(f.Offset, 0))
		}
		rows, err := t.query(ctx, q, args...)
		if err != nil {
			return nil, 0, mapError(err)
		}
		defer rows.Close()
		var out []*cdoatlas.AuditEntry
		for rows.Next() {
			var e cdoatlas.AuditEntry
			if err := rows.Scan(&e.ID, timeCol{&e.At}, &e.ActorID, &e.Actor, &e.Entity, &e.EntityID, &e.Action, &e.Fields); err != nil {
				return nil, 0, mapError(err)
			}
			out = append(out, &e)
		}
		return out, total, mapError(rows.Err())
	})
}

// maxSiteText is the longest site text, in characters.
const maxSiteText = 100000

// FindSiteText returns a site text, or ENOTFOUND when none is set.
func (db *DB) FindSiteText(ctx context.Context, name, lang string) (*cdoatlas.SiteText, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.SiteText, error) {
		st := cdoatlas.SiteText{Name: name, Lang: lang}
		err := t.queryRow(ctx, "SELECT body, updated_at, updated_by FROM site_texts WHERE name = ? AND lang = ?", name, lang).
			Scan(&st.Body, timeCol{&st.UpdatedAt}, &st.UpdatedBy)
		if noRows(err) {
			return nil, notFound("site text")
		} else if err != nil {
			return nil, mapError(err)
		}
		return &st, nil
	})
}

// SaveSiteText sets a site text by the actor of ctx; an empty body removes
// it.
func (db *DB) SaveSiteText(ctx context.Context, st *cdoatlas.SiteText) error {
	fe := cdoatlas.FieldErrors{}
	if !slices.Contains(cdoatlas.SiteTexts, st.Name) {
		fe.Add("name", "invalid")
	}
	if st.Lang != "de" && st.Lang != "en" {
		fe.Add("lang", "invalid")
	}
	st.Body = strings.TrimSpace(st.Body)
	if utf8.RuneCountInString(st.Body) > maxSiteText {
		fe.Add("body", cdoatlas.TooLong(maxSiteText))
	}
	if strings.ContainsRune(st.Body, 0) {
		fe.Add("body", "invalid")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	t, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	if st.Body == "" {
		if _, err := t.exec(ctx, "DELETE FROM site_texts WHERE name = ? AND lang = ?", st.Name, st.Lang); err != nil {
			return mapError(err)
		}
		return t.commit()
	}
	st.UpdatedAt, st.UpdatedBy = t.now, cdoatlas.ActorFrom(ctx).Label
	if _, err := t.exec(ctx, "INSERT INTO site_texts (name, lang, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "+
		"ON CONFLICT (name, lang) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
		st.Name, st.Lang, st.Body, t.ts(t.now), st.UpdatedBy); err != nil {
		return mapError(err)
	}
	return t.commit()
}
