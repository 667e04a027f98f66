package web

import (
	"net/http"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// apiPlacesPattern is the gazetteer: every DACH municipality and county,
// from data in the binary, so anyone may ask.
const apiPlacesPattern = "GET /api/v1/places"

// maxPlaceQuery caps the length of q.
const maxPlaceQuery = 300

// apiPlaceRoutes lists the route of the gazetteer.
func (s *Server) apiPlaceRoutes() []apiRoute {
	return []apiRoute{{apiPlacesPattern, s.handleAPIPlaces}}
}

// apiPlaceList is the answer of GET /api/v1/places: the place q means, or
// when none (an ambiguous name, a near miss) up to five candidates.
type apiPlaceList struct {
	Items []gazetteer.Place `json:"items"`
	Total int               `json:"total"`
}

// handleAPIPlaces looks up q (optionally in country and region) as
// `cdoatlas places find` does. No q gives an empty list; a q longer than
// maxPlaceQuery gives 400.
func (s *Server) handleAPIPlaces(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q := gazetteer.Query{Name: v.Get("q"), Country: v.Get("country"), Region: v.Get("region")}
	if utf8.RuneCountInString(q.Name) > maxPlaceQuery {
		s.apiError(w, r, apiBadRequest("q is too long", map[string]string{"q": apiMessage(apiLang(r), "too_long")}))
		return
	}
	res := gazetteer.Find(q)
	out := apiPlaceList{Items: res.Candidates}
	if res.Place != nil {
		out.Items = []gazetteer.Place{*res.Place}
	}
	if out.Items == nil {
		out.Items = []gazetteer.Place{}
	}
	out.Total = len(out.Items)
	writeJSON(w, http.StatusOK, out)
}
