package sqldb

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// FindApplicationByID returns an application, or ENOTFOUND.
func (db *DB) FindApplicationByID(ctx context.Context, id int64) (*cdoatlas.Application, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Application, error) { return findApplicationByID(ctx, t, id) })
}

func findApplicationByID(ctx context.Context, t *tx, id int64) (*cdoatlas.Application, error) {
	a, err := scanApplication(t.queryRow(ctx, "SELECT "+applicationColumns+" FROM applications WHERE id = ?", id))
	if noRows(err) {
		return nil, notFound("application")
	}
	return a, mapError(err)
}

// Admit gives the application a seat. The circle row is locked first on
// PostgreSQL (SELECT … FOR UPDATE), so that two admissions to one circle
// take their turns; SQLite has one writer anyway.
func (db *DB) Admit(ctx context.Context, applicationID, userID int64, note string) (*cdoatlas.Membership, error) {
	var m *cdoatlas.Membership
	err := db.write(ctx, func(t *tx) error {
		var err error
		m, err = admit(ctx, t, applicationID, userID, note)
		return err
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// admit gives the application a seat within t; seats held by the open
// offers of other applications count as taken, the application's own
// offer is accepted.
func admit(ctx context.Context, t *tx, applicationID, userID int64, note string) (*cdoatlas.Membership, error) {
	var m *cdoatlas.Membership
	err := func() error {
		a, err := findApplicationByID(ctx, t, applicationID)
		if err != nil {
			return err
		}
		if a.Status == cdoatlas.ApplicationAdmitted || a.Status == cdoatlas.ApplicationWithdrawn {
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the application is %s", a.Status)
		}
		var circleID int64
		if err := t.queryRow(ctx, "SELECT circle_id FROM calls WHERE id = ?", a.CallID).Scan(&circleID); err != nil {
			return mapError(err)
		}
		if err := seatFree(ctx, t, circleID, a.ID); err != nil {
			return err
		}
		m = &cdoatlas.Membership{CircleID: circleID, ApplicationID: &a.ID, PersonName: a.PersonName, Email: a.Email,
			OrganizationID: a.OrganizationID, OrganizationName: a.OrganizationName, Kind: a.Kind, Country: a.Country,
			Region: a.Region, Population: a.Population, Title: a.Title, Tasks: a.Tasks, Placement: a.Placement,
			Gender: a.Gender, JoinedAt: t.now}
		var orgID, pop any
		if a.OrganizationID != nil {
			orgID = *a.OrganizationID
		}
		if a.Population != nil {
			pop = *a.Population
		}
		err = t.queryRow(ctx, `INSERT INTO memberships (circle_id, application_id, person_name, email, organization_id,
			organization_name, kind, country, region, population, title, tasks, placement, gender, listed, joined_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			circleID, a.ID, a.PersonName, a.Email, orgID, a.OrganizationName, a.Kind, a.Country, a.Region, pop,
			a.Title, a.Tasks, a.Placement, a.Gender, false, t.ts(t.now)).Scan(&m.ID)
		if err != nil {
			return mapWriteError(err, cdoatlas.Errorf(cdoatlas.ECONFLICT, "the application has a seat already"), "", "")
		}
		if _, err := t.exec(ctx, "UPDATE offers SET state = ?, answered_at = ? WHERE application_id = ? AND state = ?",
			cdoatlas.OfferAccepted, t.ts(t.now), a.ID, cdoatlas.OfferOpen); err != nil {
			return mapError(err)
		}
		if err := decide(ctx, t, a.ID, cdoatlas.DecisionAdmit, cdoatlas.ApplicationAdmitted, userID, note); err != nil {
			return err
		}
		if err := t.audit(ctx, cdoatlas.AuditMembership, m.ID, cdoatlas.AuditCreate); err != nil {
			return err
		}
		return notifyApplicant(ctx, t, cdoatlas.MailAdmitted, a.ID, "", time.Time{})
	}()
	if err != nil {
		return nil, err
	}
	return m, nil
}

// AddMember enters a member directly, within the circle's capacity.
func (db *DB) AddMember(ctx context.Context, m *cdoatlas.Membership) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		if m.OrganizationID != nil {
			o, err := findOrganizationByID(ctx, t, *m.OrganizationID)
			if err != nil {
				return err
			}
			m.OrganizationName, m.Kind, m.Country, m.Region, m.Population = o.Name, o.Kind, o.Country, o.Region, o.Population
		}
		if err := seatFree(ctx, t, m.CircleID, 0); err != nil {
			return err
		}
		m.JoinedAt = t.now
		var orgID, pop any
		if m.OrganizationID != nil {
			orgID = *m.OrganizationID
		}
		if m.Population != nil {
			pop = *m.Population
		}
		err := t.queryRow(ctx, `INSERT INTO memberships (circle_id, person_name, email, organization_id, organization_name, kind,
			country, region, population, title, tasks, placement, gender, listed, joined_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			m.CircleID, m.PersonName, m.Email, orgID, m.OrganizationName, m.Kind, m.Country, m.Region, pop, m.Title, m.Tasks,
			m.Placement, m.Gender, m.Listed, t.ts(t.now)).Scan(&m.ID)
		if err != nil {
			return mapError(err)
		}
		if m.Listed {
			if err := recordConsent(ctx, t, m.Email, cdoatlas.ConsentDirectory, true, cdoatlas.WordingDirectory,
				"membership:"+strconv.FormatInt(m.ID, 10)); err != nil {
				return err
			}
		}
		return t.audit(ctx, cdoatlas.AuditMembership, m.ID, cdoatlas.AuditCreate)
	})
}

// seatFree locks the circle (PostgreSQL) and answers ECONFLICT when its
// capacity is taken by members and by the open offers of applications
// other than except.
func seatFree(ctx context.Context, t *tx, circleID, except int64) error {
	lock := ""
	if t.postgres() {
		lock = " FOR UPDATE"
	}
	var capacity int
	err := t.queryRow(ctx, "SELECT capacity FROM circles WHERE id = ?"+lock, circleID).Scan(&capacity)
	if noRows(err) {
		return cdoatlas.FieldErrors{"circle_id": "circle.unknown"}.Err()
	} else if err != nil {
		return mapError(err)
	}
	if capacity == 0 {
		return nil
	}
	var n, held int
	if err := t.queryRow(ctx, "SELECT COUNT(*) FROM memberships WHERE circle_id = ? AND left_at IS NULL", circleID).Scan(&n); err != nil {
		return mapError(err)
	}
	if err := t.queryRow(ctx, "SELECT COUNT(*) FROM offers WHERE circle_id = ? AND state = ? AND application_id <> ?",
		circleID, cdoatlas.OfferOpen, except).Scan(&held); err != nil {
		return mapError(err)
	}
	if n+held >= capacity {
		return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the circle is full (%d of %d seats taken, %d held by offers)", n, capacity, held)
	}
	return nil
}

// Decide records a decision on an application without a seat.
func (db *DB) Decide(ctx context.Context, applicationID int64, action string, userID int64, note string) error {
	status := map[string]string{cdoatlas.DecisionDecline: cdoatlas.ApplicationDeclined,
		cdoatlas.DecisionWaitlist: cdoatlas.ApplicationWaitlisted, cdoatlas.DecisionReview: cdoatlas.ApplicationReview}[action]
	if status == "" {
		return cdoatlas.FieldErrors{"action": "decision.invalid"}.Err()
	}
	return db.write(ctx, func(t *tx) error {
		a, err := findApplicationByID(ctx, t, applicationID)
		if err != nil {
			return err
		}
		if a.Status == cdoatlas.ApplicationAdmitted {
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the application has a seat")
		}
		if err := decide(ctx, t, a.ID, action, status, userID, note); err != nil {
			return err
		}
		if status == cdoatlas.ApplicationDeclined && a.Status != cdoatlas.ApplicationDeclined {
			return notifyApplicant(ctx, t, cdoatlas.MailDeclined, a.ID, "", time.Time{})
		}
		return nil
	})
}

func decide(ctx context.Context, t *tx, applicationID int64, action, status string, userID int64, note string) error {
	var by any
	if userID > 0 {
		by = userID
	}
	if _, err := t.exec(ctx, "UPDATE applications SET status = ? WHERE id = ?", status, applicationID); err != nil {
		return mapError(err)
	}
	_, err := t.exec(ctx, "INSERT INTO decisions (application_id, action, user_id, note, decided_at) VALUES (?, ?, ?, ?, ?)",
		applicationID, action, by, note, t.ts(t.now))
	return mapError(err)
}

// FindDecisions returns the decisions on an application, oldest first.
func (db *DB) FindDecisions(ctx context.Context, applicationID int64) ([]*cdoatlas.Decision, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Decision, error) {
		out := []*cdoatlas.Decision{}
		err := eachRow(ctx, t, `SELECT id, application_id, action, COALESCE(user_id, 0), note, decided_at FROM decisions
			WHERE application_id = ? ORDER BY id`, func(s scanner) error {
			var d cdoatlas.Decision
			err := s.Scan(&d.ID, &d.ApplicationID, &d.Action, &d.UserID, &d.Note, timeCol{&d.DecidedAt})
			out = append(out, &d)
			return err
		}, applicationID)
		return out, err
	})
}

// FindMemberships returns the members of a circle by name.
func (db *DB) FindMemberships(ctx context.Context, circleID int64, all bool) ([]*cdoatlas.Membership, error) {
	q := "circle_id = ?"
	if !all {
		q += " AND left_at IS NULL"
	}
	return db.findMemberships(ctx, q, circleID)
}

// FindMembershipsByEmail returns a person's current memberships.
func (db *DB) FindMembershipsByEmail(ctx context.Context, email string) ([]*cdoatlas.Membership, error) {
	return db.findMemberships(ctx, "email = ? AND left_at IS NULL", strings.ToLower(strings.TrimSpace(email)))
}

// SetListed records a member's choice about the directory.
func (db *DB) SetListed(ctx context.Context, membershipID int64, listed bool) error {
	return db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, "UPDATE memberships SET listed = ? WHERE id = ?", listed, membershipID)
		if err := affectedOne(res, err, "membership"); err != nil {
			return err
		}
		var email string
		if err := t.queryRow(ctx, "SELECT email FROM memberships WHERE id = ?", membershipID).Scan(&email); err != nil {
			return mapError(err)
		}
		if err := recordConsent(ctx, t, email, cdoatlas.ConsentDirectory, listed, cdoatlas.WordingDirectory,
			"membership:"+strconv.FormatInt(membershipID, 10)); err != nil {
			return err
		}
		return t.audit(ctx, cdoatlas.AuditMembership, membershipID, cdoatlas.AuditUpdate, "listed")
	})
}

