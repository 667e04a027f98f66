package web

import (
	"net/http"
	"slices"
	"sort"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/network"
)

// Outreach: organizations in the registry with a CDO post whose holder is
// not in the network, to invite to the next call — filterable by the
// groups the network lacks (women, the eastern German states, small
// municipalities).

func (s *site) registerOutreachRoutes() {
	s.get("/networks/{id}/outreach", s.editor(s.handleOutreach))
	s.get("/networks/{id}/outreach/places", s.editor(s.handleOutreachPlaces))
}

// outreachView is the outreach list.
type outreachView struct {
	page
	Network *cdoatlas.Network
	Rows    []outreachRow
	Group   string
	Groups  []option
}

// outreachRow is a CDO post without a member of the network.
type outreachRow struct {
	Org       *cdoatlas.Organization
	Post      *cdoatlas.Post
	Holder    string
	Gender    string
	SizeClass string
}

// smallClasses are the size classes of small municipalities.
var smallClasses = map[string]bool{"GK5": true, "GK6": true, "GK7": true, "KGK3": true}

func (s *site) handleOutreach(w http.ResponseWriter, r *http.Request) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	v := &outreachView{page: s.newPageFor(w, r, "outreach.title", n.Name), Network: n, Group: r.URL.Query().Get("group")}
	v.Nav = "networks"
	v.Groups = selectOptions([]option{{Value: "", Label: tr(v.Lang, "outreach.all")}, {Value: "women", Label: tr(v.Lang, "outreach.women")},
		{Value: "east", Label: tr(v.Lang, "outreach.east")}, {Value: "small", Label: tr(v.Lang, "outreach.small")}}, v.Group)
	// Who is in the network, by organization and by folded name.
	circles, err := s.Store.FindCircles(ctx, n.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	memberOrgs, memberNames := map[int64]bool{}, map[string]bool{}
	for _, c := range circles {
		ms, err := s.Store.FindMemberships(ctx, c.ID, false)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, m := range ms {
			if m.OrganizationID != nil {
				memberOrgs[*m.OrganizationID] = true
			}
			memberNames[cdoatlas.Fold(m.PersonName)] = true
		}
	}
	posts, _, err := s.Store.FindPosts(ctx, cdoatlas.PostFilter{Role: cdoatlas.RoleCDO, Limit: 100000})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	current, _, err := s.Store.FindTenures(ctx, cdoatlas.TenureFilter{Status: cdoatlas.StatusCurrent, Limit: 100000})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	holder := map[int64]int64{}
	for _, t := range current {
		holder[t.PostID] = t.PersonID
	}
	orgs := map[int64]*cdoatlas.Organization{}
	for _, p := range posts {
		if memberOrgs[p.OrganizationID] {
			continue
		}
		o := orgs[p.OrganizationID]
		if o == nil {
			if o, err = s.Store.FindOrganizationByID(ctx, p.OrganizationID); err != nil {
				s.fail(w, r, err)
				return
			}
			orgs[o.ID] = o
		}
		row := outreachRow{Org: o, Post: p, SizeClass: o.SizeClass, Gender: cdoatlas.GenderUnknown}
		if pid, ok := holder[p.ID]; ok {
			person, err := s.Store.FindPersonByID(ctx, pid)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			if memberNames[cdoatlas.Fold(person.Name)] {
				continue
			}
			row.Holder, row.Gender = person.Name, person.Gender
		}
		switch v.Group {
		case "women":
			if row.Gender != "f" {
				continue
			}
		case "east":
			if !slices.Contains(network.EastRegions, o.Region) {
				continue
			}
		case "small":
			if !smallClasses[o.SizeClass] {
				continue
			}
		}
		v.Rows = append(v.Rows, row)
	}
	sort.SliceStable(v.Rows, func(i, j int) bool { return v.Rows[i].Org.Name < v.Rows[j].Org.Name })
	s.render(w, r, http.StatusOK, "outreach", v)
}
