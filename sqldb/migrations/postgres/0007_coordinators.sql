-- The coordinators of a network: the accounts that run its calls and
-- admissions (besides admins).
CREATE TABLE network_coordinators (
	network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
	user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	PRIMARY KEY (network_id, user_id)
);
