package web

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestPageSearch(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		s := e.seed()
		anon := e.anon()
		t.Run("Sections", func(t *testing.T) {
			w := anon.get("/search?q=Muenchen")
			wantCode(t, w, http.StatusOK)
			wantText(t, w, "Ergebnisse für „Muenchen“", "Organisationen 1 Organisation gefunden Landeshauptstadt München",
				"Stellen 1 Stelle gefunden Chief Digital Officer (CDO (Chief Digital Officer)) bei Landeshauptstadt München",
				"Personen 0 Personen gefunden Keine Person gefunden.")
			body := w.Body.String()
			for _, link := range []string{fmt.Sprintf(`href="/organizations/%d"`, s.muc.ID), fmt.Sprintf(`href="/posts/%d"`, s.post.ID)} {
				if !strings.Contains(body, link) {
					t.Errorf("the results have no link %s", link)
				}
			}
		})
		t.Run("PostByRole", func(t *testing.T) {
			// The title does not say CDO; the role does.
			if err := e.store.UpdatePost(context.Background(), &cdoatlas.Post{ID: s.post.ID, OrganizationID: s.muc.ID,
				Title: "Leitung Stabsstelle Digitalisierung", Role: "cdo", CDOCheck: "yes"}); err != nil {
				t.Fatal(err)
			}
			w := anon.get("/search?q=cdo+m%C3%BCnchen")
			wantText(t, w, "1 Stelle gefunden Leitung Stabsstelle Digitalisierung", "0 Organisationen gefunden")
		})
		t.Run("PublishedPerson", func(t *testing.T) {
			w := anon.get("/search?q=beispiel+erika")
			wantText(t, w, "1 Person gefunden Erika Beispiel (fiktiv)")
			if !strings.Contains(w.Body.String(), fmt.Sprintf(`<a href="/people/%d"><bdi>Erika Beispiel</bdi></a>`, s.public.ID)) {
				t.Error("the person found has no link to their page")
			}
		})
		t.Run("NoTerm", func(t *testing.T) {
			w := anon.get("/search?q=+–+")
			wantCode(t, w, http.StatusOK)
			wantText(t, w, "Geben Sie einen Suchbegriff ein.")
			wantNoText(t, w, "gefunden", "Landeshauptstadt München")
		})
		t.Run("Navigation", func(t *testing.T) {
			w := anon.get("/")
			if !strings.Contains(w.Body.String(), `<a href="/search">Suche</a>`) {
				t.Error("the navigation has no link to the search")
			}
			w = anon.get("/search")
			if !strings.Contains(w.Body.String(), `<a href="/search" aria-current="page">Suche</a>`) {
				t.Error("the navigation does not mark the search as the current page")
			}
		})
	})
}

// searchMain is the main part of a search page with the search term
// replaced, so that two searches can be compared for what they found.
func searchMain(t *testing.T, b *browser, path, term string) (int, string) {
	t.Helper()
	w := b.get(path)
	body := w.Body.String()
	i, j := strings.Index(body, "<main"), strings.Index(body, "</main>")
	if i < 0 || j < i {
		return w.Code, strings.ReplaceAll(w.Header().Get("Location"), term, "TERM")
	}
	return w.Code, strings.ReplaceAll(body[i:j], term, "TERM")
}

