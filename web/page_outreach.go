package web

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/outreach"
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
	cdoatlas.OutreachPost
	SizeClassLabel string // the size class in words
}

// outreachColumns are the download's columns.
var outreachColumns = []string{"organization", "official_code", "post", "holder", "size_class", "region"}

func (s *site) handleOutreach(w http.ResponseWriter, r *http.Request) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	format := q.Get("format")
	if _, ok := downloadFormats[format]; format != "" && !ok {
		s.renderError(w, r, http.StatusBadRequest)
		return
	}
	v := &outreachView{page: s.newPageFor(w, r, "outreach.title", n.Name), Network: n, Path: r.URL.Path}
	if g := q.Get("group"); slices.Contains(outreach.Groups, g) {
		v.Group = g
	}
	v.Nav = "networks"
	groups := []option{{Value: "", Label: tr(v.Lang, "outreach.all")}}
	for _, g := range outreach.Groups {
		groups = append(groups, option{Value: g, Label: tr(v.Lang, "outreach."+g)})
	}
	v.Groups = selectOptions(groups, v.Group)
	in, err := s.Store.FindOutreachPosts(r.Context(), n.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	posts := outreach.Candidates(in, v.Group)
	if format != "" {
		rows := make([][]string, len(posts))
		for i, p := range posts {
			rows[i] = []string{p.OrganizationName, p.OfficialCode, p.PostTitle, p.HolderName, p.SizeClass, p.Region}
		}
		s.writeTable(w, r, "outreach", format, outreachColumns, rows, "official_code")
		return
	}
	pageNo := pageParam(q)
	v.Pagination = newPagination(v.Lang, v.Path, q, pageNo, len(posts))
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	from := min((pageNo-1)*perPage, len(posts))
	for _, p := range posts[from:min(from+perPage, len(posts))] {
		row := outreachRow{OutreachPost: p}
		if p.SizeClass != "" {
			row.SizeClassLabel = cdoatlas.SizeClassLabel(v.Lang, p.SizeClass)
		}
		v.Rows = append(v.Rows, row)
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
