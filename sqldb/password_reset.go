package sqldb

import (
	"context"
	"errors"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

var errBadReset = cdoatlas.Errorf(cdoatlas.ENOTFOUND, "the password reset link is unknown, used or expired")

// RequestPasswordReset makes a reset token for the account with the
// e-mail address and queues its mail in the same transaction; for an
// unknown address it does nothing. EINTERNAL when the store writes no
// mails (no Letters): the link would reach no one.
func (db *DB) RequestPasswordReset(ctx context.Context, email, lang string) error {
	if db.Letters == nil {
		return cdoatlas.Internal(errors.New("password reset: no letters to write its mail with"))
	}
	email = strings.ToLower(strings.TrimSpace(email))
	return db.write(ctx, func(t *tx) error {
		if _, err := t.exec(ctx, "DELETE FROM password_resets WHERE expires_at <= ?", t.ts(t.now)); err != nil {
			return mapError(err)
		}
		var userID int64
		err := t.queryRow(ctx, "SELECT id FROM users WHERE email = ?", email).Scan(&userID)
		if noRows(err) {
			return nil
		} else if err != nil {
			return mapError(err)
		}
		token := cdoatlas.NewToken()
		expires := t.now.Add(cdoatlas.PasswordResetLifetime)
		if _, err := t.exec(ctx, "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
			cdoatlas.HashToken(token), userID, t.ts(t.now), t.ts(expires)); err != nil {
			return mapError(err)
		}
		m := db.Letters.PasswordResetMail(email, lang, token, expires)
		m.Kind, m.ExpiresAt = cdoatlas.MailPasswordReset, expires
		return queueMail(ctx, t, m)
	})
}

// CheckPasswordReset reports whether token is a live reset token.
func (db *DB) CheckPasswordReset(ctx context.Context, token string) error {
	_, err := read(ctx, db, func(t *tx) (int64, error) { return resetUser(ctx, t, token) })
	return err
}

// resetUser returns the account of a live reset token, or errBadReset.
func resetUser(ctx context.Context, t *tx, token string) (int64, error) {
	if token == "" {
		return 0, errBadReset
	}
	var userID int64
	err := t.queryRow(ctx, "SELECT user_id FROM password_resets WHERE token_hash = ? AND expires_at > ?",
		cdoatlas.HashToken(token), t.ts(t.now)).Scan(&userID)
	if noRows(err) {
		return 0, errBadReset
	}
	return userID, mapError(err)
}

// ResetPassword sets the password of the token's account, removes every
// reset token of the account (this one is used, older ones are void) and
// ends the account's sessions. The token is looked at before the password
// is hashed, which takes a while and must not hold the writer; the write
// then takes it for good, so that it works once also when used twice at
// the same moment.
func (db *DB) ResetPassword(ctx context.Context, token, password string) error {
	if err := db.CheckPasswordReset(ctx, token); err != nil {
		return err
	}
	hash, err := cdoatlas.HashPassword(password)
	if err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		var userID int64
		err := t.queryRow(ctx, "DELETE FROM password_resets WHERE token_hash = ? AND expires_at > ? RETURNING user_id",
			cdoatlas.HashToken(token), t.ts(t.now)).Scan(&userID)
		if noRows(err) {
			return errBadReset
		} else if err != nil {
			return mapError(err)
		}
		if _, err := t.exec(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", hash, userID); err != nil {
			return mapError(err)
		}
		if err := t.audit(ctx, cdoatlas.AuditUser, userID, cdoatlas.AuditUpdate, "password"); err != nil {
			return err
		}
		if _, err := t.exec(ctx, "DELETE FROM password_resets WHERE user_id = ?", userID); err != nil {
			return mapError(err)
		}
		if _, err := t.exec(ctx, "DELETE FROM sessions WHERE user_id = ?", userID); err != nil {
			return mapError(err)
		}
		return nil
	})
}
