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
		token, err := db.CreateAPIToken(ctx, u.ID, "export script", time.Time{})
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
		_, err = db.CreateAPIToken(ctx, 9999, "x", time.Time{})
		wantCode(t, err, cdoatlas.ENOTFOUND)
		// A session token is no API token.
		session, _ := db.CreateSession(ctx, u.ID)
		_, err = db.FindUserByAPIToken(ctx, session)
		wantCode(t, err, cdoatlas.EUNAUTHORIZED)
	})
}

// TestAPITokenLifecycle: tokens expire, are listed without their secret,
// note their last use and stop working when revoked, only by their owner.
func TestAPITokenLifecycle(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		real := db.Now
		defer func() { db.Now = real }()
		alice := createUser(t, db, "alice@example.org")
		bob := createUser(t, db, "bob@example.org")
		now := real()
		short, err := db.CreateAPIToken(ctx, alice.ID, "short", now.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		forever, err := db.CreateAPIToken(ctx, alice.ID, "forever", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateAPIToken(ctx, bob.ID, "bob's", time.Time{}); err != nil {
			t.Fatal(err)
		}
		_, err = db.CreateAPIToken(ctx, alice.ID, "past", now.Add(-time.Minute))
		wantCode(t, err, cdoatlas.EINVALID)

		// Unused tokens have no last use; a use is noted.
		list, err := db.FindAPITokens(ctx, alice.ID)
		if err != nil || len(list) != 2 {
			t.Fatalf("alice's tokens: %d, %v", len(list), err)
		}
		for _, k := range list {
			if !k.LastUsedAt.IsZero() || k.Email != "alice@example.org" {
				t.Errorf("token %q: last used %v, email %q", k.Name, k.LastUsedAt, k.Email)
			}
		}
		if _, err := db.FindUserByAPIToken(ctx, short); err != nil {
			t.Fatal(err)
		}
		list, _ = db.FindAPITokens(ctx, alice.ID)
		byName := map[string]*cdoatlas.APIToken{}
		for _, k := range list {
			byName[k.Name] = k
		}
		if byName["short"].LastUsedAt.IsZero() || !byName["forever"].LastUsedAt.IsZero() {
			t.Errorf("last use: short %v, forever %v", byName["short"].LastUsedAt, byName["forever"].LastUsedAt)
		}
		if byName["short"].ExpiresAt.Sub(now.Add(time.Hour)).Abs() > time.Second || !byName["forever"].ExpiresAt.IsZero() {
			t.Errorf("expiry: short %v, forever %v", byName["short"].ExpiresAt, byName["forever"].ExpiresAt)
		}
		all, _ := db.FindAPITokens(ctx, 0)
		if len(all) != 3 {
			t.Errorf("all tokens: %d, want 3", len(all))
		}

		// Two hours on, the short token has expired; the other works.
		db.Now = func() time.Time { return real().Add(2 * time.Hour) }
		_, err = db.FindUserByAPIToken(ctx, short)
		wantCode(t, err, cdoatlas.EUNAUTHORIZED)
		if _, err := db.FindUserByAPIToken(ctx, forever); err != nil {
			t.Fatalf("forever: %v", err)
		}
		db.Now = real

		// Bob cannot revoke Alice's token; Alice can.
		wantCode(t, db.RevokeAPIToken(ctx, bob.ID, byName["forever"].ID), cdoatlas.ENOTFOUND)
		if _, err := db.FindUserByAPIToken(ctx, forever); err != nil {
			t.Fatalf("after bob's try: %v", err)
		}
		if err := db.RevokeAPIToken(ctx, alice.ID, byName["forever"].ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindUserByAPIToken(ctx, forever)
		wantCode(t, err, cdoatlas.EUNAUTHORIZED)
		wantCode(t, db.RevokeAPIToken(ctx, 0, byName["forever"].ID), cdoatlas.ENOTFOUND)
	})
}

// TestGuard: attempt counts add up within the window, start again after
// it, and never go below zero; every caller of ServerSecret gets one key.
func TestGuard(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		real := db.Now
		defer func() { db.Now = real }()
		for i := 1; i <= 3; i++ {
			n, err := db.CountAttempt(ctx, "login:a", 1, time.Minute)
			if err != nil || n != i {
				t.Fatalf("attempt %d: count %d, %v", i, n, err)
			}
		}
		if n, _ := db.CountAttempt(ctx, "login:b", 1, time.Minute); n != 1 {
			t.Errorf("another key: %d, want 1", n)
		}
		if n, _ := db.CountAttempt(ctx, "login:a", -1, time.Minute); n != 2 {
			t.Errorf("after taking one back: %d, want 2", n)
		}
		if n, _ := db.CountAttempt(ctx, "login:a", -100, time.Minute); n != 0 {
			t.Errorf("after taking all back: %d, want 0", n)
		}
		if n, _ := db.CountAttempt(ctx, "login:new", -1, time.Minute); n != 0 {
			t.Errorf("taking back from nothing: %d, want 0", n)
		}
		db.CountAttempt(ctx, "login:c", 5, time.Minute)
		db.Now = func() time.Time { return real().Add(2 * time.Minute) }
		if n, _ := db.CountAttempt(ctx, "login:c", 1, time.Minute); n != 1 {
			t.Errorf("after the window: %d, want 1", n)
		}
		db.Now = real

		k1, err := db.ServerSecret(ctx, "csrf", 32)
		if err != nil || len(k1) != 32 {
			t.Fatalf("secret: %d bytes, %v", len(k1), err)
		}
		k2, _ := db.ServerSecret(ctx, "csrf", 32)
		other, _ := db.ServerSecret(ctx, "other", 32)
		if string(k1) != string(k2) || string(k1) == string(other) {
			t.Errorf("secrets: same name differs or different names agree")
		}
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
