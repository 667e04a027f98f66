package sqldb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// CreateNetwork validates and stores n.
func (db *DB) CreateNetwork(ctx context.Context, n *cdoatlas.Network) error {
	if err := n.Validate(); err != nil {
		return err
	}
	goals, err := json.Marshal(n.Goals)
	if err != nil {
		return cdoatlas.Internal(err)
	}
	return db.write(ctx, func(t *tx) error {
		err := t.queryRow(ctx, "INSERT INTO networks (name, description, goals, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
			n.Name, n.Description, string(goals), t.ts(t.now), t.ts(t.now)).Scan(&n.ID)
		n.CreatedAt, n.UpdatedAt = t.now, t.now
		return mapError(err)
	})
}

func scanNetwork(s scanner) (*cdoatlas.Network, error) {
	var n cdoatlas.Network
	var goals string
	if err := s.Scan(&n.ID, &n.Name, &n.Description, &goals, timeCol{&n.CreatedAt}, timeCol{&n.UpdatedAt}); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(goals), &n.Goals); err != nil {
		return nil, err
	}
	return &n, nil
}

const networkColumns = "id, name, description, goals, created_at, updated_at"

// FindNetworkByID returns the network, or ENOTFOUND.
func (db *DB) FindNetworkByID(ctx context.Context, id int64) (*cdoatlas.Network, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Network, error) {
		n, err := scanNetwork(t.queryRow(ctx, "SELECT "+networkColumns+" FROM networks WHERE id = ?", id))
		if noRows(err) {
			return nil, notFound("network")
		}
		return n, mapError(err)
	})
}

// FindNetworks returns the networks by name.
func (db *DB) FindNetworks(ctx context.Context) ([]*cdoatlas.Network, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Network, error) {
		out := []*cdoatlas.Network{}
		err := eachRow(ctx, t, "SELECT "+networkColumns+" FROM networks ORDER BY name, id", func(s scanner) error {
			n, err := scanNetwork(s)
			if err == nil {
				out = append(out, n)
			}
			return err
		})
		return out, err
	})
}

// SetGoals replaces a network's balance goals.
func (db *DB) SetGoals(ctx context.Context, networkID int64, goals map[string]float64) error {
	n := cdoatlas.Network{Name: "x", Goals: goals}
	if err := n.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(goals)
	if err != nil {
		return cdoatlas.Internal(err)
	}
	return db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, "UPDATE networks SET goals = ?, updated_at = ? WHERE id = ?", string(b), t.ts(t.now), networkID)
		return affectedOne(res, err, "network")
	})
}

// AddCoordinator makes an account a coordinator of a network.
func (db *DB) AddCoordinator(ctx context.Context, networkID, userID int64) error {
	return db.write(ctx, func(t *tx) error {
		var n int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM network_coordinators WHERE network_id = ? AND user_id = ?", networkID, userID).Scan(&n); err != nil || n > 0 {
			return mapError(err)
		}
		_, err := t.exec(ctx, "INSERT INTO network_coordinators (network_id, user_id) VALUES (?, ?)", networkID, userID)
		if errorClass(err) == errForeignKey {
			return notFound("network or account")
		}
		return mapError(err)
	})
}

// FindCoordinators returns a network's coordinators.
func (db *DB) FindCoordinators(ctx context.Context, networkID int64) ([]*cdoatlas.User, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.User, error) {
		out := []*cdoatlas.User{}
		err := eachRow(ctx, t, `SELECT u.id, u.email, u.role FROM users u JOIN network_coordinators c ON c.user_id = u.id
			WHERE c.network_id = ? ORDER BY u.email`, func(s scanner) error {
			var u cdoatlas.User
			err := s.Scan(&u.ID, &u.Email, &u.Role)
			out = append(out, &u)
			return err
		}, networkID)
		return out, err
	})
}

// IsCoordinator reports whether the account coordinates the network.
func (db *DB) IsCoordinator(ctx context.Context, networkID, userID int64) (bool, error) {
	return read(ctx, db, func(t *tx) (bool, error) {
		var n int
		err := t.queryRow(ctx, "SELECT COUNT(*) FROM network_coordinators WHERE network_id = ? AND user_id = ?", networkID, userID).Scan(&n)
		return n > 0, mapError(err)
	})
}

