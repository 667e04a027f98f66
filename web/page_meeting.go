package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/vote"
)

// Meetings of a network: coordinators plan them for a circle, with an
// agenda that can take over the top topics of a closed vote; the circle's
// members answer yes, no or maybe until the start; afterwards the
// coordinators record who attended. Calendar downloads are in
// page_meeting_ics.go.

func (s *site) registerMeetingRoutes() {
	s.get("/networks/{id}/meetings", s.loggedIn(s.handleMeetings))
	s.get("/networks/{id}/meetings/new", s.editor(s.handleMeetingNew))
	s.postEditor("/networks/{id}/meetings/new", s.handleMeetingCreate)
	s.get("/meetings/{id}", s.loggedIn(s.handleMeetingShow))
	s.get("/meetings/{id}/edit", s.editor(s.handleMeetingEdit))
	s.postEditor("/meetings/{id}/edit", s.handleMeetingUpdate)
	s.postLoggedIn("/meetings/{id}/answer", s.handleMeetingAnswer)
	s.postEditor("/meetings/{id}/attendance", s.handleMeetingAttendance)
	s.registerCalendarRoutes()
}

// meetingAccess is a meeting with what the visitor may do in it.
type meetingAccess struct {
	Meeting     *cdoatlas.Meeting
	Network     *cdoatlas.Network
	Circle      *cdoatlas.Circle
	Coordinator bool
	Invitee     *cdoatlas.Membership // the visitor's seat in the invited circle, or nil
}

// accessMeeting loads a meeting; EFORBIDDEN for who is neither invited
// nor a coordinator.
func (s *site) accessMeeting(ctx context.Context, id int64) (*meetingAccess, error) {
	m, err := s.Store.FindMeetingByID(ctx, id)
	if err != nil {
		return nil, err
	}
	a, err := s.accessNetwork(ctx, m.NetworkID)
	if err != nil {
		return nil, err
	}
	ma := &meetingAccess{Meeting: m, Network: a.Network, Coordinator: a.Coordinator, Circle: a.circle(m.CircleID)}
	if inv, ok := m.Invitee(a.Seats); ok {
		ma.Invitee = inv
	}
	if !ma.Coordinator && ma.Invitee == nil {
		return nil, cdoatlas.Errorf(cdoatlas.EFORBIDDEN, "meetings.not_invited")
	}
	return ma, nil
}

// routeMeeting is accessMeeting for the meeting of the route.
func (s *site) routeMeeting(w http.ResponseWriter, r *http.Request) (*meetingAccess, bool) {
	return routeAccess(s, w, r, s.accessMeeting)
}

// meetingRow is a meeting in a list.
type meetingRow struct {
	M      *cdoatlas.Meeting
	Circle string
}

// meetingsView lists a network's meetings.
type meetingsView struct {
	page
	A        *networkAccess
	Upcoming []meetingRow // the next first
	Past     []meetingRow // the latest first
}

