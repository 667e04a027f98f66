package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// apiEnv is a server on a real store with an editor's and a member's API
// token and the editor's browser session.
type apiEnv struct {
	t       *testing.T
	store   cdoatlas.Store
	srv     *Server
	log     *bytes.Buffer
	editor  string // bearer token of an editor
	member  string // bearer token of a member
	session string // session cookie of the editor
}

// eachAPIEnv runs fn on SQLite and, when CDOATLAS_TEST_POSTGRES is set, on
// PostgreSQL.
func eachAPIEnv(t *testing.T, fn func(t *testing.T, e *apiEnv)) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		fn(t, newAPIEnv(t, db))
	})
}

// newAPIEnv returns an environment on store with two accounts.
func newAPIEnv(t *testing.T, store cdoatlas.Store) *apiEnv {
	t.Helper()
	ctx := context.Background()
	e := &apiEnv{t: t, store: store, log: &bytes.Buffer{}}
	e.srv = New(store, slog.New(slog.NewTextHandler(e.log, nil)), nil)
	editor := &cdoatlas.User{Email: "editor@example.org", Role: cdoatlas.UserEditor}
	member := &cdoatlas.User{Email: "member@example.org", Role: cdoatlas.UserMember}
	for _, u := range []*cdoatlas.User{editor, member} {
		if err := store.CreateUser(ctx, u, "a-long-password-123"); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	if e.editor, err = store.CreateAPIToken(ctx, editor.ID, "test", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if e.member, err = store.CreateAPIToken(ctx, member.ID, "test", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if e.session, err = store.CreateSession(ctx, editor.ID); err != nil {
		t.Fatal(err)
	}
	return e
}

// apiReq is one request: body is a string sent as is, or a value sent as
// JSON; header holds extra headers ("Cookie", "Accept-Language" …).
type apiReq struct {
	method, path string
	token        string
	body         any
	header       map[string]string
}

// do serves the request and returns the response.
func (e *apiEnv) do(rq apiReq) *httptest.ResponseRecorder {
	e.t.Helper()
	var body io.Reader
	switch b := rq.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	default:
		buf, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		body = bytes.NewReader(buf)
	}
	r := httptest.NewRequest(rq.method, rq.path, body)
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	if rq.token != "" {
		r.Header.Set("Authorization", "Bearer "+rq.token)
	}
	for k, v := range rq.header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	return w
}

// get is an anonymous GET unless a token is given.
func (e *apiEnv) get(path string, token ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	rq := apiReq{method: http.MethodGet, path: path}
	if len(token) > 0 {
		rq.token = token[0]
	}
	return e.do(rq)
}

// write sends a write request with the editor's token.
func (e *apiEnv) write(method, path string, body any) *httptest.ResponseRecorder {
	e.t.Helper()
	return e.do(apiReq{method: method, path: path, token: e.editor, body: body})
}

// wantStatus fails the test unless w has status want.
func wantStatus(t *testing.T, w *httptest.ResponseRecorder, want int) {
	t.Helper()
	if w.Code != want {
		t.Fatalf("status %d, want %d; body %s", w.Code, want, w.Body)
	}
}

// decodeBody decodes the JSON body of w into a T.
func decodeBody[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("decoding %q: %v", w.Body, err)
	}
	return v
}

// apiTestList is a list answer with items as generic objects.
type apiTestList struct {
	Items []map[string]any `json:"items"`
	Total int              `json:"total"`
}

// list GETs a list and returns it; it fails the test on any status but 200.
func (e *apiEnv) list(path string, token ...string) apiTestList {
	e.t.Helper()
	w := e.get(path, token...)
	wantStatus(e.t, w, http.StatusOK)
	return decodeBody[apiTestList](e.t, w)
}

// names returns the "name" of each item.
func (l apiTestList) names() []string {
	var out []string
	for _, it := range l.Items {
		out = append(out, it["name"].(string))
	}
	return out
}

func ptrTo[T any](v T) *T { return &v }

// seedOrganizations stores a few real organizations and returns them by
// short name, and the CDO post of München.
func (e *apiEnv) seedOrganizations() (map[string]*cdoatlas.Organization, *cdoatlas.Post) {
	e.t.Helper()
	ctx := context.Background()
	orgs := map[string]*cdoatlas.Organization{
		"muc":   {Name: "Landeshauptstadt München", Kind: "municipality", Country: "DE", Region: "DE-BY", OfficialCode: "09162000", Population: ptrTo[int64](1510378), PopulationDate: "2023-12-31"},
		"cgn":   {Name: "Köln", Kind: "municipality", Country: "DE", Region: "DE-NW", OfficialCode: "05315000", Population: ptrTo[int64](1084831), PopulationDate: "2023-12-31"},
		"wesel": {Name: "Kreis Wesel", Kind: "county", Country: "DE", Region: "DE-NW", OfficialCode: "05170", Population: ptrTo[int64](466191), PopulationDate: "2023-12-31"},
		"pb":    {Name: "Paderborn", Kind: "municipality", Country: "DE", Region: "DE-NW", OfficialCode: "05774032", Population: ptrTo[int64](157650), PopulationDate: "2023-12-31"},
		"wien":  {Name: "Wien", Kind: "city_state", Country: "AT", Region: "AT-9", OfficialCode: "90001", Population: ptrTo[int64](1982097), PopulationDate: "2024-01-01"},
	}
	for _, key := range []string{"muc", "cgn", "wesel", "pb", "wien"} {
		if err := e.store.CreateOrganization(ctx, orgs[key]); err != nil {
			e.t.Fatal(err)
		}
	}
	post := &cdoatlas.Post{OrganizationID: orgs["muc"].ID, Title: "Chief Digital Officer", Role: "cdo", CDOCheck: "yes", Archetype: "administration", Placement: "board"}
	if err := e.store.CreatePost(ctx, post); err != nil {
		e.t.Fatal(err)
	}
	return orgs, post
}

// openTestStore returns a fresh SQLite store, for tests that need no
// second database.
func openTestStore(t *testing.T) cdoatlas.Store {
	t.Helper()
	return sqldbtest.Open(t)
}
