package sqldb_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/breakout"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// meetingPlan makes and stores a plan of everyone of f in groups of
// three for two rounds, linked to meeting (nil: none).
func meetingPlan(t *testing.T, db *sqldb.DB, f *voteFixture, meeting *int64) (*cdoatlas.BreakoutPlan, error) {
	t.Helper()
	p := &cdoatlas.BreakoutPlan{NetworkID: f.network.ID, MeetingID: meeting, Title: "Netzwerktreffen", Options: breakout.Options{GroupSize: 3}}
	for _, m := range f.members {
		p.Options.People = append(p.Options.People, breakout.Person{ID: strconv.FormatInt(m.ID, 10)})
	}
	if err := cdoatlas.MakeBreakoutPlan(p, 2, nil); err != nil {
		t.Fatal(err)
	}
	return p, db.CreateBreakoutPlan(context.Background(), p)
}

// TestBreakoutPlanOfMeeting: a meeting has at most one plan, of its own
// network; a plan is renamed, re-planned and deleted.
func TestBreakoutPlanOfMeeting(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 6)
		m := newMeeting(t, db, f.circle.ID, time.Now().Add(-24*time.Hour))
		p, err := meetingPlan(t, db, f, &m.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.FindMeetingBreakoutPlan(ctx, m.ID)
		if err != nil || got.ID != p.ID || got.MeetingID == nil || *got.MeetingID != m.ID {
			t.Fatalf("the meeting's plan: %+v, %v; want plan %d", got, err, p.ID)
		}
		if _, err := meetingPlan(t, db, f, &m.ID); cdoatlas.ErrorCode(err) != cdoatlas.ECONFLICT {
			t.Errorf("a second plan of the meeting: %v, want ECONFLICT", err)
		}
		other := newVoteFixture(t, db, 0)
		foreign := newMeeting(t, db, other.circle.ID, time.Now())
		if _, err := meetingPlan(t, db, f, &foreign.ID); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
			t.Errorf("a plan for another network's meeting: %v, want EINVALID", err)
		}
		missing := int64(999999)
		if _, err := meetingPlan(t, db, f, &missing); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
			t.Errorf("a plan for an unknown meeting: %v, want EINVALID", err)
		}
		if _, err := meetingPlan(t, db, f, nil); err != nil {
			t.Errorf("a second plan without a meeting: %v", err)
		}

		got.Title, got.HeldOn = "Wintertreffen", "2027-01-15"
		if err := got.SetFixed([]string{got.Options.People[0].ID, got.Options.People[1].ID}, nil, nil); err != nil {
			t.Fatal(err)
		}
		if err := got.Replan(nil); err != nil {
			t.Fatal(err)
		}
		if err := db.UpdateBreakoutPlan(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, err := db.FindBreakoutPlanByID(ctx, p.ID)
		if err != nil || again.Title != "Wintertreffen" || again.HeldOn != "2027-01-15" || len(again.Options.Moderators) != 2 || len(again.Rounds) != 2 {
			t.Errorf("after the update: %+v, %v", again, err)
		}

		if err := db.DeleteBreakoutPlan(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindMeetingBreakoutPlan(ctx, m.ID); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			t.Errorf("the deleted plan of the meeting: %v, want ENOTFOUND", err)
		}
		if err := db.DeleteBreakoutPlan(ctx, p.ID); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			t.Errorf("deleting again: %v, want ENOTFOUND", err)
		}
		if _, err := meetingPlan(t, db, f, &m.ID); err != nil {
			t.Errorf("a new plan after the deletion: %v", err)
		}
	})
}

// TestSubjectMeetingsBreakouts: a member's answers, attendance and seats
// are in their data; erasure drops the answers to meetings to come and
// keeps past attendance and the seats under the anonymised membership.
func TestSubjectMeetingsBreakouts(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 4)
		me := f.members[0]
		past := newMeeting(t, db, f.circle.ID, time.Now().Add(-time.Hour))
		next := newMeeting(t, db, f.circle.ID, time.Now().Add(72*time.Hour))
		if err := db.SetAnswer(ctx, next.ID, me.ID, cdoatlas.AnswerMaybe); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordAttendance(ctx, past.ID, map[int64]bool{me.ID: true, f.members[1].ID: false}); err != nil {
			t.Fatal(err)
		}
		p, err := meetingPlan(t, db, f, &past.ID)
		if err != nil {
			t.Fatal(err)
		}
		d, err := db.FindSubjectData(ctx, me.Email)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Meetings) != 2 || d.Meetings[0].MeetingID != next.ID || d.Meetings[0].Answer != "maybe" ||
			d.Meetings[1].MeetingID != past.ID || d.Meetings[1].Attended == nil || !*d.Meetings[1].Attended {
			t.Errorf("meetings in the data: %+v", d.Meetings)
		}
		if len(d.Breakouts) != 1 || d.Breakouts[0].PlanID != p.ID || len(d.Breakouts[0].Seats) != 2 || d.Breakouts[0].Seats[1].Round != 2 {
			t.Errorf("breakouts in the data: %+v", d.Breakouts)
		}
		if other, _ := db.FindSubjectData(ctx, f.members[3].Email); len(other.Meetings) != 0 {
			t.Errorf("someone without answers has meetings %+v", other.Meetings)
		}

		if _, err := db.EraseSubject(ctx, me.Email); err != nil {
			t.Fatal(err)
		}
		if d, _ := db.FindSubjectData(ctx, me.Email); len(d.Meetings)+len(d.Breakouts) != 0 {
			t.Errorf("after erasure the address still has %+v, %+v", d.Meetings, d.Breakouts)
		}
		replies := func(id int64) map[int64]*cdoatlas.MeetingReply {
			rs, err := db.FindReplies(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			out := map[int64]*cdoatlas.MeetingReply{}
			for _, r := range rs {
				out[r.MemberID] = r
			}
			return out
		}
		if _, ok := replies(next.ID)[me.ID]; ok {
			t.Error("the erased member still answers the meeting to come")
		}
		if r := replies(past.ID)[me.ID]; r == nil || r.Attended == nil || !*r.Attended || r.Name == me.PersonName {
			t.Errorf("the past meeting's record of the erased member: %+v, want attended under an anonymised name", r)
		}
		kept, err := db.FindBreakoutPlanByID(ctx, p.ID)
		if err != nil || kept.SeatsOf(me.ID) == nil {
			t.Errorf("the plan lost the erased member's seats: %v", err)
		}
	})
}
