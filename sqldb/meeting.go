package sqldb

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Meetings, the invitees' answers and attendance, and calendar feeds. The
// rules (who answers when, what may change after the start) are the
// domain's (meeting.go); this file reads and writes.

const meetingColumns = "id, network_id, circle_id, title, starts_at, ends_at, mode, address, url, agenda, created_at"

func scanMeeting(s scanner) (*cdoatlas.Meeting, error) {
	var m cdoatlas.Meeting
	var agenda string
	if err := s.Scan(&m.ID, &m.NetworkID, &m.CircleID, &m.Title, timeCol{&m.StartsAt}, timeCol{&m.EndsAt}, &m.Mode,
		&m.Address, &m.URL, &agenda, timeCol{&m.CreatedAt}); err != nil {
		return nil, err
	}
	m.Agenda = []string{}
	if err := json.Unmarshal([]byte(agenda), &m.Agenda); err != nil {
		return nil, cdoatlas.Internal(err)
	}
	return &m, nil
}

func agendaJSON(items []string) string {
	if items == nil {
		items = []string{}
	}
	b, _ := json.Marshal(items)
	return string(b)
}

// CreateMeeting validates and stores a meeting of the circle's network.
func (db *DB) CreateMeeting(ctx context.Context, m *cdoatlas.Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		err := t.queryRow(ctx, "SELECT network_id FROM circles WHERE id = ?", m.CircleID).Scan(&m.NetworkID)
		if noRows(err) {
			return cdoatlas.FieldErrors{"circle_id": "circle.unknown"}.Err()
		} else if err != nil {
			return mapError(err)
		}
		err = t.queryRow(ctx, `INSERT INTO meetings (network_id, circle_id, title, starts_at, ends_at, mode, address, url, agenda, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, m.NetworkID, m.CircleID, m.Title, t.ts(m.StartsAt), t.ts(m.EndsAt),
			m.Mode, m.Address, m.URL, agendaJSON(m.Agenda), t.ts(t.now)).Scan(&m.ID)
		if err != nil {
			return mapError(err)
		}
		m.CreatedAt = t.now
		return t.audit(ctx, cdoatlas.AuditMeeting, m.ID, cdoatlas.AuditCreate, "title", "starts_at", "ends_at", "mode", "address", "url", "agenda")
	})
}

func findMeeting(ctx context.Context, t *tx, id int64) (*cdoatlas.Meeting, error) {
	m, err := scanMeeting(t.queryRow(ctx, "SELECT "+meetingColumns+" FROM meetings WHERE id = ?", id))
	if noRows(err) {
		return nil, notFound("meeting")
	}
	return m, mapError(err)
}

// FindMeetingByID returns a meeting.
func (db *DB) FindMeetingByID(ctx context.Context, id int64) (*cdoatlas.Meeting, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Meeting, error) { return findMeeting(ctx, t, id) })
}

func findMeetings(ctx context.Context, t *tx, where string, args ...any) ([]*cdoatlas.Meeting, error) {
	out := []*cdoatlas.Meeting{}
	err := eachRow(ctx, t, "SELECT "+meetingColumns+" FROM meetings WHERE "+where+" ORDER BY starts_at DESC, id DESC", func(s scanner) error {
		m, err := scanMeeting(s)
		if err == nil {
			out = append(out, m)
		}
		return err
	}, args...)
	return out, err
}

// FindMeetings returns a network's meetings, the latest start first.
func (db *DB) FindMeetings(ctx context.Context, networkID int64) ([]*cdoatlas.Meeting, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Meeting, error) { return findMeetings(ctx, t, "network_id = ?", networkID) })
}

// UpdateMeeting changes a meeting under cdoatlas.Meeting.CheckChange.
func (db *DB) UpdateMeeting(ctx context.Context, m *cdoatlas.Meeting) error {
	return db.write(ctx, func(t *tx) error {
		old, err := findMeeting(ctx, t, m.ID)
		if err != nil {
			return err
		}
		if err := old.CheckChange(m, t.now); err != nil {
			return err
		}
		m.CreatedAt = old.CreatedAt
		if _, err := t.exec(ctx, "UPDATE meetings SET title = ?, starts_at = ?, ends_at = ?, mode = ?, address = ?, url = ?, agenda = ? WHERE id = ?",
			m.Title, t.ts(m.StartsAt), t.ts(m.EndsAt), m.Mode, m.Address, m.URL, agendaJSON(m.Agenda), m.ID); err != nil {
			return mapError(err)
		}
		return t.audit(ctx, cdoatlas.AuditMeeting, m.ID, cdoatlas.AuditUpdate, "title", "starts_at", "ends_at", "mode", "address", "url", "agenda")
	})
}

// SetAnswer records or changes a member's answer, as an upsert.
func (db *DB) SetAnswer(ctx context.Context, meetingID, memberID int64, answer string) error {
	return db.write(ctx, func(t *tx) error {
		m, err := findMeeting(ctx, t, meetingID)
		if err != nil {
			return err
		}
		var circle int64
		err = t.queryRow(ctx, "SELECT circle_id FROM memberships WHERE id = ? AND left_at IS NULL", memberID).Scan(&circle)
		if noRows(err) || err == nil && circle != m.CircleID {
			return cdoatlas.Errorf(cdoatlas.EFORBIDDEN, "meetings.not_invited")
		} else if err != nil {
			return mapError(err)
		}
		if err := m.CheckAnswer(answer, t.now); err != nil {
			return err
		}
		_, err = t.exec(ctx, `INSERT INTO meeting_replies (meeting_id, member_id, answer) VALUES (?, ?, ?)
			ON CONFLICT (meeting_id, member_id) DO UPDATE SET answer = excluded.answer`, meetingID, memberID, answer)
		return mapError(err)
	})
}

// FindReplies returns the invitees with their answers and attendance.
func (db *DB) FindReplies(ctx context.Context, meetingID int64) ([]*cdoatlas.MeetingReply, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.MeetingReply, error) {
		m, err := findMeeting(ctx, t, meetingID)
		if err != nil {
			return nil, err
		}
		out := []*cdoatlas.MeetingReply{}
		err = eachRow(ctx, t, `SELECT ms.id, ms.person_name, COALESCE(r.answer, ''), COALESCE(r.attended, '')
			FROM memberships ms LEFT JOIN meeting_replies r ON r.member_id = ms.id AND r.meeting_id = ?
			WHERE (ms.circle_id = ? AND ms.left_at IS NULL) OR r.meeting_id IS NOT NULL
			ORDER BY ms.person_name, ms.id`, func(s scanner) error {
			var rp cdoatlas.MeetingReply
			var attended string
			if err := s.Scan(&rp.MemberID, &rp.Name, &rp.Answer, &attended); err != nil {
				return err
			}
			if attended != "" {
				a := attended == "yes"
				rp.Attended = &a
			}
			out = append(out, &rp)
			return nil
		}, m.ID, m.CircleID)
		return out, err
	})
}

// RecordAttendance records attendance of invitees once the meeting started.
func (db *DB) RecordAttendance(ctx context.Context, meetingID int64, attended map[int64]bool) error {
	return db.write(ctx, func(t *tx) error {
		m, err := findMeeting(ctx, t, meetingID)
		if err != nil {
			return err
		}
		if err := m.CheckAttendance(t.now); err != nil {
			return err
		}
		for id, yes := range attended {
			var n int
			if err := t.queryRow(ctx, `SELECT COUNT(*) FROM memberships ms WHERE ms.id = ? AND (ms.circle_id = ? OR EXISTS
				(SELECT 1 FROM meeting_replies r WHERE r.meeting_id = ? AND r.member_id = ms.id))`, id, m.CircleID, m.ID).Scan(&n); err != nil {
				return mapError(err)
			}
			if n == 0 {
				return cdoatlas.FieldErrors{"attended": "meetings.not_invitee"}.Err()
			}
			v := "no"
			if yes {
				v = "yes"
			}
			if _, err := t.exec(ctx, `INSERT INTO meeting_replies (meeting_id, member_id, attended) VALUES (?, ?, ?)
				ON CONFLICT (meeting_id, member_id) DO UPDATE SET attended = excluded.attended`, m.ID, id, v); err != nil {
				return mapError(err)
			}
		}
		return t.audit(ctx, cdoatlas.AuditMeeting, m.ID, cdoatlas.AuditUpdate, "attendance")
	})
}

// CreateCalendarFeed makes a new feed token for the account; only its
// hash is kept, and it replaces the account's earlier one.
func (db *DB) CreateCalendarFeed(ctx context.Context, userID int64) (string, error) {
	token := cdoatlas.NewToken()
	err := db.write(ctx, func(t *tx) error {
		_, err := t.exec(ctx, `INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)
			ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
			userID, cdoatlas.HashToken(token), t.ts(t.now))
		return mapWriteError(err, nil, "user_id", "user.unknown")
	})
	if err != nil {
		return "", err
	}
	return token, nil
}

