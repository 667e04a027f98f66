package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/network"
)

// The coordinators' list of a call's applications: filterable by status,
// sortable by its columns, a page at a time, or as a download of all of
// them in the chosen order.

// applicationRow is an application as the coordinators' list shows it.
type applicationRow struct {
	*cdoatlas.Application
	Applied     string   // the day it came in, in full (DD.MM.YYYY)
	Offer       string   // the expiry date of an open offer
	Reasons     []string // the check's reasons, in the page's language
	TasksShort  string   // the tasks cut to tasksShortLen, when longer
	StatusLabel string   // the status in coordinators' words

	checkReasons []cdoatlas.CheckReason // as stored; nil when none are
}

// tasksShortLen is how many characters of the tasks the list shows
// before the rest is folded away.
const tasksShortLen = 150

// applicationColumns are the columns of the applications download.
var applicationColumns = []string{"person_name", "email", "organization", "title", "tasks", "cdo_check", "status", "applied_at", "offer_expires_at"}

// Sort keys of the applications list; without one it is sorted by date
// of arrival, the oldest first.
const (
	appSortName         = "name"
	appSortEmail        = "email"
	appSortOrganization = "organization"
	appSortTitle        = "title"
	appSortCheck        = "check"
	appSortStatus       = "status"
	appSortApplied      = "applied"
)

// checkOrder orders the CDO check: yes, then unknown, then no.
var checkOrder = []string{cdoatlas.CheckYes, cdoatlas.CheckUnknown, cdoatlas.CheckNo}

// applicationListColumns are the columns of the list in their order: the
// sort key ("" for one that does not sort), the header's message key and
// how the column compares two applications. Text compares as
// cdoatlas.Fold reads it (case and umlauts aside), the check and the
// status in the order of their course.
var applicationListColumns = []struct {
	Sort, Label string
	compare     func(a, b *cdoatlas.Application) int
}{
	{appSortName, "call.col_name", foldedCompare(func(a *cdoatlas.Application) string { return a.PersonName })},
	{appSortEmail, "call.col_email", foldedCompare(func(a *cdoatlas.Application) string { return a.Email })},
	{appSortOrganization, "field.organization", foldedCompare(func(a *cdoatlas.Application) string { return a.OrganizationName })},
	{appSortTitle, "call.col_title", foldedCompare(func(a *cdoatlas.Application) string { return a.Title })},
	{"", "call.col_tasks", nil},
	{appSortCheck, "call.check", func(a, b *cdoatlas.Application) int {
		return cmp.Compare(slices.Index(checkOrder, a.Check), slices.Index(checkOrder, b.Check))
	}},
	{appSortStatus, "call.status", func(a, b *cdoatlas.Application) int {
		return cmp.Compare(slices.Index(cdoatlas.ApplicationStates, a.Status), slices.Index(cdoatlas.ApplicationStates, b.Status))
	}},
	{appSortApplied, "call.applied", func(a, b *cdoatlas.Application) int { return a.AppliedAt.Compare(b.AppliedAt) }},
}

func foldedCompare(field func(*cdoatlas.Application) string) func(a, b *cdoatlas.Application) int {
	return func(a, b *cdoatlas.Application) int {
		return strings.Compare(cdoatlas.Fold(field(a)), cdoatlas.Fold(field(b)))
	}
}

// applicationSort returns the list's column for a sort key, and whether
// there is one.
func applicationSort(key string) (compare func(a, b *cdoatlas.Application) int, ok bool) {
	for _, c := range applicationListColumns {
		if c.Sort != "" && c.Sort == key {
			return c.compare, true
		}
	}
	return nil, false
}

// sortApplications sorts rows by the column of key, descending with desc;
// equal rows, and every row without a key, stay in the order they came in.
func sortApplications(rows []applicationRow, key string, desc bool) {
	compare, ok := applicationSort(key)
	if !ok {
		compare, desc = applicationListColumns[len(applicationListColumns)-1].compare, false
	}
	slices.SortStableFunc(rows, func(a, b applicationRow) int {
		c := compare(a.Application, b.Application)
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.ID, b.ID))
	})
}

// applicationSortColumns returns the list's headers, sorted by key (by
// arrival when "") and desc; their links keep the status filter of q and
// start again at the first page.
func (p *page) applicationSortColumns(path string, q url.Values, key string, desc bool) []sortColumn {
	if _, ok := applicationSort(key); !ok {
		key, desc = appSortApplied, false
	}
	cols := make([]sortColumn, len(applicationListColumns))
	for i, c := range applicationListColumns {
		col := sortColumn{Label: p.T(c.Label)}
		if c.Sort == "" {
			cols[i] = col
			continue
		}
		v := url.Values{}
		if st := q.Get("status"); st != "" {
			v.Set("status", st)
		}
		order := "asc"
		if c.Sort == key {
			col.Sort = "ascending"
			if desc {
				col.Sort = "descending"
			} else {
				order = "desc"
			}
		}
		v.Set("sort", c.Sort)
		v.Set("order", order)
		col.URL = path + "?" + v.Encode()
		cols[i] = col
	}
	return cols
}

