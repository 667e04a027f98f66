package sqldb

import (
	"context"

	"github.com/cdoatlas/cdoatlas"
)

// FindOutreachPosts returns every CDO post with its organization and
// current holder (of several current tenures, the latest), and the
// network's current members: two queries in one read transaction, however
// large the registry.
func (db *DB) FindOutreachPosts(ctx context.Context, networkID int64) (*cdoatlas.OutreachPosts, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.OutreachPosts, error) {
		out := &cdoatlas.OutreachPosts{Posts: []cdoatlas.OutreachPost{}, Members: []cdoatlas.OutreachMember{}}
		err := eachRow(ctx, t, `SELECT p.id, p.title, o.id, o.name, o.official_code, o.region, o.size_class,
			COALESCE(pe.name, ''), COALESCE(pe.gender, '')
			FROM posts p JOIN organizations o ON o.id = p.organization_id
			LEFT JOIN people pe ON pe.id = (SELECT te.person_id FROM tenures te WHERE te.post_id = p.id AND te.status = ?
				ORDER BY te.start_date DESC, te.id DESC LIMIT 1)
			WHERE p.role = ?
			ORDER BY o.name, p.title, p.id`, func(s scanner) error {
			var p cdoatlas.OutreachPost
			if err := s.Scan(&p.PostID, &p.PostTitle, &p.OrganizationID, &p.OrganizationName, &p.OfficialCode, &p.Region,
				&p.SizeClass, &p.HolderName, &p.HolderGender); err != nil {
				return err
			}
			if p.HolderGender == "" {
				p.HolderGender = cdoatlas.GenderUnknown
			}
			out.Posts = append(out.Posts, p)
			return nil
		}, cdoatlas.StatusCurrent, cdoatlas.RoleCDO)
		if err != nil {
			return nil, err
		}
		err = eachRow(ctx, t, `SELECT m.organization_id, m.person_name FROM memberships m JOIN circles c ON c.id = m.circle_id
			WHERE c.network_id = ? AND m.left_at IS NULL ORDER BY m.id`, func(s scanner) error {
			var m cdoatlas.OutreachMember
			err := s.Scan(&m.OrganizationID, &m.Name)
			out.Members = append(out.Members, m)
			return err
		}, networkID)
		return out, err
	})
}
