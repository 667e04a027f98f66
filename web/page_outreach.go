package web

import (
	"net/http"
	"net/url"
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
	Network    *cdoatlas.Network
	Path       string
	Rows       []outreachRow // this page's rows
	Group      string
	Groups     []option
	Pagination pagination
	Downloads  map[string]string // format → URL
}

// outreachRow is a CDO post without a member of the network.
type outreachRow struct {
	Org            *cdoatlas.Organization
	Post           *cdoatlas.Post
	Holder         string
	Gender         string
	SizeClass      string
	SizeClassLabel string // the size class in words
}

// outreachColumns are the download's columns.
var outreachColumns = []string{"organization", "official_code", "post", "holder", "size_class", "region"}

// smallClasses are the size classes of small municipalities.
var smallClasses = map[string]bool{"GK5": true, "GK6": true, "GK7": true, "KGK3": true}

func (s *site) handleOutreach(w http.ResponseWriter, r *http.Request) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	format := q.Get("format")
	if _, ok := downloadFormats[format]; format != "" && !ok {
		s.renderError(w, r, http.StatusBadRequest)
		return
	}
	v := &outreachView{page: s.newPageFor(w, r, "outreach.title", n.Name), Network: n, Path: r.URL.Path, Group: q.Get("group")}
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
	if format != "" {
		rows := make([][]string, len(v.Rows))
		for i, row := range v.Rows {
			rows[i] = []string{row.Org.Name, row.Org.OfficialCode, row.Post.Title, row.Holder, row.SizeClass, row.Org.Region}
		}
		s.writeTable(w, r, "outreach", format, outreachColumns, rows, "official_code")
		return
	}
	pageNo := pageParam(q)
	v.Pagination = newPagination(v.Lang, v.Path, q, pageNo, len(v.Rows))
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	from := min((pageNo-1)*perPage, len(v.Rows))
	v.Rows = v.Rows[from:min(from+perPage, len(v.Rows))]
	for i := range v.Rows {
		if c := v.Rows[i].SizeClass; c != "" {
			v.Rows[i].SizeClassLabel = cdoatlas.SizeClassLabel(v.Lang, c)
		}
	}
	v.Downloads = map[string]string{}
	for f := range downloadFormats {
		dq := url.Values{"format": {f}}
		if v.Group != "" {
			dq.Set("group", v.Group)
		}
		v.Downloads[f] = (&url.URL{Path: v.Path, RawQuery: dq.Encode()}).String()
	}
	s.render(w, r, http.StatusOK, "outreach", v)
}