func (s *site) handleMeetings(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	a, ok := s.memberNetwork(w, r, id)
	if !ok {
		return
	}
	v := &meetingsView{page: s.newPage(w, r, "", tr(langFrom(r), "meetings.of", a.Network.Name)), A: a}
	v.Nav = "members"
	all, err := s.Store.FindMeetings(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, c := range a.Circles {
		names[c.ID] = c.Name
	}
	now := time.Now()
	for _, m := range all {
		if _, invited := m.Invitee(a.Seats); !a.Coordinator && !invited {
			continue // a member sees the meetings of their own circles
		}
		row := meetingRow{M: m, Circle: names[m.CircleID]}
		if m.Started(now) {
			v.Past = append(v.Past, row)
		} else {
			v.Upcoming = append([]meetingRow{row}, v.Upcoming...)
		}
	}
	s.render(w, r, http.StatusOK, "meetings", v)
}

// meetingShowView is the page of a meeting.
type meetingShowView struct {
	page
	MA      *meetingAccess
	Started bool
	Answer  string // the visitor's answer
	Replies []*cdoatlas.MeetingReply
	Answers []option // yes, no, maybe
	Counts  map[string]int
	// Plan is the meeting's breakout plan for a coordinator or someone in
	// it; Attendees counts whom a new plan would seat.
	Plan      *cdoatlas.BreakoutPlan
	Attendees int
}

func (s *site) handleMeetingShow(w http.ResponseWriter, r *http.Request) {
	ma, ok := s.routeMeeting(w, r)
	if !ok {
		return
	}
	v := &meetingShowView{page: s.newPage(w, r, "", ma.Meeting.Title), MA: ma, Started: ma.Meeting.Started(time.Now()), Counts: map[string]int{}}
	v.Nav = "members"
	var err error
	if v.Replies, err = s.Store.FindReplies(r.Context(), ma.Meeting.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, rp := range v.Replies {
		v.Counts[rp.Answer]++
		if ma.Invitee != nil && rp.MemberID == ma.Invitee.ID {
			v.Answer = rp.Answer
		}
	}
	for _, a := range cdoatlas.MeetingAnswers {
		v.Answers = append(v.Answers, option{Value: a, Label: v.T("meetings.answer." + a), Selected: a == v.Answer})
	}
	v.Attendees = len(cdoatlas.BreakoutAttendees(v.Replies))
	switch p, err := s.Store.FindMeetingBreakoutPlan(r.Context(), ma.Meeting.ID); {
	case err == nil:
		if ma.Coordinator || ma.Invitee != nil && p.Includes([]*cdoatlas.Membership{ma.Invitee}) {
			v.Plan = p
		}
	case cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND:
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "meeting_show", v)
}

// AnswerLabel names an answer; "" reads "no answer yet".
func (v *meetingShowView) AnswerLabel(a string) string {
	if a == "" {
		return v.T("meetings.answer.none")
	}
	return v.T("meetings.answer." + a)
}

func (s *site) handleMeetingAnswer(w http.ResponseWriter, r *http.Request) {
	ma, ok := s.routeMeeting(w, r)
	if !ok {
		return
	}
	if ma.Invitee == nil {
		s.renderErrorText(w, r, http.StatusForbidden, "meetings.not_invited")
		return
	}
	err := s.Store.SetAnswer(r.Context(), ma.Meeting.ID, ma.Invitee.ID, r.PostForm.Get("answer"))
	switch cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, showPath("meetings", ma.Meeting.ID), "flash.meetings_answered")
	case cdoatlas.ECONFLICT:
		s.renderErrorText(w, r, http.StatusConflict, "meetings.answers_closed")
	case cdoatlas.EINVALID:
		s.renderErrorText(w, r, http.StatusUnprocessableEntity, "meetings.answer_invalid")
	default:
		s.fail(w, r, err)
	}
}

// handleMeetingAttendance records attendance: the form names every
// invitee in "member" and checks those who attended.
func (s *site) handleMeetingAttendance(w http.ResponseWriter, r *http.Request) {
	ma, ok := s.routeMeeting(w, r)
	if !ok {
		return
	}
	if !ma.Coordinator {
		s.renderError(w, r, http.StatusForbidden)
		return
	}
	attended := map[int64]bool{}
	for _, sid := range r.PostForm["member"] {
		id, err := strconv.ParseInt(sid, 10, 64)
		if err != nil || id <= 0 {
			s.renderError(w, r, http.StatusBadRequest)
			return
		}
		attended[id] = r.PostForm.Get("attended-"+sid) == "1"
	}
	err := s.Store.RecordAttendance(r.Context(), ma.Meeting.ID, attended)
	switch cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, showPath("meetings", ma.Meeting.ID)+"#attendance", "flash.meetings_attendance")
	case cdoatlas.ECONFLICT:
		s.renderErrorText(w, r, http.StatusConflict, "meetings.not_started")
	case cdoatlas.EINVALID:
		s.renderErrorText(w, r, http.StatusUnprocessableEntity, "meetings.not_invitee")
	default:
		s.fail(w, r, err)
	}
}

// meetingFormView is the form of a new or changed meeting.
type meetingFormView struct {
	page
	Network *cdoatlas.Network
	Meeting *cdoatlas.Meeting // nil for a new one
	Action  string
	Circles []option
	Modes   []option
	Votes   []option // closed votes whose topics the agenda can take over
	Values  map[string]string
	Errors  map[string]string
}

// Error returns the translated validation message of a field, or "".
func (v *meetingFormView) Error(name string) string {
	if k, ok := v.Errors[name]; ok {
		return messageText(v.Lang, k)
	}
	return ""
}

func (s *site) handleMeetingNew(w http.ResponseWriter, r *http.Request) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return
	}
	start := time.Now().In(berlin()).Truncate(time.Hour).AddDate(0, 0, 7)
	s.renderMeetingForm(w, r, http.StatusOK, n, nil, map[string]string{"mode": cdoatlas.MeetingVirtual, "top": "5",
		"starts_at": start.Format(datetimeLocal), "ends_at": start.Add(2 * time.Hour).Format(datetimeLocal)}, nil)
}

