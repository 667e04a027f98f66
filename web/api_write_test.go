package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestAPIOrganizationRoundTrip(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		// Read-only fields in the body are ignored, even when they make no sense.
		w := e.write(http.MethodPost, "/api/v1/organizations", map[string]any{
			"name": "Stadt Ulm", "kind": "municipality", "country": "de", "region": "Baden-Württemberg",
			"official_code": "08421000", "population": 128928, "population_date": "31.12.2023", "sector": "Verwaltung",
			"other_names": []string{"Ulm an der Donau"},
			"id":          999, "size_class": "GK7", "created_at": "yesterday", "updated_at": nil,
		})
		wantStatus(t, w, http.StatusCreated)
		created := decodeBody[cdoatlas.Organization](t, w)
		loc := w.Header().Get("Location")
		if created.ID == 999 || loc != fmt.Sprintf("/api/v1/organizations/%d", created.ID) {
			t.Fatalf("id %d, Location %q", created.ID, loc)
		}
		if created.Region != "DE-BW" || created.PopulationDate != "2023-12-31" || created.SizeClass != "GK3" || created.CreatedAt.IsZero() {
			t.Errorf("created %+v", created)
		}

		w = e.get(loc)
		wantStatus(t, w, http.StatusOK)
		if got := decodeBody[cdoatlas.Organization](t, w); got.Name != "Stadt Ulm" || got.OfficialCode != "08421000" {
			t.Errorf("got %+v", got)
		}

		t.Run("Patch", func(t *testing.T) {
			w := e.write(http.MethodPatch, loc, map[string]any{"population": 30000, "sector": nil})
			wantStatus(t, w, http.StatusOK)
			got := decodeBody[cdoatlas.Organization](t, w)
			if got.SizeClass != "GK5" || got.Sector != "" {
				t.Errorf("patched fields: size class %q, sector %q", got.SizeClass, got.Sector)
			}
			if got.Name != "Stadt Ulm" || got.PopulationDate != "2023-12-31" || len(got.OtherNames) != 1 || got.OfficialCode != "08421000" {
				t.Errorf("fields left out changed: %+v", got)
			}
		})
		t.Run("Put", func(t *testing.T) {
			w := e.write(http.MethodPut, loc, map[string]any{"name": "Ulm", "kind": "municipality", "country": "DE", "id": 1})
			wantStatus(t, w, http.StatusOK)
			got := decodeBody[cdoatlas.Organization](t, w)
			if got.ID != created.ID || got.Name != "Ulm" || got.Population != nil || got.OfficialCode != "" || got.SizeClass != "" {
				t.Errorf("replaced %+v", got)
			}
			if !got.CreatedAt.Equal(created.CreatedAt) {
				t.Errorf("created_at %v, want %v", got.CreatedAt, created.CreatedAt)
			}
		})
		t.Run("Delete", func(t *testing.T) {
			wantStatus(t, e.write(http.MethodDelete, loc, nil), http.StatusNoContent)
			wantStatus(t, e.get(loc), http.StatusNotFound)
			wantStatus(t, e.write(http.MethodDelete, loc, nil), http.StatusNotFound)
			wantStatus(t, e.write(http.MethodPatch, loc, map[string]any{"name": "x"}), http.StatusNotFound)
			wantStatus(t, e.write(http.MethodPut, loc, map[string]any{"name": "x", "kind": "county", "country": "DE"}), http.StatusNotFound)
		})
	})
}

func TestAPIRoundTrip(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		orgs, post := e.seedOrganizations()
		person := &cdoatlas.Person{Name: "Dora Daten", PublicationBasis: cdoatlas.BasisConsent}
		if err := e.store.CreatePerson(context.Background(), person); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			res        string
			create     map[string]any
			patch      map[string]any
			afterPatch map[string]any // fields after PATCH: patched and kept
			put        map[string]any
			afterPut   map[string]any // fields after PUT: the ones left out are empty
		}{
			{"posts",
				map[string]any{"organization_id": orgs["cgn"].ID, "title": "Chief Digital Officer", "role": "cdo", "created": "2018-05"},
				map[string]any{"budget": true, "cdo_check": "yes"},
				map[string]any{"budget": true, "cdo_check": "yes", "title": "Chief Digital Officer", "created": "2018-05", "review": "manual"},
				// Role and check left out: recognised from the title and tasks.
				map[string]any{"organization_id": orgs["cgn"].ID, "title": "Digitalisierungsbeauftragte", "tasks": "Pflege der Social-Media-Kanäle"},
				map[string]any{"role": "cdo", "cdo_check": "no", "review": "auto", "budget": false, "created": ""}},
			{"people",
				map[string]any{"name": "  Clara   Probe ", "gender": "F", "birth_year": 1980},
				map[string]any{"fictional": true},
				map[string]any{"name": "Clara Probe", "gender": "f", "birth_year": float64(1980), "fictional": true},
				map[string]any{"name": "Clara Probe"},
				map[string]any{"gender": "unknown", "birth_year": nil, "fictional": false}},
			{"tenures",
				map[string]any{"person_id": person.ID, "post_id": post.ID, "start": "01.02.2020", "status": "current"},
				map[string]any{"hire": "external"},
				map[string]any{"hire": "external", "start": "2020-02-01", "status": "current", "person_id": float64(person.ID)},
				map[string]any{"person_id": person.ID, "post_id": post.ID, "start": "2020", "end": "2023"},
				map[string]any{"status": "ended", "hire": "unknown", "end": "2023"}},
		} {
			t.Run(tc.res, func(t *testing.T) {
				w := e.write(http.MethodPost, "/api/v1/"+tc.res, tc.create)
				wantStatus(t, w, http.StatusCreated)
				created := decodeBody[map[string]any](t, w)
				loc := w.Header().Get("Location")
				if want := fmt.Sprintf("/api/v1/%s/%v", tc.res, created["id"]); loc != want {
					t.Fatalf("Location %q, want %q", loc, want)
				}
				wantStatus(t, e.get(loc, e.editor), http.StatusOK) // members see no unpublished person
				check := func(step string, want, got map[string]any) {
					t.Helper()
					for k, v := range want {
						if fmt.Sprint(got[k]) != fmt.Sprint(v) {
							t.Errorf("after %s: %s = %#v, want %#v", step, k, got[k], v)
						}
					}
				}
				w = e.write(http.MethodPatch, loc, tc.patch)
				wantStatus(t, w, http.StatusOK)
				check("PATCH", tc.afterPatch, decodeBody[map[string]any](t, w))
				w = e.write(http.MethodPut, loc, tc.put)
				wantStatus(t, w, http.StatusOK)
				check("PUT", tc.afterPut, decodeBody[map[string]any](t, w))
				if got := decodeBody[map[string]any](t, e.get(loc, e.editor)); fmt.Sprint(got["id"]) != fmt.Sprint(created["id"]) {
					t.Errorf("GET after PUT: %v", got)
				}
				wantStatus(t, e.write(http.MethodDelete, loc, nil), http.StatusNoContent)
				wantStatus(t, e.get(loc, e.editor), http.StatusNotFound)
			})
		}
	})
}

