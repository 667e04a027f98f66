package sqldb

import (
	"context"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// The post and person searches: every word of the search (SearchTerms)
// must match on its own. Words are already folded, so each becomes a
// LIKE pattern as it is (folding twice could change it).

// maxSearchPage bounds a page of FindPostMatches.
const maxSearchPage = 1000

// termPattern is the LIKE pattern matching the folded word as a substring.
func termPattern(term string) string { return "%" + escapeLike(term) + "%" }

// addPostSearch adds to w, for every word of q, the condition that the
// post's title or its organization's names contain it or that it names
// the post's role. The organization part is organizationSearch's, so that
// SQLite looks a rare word up in the trigram index of organizations.
func addPostSearch(ctx context.Context, t *tx, w *where, q string) error {
	for _, term := range cdoatlas.SearchTerms(q) {
		p := termPattern(term)
		org, arg, err := organizationSearch(ctx, t, p)
		if err != nil {
			return err
		}
		cond := "(" + t.db.like("p.search") + " OR " + org
		args := []any{p, arg}
		if roles := cdoatlas.RolesNamed(term); len(roles) > 0 {
			cond += " OR p.role IN (?" + strings.Repeat(", ?", len(roles)-1) + ")"
			for _, r := range roles {
				args = append(args, r)
			}
		}
		w.add(cond+")", args...)
	}
	return nil
}

// addPersonSearch adds to w, for every word of q, the condition that the
// person's name contains it.
func addPersonSearch(t *tx, w *where, q string) {
	for _, term := range cdoatlas.SearchTerms(q) {
		w.add(t.db.like("pe.search"), termPattern(term))
	}
}

// FindPostMatches returns a page of the posts matching filter (at most
// maxSearchPage; Limit 0 asks for that many), in FindPosts' order, each
// with its organization, and the number of all matches.
func (db *DB) FindPostMatches(ctx context.Context, filter cdoatlas.PostFilter) ([]cdoatlas.PostMatch, int, error) {
	if filter.Limit <= 0 || filter.Limit > maxSearchPage {
		filter.Limit = maxSearchPage
	}
	return readPage(ctx, db, func(t *tx) ([]cdoatlas.PostMatch, int, error) {
		w, err := postWhere(ctx, t, filter)
		if err != nil {
			return nil, 0, err
		}
		return findPage(ctx, t, postColumns+",\n\t"+organizationColumns, postFrom, w, postOrder,
			filter.Offset, filter.Limit, scanPostMatch)
	})
}

// scanPostMatch reads a row of postColumns followed by
// organizationColumns. The row is scanned once, inside the organization's
// scan inside the post's, so that both finish their conversions after it.
func scanPostMatch(s scanner) (cdoatlas.PostMatch, error) {
	var m cdoatlas.PostMatch
	var err error
	m.Post, err = scanPost(scanFunc(func(postDest ...any) error {
		o, err := scanOrganization(scanFunc(func(orgDest ...any) error {
			return s.Scan(slices.Concat(postDest, orgDest)...)
		}))
		m.Organization = o
		return err
	}))
	return m, err
}
