package sqldb

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

// The rights of data subjects: a link by e-mail to what is stored under
// an address, its download, correction and erasure, and consents.

var errBadDataLink = cdoatlas.Errorf(cdoatlas.ENOTFOUND, "the link is unknown or expired")

// recordConsent writes a consent given or withdrawn in the transaction of
// the change it belongs to.
func recordConsent(ctx context.Context, t *tx, subject, purpose string, given bool, wording, source string) error {
	if subject == "" {
		return nil
	}
	if _, err := t.exec(ctx, "INSERT INTO consents (subject, purpose, given, wording, source, at) VALUES (?, ?, ?, ?, ?, ?)",
		subject, purpose, given, wording, source, t.ts(t.now)); err != nil {
		return mapError(err)
	}
	return nil
}

// subjectStored reports whether anything is stored under the address.
func subjectStored(ctx context.Context, t *tx, email string) (bool, error) {
	var n int
	err := t.queryRow(ctx, "SELECT (SELECT COUNT(*) FROM applications WHERE email = ?) + (SELECT COUNT(*) FROM memberships WHERE email = ?)",
		email, email).Scan(&n)
	return n > 0, mapError(err)
}

func normEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// RequestDataLink makes a link for the address and queues its mail when
// anything is stored under it. EINTERNAL without Letters.
func (db *DB) RequestDataLink(ctx context.Context, email, lang string) error {
	if db.Letters == nil {
		return cdoatlas.Internal(errors.New("data link: no letters to write its mail with"))
	}
	email = normEmail(email)
	return db.write(ctx, func(t *tx) error {
		if _, err := t.exec(ctx, "DELETE FROM data_links WHERE expires_at <= ?", t.ts(t.now)); err != nil {
			return mapError(err)
		}
		if ok, err := subjectStored(ctx, t, email); err != nil || !ok {
			return err
		}
		token := cdoatlas.NewToken()
		expires := t.now.Add(cdoatlas.DataLinkLifetime)
		if _, err := t.exec(ctx, "INSERT INTO data_links (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)",
			cdoatlas.HashToken(token), email, t.ts(t.now), t.ts(expires)); err != nil {
			return mapError(err)
		}
		m := db.Letters.DataLinkMail(email, lang, token, expires)
		m.Kind, m.ExpiresAt = cdoatlas.MailDataLink, expires
		return queueMail(ctx, t, m)
	})
}

// DataLinkSubject returns the address of a live link, or ENOTFOUND.
func (db *DB) DataLinkSubject(ctx context.Context, token string) (string, error) {
	if token == "" {
		return "", errBadDataLink
	}
	return read(ctx, db, func(t *tx) (string, error) {
		var email string
		err := t.queryRow(ctx, "SELECT email FROM data_links WHERE token_hash = ? AND expires_at > ?", cdoatlas.HashToken(token), t.ts(t.now)).Scan(&email)
		if noRows(err) {
			return "", errBadDataLink
		}
		return email, mapError(err)
	})
}

