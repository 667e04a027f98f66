package main

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/cdoatlas/cdoatlas/web"
)

// oidcConfig reads the login through an OpenID Connect provider from the
// environment: $CDOATLAS_OIDC_ISSUER (none when unset),
// $CDOATLAS_OIDC_CLIENT_ID, $CDOATLAS_OIDC_CLIENT_SECRET,
// $CDOATLAS_OIDC_ROLE_CLAIM (default "roles") and $CDOATLAS_OIDC_ROLES,
// the mapping of the provider's roles to ours. The provider sends the
// browser back to baseURL (the address asked for when "") under
// /login/oidc/callback.
func (m *Main) oidcConfig(baseURL string) (*web.OIDCConfig, error) {
	issuer := strings.TrimSpace(m.Getenv("CDOATLAS_OIDC_ISSUER"))
	if issuer == "" {
		return nil, nil
	}
	u, err := url.Parse(issuer)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("CDOATLAS_OIDC_ISSUER must be the provider's http:// or https:// address such as https://login.example.org/realms/verwaltung, got %q", issuer)
	}
	c := &web.OIDCConfig{
		Issuer:       issuer,
		ClientID:     strings.TrimSpace(m.Getenv("CDOATLAS_OIDC_CLIENT_ID")),
		ClientSecret: m.Getenv("CDOATLAS_OIDC_CLIENT_SECRET"),
		RoleClaim:    strings.TrimSpace(m.Getenv("CDOATLAS_OIDC_ROLE_CLAIM")),
		BaseURL:      baseURL,
	}
	if c.ClientID == "" {
		return nil, fmt.Errorf("CDOATLAS_OIDC_CLIENT_ID must be set with CDOATLAS_OIDC_ISSUER")
	}
	if c.Roles, err = web.ParseOIDCRoles(m.Getenv("CDOATLAS_OIDC_ROLES")); err != nil {
		return nil, fmt.Errorf("CDOATLAS_OIDC_ROLES (e.g. cdoatlas-admin=admin,cdoatlas-editor=editor,cdoatlas-member=member): %w", err)
	}
	return c, nil
}