// RevokeCalendarFeed ends the account's feed token.
func (db *DB) RevokeCalendarFeed(ctx context.Context, userID int64) error {
	return db.write(ctx, func(t *tx) error {
		_, err := t.exec(ctx, "DELETE FROM calendar_feeds WHERE user_id = ?", userID)
		return mapError(err)
	})
}

// HasCalendarFeed reports whether the account has a feed token.
func (db *DB) HasCalendarFeed(ctx context.Context, userID int64) (bool, error) {
	return read(ctx, db, func(t *tx) (bool, error) {
		var n int
		err := t.queryRow(ctx, "SELECT COUNT(*) FROM calendar_feeds WHERE user_id = ?", userID).Scan(&n)
		return n > 0, mapError(err)
	})
}

// FindFeedMeetings returns the meetings of the circles of the token's
// account.
func (db *DB) FindFeedMeetings(ctx context.Context, token string) ([]*cdoatlas.Meeting, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Meeting, error) {
		var email string
		err := t.queryRow(ctx, "SELECT u.email FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = ?",
			cdoatlas.HashToken(token)).Scan(&email)
		if noRows(err) || err == nil && email == "" {
			return nil, notFound("calendar feed")
		} else if err != nil {
			return nil, mapError(err)
		}
		return findMeetings(ctx, t, "circle_id IN (SELECT circle_id FROM memberships WHERE email = ? AND left_at IS NULL)",
			strings.ToLower(strings.TrimSpace(email)))
	})
}
