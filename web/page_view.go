package web

import (
	"github.com/cdoatlas/cdoatlas/locale"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// page is what the layout needs; every page view embeds it. Its methods
// translate and format for templates: {{.T "key"}}, {{.Label "kind" .Kind}}.
type page struct {
	Lang  string
	Title string // translated
	Nav   string // which main navigation entry is current
	User  *cdoatlas.User
	Flash string // translated, shown once

	// Heading is the title as HTML with its names isolated (newPageFor);
	// empty when the title holds none.
	Heading template.HTML

	LangURL   string // link to this page in the other language
	LangName  string // the other language's name, in that language
	LangCode  string // the other language's code
	CSS       string // content-hashed stylesheet URL
	Icon      string // content-hashed icon URL
	HasErrors bool   // the page shows a form with errors

	csrfToken func() string // makes the CSRF token (and its cookie) on first use
	csrfUsed  bool
	// isMember looks up, on first use, whether the user holds a
	// membership in a network; nil for visitors.
	isMember func() bool
	// uncached marks a page the anonymous page cache must not keep: one
	// for a single visitor, or one from data outside the registry.
	uncached bool
}

// CSRF returns the token for the page's forms. It is made, and its cookie
// set, only when a page has a form that needs it, so that pages without
// one set no cookie and can be cached.
func (p *page) CSRF() string {
	p.csrfUsed = true
	return p.csrfToken()
}

// personal reports whether the rendered page holds something made for
// this visitor alone (a CSRF token, a flash message, a user's view), so
// that it must not be cached for others.
func (p *page) personal() bool { return p.uncached || p.csrfUsed || p.Flash != "" || p.User != nil }

// newPage prepares the layout data for a request: language, user, CSRF
// token (setting its cookie when needed) and the flash message, which it
// consumes. titleKey is translated; title, when given, is used as it is.
func (s *site) newPage(w http.ResponseWriter, r *http.Request, titleKey, title string) page {
	lang := langFrom(r)
	p := page{
		Lang:  lang,
		Title: title,
		User:  userFrom(r.Context()),
		Flash: takeFlash(w, r, lang),
		CSS:   s.assets.url("app.css"),
		Icon:  s.assets.url("icon.svg"),
	}
	var token string
	p.csrfToken = func() string {
		if token == "" {
			token = s.csrf.token(w, r)
		}
		return token
	}
	if u := p.User; u != nil {
		var known, member bool
		p.isMember = func() bool {
			if !known {
				known = true
				// Members' accounts come with a seat; editors and admins
				// have one only if they also sit in a network.
				member = u.Role == cdoatlas.UserMember
				if !member {
					ms, err := s.Store.FindMembershipsByEmail(r.Context(), u.Email)
					member = err == nil && len(ms) > 0
				}
			}
			return member
		}
	}
	if titleKey != "" {
		p.Title = tr(lang, titleKey)
	}
	p.LangCode, p.LangName = "en", "English"
	if lang == "en" {
		p.LangCode, p.LangName = "de", "Deutsch"
	}
	p.LangURL = langSwitchURL(r, p.LangCode)
	if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.hasPage(r.URL.Path) {
		// A page that answers a form without a GET twin: switch on the
		// home page rather than on a URL that does not exist.
		p.LangURL = "/?lang=" + p.LangCode
	}
	return p
}

// T translates a UI string.
func (p *page) T(key string, args ...any) string { return tr(p.Lang, key, args...) }

// Label names a value of an enumeration (kind, role, status …); an empty
// value reads "not given".
func (p *page) Label(group, value string) string {
	if value == "" {
		return tr(p.Lang, "value.none")
	}
	key := group + "." + value
	if !locale.Has(key) {
		return value
	}
	return tr(p.Lang, key)
}

// Date formats a partial date; an unknown one reads "not given".
func (p *page) Date(d cdoatlas.PartialDate) string {
	if d == "" {
		return tr(p.Lang, "value.none")
	}
	return formatDate(p.Lang, d)
}

// DateString formats a date kept as ISO text (YYYY-MM-DD).
func (p *page) DateString(s string) string { return p.Date(cdoatlas.PartialDate(s)) }

// Number writes an integer with thousands separators.
func (p *page) Number(n int64) string { return formatInt(p.Lang, n) }

// Count writes a count with thousands separators.
func (p *page) Count(n int) string { return formatInt(p.Lang, int64(n)) }

// Country names a country code.
func (p *page) Country(code string) string {
	if code == "" {
		return tr(p.Lang, "value.none")
	}
	return cdoatlas.CountryName(p.Lang, code)
}

// Region names a region code.
func (p *page) Region(code string) string {
	if code == "" {
		return tr(p.Lang, "value.none")
	}
	return cdoatlas.RegionNameIn(p.Lang, code)
}

// SizeClass describes a size class.
func (p *page) SizeClass(class string) string {
	if class == "" {
		return tr(p.Lang, "value.none")
	}
	return cdoatlas.SizeClassLabel(p.Lang, class)
}

// YesNo writes a flag as words, never as a colour or a symbol alone.
func (p *page) YesNo(b bool) string {
	if b {
		return tr(p.Lang, "value.yes")
	}
	return tr(p.Lang, "value.no")
}

// Day formats the day of a timestamp (UTC) for the page's language.
func (p *page) Day(t time.Time) string {
	return p.Date(cdoatlas.PartialDate(t.UTC().Format("2006-01-02")))
}

// IsMember reports whether the visitor has a seat in a network, and so a
// "My network" page (/members). It costs one query, for editors and
// admins only, and only where a page asks.
func (p *page) IsMember() bool { return p.isMember != nil && p.isMember() }

// CanEdit reports whether the visitor may change the registry.
func (p *page) CanEdit() bool { return p.User.CanEdit() }

// The flash message survives one redirect in a cookie. It holds a catalog
// key only, never text, so nothing a visitor sends can be shown back.
const flashCookie = "cdoatlas_flash"

// setFlash remembers a message key for the next page the browser shows.
func setFlash(w http.ResponseWriter, r *http.Request, key string) {
	http.SetCookie(w, &http.Cookie{
		Name: flashCookie, Value: key, Path: "/", HttpOnly: true,
		Secure: secureRequest(r), SameSite: http.SameSiteLaxMode,
	})
}

// takeFlash returns the pending flash message, translated, and clears it.
func takeFlash(w http.ResponseWriter, r *http.Request, lang string) string {
	c, err := r.Cookie(flashCookie)
	if err != nil || c.Value == "" {
		return ""
	}
	http.SetCookie(w, &http.Cookie{
		Name: flashCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: secureRequest(r), SameSite: http.SameSiteLaxMode,
	})
	if !strings.HasPrefix(c.Value, "flash.") {
		return ""
	}
	if !locale.Has(c.Value) {
		return ""
	}
	return tr(lang, c.Value)
}

// redirectFlash ends a successful POST: a flash message and a redirect
// (Post-Redirect-Get).
func redirectFlash(w http.ResponseWriter, r *http.Request, target, flashKey string) {
	setFlash(w, r, flashKey)
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// localPath returns next when it is a path on this site, else fallback,
// so that a login link cannot send the visitor elsewhere.
func localPath(next, fallback string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return fallback
	}
	u, err := url.Parse(next)
	if err != nil || u.Host != "" || u.Scheme != "" {
		return fallback
	}
	return next
}

// personRef is a person as a visitor may see them: the name only when it
// is published or the visitor is logged in; a link only where the person
// page would be shown.
type personRef struct {
	ID        int64
	Name      string
	Link      bool
	Hidden    bool
	Fictional string // marker text, empty for real people
}

// personRef builds what the viewer may see of p.
func (s *site) personRef(lang string, viewer *cdoatlas.User, p *cdoatlas.Person) personRef {
	if p == nil {
		return personRef{Name: tr(lang, "person.unknown_label"), Hidden: true}
	}
	ref := personRef{ID: p.ID, Name: p.Name, Link: true}
	if !viewer.SeesUnpublishedNames() && !p.Public() {
		ref.Name, ref.Link, ref.Hidden = tr(lang, "person.hidden"), false, true
	}
	if p.Fictional {
		ref.Fictional = tr(lang, "person.fictional")
	}
	return ref
}

// canSeePerson reports whether viewer may see the page of p.
func canSeePerson(viewer *cdoatlas.User, p *cdoatlas.Person) bool {
	return viewer.SeesUnpublishedNames() || p.Public()
}
