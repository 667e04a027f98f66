package cdoatlas_test

import (
	"slices"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

func validMeeting() *cdoatlas.Meeting {
	start := time.Date(2027, 3, 5, 13, 0, 0, 0, time.UTC)
	return &cdoatlas.Meeting{CircleID: 1, Title: " Netzwerktreffen ", StartsAt: start, EndsAt: start.Add(2 * time.Hour),
		Mode: cdoatlas.MeetingVirtual, URL: "https://meet.example.org/cdo", Agenda: []string{" Begrüßung ", "", "KI"}}
}

func TestMeetingValidate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		m := validMeeting()
		if err := m.Validate(); err != nil {
			t.Fatal(err)
		}
		if m.Title != "Netzwerktreffen" || !slices.Equal(m.Agenda, []string{"Begrüßung", "KI"}) {
			t.Errorf("trimmed to %q, %q", m.Title, m.Agenda)
		}
	})
	for _, tc := range []struct {
		name, field, key string
		change           func(m *cdoatlas.Meeting)
	}{
		{"ErrTitleRequired", "title", "required", func(m *cdoatlas.Meeting) { m.Title = " " }},
		{"ErrEndsBeforeStarts", "ends_at", "meetings.ends_before_starts", func(m *cdoatlas.Meeting) { m.EndsAt = m.StartsAt }},
		{"ErrHTTPLink", "url", "meetings.url_https", func(m *cdoatlas.Meeting) { m.URL = "http://meet.example.org/cdo" }},
		{"ErrScriptLink", "url", "meetings.url_https", func(m *cdoatlas.Meeting) { m.URL = "javascript:alert(1)" }},
		{"ErrAddressRequired", "address", "required", func(m *cdoatlas.Meeting) { m.Mode = cdoatlas.MeetingInPerson }},
		{"ErrMode", "mode", "meetings.mode_invalid", func(m *cdoatlas.Meeting) { m.Mode = "hybrid" }},
		{"ErrAgendaLong", "agenda", "meetings.agenda_long", func(m *cdoatlas.Meeting) {
			m.Agenda = slices.Repeat([]string{"Punkt"}, cdoatlas.MaxAgendaItems+1)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := validMeeting()
			tc.change(m)
			err := m.Validate()
			if cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			if got := err.(*cdoatlas.Error).Fields[tc.field]; got != tc.key {
				t.Errorf("field %s: %q, want %q (all: %v)", tc.field, got, tc.key, err.(*cdoatlas.Error).Fields)
			}
		})
	}
	t.Run("InPersonDropsLink", func(t *testing.T) {
		m := validMeeting()
		m.Mode, m.Address = cdoatlas.MeetingInPerson, "Rathaus Ulm"
		if err := m.Validate(); err != nil || m.URL != "" {
			t.Errorf("err %v, URL %q; want a valid meeting without a link", err, m.URL)
		}
	})
}

func TestMeetingRules(t *testing.T) {
	m := validMeeting()
	before, after := m.StartsAt.Add(-time.Minute), m.StartsAt
	if err := m.CheckAnswer(cdoatlas.AnswerMaybe, before); err != nil {
		t.Errorf("answer before the start: %v", err)
	}
	if code := cdoatlas.ErrorCode(m.CheckAnswer(cdoatlas.AnswerYes, after)); code != cdoatlas.ECONFLICT {
		t.Errorf("answer at the start: %q, want ECONFLICT", code)
	}
	if code := cdoatlas.ErrorCode(m.CheckAnswer("gern", before)); code != cdoatlas.EINVALID {
		t.Errorf("answer %q: %q, want EINVALID", "gern", code)
	}
	if code := cdoatlas.ErrorCode(m.CheckAttendance(before)); code != cdoatlas.ECONFLICT {
		t.Errorf("attendance before the start: %q, want ECONFLICT", code)
	}
	if err := m.CheckAttendance(after); err != nil {
		t.Errorf("attendance after the start: %v", err)
	}
	changed := validMeeting()
	changed.CircleID = 2
	if err := m.CheckChange(changed, before); err != nil || changed.CircleID != 1 {
		t.Errorf("change before the start: %v, circle %d; want it allowed with the circle kept", err, changed.CircleID)
	}
	if code := cdoatlas.ErrorCode(m.CheckChange(validMeeting(), after)); code != cdoatlas.ECONFLICT {
		t.Errorf("change after the start: %q, want ECONFLICT", code)
	}
	left := time.Now()
	seats := []*cdoatlas.Membership{{ID: 7, CircleID: 1, LeftAt: &left}, {ID: 8, CircleID: 2}, {ID: 9, CircleID: 1}}
	if inv, ok := m.Invitee(seats); !ok || inv.ID != 9 {
		t.Errorf("invitee %v, %v; want the current seat 9", inv, ok)
	}
	if _, ok := m.Invitee(seats[:2]); ok {
		t.Error("a former member or one of another circle is invited")
	}
}

func TestAgendaFromTopics(t *testing.T) {
	merged := int64(1)
	topics := []*cdoatlas.Topic{{ID: 1, Title: "KI", MergedInto: &merged}, {ID: 2, Title: "Open Data"}, {ID: 3, Title: "OZG"}, {ID: 4, Title: "Cloud"}}
	got := cdoatlas.AgendaFromTopics([]string{"Begrüßung", "open data"}, topics, []int64{1, 99, 2, 3, 4}, 2)
	want := []string{"Begrüßung", "open data", "OZG"}
	if !slices.Equal(got, want) {
		t.Errorf("agenda %q, want %q (top 2 known topics: Open Data, already there, and OZG)", got, want)
	}
}
