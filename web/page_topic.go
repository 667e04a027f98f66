package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

// Topics of a network: its members and coordinators propose them; the
// coordinators merge duplicates and archive what is done.

func (s *site) registerTopicRoutes() {
	s.get("/networks/{id}/topics", s.loggedIn(s.handleTopics))
	s.postLoggedIn("/networks/{id}/topics", s.handleTopicCreate)
	s.postEditor("/topics/{id}/merge", s.handleTopicMerge)
	s.postEditor("/topics/{id}/archive", s.handleTopicArchive)
}

// networkAccess is what the visitor may do in a network.
type networkAccess struct {
	Network     *cdoatlas.Network
	Circles     []*cdoatlas.Circle
	Coordinator bool                   // an admin or one of its coordinators
	Seats       []*cdoatlas.Membership // the visitor's current seats in its circles
}

// member reports whether the visitor is a member or coordinator of the
// network: who may see its topics and votes.
func (a *networkAccess) member() bool { return a.Coordinator || len(a.Seats) > 0 }

// circle returns the network's circle id, or nil.
func (a *networkAccess) circle(id int64) *cdoatlas.Circle {
	for _, c := range a.Circles {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// routeAccess loads what the ID of the route names with access, which
// decides what the visitor may do; it answers 404 for a malformed ID and
// the error (403, 404 …) otherwise, and returns false then.
func routeAccess[T any](s *site, w http.ResponseWriter, r *http.Request, access func(context.Context, int64) (T, error)) (T, bool) {
	var zero T
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return zero, false
	}
	v, err := access(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return zero, false
	}
	return v, true
}

// accessNetwork loads a network and what the visitor may do in it.
func (s *site) accessNetwork(ctx context.Context, networkID int64) (*networkAccess, error) {
	n, err := s.Store.FindNetworkByID(ctx, networkID)
	if err != nil {
		return nil, err
	}
	a := &networkAccess{Network: n}
	if a.Circles, err = s.Store.FindCircles(ctx, networkID); err != nil {
		return nil, err
	}
	if a.Coordinator, err = s.mayCoordinate(ctx, networkID); err != nil {
		return nil, err
	}
	if u := userFrom(ctx); u != nil && u.Email != "" {
		ms, err := s.Store.FindMembershipsByEmail(ctx, u.Email)
		if err != nil {
			return nil, err
		}
		a.Seats = cdoatlas.NetworkSeats(a.Circles, ms)
	}
	return a, nil
}

// memberNetwork loads the network of the route for one of its members or
// coordinators; it answers 404, 403 or the error and returns false
// otherwise.
func (s *site) memberNetwork(w http.ResponseWriter, r *http.Request, networkID int64) (*networkAccess, bool) {
	a, err := s.accessNetwork(r.Context(), networkID)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !a.member() {
		s.renderError(w, r, http.StatusForbidden)
		return nil, false
	}
	return a, true
}

// topicsView is the topics page of a network.
type topicsView struct {
	page
	A        *networkAccess
	Active   []*cdoatlas.Topic
	Archived []*cdoatlas.Topic
	Values   map[string]string
	Errors   map[string]string
}

// Others are the active topics but t: what t can be merged into.
func (v *topicsView) Others(t *cdoatlas.Topic) []*cdoatlas.Topic {
	var out []*cdoatlas.Topic
	for _, o := range v.Active {
		if o.ID != t.ID {
			out = append(out, o)
		}
	}
	return out
}

func (s *site) handleTopics(w http.ResponseWriter, r *http.Request) {
	s.renderTopics(w, r, http.StatusOK, nil, nil)
}

func (s *site) renderTopics(w http.ResponseWriter, r *http.Request, status int, values, errs map[string]string) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	a, ok := s.memberNetwork(w, r, id)
	if !ok {
		return
	}
	v := &topicsView{page: s.newPage(w, r, "", tr(langFrom(r), "votes.topics_of", a.Network.Name)), A: a, Values: values, Errors: errs}
	v.Nav = "members"
	v.HasErrors = len(errs) > 0
	var err error
	if v.Active, err = s.Store.FindTopics(r.Context(), id, false); err == nil {
		v.Archived, err = s.Store.FindTopics(r.Context(), id, true)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, "topics", v)
}

