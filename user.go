package cdoatlas

import (
	"context"
	"net/mail"
	"strings"
	"time"
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

// validEmail reports whether s is a bare e-mail address.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s, "@")
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
	// CreateSession starts a login session and returns its secret token.
	CreateSession(ctx context.Context, userID int64) (string, error)
	// FindUserBySession returns the user of a live session, or EUNAUTHORIZED.
	FindUserBySession(ctx context.Context, token string) (*User, error)
	// DeleteSession ends a session; ending an unknown one is no error.
	DeleteSession(ctx context.Context, token string) error
	// CreateAPIToken creates a bearer token for the user and returns it;
	// it is shown once and stored only as a hash.
	CreateAPIToken(ctx context.Context, userID int64, name string) (string, error)
	// FindUserByAPIToken returns the token's user, or EUNAUTHORIZED.
	FindUserByAPIToken(ctx context.Context, token string) (*User, error)
}
