package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Meetings and breakout plans in the API: the meetings a user may see (of
// their circles, or of the networks they coordinate), the member's own
// answer, which they give with their bearer token, and breakout plans
// with their rounds. Names are given, as on the web, to the meeting's
// invitees and coordinators, and in a plan to the people in it and the
// coordinators; never e-mail addresses.

func (s *Server) apiMeetingRoutes() []apiRoute {
	return []apiRoute{
		{"GET /api/v1/meetings", s.handleAPIMeetings},
		{"GET /api/v1/meetings/{id}", s.handleAPIMeeting},
		{"GET /api/v1/meetings/{id}/answer", s.handleAPIMeetingAnswer},
		{"PUT /api/v1/meetings/{id}/answer", s.handleAPIMeetingAnswerPut},
		{"GET /api/v1/breakouts/{id}", s.handleAPIBreakout},
	}
}

// apiMeeting is a meeting as the API gives it.
type apiMeeting struct {
	*cdoatlas.Meeting
	State string `json:"state"` // upcoming or started
	// Answer is an invitee's own answer ("" before they answer).
	Answer *string `json:"answer,omitempty"`
	// Replies name the invitees with their answers and attendance: only
	// on one meeting.
	Replies []*cdoatlas.MeetingReply `json:"replies,omitempty"`
	// BreakoutPlanID is the meeting's breakout plan, when the user may
	// see it.
	BreakoutPlanID *int64 `json:"breakout_plan_id"`
}

// apiAnswer is a member's answer to a meeting.
type apiAnswer struct {
	Answer string `json:"answer"` // yes, no, maybe; "" before an answer
}

// apiBreakoutSeat is a person in a group of a plan.
type apiBreakoutSeat struct {
	MemberID  int64  `json:"member_id"`
	Name      string `json:"name"`
	Moderator bool   `json:"moderator"`
}

// apiBreakoutPlan is a plan with its rounds: groups of people.
type apiBreakoutPlan struct {
	ID             int64                 `json:"id"`
	NetworkID      int64                 `json:"network_id"`
	MeetingID      *int64                `json:"meeting_id"`
	Title          string                `json:"title"`
	HeldOn         string                `json:"held_on"`
	GroupSize      int                   `json:"group_size"`
	Rounds         [][][]apiBreakoutSeat `json:"rounds"`
	Repeats        int                   `json:"repeats"`
	WithinRepeats  int                   `json:"within_repeats"`
	HistoryRepeats int                   `json:"history_repeats"`
	Violations     int                   `json:"violations"`
	Bound          int                   `json:"bound"`
	CreatedAt      time.Time             `json:"created_at"`
	UpdatedAt      time.Time             `json:"updated_at"`
}

func meetingState(m *cdoatlas.Meeting, now time.Time) string {
	if m.Started(now) {
		return "started"
	}
	return "upcoming"
}

// apiRouteID reads the {id} of the route, or answers 404 for what.
func (s *Server) apiRouteID(w http.ResponseWriter, r *http.Request, what string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.apiError(w, r, cdoatlas.Errorf(cdoatlas.ENOTFOUND, "%s not found", what))
		return 0, false
	}
	return id, true
}

// apiRouteMeeting loads the meeting of the route for an invitee or a
// coordinator, or answers the error.
func (s *Server) apiRouteMeeting(w http.ResponseWriter, r *http.Request) (*meetingAccess, bool) {
	if s.apiUser(w, r) == nil {
		return nil, false
	}
	id, ok := s.apiRouteID(w, r, "meeting")
	if !ok {
		return nil, false
	}
	ma, err := (&site{Server: s}).accessMeeting(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return nil, false
	}
	return ma, true
}

