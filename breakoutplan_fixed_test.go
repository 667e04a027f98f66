package cdoatlas_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/breakout"
)

func TestBreakoutAttendees(t *testing.T) {
	yes, no := true, false
	for _, tc := range []struct {
		name    string
		replies []*cdoatlas.MeetingReply
		want    []int64
	}{
		{"AnswersBeforeAttendance", []*cdoatlas.MeetingReply{{MemberID: 1, Answer: "yes"}, {MemberID: 2, Answer: "maybe"}, {MemberID: 3, Answer: "yes"}, {MemberID: 4}}, []int64{1, 3}},
		{"AttendanceWins", []*cdoatlas.MeetingReply{{MemberID: 1, Answer: "yes", Attended: &no}, {MemberID: 2, Answer: "no", Attended: &yes}, {MemberID: 3, Answer: "yes"}}, []int64{2}},
		{"Nobody", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cdoatlas.BreakoutAttendees(tc.replies); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestBreakoutPlanSetFixed(t *testing.T) {
	plan := func() *cdoatlas.BreakoutPlan {
		p := &cdoatlas.BreakoutPlan{Options: breakout.Options{GroupSize: 2, Moderators: []string{"1"}}}
		for _, id := range []string{"1", "2", "3", "4"} {
			p.Options.People = append(p.Options.People, breakout.Person{ID: id})
		}
		return p
	}
	for _, tc := range []struct {
		name        string
		moderators  []string
		apart, tog  [][2]string
		wantField   string
		wantKey     string
		wantModsSet []string
	}{
		{"OK", []string{"2", "3", "2"}, [][2]string{{"1", "4"}}, [][2]string{{"2", "4"}}, "", "", []string{"2", "3"}},
		{"ErrModeratorAbsent", []string{"9"}, nil, nil, "moderator", "breakouts.moderator_absent", nil},
		{"ErrModeratorsMany", []string{"1", "2", "3"}, nil, nil, "moderator", "breakouts.moderators_many", nil},
		{"ErrPairOfOne", nil, [][2]string{{"1", "1"}}, nil, "apart", "breakouts.pair_invalid", nil},
		{"ErrPairAbsent", nil, nil, [][2]string{{"1", "9"}}, "together", "breakouts.pair_invalid", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := plan()
			err := p.SetFixed(tc.moderators, tc.apart, tc.tog)
			if tc.wantField == "" {
				if err != nil || !slices.Equal(p.Options.Moderators, tc.wantModsSet) || len(p.Options.Apart) != 1 || len(p.Options.Together) != 1 {
					t.Errorf("err %v, options %+v", err, p.Options)
				}
				return
			}
			var e *cdoatlas.Error
			if !errors.As(err, &e) || e.Fields[tc.wantField] != tc.wantKey {
				t.Errorf("err %v, want %s: %s", err, tc.wantField, tc.wantKey)
			}
			if !slices.Equal(p.Options.Moderators, []string{"1"}) {
				t.Errorf("a refused change set the moderators %v", p.Options.Moderators)
			}
		})
	}
}

func TestBreakoutPlanSeatsOf(t *testing.T) {
	p := &cdoatlas.BreakoutPlan{Rounds: [][][]string{{{"1", "2"}, {"3", "4"}}, {{"1", "3"}, {"2", "4"}}}}
	p.Options.Moderators = []string{"4"}
	got := p.SeatsOf(4)
	want := []cdoatlas.BreakoutSeat{{Round: 1, Group: 2, Moderator: true}, {Round: 2, Group: 2, Moderator: true}}
	if !slices.Equal(got, want) {
		t.Errorf("seats of 4: %v, want %v", got, want)
	}
	if got := p.SeatsOf(9); got != nil {
		t.Errorf("seats of someone not in the plan: %v", got)
	}
}
