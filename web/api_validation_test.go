package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestAPIValidation(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		_, post := e.seedOrganizations()
		badCode := map[string]any{"name": "Augsburg", "kind": "municipality", "country": "DE", "region": "DE-BY", "official_code": "0976100"}
		for _, tc := range []struct {
			name, lang, want string
		}{
			{"English", "", "Official municipality key: 8 digits (AGS) or 12 digits (ARS)."},
			{"EnglishPreferred", "en-GB,en;q=0.9,de;q=0.8", "Official municipality key: 8 digits (AGS) or 12 digits (ARS)."},
			{"German", "de-DE,de;q=0.9,en;q=0.8", "Amtlicher Gemeindeschlüssel: 8 Ziffern (AGS) oder 12 Ziffern (ARS)."},
		} {
			t.Run("OfficialCode"+tc.name, func(t *testing.T) {
				w := e.do(apiReq{method: http.MethodPost, path: "/api/v1/organizations", token: e.editor, body: badCode,
					header: map[string]string{"Accept-Language": tc.lang}})
				wantStatus(t, w, http.StatusUnprocessableEntity)
				body := decodeBody[apiErrorBody](t, w)
				if body.Error != "validation failed" || body.Code != cdoatlas.EINVALID || body.Fields["official_code"] != tc.want {
					t.Errorf("body %+v", body)
				}
			})
		}
		t.Run("OverlappingTenures", func(t *testing.T) {
			ctx := context.Background()
			a, b := &cdoatlas.Person{Name: "Erste Person"}, &cdoatlas.Person{Name: "Zweite Person"}
			for _, p := range []*cdoatlas.Person{a, b} {
				if err := e.store.CreatePerson(ctx, p); err != nil {
					t.Fatal(err)
				}
			}
			w := e.write(http.MethodPost, "/api/v1/tenures", map[string]any{"person_id": a.ID, "post_id": post.ID, "start": "2020-01", "status": "current"})
			wantStatus(t, w, http.StatusCreated)
			w = e.write(http.MethodPost, "/api/v1/tenures", map[string]any{"person_id": b.ID, "post_id": post.ID, "start": "2021-06", "status": "current"})
			wantStatus(t, w, http.StatusUnprocessableEntity)
			if body := decodeBody[apiErrorBody](t, w); body.Fields["start"] != "Overlaps another tenure of this post." {
				t.Errorf("body %+v", body)
			}
			if l := e.list("/api/v1/tenures", e.member); l.Total != 1 {
				t.Errorf("%d tenures stored, want 1", l.Total)
			}
		})
		t.Run("UnknownReferences", func(t *testing.T) {
			for _, tc := range []struct {
				path, field, want string
				body              map[string]any
			}{
				{"/api/v1/posts", "organization_id", "Organization not found.", map[string]any{"organization_id": 999999, "title": "CDO"}},
				{"/api/v1/tenures", "post_id", "Post not found.", map[string]any{"person_id": 999999, "post_id": 999999}},
				{"/api/v1/tenures", "person_id", "Person not found.", map[string]any{"person_id": 999999, "post_id": post.ID}},
			} {
				w := e.write(http.MethodPost, tc.path, tc.body)
				wantStatus(t, w, http.StatusUnprocessableEntity)
				if body := decodeBody[apiErrorBody](t, w); body.Fields[tc.field] != tc.want {
					t.Errorf("%s %v: fields %v, want %s: %q", tc.path, tc.body, body.Fields, tc.field, tc.want)
				}
			}
		})
		t.Run("SeveralFields", func(t *testing.T) {
			w := e.write(http.MethodPost, "/api/v1/posts", map[string]any{"organization_id": post.OrganizationID, "title": " ", "role": "boss", "created": "2024-13"})
			wantStatus(t, w, http.StatusUnprocessableEntity)
			body := decodeBody[apiErrorBody](t, w)
			want := map[string]string{"title": "Please fill in.", "role": "Unknown role.", "created": "Date as YYYY, YYYY-MM or YYYY-MM-DD."}
			for k, v := range want {
				if body.Fields[k] != v {
					t.Errorf("fields[%s] = %q, want %q", k, body.Fields[k], v)
				}
			}
		})
	})
}

