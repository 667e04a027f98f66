package sqldb_test

import (
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

const password = "correct horse battery"

// TestUsers hashes a password three times per database (create, right and
// wrong password, unknown e-mail): Argon2id takes a while by design.
func TestUsers(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		u := &cdoatlas.User{Email: " Editor@Example.org ", Role: "editor"}
		if err := db.CreateUser(ctx, u, password); err != nil {
			t.Fatal(err)
		}
		if u.ID == 0 || u.Email != "editor@example.org" || u.PasswordHash == "" || u.PasswordHash == password {
			t.Fatalf("after create: %+v", u)
		}
		for _, tc := range []struct {
			name     string
			user     cdoatlas.User
			password string
			code     string
			field    string
			key      string
		}{
			{"EmailTaken", cdoatlas.User{Email: "EDITOR@example.org", Role: "member"}, password, cdoatlas.ECONFLICT, "", ""},
			{"WeakPassword", cdoatlas.User{Email: "a@example.org", Role: "member"}, "short", cdoatlas.EINVALID, "password", "password.weak"},
			{"BadEmail", cdoatlas.User{Email: "nobody", Role: "member"}, password, cdoatlas.EINVALID, "email", "email.invalid"},
			{"BadRole", cdoatlas.User{Email: "b@example.org", Role: "king"}, "short", cdoatlas.EINVALID, "role", "user_role.invalid"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := db.CreateUser(ctx, &tc.user, tc.password)
				wantCode(t, err, tc.code)
				if tc.field != "" {
					wantField(t, err, tc.field, tc.key)
				}
			})
		}

		got, err := db.FindUserByID(ctx, u.ID)
		if err != nil || got.Email != u.Email || got.Role != "editor" {
			t.Fatalf("find by id: %+v %v", got, err)
		}
		_, err = db.FindUserByID(ctx, 9999)
		wantCode(t, err, cdoatlas.ENOTFOUND)
		if got, err := db.FindUserByEmail(ctx, "EDITOR@example.org"); err != nil || got.ID != u.ID {
			t.Fatalf("find by e-mail: %+v %v", got, err)
		}

		if got, err := db.Authenticate(ctx, "Editor@example.org", password); err != nil || got.ID != u.ID {
			t.Fatalf("authenticate: %+v %v", got, err)
		}
		_, err = db.Authenticate(ctx, u.Email, password+"!")
		wantCode(t, err, cdoatlas.EUNAUTHORIZED)
		_, err = db.Authenticate(ctx, "nobody@example.org", password)
		wantCode(t, err, cdoatlas.EUNAUTHORIZED)
	})
}

func TestSessions(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		u := createUser(t, db, "member@example.org")
		token, err := db.CreateSession(ctx, u.ID)
		if err != nil || len(token) < 40 {
			t.Fatalf("create session: %q %v", token, err)
		}
		if got, err := db.FindUserBySession(ctx, token); err != nil || got.ID != u.ID {
			t.Fatalf("find by session: %+v %v", got, err)
		}
		for _, bad := range []string{"", "nonsense", token + "x"} {
			_, err := db.FindUserBySession(ctx, bad)
			wantCode(t, err, cdoatlas.EUNAUTHORIZED)
		}
		if err := db.DeleteSession(ctx, token); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindUserBySession(ctx, token)
		wantCode(t, err, cdoatlas.EUNAUTHORIZED)
		if err := db.DeleteSession(ctx, token); err != nil {
			t.Errorf("ending an unknown session: %v", err)
		}
		_, err = db.CreateSession(ctx, 9999)
		wantCode(t, err, cdoatlas.ENOTFOUND)

		// A session started a lifetime ago has expired.
		real := db.Now
		db.Now = func() time.Time { return real().Add(-cdoatlas.SessionLifetime - time.Minute) }
		old, err := db.CreateSession(ctx, u.ID)
		db.Now = real
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.FindUserBySession(ctx, old)
		wantCode(t, err, cdoatlas.EUNAUTHORIZED)
		// One that is a minute short of it is alive.
		db.Now = func() time.Time { return real().Add(-cdoatlas.SessionLifetime + time.Minute) }
		young, err := db.CreateSession(ctx, u.ID)
		db.Now = real
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindUserBySession(ctx, young); err != nil {
			t.Errorf("young session: %v", err)
		}
	})
}

func TestAPITokens(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		u := createUser(t, db, "admin@example.org")
		token, err := db.CreateAPIToken(ctx, u.ID, "export script")
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.FindUserByAPIToken(ctx, token); err != nil || got.ID != u.ID {
			t.Fatalf("find by token: %+v %v", got, err)
		}
		for _, bad := range []string{"", "nonsense", cdoatlas.HashToken(token)} {
			_, err := db.FindUserByAPIToken(ctx, bad)
			wantCode(t, err, cdoatlas.EUNAUTHORIZED)
		}
		_, err = db.CreateAPIToken(ctx, 9999, "x")
		wantCode(t, err, cdoatlas.ENOTFOUND)
		// A session token is no API token.
		session, _ := db.CreateSession(ctx, u.ID)
		_, err = db.FindUserByAPIToken(ctx, session)
		wantCode(t, err, cdoatlas.EUNAUTHORIZED)
	})
}

// createUser stores a member account; it hashes one password.
func createUser(t *testing.T, db *sqldb.DB, email string) *cdoatlas.User {
	t.Helper()
	u := &cdoatlas.User{Email: email, Role: "member"}
	if err := db.CreateUser(ctx, u, password); err != nil {
		t.Fatal(err)
	}
	return u
}
