package sqldb

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

const userColumns = `u.id, u.email, u.role, u.password_hash, u.created_at`

func scanUser(s scanner) (*cdoatlas.User, error) {
	var u cdoatlas.User
	if err := s.Scan(&u.ID, &u.Email, &u.Role, &u.PasswordHash, timeCol{&u.CreatedAt}); err != nil {
		return nil, err
	}
	return &u, nil
}

var (
	errEmailTaken = &cdoatlas.Error{Code: cdoatlas.ECONFLICT, Message: "an account with this e-mail address exists already"}
	errBadLogin   = cdoatlas.Errorf(cdoatlas.EUNAUTHORIZED, "wrong e-mail address or password")
	errBadSession = cdoatlas.Errorf(cdoatlas.EUNAUTHORIZED, "not logged in or session expired")
	errBadToken   = cdoatlas.Errorf(cdoatlas.EUNAUTHORIZED, "invalid API token")
)

// CreateUser validates u, hashes password (Argon2id) and stores both; it
// sets u.ID, u.PasswordHash and u.CreatedAt. EINVALID (field password for a
// weak one), ECONFLICT when the e-mail address is taken.
func (db *DB) CreateUser(ctx context.Context, u *cdoatlas.User, password string) error {
	if u == nil {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no user given")
	}
	fe := cdoatlas.FieldErrors{}
	if err := u.Validate(); err != nil {
		if e, ok := err.(*cdoatlas.Error); ok {
			for k, v := range e.Fields {
				fe.Add(k, v)
			}
		} else {
			return err
		}
	}
	if key := cdoatlas.PasswordProblem(password); key != "" {
		fe.Add("password", key)
	}
	if err := fe.Err(); err != nil {
		return err
	}
	// Hash before the transaction: it takes a while and must not hold the
	// writer.
	hash, err := cdoatlas.HashPassword(password)
	if err != nil {
		return err
	}
	t, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	err = t.queryRow(ctx, "INSERT INTO users (email, role, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id",
		u.Email, u.Role, hash, t.ts(t.now)).Scan(&u.ID)
	if err != nil {
		return mapWriteError(err, errEmailTaken, "", "")
	}
	u.PasswordHash, u.CreatedAt = hash, t.now
	if err := t.audit(ctx, cdoatlas.AuditUser, u.ID, cdoatlas.AuditCreate, "email", "role"); err != nil {
		return err
	}
	return t.commit()
}

// FindUserByID returns the account, or ENOTFOUND.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*cdoatlas.User, error) {
	return db.findUser(ctx, "u.id = ?", id)
}

// FindUserByEmail returns the account with the e-mail address (in any
// case), or ENOTFOUND.
func (db *DB) FindUserByEmail(ctx context.Context, email string) (*cdoatlas.User, error) {
	return db.findUser(ctx, "u.email = ?", strings.ToLower(strings.TrimSpace(email)))
}

func (db *DB) findUser(ctx context.Context, cond string, arg any) (*cdoatlas.User, error) {
	t, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.rollback()
	u, err := scanUser(t.queryRow(ctx, "SELECT "+userColumns+" FROM users u WHERE "+cond, arg))
	if noRows(err) {
		return nil, notFound("user")
	} else if err != nil {
		return nil, mapError(err)
	}
	return u, nil
}

// Authenticate returns the account with that e-mail address and password,
// or EUNAUTHORIZED. It checks one password hash either way, so that the
// time taken does not tell whether the address has an account.
func (db *DB) Authenticate(ctx context.Context, email, password string) (*cdoatlas.User, error) {
	u, err := db.FindUserByEmail(ctx, email)
	if err != nil && cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
		return nil, err
	}
	hash := cdoatlas.DummyPasswordHash
	if u != nil {
		hash = u.PasswordHash
	}
	if !cdoatlas.CheckPassword(hash, password) || u == nil {
		return nil, errBadLogin
	}
	return u, nil
}

