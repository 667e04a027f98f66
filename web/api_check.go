package web

import (
	"errors"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
)

// apiCheckResult is the answer of POST /api/v1/check: the classification
// as `cdoatlas classify --jsonl` writes it, and what the tasks lack of what
// makes CDOs succeed (English texts; empty when no tasks are given).
type apiCheckResult struct {
	classify.Output
	Gaps []string `json:"gaps"`
}

// apiCheckPattern is the route of the CDO check: a POST that stores
// nothing and reads nothing from the registry, so anyone may use it.
const apiCheckPattern = "POST /api/v1/check"

// apiCheckRoutes lists the route of the CDO check.
func (s *Server) apiCheckRoutes() []apiRoute {
	return []apiRoute{{apiCheckPattern, s.handleAPICheck}}
}

// handleAPICheck classifies one post given as JSON {"title", "tasks",
// "placement", "organization", "country"}; only title is required. A body
// that cannot be read, or values that are missing, of the wrong type or
// too long, give 400 with a message per field.
func (s *Server) handleAPICheck(w http.ResponseWriter, r *http.Request) {
	var in classify.Input
	if err := apiDecode(w, r, &in); err != nil {
		var e *cdoatlas.Error
		if errors.As(err, &e) && e.Code == cdoatlas.EINVALID {
			err = apiCheckInvalid(apiLang(r), e.Fields)
		}
		s.apiError(w, r, err)
		return
	}
	if errs := checkInputErrors(&in); errs != nil {
		s.apiError(w, r, apiCheckInvalid(apiLang(r), errs))
		return
	}
	out := s.classifyInput(r.Context(), in)
	res := apiCheckResult{Output: out, Gaps: []string{}}
	if res.Reasons == nil {
		res.Reasons = []string{}
	}
	if strings.TrimSpace(in.Tasks) != "" {
		for _, g := range classify.Gaps(in.Tasks) {
			res.Gaps = append(res.Gaps, g.EN)
		}
	}
	writeJSON(w, http.StatusOK, res)
}

// apiCheckInvalid is the 400 answer for invalid input: the message keys of
// the fields in lang, and the fields named in the error text.
func apiCheckInvalid(lang string, keys map[string]string) error {
	fields := make(map[string]string, len(keys))
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(keys)) {
		fields[name] = apiCheckMessage(lang, keys[name])
		parts = append(parts, name+": "+fields[name])
	}
	return apiBadRequest("invalid input: "+strings.Join(parts, " "), fields)
}

// apiCheckMessage is the text of a message key: the API's own, the
// domain's, or the check page's.
func apiCheckMessage(lang, key string) string {
	if m := apiMessage(lang, key); m != key {
		return m
	}
	return messageText(lang, key)
}
