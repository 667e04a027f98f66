package sqldb_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func newMeeting(tb testing.TB, db *sqldb.DB, circle int64, starts time.Time) *cdoatlas.Meeting {
	tb.Helper()
	m := &cdoatlas.Meeting{CircleID: circle, Title: "Netzwerktreffen", StartsAt: starts, EndsAt: starts.Add(2 * time.Hour),
		Mode: cdoatlas.MeetingVirtual, URL: "https://meet.example.org/cdo", Agenda: []string{"Begrüßung", "KI in der Verwaltung"}}
	if err := db.CreateMeeting(context.Background(), m); err != nil {
		tb.Fatal(err)
	}
	return m
}

func TestMeetingCreateUpdate(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 2)
		starts := time.Date(2030, 3, 5, 14, 0, 0, 0, time.UTC)
		m := newMeeting(t, db, f.circle.ID, starts)
		got, err := db.FindMeetingByID(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.NetworkID != f.network.ID || !got.StartsAt.Equal(starts) || got.URL != m.URL || !slices.Equal(got.Agenda, m.Agenda) {
			t.Errorf("stored %+v, want %+v", got, m)
		}
		got.Title, got.Mode, got.Address = "Präsenztreffen", cdoatlas.MeetingInPerson, "Rathaus Ulm, Marktplatz 1"
		got.Agenda = []string{"Open Data", "Begrüßung"}
		if err := db.UpdateMeeting(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := db.FindMeetingByID(ctx, m.ID)
		if again.Title != "Präsenztreffen" || again.URL != "" || again.Address != "Rathaus Ulm, Marktplatz 1" || !slices.Equal(again.Agenda, []string{"Open Data", "Begrüßung"}) {
			t.Errorf("after the update %+v", again)
		}
		list, err := db.FindMeetings(ctx, f.network.ID)
		if err != nil || len(list) != 1 || list[0].ID != m.ID {
			t.Errorf("FindMeetings = %v, %v", list, err)
		}
		entries, _, err := db.FindAuditEntries(ctx, cdoatlas.AuditFilter{Entity: cdoatlas.AuditMeeting, EntityID: m.ID})
		if err != nil || len(entries) != 2 {
			t.Errorf("audit entries %d, %v; want create and update", len(entries), err)
		}
		t.Run("ErrStarted", func(t *testing.T) {
			past := newMeeting(t, db, f.circle.ID, time.Now().Add(-3*time.Hour))
			past.Title = "Umbenannt"
			wantCode(t, db.UpdateMeeting(ctx, past), cdoatlas.ECONFLICT)
			if kept, _ := db.FindMeetingByID(ctx, past.ID); kept.Title != "Netzwerktreffen" {
				t.Errorf("a past meeting changed its title to %q", kept.Title)
			}
		})
		t.Run("ErrUnknownCircle", func(t *testing.T) {
			m := &cdoatlas.Meeting{CircleID: 99999, Title: "X", StartsAt: starts, EndsAt: starts.Add(time.Hour), Mode: cdoatlas.MeetingVirtual, URL: "https://x.example"}
			wantField(t, db.CreateMeeting(ctx, m), "circle_id", "circle.unknown")
		})
	})
}

