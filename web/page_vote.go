package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/vote"
)

// Topic votes: a coordinator opens a vote for a circle; its members rank
// the options on a form that needs no JavaScript; everyone of the circle
// and the coordinators see the results (when the vote lets them), and the
// network keeps its history of votes.

func (s *site) registerVoteRoutes() {
	s.get("/networks/{id}/votes", s.loggedIn(s.handleVotes))
	s.get("/networks/{id}/votes/new", s.editor(s.handleVoteNew))
	s.postEditor("/networks/{id}/votes/new", s.handleVoteCreate)
	s.get("/votes/{id}", s.loggedIn(s.handleVoteShow))
	s.postLoggedIn("/votes/{id}/ballot", s.handleBallot)
	s.postEditor("/votes/{id}/close", s.handleVoteClose)
	s.get("/votes/{id}/results", s.loggedIn(s.handleVoteResults))
	s.get("/votes/{id}/results.csv", s.loggedIn(s.handleVoteResultsCSV))
}

// voteAccess is a vote with what the visitor may do in it.
type voteAccess struct {
	Vote        *cdoatlas.Vote
	Network     *cdoatlas.Network
	Circle      *cdoatlas.Circle
	Coordinator bool
	Voter       *cdoatlas.Membership // the visitor's seat in the vote's circle, or nil
}

// accessVote loads a vote and what the visitor may do in it; err is
// EFORBIDDEN for who is neither a member of its circle nor a coordinator.
func (s *site) accessVote(ctx context.Context, id int64) (*voteAccess, error) {
	return accessVote(ctx, s.Server, id)
}

func accessVote(ctx context.Context, s *Server, id int64) (*voteAccess, error) {
	v, err := s.Store.FindVoteByID(ctx, id)
	if err != nil {
		return nil, err
	}
	st := &site{Server: s}
	a, err := st.accessNetwork(ctx, v.NetworkID)
	if err != nil {
		return nil, err
	}
	va := &voteAccess{Vote: v, Network: a.Network, Coordinator: a.Coordinator, Circle: a.circle(v.CircleID)}
	if m, ok := v.Voter(a.Seats); ok {
		va.Voter = m
	}
	if !va.Coordinator && va.Voter == nil {
		return nil, cdoatlas.Errorf(cdoatlas.EFORBIDDEN, "votes.not_member")
	}
	return va, nil
}

// routeVote is accessVote for the vote of a page's route.
func (s *site) routeVote(w http.ResponseWriter, r *http.Request) (*voteAccess, bool) {
	return routeAccess(s, w, r, s.accessVote)
}

// voteState is "planned", "open" or "closed".
func voteState(v *cdoatlas.Vote, now time.Time) string {
	switch {
	case v.Closed(now) || v.Sealed:
		return "closed"
	case v.Open(now):
		return "open"
	}
	return "planned"
}

// voteRow is a vote in a network's list.
type voteRow struct {
	V       *cdoatlas.Vote
	Circle  string
	State   string
	Winners []string // empty while the results are hidden
}

// votesView lists a network's votes.
type votesView struct {
	page
	A    *networkAccess
	Open []voteRow
	Past []voteRow
}

