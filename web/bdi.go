package web

import (
	"fmt"
	"github.com/cdoatlas/cdoatlas/locale"
	"html/template"
	"net/http"
)

// Names come from users and sources, in any script. A name in Hebrew or
// Arabic, or one holding a right-to-left override from before validation
// refused those (cdoatlas.TextProblem), would reorder the text around it.
// Pages therefore isolate every name they show in <bdi>: the templates
// wrap names themselves, and sentences that carry a name are made with
// TI (in a template) or newPageFor (a page heading).

// TI translates a UI string like T, isolating each string argument (a name
// a user or a source typed) in <bdi>, so that it cannot reorder the
// sentence around it. Use it only where HTML may stand, not in attributes
// or the <title>.
func (p *page) TI(key string, args ...any) template.HTML { return trIsolated(p.Lang, key, args...) }

// H1 returns the page's main heading: its title, with the names in it
// isolated when the page was made by newPageFor.
func (p *page) H1() template.HTML {
	if p.Heading != "" {
		return p.Heading
	}
	return template.HTML(template.HTMLEscapeString(p.Title))
}

// newPageFor is newPage for a page whose title is the sentence key with
// args (names): the title as text, the heading (H1) with the names
// isolated.
func (s *site) newPageFor(w http.ResponseWriter, r *http.Request, key string, args ...any) page {
	lang := langFrom(r)
	p := s.newPage(w, r, "", tr(lang, key, args...))
	p.Heading = trIsolated(lang, key, args...)
	return p
}

// trIsolated is tr as HTML, with each string argument escaped and
// isolated in <bdi>; numbers are formatted as tr does, other values as
// escaped text.
func trIsolated(lang, key string, args ...any) template.HTML {
	format := tr(lang, key)
	if len(args) == 0 {
		return template.HTML(template.HTMLEscapeString(format))
	}
	if !locale.Has(key) {
		return template.HTML(template.HTMLEscapeString(key))
	}
	html := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case string:
			html[i] = bdi(a)
		case int, int64, float64:
			html[i] = a
		default:
			html[i] = template.HTMLEscapeString(fmt.Sprint(a))
		}
	}
	return template.HTML(fmt.Sprintf(template.HTMLEscapeString(format), html...))
}

// bdi returns s escaped and isolated.
func bdi(s string) string {
	return "<bdi>" + template.HTMLEscapeString(s) + "</bdi>"
}
