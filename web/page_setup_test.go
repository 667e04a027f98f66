package web

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// pageEnv is a server on a fresh SQLite store.
type pageEnv struct {
	t     *testing.T
	store cdoatlas.Store
	srv   *Server
	log   *bytes.Buffer
	users int // accounts made so far, for unique e-mails
}

// newPageEnv starts a server on a fresh, migrated SQLite database.
func newPageEnv(t *testing.T) *pageEnv {
	t.Helper()
	return newPageEnvOn(t, sqldbtest.Open(t))
}

// eachPageEnv runs fn on SQLite and, when CDOATLAS_TEST_POSTGRES is set,
// on PostgreSQL: for what depends on the store's queries (search folding,
// filters, ordering).
func eachPageEnv(t *testing.T, fn func(t *testing.T, e *pageEnv)) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		fn(t, newPageEnvOn(t, db))
	})
}

// newPageEnvOn starts a server on store.
func newPageEnvOn(t *testing.T, store cdoatlas.Store) *pageEnv {
	t.Helper()
	e := &pageEnv{t: t, store: store, log: &bytes.Buffer{}}
	e.srv = New(store, slog.New(slog.NewTextHandler(e.log, nil)), nil)
	// Before the store closes (cleanups run last first): background
	// imports must not outlive it.
	t.Cleanup(func() { e.srv.Shutdown(context.Background()) })
	return e
}

// user creates an account with role and returns it.
func (e *pageEnv) user(role string) *cdoatlas.User {
	e.t.Helper()
	e.users++
	u := &cdoatlas.User{Email: fmt.Sprintf("%s%d@example.org", role, e.users), Role: role}
	if err := e.store.CreateUser(context.Background(), u, pagePassword); err != nil {
		e.t.Fatal(err)
	}
	return u
}

const pagePassword = "correct-horse-battery"

// browser is a client that keeps cookies like a browser does.
type browser struct {
	e       *pageEnv
	user    *cdoatlas.User // nil when anonymous
	cookies map[string]string
	header  http.Header // sent with every request
}

// anon returns a browser without a session.
func (e *pageEnv) anon() *browser {
	return &browser{e: e, cookies: map[string]string{}, header: http.Header{}}
}

// as returns a browser logged in as a new user with role, by a session
// made in the store (the login form has its own test).
func (e *pageEnv) as(role string) *browser {
	e.t.Helper()
	u := e.user(role)
	token, err := e.store.CreateSession(context.Background(), u.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	b := e.anon()
	b.user = u
	b.cookies[sessionCookie] = token
	return b
}

// coordinator returns a browser logged in as a new editor who coordinates
// the network.
func (e *pageEnv) coordinator(networkID int64) *browser {
	e.t.Helper()
	b := e.as(cdoatlas.UserEditor)
	if err := e.store.AddCoordinator(context.Background(), networkID, b.user.ID); err != nil {
		e.t.Fatal(err)
	}
	return b
}

// do serves one request with the browser's cookies and keeps the cookies
// the response sets. It fails the test when a page shows internal detail.
func (b *browser) do(r *http.Request) *httptest.ResponseRecorder {
	b.e.t.Helper()
	for k, v := range b.cookies {
		r.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	for k, vs := range b.header {
		r.Header[k] = vs
	}
	w := httptest.NewRecorder()
	b.e.srv.ServeHTTP(w, r)
	for _, c := range w.Result().Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c.Value
		}
	}
	body := w.Body.String()
	for _, leak := range []string{"internal error:", "sqlite", "goroutine", "panic", "constraint"} {
		if strings.Contains(body, leak) {
			b.e.t.Errorf("%s %s: response contains %q:\n%s", r.Method, r.URL, leak, body)
		}
	}
	// "SQL" on its own, not inside a random token or link secret.
	if sqlWord.MatchString(body) {
		b.e.t.Errorf("%s %s: response mentions SQL:\n%s", r.Method, r.URL, body)
	}
	return w
}

// get fetches a page.
func (b *browser) get(path string) *httptest.ResponseRecorder {
	b.e.t.Helper()
	return b.do(httptest.NewRequest(http.MethodGet, path, nil))
}

// post sends a form as it is, without adding a CSRF token.
func (b *browser) post(path string, form url.Values) *httptest.ResponseRecorder {
	b.e.t.Helper()
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(r)
}

// submit fetches the form page, takes its CSRF token and posts the form
// to action, as a browser user would.
func (b *browser) submit(formPage, action string, form url.Values) *httptest.ResponseRecorder {
	b.e.t.Helper()
	w := b.get(formPage)
	if w.Code != http.StatusOK {
		b.e.t.Fatalf("GET %s: status %d", formPage, w.Code)
	}
	v := url.Values{}
	for k, vs := range form {
		v[k] = vs
	}
	v.Set(csrfField, csrfTokenIn(b.e.t, w.Body.String()))
	return b.post(action, v)
}

// follow fetches the target of a redirect.
func (b *browser) follow(w *httptest.ResponseRecorder) *httptest.ResponseRecorder {
	b.e.t.Helper()
	if w.Code != http.StatusSeeOther && w.Code != http.StatusFound {
		b.e.t.Fatalf("status %d, want a redirect; body:\n%s", w.Code, w.Body)
	}
	loc, _, _ := strings.Cut(w.Header().Get("Location"), "#") // a browser keeps the fragment to itself
	return b.get(loc)
}

var sqlWord = regexp.MustCompile(`(^|[^A-Za-z0-9_-])SQL([^A-Za-z0-9_-]|$)`)

