package sqldb_test

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

const keycloak = "https://login.example.org/realms/verwaltung"

func TestOIDCLogin(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		id := cdoatlas.OIDCIdentity{Issuer: keycloak, Subject: "f3a1", Email: " Anna@Example.org ", Role: cdoatlas.UserEditor}
		first, err := db.LoginOIDC(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if first.ID == 0 || first.Email != "anna@example.org" || first.Role != cdoatlas.UserEditor {
			t.Fatalf("first login made %+v, want anna@example.org, editor", first)
		}
		if got, err := db.FindUserByEmail(ctx, "anna@example.org"); err != nil || got.ID != first.ID {
			t.Fatalf("account of the first login: %+v %v", got, err)
		}

		t.Run("NoPassword", func(t *testing.T) {
			for _, pw := range []string{"", password} {
				_, err := db.Authenticate(ctx, "anna@example.org", pw)
				wantCode(t, err, cdoatlas.EUNAUTHORIZED)
			}
		})

		t.Run("SecondLoginTakesRole", func(t *testing.T) {
			again := id
			again.Role = cdoatlas.UserAdmin
			again.Email = "renamed@example.org" // the link counts, not the address
			u, err := db.LoginOIDC(ctx, again)
			if err != nil || u.ID != first.ID || u.Role != cdoatlas.UserAdmin || u.Email != "anna@example.org" {
				t.Fatalf("second login: %+v %v, want account %d as admin", u, err, first.ID)
			}
			if got, _ := db.FindUserByID(ctx, first.ID); got.Role != cdoatlas.UserAdmin {
				t.Errorf("stored role %q, want admin", got.Role)
			}
			again.Role = cdoatlas.UserMember
			if u, err := db.LoginOIDC(ctx, again); err != nil || u.Role != cdoatlas.UserMember {
				t.Fatalf("third login: %+v %v, want member", u, err)
			}
		})

		t.Run("OtherIssuerOtherAccount", func(t *testing.T) {
			other := cdoatlas.OIDCIdentity{Issuer: "https://sso.example.com", Subject: "f3a1", Email: "bert@example.org", Role: cdoatlas.UserMember}
			u, err := db.LoginOIDC(ctx, other)
			if err != nil || u.ID == first.ID {
				t.Fatalf("same subject at another provider: %+v %v, want a new account", u, err)
			}
		})

		local := createUser(t, db, "local@example.org")
		t.Run("UnverifiedEmailNotLinked", func(t *testing.T) {
			_, err := db.LoginOIDC(ctx, cdoatlas.OIDCIdentity{Issuer: keycloak, Subject: "c0de", Email: "LOCAL@example.org", Role: cdoatlas.UserAdmin})
			wantCode(t, err, cdoatlas.ECONFLICT)
			if got, _ := db.FindUserByID(ctx, local.ID); got.Role != local.Role {
				t.Errorf("refused login changed the role to %q", got.Role)
			}
		})
		t.Run("VerifiedEmailLinked", func(t *testing.T) {
			u, err := db.LoginOIDC(ctx, cdoatlas.OIDCIdentity{Issuer: keycloak, Subject: "c0de", Email: "LOCAL@example.org", EmailVerified: true, Role: cdoatlas.UserEditor})
			if err != nil || u.ID != local.ID || u.Role != cdoatlas.UserEditor {
				t.Fatalf("verified login: %+v %v, want account %d as editor", u, err, local.ID)
			}
			if got, err := db.Authenticate(ctx, "local@example.org", password); err != nil || got.ID != local.ID {
				t.Errorf("password after linking: %+v %v", got, err)
			}
		})
		t.Run("SecondIdentityOfProviderRefused", func(t *testing.T) {
			_, err := db.LoginOIDC(ctx, cdoatlas.OIDCIdentity{Issuer: keycloak, Subject: "new-holder", Email: "local@example.org", EmailVerified: true, Role: cdoatlas.UserAdmin})
			wantCode(t, err, cdoatlas.ECONFLICT)
		})

		for _, tc := range []struct {
			name  string
			id    cdoatlas.OIDCIdentity
			field string
			key   string
		}{
			{"ErrRole", cdoatlas.OIDCIdentity{Issuer: keycloak, Subject: "x1", Email: "x1@example.org", Role: "king"}, "role", "user_role.invalid"},
			{"ErrNoEmail", cdoatlas.OIDCIdentity{Issuer: keycloak, Subject: "x2", Role: cdoatlas.UserMember}, "email", "email.invalid"},
			{"ErrNoSubject", cdoatlas.OIDCIdentity{Issuer: keycloak, Email: "x3@example.org", Role: cdoatlas.UserMember}, "subject", "required"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := db.LoginOIDC(ctx, tc.id)
				wantField(t, err, tc.field, tc.key)
				if _, err := db.FindUserByEmail(ctx, tc.id.Email); tc.id.Email != "" && err == nil {
					t.Errorf("refused login made an account")
				}
			})
		}

		entries, _, err := db.FindAuditEntries(ctx, cdoatlas.AuditFilter{Entity: cdoatlas.AuditUser, EntityID: first.ID})
		if err != nil || len(entries) < 3 {
			t.Fatalf("audit of the account: %d entries, %v; want its creation and two role changes", len(entries), err)
		}
	})
}
