package sqldb

import (
	"context"

	"github.com/cdoatlas/cdoatlas"
)

// FindHeldPosts returns every post with a current tenure, with its
// organization, ordered by post.
func (db *DB) FindHeldPosts(ctx context.Context) ([]cdoatlas.HeldPost, error) {
	return read(ctx, db, func(t *tx) ([]cdoatlas.HeldPost, error) {
		out := []cdoatlas.HeldPost{}
		err := eachRow(ctx, t, `SELECT p.id, p.role, p.cdo_check, o.id, o.name, o.kind, o.country, o.region, o.official_code
			FROM posts p JOIN organizations o ON o.id = p.organization_id
			WHERE EXISTS (SELECT 1 FROM tenures t WHERE t.post_id = p.id AND t.status = ?)
			ORDER BY p.id`, func(s scanner) error {
			var h cdoatlas.HeldPost
			err := s.Scan(&h.PostID, &h.Role, &h.CDOCheck, &h.OrganizationID, &h.Name, &h.Kind, &h.Country, &h.Region, &h.OfficialCode)
			out = append(out, h)
			return err
		}, cdoatlas.StatusCurrent)
		return out, err
	})
}
