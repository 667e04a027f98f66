package sqldb

import (
	"context"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

const postColumns = `p.id, p.organization_id, p.title, p.role, p.cdo_check, p.archetype, p.placement,
	p.cross_departmental, p.budget, p.board_access, p.created, p.abolished, p.source_url,
	p.tasks, p.confidence, p.review, p.created_at, p.updated_at`

func scanPost(s scanner) (*cdoatlas.Post, error) {
	var p cdoatlas.Post
	var created, abolished string
	if err := s.Scan(&p.ID, &p.OrganizationID, &p.Title, &p.Role, &p.CDOCheck, &p.Archetype, &p.Placement,
		&p.CrossDepartmental, &p.Budget, &p.BoardAccess, &created, &abolished, &p.SourceURL,
		&p.Tasks, &p.Confidence, &p.Review, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt}); err != nil {
		return nil, err
	}
	p.Created, p.Abolished = cdoatlas.PartialDate(created), cdoatlas.PartialDate(abolished)
	return &p, nil
}

// FindPostByID returns the post, or ENOTFOUND.
func (db *DB) FindPostByID(ctx context.Context, id int64) (*cdoatlas.Post, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Post, error) { return findPostByID(ctx, t, id) })
}

// FindPosts returns a page of the posts matching filter, ordered by
// organization name and title, and the number of all matches. Q matches
// the title or the organization's names.
func (db *DB) FindPosts(ctx context.Context, filter cdoatlas.PostFilter) ([]*cdoatlas.Post, int, error) {
	return readPage(ctx, db, func(t *tx) ([]*cdoatlas.Post, int, error) { return findPosts(ctx, t, filter) })
}

// CreatePost classifies what p leaves open (classify.Post: role from the
// title, check and archetype from the tasks, with the confirmed
// vocabulary), validates and stores p and sets its ID and timestamps.
// EINVALID, with field organization_id for an unknown organization.
func (db *DB) CreatePost(ctx context.Context, p *cdoatlas.Post) error {
	if p == nil {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no post given")
	}
	return db.registryWrite(ctx, func(t *tx) error {
		if err := db.classifyPost(ctx, t, p, nil); err != nil {
			return err
		}
		if err := p.Validate(); err != nil {
			return err
		}
		return createPost(ctx, t, p)
	})
}

// UpdatePost classifies p like CreatePost (again, when it was classified
// automatically and its role, check and archetype are kept), validates it
// and replaces the stored fields of p.ID. ENOTFOUND, EINVALID.
func (db *DB) UpdatePost(ctx context.Context, p *cdoatlas.Post) error {
	if p == nil {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no post given")
	}
	return db.registryWrite(ctx, func(t *tx) error {
		stored, err := findPostByID(ctx, t, p.ID)
		if err != nil {
			return err
		}
		if err := db.classifyPost(ctx, t, p, stored); err != nil {
			return err
		}
		if err := p.Validate(); err != nil {
			return err
		}
		return updatePost(ctx, t, p)
	})
}

// DeletePost removes a post and its tenures. ENOTFOUND.
func (db *DB) DeletePost(ctx context.Context, id int64) error {
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	res, err := t.exec(ctx, "DELETE FROM posts WHERE id = ?", id)
	if err != nil {
		return mapError(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return mapError(err)
	} else if n == 0 {
		return notFound("post")
	}
	return t.commit()
}

func findPostByID(ctx context.Context, t *tx, id int64) (*cdoatlas.Post, error) {
	p, err := scanPost(t.queryRow(ctx, "SELECT "+postColumns+" FROM posts p WHERE p.id = ?", id))
	if noRows(err) {
		return nil, notFound("post")
	} else if err != nil {
		return nil, mapError(err)
	}
	return p, nil
}

// postFrom and postOrder are the tables and the order of the post lists.
const (
	postFrom  = "posts p JOIN organizations o ON o.id = p.organization_id"
	postOrder = "o.sort_name, o.id, p.search, p.id"
)

func findPosts(ctx context.Context, t *tx, f cdoatlas.PostFilter) ([]*cdoatlas.Post, int, error) {
	w, err := postWhere(ctx, t, f)
	if err != nil {
		return nil, 0, err
	}
	return findPage(ctx, t, postColumns, postFrom, w, postOrder, f.Offset, f.Limit, scanPost)
}

// postWhere is the condition of the posts matching f, over postFrom.
func postWhere(ctx context.Context, t *tx, f cdoatlas.PostFilter) (*where, error) {
	var w where
	if err := addPostSearch(ctx, t, &w, f.Q); err != nil {
		return nil, err
	}
	if f.OrganizationID != 0 {
		w.add("p.organization_id = ?", f.OrganizationID)
	}
	for _, c := range []struct{ col, v string }{
		{"p.role", f.Role}, {"p.cdo_check", f.CDOCheck}, {"p.archetype", f.Archetype}, {"p.placement", f.Placement},
		{"p.review", f.Review},
	} {
		if v := strings.ToLower(strings.TrimSpace(c.v)); v != "" {
			w.add(c.col+" = ?", v)
		}
	}
	country := strings.ToUpper(strings.TrimSpace(f.Country))
	if country != "" {
		w.add("o.country = ?", country)
	}
	if v := strings.TrimSpace(f.Region); v != "" {
		if r := cdoatlas.NormalizeRegion(country, v); r != "" {
			v = r
		}
		w.add("o.region = ?", v)
	}
	return &w, nil
}

func postArgs(p *cdoatlas.Post) []any {
	return []any{p.OrganizationID, p.Title, p.Role, p.CDOCheck, p.Archetype, p.Placement,
		p.CrossDepartmental, p.Budget, p.BoardAccess, string(p.Created), string(p.Abolished), p.SourceURL,
		p.Tasks, p.Confidence, p.Review, cdoatlas.Fold(p.Title)}
}

// createPost stores a validated p. The database refuses an unknown
// organization (foreign key), which becomes EINVALID on organization_id.
func createPost(ctx context.Context, t *tx, p *cdoatlas.Post) error {
	args := append(postArgs(p), t.ts(t.now), t.ts(t.now))
	err := t.queryRow(ctx, `INSERT INTO posts (organization_id, title, role, cdo_check, archetype, placement,
		cross_departmental, budget, board_access, created, abolished, source_url, tasks, confidence, review, search,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, args...).Scan(&p.ID)
	if err != nil {
		return mapWriteError(err, nil, "organization_id", "organization.unknown")
	}
	p.CreatedAt, p.UpdatedAt = t.now, t.now
	return nil
}

func updatePost(ctx context.Context, t *tx, p *cdoatlas.Post) error {
	args := append(postArgs(p), t.ts(t.now), p.ID)
	err := t.queryRow(ctx, `UPDATE posts SET organization_id = ?, title = ?, role = ?, cdo_check = ?, archetype = ?,
		placement = ?, cross_departmental = ?, budget = ?, board_access = ?, created = ?, abolished = ?,
		source_url = ?, tasks = ?, confidence = ?, review = ?, search = ?, updated_at = ? WHERE id = ? RETURNING created_at`, args...).Scan(timeCol{&p.CreatedAt})
	if noRows(err) {
		return notFound("post")
	} else if err != nil {
		return mapWriteError(err, nil, "organization_id", "organization.unknown")
	}
	p.UpdatedAt = t.now
	return nil
}
