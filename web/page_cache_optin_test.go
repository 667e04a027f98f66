package web

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
)

// TestPageCacheOptIn: the page cache keeps only the pages whose route
// opts in with cached. A page that did not opt in shows a change of data
// outside the registry at once; one that did is served from the cache
// until the registry changes.
func TestPageCacheOptIn(t *testing.T) {
	e := newPageEnv(t)
	// Two routes with the same page, made from data outside the registry.
	st := &site{Server: e.srv, assets: mustLoadAssets(webFS), csrf: newCSRFGuard(e.srv.csrfKey()), tmpl: mustParseTemplates(webFS)}
	text := "Erster Stand"
	page := func(w http.ResponseWriter, r *http.Request) {
		v := &errorView{page: st.newPage(w, r, "", "Testseite"), Status: http.StatusOK, Text: text}
		st.render(w, r, http.StatusOK, "error", v)
	}
	st.get("/test/plain", page)
	st.get("/test/cached", st.cached(page))
	b := e.anon()
	for _, path := range []string{"/test/plain", "/test/cached"} {
		wantText(t, b.get(path), "Erster Stand")
	}
	text = "Zweiter Stand"
	t.Run("NotOptedInShowsAtOnce", func(t *testing.T) {
		w := b.get("/test/plain")
		wantText(t, w, "Zweiter Stand")
		wantNoText(t, w, "Erster Stand")
	})
	t.Run("OptedInServedFromCache", func(t *testing.T) {
		w := b.get("/test/cached")
		wantText(t, w, "Erster Stand")
		// Until the registry changes.
		if err := e.store.CreateOrganization(context.Background(), &cdoatlas.Organization{Name: "Stadt Ulm", Kind: "municipality", Country: "DE"}); err != nil {
			t.Fatal(err)
		}
		wantText(t, b.get("/test/cached"), "Zweiter Stand")
	})
	t.Run("ByLanguage", func(t *testing.T) {
		langRE := regexp.MustCompile(`<html lang="(\w+)"`)
		for _, tc := range []struct{ accept, cookie string }{
			{"en", ""}, {"de", ""}, {"en-GB,en;q=0.9", ""}, {"fr", ""}, {"en", "de"}, {"de", "en"},
		} {
			for range 2 { // rendered, then perhaps from the cache
				r, _ := http.NewRequest(http.MethodGet, "/test/cached", nil)
				r.Header.Set("Accept-Language", tc.accept)
				v := e.anon()
				v.header.Set("Accept-Language", tc.accept)
				if tc.cookie != "" {
					v.cookies[langCookie] = tc.cookie
					r.AddCookie(&http.Cookie{Name: langCookie, Value: tc.cookie})
				}
				w := v.get("/test/cached")
				m := langRE.FindStringSubmatch(w.Body.String())
				if want := langFrom(r); m == nil || m[1] != want {
					t.Errorf("Accept-Language %q, cookie %q: page in %v, want %s", tc.accept, tc.cookie, m, want)
				}
				if vary := w.Header().Get("Vary"); !strings.Contains(vary, "Accept-Language") || !strings.Contains(vary, "Cookie") {
					t.Errorf("Vary: %q", vary)
				}
			}
		}
	})
}

// TestPageCacheRoutes: the public pages of the registry opt in, the
// others do not: a second visit of a cached page runs fewer statements
// than the first, of another page as many.
func TestPageCacheRoutes(t *testing.T) {
	e := newPageEnv(t)
	s := e.seed()
	db := e.store.(*sqldb.DB)
	b := e.anon()
	statements := func(path string) int64 {
		t.Helper()
		before := db.Statements()
		wantCode(t, b.get(path), http.StatusOK)
		return db.Statements() - before
	}
	for _, tc := range []struct {
		path   string
		cached bool
	}{
		{"/", true},
		{"/organizations", true},
		{"/organizations?q=m%C3%BCnchen", true},
		{showPath("organizations", s.muc.ID), true},
		{"/statistics", true},
		{"/calls", false},
		{"/impressum", false},
	} {
		first, second := statements(tc.path), statements(tc.path)
		if got := second < first; got != tc.cached {
			t.Errorf("%s: %d statements, then %d; cached %v, want %v", tc.path, first, second, got, tc.cached)
		}
	}
}