// TestPageSearchPrivacy checks that the public and members cannot find a
// person whose name may not be published, nor learn that they exist: the
// search for their name answers exactly like the search for a name nobody
// has, on the overview and on the people's own pages. Editors find them,
// like the person list shows them.
func TestPageSearchPrivacy(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		s := e.seed()
		for _, v := range []struct {
			name string
			b    *browser
		}{{"Anonymous", e.anon()}, {"Member", e.as(cdoatlas.UserMember)}} {
			t.Run(v.name, func(t *testing.T) {
				for _, path := range []string{"/search?q=%s", "/search?q=%s&in=people", "/search?q=%s&in=people&page=2", "/search?q=max+%s"} {
					hiddenCode, hidden := searchMain(t, v.b, fmt.Sprintf(path, "Verborgen"), "Verborgen")
					nobodyCode, nobody := searchMain(t, v.b, fmt.Sprintf(path, "Niemandsname"), "Niemandsname")
					if hiddenCode != nobodyCode || hidden != nobody {
						t.Errorf("%s: the search for an unpublished name differs from one for a name nobody has:\n%d %s\n%d %s",
							path, hiddenCode, hidden, nobodyCode, nobody)
					}
					if strings.Contains(hidden, "Max") || strings.Contains(hidden, fmt.Sprintf("/people/%d", s.hidden.ID)) {
						t.Errorf("%s: the unpublished person is found:\n%s", path, hidden)
					}
				}
				w := v.b.get("/search?q=Verborgen")
				wantText(t, w, "0 Personen gefunden", "Keine Person gefunden.")
			})
		}
		t.Run("Editor", func(t *testing.T) {
			w := e.as(cdoatlas.UserEditor).get("/search?q=verborgen")
			wantText(t, w, "1 Person gefunden Max Verborgen (fiktiv)")
		})
		t.Run("PublishedLater", func(t *testing.T) {
			// Pages for the public are cached: publishing and withdrawing
			// the basis must show at once.
			anon := e.anon()
			ctx := context.Background()
			wantText(t, anon.get("/search?q=verborgen"), "0 Personen gefunden")
			s.hidden.PublicationBasis = cdoatlas.BasisConsent
			if err := e.store.UpdatePerson(ctx, s.hidden); err != nil {
				t.Fatal(err)
			}
			wantText(t, anon.get("/search?q=verborgen"), "1 Person gefunden Max Verborgen")
			s.hidden.PublicationBasis = cdoatlas.BasisNone
			if err := e.store.UpdatePerson(ctx, s.hidden); err != nil {
				t.Fatal(err)
			}
			w := anon.get("/search?q=verborgen")
			wantText(t, w, "0 Personen gefunden")
			wantNoText(t, w, "Max Verborgen")
		})
	})
}

var listItem = regexp.MustCompile(`<li><a href="/posts/`)

// TestPageSearchPaging checks that a section lists all its results 25 a
// page, and that a page past the last leads to the last.
func TestPageSearchPaging(t *testing.T) {
	e := newPageEnv(t)
	s := e.seed()
	ctx := context.Background()
	for i := range 30 {
		p := &cdoatlas.Post{OrganizationID: s.cgn.ID, Title: fmt.Sprintf("Referent Digitalisierung %02d", i), Role: "other"}
		if err := e.store.CreatePost(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	anon := e.anon()
	w := anon.get("/search?q=referent")
	wantText(t, w, "30 Stellen gefunden", "Referent Digitalisierung 04", "Alle 30 Stellen zeigen")
	wantNoText(t, w, "Referent Digitalisierung 05")
	if n := len(listItem.FindAllString(w.Body.String(), -1)); n != searchPreview {
		t.Errorf("the overview lists %d posts, want %d", n, searchPreview)
	}
	if !strings.Contains(w.Body.String(), `href="/search?in=posts&amp;q=referent"`) {
		t.Error("the overview has no link to all posts found")
	}
	w = anon.get("/search?q=referent&in=posts")
	wantText(t, w, "30 Stellen gefunden", "Referent Digitalisierung 24", "Alle Ergebnisse für „referent“", "Seite 1 von 2")
	wantNoText(t, w, "Organisationen gefunden", "Personen gefunden", "Referent Digitalisierung 25")
	w = anon.get("/search?q=referent&in=posts&page=2")
	wantText(t, w, "Referent Digitalisierung 25", "Referent Digitalisierung 29")
	if n := len(listItem.FindAllString(w.Body.String(), -1)); n != 5 {
		t.Errorf("page 2 lists %d posts, want 5", n)
	}
	for _, tc := range []struct{ path, want string }{
		{"/search?q=referent&in=posts&page=9", "/search?in=posts&page=2&q=referent"},
		{"/search?q=referent&page=2", "/search?q=referent"},
		{"/search?q=niemand&in=people&page=2", "/search?in=people&q=niemand"},
	} {
		w := anon.get(tc.path)
		wantCode(t, w, http.StatusFound)
		if got := w.Header().Get("Location"); got != tc.want {
			t.Errorf("%s redirects to %s, want %s", tc.path, got, tc.want)
		}
	}
}