func (s *site) handleVotes(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	a, ok := s.memberNetwork(w, r, id)
	if !ok {
		return
	}
	ctx := r.Context()
	v := &votesView{page: s.newPage(w, r, "", tr(langFrom(r), "votes.of", a.Network.Name)), A: a}
	v.Nav = "members"
	votes, err := s.Store.FindVotes(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, c := range a.Circles {
		names[c.ID] = c.Name
	}
	now := time.Now()
	for _, vt := range votes {
		if _, member := vt.Voter(a.Seats); !a.Coordinator && !member {
			continue // a member sees the votes of their own circles
		}
		row := voteRow{V: vt, Circle: names[vt.CircleID], State: voteState(vt, now)}
		if row.State == "closed" && vt.ResultsVisible(now) {
			ballots, _, _, err := s.Store.FindBallots(ctx, vt.ID)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			res, err := vote.TallyVote(vt, ballots)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			if len(res.Ranked) > 0 && res.Ballots > 0 {
				for _, o := range res.Ranked[0] {
					row.Winners = append(row.Winners, o.Label)
				}
			}
		}
		if row.State == "closed" {
			v.Past = append(v.Past, row)
		} else {
			v.Open = append(v.Open, row)
		}
	}
	s.render(w, r, http.StatusOK, "votes", v)
}

// voteFormView is the form of a new vote, or of a vote that has not
// opened yet (page_vote_edit.go).
type voteFormView struct {
	page
	Network *cdoatlas.Network
	Circles []option
	Topics  []*cdoatlas.Topic // to choose as new options
	Chosen  map[int64]bool
	Methods []option
	Values  map[string]string
	Errors  map[string]string
	// Action, Cancel and Submit (a message key) differ between a new
	// vote and a change.
	Action, Cancel, Submit string
	// Existing are the options of a vote being changed.
	Existing []voteOptionRow
	// AnonymousKept and HideKept: the vote is anonymous or hides its
	// results, which cannot be switched off.
	AnonymousKept, HideKept bool
}

// voteOptionRow is an option of a vote on its form: renamed by its text
// field, removed by its checkbox.
type voteOptionRow struct {
	ID      int64
	N       int // 1, 2, … on the form
	Label   string
	Topic   string // the title of the topic it stands for, or ""
	Removed bool
}

func (s *site) handleVoteNew(w http.ResponseWriter, r *http.Request) {
	now := time.Now().In(berlin()).Truncate(time.Hour).Add(time.Hour)
	s.renderVoteForm(w, r, http.StatusOK, map[string]string{
		"opens_at": now.Format(datetimeLocal), "closes_at": now.AddDate(0, 0, 14).Format(datetimeLocal), "method": vote.Schulze,
	}, map[int64]bool{}, nil)
}

// datetimeLocal is the format of an <input type="datetime-local">.
const datetimeLocal = "2006-01-02T15:04"

func (s *site) renderVoteForm(w http.ResponseWriter, r *http.Request, status int, values map[string]string, chosen map[int64]bool, errs map[string]string) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return
	}
	v := &voteFormView{page: s.newPage(w, r, "votes.new", ""), Network: n, Values: values, Chosen: chosen, Errors: errs,
		Action: "/networks/" + itoa64(n.ID) + "/votes/new", Cancel: "/networks/" + itoa64(n.ID) + "/votes", Submit: "votes.create"}
	v.Nav = "networks"
	v.HasErrors = len(errs) > 0
	topics, err := s.fillVoteChoices(r.Context(), v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Topics = topics
	s.render(w, r, status, "vote_new", v)
}

// fillVoteChoices fills in the circles and methods to choose from on the
// form of a vote of v.Network, and returns the network's active topics.
func (s *site) fillVoteChoices(ctx context.Context, v *voteFormView) ([]*cdoatlas.Topic, error) {
	circles, err := s.Store.FindCircles(ctx, v.Network.ID)
	if err != nil {
		return nil, err
	}
	for _, c := range circles {
		v.Circles = append(v.Circles, option{Value: itoa64(c.ID), Label: c.Name})
	}
	v.Circles = selectOptions(v.Circles, v.Values["circle_id"])
	for _, m := range vote.Methods {
		v.Methods = append(v.Methods, option{Value: m, Label: tr(v.Lang, "votes.method."+m)})
	}
	v.Methods = selectOptions(v.Methods, v.Values["method"])
	return s.Store.FindTopics(ctx, v.Network.ID, false)
}

// voteFormFields are the fields of the vote form kept when it is shown
// again.
var voteFormFields = []string{"question", "circle_id", "free", "opens_at", "closes_at", "method", "anonymous", "hide_results"}

