package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// TestAPIRefusesControlCharacters: a NUL (which PostgreSQL cannot store)
// or a bidi override in a JSON name gives 422 naming the field, on every
// database; a query parameter with one gives 400 naming it.
func TestAPIRefusesControlCharacters(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		orgs, post := e.seedOrganizations()
		const msg = "Contains control characters that are not allowed."
		_, before, _ := e.store.FindOrganizations(context.Background(), cdoatlas.OrganizationFilter{})
		var some *cdoatlas.Organization
		for _, o := range orgs {
			some = o
			break
		}
		for _, tc := range []struct {
			name, method, path, field string
			body                      map[string]any
		}{
			{"CreateOrganization", http.MethodPost, "/api/v1/organizations", "name",
				map[string]any{"name": "Köln\x00", "kind": "company", "country": "DE"}},
			{"UpdateOrganization", http.MethodPut, fmt.Sprintf("/api/v1/organizations/%d", some.ID), "name",
				map[string]any{"name": "Neu\x00name", "kind": some.Kind, "country": some.Country, "region": some.Region, "official_code": some.OfficialCode}},
			{"OrganizationOverride", http.MethodPost, "/api/v1/organizations", "name",
				map[string]any{"name": "Stadt \u202Enlök", "kind": "company", "country": "DE"}},
			{"PersonIsolate", http.MethodPost, "/api/v1/people", "name", map[string]any{"name": "Anna \u2067Beispiel"}},
			{"PostTasks", http.MethodPost, "/api/v1/posts", "tasks",
				map[string]any{"organization_id": post.OrganizationID, "title": "CDO", "tasks": "Strategie\x00"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := e.write(tc.method, tc.path, tc.body)
				wantStatus(t, w, http.StatusUnprocessableEntity)
				if body := decodeBody[apiErrorBody](t, w); body.Code != cdoatlas.EINVALID || body.Fields[tc.field] != msg {
					t.Errorf("body %+v, want %s: %q", body, tc.field, msg)
				}
			})
		}
		t.Run("German", func(t *testing.T) {
			w := e.do(apiReq{method: http.MethodPost, path: "/api/v1/organizations", token: e.editor,
				body: map[string]any{"name": "Köln\x00", "kind": "company", "country": "DE"}, header: map[string]string{"Accept-Language": "de"}})
			wantStatus(t, w, http.StatusUnprocessableEntity)
			if body := decodeBody[apiErrorBody](t, w); body.Fields["name"] != "Enthält unzulässige Steuerzeichen." {
				t.Errorf("body %+v", body)
			}
		})
		t.Run("QueryParameter", func(t *testing.T) {
			w := e.get("/api/v1/organizations?official_code=%00", e.member)
			wantStatus(t, w, http.StatusBadRequest)
			if body := decodeBody[apiErrorBody](t, w); body.Fields["official_code"] == "" {
				t.Errorf("body %+v, want the parameter named", body)
			}
		})
		if _, after, _ := e.store.FindOrganizations(context.Background(), cdoatlas.OrganizationFilter{}); after != before {
			t.Errorf("%d organizations after, %d before", after, before)
		}
	})
}

// TestPageRefusesControlCharacters: the public application form and the
// organization form come back with the field error, on every database.
func TestPageRefusesControlCharacters(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		ctx := context.Background()
		n := &cdoatlas.Network{Name: "CDO-Kreis"}
		if err := e.store.CreateNetwork(ctx, n); err != nil {
			t.Fatal(err)
		}
		circle := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kern", Capacity: 10}
		if err := e.store.CreateCircle(ctx, circle); err != nil {
			t.Fatal(err)
		}
		call := &cdoatlas.Call{CircleID: circle.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
		if err := e.store.CreateCall(ctx, call); err != nil {
			t.Fatal(err)
		}
		callPath := fmt.Sprintf("/calls/%d", call.ID)
		form := url.Values{"person_name": {"Erika Beispiel"}, "email": {"erika@example.org"}, "organization_name": {"Gemeinde Neuland"},
			"kind": {"municipality"}, "country": {"DE"}, "title": {"Chief Digital Officer"},
			"tasks": {"Ich verantworte die Digitalstrategie\x00 der Stadt."}, "gender": {"f"}, "consent": {"1"}}
		w := e.anon().submit(callPath, callPath, form)
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Enthält unzulässige Steuerzeichen.")
		if !strings.Contains(w.Body.String(), `id="f-tasks-error"`) {
			t.Errorf("no error next to the tasks field:\n%s", w.Body)
		}
		if apps, _ := e.store.FindApplications(ctx, call.ID); len(apps) != 0 {
			t.Errorf("%d applications stored", len(apps))
		}

		ed := e.as(cdoatlas.UserEditor)
		w = ed.submit("/organizations/new", "/organizations/new", url.Values{"name": {"Stadt \u202Enrobredap"}, "kind": {"company"}, "country": {"DE"}})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Name: Enthält unzulässige Steuerzeichen.")
		// Bytes that are not UTF-8, as a form may send them.
		w = ed.submit("/organizations/new", "/organizations/new", url.Values{"name": {"K\xf6ln"}, "kind": {"company"}, "country": {"DE"}})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Enthält ungültig kodierte Zeichen.")
	})
}