// FindSubjectData returns what is stored under the address: every
// application, membership (also ended ones) and consent record.
func (db *DB) FindSubjectData(ctx context.Context, email string) (*cdoatlas.SubjectData, error) {
	email = normEmail(email)
	if email == "" {
		return nil, errBadDataLink
	}
	d := &cdoatlas.SubjectData{Email: email, Applications: []*cdoatlas.Application{}, Consents: []*cdoatlas.Consent{},
		Meetings: []*cdoatlas.SubjectMeeting{}, Breakouts: []*cdoatlas.SubjectBreakout{}}
	var err error
	if d.Memberships, err = db.findMemberships(ctx, "email = ?", email); err != nil {
		return nil, err
	}
	_, err = read(ctx, db, func(t *tx) (struct{}, error) {
		err := eachRow(ctx, t, "SELECT "+applicationColumns+" FROM applications WHERE email = ? ORDER BY id", func(s scanner) error {
			a, err := scanApplication(s)
			if err == nil {
				d.Applications = append(d.Applications, a)
			}
			return err
		}, email)
		if err != nil {
			return struct{}{}, err
		}
		err = eachRow(ctx, t, "SELECT id, subject, purpose, given, wording, source, at FROM consents WHERE subject = ? ORDER BY id", func(s scanner) error {
			var c cdoatlas.Consent
			if err := s.Scan(&c.ID, &c.Subject, &c.Purpose, &c.Given, &c.Wording, &c.Source, timeCol{&c.At}); err != nil {
				return err
			}
			d.Consents = append(d.Consents, &c)
			return nil
		}, email)
		if err != nil {
			return struct{}{}, err
		}
		if err := subjectMeetings(ctx, t, d); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, subjectBreakouts(ctx, t, d)
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// CorrectSubject corrects name, organization and title in the
// applications and memberships of the address.
func (db *DB) CorrectSubject(ctx context.Context, email string, c cdoatlas.SubjectCorrection) error {
	email = normEmail(email)
	if email == "" {
		return errBadDataLink
	}
	fe := cdoatlas.FieldErrors{}
	for _, f := range []struct {
		name string
		v    *string
		max  int
	}{{"person_name", &c.PersonName, 200}, {"organization_name", &c.OrganizationName, 300}, {"title", &c.Title, 300}} {
		*f.v = strings.TrimSpace(*f.v)
		if utf8.RuneCountInString(*f.v) > f.max {
			fe.Add(f.name, cdoatlas.TooLong(f.max))
		}
		fe.CheckLine(f.name, *f.v)
	}
	if err := fe.Err(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		for _, table := range []string{"applications", "memberships"} {
			entity := cdoatlas.AuditApplication
			if table == "memberships" {
				entity = cdoatlas.AuditMembership
			}
			ids, err := idsWhere(ctx, t, "SELECT id FROM "+table+" WHERE email = ?", email)
			if err != nil {
				return err
			}
			for _, id := range ids {
				var changed []string
				for _, f := range []struct{ col, v string }{{"person_name", c.PersonName}, {"organization_name", c.OrganizationName}, {"title", c.Title}} {
					if f.v == "" {
						continue
					}
					res, err := t.exec(ctx, "UPDATE "+table+" SET "+f.col+" = ? WHERE id = ? AND "+f.col+" <> ?", f.v, id, f.v)
					if err != nil {
						return mapError(err)
					}
					if n, _ := res.RowsAffected(); n > 0 {
						changed = append(changed, f.col)
					}
				}
				if len(changed) > 0 {
					if err := t.audit(ctx, entity, id, cdoatlas.AuditUpdate, changed...); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

// WithdrawConsent records a withdrawal and acts on it at once.
func (db *DB) WithdrawConsent(ctx context.Context, email, purpose string) error {
	email = normEmail(email)
	if email == "" {
		return errBadDataLink
	}
	wording := map[string]string{cdoatlas.ConsentApplication: cdoatlas.WordingApplication,
		cdoatlas.ConsentDirectory: cdoatlas.WordingDirectory, cdoatlas.ConsentEmail: cdoatlas.WordingEmail}[purpose]
	if wording == "" {
		return cdoatlas.FieldErrors{"purpose": "invalid"}.Err()
	}
	return db.write(ctx, func(t *tx) error {
		switch purpose {
		case cdoatlas.ConsentDirectory:
			ids, err := idsWhere(ctx, t, "SELECT id FROM memberships WHERE email = ? AND listed = ?", email, true)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if _, err := t.exec(ctx, "UPDATE memberships SET listed = ? WHERE id = ?", false, id); err != nil {
					return mapError(err)
				}
				if err := t.audit(ctx, cdoatlas.AuditMembership, id, cdoatlas.AuditUpdate, "listed"); err != nil {
					return err
				}
			}
		case cdoatlas.ConsentApplication:
			// Open applications are withdrawn; a seat taken is a
			// membership, which its holder leaves on /members.
			ids, err := idsWhere(ctx, t, "SELECT id FROM applications WHERE email = ? AND status IN (?, ?, ?)",
				email, cdoatlas.ApplicationReceived, cdoatlas.ApplicationReview, cdoatlas.ApplicationWaitlisted)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if _, err := t.exec(ctx, "UPDATE applications SET status = ? WHERE id = ?", cdoatlas.ApplicationWithdrawn, id); err != nil {
					return mapError(err)
				}
				if _, err := t.exec(ctx, "INSERT INTO decisions (application_id, action, note, decided_at) VALUES (?, ?, ?, ?)",
					id, "withdraw", "consent withdrawn", t.ts(t.now)); err != nil {
					return mapError(err)
				}
				if err := t.audit(ctx, cdoatlas.AuditApplication, id, cdoatlas.AuditUpdate, "status"); err != nil {
					return err
				}
			}
		}
		return recordConsent(ctx, t, email, purpose, false, wording, "self-service")
	})
}

// erased is what an erased name or address becomes.
const erased = "(gelöscht)"

// EraseSubject anonymises what is stored under the address.
func (db *DB) EraseSubject(ctx context.Context, email string) (int, error) {
	email = normEmail(email)
	if email == "" {
		return 0, errBadDataLink
	}
	n := 0
	err := db.write(ctx, func(t *tx) error {
		apps, err := idsWhere(ctx, t, "SELECT id FROM applications WHERE email = ?", email)
		if err != nil {
			return err
		}
		for _, id := range apps {
			if _, err := t.exec(ctx, `UPDATE applications SET person_name = ?, email = ?, organization_id = NULL, organization_name = '',
				title = '', tasks = '', placement = '', mandate = '', gender = 'unknown', explanations = '' WHERE id = ?`,
				erased, cdoatlas.ErasedAddress("application", id), id); err != nil {
				return mapError(err)
			}
			if _, err := t.exec(ctx, "UPDATE decisions SET note = '' WHERE application_id = ?", id); err != nil {
				return mapError(err)
			}
			if _, err := t.exec(ctx, "DELETE FROM application_links WHERE application_id = ?", id); err != nil {
				return mapError(err)
			}
			if err := t.audit(ctx, cdoatlas.AuditApplication, id, cdoatlas.AuditErase); err != nil {
				return err
			}
		}
		// An ended membership attends no meeting to come; the attendance
		// of past ones stays, under the anonymised membership.
		if _, err := t.exec(ctx, `DELETE FROM meeting_replies WHERE member_id IN (SELECT id FROM memberships WHERE email = ?)
			AND meeting_id IN (SELECT id FROM meetings WHERE starts_at > ?)`, email, t.ts(t.now)); err != nil {
			return mapError(err)
		}
		members, err := idsWhere(ctx, t, "SELECT id FROM memberships WHERE email = ?", email)
		if err != nil {
			return err
		}
		for _, id := range members {
			if _, err := t.exec(ctx, `UPDATE memberships SET person_name = ?, email = ?, organization_id = NULL, organization_name = '',
				title = '', tasks = '', placement = '', gender = 'unknown', listed = ?, leave_reason = '',
				left_at = COALESCE(left_at, ?) WHERE id = ?`,
				erased, cdoatlas.ErasedAddress("membership", id), false, t.ts(t.now), id); err != nil {
				return mapError(err)
			}
			if err := t.audit(ctx, cdoatlas.AuditMembership, id, cdoatlas.AuditErase); err != nil {
				return err
			}
		}
		for _, q := range []string{"DELETE FROM consents WHERE subject = ?", "DELETE FROM data_links WHERE email = ?", "DELETE FROM outbox WHERE recipient = ?"} {
			if _, err := t.exec(ctx, q, email); err != nil {
				return mapError(err)
			}
		}
		n = len(apps) + len(members)
		return nil
	})
	return n, err
}

// idsWhere returns the ids a query selects.
func idsWhere(ctx context.Context, t *tx, q string, args ...any) ([]int64, error) {
	var ids []int64
	err := eachRow(ctx, t, q, func(s scanner) error {
		var id int64
		if err := s.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	}, args...)
	return ids, err
}

// subjectMeetings adds the answers and attendance of d's memberships.
func subjectMeetings(ctx context.Context, t *tx, d *cdoatlas.SubjectData) error {
	return eachRow(ctx, t, `SELECT m.id, r.member_id, m.title, m.starts_at, r.answer, r.attended
		FROM meeting_replies r JOIN meetings m ON m.id = r.meeting_id JOIN memberships ms ON ms.id = r.member_id
		WHERE ms.email = ? ORDER BY m.starts_at DESC, m.id DESC`, func(s scanner) error {
		var sm cdoatlas.SubjectMeeting
		var attended string
		if err := s.Scan(&sm.MeetingID, &sm.MembershipID, &sm.Title, timeCol{&sm.StartsAt}, &sm.Answer, &attended); err != nil {
			return err
		}
		if attended != "" {
			a := attended == "yes"
			sm.Attended = &a
		}
		d.Meetings = append(d.Meetings, &sm)
		return nil
	}, d.Email)
}

// subjectBreakouts adds the seats of d's memberships in the plans of
// their networks.
func subjectBreakouts(ctx context.Context, t *tx, d *cdoatlas.SubjectData) error {
	if len(d.Memberships) == 0 {
		return nil
	}
	var plans []*cdoatlas.BreakoutPlan
	err := eachRow(ctx, t, `SELECT `+breakoutColumns+` FROM breakout_plans WHERE network_id IN
		(SELECT c.network_id FROM circles c JOIN memberships ms ON ms.circle_id = c.id WHERE ms.email = ?) ORDER BY id DESC`, func(s scanner) error {
		p, err := scanBreakoutPlan(s)
		if err == nil {
			plans = append(plans, p)
		}
		return err
	}, d.Email)
	if err != nil {
		return err
	}
	for _, p := range plans {
		for _, m := range d.Memberships {
			if seats := p.SeatsOf(m.ID); seats != nil {
				d.Breakouts = append(d.Breakouts, &cdoatlas.SubjectBreakout{PlanID: p.ID, MembershipID: m.ID, MeetingID: p.MeetingID,
					Title: p.Title, HeldOn: p.HeldOn, Seats: seats})
			}
		}
	}
	return nil
}
