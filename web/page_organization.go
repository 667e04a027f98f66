package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

func (s *site) registerOrganizationRoutes() {
	s.get("/organizations", s.cached(s.handleOrganizationIndex))
	s.get("/organizations/{id}", s.cached(s.handleOrganizationShow))
	s.get("/organizations/new", s.editor(s.handleOrganizationNew))
	s.postEditor("/organizations/new", s.handleOrganizationCreate)
	s.get("/organizations/{id}/edit", s.editor(s.handleOrganizationEdit))
	s.postEditor("/organizations/{id}/edit", s.handleOrganizationUpdate)
	s.get("/organizations/{id}/delete", s.editor(s.handleOrganizationDeleteConfirm))
	s.postEditor("/organizations/{id}/delete", s.handleOrganizationDelete)
}

// organizationIndexView is the searchable, filterable list.
type organizationIndexView struct {
	page
	Filter        cdoatlas.OrganizationFilter
	Filtered      bool // any search or filter is set
	Organizations []organizationRow
	Pagination    pagination
	// Columns are the table's headers, each a link that sorts by it; Sort
	// and Order the chosen order, kept by the filter form ("" for the
	// default, by name ascending).
	Columns     []sortColumn
	Sort, Order string
	// Choices of the filter form, and the form's selects rendered.
	Countries, Kinds, SizeClasses, Roles []option
	Regions                              []optgroup
	FilterSelects                        template.HTML
	// Downloads of the whole filtered list: CSV, Excel (DE) CSV, XLSX.
	Downloads struct{ CSV, CSVDE, XLSX string }
}

// organizationRow is a line of the organization list, as it is shown.
type organizationRow struct {
	ID                                    int64
	Name, Kind, Country, Region           string
	SizeClass, SizeClassLabel, Population string
	HasCDO                                bool
}

// sortColumn is a header of a sortable table: a link that sorts by the
// column, ascending, or descending when it already sorts ascending.
type sortColumn struct {
	Label, URL string
	// Sort is "ascending" or "descending" for the column the table is
	// sorted by (its aria-sort), else "".
	Sort    string
	Numeric bool
}

// organizationColumns are the sortable columns of the organization list:
// the sort key and the label's message key.
var organizationColumns = []struct{ Sort, Label string }{
	{cdoatlas.SortName, "field.name"},
	{cdoatlas.SortKind, "field.kind"},
	{cdoatlas.SortCountry, "field.country"},
	{cdoatlas.SortRegion, "field.region"},
	{cdoatlas.SortSizeClass, "field.size_class"},
	{cdoatlas.SortPopulation, "field.population"},
	{cdoatlas.SortCDO, "org.index.cdo"},
}

// sortColumns returns the headers of the organization list sorted by
// f.Sort (by name when "") and f.Desc; their links keep the search and
// filters of q and start again at the first page.
func (p *page) sortColumns(q url.Values, f cdoatlas.OrganizationFilter) []sortColumn {
	active := f.Sort
	if active == "" {
		active = cdoatlas.SortName
	}
	cols := make([]sortColumn, len(organizationColumns))
	for i, c := range organizationColumns {
		v := url.Values{}
		for k, xs := range q {
			if k != "page" && k != "lang" && k != "format" && k != "sort" && k != "order" && len(xs) > 0 && xs[0] != "" {
				v.Set(k, xs[0])
			}
		}
		order := "asc"
		col := sortColumn{Label: p.T(c.Label), Numeric: c.Sort == cdoatlas.SortPopulation}
		if c.Sort == active {
			col.Sort = "ascending"
			if f.Desc {
				col.Sort = "descending"
			} else {
				order = "desc"
			}
		}
		v.Set("sort", c.Sort)
		v.Set("order", order)
		col.URL = "/organizations?" + v.Encode()
		cols[i] = col
	}
	return cols
}

func (p *page) organizationRow(o *cdoatlas.Organization) organizationRow {
	row := organizationRow{ID: o.ID, Name: o.Name, Kind: p.Label("kind", o.Kind), Country: p.Country(o.Country),
		Region: p.Region(o.Region), SizeClass: o.SizeClass, SizeClassLabel: p.SizeClass(o.SizeClass), Population: p.T("value.none"),
		HasCDO: o.HasCDO}
	if o.Population != nil {
		row.Population = p.Number(*o.Population)
	}
	return row
}

