package cdoatlas

import "strings"

// OIDCIdentity is an account at an OpenID Connect provider (such as an
// administration's Keycloak) as its verified ID token describes it, with
// the role the provider's claims map to.
type OIDCIdentity struct {
	Issuer        string // the provider, as the token's "iss" names it
	Subject       string // the account there ("sub"), stable across logins
	Email         string
	EmailVerified bool // the provider vouches that Email belongs to the account
	Role          string
}

// Validate normalizes and checks the identity. The e-mail address is
// checked only when an account is made or linked by it.
func (id *OIDCIdentity) Validate() error {
	id.Email = strings.ToLower(strings.TrimSpace(id.Email))
	id.Role = strings.ToLower(strings.TrimSpace(id.Role))
	fe := FieldErrors{}
	if id.Issuer == "" {
		fe.Add("issuer", "required")
	}
	if id.Subject == "" {
		fe.Add("subject", "required")
	}
	if !contains(UserRoles, id.Role) {
		fe.Add("role", "user_role.invalid")
	}
	return fe.Err()
}

// roleRank orders the roles by what they may do.
var roleRank = map[string]int{UserMember: 1, UserEditor: 2, UserAdmin: 3}

// HighestRole returns the role among roles that may do the most, or ""
// when none of them is a role.
func HighestRole(roles ...string) string {
	best := ""
	for _, r := range roles {
		if roleRank[r] > roleRank[best] {
			best = r
		}
	}
	return best
}
