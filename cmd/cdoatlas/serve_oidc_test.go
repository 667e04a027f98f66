package main

import (
	"strings"
	"testing"
)

func TestOIDCConfig(t *testing.T) {
	keycloak := map[string]string{
		"CDOATLAS_OIDC_ISSUER":        "https://login.example.org/realms/verwaltung",
		"CDOATLAS_OIDC_CLIENT_ID":     "cdoatlas",
		"CDOATLAS_OIDC_CLIENT_SECRET": "s3cret",
		"CDOATLAS_OIDC_ROLE_CLAIM":    "realm_access.roles",
		"CDOATLAS_OIDC_ROLES":         "cdoatlas-admin=admin,cdoatlas-editor=editor",
	}
	with := func(k, v string) map[string]string {
		env := map[string]string{}
		for k, v := range keycloak {
			env[k] = v
		}
		env[k] = v
		return env
	}
	newMain := func(env map[string]string) *Main {
		return &Main{Getenv: func(k string) string { return env[k] }}
	}

	t.Run("Unset", func(t *testing.T) {
		c, err := newMain(nil).oidcConfig("https://atlas.example.org")
		if c != nil || err != nil {
			t.Fatalf("without an issuer: %+v, %v; want no OIDC login", c, err)
		}
	})
	t.Run("Keycloak", func(t *testing.T) {
		c, err := newMain(keycloak).oidcConfig("https://atlas.example.org")
		if err != nil {
			t.Fatal(err)
		}
		if c.Issuer != keycloak["CDOATLAS_OIDC_ISSUER"] || c.ClientID != "cdoatlas" || c.ClientSecret != "s3cret" ||
			c.RoleClaim != "realm_access.roles" || c.BaseURL != "https://atlas.example.org" ||
			len(c.Roles) != 2 || c.Roles["cdoatlas-editor"] != "editor" {
			t.Errorf("config %+v", c)
		}
	})
	for _, tc := range []struct {
		name, key, value, want string
	}{
		{"ErrIssuer", "CDOATLAS_OIDC_ISSUER", "login.example.org", "CDOATLAS_OIDC_ISSUER"},
		{"ErrClientID", "CDOATLAS_OIDC_CLIENT_ID", "", "CDOATLAS_OIDC_CLIENT_ID"},
		{"ErrNoRoles", "CDOATLAS_OIDC_ROLES", "", "CDOATLAS_OIDC_ROLES"},
		{"ErrBadRole", "CDOATLAS_OIDC_ROLES", "cdoatlas-admin=root", "CDOATLAS_OIDC_ROLES"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := newMain(with(tc.key, tc.value)).oidcConfig("")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one naming %s", err, tc.want)
			}
		})
	}
}
