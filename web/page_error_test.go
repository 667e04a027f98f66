package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// brokenStore fails every organization lookup with an internal error
// whose text must never reach a visitor.
type brokenStore struct{ cdoatlas.Store }

func (brokenStore) FindOrganizations(context.Context, cdoatlas.OrganizationFilter) ([]*cdoatlas.Organization, int, error) {
	return nil, 0, cdoatlas.Internal(errors.New("database is locked: secret detail"))
}

// panickyStore panics on every organization it is asked for.
type panickyStore struct{ cdoatlas.Store }

func (panickyStore) FindOrganizationByID(context.Context, int64) (*cdoatlas.Organization, error) {
	panic("nil map in secret place")
}

func TestPageErrors(t *testing.T) {
	e := newPageEnv(t)
	s := e.seed()
	for _, tc := range []struct {
		name, path string
		status     int
		want       string
	}{
		{"UnknownPath", "/no/such/page", http.StatusNotFound, "Seite nicht gefunden"},
		{"UnknownOrganization", "/organizations/999999", http.StatusNotFound, "Seite nicht gefunden"},
		{"BadID", "/organizations/abc", http.StatusNotFound, "Seite nicht gefunden"},
		{"UnknownPost", "/posts/0", http.StatusNotFound, "Seite nicht gefunden"},
		{"UnknownStatic", "/static/app.0000000000.css", http.StatusNotFound, "Seite nicht gefunden"},
		{"Tenure", fmt.Sprintf("/tenures/%d", s.current.ID), http.StatusSeeOther, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := e.anon().get(tc.path)
			wantCode(t, w, tc.status)
			if tc.want != "" {
				wantText(t, w, tc.want, "Zur Startseite")
			}
		})
	}

	t.Run("Internal", func(t *testing.T) {
		broken := newPageEnvOn(t, brokenStore{e.store})
		for _, lang := range []string{"de", "en"} {
			b := broken.anon()
			b.cookies[langCookie] = lang
			w := b.get("/organizations?q=x")
			wantCode(t, w, http.StatusInternalServerError)
			if strings.Contains(w.Body.String(), "secret") || strings.Contains(w.Body.String(), "locked") {
				t.Errorf("error page shows internal detail:\n%s", w.Body)
			}
			want := map[string]string{"de": "Interner Fehler", "en": "Internal error"}[lang]
			wantText(t, w, want)
		}
		if !strings.Contains(broken.log.String(), "secret detail") {
			t.Error("the internal error was not logged")
		}
	})

	t.Run("Panic", func(t *testing.T) {
		broken := newPageEnvOn(t, panickyStore{e.store})
		w := broken.anon().get(fmt.Sprintf("/organizations/%d", s.muc.ID))
		wantCode(t, w, http.StatusInternalServerError)
		wantText(t, w, "Interner Fehler", "Zur Startseite")
		wantNoText(t, w, "secret place")
		if !strings.Contains(broken.log.String(), "secret place") {
			t.Error("the panic was not logged")
		}
	})
}

func TestPageStatic(t *testing.T) {
	e := newPageEnv(t)
	w := e.anon().get("/")
	m := regexp.MustCompile(`<link rel="stylesheet" href="(/static/app\.[0-9a-f]{10}\.css)">`).FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatalf("no hashed stylesheet link:\n%s", w.Body)
	}
	w = e.anon().get(m[1])
	wantCode(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("Content-Type %q", ct)
	}
	if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
		t.Errorf("Cache-Control %q", cc)
	}
	if !strings.Contains(w.Body.String(), ":focus-visible") {
		t.Error("stylesheet has no focus style")
	}
}

// TestPageStructure renders every page for every kind of visitor and
// checks what axe and a keyboard user rely on: one h1, the language, the
// skip link and landmarks, labels for every input, and no inline script
// or style (the CSP forbids them).
func TestPageStructure(t *testing.T) {
	e := newPageEnv(t)
	s := e.seed()
	editor := e.as(cdoatlas.UserEditor)
	pages := []string{
		"/", "/organizations", "/organizations?q=x",
		fmt.Sprintf("/organizations/%d", s.muc.ID), fmt.Sprintf("/posts/%d", s.post.ID),
		fmt.Sprintf("/people/%d", s.public.ID), "/no/such/page",
	}
	editorPages := append(pages[:len(pages):len(pages)],
		"/account", "/people", "/organizations/new", fmt.Sprintf("/organizations/%d/edit", s.muc.ID),
		fmt.Sprintf("/organizations/%d/delete", s.muc.ID), fmt.Sprintf("/organizations/%d/posts/new", s.muc.ID),
		fmt.Sprintf("/posts/%d/edit", s.post.ID), fmt.Sprintf("/posts/%d/tenures/new", s.post.ID),
		fmt.Sprintf("/tenures/%d/edit", s.current.ID), fmt.Sprintf("/tenures/%d/delete", s.current.ID),
		"/people/new", fmt.Sprintf("/people/%d/edit", s.hidden.ID), fmt.Sprintf("/people/%d", s.hidden.ID),
	)
	inputID := regexp.MustCompile(`<(?:input|select|textarea)[^>]*\bid="([^"]+)"`)
	for _, v := range []struct {
		name  string
		b     *browser
		pages []string
	}{{"Anonymous", e.anon(), append(pages, "/login")}, {"Editor", editor, editorPages}} {
		for _, p := range v.pages {
			t.Run(v.name+p, func(t *testing.T) {
				w := v.b.get(p)
				if w.Code != http.StatusOK && w.Code != http.StatusNotFound {
					t.Fatalf("status %d", w.Code)
				}
				body := w.Body.String()
				if n := strings.Count(body, "<h1"); n != 1 {
					t.Errorf("%d h1 elements, want 1", n)
				}
				for _, want := range []string{`<html lang="de">`, `<a class="skip-link" href="#main">`, `<main id="main"`, `<header`, `<nav class="main-nav" aria-label=`, `<footer`, `<title>`} {
					if !strings.Contains(body, want) {
						t.Errorf("page lacks %s", want)
					}
				}
				for _, bad := range []string{"<script", " style=", "<style"} {
					if strings.Contains(body, bad) {
						t.Errorf("page contains %s", bad)
					}
				}
				for _, m := range inputID.FindAllStringSubmatch(body, -1) {
					if !strings.Contains(body, `<label for="`+m[1]+`"`) {
						t.Errorf("input %s has no label", m[1])
					}
				}
				if strings.Count(body, "<table") != strings.Count(body, "<caption") {
					t.Error("a table lacks a caption")
				}
				if strings.Contains(body, "<th>") {
					t.Error("a table header lacks scope")
				}
			})
		}
	}
}
