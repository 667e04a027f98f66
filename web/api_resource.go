package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

// apiRoute is one route of the API: a Go 1.22 mux pattern and its handler.
type apiRoute struct {
	pattern string
	handler http.HandlerFunc
}

// apiResource describes one resource of the API (organizations, posts,
// people, tenures) by the store functions that serve it. The four resources
// behave alike, so they share one set of handlers.
type apiResource[T any, F any] struct {
	s    *Server
	name string // path segment and plural noun, e.g. "organizations"
	// parse reads the filter and page of a list request.
	parse func(r *http.Request, q *apiQuery) F
	// find returns the record with the ID as the requesting user may see
	// it; ENOTFOUND when there is none or it is hidden from them.
	find   func(ctx context.Context, id int64) (*T, error)
	list   func(ctx context.Context, f F) ([]*T, int, error)
	create func(ctx context.Context, x *T) error
	update func(ctx context.Context, x *T) error
	remove func(ctx context.Context, id int64) error
	// id points at the ID field of a record.
	id func(x *T) *int64
	// present turns records into what the requesting user may read; nil
	// writes them as they are.
	present func(ctx context.Context, items []*T) ([]any, error)
}

// routes returns the patterns and handlers of the resource. Reads are
// public; writes need an editor's bearer token.
func (a *apiResource[T, F]) routes() []apiRoute {
	base := "/api/v1/" + a.name
	return []apiRoute{
		{"GET " + base, a.handleAPIIndex},
		{"GET " + base + "/{id}", a.handleAPIShow},
		{"POST " + base, a.s.apiRequireEditor(a.handleAPICreate)},
		{"PUT " + base + "/{id}", a.s.apiRequireEditor(a.handleAPIReplace)},
		{"PATCH " + base + "/{id}", a.s.apiRequireEditor(a.handleAPIPatch)},
		{"DELETE " + base + "/{id}", a.s.apiRequireEditor(a.handleAPIDelete)},
	}
}

// apiList is the answer of every list: one page of items and the number of
// all matches.
type apiList struct {
	Items []any `json:"items"`
	Total int   `json:"total"`
}

// handleAPIIndex answers GET /api/v1/{res}: a filtered page of records.
func (a *apiResource[T, F]) handleAPIIndex(w http.ResponseWriter, r *http.Request) {
	q := newAPIQuery(r)
	f := a.parse(r, q)
	if err := q.Err(); err != nil {
		a.s.apiError(w, r, err)
		return
	}
	items, total, err := a.list(r.Context(), f)
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	out, err := a.view(r.Context(), items...)
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, apiList{Items: out, Total: total})
}

// handleAPIShow answers GET /api/v1/{res}/{id}.
func (a *apiResource[T, F]) handleAPIShow(w http.ResponseWriter, r *http.Request) {
	x, err := a.load(r)
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	a.respond(w, r, http.StatusOK, x)
}

// handleAPICreate answers POST /api/v1/{res}: 201 with the stored record
// and its address in Location.
func (a *apiResource[T, F]) handleAPICreate(w http.ResponseWriter, r *http.Request) {
	x := new(T)
	if err := apiDecode(w, r, x); err != nil {
		a.s.apiError(w, r, err)
		return
	}
	if err := a.create(r.Context(), x); err != nil {
		a.s.apiError(w, r, err)
		return
	}
	stored, err := a.find(r.Context(), *a.id(x))
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/"+a.name+"/"+strconv.FormatInt(*a.id(stored), 10))
	a.respond(w, r, http.StatusCreated, stored)
}

// handleAPIReplace answers PUT /api/v1/{res}/{id}: the body replaces every
// writable field; fields it leaves out become empty.
func (a *apiResource[T, F]) handleAPIReplace(w http.ResponseWriter, r *http.Request) {
	id, err := apiPathID(r)
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	x := new(T)
	if err := apiDecode(w, r, x); err != nil {
		a.s.apiError(w, r, err)
		return
	}
	*a.id(x) = id
	a.save(w, r, x)
}

// handleAPIPatch answers PATCH /api/v1/{res}/{id}: the body is decoded onto
// the stored record, so fields it leaves out keep their values.
func (a *apiResource[T, F]) handleAPIPatch(w http.ResponseWriter, r *http.Request) {
	x, err := a.load(r)
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	if err := apiDecode(w, r, x); err != nil {
		a.s.apiError(w, r, err)
		return
	}
	a.save(w, r, x)
}

// handleAPIDelete answers DELETE /api/v1/{res}/{id} with 204.
func (a *apiResource[T, F]) handleAPIDelete(w http.ResponseWriter, r *http.Request) {
	id, err := apiPathID(r)
	if err == nil {
		err = a.remove(r.Context(), id)
	}
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// load returns the record named by the {id} of the path.
func (a *apiResource[T, F]) load(r *http.Request) (*T, error) {
	id, err := apiPathID(r)
	if err != nil {
		return nil, err
	}
	return a.find(r.Context(), id)
}

// save updates x and answers with the record as stored.
func (a *apiResource[T, F]) save(w http.ResponseWriter, r *http.Request, x *T) {
	if err := a.update(r.Context(), x); err != nil {
		a.s.apiError(w, r, err)
		return
	}
	stored, err := a.find(r.Context(), *a.id(x))
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	a.respond(w, r, http.StatusOK, stored)
}

// respond writes one record as the requesting user may read it.
func (a *apiResource[T, F]) respond(w http.ResponseWriter, r *http.Request, status int, x *T) {
	out, err := a.view(r.Context(), x)
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	writeJSON(w, status, out[0])
}

// view applies present to items; the result is never nil.
func (a *apiResource[T, F]) view(ctx context.Context, items ...*T) ([]any, error) {
	if a.present != nil {
		out, err := a.present(ctx, items)
		if out == nil && err == nil {
			out = []any{}
		}
		return out, err
	}
	out := make([]any, len(items))
	for i, x := range items {
		out[i] = x
	}
	return out, nil
}

// apiPathID returns the {id} of the path; ENOTFOUND when it is not a
// positive integer, as no record has such an ID.
func apiPathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, cdoatlas.Errorf(cdoatlas.ENOTFOUND, "not found")
	}
	return id, nil
}
