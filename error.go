// Package cdoatlas holds the domain of the atlas of digital-leadership posts:
// organizations, posts, people, tenures, users, and the services that store them.
// Subpackages say how: sqldb stores them in SQLite or PostgreSQL, web serves
// them, registryio reads and writes files, demo fills a database with examples.
package cdoatlas

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to one HTTP status in the web package.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
)

// Sentinels so that errors.Is(err, ErrNotFound) works on any *Error of that code.
var (
	ErrNotFound     = errors.New("not found")
	ErrConflict     = errors.New("conflict")
	ErrInvalid      = errors.New("invalid")
	ErrUnauthorized = errors.New("unauthorized")
	ErrForbidden    = errors.New("forbidden")
)

// Error is the one application error type. Message is safe to show a user;
// internal errors carry a generic message and keep the cause in Err.
type Error struct {
	Code    string
	Message string
	// Fields holds validation messages per field name (JSON field names).
	Fields map[string]string
	Err    error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Unwrap returns the sentinel of the code, so errors.Is works by code.
func (e *Error) Unwrap() []error {
	var errs []error
	switch e.Code {
	case ENOTFOUND:
		errs = append(errs, ErrNotFound)
	case ECONFLICT:
		errs = append(errs, ErrConflict)
	case EINVALID:
		errs = append(errs, ErrInvalid)
	case EUNAUTHORIZED:
		errs = append(errs, ErrUnauthorized)
	case EFORBIDDEN:
		errs = append(errs, ErrForbidden)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// Errorf returns an *Error with the code and a formatted, user-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps an unexpected error. Its message never reaches a user.
func Internal(err error) *Error {
	return &Error{Code: EINTERNAL, Message: "internal error", Err: err}
}

// ErrorCode returns the code of err: the code of the first *Error in its
// chain, EINTERNAL for any other non-nil error, "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	} else if errors.Is(err, ErrInvalid) {
		return EINVALID
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err. Internal errors give a
// generic text, never their cause.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Message
	} else if fe := (FileErrors{}); errors.As(err, &fe) {
		return fe.Error()
	}
	return "internal error"
}

// FieldErrors collects validation messages per field and turns into an
// EINVALID *Error when any was added.
type FieldErrors map[string]string

// Add records msg for field unless the field already has a message.
func (f FieldErrors) Add(field, msg string) {
	if _, ok := f[field]; !ok {
		f[field] = msg
	}
}

// Err returns nil when no message was added, otherwise an EINVALID *Error.
func (f FieldErrors) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: "validation failed", Fields: map[string]string(f)}
}
