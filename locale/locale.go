// Package locale holds every user-facing text of cdoatlas in one catalog,
// German first and English second, and the one rule for choosing between
// them.
//
// Domain packages do not write sentences for people: they return message
// keys (with arguments where a text needs numbers or names), and the web
// pages, the API and the command line turn a key into text here. Each
// topic keeps its strings in a file of its own; every file adds its table
// at start-up, and a key given twice stops the program at once.
package locale

import (
	"fmt"
	"net/http"
	"strings"

	"golang.org/x/text/language"
)

// The languages cdoatlas speaks.
const (
	German  = "de"
	English = "en"
)

// catalog maps a key to its text {German, English}.
var catalog = map[string][2]string{}

// add merges a topic's table into the catalog. A key given twice is a
// programming error, found by the first test that runs.
func add(table map[string][2]string) {
	for k, v := range table {
		if _, dup := catalog[k]; dup {
			panic("locale: key " + k + " is defined twice")
		}
		catalog[k] = v
	}
}

// Text returns key's text in lang with args formatted into it (as
// fmt.Sprintf does). English is given for "en"; any other language gets
// German, the first language. An unknown key is returned as it is, so that
// a missing entry shows but never breaks a page; tests check that every
// key in use is in the catalog.
func Text(lang, key string, args ...any) string {
	e, ok := catalog[key]
	if !ok {
		return key
	}
	s := e[0]
	if lang == English {
		s = e[1]
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key is in the catalog.
func Has(key string) bool {
	_, ok := catalog[key]
	return ok
}

// Keys returns every key of the catalog, for tests that check coverage.
func Keys() []string {
	keys := make([]string, 0, len(catalog))
	for k := range catalog {
		keys = append(keys, k)
	}
	return keys
}

// Entry returns key's texts {German, English}.
func Entry(key string) ([2]string, bool) {
	e, ok := catalog[key]
	return e, ok
}

// Printer writes texts in one language, for code that writes many.
type Printer struct{ lang string }

// NewPrinter returns a printer for lang ("de" or "en"; anything else is
// German).
func NewPrinter(lang string) Printer { return Printer{lang: Normalize(lang)} }

// Lang is the printer's language.
func (p Printer) Lang() string { return p.lang }

// Printf returns key's text with args formatted into it.
func (p Printer) Printf(key string, args ...any) string { return Text(p.lang, key, args...) }

// Normalize returns lang when cdoatlas speaks it, German otherwise.
func Normalize(lang string) string {
	if lang == English {
		return English
	}
	return German
}

var matcher = language.NewMatcher([]language.Tag{language.German, language.English})

// Match chooses the language for an Accept-Language header: the one of
// German and English the header ranks higher, fallback when it names
// neither (or cannot be read).
func Match(acceptLanguage, fallback string) string {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return fallback
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return fallback
	}
	if i == 1 {
		return English
	}
	return German
}

// FromRequest chooses the language of a request by its Accept-Language
// header, fallback when the header names neither language.
func FromRequest(r *http.Request, fallback string) string {
	return Match(strings.TrimSpace(r.Header.Get("Accept-Language")), fallback)
}
