package web

import (
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// apiCheckAnswer is the answer of POST /api/v1/check.
type apiCheckAnswer struct {
	Title      string   `json:"title"`
	Role       string   `json:"role"`
	CDOCheck   string   `json:"cdo_check"`
	Archetype  string   `json:"archetype"`
	Confidence float64  `json:"confidence"`
	Reasons    []string `json:"reasons"`
	Gaps       []string `json:"gaps"`
}

func TestAPICheck(t *testing.T) {
	e := newAPIEnv(t, openTestStore(t))
	check := func(t *testing.T, body any, token string) apiCheckAnswer {
		t.Helper()
		w := e.do(apiReq{method: http.MethodPost, path: "/api/v1/check", body: body, token: token})
		wantStatus(t, w, http.StatusOK)
		if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control %q, want no-store", cc)
		}
		fields := decodeBody[map[string]any](t, w)
		want := []string{"archetype", "cdo_check", "confidence", "gaps", "reasons", "role", "title"}
		if got := slices.Sorted(maps.Keys(fields)); !slices.Equal(got, want) {
			t.Errorf("fields %q, want %q", got, want)
		}
		return decodeBody[apiCheckAnswer](t, w)
	}

	t.Run("SocialMediaIsNo", func(t *testing.T) {
		got := check(t, map[string]any{"title": " Chief Digital Officer ", "tasks": checkSocialMedia}, "")
		if got.Title != "Chief Digital Officer" || got.Role != "cdo" || got.CDOCheck != "no" || got.Archetype != "" {
			t.Errorf("answer %+v, want a CDO title that is no CDO by its tasks", got)
		}
		if got.Confidence <= 0 || got.Confidence > 1 {
			t.Errorf("confidence %v", got.Confidence)
		}
		if !slices.Contains(got.Reasons, "social media, web or public relations") {
			t.Errorf("reasons %q lack the social-media reason", got.Reasons)
		}
		for _, g := range []string{"no cross-departmental mandate", "communication skills not asked for"} {
			if !slices.Contains(got.Gaps, g) {
				t.Errorf("gaps %q lack %q", got.Gaps, g)
			}
		}
	})
	t.Run("CrossDepartmentalIsYes", func(t *testing.T) {
		got := check(t, map[string]any{"title": "CDO", "tasks": checkCrossSmart, "placement": "staff_unit_head",
			"organization": "Stadt Ulm", "country": "de"}, "")
		if got.CDOCheck != "yes" || got.Archetype != "smart_city" {
			t.Errorf("answer %+v, want yes and smart_city", got)
		}
		if !slices.Contains(got.Reasons, "placed at the head of administration or on the board") {
			t.Errorf("reasons %q lack the placement", got.Reasons)
		}
		if slices.Contains(got.Gaps, "no cross-departmental mandate") {
			t.Errorf("gaps %q name the mandate the tasks give", got.Gaps)
		}
	})
	t.Run("TitleOnly", func(t *testing.T) {
		got := check(t, map[string]any{"title": "Chief Information Officer"}, "")
		if got.Role != "cio" || got.CDOCheck != "unknown" || len(got.Reasons) == 0 {
			t.Errorf("answer %+v", got)
		}
		if got.Gaps == nil || len(got.Gaps) != 0 {
			t.Errorf("gaps %#v, want [] without tasks", got.Gaps)
		}
	})
	t.Run("WithToken", func(t *testing.T) {
		if got := check(t, map[string]any{"title": "CDO", "tasks": checkCrossSmart}, e.member); got.CDOCheck != "yes" {
			t.Errorf("answer %+v", got)
		}
	})

	long := func(n int) string { return strings.Repeat("ä", n) }
	for _, tc := range []struct {
		name, body, lang string
		field, want      string // the field named in fields, and its message
	}{
		{"BadJSON", `{"title": "CDO"`, "", "", ""},
		{"NotAnObject", `["CDO"]`, "", "", ""},
		{"Empty", ``, "", "", ""},
		{"TitleMissing", `{"tasks": "Digitalstrategie"}`, "", "title", "Please fill in."},
		{"TitleBlank", `{"title": "   "}`, "de-DE,de;q=0.9", "title", "Bitte ausfüllen."},
		{"TitleTooLong", `{"title": "` + long(301) + `"}`, "", "title", "The title may be at most 300 characters long."},
		{"TasksTooLong", `{"title": "CDO", "tasks": "` + long(20001) + `"}`, "", "tasks", "The text may be at most 20,000 characters long."},
		{"TitleNotText", `{"title": 5}`, "", "title", "Give a text."},
		{"UnknownField", `{"title": "CDO", "salary": 100000}`, "", "salary", "unknown field"},
		{"UnknownPlacement", `{"title": "CDO", "placement": "cellar"}`, "", "placement", "Unknown placement."},
		{"BadCountry", `{"title": "CDO", "country": "Deutschland"}`, "", "country", "Give a two-letter country code (e.g. DE)."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := e.do(apiReq{method: http.MethodPost, path: "/api/v1/check", body: tc.body,
				header: map[string]string{"Accept-Language": tc.lang}})
			wantStatus(t, w, http.StatusBadRequest)
			body := decodeBody[apiErrorBody](t, w)
			if body.Code != apiCodeBadRequest || body.Error == "" {
				t.Errorf("body %+v, want code bad_request and a message", body)
			}
			if tc.field != "" && body.Fields[tc.field] != tc.want {
				t.Errorf("fields %q, want %s: %q", body.Fields, tc.field, tc.want)
			}
		})
	}
	t.Run("LengthsAtTheLimit", func(t *testing.T) {
		got := check(t, map[string]any{"title": long(300), "tasks": long(20000)}, "")
		if got.CDOCheck != "no" {
			t.Errorf("answer %+v", got)
		}
	})
	t.Run("GetNotAllowed", func(t *testing.T) {
		w := e.get("/api/v1/check")
		wantStatus(t, w, http.StatusMethodNotAllowed)
		if allow := w.Header().Get("Allow"); allow != "POST" {
			t.Errorf("Allow %q, want POST", allow)
		}
	})
}
