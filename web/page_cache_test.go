package web

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// countingStore counts the organization list queries that reach the store.
type countingStore struct {
	*sqldb.DB
	lists atomic.Int64
}

func (s *countingStore) FindOrganizations(ctx context.Context, f cdoatlas.OrganizationFilter) ([]*cdoatlas.Organization, int, error) {
	s.lists.Add(1)
	return s.DB.FindOrganizations(ctx, f)
}

func TestPageCache(t *testing.T) {
	ctx := context.Background()
	store := &countingStore{DB: sqldbtest.Open(t)}
	e := newPageEnvOn(t, store)
	pop := int64(126329)
	ulm := &cdoatlas.Organization{Name: "Stadt Ulm", Kind: "municipality", Country: "DE", Region: "DE-BW", OfficialCode: "08421000", Population: &pop, PopulationDate: "2023-12-31"}
	if err := store.CreateOrganization(ctx, ulm); err != nil {
		t.Fatal(err)
	}

	t.Run("AnonymousListServedFromCache", func(t *testing.T) {
		first := e.anon().get("/organizations?q=ulm")
		if first.Code != http.StatusOK || !strings.Contains(first.Body.String(), "Stadt Ulm") {
			t.Fatalf("first visit: %d\n%s", first.Code, first.Body)
		}
		if c := first.Result().Cookies(); len(c) != 0 {
			t.Errorf("a public list page set cookies: %v", c)
		}
		n := store.lists.Load()
		second := e.anon().get("/organizations?q=ulm")
		if second.Body.String() != first.Body.String() {
			t.Error("the second visitor got another page")
		}
		if got := store.lists.Load(); got != n {
			t.Errorf("the second visit queried the store again (%d queries, want %d)", got, n)
		}
		en := e.anon()
		en.cookies[langCookie] = "en"
		if body := en.get("/organizations?q=ulm").Body.String(); !strings.Contains(body, `lang="en"`) {
			t.Error("an English visitor got the German page from the cache")
		}
	})

	t.Run("ChangeShowsAtOnce", func(t *testing.T) {
		e.anon().get("/organizations?q=ulm")
		ulm.Name = "Universitätsstadt Ulm"
		if err := store.UpdateOrganization(ctx, ulm); err != nil {
			t.Fatal(err)
		}
		if body := e.anon().get("/organizations?q=ulm").Body.String(); !strings.Contains(body, "Universitätsstadt Ulm") {
			t.Errorf("after a change the list still shows the old name:\n%s", body)
		}
	})

	t.Run("WithdrawnConsentShowsAtOnce", func(t *testing.T) {
		post := &cdoatlas.Post{OrganizationID: ulm.ID, Title: "Chief Digital Officer", Role: "cdo"}
		if err := store.CreatePost(ctx, post); err != nil {
			t.Fatal(err)
		}
		p := &cdoatlas.Person{Name: "Erika Beispiel", Gender: "f", Fictional: true, PublicationBasis: cdoatlas.BasisConsent}
		if err := store.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := store.CreateTenure(ctx, &cdoatlas.Tenure{PersonID: p.ID, PostID: post.ID, Start: "2021", Status: "current"}); err != nil {
			t.Fatal(err)
		}
		path := showPath("organizations", ulm.ID)
		if body := e.anon().get(path).Body.String(); !strings.Contains(body, "Erika Beispiel") {
			t.Fatal("a consenting person's name is not shown")
		}
		p.PublicationBasis = cdoatlas.BasisNone
		if err := store.UpdatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		if body := e.anon().get(path).Body.String(); strings.Contains(body, "Erika Beispiel") {
			t.Error("after consent was withdrawn the public page still shows the name")
		}
	})

	t.Run("NotForLoggedInOrForms", func(t *testing.T) {
		e.anon().get("/organizations?q=ulm") // cached now
		n := store.lists.Load()
		editor := e.as(cdoatlas.UserEditor)
		body := editor.get("/organizations?q=ulm").Body.String()
		if !strings.Contains(body, "/logout") {
			t.Error("the editor got the anonymous page from the cache")
		}
		if got := store.lists.Load(); got != n+1 {
			t.Errorf("the editor's visit queried the store %d times, want 1", got-n)
		}
		a, b := e.anon().get("/login"), e.anon().get("/login")
		if csrfTokenIn(t, a.Body.String()) == csrfTokenIn(t, b.Body.String()) {
			t.Error("two visitors of the login form got the same CSRF token")
		}
	})
}
