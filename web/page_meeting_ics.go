package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/ical"
)

// Calendars: each meeting downloads as an .ics file, and each member has
// a personal feed address (a random token in the URL, kept only hashed)
// that lists the meetings of their circles. The members' area makes,
// renews and revokes it.

func (s *site) registerCalendarRoutes() {
	s.get("/meetings/{id}/meeting.ics", s.loggedIn(s.handleMeetingICS))
	s.get("/calendar/{token}", s.handleCalendarFeed)
	s.postLoggedIn("/members/calendar", s.handleCalendarFeedNew)
	s.postLoggedIn("/members/calendar/revoke", s.handleCalendarFeedRevoke)
}

// calendar is the frame of the .ics files of a request.
func calendar(r *http.Request, name string) ical.Calendar {
	host := r.Host
	if host == "" {
		host = "cdoatlas"
	}
	return ical.Calendar{Name: name, Host: host, Now: time.Now(), Agenda: tr(langFrom(r), "meetings.agenda")}
}

// writeICS answers a calendar: a download when disposition is
// "attachment", a subscription's answer when "inline".
func writeICS(w http.ResponseWriter, disposition, filename string, body []byte) {
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", disposition+`; filename="`+filename+`"`)
	w.Header().Set("Cache-Control", "private, no-store")
	w.Write(body)
}

func (s *site) handleMeetingICS(w http.ResponseWriter, r *http.Request) {
	ma, ok := s.routeMeeting(w, r)
	if !ok {
		return
	}
	writeICS(w, "attachment", "treffen-"+strconv.FormatInt(ma.Meeting.ID, 10)+".ics", ical.Write(calendar(r, ""), []*cdoatlas.Meeting{ma.Meeting}))
}

// handleCalendarFeed answers the feed of a token: who holds the address
// reads the meetings of its account's circles, nothing else (no names).
func (s *site) handleCalendarFeed(w http.ResponseWriter, r *http.Request) {
	meetings, err := s.Store.FindFeedMeetings(r.Context(), r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeICS(w, "inline", "cdoatlas.ics", ical.Write(calendar(r, tr(langFrom(r), "meetings.feed_name")), meetings))
}

// calendarFeedView shows a new feed address once: only its hash is kept.
type calendarFeedView struct {
	page
	URL string
}

func (s *site) handleCalendarFeedNew(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	token, err := s.Store.CreateCalendarFeed(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	scheme := "http"
	if secureRequest(r) {
		scheme = "https"
	}
	v := &calendarFeedView{page: s.newPage(w, r, "meetings.feed_title", ""), URL: scheme + "://" + r.Host + "/calendar/" + token}
	v.Nav = "members"
	v.uncached = true
	s.render(w, r, http.StatusOK, "calendar_feed", v)
}

func (s *site) handleCalendarFeedRevoke(w http.ResponseWriter, r *http.Request) {
	if err := s.Store.RevokeCalendarFeed(r.Context(), userFrom(r.Context()).ID); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, "/members#calendar", "flash.meetings_feed_revoked")
}
