package cdoatlas

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// User roles. Public visitors have no account.
const (
	UserAdmin  = "admin"
	UserEditor = "editor"
	UserMember = "member"
)

// UserRoles lists the account roles.
var UserRoles = []string{UserAdmin, UserEditor, UserMember}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 12

// User is an account.
type User struct {
	ID           int64     `json:"id"`
	Email        string    `json:"email"`
	Role         string    `json:"role"`
	PasswordHash string    `json:"-"`
	CreatedAt    time.Time `json:"created_at"`
}

// CanEdit reports whether the user may change the registry.
func (u *User) CanEdit() bool {
	return u != nil && (u.Role == UserAdmin || u.Role == UserEditor)
}

// SeesUnpublishedNames reports whether the user may see the names of
// people without a basis for publication: editors and admins, who keep
// the registry, but not members (nor the public).
func (u *User) SeesUnpublishedNames() bool { return u.CanEdit() }

// validEmail reports whether s is a bare e-mail address whose domain is
// a host name with a dot: a@b, a@[192.0.2.1] and a@-x.de are refused,
// user@sub.example.org and user@müller.de pass.
func validEmail(s string) bool {
	i := strings.LastIndexByte(s, '@')
	return bareAddress(s) && i > 0 && validMailDomain(s[i+1:])
}

// bareAddress reports whether s parses as a bare address. Mails are
// queued to addresses stored before validEmail refused a@b, so the outbox
// checks no more than this.
func bareAddress(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s, "@")
}

// validMailDomain reports whether d is a host name of at least two labels
// of letters, digits and inner hyphens, with a top-level label of two or
// more characters that are not all digits.
func validMailDomain(d string) bool {
	labels := strings.Split(d, ".")
	if len(d) > 253 || len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	return utf8.RuneCountInString(tld) >= 2 && strings.TrimFunc(tld, unicode.IsDigit) != ""
}

// Validate normalizes and checks u (not its password).
func (u *User) Validate() error {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	u.Role = strings.ToLower(strings.TrimSpace(u.Role))
	fe := FieldErrors{}
	if !validEmail(u.Email) {
		fe.Add("email", "email.invalid")
	}
	if !contains(UserRoles, u.Role) {
		fe.Add("role", "user_role.invalid")
	}
	return fe.Err()
}

// Session and token lifetimes.
const (
	SessionLifetime = 14 * 24 * time.Hour
)

// UserService stores accounts, login sessions and API tokens. Session and
// API tokens are random secrets; only their hashes are stored.
type UserService interface {
	// CreateUser validates u, hashes password and stores both. EINVALID
	// (field "password" for a weak one), ECONFLICT when the e-mail is taken.
	CreateUser(ctx context.Context, u *User, password string) error
	// FindUserByID returns ENOTFOUND when there is none.
	FindUserByID(ctx context.Context, id int64) (*User, error)
	// FindUserByEmail returns ENOTFOUND when there is none.
	FindUserByEmail(ctx context.Context, email string) (*User, error)
	// Authenticate returns the user with that e-mail and password, or
	// EUNAUTHORIZED, taking the same time whether or not the e-mail exists.
	Authenticate(ctx context.Context, email, password string) (*User, error)
	// LoginOIDC returns the account linked to the identity's issuer and
	// subject and gives it the identity's role. On the first login it links
	// the account with the identity's e-mail address, but only when the
	// provider verified the address, or else makes an account without
	// password. EINVALID for a bad role or, on the first login, e-mail;
	// ECONFLICT when the address belongs to an account that cannot be
	// linked (unverified, or linked to another identity of the provider).
	LoginOIDC(ctx context.Context, id OIDCIdentity) (*User, error)
	// CreateSession starts a login session and returns its secret token.
	CreateSession(ctx context.Context, userID int64) (string, error)
	// FindUserBySession returns the user of a live session, or EUNAUTHORIZED.
	FindUserBySession(ctx context.Context, token string) (*User, error)
	// DeleteSession ends a session; ending an unknown one is no error.
	DeleteSession(ctx context.Context, token string) error
	// CreateAPIToken creates a bearer token for the user and returns it;
	// it is shown once and stored only as a hash. A zero expiresAt means
	// the token does not expire.
	CreateAPIToken(ctx context.Context, userID int64, name string, expiresAt time.Time) (string, error)
	// FindUserByAPIToken returns the user of a live token, or
	// EUNAUTHORIZED, and notes that the token was used.
	FindUserByAPIToken(ctx context.Context, token string) (*User, error)
	// FindAPITokens lists the tokens of a user, newest first; userID 0
	// lists everyone's. Expired tokens are listed until revoked.
	FindAPITokens(ctx context.Context, userID int64) ([]*APIToken, error)
	// RevokeAPIToken deletes a token of the user (userID 0: of anyone);
	// ENOTFOUND when the user has no token with that id.
	RevokeAPIToken(ctx context.Context, userID, tokenID int64) error
}

// APIToken describes a bearer token; the secret itself is shown once when
// it is made and never stored.
type APIToken struct {
	ID         int64     `json:"id"`
	UserID     int64     `json:"user_id"`
	Email      string    `json:"email"` // of the user
	Name       string    `json:"name"`
	CreatedAt  time.Time `json:"created_at"`
	ExpiresAt  time.Time `json:"expires_at,omitzero"`   // zero: never
	LastUsedAt time.Time `json:"last_used_at,omitzero"` // zero: not yet
}

// Expired reports whether the token has expired at now.
func (t *APIToken) Expired(now time.Time) bool {
	return !t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt)
}

// MaxTokenNameLength is the longest name an API token may have.
const MaxTokenNameLength = 100

// GuardService holds what every instance of the server must share to
// protect itself: attempt counters and secret keys.
type GuardService interface {
	// CountAttempt adds delta to the attempts counted under key and
	// returns the new count. A count older than window (since its last
	// change) starts again from zero.
	CountAttempt(ctx context.Context, key string, delta int, window time.Duration) (int, error)
	// ServerSecret returns the secret stored under name, making one of
	// size random bytes the first time; every caller gets the same.
	ServerSecret(ctx context.Context, name string, size int) ([]byte, error)
}
