package cdoatlas

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxSearchTerms is the number of words of a search that count; the rest
// are ignored, so that a pasted paragraph cannot make a query of hundreds
// of conditions.
const MaxSearchTerms = 8

// SearchTerms splits a search into its words in search form (Fold), each
// once and in the order given, at most MaxSearchTerms: the post and person
// searches find what matches every word, each on its own, so that
// "CDO Köln" finds the CDO post of Köln and "Beispiel Erika" finds Erika
// Beispiel. Nil when q holds no word.
func SearchTerms(q string) []string {
	var terms []string
	for _, w := range strings.Fields(Fold(q)) {
		if !slices.Contains(terms, w) {
			terms = append(terms, w)
		}
		if len(terms) == MaxSearchTerms {
			break
		}
	}
	return terms
}

// roleNames are the names a role goes by in a search, in search form: its
// abbreviation and what it stands for. Other has none: "other" or
// "sonstige" name no post.
var roleNames = map[string][]string{
	RoleCDO:              {"cdo", "chief digital officer"},
	RoleCIO:              {"cio", "chief information officer"},
	RoleCTO:              {"cto", "chief technology officer"},
	RoleChiefDataOfficer: {"cdao", "chief data officer"},
	RoleInnovation:       {"cino", "chief innovation officer", "innovation"},
	RoleSmartCity:        {"smart city"},
}

// RolesNamed returns the roles a search word names (a word of
// SearchTerms): a word of three letters or more that begins a word of one
// of the role's names, so that "cdo", "digital" and "chief" find posts
// whose title says neither but whose role is CDO. The roles come in the
// order of Roles; nil when the word names none.
func RolesNamed(term string) []string {
	if utf8.RuneCountInString(term) < 3 {
		return nil
	}
	var out []string
	for _, role := range Roles {
	names:
		for _, name := range roleNames[role] {
			for _, w := range strings.Fields(name) {
				if strings.HasPrefix(w, term) {
					out = append(out, role)
					break names
				}
			}
		}
	}
	return out
}

// PostMatch is a post a search found, with its organization, as a list of
// results shows it.
type PostMatch struct {
	Post         *Post
	Organization *Organization
}

// SearchService finds what the site search lists. The organization and
// person searches are FindOrganizations and FindPeople (with PublicOnly
// for whoever may not see unpublished names).
type SearchService interface {
	// FindPostMatches returns a page of the posts matching filter, as
	// FindPosts orders and counts them, each with its organization, from
	// one query.
	FindPostMatches(ctx context.Context, filter PostFilter) ([]PostMatch, int, error)
}
