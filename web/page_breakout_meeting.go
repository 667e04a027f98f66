package web

import (
	"net/http"
	"slices"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// The breakout plan of a meeting: a coordinator makes it from the
// meeting's page for the people who attend (as recorded, or before that
// those who answered yes); the meeting keeps it once it is over.

// meetingSource is the source of the meeting of the route, for a
// coordinator of its network, when the meeting has no plan yet.
func (s *site) meetingSource(w http.ResponseWriter, r *http.Request) (*breakoutSource, bool) {
	ma, ok := s.routeMeeting(w, r)
	if !ok {
		return nil, false
	}
	if !ma.Coordinator {
		s.renderError(w, r, http.StatusForbidden)
		return nil, false
	}
	ctx := r.Context()
	m := ma.Meeting
	if p, err := s.Store.FindMeetingBreakoutPlan(ctx, m.ID); err == nil {
		http.Redirect(w, r, showPath("breakouts", p.ID), http.StatusSeeOther)
		return nil, false
	} else if cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
		s.fail(w, r, err)
		return nil, false
	}
	replies, err := s.Store.FindReplies(ctx, m.ID)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	a, err := s.accessNetwork(ctx, m.NetworkID)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	all, _, err := s.networkMembers(ctx, a.Circles, true)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	attendees := cdoatlas.BreakoutAttendees(replies)
	src := &breakoutSource{Network: ma.Network, Meeting: m, Circles: circleNames(a.Circles),
		Action: showPath("meetings", m.ID) + "/breakout/new", Cancel: showPath("meetings", m.ID)}
	for _, ms := range all {
		if slices.Contains(attendees, ms.ID) {
			src.Members = append(src.Members, ms)
		}
	}
	return src, true
}

func (s *site) handleMeetingBreakoutNew(w http.ResponseWriter, r *http.Request) {
	src, ok := s.meetingSource(w, r)
	if !ok {
		return
	}
	values := map[string]string{"title": src.Meeting.Title, "held_on": src.Meeting.StartsAt.In(berlin()).Format(time.DateOnly),
		"group_size": "4", "rounds": "3"}
	s.renderBreakoutForm(w, r, src, http.StatusOK, values, nil, nil)
}

func (s *site) handleMeetingBreakoutCreate(w http.ResponseWriter, r *http.Request) {
	if src, ok := s.meetingSource(w, r); ok {
		s.createBreakout(w, r, src)
	}
}