// checkReasons returns the reasons of an application's CDO check, as
// the classifier gives them for what the applicant wrote: for the
// applications whose reasons were not stored when they came in.
func checkReasons(a *cdoatlas.Application) []cdoatlas.CheckReason {
	c := *a // the check sets the status too, which stays as decided
	network.CheckApplication(&c)
	return c.Explanations
}

// handleCallApplications lists a call's applications for the network's
// coordinators, filterable by status (?status=) and sorted by a column
// (?sort=, ?order=asc or desc), 25 a page, or sends them all as a download
// (?format=csv, csv-de or xlsx).
func (s *site) handleCallApplications(w http.ResponseWriter, r *http.Request) {
	v, ok := s.loadCall(w, r, "call.applications_of")
	if !ok || !s.coordinates(w, r, v.Network.ID) {
		return
	}
	v.Nav = "networks"
	q := r.URL.Query()
	format := q.Get("format")
	if _, ok := downloadFormats[format]; format != "" && !ok {
		s.renderError(w, r, http.StatusBadRequest)
		return
	}
	if st := q.Get("status"); slices.Contains(cdoatlas.ApplicationStates, st) {
		v.Status = st
	}
	desc := false
	if _, ok := applicationSort(q.Get("sort")); ok {
		v.Sort, v.Order = q.Get("sort"), "asc"
		if q.Get("order") == "desc" {
			v.Order, desc = "desc", true
		}
	}
	items, err := s.Store.FindApplicationList(r.Context(), v.Call.ID, v.Status)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows := make([]applicationRow, len(items))
	for i, it := range items {
		rows[i] = applicationRow{Application: it.Application, checkReasons: it.CheckReasons}
		if it.OfferExpires != nil {
			rows[i].Offer = it.OfferExpires.UTC().Format("2006-01-02")
		}
	}
	sortApplications(rows, v.Sort, desc)
	if format != "" {
		out := make([][]string, len(rows))
		for i, a := range rows {
			out[i] = []string{a.PersonName, a.Email, a.OrganizationName, a.Title, a.Tasks, a.Check, a.Status,
				a.AppliedAt.UTC().Format("2006-01-02"), a.Offer}
		}
		s.writeTable(w, r, "applications-"+strconv.FormatInt(v.Call.ID, 10), format, applicationColumns, out)
		return
	}
	v.Path = r.URL.Path
	pageNo := pageParam(q)
	v.Pagination = newPagination(v.Lang, v.Path, q, pageNo, len(rows))
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	from := min((pageNo-1)*perPage, len(rows))
	v.Rows = rows[from:min(from+perPage, len(rows))]
	missing := map[int64][]cdoatlas.CheckReason{}
	for i := range v.Rows {
		a := &v.Rows[i]
		a.StatusLabel = tr(v.Lang, "call.state."+a.Status)
		a.Applied = v.Day(a.AppliedAt)
		if a.Offer != "" {
			a.Offer = formatDate(v.Lang, cdoatlas.PartialDate(a.Offer))
		}
		if short := shorten(a.Tasks, tasksShortLen); short != a.Tasks {
			a.TasksShort = short
		}
		if a.checkReasons == nil {
			a.checkReasons = checkReasons(a.Application)
			missing[a.ID] = a.checkReasons
		}
		for _, e := range a.checkReasons {
			if v.Lang == "en" {
				a.Reasons = append(a.Reasons, e.EN)
			} else {
				a.Reasons = append(a.Reasons, e.DE)
			}
		}
	}
	// Applications from before the reasons were stored get them now, once.
	if err := s.Store.SetCheckReasons(r.Context(), missing); err != nil {
		s.logError(r, err)
	}
	v.Columns = v.applicationSortColumns(v.Path, q, v.Sort, desc)
	v.Statuses = []option{{Value: "", Label: tr(v.Lang, "filter.all")}}
	for _, st := range cdoatlas.ApplicationStates {
		v.Statuses = append(v.Statuses, option{Value: st, Label: tr(v.Lang, "call.state."+st)})
	}
	v.Statuses = selectOptions(v.Statuses, v.Status)
	v.Downloads = map[string]string{}
	for f := range downloadFormats {
		dq := url.Values{"format": {f}}
		for k, x := range map[string]string{"status": v.Status, "sort": v.Sort, "order": v.Order} {
			if x != "" {
				dq.Set(k, x)
			}
		}
		v.Downloads[f] = (&url.URL{Path: v.Path, RawQuery: dq.Encode()}).String()
	}
	s.render(w, r, http.StatusOK, "call_applications", v)
}