// CreateCircle validates and stores c. EINVALID for an unknown network.
func (db *DB) CreateCircle(ctx context.Context, c *cdoatlas.Circle) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		err := t.queryRow(ctx, "INSERT INTO circles (network_id, name, capacity) VALUES (?, ?, ?) RETURNING id",
			c.NetworkID, c.Name, c.Capacity).Scan(&c.ID)
		return mapWriteError(err, nil, "network_id", "network.unknown")
	})
}

// FindCircles returns the circles of a network.
func (db *DB) FindCircles(ctx context.Context, networkID int64) ([]*cdoatlas.Circle, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Circle, error) {
		out := []*cdoatlas.Circle{}
		err := eachRow(ctx, t, "SELECT id, network_id, name, capacity FROM circles WHERE network_id = ? ORDER BY id", func(s scanner) error {
			var c cdoatlas.Circle
			err := s.Scan(&c.ID, &c.NetworkID, &c.Name, &c.Capacity)
			out = append(out, &c)
			return err
		}, networkID)
		return out, err
	})
}

// CreateCall validates and stores c; its network is that of its circle.
// EINVALID for an unknown circle.
func (db *DB) CreateCall(ctx context.Context, c *cdoatlas.Call) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		err := t.queryRow(ctx, "SELECT network_id FROM circles WHERE id = ?", c.CircleID).Scan(&c.NetworkID)
		if noRows(err) {
			return cdoatlas.FieldErrors{"circle_id": "circle.unknown"}.Err()
		} else if err != nil {
			return mapError(err)
		}
		err = t.queryRow(ctx, `INSERT INTO calls (network_id, circle_id, title, text, criteria, deadline, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, c.NetworkID, c.CircleID, c.Title, c.Text, c.Criteria,
			string(c.Deadline), t.ts(t.now)).Scan(&c.ID)
		c.CreatedAt = t.now
		return mapError(err)
	})
}

const callColumns = "id, network_id, circle_id, title, text, criteria, deadline, created_at"

func scanCall(s scanner) (*cdoatlas.Call, error) {
	var c cdoatlas.Call
	var deadline string
	if err := s.Scan(&c.ID, &c.NetworkID, &c.CircleID, &c.Title, &c.Text, &c.Criteria, &deadline, timeCol{&c.CreatedAt}); err != nil {
		return nil, err
	}
	c.Deadline = cdoatlas.PartialDate(deadline)
	return &c, nil
}

// FindCallByID returns the call, or ENOTFOUND.
func (db *DB) FindCallByID(ctx context.Context, id int64) (*cdoatlas.Call, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Call, error) {
		c, err := scanCall(t.queryRow(ctx, "SELECT "+callColumns+" FROM calls WHERE id = ?", id))
		if noRows(err) {
			return nil, notFound("call")
		}
		return c, mapError(err)
	})
}

// FindCalls returns the calls of a network (all networks for 0), the
// latest deadline first.
func (db *DB) FindCalls(ctx context.Context, networkID int64) ([]*cdoatlas.Call, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Call, error) {
		var w where
		if networkID != 0 {
			w.add("network_id = ?", networkID)
		}
		out := []*cdoatlas.Call{}
		err := eachRow(ctx, t, "SELECT "+callColumns+" FROM calls"+w.String()+" ORDER BY deadline DESC, id DESC", func(s scanner) error {
			c, err := scanCall(s)
			if err == nil {
				out = append(out, c)
			}
			return err
		}, w.args...)
		return out, err
	})
}

// CreateApplication stores the application with the check, status and
// explanations it carries (network.CheckApplication) and a new
// status-link secret, and returns the secret. It refuses one without a
// check, so that none is stored unchecked by mistake.
func (db *DB) CreateApplication(ctx context.Context, a *cdoatlas.Application) (string, error) {
	if err := a.Validate(); err != nil {
		return "", err
	}
	if a.Check == "" || a.Status == "" {
		// A programming mistake, not the applicant's: no page shows it.
		return "", cdoatlas.Internal(errors.New("sqldb: application stored without its CDO check (network.CheckApplication)"))
	}
	secret, err := newLinkSecret()
	if err != nil {
		return "", err
	}
	var applied bool
	err = db.write(ctx, func(t *tx) error {
		// On PostgreSQL two applications to one call take turns on the
		// call's row, so that the check for an earlier one below sees
		// the other's; SQLite has one writer anyway.
		lock := ""
		if t.postgres() {
			lock = " FOR UPDATE"
		}
		call, err := scanCall(t.queryRow(ctx, "SELECT "+callColumns+" FROM calls WHERE id = ?"+lock, a.CallID))
		if noRows(err) {
			return notFound("call")
		} else if err != nil {
			return mapError(err)
		}
		if !call.Open(t.now) {
			return cdoatlas.FieldErrors{"call_id": "call.closed"}.Err()
		}
		if id, err := findEarlierApplication(ctx, t, a.CallID, a.Email); err != nil {
			return err
		} else if id != 0 {
			// A repeat leads to the earlier application: its status link
			// goes out again, to the address, and nothing else changes.
			applied = true
			link, err := newApplicationLink(ctx, t, id)
			if err != nil {
				return err
			}
			return notifyApplicant(ctx, t, cdoatlas.MailApplicationReceived, id, link, time.Time{})
		}
		if a.OrganizationID != nil {
			if _, err := findOrganizationByID(ctx, t, *a.OrganizationID); err != nil {
				if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
					return cdoatlas.FieldErrors{"organization_id": "organization.unknown"}.Err()
				}
				return err
			}
		}
		reasons, err := json.Marshal(a.Reasons)
		if err != nil {
			return cdoatlas.Internal(err)
		}
		// Both languages of the reasons, for the coordinators' list.
		stored, err := marshalCheckReasons(a.Explanations)
		if err != nil {
			return err
		}
		var orgID, pop any
		if a.OrganizationID != nil {
			orgID = *a.OrganizationID
		}
		if a.Population != nil {
			pop = *a.Population
		}
		err = t.queryRow(ctx, `INSERT INTO applications (call_id, secret_hash, person_name, email, organization_id,
			organization_name, kind, country, region, population, title, tasks, placement, mandate, gender, consent_at,
			cdo_check, reasons, explanations, archetype, status, applied_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.CallID, secretHash(secret), a.PersonName, a.Email, orgID, a.OrganizationName, a.Kind, a.Country, a.Region, pop,
			a.Title, a.Tasks, a.Placement, a.Mandate, a.Gender, t.ts(t.now), a.Check, string(reasons), stored, a.Archetype,
			a.Status, t.ts(t.now)).Scan(&a.ID)
		a.AppliedAt = t.now
		if err != nil {
			return mapError(err)
		}
		source := "application:" + strconv.FormatInt(a.ID, 10)
		if err := recordConsent(ctx, t, a.Email, cdoatlas.ConsentApplication, true, cdoatlas.WordingApplication, source); err != nil {
			return err
		}
		if a.NewsConsent {
			if err := recordConsent(ctx, t, a.Email, cdoatlas.ConsentEmail, true, cdoatlas.WordingEmail, source); err != nil {
				return err
			}
		}
		if err := t.audit(ctx, cdoatlas.AuditApplication, a.ID, cdoatlas.AuditCreate); err != nil {
			return err
		}
		return notifyApplicant(ctx, t, cdoatlas.MailApplicationReceived, a.ID, secret, time.Time{})
	})
	if err != nil {
		return "", err
	}
	if applied {
		return "", &cdoatlas.Error{Code: cdoatlas.ECONFLICT, Message: "already applied to this call", Err: cdoatlas.ErrApplied}
	}
	return secret, nil
}