// handleTopicCreate stores a topic a member or coordinator proposes.
func (s *site) handleTopicCreate(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	a, ok := s.memberNetwork(w, r, id)
	if !ok {
		return
	}
	u := userFrom(r.Context())
	t := &cdoatlas.Topic{NetworkID: id, Title: r.PostForm.Get("title"), Description: r.PostForm.Get("description"),
		ProposerID: u.ID, Proposer: u.Email}
	if len(a.Seats) > 0 {
		t.Proposer = a.Seats[0].PersonName
	}
	err := s.Store.CreateTopic(r.Context(), t)
	switch cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, "/networks/"+itoa64(id)+"/topics", "flash.topic_saved")
	case cdoatlas.EINVALID:
		s.renderTopics(w, r, http.StatusUnprocessableEntity, map[string]string{"title": r.PostForm.Get("title"),
			"description": r.PostForm.Get("description")}, fieldErrors(err))
	default:
		s.fail(w, r, err)
	}
}

// coordinatedTopic loads the topic of the route for a coordinator of its
// network.
func (s *site) coordinatedTopic(w http.ResponseWriter, r *http.Request) (*cdoatlas.Topic, bool) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return nil, false
	}
	t, err := s.Store.FindTopicByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return t, s.coordinates(w, r, t.NetworkID)
}

// handleTopicMerge merges the topic of the route into the one chosen.
func (s *site) handleTopicMerge(w http.ResponseWriter, r *http.Request) {
	t, ok := s.coordinatedTopic(w, r)
	if !ok {
		return
	}
	back := "/networks/" + itoa64(t.NetworkID) + "/topics"
	into, err := strconv.ParseInt(r.PostForm.Get("into"), 10, 64)
	if err != nil {
		redirectFlash(w, r, back, "flash.topic_merge_choose")
		return
	}
	switch err := s.Store.MergeTopics(r.Context(), into, t.ID); cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, back, "flash.topic_merged")
	case cdoatlas.EINVALID, cdoatlas.ECONFLICT, cdoatlas.ENOTFOUND:
		redirectFlash(w, r, back, "flash.topic_merge_refused")
	default:
		s.fail(w, r, err)
	}
}

// handleTopicArchive archives a topic, or brings it back.
func (s *site) handleTopicArchive(w http.ResponseWriter, r *http.Request) {
	t, ok := s.coordinatedTopic(w, r)
	if !ok {
		return
	}
	archived := r.PostForm.Get("archived") == "1"
	if err := s.Store.ArchiveTopic(r.Context(), t.ID, archived); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, "/networks/"+itoa64(t.NetworkID)+"/topics", "flash.saved")
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// ProposerOf names who proposed t: to coordinators and to the proposer;
// other members see "a member", as members see each other only where
// they agreed (the directory).
func (v *topicsView) ProposerOf(t *cdoatlas.Topic) string {
	if v.A.Coordinator || v.User != nil && t.ProposerID == v.User.ID || t.ProposerID == 0 {
		return t.Proposer
	}
	return v.T("votes.a_member")
}

// Error returns the translated validation message of a field, or "".
func (v *topicsView) Error(name string) string {
	if k, ok := v.Errors[name]; ok {
		return messageText(v.Lang, k)
	}
	return ""
}

// circleNetworks maps the circles of memberships to their networks.
func (s *site) circleNetworks(ctx context.Context, memberships []*cdoatlas.Membership) (map[int64]int64, error) {
	out := map[int64]int64{}
	if len(memberships) == 0 {
		return out, nil
	}
	nets, err := s.Store.FindNetworks(ctx)
	if err != nil {
		return nil, err
	}
	for _, n := range nets {
		cs, err := s.Store.FindCircles(ctx, n.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out[c.ID] = n.ID
		}
	}
	return out, nil
}
