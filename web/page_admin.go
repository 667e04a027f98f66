package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // Europe/Berlin also on a machine without zone files

	"github.com/cdoatlas/cdoatlas"
)

// The admin pages: the audit log of changes to personal data, and the
// site's texts (Impressum, Datenschutzerklärung), which every footer links.

func (s *site) registerAdminRoutes() {
	s.get("/admin", s.admin(s.handleAdminIndex))
	s.get("/admin/audit", s.admin(s.handleAudit))
	s.get("/admin/texts", s.admin(s.handleTextsForm))
	s.mux.HandleFunc("POST /admin/texts", s.recoverPage(s.admin(s.protect(s.handleTextsSave))))
	s.get("/impressum", s.handleSiteText(cdoatlas.TextImprint))
	s.get("/datenschutz", s.handleSiteText(cdoatlas.TextPrivacy))
}

// admin lets only admins through; anonymous visitors are sent to log in.
func (s *site) admin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u := userFrom(r.Context())
		switch {
		case u == nil && r.Method == http.MethodGet:
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		case u == nil || u.Role != cdoatlas.UserAdmin:
			s.renderError(w, r, http.StatusForbidden)
		default:
			next(w, r)
		}
	}
}

// adminLink is an entry of the admin index.
type adminLink struct{ Path, Title, Text string }

type adminIndexView struct {
	page
	Links []adminLink
}

func (s *site) handleAdminIndex(w http.ResponseWriter, r *http.Request) {
	v := &adminIndexView{page: s.newPage(w, r, "admin.title", "")}
	v.Nav = "admin"
	for _, l := range []adminLink{
		{"/admin/audit", "admin.audit", "admin.audit_intro"},
		{"/admin/texts", "admin.texts", "admin.texts_intro"},
		{"/admin/mail", "admin.link_mail", "admin.link_mail_intro"},
	} {
		if s.hasPage(l.Path) {
			v.Links = append(v.Links, adminLink{Path: l.Path, Title: v.T(l.Title), Text: v.T(l.Text)})
		}
	}
	s.render(w, r, http.StatusOK, "admin_index", v)
}

// auditView is the audit log with its filter.
type auditView struct {
	page
	Entries    []*cdoatlas.AuditEntry
	Total      int
	Values     map[string]string
	Entities   []option
	Actions    []option
	Pagination pagination
	CSVURL     string
}

// auditPerPage is the number of entries on a page of the audit log.
const auditPerPage = 50

// auditFilter reads the filter of the audit log from the query; a bad
// date is ignored.
func auditFilter(q url.Values) cdoatlas.AuditFilter {
	f := cdoatlas.AuditFilter{
		Entity: oneOf(q.Get("entity"), auditEntities),
		Action: oneOf(q.Get("action"), auditActions),
		Actor:  strings.TrimSpace(q.Get("actor")),
	}
	if id, err := strconv.ParseInt(q.Get("id"), 10, 64); err == nil && id > 0 {
		f.EntityID = id
	}
	if d, err := time.Parse("2006-01-02", q.Get("from")); err == nil {
		f.From = d
	}
	if d, err := time.Parse("2006-01-02", q.Get("to")); err == nil {
		f.To = d.Add(24 * time.Hour) // the whole day
	}
	return f
}

var (
	auditEntities = []string{cdoatlas.AuditPerson, cdoatlas.AuditTenure, cdoatlas.AuditUser, cdoatlas.AuditApplication,
		cdoatlas.AuditMembership, cdoatlas.AuditCensus, cdoatlas.AuditRegistry, cdoatlas.AuditTopic, cdoatlas.AuditVote, cdoatlas.AuditMeeting,
		cdoatlas.AuditBreakout}
	auditActions = []string{cdoatlas.AuditCreate, cdoatlas.AuditUpdate, cdoatlas.AuditDelete, cdoatlas.AuditImport, cdoatlas.AuditErase,
		cdoatlas.AuditMerge, cdoatlas.AuditClose}
)

// handleAudit lists the audit log, filtered, 50 a page, or downloads it as
// CSV (?format=csv or csv-de) with the same filter.
func (s *site) handleAudit(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := auditFilter(q)
	if format := q.Get("format"); format == "csv" || format == "csv-de" {
		entries, _, err := s.Store.FindAuditEntries(r.Context(), f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		rows := make([][]string, len(entries))
		for i, e := range entries {
			rows[i] = []string{e.At.UTC().Format(time.RFC3339), e.Actor, e.Entity, strconv.FormatInt(e.EntityID, 10), e.Action, e.Fields}
		}
		s.writeTable(w, r, "audit", format, []string{"at", "actor", "entity", "entity_id", "action", "fields"}, rows)
		return
	}
	v := &auditView{page: s.newPage(w, r, "admin.audit", ""), Values: map[string]string{}}
	v.Nav = "admin"
	for _, k := range []string{"entity", "action", "actor", "id", "from", "to"} {
		v.Values[k] = q.Get(k)
	}
	v.Entities = selectOptions(append([]option{{Value: "", Label: v.T("filter.all")}}, labelled(v.Lang, "audit.entity.", auditEntities)...), f.Entity)
	v.Actions = selectOptions(append([]option{{Value: "", Label: v.T("filter.all")}}, labelled(v.Lang, "audit.action.", auditActions)...), f.Action)
	pageNo := pageParam(q)
	f.Offset, f.Limit = (pageNo-1)*auditPerPage, auditPerPage
	var err error
	if v.Entries, v.Total, err = s.Store.FindAuditEntries(r.Context(), f); err != nil {
		s.fail(w, r, err)
		return
	}
	v.Pagination = newPaginationPer(v.Lang, "/admin/audit", q, pageNo, v.Total, auditPerPage)
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	csv := url.Values{}
	for k, val := range q {
		if k != "page" && k != "format" {
			csv[k] = val
		}
	}
	csv.Set("format", "csv-de")
	v.CSVURL = "/admin/audit?" + csv.Encode()
	s.render(w, r, http.StatusOK, "admin_audit", v)
}

// labelled makes options of values with labels from the catalog under
// prefix.
func labelled(lang, prefix string, values []string) []option {
	out := make([]option, len(values))
	for i, v := range values {
		out[i] = option{Value: v, Label: tr(lang, prefix+v)}
	}
	return out
}

// AuditEntity names an audited entity in the page's language.
func (p *page) AuditEntity(e string) string { return tr(p.Lang, "audit.entity."+e) }

// AuditAction names an audited action in the page's language.
func (p *page) AuditAction(a string) string { return tr(p.Lang, "audit.action."+a) }

// AuditActor names who acted: an account's address, or a process.
func (p *page) AuditActor(a string) string {
	switch a {
	case "cli", "public", "system":
		return tr(p.Lang, "audit.actor."+a)
	}
	return a
}

// berlin is the time zone of the pages' times, read once (the zone data
// is embedded).
var berlin = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return time.UTC
	}
	return loc
})