// parseVoteForm reads the fields of the vote form but its options into v;
// times are read in Europe/Berlin and stored in UTC. What cannot be read
// goes into errs.
func parseVoteForm(f url.Values, v *cdoatlas.Vote, errs map[string]string) {
	v.Question, v.Method = f.Get("question"), f.Get("method")
	v.Anonymous, v.HideResults = f.Get("anonymous") == "1", f.Get("hide_results") == "1"
	v.CircleID, _ = strconv.ParseInt(f.Get("circle_id"), 10, 64)
	v.OpensAt = parseVoteTime(f, "opens_at", errs)
	v.ClosesAt = parseVoteTime(f, "closes_at", errs)
}

// parseVoteTime reads a datetime-local field in Europe/Berlin as UTC.
func parseVoteTime(f url.Values, name string, errs map[string]string) time.Time {
	t, err := time.ParseInLocation(datetimeLocal, strings.TrimSpace(f.Get(name)), berlin())
	if err != nil {
		errs[name] = "votes.time_invalid"
	}
	return t.UTC()
}

// newVoteOptions appends to v the options the form adds: the chosen
// topics (marked in chosen) but those in skip, and the free options, one
// a line.
func newVoteOptions(f url.Values, v *cdoatlas.Vote, topics []*cdoatlas.Topic, chosen, skip map[int64]bool) {
	for _, sid := range f["topic"] {
		id, _ := strconv.ParseInt(sid, 10, 64)
		for _, t := range topics {
			if t.ID == id && !chosen[id] && !skip[id] {
				chosen[id] = true
				v.Options = append(v.Options, &cdoatlas.VoteOption{TopicID: &t.ID, Label: t.Title})
			}
		}
	}
	for _, line := range strings.Split(f.Get("free"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			v.Options = append(v.Options, &cdoatlas.VoteOption{Label: line})
		}
	}
}

// mergeErrors adds the field errors of err to errs, keeping those errs
// has.
func mergeErrors(errs map[string]string, err error) {
	for k, m := range fieldErrors(err) {
		if _, ok := errs[k]; !ok {
			errs[k] = m
		}
	}
}

// handleVoteCreate opens a vote from the form.
func (s *site) handleVoteCreate(w http.ResponseWriter, r *http.Request) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return
	}
	f := r.PostForm
	values := map[string]string{}
	for _, k := range voteFormFields {
		values[k] = f.Get(k)
	}
	errs := map[string]string{}
	v := &cdoatlas.Vote{NetworkID: n.ID}
	parseVoteForm(f, v, errs)
	chosen := map[int64]bool{}
	topics, err := s.Store.FindTopics(r.Context(), n.ID, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	newVoteOptions(f, v, topics, chosen, nil)
	mergeErrors(errs, v.Validate())
	if len(errs) == 0 {
		err := s.Store.CreateVote(r.Context(), v)
		if cdoatlas.ErrorCode(err) == cdoatlas.EINVALID {
			errs = fieldErrors(err)
		} else if err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		s.renderVoteForm(w, r, http.StatusUnprocessableEntity, values, chosen, errs)
		return
	}
	redirectFlash(w, r, showPath("votes", v.ID), "flash.vote_created")
}

// ballotRow is an option on the ballot form with its rank selector.
type ballotRow struct {
	O     *cdoatlas.VoteOption
	Place int // the rank the member gave it, 0: not chosen
}

// voteView is the page of a vote: its ballot form for a member of its
// circle while it is open.
type voteView struct {
	page
	VA      *voteAccess
	State   string
	Visible bool // the results may be shown
	Voted   bool // the member cast a ballot
	// Own is the member's ballot as far as it is still linked to them.
	Own    [][]*cdoatlas.VoteOption
	Rows   []ballotRow // in the member's own random order
	Places []int       // 1 … number of options
}

// RankLabel is the text of a place on the ballot.
func (v *voteView) RankLabel(place int) string { return v.T("votes.rank_n", place) }

