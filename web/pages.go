package web

import (
	"bytes"
	"embed"
	"github.com/cdoatlas/cdoatlas/locale"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// The HTML pages: server-rendered, German first, usable without JavaScript
// (there is none). Templates and static files are embedded in the binary.

//go:embed templates static
var webFS embed.FS

// site holds what the pages share: parsed templates, static assets, the
// CSRF guard and the login limiter. Its handlers are grouped per resource
// in the page_*.go files.
type site struct {
	*Server
	tmpl   map[string]*template.Template
	assets *assets
	csrf   *csrfGuard
	cache  pageCache
	// selects holds rendered filter selects by language and choice.
	selects htmlMemo
	// orgMatch recognises the organizations applicants name.
	orgMatch orgMatcherMemo
	// hashes bounds the password checks that run at once.
	hashes *gate
	// downloadGate bounds the costly downloads made at once; downloads
	// keeps the files made.
	downloadGate *gate
	downloads    downloadCache
}

// registerPageRoutes registers the HTML pages, the static files and the
// not-found page for every path nothing else serves.
func (s *Server) registerPageRoutes() {
	st := &site{
		Server: s,
		assets: mustLoadAssets(webFS),
		csrf:   newCSRFGuard(s.csrfKey()),
		hashes: newGate(concurrentHashes(), hashWait),
		// One file at a time per two cores, like password checks.
		downloadGate: newGate(concurrentHashes(), downloadWait),
	}
	st.tmpl = mustParseTemplates(webFS)
	st.registerAssetRoutes()
	st.registerHomeRoutes()
	st.registerLoginRoutes()
	st.registerOIDCRoutes()
	st.registerAccountRoutes()
	st.registerOrganizationRoutes()
	st.registerPostRoutes()
	st.registerPersonRoutes()
	st.registerSearchRoutes()
	st.registerTenureRoutes()
	st.registerReviewRoutes()
	st.registerCensusReviewRoutes()
	st.registerStatisticsRoutes()
	st.registerCensusImportRoutes()
	st.registerNetworkRoutes()
	st.registerAdmissionRoutes()
	st.registerMemberRoutes()
	st.registerTopicRoutes()
	st.registerVoteRoutes()
	st.registerVoteEditRoutes()
	st.registerBreakoutRoutes()
	st.registerMeetingRoutes()
	st.registerOutreachRoutes()
	st.registerCheckRoutes()
	st.registerAdminRoutes()
	st.registerMyDataRoutes()
	st.registerAdminMailRoutes()
	st.registerPasswordRoutes()
	s.mux.HandleFunc("/", st.handleNotFound)
}

// mustParseTemplates parses the layout and partials once, and each page on
// a clone of them, so pages can define the same block names.
func mustParseTemplates(fsys fs.FS) map[string]*template.Template {
	base := template.Must(template.New("layout").Funcs(templateFuncs).ParseFS(fsys, "templates/layout.html", "templates/partials/*.html"))
	files, err := fs.Glob(fsys, "templates/pages/*.html")
	if err != nil || len(files) == 0 {
		panic("web: no page templates")
	}
	out := map[string]*template.Template{}
	for _, f := range files {
		t := template.Must(template.Must(base.Clone()).ParseFS(fsys, f))
		out[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	return out
}

var templateFuncs = template.FuncMap{
	"t":          tr,
	"handErrors": handErrors,
	"matchSideView": func(p *matchView, side matchSide, caption string) matchSideData {
		return matchSideData{&p.page, side, caption}
	},
	"statsData": func(p *statisticsView) statisticsData {
		return statisticsData{P: &p.page, C: p.statisticsContent}
	},
	"proposalList": func(p *proposalView, kind string, rows []proposalRow) proposalListData {
		return proposalListData{P: &p.page, Kind: kind, Rows: rows}
	},
}

// get registers a page for GET (and HEAD). Every page takes ?lang=. A
// page is rendered afresh for every request unless its handler is wrapped
// in cached (page_cache.go).
func (s *site) get(pattern string, h http.HandlerFunc) {
	s.mux.HandleFunc("GET "+pattern, s.recoverPage(func(w http.ResponseWriter, r *http.Request) {
		if switchLang(w, r) {
			return
		}
		h(w, r)
	}))
}

// post registers a state-changing form handler behind the CSRF check.
func (s *site) post(pattern string, h http.HandlerFunc) {
	s.mux.HandleFunc("POST "+pattern, s.recoverPage(s.protect(h)))
}

// postEditor registers a form handler for editors and admins: others are
// refused before the body is read or the CSRF token checked.
func (s *site) postEditor(pattern string, h http.HandlerFunc) {
	s.mux.HandleFunc("POST "+pattern, s.recoverPage(s.editor(s.protect(h))))
}

// postLoggedIn registers a form handler for logged-in users: others are
// refused before the body is read.
func (s *site) postLoggedIn(pattern string, h http.HandlerFunc) {
	s.mux.HandleFunc("POST "+pattern, s.recoverPage(s.loggedIn(s.protect(h))))
}

// recoverPage turns a panic in a page handler into the 500 page in the
// visitor's language; the panic and its stack go to the log only.
func (s *site) recoverPage(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.renderError(w, r, http.StatusInternalServerError)
			}
		}()
		next(w, r)
	}
}

