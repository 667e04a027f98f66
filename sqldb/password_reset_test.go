package sqldb_test

import (
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestPasswordReset(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Now()
		db.Now = func() time.Time { return now }
		db.Letters = plainLetters{}
		u := &cdoatlas.User{Email: "admin@example.org", Role: cdoatlas.UserAdmin}
		if err := db.CreateUser(ctx, u, "the old password is long"); err != nil {
			t.Fatal(err)
		}
		session, err := db.CreateSession(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		// An unknown address: no error, no mail.
		if err := db.RequestPasswordReset(ctx, "nobody@example.org", "de"); err != nil {
			t.Fatal(err)
		}
		if got := mailsTo(t, db, "nobody@example.org"); len(got) != 0 {
			t.Fatalf("mail to an unknown address: %+v", got)
		}
		if err := db.RequestPasswordReset(ctx, " Admin@Example.org ", "en"); err != nil {
			t.Fatal(err)
		}
		got := mailsTo(t, db, u.Email)
		if len(got) != 1 || got[0].Kind != cdoatlas.MailPasswordReset || got[0].Subject != "reset en" ||
			!got[0].ExpiresAt.Equal(now.Add(cdoatlas.PasswordResetLifetime).UTC().Truncate(time.Microsecond)) {
			t.Fatalf("reset mail: %+v", got)
		}
		token := secretIn(t, got[0])
		if err := db.CheckPasswordReset(ctx, token); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.CheckPasswordReset(ctx, token+"x"), cdoatlas.ENOTFOUND)
		wantField(t, db.ResetPassword(ctx, token, "1234567890123"), "password", "password.simple")

		if err := db.ResetPassword(ctx, token, "a brand new passphrase"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Authenticate(ctx, u.Email, "a brand new passphrase"); err != nil {
			t.Errorf("the new password does not work: %v", err)
		}
		if _, err := db.Authenticate(ctx, u.Email, "the old password is long"); err == nil {
			t.Error("the old password still works")
		}
		_, err = db.FindUserBySession(ctx, session)
		wantCode(t, err, cdoatlas.EUNAUTHORIZED)
		// Used once, the link is void.
		wantCode(t, db.ResetPassword(ctx, token, "yet another passphrase"), cdoatlas.ENOTFOUND)

		// A link is valid for an hour.
		if err := db.RequestPasswordReset(ctx, u.Email, "de"); err != nil {
			t.Fatal(err)
		}
		got = mailsTo(t, db, u.Email)
		late := secretIn(t, got[len(got)-1])
		now = now.Add(cdoatlas.PasswordResetLifetime + time.Second)
		wantCode(t, db.CheckPasswordReset(ctx, late), cdoatlas.ENOTFOUND)
		wantCode(t, db.ResetPassword(ctx, late, "yet another passphrase"), cdoatlas.ENOTFOUND)
	})
}
