package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/cdoatlas/cdoatlas"
)

// apiOrganizations serves /api/v1/organizations.
func (s *Server) apiOrganizations() *apiResource[cdoatlas.Organization, cdoatlas.OrganizationFilter] {
	st := s.Store
	return &apiResource[cdoatlas.Organization, cdoatlas.OrganizationFilter]{
		s: s, name: "organizations",
		parse: func(r *http.Request, q *apiQuery) cdoatlas.OrganizationFilter {
			country := q.country("country")
			f := cdoatlas.OrganizationFilter{
				Q:            q.str("q"),
				Country:      country,
				Region:       q.region("region", country),
				Kind:         q.enum("kind", cdoatlas.Kinds),
				SizeClass:    q.enum("size_class", cdoatlas.SizeClasses),
				Role:         q.enum("role", cdoatlas.Roles),
				OfficialCode: q.str("official_code"),
				ParentID:     q.optID("parent_id"),
			}
			f.Offset, f.Limit = q.page()
			return f
		},
		find:   st.FindOrganizationByID,
		list:   st.FindOrganizations,
		create: st.CreateOrganization,
		update: st.UpdateOrganization,
		remove: st.DeleteOrganization,
		id:     func(o *cdoatlas.Organization) *int64 { return &o.ID },
		present: func(_ context.Context, orgs []*cdoatlas.Organization) ([]any, error) {
			out := make([]any, len(orgs))
			for i, o := range orgs {
				if o.OtherNames == nil {
					o.OtherNames = []string{}
				}
				out[i] = o
			}
			return out, nil
		},
	}
}

// apiPosts serves /api/v1/posts.
func (s *Server) apiPosts() *apiResource[cdoatlas.Post, cdoatlas.PostFilter] {
	st := s.Store
	return &apiResource[cdoatlas.Post, cdoatlas.PostFilter]{
		s: s, name: "posts",
		parse: func(r *http.Request, q *apiQuery) cdoatlas.PostFilter {
			country := q.country("country")
			f := cdoatlas.PostFilter{
				Q:              q.str("q"),
				OrganizationID: q.id("organization_id"),
				Role:           q.enum("role", cdoatlas.Roles),
				CDOCheck:       q.enum("cdo_check", cdoatlas.CDOChecks),
				Archetype:      q.enum("archetype", cdoatlas.Archetypes),
				Placement:      q.enum("placement", cdoatlas.Placements),
				Country:        country,
				Region:         q.region("region", country),
			}
			f.Offset, f.Limit = q.page()
			return f
		},
		find:   st.FindPostByID,
		list:   st.FindPosts,
		create: st.CreatePost,
		update: st.UpdatePost,
		remove: st.DeletePost,
		id:     func(p *cdoatlas.Post) *int64 { return &p.ID },
	}
}

// apiPeople serves /api/v1/people. Readers other than editors and admins
// (the public, members) see only people whose name may be published; the
// others are not found for them.
func (s *Server) apiPeople() *apiResource[cdoatlas.Person, cdoatlas.PersonFilter] {
	st := s.Store
	return &apiResource[cdoatlas.Person, cdoatlas.PersonFilter]{
		s: s, name: "people",
		parse: func(r *http.Request, q *apiQuery) cdoatlas.PersonFilter {
			f := cdoatlas.PersonFilter{
				Q:          q.str("q"),
				Gender:     q.enum("gender", cdoatlas.Genders),
				Fictional:  q.boolean("fictional"),
				PublicOnly: !userFrom(r.Context()).SeesUnpublishedNames(),
			}
			f.Offset, f.Limit = q.page()
			return f
		},
		find: func(ctx context.Context, id int64) (*cdoatlas.Person, error) {
			p, err := st.FindPersonByID(ctx, id)
			if err == nil && !userFrom(ctx).SeesUnpublishedNames() && !p.Public() {
				return nil, cdoatlas.Errorf(cdoatlas.ENOTFOUND, "person not found")
			}
			return p, err
		},
		list:   st.FindPeople,
		create: st.CreatePerson,
		update: st.UpdatePerson,
		remove: st.DeletePerson,
		id:     func(p *cdoatlas.Person) *int64 { return &p.ID },
	}
}

// apiTenure is a tenure as the API writes it: person_id is null when the
// reader may not learn who held the post.
type apiTenure struct {
	*cdoatlas.Tenure
	PersonID *int64 `json:"person_id"`
}

// apiTenures serves /api/v1/tenures. Readers other than editors see every tenure,
// but not the person of one whose name may not be published, and a filter
// on such a person finds nothing.
func (s *Server) apiTenures() *apiResource[cdoatlas.Tenure, cdoatlas.TenureFilter] {
	st := s.Store
	return &apiResource[cdoatlas.Tenure, cdoatlas.TenureFilter]{
		s: s, name: "tenures",
		parse: func(r *http.Request, q *apiQuery) cdoatlas.TenureFilter {
			f := cdoatlas.TenureFilter{
				PersonID:       q.id("person_id"),
				PostID:         q.id("post_id"),
				OrganizationID: q.id("organization_id"),
				Status:         q.enum("status", cdoatlas.Statuses),
				Hire:           q.enum("hire", cdoatlas.Hires),
			}
			f.Offset, f.Limit = q.page()
			return f
		},
		find: st.FindTenureByID,
		list: func(ctx context.Context, f cdoatlas.TenureFilter) ([]*cdoatlas.Tenure, int, error) {
			if f.PersonID != 0 && !userFrom(ctx).SeesUnpublishedNames() {
				if public, err := s.apiPersonPublic(ctx, f.PersonID); err != nil || !public {
					return nil, 0, err
				}
			}
			return st.FindTenures(ctx, f)
		},
		create: st.CreateTenure,
		update: st.UpdateTenure,
		remove: st.DeleteTenure,
		id:     func(t *cdoatlas.Tenure) *int64 { return &t.ID },
		present: func(ctx context.Context, tenures []*cdoatlas.Tenure) ([]any, error) {
			restricted := !userFrom(ctx).SeesUnpublishedNames()
			public := map[int64]bool{}
			out := make([]any, len(tenures))
			for i, t := range tenures {
				v := apiTenure{Tenure: t, PersonID: &t.PersonID}
				if restricted {
					ok, seen := public[t.PersonID]
					if !seen {
						var err error
						if ok, err = s.apiPersonPublic(ctx, t.PersonID); err != nil {
							return nil, err
						}
						public[t.PersonID] = ok
					}
					if !ok {
						v.PersonID = nil
					}
				}
				out[i] = v
			}
			return out, nil
		},
	}
}

// apiPersonPublic reports whether the name of the person may be shown to
// the public; an unknown person is not public.
func (s *Server) apiPersonPublic(ctx context.Context, id int64) (bool, error) {
	p, err := s.Store.FindPersonByID(ctx, id)
	if errors.Is(err, cdoatlas.ErrNotFound) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return p.Public(), nil
}