func TestAPIBadBodies(t *testing.T) {
	e := newAPIEnv(t, openTestStore(t))
	valid := `{"name": "Ulm", "kind": "municipality", "country": "DE"`
	for _, tc := range []struct {
		name        string
		body        string
		contentType string
		status      int
		wantError   string            // substring of "error"
		wantFields  map[string]string // exact messages
	}{
		{"UnknownFields", valid + `, "colour": "blue", "nickname": "Spatz"}`, "", http.StatusBadRequest,
			"unknown fields: colour, nickname", map[string]string{"colour": "unknown field", "nickname": "unknown field"}},
		{"UnknownField", valid + `, "Name": "x"}`, "", http.StatusBadRequest, "unknown field: Name", nil},
		{"Truncated", valid, "", http.StatusBadRequest, "malformed JSON", nil},
		{"Syntax", `{"name": 'Ulm'}`, "", http.StatusBadRequest, "malformed JSON at byte", nil},
		{"TrailingData", valid + `} {}`, "", http.StatusBadRequest, "unexpected data after the object", nil},
		{"Array", `[{"name": "Ulm"}]`, "", http.StatusBadRequest, "must be a JSON object, not array", nil},
		{"Null", `null`, "", http.StatusBadRequest, "must be a JSON object", nil},
		{"Empty", ``, "", http.StatusBadRequest, "request body is empty", nil},
		{"WrongTypes", valid + `, "population": "many", "other_names": "Ulm an der Donau", "parent_id": 1.5}`, "", http.StatusUnprocessableEntity,
			"validation failed", map[string]string{"population": "Give a whole number.", "other_names": "Give a list of texts.", "parent_id": "Give a whole number."}},
		{"WrongTypeText", `{"name": 42, "kind": "municipality", "country": "DE"}`, "", http.StatusUnprocessableEntity,
			"validation failed", map[string]string{"name": "Give a text."}},
		{"NotJSON", `name=Ulm`, "application/x-www-form-urlencoded", http.StatusUnsupportedMediaType, "must be JSON", nil},
		{"TooLarge", valid + `, "sector": "` + strings.Repeat("x", apiMaxBody) + `"}`, "", http.StatusRequestEntityTooLarge, "too large", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/api/v1/organizations", strings.NewReader(tc.body))
			r.Header.Set("Authorization", "Bearer "+e.editor)
			if tc.contentType != "" {
				r.Header.Set("Content-Type", tc.contentType)
			}
			w := httptest.NewRecorder()
			e.srv.ServeHTTP(w, r)
			wantStatus(t, w, tc.status)
			body := decodeBody[apiErrorBody](t, w)
			if !strings.Contains(body.Error, tc.wantError) {
				t.Errorf("error %q, want it to contain %q", body.Error, tc.wantError)
			}
			for k, v := range tc.wantFields {
				if body.Fields[k] != v {
					t.Errorf("fields[%s] = %q, want %q", k, body.Fields[k], v)
				}
			}
		})
	}
	if l := e.list("/api/v1/organizations"); l.Total != 0 {
		t.Errorf("bad bodies stored %d organizations", l.Total)
	}
}

func TestAPILang(t *testing.T) {
	for _, tc := range []struct{ header, want string }{
		{"", "en"},
		{"de", "de"},
		{"de-AT", "de"},
		{"de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7", "de"},
		{"en-US,en;q=0.9,de;q=0.8", "en"},
		{"fr-CH, fr;q=0.9, de;q=0.8", "de"},
		{"fr", "en"},
		{"en;q=0.5, de;q=0.6", "de"},
		{"de;q=0, en", "en"},
		{"de;q=abc", "en"},
		{"*", "en"},
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Accept-Language", tc.header)
		if got := apiLang(r); got != tc.want {
			t.Errorf("apiLang(%q) = %q, want %q", tc.header, got, tc.want)
		}
	}
}
