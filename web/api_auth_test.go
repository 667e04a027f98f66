package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestAPIWriteAuth(t *testing.T) {
	e := newAPIEnv(t, openTestStore(t))
	orgs, _ := e.seedOrganizations()
	body := map[string]any{"name": "Neuss", "kind": "municipality", "country": "DE"}
	var writes int
	for _, rt := range e.srv.apiRoutes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if method == http.MethodGet || rt.pattern == apiCheckPattern {
			continue // reads, and the CDO check, which stores nothing
		}
		if apiNeedsLogin(path) {
			continue // a member's ballot or answer, not an editor's write: TestAPIVotes, TestAPIMeetings
		}
		writes++
		path = strings.ReplaceAll(path, "{id}", fmt.Sprint(orgs["muc"].ID))
		t.Run(method+path, func(t *testing.T) {
			for _, tc := range []struct {
				name   string
				rq     apiReq
				status int
			}{
				{"Anonymous", apiReq{}, http.StatusUnauthorized},
				{"BadToken", apiReq{token: "not-a-token"}, http.StatusUnauthorized},
				{"SessionCookieOnly", apiReq{header: map[string]string{"Cookie": sessionCookie + "=" + e.session}}, http.StatusUnauthorized},
				{"Member", apiReq{token: e.member}, http.StatusForbidden},
			} {
				tc.rq.method, tc.rq.path, tc.rq.body = method, path, body
				w := e.do(tc.rq)
				if w.Code != tc.status {
					t.Errorf("%s: status %d, want %d; body %s", tc.name, w.Code, tc.status, w.Body)
					continue
				}
				if tc.status == http.StatusUnauthorized && !strings.HasPrefix(w.Header().Get("WWW-Authenticate"), "Bearer") {
					t.Errorf("%s: WWW-Authenticate %q", tc.name, w.Header().Get("WWW-Authenticate"))
				}
				want := cdoatlas.EUNAUTHORIZED
				if tc.status == http.StatusForbidden {
					want = cdoatlas.EFORBIDDEN
				}
				if got := decodeBody[apiErrorBody](t, w); got.Code != want {
					t.Errorf("%s: code %q, want %q", tc.name, got.Code, want)
				}
			}
		})
	}
	if writes != 16 {
		t.Errorf("%d write routes, want 16", writes)
	}
	// Nothing of the refused writes reached the store.
	if l := e.list("/api/v1/organizations"); l.Total != len(orgs) {
		t.Errorf("%d organizations, want %d", l.Total, len(orgs))
	}
	if got := decodeBody[cdoatlas.Organization](t, e.get(fmt.Sprintf("/api/v1/organizations/%d", orgs["muc"].ID))); got.Name != orgs["muc"].Name {
		t.Errorf("München renamed to %q", got.Name)
	}
}

func TestAPIReadsArePublic(t *testing.T) {
	e := newAPIEnv(t, openTestStore(t))
	for _, rt := range e.srv.apiRoutes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if method != http.MethodGet || strings.Contains(path, "{id}") || apiNeedsLogin(path) {
			continue // votes and meetings are for their networks' members: TestAPIVotes, TestAPIMeetings
		}
		w := e.get(path)
		wantStatus(t, w, http.StatusOK)
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s: Content-Type %q", path, ct)
		}
	}
}

