package web

import (
	"github.com/cdoatlas/cdoatlas/locale"
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestPageLanguageSwitch(t *testing.T) {
	e := newPageEnv(t)
	e.seed()
	b := e.anon()

	w := b.get("/organizations?country=DE")
	wantCode(t, w, http.StatusOK)
	if !strings.Contains(w.Body.String(), `<html lang="de">`) {
		t.Error("German is not the default")
	}
	if !strings.Contains(w.Body.String(), `href="/organizations?country=DE&amp;lang=en" lang="en" hreflang="en">English</a>`) {
		t.Error("no link to the English page")
	}

	w = b.get("/organizations?country=DE&lang=en")
	wantCode(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/organizations?country=DE" {
		t.Errorf("redirect to %q, want the same page without lang", loc)
	}
	var lang *http.Cookie
	for _, c := range w.Result().Cookies() {
		if c.Name == langCookie {
			lang = c
		}
	}
	if lang == nil || lang.Value != "en" || lang.MaxAge < 30*24*3600 || lang.Path != "/" {
		t.Fatalf("language cookie %+v: want en, long-lived, path /", lang)
	}

	// Later pages, without the parameter, are English.
	w = b.follow(w)
	if !strings.Contains(w.Body.String(), `<html lang="en">`) {
		t.Error("page after the switch is not English")
	}
	wantText(t, w, "3 organizations found", "Reset filters", "Germany", "Deutsch")
	w = b.get("/")
	wantText(t, w, "Key figures", "Organizations by country")

	// Validation messages follow the language.
	editor := e.as(cdoatlas.UserEditor)
	editor.cookies[langCookie] = "en"
	w = editor.submit("/organizations/new", "/organizations/new", url.Values{"name": {"X"}, "kind": {"county"}, "country": {"DE"}, "official_code": {"1"}})
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, cdoatlas.Message("en", "code.de_county"), "Please correct 1 entry:")

	// Back to German.
	w = b.follow(b.get("/?lang=de"))
	if !strings.Contains(w.Body.String(), `<html lang="de">`) {
		t.Error("switching back to German does not work")
	}
}

// templateKey finds catalog keys used literally in templates.
var templateKey = regexp.MustCompile(`(?:\.TI?|\bt \S+) "([a-z_.0-9]+)"`)

func TestCatalog(t *testing.T) {
	for _, key := range locale.Keys() {
		e, _ := locale.Entry(key)
		if strings.TrimSpace(e[0]) == "" || strings.TrimSpace(e[1]) == "" {
			t.Errorf("catalog entry %q lacks a language", key)
		}
	}
	err := fs.WalkDir(webFS, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(webFS, path)
		if err != nil {
			return err
		}
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			if !locale.Has(m[1]) {
				t.Errorf("%s uses %q, which is not in the catalog", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for group, values := range map[string][]string{
		"kind": cdoatlas.Kinds, "role": cdoatlas.Roles, "cdo_check": cdoatlas.CDOChecks,
		"archetype": cdoatlas.Archetypes, "placement": cdoatlas.Placements, "gender": cdoatlas.Genders,
		"status": cdoatlas.Statuses, "hire": cdoatlas.Hires, "user_role": cdoatlas.UserRoles,
		"basis": {"none", cdoatlas.BasisConsent, cdoatlas.BasisPublicRole},
	} {
		for _, v := range values {
			if !locale.Has(group + "." + v) {
				t.Errorf("no label for %s %q", group, v)
			}
		}
	}
}

func TestFormatting(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int64
		want string
	}{
		{"de", 1510378, "1.510.378"}, {"en", 1510378, "1,510,378"}, {"de", 999, "999"},
		{"de", 1000, "1.000"}, {"de", 0, "0"}, {"de", -12345, "-12.345"},
	} {
		if got := formatInt(tc.lang, tc.n); got != tc.want {
			t.Errorf("formatInt(%s, %d) = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
	if got := formatDate("de", "2023-12-31"); got != "31.12.2023" {
		t.Errorf("German date %q", got)
	}
	if got := formatDate("en", "2023-12-31"); got != "2023-12-31" {
		t.Errorf("English date %q", got)
	}
}

// TestPageLanguageFromBrowser checks that a visitor without a choice gets
// the language their browser asks for, that a choice made on the page
// wins over it, and that a cached page in one language is never served to
// a browser that asks for the other.
func TestPageLanguageFromBrowser(t *testing.T) {
	e := newPageEnv(t)
	e.seed()
	for _, c := range []struct {
		accept, cookie, want string
	}{
		{"", "", "de"},
		{"en-GB,en;q=0.9", "", "en"},
		{"de-CH", "", "de"},
		{"fr-FR,fr;q=0.9", "", "de"},
		{"fr-FR,en;q=0.5", "", "en"},
		{"en-US", "de", "de"},
		{"de-AT", "en", "en"},
		{"en-US", "", "en"}, // again, after the German page was cached
	} {
		for _, path := range []string{"/", "/organizations", "/statistics"} {
			b := e.anon()
			if c.accept != "" {
				b.header.Set("Accept-Language", c.accept)
			}
			if c.cookie != "" {
				b.cookies[langCookie] = c.cookie
			}
			w := b.get(path)
			wantCode(t, w, http.StatusOK)
			if !strings.Contains(w.Body.String(), `<html lang="`+c.want+`">`) {
				t.Errorf("%s with Accept-Language %q and cookie %q: not %s", path, c.accept, c.cookie, c.want)
			}
			if vary := w.Header().Get("Vary"); !strings.Contains(vary, "Accept-Language") {
				t.Errorf("%s: Vary %q does not name Accept-Language", path, vary)
			}
		}
	}
}