// Moment formats a timestamp in Europe/Berlin, to the minute.
func (p *page) Moment(t time.Time) string {
	loc := berlin()
	if p.Lang == "en" {
		return t.In(loc).Format("2006-01-02 15:04")
	}
	return t.In(loc).Format("02.01.2006 15:04")
}

// textFields are the form's fields: each text in each language.
var textFields = []struct{ name, text, lang string }{
	{"impressum_de", cdoatlas.TextImprint, "de"}, {"impressum_en", cdoatlas.TextImprint, "en"},
	{"datenschutz_de", cdoatlas.TextPrivacy, "de"}, {"datenschutz_en", cdoatlas.TextPrivacy, "en"},
}

func textsForm(p *page, values url.Values, errs map[string]string) *form {
	b := newForm(p, "/admin/texts", "form.save", values, errs)
	for _, f := range textFields {
		b.add(field{Name: f.name, Label: "admin.field." + f.name, Hint: "admin.hint." + f.text, Type: "textarea", Rows: 12})
	}
	return b.done("/admin")
}

func (s *site) handleTextsForm(w http.ResponseWriter, r *http.Request) {
	v := &formView{page: s.newPage(w, r, "admin.texts", ""), Back: "/admin", BackText: tr(langFrom(r), "admin.title")}
	v.Nav = "admin"
	values := url.Values{}
	for _, f := range textFields {
		st, err := s.Store.FindSiteText(r.Context(), f.text, f.lang)
		switch {
		case err == nil:
			values.Set(f.name, st.Body)
		case cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND:
			s.fail(w, r, err)
			return
		}
	}
	v.Form = textsForm(&v.page, values, nil)
	s.render(w, r, http.StatusOK, "form", v)
}

func (s *site) handleTextsSave(w http.ResponseWriter, r *http.Request) {
	errs := map[string]string{}
	for _, f := range textFields {
		st := &cdoatlas.SiteText{Name: f.text, Lang: f.lang, Body: r.PostForm.Get(f.name)}
		if err := s.Store.SaveSiteText(r.Context(), st); err != nil {
			fe := fieldErrors(err)
			if fe == nil {
				s.fail(w, r, err)
				return
			}
			errs[f.name] = fe["body"]
		}
	}
	if len(errs) > 0 {
		v := &formView{page: s.newPage(w, r, "admin.texts", ""), Back: "/admin", BackText: tr(langFrom(r), "admin.title")}
		v.Nav = "admin"
		v.HasErrors = true
		v.Form = textsForm(&v.page, r.PostForm, errs)
		s.render(w, r, http.StatusUnprocessableEntity, "form", v)
		return
	}
	redirectFlash(w, r, "/admin/texts", "flash.saved")
}

// siteTextView is the Impressum or the Datenschutzerklärung.
type siteTextView struct {
	page
	Paragraphs [][]string // lines of each paragraph
	Template   bool       // the privacy statement's template: no text is set
	UpdatedAt  time.Time
}

// handleSiteText shows a site text in the visitor's language, else in the
// other one. Without any, the Impressum says it is missing, and the
// privacy statement shows what cdoatlas processes, marked as a template
// the operator must complete.
func (s *site) handleSiteText(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v := &siteTextView{page: s.newPage(w, r, "site."+name, "")}
		v.Nav = name
		v.uncached = true // the page cache follows the registry, not these texts
		other := "en"
		if v.Lang == "en" {
			other = "de"
		}
		var body string
		for _, lang := range []string{v.Lang, other} {
			st, err := s.Store.FindSiteText(r.Context(), name, lang)
			if err == nil {
				body, v.UpdatedAt = st.Body, st.UpdatedAt
				break
			} else if cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
				s.fail(w, r, err)
				return
			}
		}
		if body == "" && name == cdoatlas.TextPrivacy {
			body, v.Template = v.T("site.privacy_template"), true
		}
		for _, p := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				v.Paragraphs = append(v.Paragraphs, strings.Split(p, "\n"))
			}
		}
		s.render(w, r, http.StatusOK, "site_text", v)
	}
}
