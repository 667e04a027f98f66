package web

import (
	"errors"
	"github.com/cdoatlas/cdoatlas/locale"
	"net/http"
	"sort"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// API error codes for problems of the request itself, beside the domain
// codes of cdoatlas (invalid, not_found, conflict …).
const (
	apiCodeBadRequest       = "bad_request"
	apiCodeTooLarge         = "payload_too_large"
	apiCodeUnsupportedMedia = "unsupported_media_type"
	apiCodeMethodNotAllowed = "method_not_allowed"
)

// apiRequestError is a malformed request: bad JSON, an unknown field or
// query parameter, a body too large. Its text is written to the client as is,
// so it never carries internal detail.
type apiRequestError struct {
	status int
	code   string
	msg    string
	fields map[string]string
}

func (e *apiRequestError) Error() string { return e.msg }

// apiBadRequest returns a 400 error with a message for the client.
func apiBadRequest(msg string, fields map[string]string) error {
	return &apiRequestError{status: http.StatusBadRequest, code: apiCodeBadRequest, msg: msg, fields: fields}
}

// apiUnknownNames returns a 400 error listing the unknown names of what,
// ("field" or "query parameter"), sorted.
func apiUnknownNames(what string, names []string) error {
	sort.Strings(names)
	fields := make(map[string]string, len(names))
	for _, n := range names {
		fields[n] = "unknown " + what
	}
	s := "unknown " + what
	if len(names) > 1 {
		s += "s"
	}
	return apiBadRequest(s+": "+strings.Join(names, ", "), fields)
}

// apiMessage returns the text of a message key in lang; the API's own
// keys (api.text_invalid …) are in the catalog like the domain's.
func apiMessage(lang, key string) string { return cdoatlas.Message(lang, key) }

// apiError writes err as a JSON error. Internal errors are logged and
// answered with a generic text; validation messages are given in the
// language of the request.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	var re *apiRequestError
	if errors.As(err, &re) {
		writeJSON(w, re.status, apiErrorBody{Error: re.msg, Code: re.code, Fields: re.fields})
		return
	}
	code := cdoatlas.ErrorCode(err)
	status := ErrorStatus(err)
	if code == cdoatlas.EINTERNAL {
		s.logError(r, err)
		writeJSON(w, status, apiErrorBody{Error: "internal error", Code: cdoatlas.EINTERNAL})
		return
	}
	lang := apiLang(r)
	body := apiErrorBody{Error: apiMessage(lang, cdoatlas.ErrorMessage(err)), Code: code}
	var e *cdoatlas.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		body.Fields = make(map[string]string, len(e.Fields))
		for field, key := range e.Fields {
			body.Fields[field] = apiMessage(lang, key)
		}
	}
	if code == cdoatlas.EUNAUTHORIZED {
		w.Header().Set("WWW-Authenticate", `Bearer realm="cdoatlas"`)
	}
	writeJSON(w, status, body)
}

// apiLang returns the language of API messages: "de" when the request's
// Accept-Language ranks German above English (languages the API does not
// speak do not count), "en" otherwise.
func apiLang(r *http.Request) string { return locale.FromRequest(r, locale.English) }