// meetingValues are the form's values of a stored meeting.
func meetingValues(m *cdoatlas.Meeting) map[string]string {
	loc := berlin()
	return map[string]string{"title": m.Title, "circle_id": itoa64(m.CircleID), "mode": m.Mode, "address": m.Address, "url": m.URL,
		"starts_at": m.StartsAt.In(loc).Format(datetimeLocal), "ends_at": m.EndsAt.In(loc).Format(datetimeLocal),
		"agenda": strings.Join(m.Agenda, "\n"), "top": "5"}
}

func (s *site) handleMeetingEdit(w http.ResponseWriter, r *http.Request) {
	m, n, ok := s.coordinatedMeeting(w, r)
	if !ok {
		return
	}
	s.renderMeetingForm(w, r, http.StatusOK, n, m, meetingValues(m), nil)
}

// coordinatedMeeting loads the meeting of the route for a coordinator of
// its network, which may change it only before the start.
func (s *site) coordinatedMeeting(w http.ResponseWriter, r *http.Request) (*cdoatlas.Meeting, *cdoatlas.Network, bool) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return nil, nil, false
	}
	m, err := s.Store.FindMeetingByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	if !s.coordinates(w, r, m.NetworkID) {
		return nil, nil, false
	}
	n, err := s.Store.FindNetworkByID(r.Context(), m.NetworkID)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	if m.Started(time.Now()) {
		s.renderErrorText(w, r, http.StatusConflict, "meetings.started")
		return nil, nil, false
	}
	return m, n, true
}

func (s *site) renderMeetingForm(w http.ResponseWriter, r *http.Request, status int, n *cdoatlas.Network, m *cdoatlas.Meeting, values, errs map[string]string) {
	ctx := r.Context()
	titleKey, action := "meetings.new", "/networks/"+itoa64(n.ID)+"/meetings/new"
	if m != nil {
		titleKey, action = "meetings.edit", showPath("meetings", m.ID)+"/edit"
	}
	v := &meetingFormView{page: s.newPage(w, r, titleKey, ""), Network: n, Meeting: m, Action: action, Values: values, Errors: errs}
	v.Nav = "networks"
	v.HasErrors = len(errs) > 0
	circles, err := s.Store.FindCircles(ctx, n.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range circles {
		v.Circles = append(v.Circles, option{Value: itoa64(c.ID), Label: c.Name})
	}
	v.Circles = selectOptions(v.Circles, values["circle_id"])
	for _, mode := range cdoatlas.MeetingModes {
		v.Modes = append(v.Modes, option{Value: mode, Label: v.T("meetings.mode." + mode), Selected: mode == values["mode"]})
	}
	votes, err := s.Store.FindVotes(ctx, n.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := time.Now()
	for _, vt := range votes {
		if vt.Closed(now) {
			v.Votes = append(v.Votes, option{Value: itoa64(vt.ID), Label: vt.Question})
		}
	}
	v.Votes = selectOptions(v.Votes, values["vote_id"])
	s.render(w, r, status, "meeting_form", v)
}

// meetingFromForm reads the form into m; times are read in Europe/Berlin
// and kept in UTC.
func meetingFromForm(r *http.Request, m *cdoatlas.Meeting) (values, errs map[string]string) {
	f := r.PostForm
	values = map[string]string{}
	for _, k := range []string{"title", "circle_id", "starts_at", "ends_at", "mode", "address", "url", "agenda", "vote_id", "top"} {
		values[k] = f.Get(k)
	}
	errs = map[string]string{}
	m.Title, m.Mode, m.Address, m.URL = f.Get("title"), f.Get("mode"), f.Get("address"), f.Get("url")
	if m.ID == 0 {
		m.CircleID, _ = strconv.ParseInt(f.Get("circle_id"), 10, 64)
	}
	var err error
	if m.StartsAt, err = time.ParseInLocation(datetimeLocal, strings.TrimSpace(f.Get("starts_at")), berlin()); err != nil {
		errs["starts_at"] = "meetings.time_invalid"
	}
	if m.EndsAt, err = time.ParseInLocation(datetimeLocal, strings.TrimSpace(f.Get("ends_at")), berlin()); err != nil {
		errs["ends_at"] = "meetings.time_invalid"
	}
	m.StartsAt, m.EndsAt = m.StartsAt.UTC(), m.EndsAt.UTC()
	m.Agenda = strings.Split(strings.ReplaceAll(f.Get("agenda"), "\r\n", "\n"), "\n")
	return values, errs
}

// takeOverTopics appends the top topics of the chosen closed vote to the
// form's agenda.
func (s *site) takeOverTopics(ctx context.Context, networkID int64, values map[string]string) (map[string]string, error) {
	errs := map[string]string{}
	voteID, _ := strconv.ParseInt(values["vote_id"], 10, 64)
	top, err := strconv.Atoi(strings.TrimSpace(values["top"]))
	if err != nil || top < 1 || top > cdoatlas.MaxAgendaItems {
		errs["top"] = "meetings.top_invalid"
		return errs, nil
	}
	vt, err := s.Store.FindVoteByID(ctx, voteID)
	if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND || err == nil && (vt.NetworkID != networkID || !vt.Closed(time.Now())) {
		errs["vote_id"] = "meetings.vote_invalid"
		return errs, nil
	} else if err != nil {
		return nil, err
	}
	ballots, _, _, err := s.Store.FindBallots(ctx, vt.ID)
	if err != nil {
		return nil, err
	}
	res, err := vote.TallyVote(vt, ballots)
	if err != nil {
		return nil, err
	}
	topics, err := s.Store.FindTopics(ctx, networkID, false)
	if err != nil {
		return nil, err
	}
	done, err := s.Store.FindTopics(ctx, networkID, true)
	if err != nil {
		return nil, err
	}
	var agenda []string
	for _, it := range strings.Split(strings.ReplaceAll(values["agenda"], "\r\n", "\n"), "\n") {
		if it = strings.TrimSpace(it); it != "" {
			agenda = append(agenda, it)
		}
	}
	values["agenda"] = strings.Join(cdoatlas.AgendaFromTopics(agenda, append(topics, done...), res.TopicIDs, top), "\n")
	return errs, nil
}

func (s *site) handleMeetingCreate(w http.ResponseWriter, r *http.Request) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return
	}
	m := &cdoatlas.Meeting{NetworkID: n.ID}
	values, errs := meetingFromForm(r, m)
	s.saveMeeting(w, r, n, nil, m, values, errs)
}

