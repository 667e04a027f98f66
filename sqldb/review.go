package sqldb

import (
	"context"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
)

// reviewThreshold is the confidence below which an automatic
// classification waits for review.
func (db *DB) reviewThreshold() float64 {
	if db.ReviewThreshold > 0 {
		return db.ReviewThreshold
	}
	return classify.ReviewThreshold
}

// classifyPost fills in what p leaves to the classifier (classify.Post),
// reading the organization's name and the role confirmed for the title.
// An unknown organization is left for the insert to refuse.
func (db *DB) classifyPost(ctx context.Context, t *tx, p, stored *cdoatlas.Post) error {
	var org *cdoatlas.Organization
	if p.OrganizationID > 0 {
		o, err := findOrganizationByID(ctx, t, p.OrganizationID)
		if err != nil && cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			return err
		}
		org = o
	}
	var v classify.Vocabulary
	name := ""
	if org != nil {
		name = org.Name
	}
	if key := classify.TitleKey(p.Title, name); key != "" {
		var role string
		err := t.queryRow(ctx, "SELECT role FROM title_decisions WHERE title_key = ?", key).Scan(&role)
		if err != nil && !noRows(err) {
			return mapError(err)
		}
		if role != "" {
			v = classify.Vocabulary{key: role}
		}
	}
	classify.Post(p, stored, org, v, db.reviewThreshold())
	return nil
}

// ReviewPost sets the post's role, check and archetype as an editor
// decided, marks it confirmed, stores the role for its title key and
// classifies again the posts waiting in the queue with the same key.
// ENOTFOUND, EINVALID.
func (db *DB) ReviewPost(ctx context.Context, id int64, d cdoatlas.PostReview) (*cdoatlas.Post, error) {
	var out *cdoatlas.Post
	err := db.registryWrite(ctx, func(t *tx) error {
		p, err := findPostByID(ctx, t, id)
		if err != nil {
			return err
		}
		org, err := findOrganizationByID(ctx, t, p.OrganizationID)
		if err != nil {
			return err
		}
		p.Role, p.CDOCheck, p.Archetype = d.Role, d.CDOCheck, d.Archetype
		if err := p.Validate(); err != nil {
			return err
		}
		if p.CDOCheck != cdoatlas.CheckYes {
			p.Archetype = ""
		}
		p.Confidence, p.Review = 1, cdoatlas.ReviewConfirmed
		if err := updatePost(ctx, t, p); err != nil {
			return err
		}
		key := classify.TitleKey(p.Title, org.Name)
		if key != "" {
			var by any
			if d.UserID > 0 {
				by = d.UserID
			}
			if _, err := t.exec(ctx, `INSERT INTO title_decisions (title_key, title, role, decided_by, decided_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (title_key) DO UPDATE SET title = excluded.title,
				role = excluded.role, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
				key, p.Title, p.Role, by, t.ts(t.now)); err != nil {
				return mapError(err)
			}
			if err := settlePending(ctx, t, key, p.Role, db.reviewThreshold()); err != nil {
				return err
			}
		}
		out = p
		return nil
	})
	return out, err
}

// settlePending classifies again, with the role now confirmed for key,
// the posts waiting for review whose title has that key.
func settlePending(ctx context.Context, t *tx, key, role string, threshold float64) error {
	rows, err := t.query(ctx, "SELECT "+postColumns+", o.name, o.country FROM posts p JOIN organizations o ON o.id = p.organization_id WHERE p.review = ?", cdoatlas.ReviewPending)
	if err != nil {
		return mapError(err)
	}
	type waiting struct {
		post *cdoatlas.Post
		org  cdoatlas.Organization
	}
	var same []waiting
	for rows.Next() {
		var w waiting
		p, err := scanPost(scanFunc(func(dest ...any) error {
			return rows.Scan(append(dest, &w.org.Name, &w.org.Country)...)
		}))
		if err != nil {
			rows.Close()
			return mapError(err)
		}
		if classify.TitleKey(p.Title, w.org.Name) == key {
			w.post = p
			same = append(same, w)
		}
	}
	if err := rows.Close(); err != nil {
		return mapError(err)
	}
	if err := rows.Err(); err != nil {
		return mapError(err)
	}
	v := classify.Vocabulary{key: role}
	for _, w := range same {
		stored := *w.post
		classify.Post(w.post, &stored, &w.org, v, threshold)
		if err := updatePost(ctx, t, w.post); err != nil {
			return err
		}
	}
	return nil
}

// scanFunc adapts a function to scanner.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// FindTitleDecisions returns the confirmed titles, newest first.
func (db *DB) FindTitleDecisions(ctx context.Context) ([]*cdoatlas.TitleDecision, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.TitleDecision, error) {
		rows, err := t.query(ctx, `SELECT title_key, title, role, COALESCE(decided_by, 0), decided_at
			FROM title_decisions ORDER BY decided_at DESC, title_key`)
		if err != nil {
			return nil, mapError(err)
		}
		defer rows.Close()
		out := []*cdoatlas.TitleDecision{}
		for rows.Next() {
			var d cdoatlas.TitleDecision
			if err := rows.Scan(&d.Key, &d.Title, &d.Role, &d.DecidedBy, timeCol{&d.DecidedAt}); err != nil {
				return nil, mapError(err)
			}
			out = append(out, &d)
		}
		return out, mapError(rows.Err())
	})
}

// DeleteTitleDecision forgets a confirmed title. ENOTFOUND.
func (db *DB) DeleteTitleDecision(ctx context.Context, key string) error {
	return db.registryWrite(ctx, func(t *tx) error {
		res, err := t.exec(ctx, "DELETE FROM title_decisions WHERE title_key = ?", strings.TrimSpace(key))
		if err != nil {
			return mapError(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return mapError(err)
		} else if n == 0 {
			return notFound("title decision")
		}
		return nil
	})
}

// Vocabulary returns the confirmed roles by title key.
func (db *DB) Vocabulary(ctx context.Context) (map[string]string, error) {
	return read(ctx, db, func(t *tx) (map[string]string, error) { return vocabulary(ctx, t) })
}

func vocabulary(ctx context.Context, t *tx) (map[string]string, error) {
	rows, err := t.query(ctx, "SELECT title_key, role FROM title_decisions")
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	v := map[string]string{}
	for rows.Next() {
		var k, r string
		if err := rows.Scan(&k, &r); err != nil {
			return nil, mapError(err)
		}
		v[k] = r
	}
	return v, mapError(rows.Err())
}
