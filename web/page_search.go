package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

// The site search: one field finds organizations (by name or code), posts
// (by title, role or organization) and people (by name). Its first page
// shows a few of each with their number; a section's link lists all its
// results, 25 a page. People are found only where the viewer may see them:
// the public and members find only names that may be published, exactly
// like the person list, so that a search for an unpublished name answers
// like one for a name nobody has.

func (s *site) registerSearchRoutes() {
	s.get("/search", s.cached(s.handleSearch))
}

// Sections of the search that list all their results (in=…); the
// organizations' is the organization list.
const (
	searchPosts  = "posts"
	searchPeople = "people"
)

// searchPreview is the number of results a section shows on the overview.
const searchPreview = 5

// maxSearchLength bounds the search term, in characters.
const maxSearchLength = 200

// searchView is the search form and the results by section.
type searchView struct {
	page
	Q        string
	Searched bool // Q holds a word to search for
	Section  string
	// AllNames: the viewer finds people whose names are not published.
	AllNames bool
	BackURL  string // to the overview, on a section's own page
	Sections []searchSection
}

// searchSection is what the search found of one kind: its number, the
// rows of one of Organizations, Posts and People, and a link to all.
type searchSection struct {
	ID, Heading   string
	Count, None   string
	Total         int
	AllURL        string // the whole list, when the overview shows less
	AllText       string
	Organizations []organizationRow
	Posts         []postMatchRow
	People        []personRef
	Pagination    pagination // on the section's own page
}

// postMatchRow is a post as the search lists it.
type postMatchRow struct {
	ID             int64
	Title, Role    string
	OrganizationID int64
	Organization   string
}

// handleSearch answers /search?q=…, with in=posts or in=people for all
// results of one section, paged.
func (s *site) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	term := strings.TrimSpace(q.Get("q"))
	if utf8.RuneCountInString(term) > maxSearchLength {
		term = string([]rune(term)[:maxSearchLength])
	}
	v := &searchView{Q: term, Searched: len(cdoatlas.SearchTerms(term)) > 0, Section: oneOf(q.Get("in"), []string{searchPosts, searchPeople})}
	if v.Searched {
		v.page = s.newPage(w, r, "", tr(langFrom(r), "search.title_q", term))
	} else {
		v.page = s.newPage(w, r, "search.title", "")
	}
	v.Nav = "search"
	v.AllNames = v.User.SeesUnpublishedNames()
	pageNo := pageParam(q)
	if !v.Searched || v.Section == "" {
		// Nothing here is paged: a page number leads back to the first.
		if redirectPastLast(w, r, pagination{Page: pageNo, Pages: 1}) {
			return
		}
	}
	if !v.Searched {
		s.render(w, r, http.StatusOK, "search", v)
		return
	}
	offset, limit := 0, searchPreview
	if v.Section != "" {
		offset, limit = (pageNo-1)*perPage, perPage
		v.BackURL = "/search?" + url.Values{"q": {term}}.Encode()
	}
	ctx := r.Context()
	if v.Section == "" {
		orgs, total, err := s.Store.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Q: term, Limit: limit})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		sec := v.section("organizations", total, "/organizations?"+url.Values{"q": {term}}.Encode(), len(orgs))
		for _, o := range orgs {
			sec.Organizations = append(sec.Organizations, v.organizationRow(o))
		}
		v.Sections = append(v.Sections, sec)
	}
	if v.Section == "" || v.Section == searchPosts {
		posts, total, err := s.Store.FindPostMatches(ctx, cdoatlas.PostFilter{Q: term, Offset: offset, Limit: limit})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		sec := v.section(searchPosts, total, "/search?"+url.Values{"q": {term}, "in": {searchPosts}}.Encode(), len(posts))
		for _, m := range posts {
			sec.Posts = append(sec.Posts, postMatchRow{ID: m.Post.ID, Title: m.Post.Title, Role: v.Label("role", m.Post.Role),
				OrganizationID: m.Organization.ID, Organization: m.Organization.Name})
		}
		v.Sections = append(v.Sections, sec)
	}
	if v.Section == "" || v.Section == searchPeople {
		people, total, err := s.Store.FindPeople(ctx, cdoatlas.PersonFilter{Q: term, Offset: offset, Limit: limit,
			PublicOnly: !v.AllNames})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		sec := v.section(searchPeople, total, "/search?"+url.Values{"q": {term}, "in": {searchPeople}}.Encode(), len(people))
		for _, p := range people {
			sec.People = append(sec.People, s.personRef(v.Lang, v.User, p))
		}
		v.Sections = append(v.Sections, sec)
	}
	if v.Section != "" {
		sec := &v.Sections[0]
		sec.AllURL = ""
		sec.Pagination = newPagination(v.Lang, "/search", q, pageNo, sec.Total)
		if redirectPastLast(w, r, sec.Pagination) {
			return
		}
	}
	s.render(w, r, http.StatusOK, "search", v)
}

// section starts the section id of the results, with the number of all
// matches and, when the overview shows fewer than all, the link to them.
func (v *searchView) section(id string, total int, all string, shown int) searchSection {
	key := "search." + id
	sec := searchSection{ID: id, Heading: v.T(key), Total: total, None: v.T(key + ".none")}
	if total == 1 {
		sec.Count = v.T(key + ".count_one")
	} else {
		sec.Count = v.T(key+".count", v.Count(total))
	}
	if shown < total {
		sec.AllURL, sec.AllText = all, v.T(key+".all", v.Count(total))
	}
	return sec
}