func (s *site) handleMeetingUpdate(w http.ResponseWriter, r *http.Request) {
	old, n, ok := s.coordinatedMeeting(w, r)
	if !ok {
		return
	}
	m := &cdoatlas.Meeting{ID: old.ID, NetworkID: old.NetworkID, CircleID: old.CircleID}
	values, errs := meetingFromForm(r, m)
	values["circle_id"] = itoa64(old.CircleID)
	s.saveMeeting(w, r, n, old, m, values, errs)
}

// saveMeeting stores the form's meeting, or, when the coordinator asked
// to take over topics, shows the form again with the longer agenda.
func (s *site) saveMeeting(w http.ResponseWriter, r *http.Request, n *cdoatlas.Network, old, m *cdoatlas.Meeting, values, errs map[string]string) {
	ctx := r.Context()
	if r.PostForm.Get("take") != "" {
		errs, err := s.takeOverTopics(ctx, n.ID, values)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		status := http.StatusOK
		if len(errs) > 0 {
			status = http.StatusUnprocessableEntity
		}
		s.renderMeetingForm(w, r, status, n, old, values, errs)
		return
	}
	if err := m.Validate(); err != nil {
		for k, msg := range fieldErrors(err) {
			if _, ok := errs[k]; !ok {
				errs[k] = msg
			}
		}
	}
	if len(errs) == 0 {
		var err error
		if old == nil {
			err = s.Store.CreateMeeting(ctx, m)
		} else {
			err = s.Store.UpdateMeeting(ctx, m)
		}
		switch cdoatlas.ErrorCode(err) {
		case "":
		case cdoatlas.EINVALID:
			errs = fieldErrors(err)
		case cdoatlas.ECONFLICT:
			s.renderErrorText(w, r, http.StatusConflict, "meetings.started")
			return
		default:
			s.fail(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		s.renderMeetingForm(w, r, http.StatusUnprocessableEntity, n, old, values, errs)
		return
	}
	redirectFlash(w, r, showPath("meetings", m.ID), "flash.meetings_saved")
}

// AttendedState is "yes", "no" or "unknown" (not recorded).
func (v *meetingShowView) AttendedState(rp *cdoatlas.MeetingReply) string {
	switch {
	case rp.Attended == nil:
		return "unknown"
	case *rp.Attended:
		return "yes"
	}
	return "no"
}