func TestAPIPeoplePrivacy(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		_, post := e.seedOrganizations()
		public := &cdoatlas.Person{Name: "Petra Öffentlich", Gender: "f", PublicationBasis: cdoatlas.BasisPublicRole}
		private := &cdoatlas.Person{Name: "Heimlich Verborgen", Gender: "m"}
		for _, p := range []*cdoatlas.Person{public, private} {
			if err := e.store.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		privateTenure := &cdoatlas.Tenure{PersonID: private.ID, PostID: post.ID, Start: "2017", End: "2019", Status: "ended"}
		publicTenure := &cdoatlas.Tenure{PersonID: public.ID, PostID: post.ID, Start: "2020", Status: "current"}
		for _, tn := range []*cdoatlas.Tenure{privateTenure, publicTenure} {
			if err := e.store.CreateTenure(ctx, tn); err != nil {
				t.Fatal(err)
			}
		}
		privatePath := fmt.Sprintf("/api/v1/people/%d", private.ID)

		t.Run("Anonymous", func(t *testing.T) {
			var bodies []string
			get := func(path string, status int) {
				t.Helper()
				w := e.get(path)
				wantStatus(t, w, status)
				bodies = append(bodies, w.Body.String())
			}
			if l := e.list("/api/v1/people"); l.Total != 1 || len(l.Items) != 1 || l.Items[0]["name"] != public.Name {
				t.Errorf("people %+v", l)
			}
			if l := e.list("/api/v1/people?gender=m"); l.Total != 0 {
				t.Errorf("people?gender=m %+v", l)
			}
			get("/api/v1/people", http.StatusOK)
			get("/api/v1/people?q=verborgen", http.StatusOK)
			get(privatePath, http.StatusNotFound)
			if hidden, missing := e.get(privatePath).Body.String(), e.get("/api/v1/people/999999").Body.String(); hidden != missing {
				t.Errorf("a hidden person (%s) is told apart from a missing one (%s)", hidden, missing)
			}
			get(fmt.Sprintf("/api/v1/people/%d", public.ID), http.StatusOK)

			// Tenures stay listed, but the private holder is not named.
			l := e.list("/api/v1/tenures")
			if l.Total != 2 {
				t.Fatalf("%d tenures, want 2", l.Total)
			}
			for _, it := range l.Items {
				id, want := it["id"], any(float64(public.ID))
				if id == float64(privateTenure.ID) {
					want = nil
				}
				if it["person_id"] != want {
					t.Errorf("tenure %v: person_id %v, want %v", id, it["person_id"], want)
				}
			}
			w := e.get(fmt.Sprintf("/api/v1/tenures/%d", privateTenure.ID))
			wantStatus(t, w, http.StatusOK)
			if got := decodeBody[map[string]any](t, w); got["person_id"] != nil || got["post_id"] != float64(post.ID) {
				t.Errorf("tenure %v", got)
			}
			if l := e.list(fmt.Sprintf("/api/v1/tenures?person_id=%d", private.ID)); l.Total != 0 || len(l.Items) != 0 {
				t.Errorf("tenures of the private person: %+v", l)
			}
			if l := e.list(fmt.Sprintf("/api/v1/tenures?person_id=%d", public.ID)); l.Total != 1 {
				t.Errorf("tenures of the public person: %+v", l)
			}
			get("/api/v1/tenures", http.StatusOK)
			for _, b := range bodies {
				if strings.Contains(b, "Heimlich") || strings.Contains(b, fmt.Sprintf(`"person_id":%d`, private.ID)) {
					t.Errorf("anonymous answer names the private person: %s", b)
				}
			}
		})
		// A member sees what the public sees; editors (by token or
		// session) see everyone.
		for _, reader := range []struct {
			name   string
			rq     apiReq
			sees   bool
			people int
		}{
			{"Member", apiReq{token: e.member}, false, 1},
			{"Editor", apiReq{token: e.editor}, true, 2},
			{"SessionCookie", apiReq{header: map[string]string{"Cookie": sessionCookie + "=" + e.session}}, true, 2},
		} {
			t.Run(reader.name, func(t *testing.T) {
				rq := reader.rq
				rq.method, rq.path = http.MethodGet, "/api/v1/people"
				w := e.do(rq)
				wantStatus(t, w, http.StatusOK)
				if l := decodeBody[apiTestList](t, w); l.Total != reader.people {
					t.Errorf("%d people, want %d", l.Total, reader.people)
				}
				if strings.Contains(w.Body.String(), "Heimlich") != reader.sees {
					t.Errorf("the private person's name shown: %v, want %v", !reader.sees, reader.sees)
				}
				rq.path = privatePath
				if reader.sees {
					wantStatus(t, e.do(rq), http.StatusOK)
				} else {
					wantStatus(t, e.do(rq), http.StatusNotFound)
				}
				rq.path = fmt.Sprintf("/api/v1/tenures/%d", privateTenure.ID)
				w = e.do(rq)
				wantStatus(t, w, http.StatusOK)
				want := any(nil)
				if reader.sees {
					want = float64(private.ID)
				}
				if got := decodeBody[map[string]any](t, w); got["person_id"] != want {
					t.Errorf("tenure %v, want person_id %v", got, want)
				}
			})
		}
	})
}
