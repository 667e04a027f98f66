package cdoatlas

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Meeting is a meeting of a network to which one circle is invited: in
// person at an address, or virtual under a link. StartsAt and EndsAt are
// UTC; the pages read and show them in Europe/Berlin.
type Meeting struct {
	ID        int64     `json:"id"`
	NetworkID int64     `json:"network_id"`
	CircleID  int64     `json:"circle_id"`
	Title     string    `json:"title"`
	StartsAt  time.Time `json:"starts_at"`
	EndsAt    time.Time `json:"ends_at"`
	Mode      string    `json:"mode"` // one of MeetingModes
	Address   string    `json:"address"`
	URL       string    `json:"url"`
	Agenda    []string  `json:"agenda"` // the items in order
	CreatedAt time.Time `json:"created_at"`
}

// Meeting modes.
const (
	MeetingInPerson = "in_person"
	MeetingVirtual  = "virtual"
)

// MeetingModes lists the modes of a meeting.
var MeetingModes = []string{MeetingInPerson, MeetingVirtual}

// MaxAgendaItems is the most items an agenda may have.
const MaxAgendaItems = 30

// Validate trims m and checks it: EINVALID with a key per field.
func (m *Meeting) Validate() error {
	m.Title = strings.TrimSpace(m.Title)
	m.Address = strings.TrimSpace(m.Address)
	m.URL = strings.TrimSpace(m.URL)
	fe := FieldErrors{}
	switch {
	case m.Title == "":
		fe.Add("title", "required")
	case utf8.RuneCountInString(m.Title) > 200:
		fe.Add("title", TooLong(200))
	}
	fe.CheckLine("title", m.Title)
	if m.CircleID <= 0 {
		fe.Add("circle_id", "required")
	}
	if m.StartsAt.IsZero() {
		fe.Add("starts_at", "meetings.time_invalid")
	}
	if m.EndsAt.IsZero() {
		fe.Add("ends_at", "meetings.time_invalid")
	} else if !m.EndsAt.After(m.StartsAt) {
		fe.Add("ends_at", "meetings.ends_before_starts")
	}
	switch m.Mode {
	case MeetingInPerson:
		m.URL = ""
		switch {
		case m.Address == "":
			fe.Add("address", "required")
		case utf8.RuneCountInString(m.Address) > 300:
			fe.Add("address", TooLong(300))
		}
		fe.CheckLine("address", m.Address)
	case MeetingVirtual:
		m.Address = ""
		if !validHTTPS(m.URL) {
			fe.Add("url", "meetings.url_https")
		}
	default:
		fe.Add("mode", "meetings.mode_invalid")
	}
	items := make([]string, 0, len(m.Agenda))
	for _, it := range m.Agenda {
		if it = strings.TrimSpace(it); it == "" {
			continue
		}
		if utf8.RuneCountInString(it) > 300 {
			fe.Add("agenda", "meetings.agenda_item_long")
		}
		fe.CheckLine("agenda", it)
		items = append(items, it)
	}
	m.Agenda = items
	if len(m.Agenda) > MaxAgendaItems {
		fe.Add("agenda", "meetings.agenda_long")
	}
	return fe.Err()
}

// validHTTPS reports whether s is an https link without spaces or markup.
func validHTTPS(s string) bool {
	return strings.HasPrefix(s, "https://") && len(s) > len("https://") && len(s) <= 2000 && !strings.ContainsAny(s, " \t\r\n<>\"")
}

// Started reports whether the meeting began at now: answers are closed,
// attendance can be recorded, and only attendance may still change.
func (m *Meeting) Started(now time.Time) bool { return !now.Before(m.StartsAt) }

// CheckChange checks a change of old into m: a meeting that started keeps
// its title, time, place and agenda; the circle never changes. ECONFLICT,
// EINVALID.
func (old *Meeting) CheckChange(m *Meeting, now time.Time) error {
	if old.Started(now) {
		return Errorf(ECONFLICT, "meetings.started")
	}
	m.CircleID, m.NetworkID = old.CircleID, old.NetworkID
	return m.Validate()
}

// Answers to an invitation.
const (
	AnswerYes   = "yes"
	AnswerNo    = "no"
	AnswerMaybe = "maybe"
)

// MeetingAnswers lists the answers a member can give.
var MeetingAnswers = []string{AnswerYes, AnswerNo, AnswerMaybe}