// downloadLinks returns the download URLs for the list's search, filters
// and order.
func downloadLinks(q url.Values) (d struct{ CSV, CSVDE, XLSX string }) {
	link := func(format string) string {
		v := url.Values{}
		for _, k := range []string{"q", "country", "region", "kind", "size_class", "role", "cdo", "sort", "order"} {
			if x := q.Get(k); x != "" {
				v.Set(k, x)
			}
		}
		v.Set("format", format)
		return "/organizations?" + v.Encode()
	}
	d.CSV, d.CSVDE, d.XLSX = link("csv"), link("csv-de"), link("xlsx")
	return d
}

// handleOrganizationIndex lists organizations matching q (folded by the
// store, so case, umlauts and transliterations do not matter) and the
// filters, 25 a page.
func (s *site) handleOrganizationIndex(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := &organizationIndexView{page: s.newPage(w, r, "org.index.title", "")}
	v.Nav = "organizations"
	f := cdoatlas.OrganizationFilter{
		Q:         q.Get("q"),
		Country:   oneOf(q.Get("country"), countryCodes()),
		Region:    oneOf(q.Get("region"), regionCodes()),
		Kind:      oneOf(q.Get("kind"), cdoatlas.Kinds),
		SizeClass: oneOf(q.Get("size_class"), cdoatlas.SizeClasses),
		Role:      oneOf(q.Get("role"), cdoatlas.Roles),
		HasCDO:    q.Get("cdo") == "1",
		Sort:      oneOf(q.Get("sort"), cdoatlas.OrganizationSorts),
		Limit:     perPage,
	}
	if f.Sort != "" && q.Get("order") == "desc" {
		f.Desc = true
	}
	if format := q.Get("format"); downloadFormats[format] != "" {
		s.handleOrganizationDownload(w, r, f, format)
		return
	}
	pageNo := pageParam(q)
	f.Offset = (pageNo - 1) * perPage
	orgs, total, err := s.Store.FindOrganizations(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Filter = f
	v.Organizations = make([]organizationRow, len(orgs))
	for i, o := range orgs {
		v.Organizations[i] = v.organizationRow(o)
	}
	v.Filtered = f.Q != "" || f.Country != "" || f.Region != "" || f.Kind != "" || f.SizeClass != "" || f.Role != "" || f.HasCDO
	v.Columns = v.sortColumns(q, f)
	if f.Sort != "" {
		v.Sort, v.Order = f.Sort, "asc"
		if f.Desc {
			v.Order = "desc"
		}
	}
	v.Pagination = newPagination(v.Lang, "/organizations", q, pageNo, total)
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	v.Downloads = downloadLinks(r.URL.Query())
	selects, err := s.filterSelects(v.Lang, f)
	if err != nil {
		s.fail(w, r, cdoatlas.Internal(err))
		return
	}
	v.FilterSelects = selects
	s.render(w, r, http.StatusOK, "organization_index", v)
}

// filterSelects renders the selects of the filter form for a language and
// the chosen values, once: they are the same for every such request.
func (s *site) filterSelects(lang string, f cdoatlas.OrganizationFilter) (template.HTML, error) {
	key := strings.Join([]string{lang, f.Country, f.Region, f.Kind, f.SizeClass, f.Role}, "|")
	if h, ok := s.selects.get(key); ok {
		return h, nil
	}
	v := &organizationIndexView{page: page{Lang: lang}}
	v.Countries = selectOptions(countryOptions(lang, "filter.all"), f.Country)
	v.Kinds = selectOptions(enumOptions(lang, "kind", cdoatlas.Kinds, "filter.all"), f.Kind)
	v.SizeClasses = selectOptions(sizeClassOptions(lang, "filter.all"), f.SizeClass)
	v.Roles = selectOptions(enumOptions(lang, "role", cdoatlas.Roles, "filter.all"), f.Role)
	v.Regions = regionGroups(lang)
	for g := range v.Regions {
		v.Regions[g].Options = selectOptions(v.Regions[g].Options, f.Region)
	}
	var buf bytes.Buffer
	if err := s.tmpl["organization_index"].ExecuteTemplate(&buf, "organization_filter_selects", v); err != nil {
		return "", err
	}
	h := template.HTML(buf.String()) // made by html/template, so escaped
	s.selects.put(key, h)
	return h, nil
}

// organizationView is one organization with its posts and their holders.
type organizationView struct {
	page
	Org    *cdoatlas.Organization
	Parent *cdoatlas.Organization
	Posts  []postBlock
}

// postBlock is a post with its tenure history.
type postBlock struct {
	Post  *cdoatlas.Post
	Table tenureTable
}

// tenureTable is a table of tenures, drawn by partials/tenures.html.
type tenureTable struct {
	*page
	ID       string // unique on the page
	Caption  string
	Rows     []tenureRow
	ShowPost bool // show post and organization (person pages)
}

// tenureRow is a tenure with what the viewer may see of its holder, and
// for person pages its post and organization.
type tenureRow struct {
	Tenure *cdoatlas.Tenure
	Person personRef
	Post   *cdoatlas.Post
	Org    *cdoatlas.Organization
}

// handleOrganizationShow shows the facts of an organization, its posts
// and who held them when.
func (s *site) handleOrganizationShow(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	ctx := r.Context()
	org, err := s.Store.FindOrganizationByID(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := &organizationView{page: s.newPage(w, r, "", org.Name), Org: org}
	v.Nav = "organizations"
	if org.ParentID != nil {
		if v.Parent, err = s.Store.FindOrganizationByID(ctx, *org.ParentID); err != nil && cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			s.fail(w, r, err)
			return
		}
	}
	posts, _, err := s.Store.FindPosts(ctx, cdoatlas.PostFilter{OrganizationID: id, Limit: 1000})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tenures, _, err := s.Store.FindTenures(ctx, cdoatlas.TenureFilter{OrganizationID: id, Limit: 10000})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows, err := s.tenureRows(ctx, v.Lang, v.User, tenures)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, p := range posts {
		b := postBlock{Post: p, Table: tenureTable{page: &v.page, ID: fmt.Sprintf("tenures-%d", p.ID), Caption: v.T("tenure.caption_post", p.Title)}}
		for _, row := range rows {
			if row.Tenure.PostID == p.ID {
				b.Table.Rows = append(b.Table.Rows, row)
			}
		}
		v.Posts = append(v.Posts, b)
	}
	s.render(w, r, http.StatusOK, "organization_show", v)
}

// tenureRows looks up the holder of each tenure once and decides what the
// viewer may see of them.
func (s *site) tenureRows(ctx context.Context, lang string, viewer *cdoatlas.User, tenures []*cdoatlas.Tenure) ([]tenureRow, error) {
	people := map[int64]*cdoatlas.Person{}
	rows := make([]tenureRow, 0, len(tenures))
	for _, t := range tenures {
		p, seen := people[t.PersonID]
		if !seen {
			var err error
			p, err = s.Store.FindPersonByID(ctx, t.PersonID)
			if err != nil && cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
				return nil, err
			}
			people[t.PersonID] = p
		}
		rows = append(rows, tenureRow{Tenure: t, Person: s.personRef(lang, viewer, p)})
	}
	return rows, nil
}

// oneOf returns v when it is one of the allowed values, else "": an
// unknown filter value is ignored rather than matching nothing.
func oneOf(v string, allowed []string) string {
	if slices.Contains(allowed, v) {
		return v
	}
	return ""
}

// selectOptions marks the option with value as selected.
func selectOptions(opts []option, value string) []option {
	for i := range opts {
		opts[i].Selected = opts[i].Value == value
	}
	return opts
}

func countryCodes() []string {
	var out []string
	for _, c := range cdoatlas.Countries {
		out = append(out, c.Code)
	}
	return out
}

func regionCodes() []string {
	var out []string
	for _, r := range cdoatlas.Regions {
		out = append(out, r.Code)
	}
	return out
}
