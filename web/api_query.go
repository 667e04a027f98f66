package web

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Paging of API lists.
const (
	apiDefaultPerPage = 50
	apiMaxPerPage     = 1000
)

// apiQuery reads the query parameters of a list request. Each getter marks
// its parameter as known and records the first invalid value; Err then
// reports it, or any parameter no getter asked for.
type apiQuery struct {
	values url.Values
	known  map[string]bool
	err    error
}

func newAPIQuery(r *http.Request) *apiQuery {
	return &apiQuery{values: r.URL.Query(), known: map[string]bool{}}
}

// get returns the trimmed value of name ("" when absent). A parameter given
// twice is refused: filters take one value.
func (q *apiQuery) get(name string) string {
	q.known[name] = true
	vs := q.values[name]
	if len(vs) > 1 {
		q.fail(name, "give it once")
		return ""
	}
	if len(vs) == 0 {
		return ""
	}
	if cdoatlas.TextProblem(vs[0], false) != "" {
		q.fail(name, "contains control characters or invalid UTF-8")
		return ""
	}
	return strings.TrimSpace(vs[0])
}

func (q *apiQuery) fail(name, why string) {
	if q.err == nil {
		q.err = apiBadRequest(fmt.Sprintf("invalid query parameter %s: %s", name, why), map[string]string{name: why})
	}
}

// str returns a free-text parameter.
func (q *apiQuery) str(name string) string { return q.get(name) }

// enum returns a parameter that must be one of allowed, ignoring case, in
// the spelling of allowed.
func (q *apiQuery) enum(name string, allowed []string) string {
	v := q.get(name)
	if v == "" {
		return ""
	}
	i := slices.IndexFunc(allowed, func(a string) bool { return strings.EqualFold(a, v) })
	if i < 0 {
		q.fail(name, "one of "+strings.Join(allowed, ", "))
		return ""
	}
	return allowed[i]
}

// id returns a parameter that must be a positive integer; 0 when absent.
func (q *apiQuery) id(name string) int64 {
	v := q.get(name)
	if v == "" {
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		q.fail(name, "a positive integer")
		return 0
	}
	return n
}

// optID is id for filters that take a pointer; nil when absent.
func (q *apiQuery) optID(name string) *int64 {
	if n := q.id(name); n != 0 {
		return &n
	}
	return nil
}

// boolean returns a parameter that must be true or false; nil when absent.
func (q *apiQuery) boolean(name string) *bool {
	switch strings.ToLower(q.get(name)) {
	case "":
		return nil
	case "true", "1", "yes":
		b := true
		return &b
	case "false", "0", "no":
		b := false
		return &b
	}
	q.fail(name, "true or false")
	return nil
}

// country returns an ISO 3166-1 alpha-2 code in upper case.
func (q *apiQuery) country(name string) string {
	v := strings.ToUpper(q.get(name))
	if v != "" && (len(v) != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z') {
		q.fail(name, "an ISO 3166-1 alpha-2 code such as DE")
		return ""
	}
	return v
}

// region returns an ISO 3166-2 code; names and abbreviations of DACH
// regions ("Bayern", "NRW") are turned into their code.
func (q *apiQuery) region(name, country string) string {
	v := q.get(name)
	if v == "" {
		return ""
	}
	if r := cdoatlas.NormalizeRegion(country, v); r != "" {
		return r
	}
	up := strings.ToUpper(v)
	if c, sub, ok := strings.Cut(up, "-"); ok && len(c) == 2 && sub != "" && (country == "" || c == country) {
		return up
	}
	q.fail(name, "an ISO 3166-2 code such as DE-NW")
	return ""
}

// page returns the offset and limit of page and per_page. per_page above
// apiMaxPerPage is capped to it.
func (q *apiQuery) page() (offset, limit int) {
	page, perPage := 1, apiDefaultPerPage
	if v := q.get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > math.MaxInt32 {
			q.fail("page", "a whole number from 1")
			return 0, perPage
		}
		page = n
	}
	if v := q.get("per_page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			q.fail("per_page", fmt.Sprintf("a whole number from 1 to %d", apiMaxPerPage))
			return 0, perPage
		}
		perPage = min(n, apiMaxPerPage)
	}
	return (page - 1) * perPage, perPage
}

// Err returns the first invalid value, or a 400 error naming the
// parameters that no getter asked for.
func (q *apiQuery) Err() error {
	if q.err != nil {
		return q.err
	}
	var unknown []string
	for name := range q.values {
		if !q.known[name] {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		return apiUnknownNames("query parameter", unknown)
	}
	return nil
}