func (s *site) handleVoteShow(w http.ResponseWriter, r *http.Request) {
	va, ok := s.routeVote(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	vt, now := va.Vote, time.Now()
	v := &voteView{page: s.newPage(w, r, "", vt.Question), VA: va, State: voteState(vt, now), Visible: vt.ResultsVisible(now)}
	v.Nav = "members"
	if va.Voter != nil {
		var err error
		if v.Voted, err = s.Store.HasVoted(ctx, vt.ID, va.Voter.ID); err != nil {
			s.fail(w, r, err)
			return
		}
		places := map[int64]int{}
		if v.Voted {
			own, err := s.Store.FindBallot(ctx, vt.ID, va.Voter.ID)
			if err != nil && cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
				s.fail(w, r, err)
				return
			}
			places = own.Places()
			for _, g := range own {
				var group []*cdoatlas.VoteOption
				for _, id := range g {
					for _, o := range vt.Options {
						if o.ID == id {
							group = append(group, o)
						}
					}
				}
				if len(group) > 0 {
					v.Own = append(v.Own, group)
				}
			}
		}
		order, err := s.ballotOrder(ctx, vt, va.Voter.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, o := range order {
			v.Rows = append(v.Rows, ballotRow{O: o, Place: places[o.ID]})
		}
		for i := range vt.Options {
			v.Places = append(v.Places, i+1)
		}
	}
	s.render(w, r, http.StatusOK, "vote_show", v)
}

// ballotOrder shuffles the options of a vote for one member: the order is
// random, so that no option profits from being first, and stays the same
// for that member and vote (seeded by an HMAC of both under a server
// secret).
func (s *site) ballotOrder(ctx context.Context, v *cdoatlas.Vote, memberID int64) ([]*cdoatlas.VoteOption, error) {
	key, err := s.Store.ServerSecret(ctx, "ballot-order", 32)
	if err != nil {
		return nil, err
	}
	mac := hmac.New(sha256.New, key)
	var msg [16]byte
	binary.BigEndian.PutUint64(msg[:8], uint64(v.ID))
	binary.BigEndian.PutUint64(msg[8:], uint64(memberID))
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	rng := rand.New(rand.NewPCG(binary.BigEndian.Uint64(sum[:8]), binary.BigEndian.Uint64(sum[8:16])))
	out := append([]*cdoatlas.VoteOption(nil), v.Options...)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out, nil
}

// handleBallot records the ballot of a member of the vote's circle: a rank
// per option ("rank-ID" = 1 … n, or 0 for not chosen).
func (s *site) handleBallot(w http.ResponseWriter, r *http.Request) {
	va, ok := s.routeVote(w, r)
	if !ok {
		return
	}
	if va.Voter == nil {
		s.renderError(w, r, http.StatusForbidden)
		return
	}
	vt := va.Vote
	places := map[int64]int{}
	for _, o := range vt.Options {
		p, err := strconv.Atoi(r.PostForm.Get("rank-" + itoa64(o.ID)))
		if err != nil {
			p = 0
		}
		places[o.ID] = p
	}
	back := showPath("votes", vt.ID)
	ranks, err := vt.RanksFromPlaces(places)
	if err == nil {
		err = s.Store.CastBallot(r.Context(), vt.ID, va.Voter.ID, ranks)
	}
	switch cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, back+"#ballot", "flash.ballot_saved")
	case cdoatlas.EINVALID:
		redirectFlash(w, r, back+"#ballot", "flash.ballot_invalid")
	case cdoatlas.ECONFLICT:
		redirectFlash(w, r, back, "flash.vote_not_open")
	default:
		s.fail(w, r, err)
	}
}

// handleVoteClose closes a vote now.
func (s *site) handleVoteClose(w http.ResponseWriter, r *http.Request) {
	va, ok := s.coordinatedVote(w, r)
	if !ok {
		return
	}
	switch err := s.Store.CloseVote(r.Context(), va.Vote.ID); cdoatlas.ErrorCode(err) {
	case "", cdoatlas.ECONFLICT:
		redirectFlash(w, r, showPath("votes", va.Vote.ID)+"/results", "flash.vote_closed")
	default:
		s.fail(w, r, err)
	}
}

// Error returns the translated validation message of a field, or "".
func (v *voteFormView) Error(name string) string {
	if k, ok := v.Errors[name]; ok {
		return messageText(v.Lang, k)
	}
	return ""
}