// findEarlierApplication returns the id of the latest application to the
// call from the address (in any case) that was not withdrawn, or 0.
func findEarlierApplication(ctx context.Context, t *tx, callID int64, email string) (int64, error) {
	var id int64
	err := t.queryRow(ctx, `SELECT id FROM applications WHERE call_id = ? AND lower(email) = lower(?) AND status <> ?
		ORDER BY id DESC LIMIT 1`, callID, email, cdoatlas.ApplicationWithdrawn).Scan(&id)
	if noRows(err) {
		return 0, nil
	}
	return id, mapError(err)
}

func secretHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

const applicationColumns = `id, call_id, person_name, email, organization_id, organization_name, kind, country, region,
	population, title, tasks, placement, mandate, gender, cdo_check, reasons, archetype, status, applied_at`

func scanApplication(s scanner) (*cdoatlas.Application, error) {
	var a cdoatlas.Application
	var reasons string
	if err := s.Scan(&a.ID, &a.CallID, &a.PersonName, &a.Email, &a.OrganizationID, &a.OrganizationName, &a.Kind, &a.Country,
		&a.Region, &a.Population, &a.Title, &a.Tasks, &a.Placement, &a.Mandate, &a.Gender, &a.Check, &reasons,
		&a.Archetype, &a.Status, timeCol{&a.AppliedAt}); err != nil {
		return nil, err
	}
	a.Consent = true
	return &a, json.Unmarshal([]byte(reasons), &a.Reasons)
}

