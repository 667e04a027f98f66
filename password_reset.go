package cdoatlas

import (
	"context"
	"time"
)

// PasswordResetLifetime is how long a password reset link is valid.
const PasswordResetLifetime = time.Hour

// PasswordResetService lets people who forgot their password set a new
// one through a link sent to their e-mail address. The link's token is a
// random secret used once; only its hash is stored.
type PasswordResetService interface {
	// RequestPasswordReset makes a reset token for the account with the
	// e-mail address and queues the mail with its link (in lang) in the
	// same transaction. For an unknown address it does nothing and says
	// nothing either: the caller cannot tell whether the account exists.
	RequestPasswordReset(ctx context.Context, email, lang string) error
	// CheckPasswordReset reports whether token is a live reset token:
	// ENOTFOUND for an unknown, used or expired one.
	CheckPasswordReset(ctx context.Context, token string) error
	// ResetPassword sets the password of the token's account, uses the
	// token up and ends every session of the account. EINVALID (field
	// "password") for a weak password, ENOTFOUND for an unknown, used or
	// expired token.
	ResetPassword(ctx context.Context, token, password string) error
}
