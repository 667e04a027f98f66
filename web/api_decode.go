package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// apiMaxBody is the largest request body the API reads: 1 MiB.
const apiMaxBody = 1 << 20

// apiReadOnly are the JSON fields a client cannot set; they are ignored on input.
var apiReadOnly = map[string]bool{"id": true, "size_class": true, "confidence": true, "review": true, "created_at": true, "updated_at": true}

// apiJSONFields maps the JSON names of a struct type's fields to their
// indexes, so that a body can be decoded field by field.
func apiJSONFields(t reflect.Type) map[string]int {
	fields := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = i
	}
	return fields
}

// apiDecode reads a JSON object from the request body onto dst, a pointer
// to a struct with JSON tags. Only the fields present in the body change,
// so decoding onto a stored record patches it; null sets a field to its
// zero value; read-only fields are ignored. It returns a 400 error for a
// body that is not one JSON object or names unknown fields (all of them),
// 413 above apiMaxBody, 415 for a non-JSON content type, and EINVALID with
// a message key per field for values of the wrong type.
func apiDecode(w http.ResponseWriter, r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return &apiRequestError{status: http.StatusUnsupportedMediaType, code: apiCodeUnsupportedMedia,
				msg: "request body must be JSON (Content-Type: application/json)"}
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, apiMaxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return &apiRequestError{status: http.StatusRequestEntityTooLarge, code: apiCodeTooLarge,
				msg: "request body too large: the limit is 1 MiB"}
		}
		return apiBadRequest("could not read the request body", nil)
	}
	obj, err := apiParseObject(body)
	if err != nil {
		return err
	}
	v := reflect.ValueOf(dst).Elem()
	fields := apiJSONFields(v.Type())
	var unknown []string
	for name := range obj {
		if _, ok := fields[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		return apiUnknownNames("field", unknown)
	}
	fe := cdoatlas.FieldErrors{}
	for name, raw := range obj {
		if apiReadOnly[name] {
			continue
		}
		f := v.Field(fields[name])
		if string(raw) == "null" {
			f.SetZero()
			continue
		}
		// Decode into a fresh value, so that a bad value leaves the field as it was.
		nv := reflect.New(f.Type())
		if err := json.Unmarshal(raw, nv.Interface()); err != nil {
			fe.Add(name, apiTypeMessageKey(f.Type()))
			continue
		}
		f.Set(nv.Elem())
	}
	return fe.Err()
}

// apiParseObject parses body as exactly one JSON object.
func apiParseObject(body []byte) (map[string]json.RawMessage, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, apiBadRequest("request body is empty: expected a JSON object", nil)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, apiBadRequest(fmt.Sprintf("malformed JSON at byte %d: %s", se.Offset, se.Error()), nil)
		case errors.As(err, &te):
			return nil, apiBadRequest("request body must be a JSON object, not "+te.Value, nil)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, apiBadRequest("malformed JSON: unexpected end of input", nil)
		}
		return nil, apiBadRequest("malformed JSON", nil)
	}
	if obj == nil {
		return nil, apiBadRequest("request body must be a JSON object, not null", nil)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, apiBadRequest("malformed JSON: unexpected data after the object", nil)
	}
	return obj, nil
}

// apiTypeMessageKey names the message for a JSON value that does not fit a
// field of type t.
func apiTypeMessageKey(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[cdoatlas.PartialDate]():
		return "date.invalid"
	case t.Kind() == reflect.Bool:
		return "bool.invalid"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Float64:
		return "number.invalid"
	case t.Kind() == reflect.Slice:
		return "list.invalid"
	}
	return "text.invalid"
}