func TestMeetingAnswersAttendance(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 3)
		future := newMeeting(t, db, f.circle.ID, time.Now().Add(48*time.Hour))
		if err := db.SetAnswer(ctx, future.ID, f.members[0].ID, cdoatlas.AnswerMaybe); err != nil {
			t.Fatal(err)
		}
		if err := db.SetAnswer(ctx, future.ID, f.members[0].ID, cdoatlas.AnswerYes); err != nil {
			t.Fatal(err)
		}
		replies, err := db.FindReplies(ctx, future.ID)
		if err != nil || len(replies) != 3 {
			t.Fatalf("replies %v, %v; want the 3 invitees", replies, err)
		}
		for _, r := range replies {
			want := ""
			if r.MemberID == f.members[0].ID {
				want = cdoatlas.AnswerYes
			}
			if r.Answer != want || r.Attended != nil {
				t.Errorf("%s answered %q (attended %v), want %q", r.Name, r.Answer, r.Attended, want)
			}
		}
		t.Run("ErrNotInvited", func(t *testing.T) {
			outsider := &cdoatlas.Membership{CircleID: f.other.ID, PersonName: "Außen", OrganizationName: "Stadt Ulm", Kind: "municipality", Country: "DE"}
			if err := db.AddMember(ctx, outsider); err != nil {
				t.Fatal(err)
			}
			wantCode(t, db.SetAnswer(ctx, future.ID, outsider.ID, cdoatlas.AnswerYes), cdoatlas.EFORBIDDEN)
		})
		t.Run("ErrAttendanceBeforeStart", func(t *testing.T) {
			wantCode(t, db.RecordAttendance(ctx, future.ID, map[int64]bool{f.members[0].ID: true}), cdoatlas.ECONFLICT)
		})
		past := newMeeting(t, db, f.circle.ID, time.Now().Add(-3*time.Hour))
		t.Run("ErrAnswerAfterStart", func(t *testing.T) {
			wantCode(t, db.SetAnswer(ctx, past.ID, f.members[1].ID, cdoatlas.AnswerNo), cdoatlas.ECONFLICT)
		})
		if err := db.RecordAttendance(ctx, past.ID, map[int64]bool{f.members[0].ID: true, f.members[1].ID: false}); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordAttendance(ctx, past.ID, map[int64]bool{f.members[1].ID: true}); err != nil {
			t.Fatal(err) // a correction
		}
		replies, _ = db.FindReplies(ctx, past.ID)
		got := map[int64]string{}
		for _, r := range replies {
			switch {
			case r.Attended == nil:
				got[r.MemberID] = "-"
			case *r.Attended:
				got[r.MemberID] = "yes"
			default:
				got[r.MemberID] = "no"
			}
		}
		if got[f.members[0].ID] != "yes" || got[f.members[1].ID] != "yes" || got[f.members[2].ID] != "-" {
			t.Errorf("attendance %v", got)
		}
		t.Run("ErrNotInvitee", func(t *testing.T) {
			wantField(t, db.RecordAttendance(ctx, past.ID, map[int64]bool{999999: true}), "attended", "meetings.not_invitee")
		})
	})
}

func TestCalendarFeed(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 1)
		u := &cdoatlas.User{Email: f.members[0].Email, Role: cdoatlas.UserMember}
		if err := db.CreateUser(ctx, u, "ein langes Passwort 2026"); err != nil {
			t.Fatal(err)
		}
		mine := newMeeting(t, db, f.circle.ID, time.Now().Add(24*time.Hour))
		newMeeting(t, db, f.other.ID, time.Now().Add(24*time.Hour))
		token, err := db.CreateCalendarFeed(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.FindFeedMeetings(ctx, token)
		if err != nil || len(got) != 1 || got[0].ID != mine.ID {
			t.Errorf("feed = %v, %v; want only the meeting of the member's circle", got, err)
		}
		renewed, err := db.CreateCalendarFeed(ctx, u.ID)
		if err != nil || renewed == token {
			t.Fatalf("renewed token %q, %v", renewed, err)
		}
		_, err = db.FindFeedMeetings(ctx, token)
		wantCode(t, err, cdoatlas.ENOTFOUND)
		if has, _ := db.HasCalendarFeed(ctx, u.ID); !has {
			t.Error("HasCalendarFeed = false after a new token")
		}
		if err := db.RevokeCalendarFeed(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindFeedMeetings(ctx, renewed)
		wantCode(t, err, cdoatlas.ENOTFOUND)
		if has, _ := db.HasCalendarFeed(ctx, u.ID); has {
			t.Error("HasCalendarFeed = true after the revocation")
		}
	})
}