func TestAPIShowNotFound(t *testing.T) {
	e := newAPIEnv(t, openTestStore(t))
	for _, path := range []string{"/api/v1/organizations/4711", "/api/v1/posts/4711", "/api/v1/people/4711", "/api/v1/tenures/4711",
		"/api/v1/organizations/abc", "/api/v1/organizations/-1", "/api/v1/nothing", "/api/v1/"} {
		w := e.get(path, e.editor)
		wantStatus(t, w, http.StatusNotFound)
		if body := decodeBody[apiErrorBody](t, w); body.Code != cdoatlas.ENOTFOUND || body.Error == "" {
			t.Errorf("%s: body %+v", path, body)
		}
	}
}

func TestAPIMethodNotAllowed(t *testing.T) {
	e := newAPIEnv(t, openTestStore(t))
	for _, tc := range []struct{ method, path, allow string }{
		{http.MethodDelete, "/api/v1/organizations", "GET, HEAD, POST"},
		{http.MethodPost, "/api/v1/people/1", "GET, HEAD, PUT, PATCH, DELETE"},
		{http.MethodPost, "/api/v1/openapi.json", "GET, HEAD"},
	} {
		w := e.do(apiReq{method: tc.method, path: tc.path, token: e.editor})
		wantStatus(t, w, http.StatusMethodNotAllowed)
		if got := w.Header().Get("Allow"); got != tc.allow {
			t.Errorf("%s %s: Allow %q, want %q", tc.method, tc.path, got, tc.allow)
		}
		if body := decodeBody[apiErrorBody](t, w); body.Code != apiCodeMethodNotAllowed {
			t.Errorf("%s %s: body %+v", tc.method, tc.path, body)
		}
	}
}

func TestAPIConflict(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		orgs, _ := e.seedOrganizations()
		t.Run("OfficialCodeTaken", func(t *testing.T) {
			w := e.write(http.MethodPost, "/api/v1/organizations", map[string]any{
				"name": "München (Doppel)", "kind": "municipality", "country": "DE", "official_code": "09162000"})
			wantStatus(t, w, http.StatusConflict)
			if body := decodeBody[apiErrorBody](t, w); body.Code != cdoatlas.ECONFLICT {
				t.Errorf("body %+v", body)
			}
		})
		t.Run("OrganizationWithPosts", func(t *testing.T) {
			wantStatus(t, e.write(http.MethodDelete, fmt.Sprintf("/api/v1/organizations/%d", orgs["muc"].ID), nil), http.StatusConflict)
			wantStatus(t, e.get(fmt.Sprintf("/api/v1/organizations/%d", orgs["muc"].ID)), http.StatusOK)
		})
	})
}

// apiFailingStore fails to list organizations with an error whose text must
// not reach a client.
type apiFailingStore struct{ cdoatlas.Store }

func (apiFailingStore) FindOrganizations(context.Context, cdoatlas.OrganizationFilter) ([]*cdoatlas.Organization, int, error) {
	return nil, 0, fmt.Errorf("query organizations: dial tcp 10.0.0.5:5432: connection refused")
}

func TestAPIInternalErrorHidden(t *testing.T) {
	e := newAPIEnv(t, apiFailingStore{openTestStore(t)})
	w := e.get("/api/v1/organizations")
	wantStatus(t, w, http.StatusInternalServerError)
	if got := strings.TrimSpace(w.Body.String()); got != `{"error":"internal error","code":"internal"}` {
		t.Errorf("body %s", got)
	}
	if !strings.Contains(e.log.String(), "10.0.0.5:5432") {
		t.Errorf("the cause was not logged: %s", e.log)
	}
}