// FindApplicationBySecret returns the application of a status link.
func (db *DB) FindApplicationBySecret(ctx context.Context, secret string) (*cdoatlas.Application, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Application, error) {
		// The first link's secret is the application's; further ones
		// (sent with an offer) are in application_links.
		h := secretHash(secret)
		a, err := scanApplication(t.queryRow(ctx, "SELECT "+applicationColumns+` FROM applications WHERE id = COALESCE(
			(SELECT id FROM applications WHERE secret_hash = ?), (SELECT application_id FROM application_links WHERE secret_hash = ?))`, h, h))
		if noRows(err) {
			return nil, notFound("application")
		}
		return a, mapError(err)
	})
}

// decisionWithdraw is the decision of an applicant who withdraws.
const decisionWithdraw = "withdraw"

// WithdrawApplication withdraws the application of a status link while
// it is open; an open offer of a seat is declined with it.
func (db *DB) WithdrawApplication(ctx context.Context, secret string) error {
	return db.write(ctx, func(t *tx) error {
		h := secretHash(secret)
		a, err := scanApplication(t.queryRow(ctx, "SELECT "+applicationColumns+` FROM applications WHERE id = COALESCE(
			(SELECT id FROM applications WHERE secret_hash = ?), (SELECT application_id FROM application_links WHERE secret_hash = ?))`, h, h))
		if noRows(err) {
			return notFound("application")
		} else if err != nil {
			return mapError(err)
		}
		switch a.Status {
		case cdoatlas.ApplicationReceived, cdoatlas.ApplicationReview, cdoatlas.ApplicationWaitlisted:
		case cdoatlas.ApplicationAdmitted:
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the application has a seat")
		default:
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the application is closed")
		}
		if _, err := t.exec(ctx, "UPDATE offers SET state = ?, answered_at = ? WHERE application_id = ? AND state = ?",
			cdoatlas.OfferDeclined, t.ts(t.now), a.ID, cdoatlas.OfferOpen); err != nil {
			return mapError(err)
		}
		if err := decide(ctx, t, a.ID, decisionWithdraw, cdoatlas.ApplicationWithdrawn, 0, "withdrawn by the applicant"); err != nil {
			return err
		}
		return t.audit(ctx, cdoatlas.AuditApplication, a.ID, cdoatlas.AuditUpdate, "status")
	})
}

// FindApplications returns the applications to a call, oldest first.
func (db *DB) FindApplications(ctx context.Context, callID int64) ([]*cdoatlas.Application, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Application, error) {
		out := []*cdoatlas.Application{}
		err := eachRow(ctx, t, "SELECT "+applicationColumns+" FROM applications WHERE call_id = ? ORDER BY applied_at, id", func(s scanner) error {
			a, err := scanApplication(s)
			if err == nil {
				out = append(out, a)
			}
			return err
		}, callID)
		return out, err
	})
}