// CreateSession starts a login session of the user, valid for
// cdoatlas.SessionLifetime, and returns its secret token; only its hash is
// stored. Expired sessions are removed on the way. ENOTFOUND for an unknown
// user.
func (db *DB) CreateSession(ctx context.Context, userID int64) (string, error) {
	t, err := db.beginWrite(ctx)
	if err != nil {
		return "", err
	}
	defer t.rollback()
	if err := userExists(ctx, t, userID); err != nil {
		return "", err
	}
	if _, err := t.exec(ctx, "DELETE FROM sessions WHERE expires_at <= ?", t.ts(t.now)); err != nil {
		return "", mapError(err)
	}
	token := cdoatlas.NewToken()
	if _, err := t.exec(ctx, "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
		cdoatlas.HashToken(token), userID, t.ts(t.now), t.ts(t.now.Add(cdoatlas.SessionLifetime))); err != nil {
		return "", mapError(err)
	}
	return token, t.commit()
}

// FindUserBySession returns the user of a live session, or EUNAUTHORIZED.
// An expired session is deleted when it is found.
func (db *DB) FindUserBySession(ctx context.Context, token string) (*cdoatlas.User, error) {
	if token == "" {
		return nil, errBadSession
	}
	hash := cdoatlas.HashToken(token)
	t, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.rollback()
	var u *cdoatlas.User
	var expired int
	rows, err := t.query(ctx, "SELECT "+userColumns+", CASE WHEN s.expires_at <= ? THEN 1 ELSE 0 END "+
		"FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?", t.ts(t.now), hash)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	if rows.Next() {
		u = &cdoatlas.User{}
		if err := rows.Scan(&u.ID, &u.Email, &u.Role, &u.PasswordHash, timeCol{&u.CreatedAt}, &expired); err != nil {
			return nil, mapError(err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	rows.Close()
	t.rollback()
	switch {
	case u == nil:
		return nil, errBadSession
	case expired == 1:
		if err := db.DeleteSession(ctx, token); err != nil {
			return nil, err
		}
		return nil, errBadSession
	}
	return u, nil
}

// DeleteSession ends a session; ending an unknown one is no error.
func (db *DB) DeleteSession(ctx context.Context, token string) error {
	t, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	if _, err := t.exec(ctx, "DELETE FROM sessions WHERE token_hash = ?", cdoatlas.HashToken(token)); err != nil {
		return mapError(err)
	}
	return t.commit()
}

// CreateAPIToken creates a bearer token for the user and returns it; it is
// shown once and stored only as a hash. A zero expiresAt means it does not
// expire. ENOTFOUND for an unknown user, EINVALID for a name longer than
// 100 characters or an expiry in the past.
func (db *DB) CreateAPIToken(ctx context.Context, userID int64, name string, expiresAt time.Time) (string, error) {
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > cdoatlas.MaxTokenNameLength {
		return "", &cdoatlas.Error{Code: cdoatlas.EINVALID, Message: "validation failed", Fields: map[string]string{"name": cdoatlas.TooLong(cdoatlas.MaxTokenNameLength)}}
	}
	t, err := db.beginWrite(ctx)
	if err != nil {
		return "", err
	}
	defer t.rollback()
	if !expiresAt.IsZero() && !expiresAt.After(t.now) {
		return "", &cdoatlas.Error{Code: cdoatlas.EINVALID, Message: "validation failed", Fields: map[string]string{"expires": "token.expiry_past"}}
	}
	if err := userExists(ctx, t, userID); err != nil {
		return "", err
	}
	var expires any
	if !expiresAt.IsZero() {
		expires = t.ts(expiresAt)
	}
	token := cdoatlas.NewToken()
	if _, err := t.exec(ctx, "INSERT INTO api_tokens (token_hash, user_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
		cdoatlas.HashToken(token), userID, name, t.ts(t.now), expires); err != nil {
		return "", mapError(err)
	}
	return token, t.commit()
}

// tokenTouchEvery is how often the last use of a token is written: at most
// once a minute, so that a busy API client does not write on every call.
const tokenTouchEvery = time.Minute

// FindUserByAPIToken returns the user of a live token, or EUNAUTHORIZED (for
// an unknown, revoked or expired one), and notes the token's use.
func (db *DB) FindUserByAPIToken(ctx context.Context, token string) (*cdoatlas.User, error) {
	if token == "" {
		return nil, errBadToken
	}
	hash := cdoatlas.HashToken(token)
	t, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.rollback()
	var u cdoatlas.User
	var id int64
	var expires, used time.Time
	err = t.queryRow(ctx, "SELECT "+userColumns+", a.id, a.expires_at, a.last_used_at FROM api_tokens a JOIN users u ON u.id = a.user_id WHERE a.token_hash = ?", hash).
		Scan(&u.ID, &u.Email, &u.Role, &u.PasswordHash, timeCol{&u.CreatedAt}, &id, timeCol{&expires}, timeCol{&used})
	if noRows(err) {
		return nil, errBadToken
	} else if err != nil {
		return nil, mapError(err)
	}
	now := t.now
	t.rollback()
	if !expires.IsZero() && !now.Before(expires) {
		return nil, errBadToken
	}
	if now.Sub(used) >= tokenTouchEvery {
		if err := db.touchAPIToken(ctx, id); err != nil {
			return nil, err
		}
	}
	return &u, nil
}

// touchAPIToken writes the token's last use.
func (db *DB) touchAPIToken(ctx context.Context, id int64) error {
	t, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	if _, err := t.exec(ctx, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", t.ts(t.now), id); err != nil {
		return mapError(err)
	}
	return t.commit()
}

// FindAPITokens lists the tokens of a user (0: of everyone), newest first.
func (db *DB) FindAPITokens(ctx context.Context, userID int64) ([]*cdoatlas.APIToken, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.APIToken, error) {
		q := "SELECT a.id, a.user_id, u.email, a.name, a.created_at, a.expires_at, a.last_used_at FROM api_tokens a JOIN users u ON u.id = a.user_id"
		var args []any
		if userID != 0 {
			q += " WHERE a.user_id = ?"
			args = append(args, userID)
		}
		rows, err := t.query(ctx, q+" ORDER BY a.created_at DESC, a.id DESC", args...)
		if err != nil {
			return nil, mapError(err)
		}
		defer rows.Close()
		var out []*cdoatlas.APIToken
		for rows.Next() {
			var k cdoatlas.APIToken
			if err := rows.Scan(&k.ID, &k.UserID, &k.Email, &k.Name, timeCol{&k.CreatedAt}, timeCol{&k.ExpiresAt}, timeCol{&k.LastUsedAt}); err != nil {
				return nil, mapError(err)
			}
			out = append(out, &k)
		}
		return out, mapError(rows.Err())
	})
}

// RevokeAPIToken deletes a token of the user (userID 0: of anyone), or
// answers ENOTFOUND.
func (db *DB) RevokeAPIToken(ctx context.Context, userID, tokenID int64) error {
	t, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	q, args := "DELETE FROM api_tokens WHERE id = ?", []any{tokenID}
	if userID != 0 {
		q += " AND user_id = ?"
		args = append(args, userID)
	}
	res, err := t.exec(ctx, q, args...)
	if err != nil {
		return mapError(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return mapError(err)
	} else if n == 0 {
		return notFound("API token")
	}
	return t.commit()
}

func userExists(ctx context.Context, t *tx, id int64) error {
	var n int
	if err := t.queryRow(ctx, "SELECT COUNT(*) FROM users WHERE id = ?", id).Scan(&n); err != nil {
		return mapError(err)
	}
	if n == 0 {
		return notFound("user")
	}
	return nil
}
