package web

import (
	"fmt"
	"github.com/cdoatlas/cdoatlas/locale"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// The UI speaks German first and English second. A visitor's choice is
// kept in a long-lived cookie, set by following a ?lang= link on any page;
// without one, the browser's Accept-Language decides, and German is the
// default for anyone who asks for neither.
const (
	langCookie  = "cdoatlas_lang"
	langDefault = locale.German
)

// langFrom returns the visitor's language, "de" or "en": the chosen one,
// else the one their browser ranks higher.
func langFrom(r *http.Request) string {
	if c, err := r.Cookie(langCookie); err == nil && (c.Value == locale.German || c.Value == locale.English) {
		return c.Value
	}
	return locale.FromRequest(r, langDefault)
}

// switchLang handles a ?lang=de or ?lang=en query on a page: it remembers
// the choice in a cookie for a year and redirects to the same page without
// the parameter. It reports whether it answered the request.
func switchLang(w http.ResponseWriter, r *http.Request) bool {
	q := r.URL.Query()
	if !q.Has("lang") {
		return false
	}
	if lang := q.Get("lang"); lang == "de" || lang == "en" {
		http.SetCookie(w, &http.Cookie{
			Name:     langCookie,
			Value:    lang,
			Path:     "/",
			MaxAge:   int((365 * 24 * time.Hour).Seconds()),
			HttpOnly: true,
			Secure:   secureRequest(r),
			SameSite: http.SameSiteLaxMode,
		})
	}
	q.Del("lang")
	target := r.URL.Path
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return true
}

// langSwitchURL is the link that switches the current page to lang.
func langSwitchURL(r *http.Request, lang string) string {
	q := r.URL.Query()
	q.Set("lang", lang)
	return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
}

// tr translates a UI string key into lang, formatting args into it. Unknown
// keys are returned as they are, so a missing entry shows but never breaks
// a page (a test checks that every key used is in the catalog).
func tr(lang, key string, args ...any) string { return locale.Text(lang, key, args...) }

// messageText turns a validation message key from the store into text,
// or a generic text for a key the catalog does not hold, so that no raw
// key or internal text shows.
func messageText(lang, key string) string {
	if m := cdoatlas.Message(lang, key); m != key {
		return m
	}
	return tr(lang, "error.field_invalid")
}

// formatInt writes n with thousands separators: 1.512.491 in German,
// 1,512,491 in English.
func formatInt(lang string, n int64) string {
	sep := "."
	if lang == "en" {
		sep = ","
	}
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// formatDate writes a partial date the way readers of lang expect: German
// pages 31.12.2024, English pages ISO 8601.
func formatDate(lang string, d cdoatlas.PartialDate) string {
	if lang == "en" {
		return string(d)
	}
	return d.German()
}
