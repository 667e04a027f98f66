package sqldb

import (
	"context"

	"github.com/cdoatlas/cdoatlas"
)

var (
	errOIDCUnverified = &cdoatlas.Error{Code: cdoatlas.ECONFLICT, Message: "an account with this e-mail address exists and the provider has not verified the address"}
	errOIDCLinked     = &cdoatlas.Error{Code: cdoatlas.ECONFLICT, Message: "the account with this e-mail address is linked to another account of the provider"}
)

// LoginOIDC returns the account linked to the identity's issuer and
// subject, linking or making one on the first login, and gives it the
// identity's role. An account is linked by its e-mail address only when
// the provider verified the address and the account has no other identity
// of the provider; a new account has no password (an empty hash), which
// no password matches. EINVALID for a bad identity or, on the first login,
// e-mail address; ECONFLICT when the address's account cannot be linked.
func (db *DB) LoginOIDC(ctx context.Context, id cdoatlas.OIDCIdentity) (*cdoatlas.User, error) {
	if err := id.Validate(); err != nil {
		return nil, err
	}
	t, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer t.rollback()
	u, err := scanUser(t.queryRow(ctx, "SELECT "+userColumns+" FROM oidc_identities i JOIN users u ON u.id = i.user_id WHERE i.issuer = ? AND i.subject = ?",
		id.Issuer, id.Subject))
	switch {
	case noRows(err):
		if u, err = linkOIDC(ctx, t, &id); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, mapError(err)
	default:
		if _, err := t.exec(ctx, "UPDATE oidc_identities SET last_login_at = ? WHERE issuer = ? AND subject = ?",
			t.ts(t.now), id.Issuer, id.Subject); err != nil {
			return nil, mapError(err)
		}
	}
	if u.Role != id.Role {
		if _, err := t.exec(ctx, "UPDATE users SET role = ? WHERE id = ?", id.Role, u.ID); err != nil {
			return nil, mapError(err)
		}
		if err := t.audit(ctx, cdoatlas.AuditUser, u.ID, cdoatlas.AuditUpdate, "role"); err != nil {
			return nil, err
		}
		u.Role = id.Role
	}
	return u, t.commit()
}

// linkOIDC links the identity to the account with its e-mail address, or
// to a new account when there is none.
func linkOIDC(ctx context.Context, t *tx, id *cdoatlas.OIDCIdentity) (*cdoatlas.User, error) {
	u := &cdoatlas.User{Email: id.Email, Role: id.Role}
	if err := u.Validate(); err != nil {
		return nil, err
	}
	old, err := scanUser(t.queryRow(ctx, "SELECT "+userColumns+" FROM users u WHERE u.email = ?", u.Email))
	switch {
	case err == nil && !id.EmailVerified:
		return nil, errOIDCUnverified
	case err == nil:
		u = old
		if err := t.audit(ctx, cdoatlas.AuditUser, u.ID, cdoatlas.AuditUpdate, "oidc"); err != nil {
			return nil, err
		}
	case !noRows(err):
		return nil, mapError(err)
	default:
		err := t.queryRow(ctx, "INSERT INTO users (email, role, password_hash, created_at) VALUES (?, ?, '', ?) RETURNING id",
			u.Email, u.Role, t.ts(t.now)).Scan(&u.ID)
		if err != nil {
			return nil, mapWriteError(err, errEmailTaken, "", "")
		}
		u.CreatedAt = t.now
		if err := t.audit(ctx, cdoatlas.AuditUser, u.ID, cdoatlas.AuditCreate, "email", "role", "oidc"); err != nil {
			return nil, err
		}
	}
	// The primary key refuses a second link of the identity (made by a
	// login at the same time), the unique key a second identity of the
	// provider for the account.
	if _, err := t.exec(ctx, "INSERT INTO oidc_identities (issuer, subject, user_id, created_at, last_login_at) VALUES (?, ?, ?, ?, ?)",
		id.Issuer, id.Subject, u.ID, t.ts(t.now), t.ts(t.now)); err != nil {
		return nil, mapWriteError(err, errOIDCLinked, "", "")
	}
	return u, nil
}