// CheckAnswer checks an answer given at now: one of MeetingAnswers, only
// before the start. EINVALID, ECONFLICT.
func (m *Meeting) CheckAnswer(answer string, now time.Time) error {
	if !slices.Contains(MeetingAnswers, answer) {
		return FieldErrors{"answer": "meetings.answer_invalid"}.Err()
	}
	if m.Started(now) {
		return Errorf(ECONFLICT, "meetings.answers_closed")
	}
	return nil
}

// CheckAttendance checks that attendance can be recorded at now: once the
// meeting started. ECONFLICT.
func (m *Meeting) CheckAttendance(now time.Time) error {
	if !m.Started(now) {
		return Errorf(ECONFLICT, "meetings.not_started")
	}
	return nil
}

// Invitee returns the membership with which someone of memberships is
// invited to m: a current seat in the meeting's circle.
func (m *Meeting) Invitee(memberships []*Membership) (*Membership, bool) {
	return SeatIn(memberships, m.CircleID)
}

// AgendaFromTopics returns the agenda with the titles of the first n of
// ranked (topic IDs, the winners first, as vote.TopicResult gives them)
// appended: topics of the network that are not merged, each once, and no
// item twice.
func AgendaFromTopics(agenda []string, topics []*Topic, ranked []int64, n int) []string {
	out := slices.Clone(agenda)
	has := func(s string) bool {
		return slices.ContainsFunc(out, func(it string) bool { return strings.EqualFold(strings.TrimSpace(it), s) })
	}
	taken := 0
	for _, id := range ranked {
		if taken >= n {
			break
		}
		i := slices.IndexFunc(topics, func(t *Topic) bool { return t.ID == id })
		if i < 0 || topics[i].MergedInto != nil {
			continue
		}
		taken++
		if !has(topics[i].Title) {
			out = append(out, topics[i].Title)
		}
	}
	return out
}

// MeetingReply is an invitee of a meeting with their answer ("" when they
// did not answer) and attendance (nil while not recorded).
type MeetingReply struct {
	MemberID int64  `json:"member_id"`
	Name     string `json:"name"`
	Answer   string `json:"answer"`
	Attended *bool  `json:"attended"`
}

// Audited meeting entities.
const AuditMeeting = "meeting"

// MeetingService stores meetings, answers, attendance and calendar feeds.
type MeetingService interface {
	// CreateMeeting validates and stores a meeting; the circle decides
	// its network. EINVALID.
	CreateMeeting(ctx context.Context, m *Meeting) error
	// UpdateMeeting changes a meeting under CheckChange. ENOTFOUND,
	// ECONFLICT, EINVALID.
	UpdateMeeting(ctx context.Context, m *Meeting) error
	// FindMeetingByID returns a meeting. ENOTFOUND.
	FindMeetingByID(ctx context.Context, id int64) (*Meeting, error)
	// FindMeetings returns a network's meetings, the latest start first.
	FindMeetings(ctx context.Context, networkID int64) ([]*Meeting, error)
	// SetAnswer records or changes the answer of the member (a
	// membership ID): a current member of the meeting's circle, before
	// the start. ENOTFOUND, EFORBIDDEN, ECONFLICT, EINVALID.
	SetAnswer(ctx context.Context, meetingID, memberID int64, answer string) error
	// FindReplies returns the invitees (current members of the circle,
	// and anyone who answered or was recorded) with their answers and
	// attendance, by name.
	FindReplies(ctx context.Context, meetingID int64) ([]*MeetingReply, error)
	// RecordAttendance records attendance of invitees (membership ID →
	// attended) once the meeting started; other IDs are refused.
	// ENOTFOUND, ECONFLICT, EINVALID.
	RecordAttendance(ctx context.Context, meetingID int64, attended map[int64]bool) error

	// CreateCalendarFeed makes a new feed token for the account and
	// returns it; an earlier token of the account stops working.
	CreateCalendarFeed(ctx context.Context, userID int64) (string, error)
	// RevokeCalendarFeed ends the account's feed token.
	RevokeCalendarFeed(ctx context.Context, userID int64) error
	// HasCalendarFeed reports whether the account has a feed token.
	HasCalendarFeed(ctx context.Context, userID int64) (bool, error)
	// FindFeedMeetings returns the meetings of the circles in which the
	// token's account holds a current seat (by its e-mail address), the
	// latest start first. ENOTFOUND for an unknown or revoked token.
	FindFeedMeetings(ctx context.Context, token string) ([]*Meeting, error)
}