func (s *Server) handleAPIMeetings(w http.ResponseWriter, r *http.Request) {
	networks, ok := s.apiNetworks(w, r)
	if !ok {
		return
	}
	items := []apiMeeting{}
	now := time.Now()
	for _, a := range networks {
		meetings, err := s.Store.FindMeetings(r.Context(), a.Network.ID)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		for _, m := range meetings {
			if _, invited := m.Invitee(a.Seats); invited || a.Coordinator {
				items = append(items, apiMeeting{Meeting: m, State: meetingState(m, now)})
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "total": len(items)})
}

func (s *Server) handleAPIMeeting(w http.ResponseWriter, r *http.Request) {
	ma, ok := s.apiRouteMeeting(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	out := apiMeeting{Meeting: ma.Meeting, State: meetingState(ma.Meeting, time.Now())}
	var err error
	if out.Replies, err = s.Store.FindReplies(ctx, ma.Meeting.ID); err != nil {
		s.apiError(w, r, err)
		return
	}
	if ma.Invitee != nil {
		own := ""
		for _, rp := range out.Replies {
			if rp.MemberID == ma.Invitee.ID {
				own = rp.Answer
			}
		}
		out.Answer = &own
	}
	switch p, err := s.Store.FindMeetingBreakoutPlan(ctx, ma.Meeting.ID); {
	case err == nil:
		if ma.Coordinator || ma.Invitee != nil && p.Includes([]*cdoatlas.Membership{ma.Invitee}) {
			out.BreakoutPlanID = &p.ID
		}
	case cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND:
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// apiInvitee loads the meeting of the route for a member of its circle.
func (s *Server) apiInvitee(w http.ResponseWriter, r *http.Request) (*meetingAccess, bool) {
	ma, ok := s.apiRouteMeeting(w, r)
	if ok && ma.Invitee == nil {
		s.apiError(w, r, cdoatlas.Errorf(cdoatlas.EFORBIDDEN, "meetings.not_invited"))
		return nil, false
	}
	return ma, ok
}

// handleAPIMeetingAnswer answers the member's own answer.
func (s *Server) handleAPIMeetingAnswer(w http.ResponseWriter, r *http.Request) {
	ma, ok := s.apiInvitee(w, r)
	if !ok {
		return
	}
	replies, err := s.Store.FindReplies(r.Context(), ma.Meeting.ID)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := apiAnswer{}
	for _, rp := range replies {
		if rp.MemberID == ma.Invitee.ID {
			out.Answer = rp.Answer
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleAPIMeetingAnswerPut gives or changes the member's answer before
// the start. Only with a bearer token: a session cookie alone gets 401,
// so that no other site can make a browser answer.
func (s *Server) handleAPIMeetingAnswerPut(w http.ResponseWriter, r *http.Request) {
	if u := userFrom(r.Context()); u == nil || !viaToken(r.Context()) {
		s.apiError(w, r, cdoatlas.Errorf(cdoatlas.EUNAUTHORIZED, "API writes need a bearer token (Authorization: Bearer TOKEN)"))
		return
	}
	ma, ok := s.apiInvitee(w, r)
	if !ok {
		return
	}
	var in apiAnswer
	if err := apiDecode(w, r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	if err := s.Store.SetAnswer(r.Context(), ma.Meeting.ID, ma.Invitee.ID, in.Answer); err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, in)
}

// handleAPIBreakout answers a plan with its rounds, for the network's
// coordinators and the people in it.
func (s *Server) handleAPIBreakout(w http.ResponseWriter, r *http.Request) {
	if s.apiUser(w, r) == nil {
		return
	}
	id, ok := s.apiRouteID(w, r, "breakout plan")
	if !ok {
		return
	}
	ba, err := (&site{Server: s}).accessBreakout(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	p, lang := ba.Plan, apiLang(r)
	out := apiBreakoutPlan{ID: p.ID, NetworkID: p.NetworkID, MeetingID: p.MeetingID, Title: p.Title, HeldOn: p.HeldOn,
		GroupSize: p.Options.GroupSize, Rounds: [][][]apiBreakoutSeat{}, Repeats: p.Repeats(), WithinRepeats: p.WithinRepeats,
		HistoryRepeats: p.HistoryRepeats, Violations: p.Violations, Bound: p.Bound, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
	moderator := map[string]bool{}
	for _, m := range p.Options.Moderators {
		moderator[m] = true
	}
	for _, round := range p.Rounds {
		groups := [][]apiBreakoutSeat{}
		for _, g := range round {
			seats := []apiBreakoutSeat{}
			for _, pid := range g {
				mid, _ := strconv.ParseInt(pid, 10, 64)
				seats = append(seats, apiBreakoutSeat{MemberID: mid, Name: ba.name(lang, pid), Moderator: moderator[pid]})
			}
			groups = append(groups, seats)
		}
		out.Rounds = append(out.Rounds, groups)
	}
	writeJSON(w, http.StatusOK, out)
}
