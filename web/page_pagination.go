package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// perPage is the number of rows on a list page.
const perPage = 25

// pagination is the page navigation below a list: previous and next links
// and a window of page numbers, each keeping the list's filters.
type pagination struct {
	Lang             string
	Page, Pages      int
	Total            int
	PrevURL, NextURL string
	Links            []pageLink
}

// pageLink is a numbered link, or a gap (…) between numbers.
type pageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// pageParam reads ?page= (from 1); anything else is page 1.
func pageParam(q url.Values) int {
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 || n > 1_000_000 {
		return 1
	}
	return n
}

// newPagination builds the navigation for total rows on page of path with
// the query q (whose page parameter is replaced).
func newPagination(lang, path string, q url.Values, page, total int) pagination {
	return newPaginationPer(lang, path, q, page, total, perPage)
}

// newPaginationPer is newPagination for lists of size rows a page.
func newPaginationPer(lang, path string, q url.Values, page, total, size int) pagination {
	pages := (total + size - 1) / size
	if pages < 1 {
		pages = 1
	}
	p := pagination{Lang: lang, Page: page, Pages: pages, Total: total}
	link := func(n int) string {
		v := url.Values{}
		for k, vs := range q {
			if k != "page" && k != "lang" {
				for _, x := range vs {
					if x != "" {
						v.Add(k, x)
					}
				}
			}
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		return (&url.URL{Path: path, RawQuery: v.Encode()}).String()
	}
	if page > 1 {
		p.PrevURL = link(min(page-1, pages))
	}
	if page < pages {
		p.NextURL = link(page + 1)
	}
	last := 0
	for n := 1; n <= pages; n++ {
		if n != 1 && n != pages && (n < page-2 || n > page+2) {
			continue
		}
		if last != 0 && n > last+1 {
			p.Links = append(p.Links, pageLink{Gap: true})
		}
		p.Links = append(p.Links, pageLink{Number: n, URL: link(n), Current: n == page})
		last = n
	}
	return p
}

// redirectPastLast sends a request for a page past the last one (?page=99
// of 4) to the last page, with the same filters, and reports whether it
// did. Lists call it once they know their total.
func redirectPastLast(w http.ResponseWriter, r *http.Request, p pagination) bool {
	if p.Page <= p.Pages {
		return false
	}
	q := r.URL.Query()
	if p.Pages > 1 {
		q.Set("page", strconv.Itoa(p.Pages))
	} else {
		q.Del("page")
	}
	http.Redirect(w, r, (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String(), http.StatusFound)
	return true
}
