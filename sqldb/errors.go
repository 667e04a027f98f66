package sqldb

import (
	"context"
	"database/sql"
	"errors"

	"github.com/cdoatlas/cdoatlas"
	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Driver error classes, told apart by the drivers' error codes, never by
// message text.
const (
	errOther = iota
	errUnique
	errForeignKey
	errBusy
	errText
)

// errorClass returns the class of a driver error.
func errorClass(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return errUnique
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return errForeignKey
		}
		if se.Code()&0xff == sqlite3.SQLITE_BUSY || se.Code()&0xff == sqlite3.SQLITE_LOCKED {
			return errBusy
		}
		return errOther
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505": // unique_violation
			return errUnique
		case "23503": // foreign_key_violation
			return errForeignKey
		case "40001", "40P01", "55P03": // serialization failure, deadlock, lock not available
			return errBusy
		case "22021", "22P05": // a NUL or invalid UTF-8 in a parameter, untranslatable character
			return errText
		}
	}
	return errOther
}

// mapError turns an error of the driver into an application error: an
// *cdoatlas.Error passes unchanged, a busy database becomes a conflict the
// user may retry, text PostgreSQL cannot hold (a NUL that no Validate
// caught, e.g. in a filter) is invalid, anything else is internal.
func mapError(err error) error {
	var e *cdoatlas.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &e):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return cdoatlas.Internal(err)
	}
	switch errorClass(err) {
	case errUnique:
		return &cdoatlas.Error{Code: cdoatlas.ECONFLICT, Message: "this entry exists already", Err: err}
	case errBusy:
		return &cdoatlas.Error{Code: cdoatlas.ECONFLICT, Message: "the database is busy, please try again", Err: err}
	case errText:
		return &cdoatlas.Error{Code: cdoatlas.EINVALID, Message: "the text holds control characters that cannot be stored", Err: err}
	}
	return cdoatlas.Internal(err)
}

// mapWriteError maps an error of an INSERT or UPDATE: a unique violation
// becomes uniqueErr (when given), a foreign-key failure EINVALID with
// fkField and its message key, anything else as mapError does.
func mapWriteError(err error, uniqueErr *cdoatlas.Error, fkField, fkKey string) error {
	switch errorClass(err) {
	case errUnique:
		if uniqueErr != nil {
			e := *uniqueErr
			e.Err = err
			return &e
		}
	case errForeignKey:
		if fkField != "" {
			return &cdoatlas.Error{Code: cdoatlas.EINVALID, Message: "validation failed",
				Fields: map[string]string{fkField: fkKey}, Err: err}
		}
	}
	return mapError(err)
}

// notFound returns the ENOTFOUND error for a kind of entity.
func notFound(what string) error {
	return cdoatlas.Errorf(cdoatlas.ENOTFOUND, "%s not found", what)
}

// noRows reports whether err says that a query found no row.
func noRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