// Leave ends a membership.
func (db *DB) Leave(ctx context.Context, membershipID int64, reason string) error {
	reason = strings.TrimSpace(reason)
	fe := cdoatlas.FieldErrors{}
	if len([]rune(reason)) > 2000 {
		fe.Add("leave_reason", cdoatlas.TooLong(2000))
	}
	fe.CheckText("leave_reason", reason)
	if err := fe.Err(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		var left any
		err := t.queryRow(ctx, "SELECT left_at FROM memberships WHERE id = ?", membershipID).Scan(&left)
		switch {
		case noRows(err):
			return notFound("membership")
		case err != nil:
			return mapError(err)
		case left != nil:
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the membership ended before")
		}
		if _, err = t.exec(ctx, "UPDATE memberships SET left_at = ?, leave_reason = ? WHERE id = ?", t.ts(t.now), reason, membershipID); err != nil {
			return mapError(err)
		}
		return t.audit(ctx, cdoatlas.AuditMembership, membershipID, cdoatlas.AuditUpdate, "left_at", "leave_reason")
	})
}

// affectedOne maps an update of no row to ENOTFOUND.
func affectedOne(res sql.Result, err error, what string) error {
	if err != nil {
		return mapError(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return mapError(err)
	} else if n == 0 {
		return notFound(what)
	}
	return nil
}

func (db *DB) findMemberships(ctx context.Context, cond string, args ...any) ([]*cdoatlas.Membership, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Membership, error) {
		q := `SELECT id, circle_id, application_id, person_name, email, organization_id, organization_name, kind, country,
			region, population, title, tasks, placement, gender, listed, joined_at, left_at, leave_reason
			FROM memberships WHERE ` + cond
		out := []*cdoatlas.Membership{}
		err := eachRow(ctx, t, q+" ORDER BY person_name, id", func(s scanner) error {
			var m cdoatlas.Membership
			var leftAt any
			if err := s.Scan(&m.ID, &m.CircleID, &m.ApplicationID, &m.PersonName, &m.Email, &m.OrganizationID,
				&m.OrganizationName, &m.Kind, &m.Country, &m.Region, &m.Population, &m.Title, &m.Tasks, &m.Placement,
				&m.Gender, &m.Listed, timeCol{&m.JoinedAt}, &leftAt, &m.LeaveReason); err != nil {
				return err
			}
			if leftAt != nil {
				var left time.Time
				if err := (timeCol{&left}).Scan(leftAt); err != nil {
					return err
				}
				m.LeftAt = &left
			}
			out = append(out, &m)
			return nil
		}, args...)
		return out, err
	})
}