// hasPage reports whether path is a page that can be fetched with GET,
// for the language link of a page that answers a form.
func (s *site) hasPage(path string) bool {
	_, pattern := s.mux.Handler(&http.Request{Method: http.MethodGet, URL: &url.URL{Path: path}, Host: "localhost"})
	return pattern != "" && pattern != "/"
}

// editor lets only editors and admins through. Anonymous visitors are sent
// to the login page (GET) or refused (POST); members are refused.
func (s *site) editor(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u := userFrom(r.Context())
		switch {
		case u == nil && r.Method == http.MethodGet:
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		case !u.CanEdit():
			s.renderError(w, r, http.StatusForbidden)
		default:
			next(w, r)
		}
	}
}

// loggedIn lets only logged-in users through; others are sent to log in.
func (s *site) loggedIn(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if userFrom(r.Context()) == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			} else {
				s.renderError(w, r, http.StatusForbidden)
			}
			return
		}
		next(w, r)
	}
}

// render executes a page template into a buffer first, so that a failing
// template yields a clean 500 rather than half a page.
func (s *site) render(w http.ResponseWriter, r *http.Request, status int, name string, view any) {
	t, ok := s.tmpl[name]
	var buf bytes.Buffer
	if !ok {
		s.Logger.Error("unknown template", "name", name)
		s.writeBareError(w)
		return
	}
	if err := t.ExecuteTemplate(&buf, "layout", view); err != nil {
		s.Logger.Error("render", "template", name, "err", err)
		s.writeBareError(w)
		return
	}
	s.keep(r, status, view, buf.Bytes())
	writeHTML(w, status, buf.Bytes())
}

// writeBareError is the last resort when even the error page fails.
func (s *site) writeBareError(w http.ResponseWriter) {
	http.Error(w, "Interner Fehler / Internal error", http.StatusInternalServerError)
}

// errorView is the error page.
type errorView struct {
	page
	Status int
	Text   string
	Login  bool // offer to log in
}

// renderError shows the error page for status in the visitor's language.
func (s *site) renderError(w http.ResponseWriter, r *http.Request, status int) {
	s.renderErrorText(w, r, status, "")
}

// renderErrorText shows the error page with a specific explanation key.
func (s *site) renderErrorText(w http.ResponseWriter, r *http.Request, status int, textKey string) {
	titleKey := "error." + strconv.Itoa(status)
	if !locale.Has(titleKey) {
		titleKey = "error.500"
	}
	if textKey == "" {
		textKey = titleKey + ".text"
	}
	v := &errorView{page: s.newPage(w, r, titleKey, ""), Status: status}
	v.Text = v.T(textKey)
	v.Login = v.User == nil && (status == http.StatusForbidden || status == http.StatusUnauthorized)
	s.render(w, r, status, "error", v)
}

// fail answers with the error page that fits err. Internal errors are
// logged; their text never reaches the visitor.
func (s *site) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.logError(r, err)
	s.renderError(w, r, ErrorStatus(err))
}

// handleNotFound answers every path no route matched.
func (s *site) handleNotFound(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, http.StatusNotFound, apiErrorBody{Error: "not found", Code: cdoatlas.ENOTFOUND})
		return
	}
	if r.Method == http.MethodGet && switchLang(w, r) {
		return
	}
	s.renderError(w, r, http.StatusNotFound)
}

// pathID reads the {id} of the route; ok is false when it is no valid ID.
func pathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}