var csrfInput = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// csrfTokenIn returns the CSRF token of the first form in page.
func csrfTokenIn(t *testing.T, page string) string {
	t.Helper()
	m := csrfInput.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token in page:\n%s", page)
	}
	return html.UnescapeString(m[1])
}

// text returns the visible text of a page, tags removed and entities and
// space runs folded, so that tests can look for what a user reads.
func text(body string) string {
	// <bdi> isolates a name within its line: no space around it.
	body = strings.NewReplacer("<bdi>", "", "</bdi>", "").Replace(body)
	body = tagRE.ReplaceAllString(body, " ")
	return strings.Join(strings.Fields(html.UnescapeString(body)), " ")
}

var tagRE = regexp.MustCompile(`(?s)<[^>]*>`)

var tableRE = regexp.MustCompile(`(?s)<table.*?</table>`)

// tableText returns the visible text of the page's tables only: what a
// list shows, without the choices of its filter form.
func tableText(body string) string {
	return text(strings.Join(tableRE.FindAllString(body, -1), " "))
}

// wantCode fails the test unless w has the status.
func wantCode(t *testing.T, w *httptest.ResponseRecorder, want int) {
	t.Helper()
	if w.Code != want {
		t.Fatalf("status %d, want %d; body:\n%s", w.Code, want, w.Body)
	}
}

// wantText fails unless the page's text contains each of want.
func wantText(t *testing.T, w *httptest.ResponseRecorder, want ...string) {
	t.Helper()
	got := text(w.Body.String())
	for _, s := range want {
		if !strings.Contains(got, s) {
			t.Errorf("page does not show %q; it shows:\n%s", s, got)
		}
	}
}

// wantNoText fails when the page's text contains any of unwanted.
func wantNoText(t *testing.T, w *httptest.ResponseRecorder, unwanted ...string) {
	t.Helper()
	got := text(w.Body.String())
	for _, s := range unwanted {
		if strings.Contains(got, s) {
			t.Errorf("page shows %q; it shows:\n%s", s, got)
		}
	}
}

func pageInt64(n int64) *int64 { return &n }

// pageSeed is a small registry: organizations, a CDO post of München with
// a public current holder and an unpublished former one.
type pageSeed struct {
	muc, cgn, wesel, wien *cdoatlas.Organization
	post                  *cdoatlas.Post
	public, hidden        *cdoatlas.Person
	current, former       *cdoatlas.Tenure
}

// seed fills the store with the pageSeed.
func (e *pageEnv) seed() *pageSeed {
	e.t.Helper()
	ctx := context.Background()
	s := &pageSeed{
		muc:   &cdoatlas.Organization{Name: "Landeshauptstadt München", Kind: "municipality", Country: "DE", Region: "DE-BY", OfficialCode: "09162000", Population: pageInt64(1510378), PopulationDate: "2023-12-31"},
		cgn:   &cdoatlas.Organization{Name: "Köln", Kind: "municipality", Country: "DE", Region: "DE-NW", OfficialCode: "05315000", Population: pageInt64(1084831), PopulationDate: "2023-12-31"},
		wesel: &cdoatlas.Organization{Name: "Kreis Wesel", Kind: "county", Country: "DE", Region: "DE-NW", OfficialCode: "05170", Population: pageInt64(466191), PopulationDate: "2023-12-31"},
		wien:  &cdoatlas.Organization{Name: "Wien", Kind: "city_state", Country: "AT", Region: "AT-9", OfficialCode: "90001", Population: pageInt64(1982097), PopulationDate: "2024-01-01"},
	}
	for _, o := range []*cdoatlas.Organization{s.muc, s.cgn, s.wesel, s.wien} {
		if err := e.store.CreateOrganization(ctx, o); err != nil {
			e.t.Fatal(err)
		}
	}
	s.post = &cdoatlas.Post{OrganizationID: s.muc.ID, Title: "Chief Digital Officer", Role: "cdo", CDOCheck: "yes", Archetype: "administration", Placement: "board"}
	if err := e.store.CreatePost(ctx, s.post); err != nil {
		e.t.Fatal(err)
	}
	s.public = &cdoatlas.Person{Name: "Erika Beispiel", Gender: "f", Fictional: true, PublicationBasis: cdoatlas.BasisPublicRole}
	s.hidden = &cdoatlas.Person{Name: "Max Verborgen", Gender: "m", Fictional: true}
	for _, p := range []*cdoatlas.Person{s.public, s.hidden} {
		if err := e.store.CreatePerson(ctx, p); err != nil {
			e.t.Fatal(err)
		}
	}
	s.former = &cdoatlas.Tenure{PersonID: s.hidden.ID, PostID: s.post.ID, Start: "2016-04", End: "2019-02-28", Status: "ended", Hire: "external"}
	s.current = &cdoatlas.Tenure{PersonID: s.public.ID, PostID: s.post.ID, Start: "2019-03-01", Status: "current", Hire: "internal"}
	for _, t := range []*cdoatlas.Tenure{s.former, s.current} {
		if err := e.store.CreateTenure(ctx, t); err != nil {
			e.t.Fatal(err)
		}
	}
	return s
}

// createApplication stores a as the application form does: with its
// registry organization and its CDO check (when a is valid; the store
// refuses it otherwise).
func createApplication(ctx context.Context, store cdoatlas.Store, a *cdoatlas.Application) (string, error) {
	if a.Validate() == nil {
		if err := (&site{Server: &Server{Store: store}}).checkApplication(ctx, a); err != nil {
			return "", err
		}
	}
	return store.CreateApplication(ctx, a)
}
