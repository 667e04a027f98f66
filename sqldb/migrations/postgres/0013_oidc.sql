-- oidc_identities link accounts to accounts at an OpenID Connect provider
-- (an administration's Keycloak, say): the provider's issuer and the
-- subject its ID tokens name. An account has at most one identity per
-- provider, so that a provider that hands an e-mail address to someone
-- new cannot pass them an account already linked.
CREATE TABLE oidc_identities (
	issuer        TEXT        NOT NULL,
	subject       TEXT        NOT NULL,
	user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at    TIMESTAMPTZ NOT NULL,
	last_login_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (issuer, subject),
	UNIQUE (user_id, issuer)
);
