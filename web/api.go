package web

import (
	_ "embed"
	"net/http"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// openAPIDocument describes the API (OpenAPI 3.1); a test keeps it in step
// with apiRoutes and the domain types.
//
//go:embed openapi.json
var openAPIDocument []byte

// apiPrefix is the root of the JSON API; the catch-all below it answers
// unknown addresses with JSON.
const apiPrefix = "/api/v1/"

// registerAPIRoutes registers the JSON API under /api/v1.
func (s *Server) registerAPIRoutes() {
	for _, rt := range s.apiRoutes() {
		s.mux.Handle(rt.pattern, apiHeaders(rt.handler))
	}
	s.mux.Handle(apiPrefix, apiHeaders(http.HandlerFunc(s.handleAPINotFound)))
}

// apiRoutes lists every documented route of the API.
func (s *Server) apiRoutes() []apiRoute {
	routes := []apiRoute{{"GET /api/v1/openapi.json", s.handleAPIOpenAPI}}
	routes = append(routes, s.apiOrganizations().routes()...)
	routes = append(routes, s.apiPosts().routes()...)
	routes = append(routes, s.apiPeople().routes()...)
	routes = append(routes, s.apiTenures().routes()...)
	routes = append(routes, s.apiCheckRoutes()...)
	routes = append(routes, s.apiPlaceRoutes()...)
	routes = append(routes, s.apiVoteRoutes()...)
	routes = append(routes, s.apiMeetingRoutes()...)
	return routes
}

// apiHeaders marks API answers as depending on who asks and keeps shared
// caches from storing them: what a reader sees depends on their login.
func apiHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Vary", "Authorization, Cookie, Accept-Language")
		next.ServeHTTP(w, r)
	})
}

// apiRequireEditor lets only editors and admins who come with a bearer
// token through: anonymous requests get 401, members 403. A session cookie
// alone gets 401 too, so that no other site can make a browser write.
func (s *Server) apiRequireEditor(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u := userFrom(r.Context())
		switch {
		case u == nil || !viaToken(r.Context()):
			s.apiError(w, r, cdoatlas.Errorf(cdoatlas.EUNAUTHORIZED, "API writes need a bearer token (Authorization: Bearer TOKEN)"))
		case !u.CanEdit():
			s.apiError(w, r, cdoatlas.Errorf(cdoatlas.EFORBIDDEN, "only editors and admins may change the registry"))
		default:
			next(w, r)
		}
	}
}

// handleAPIOpenAPI serves the OpenAPI document.
func (s *Server) handleAPIOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Del("Vary")
	w.Write(openAPIDocument)
}

// handleAPINotFound answers requests under /api/v1/ that no route takes:
// 405 with Allow when the path exists for other methods, 404 otherwise.
func (s *Server) handleAPINotFound(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); strings.HasPrefix(pattern, m+" ") {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		if allow[0] == http.MethodGet {
			allow = append([]string{http.MethodGet, http.MethodHead}, allow[1:]...)
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeJSON(w, http.StatusMethodNotAllowed, apiErrorBody{Error: "method not allowed", Code: apiCodeMethodNotAllowed})
		return
	}
	writeJSON(w, http.StatusNotFound, apiErrorBody{Error: "not found", Code: cdoatlas.ENOTFOUND})
}
