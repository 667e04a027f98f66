package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/vote"
)

// The topic votes in the API: the votes a user may see (of their circles,
// or of the networks they coordinate), their options and results, and the
// member's own ballot, which a member casts with their bearer token. No
// answer names who ranked what.

func (s *Server) apiVoteRoutes() []apiRoute {
	return []apiRoute{
		{"GET /api/v1/votes", s.handleAPIVotes},
		{"GET /api/v1/votes/{id}", s.handleAPIVote},
		{"GET /api/v1/votes/{id}/results", s.handleAPIVoteResults},
		{"GET /api/v1/votes/{id}/ballot", s.handleAPIBallot},
		{"PUT /api/v1/votes/{id}/ballot", s.handleAPIBallotPut},
	}
}

// apiVote is a vote as the API gives it.
type apiVote struct {
	*cdoatlas.Vote
	State string `json:"state"` // planned, open or closed
	// Voted tells a member of the circle whether they cast a ballot.
	Voted *bool `json:"voted,omitempty"`
}

// apiBallot is a member's ballot: groups of tied option IDs, the highest
// first; options it does not name rank below all.
type apiBallot struct {
	Ranks [][]int64 `json:"ranks"`
}

// apiResult is the result of a vote. Options are named by their IDs.
type apiResult struct {
	VoteID    int64                     `json:"vote_id"`
	Method    string                    `json:"method"`
	State     string                    `json:"state"`
	Ballots   int                       `json:"ballots"`
	Voted     int                       `json:"voted"`
	Eligible  int                       `json:"eligible"`
	Ranking   [][]int64                 `json:"ranking"`
	TopicIDs  []int64                   `json:"topic_ids"`
	Pairwise  map[string]map[string]int `json:"pairwise"`
	Strongest map[string]map[string]int `json:"strongest,omitempty"`
	Scores    map[string]float64        `json:"scores,omitempty"`
}

// apiUser answers 401 and returns nil unless the request comes from a
// logged-in user (session or bearer token).
func (s *Server) apiUser(w http.ResponseWriter, r *http.Request) *cdoatlas.User {
	u := userFrom(r.Context())
	if u == nil {
		s.apiError(w, r, cdoatlas.Errorf(cdoatlas.EUNAUTHORIZED, "this needs a login or a bearer token (Authorization: Bearer TOKEN)"))
	}
	return u
}

// apiRouteVote loads the vote of the route for a member of its circle or
// a coordinator, or answers the error.
func (s *Server) apiRouteVote(w http.ResponseWriter, r *http.Request) (*voteAccess, bool) {
	if s.apiUser(w, r) == nil {
		return nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.apiError(w, r, cdoatlas.Errorf(cdoatlas.ENOTFOUND, "vote not found"))
		return nil, false
	}
	va, err := accessVote(r.Context(), s, id)
	if err != nil {
		s.apiError(w, r, err)
		return nil, false
	}
	return va, true
}

// apiNetworks returns the visitor's access to each network they are a
// member or coordinator of, only the one of the query's network_id when
// it names one; it answers the error (also for another query parameter)
// and returns false.
func (s *Server) apiNetworks(w http.ResponseWriter, r *http.Request) ([]*networkAccess, bool) {
	if s.apiUser(w, r) == nil {
		return nil, false
	}
	ctx := r.Context()
	for name := range r.URL.Query() {
		if name != "network_id" {
			s.apiError(w, r, apiUnknownNames("query parameter", []string{name}))
			return nil, false
		}
	}
	var only int64
	if q := r.URL.Query().Get("network_id"); q != "" {
		n, err := strconv.ParseInt(q, 10, 64)
		if err != nil {
			s.apiError(w, r, apiBadRequest("network_id must be a whole number", nil))
			return nil, false
		}
		only = n
	}
	networks, err := s.Store.FindNetworks(ctx)
	if err != nil {
		s.apiError(w, r, err)
		return nil, false
	}
	var out []*networkAccess
	st := &site{Server: s}
	for _, n := range networks {
		if only != 0 && n.ID != only {
			continue
		}
		a, err := st.accessNetwork(ctx, n.ID)
		if err != nil {
			s.apiError(w, r, err)
			return nil, false
		}
		if a.member() {
			out = append(out, a)
		}
	}
	return out, true
}

func (s *Server) handleAPIVotes(w http.ResponseWriter, r *http.Request) {
	networks, ok := s.apiNetworks(w, r)
	if !ok {
		return
	}
	items := []apiVote{}
	now := time.Now()
	for _, a := range networks {
		votes, err := s.Store.FindVotes(r.Context(), a.Network.ID)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		for _, v := range votes {
			if _, member := v.Voter(a.Seats); member || a.Coordinator {
				items = append(items, apiVote{Vote: v, State: voteState(v, now)})
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "total": len(items)})
}

func (s *Server) handleAPIVote(w http.ResponseWriter, r *http.Request) {
	va, ok := s.apiRouteVote(w, r)
	if !ok {
		return
	}
	out := apiVote{Vote: va.Vote, State: voteState(va.Vote, time.Now())}
	if va.Voter != nil {
		voted, err := s.Store.HasVoted(r.Context(), va.Vote.ID, va.Voter.ID)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		out.Voted = &voted
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleAPIVoteResults(w http.ResponseWriter, r *http.Request) {
	va, ok := s.apiRouteVote(w, r)
	if !ok {
		return
	}
	vt, now := va.Vote, time.Now()
	if !vt.ResultsVisible(now) {
		s.apiError(w, r, cdoatlas.Errorf(cdoatlas.ECONFLICT, "votes.results_hidden"))
		return
	}
	ballots, voted, eligible, err := s.Store.FindBallots(r.Context(), vt.ID)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	res, err := vote.TallyVote(vt, ballots)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	ids := map[string]string{}
	for _, o := range vt.Options {
		ids[vote.OptionKey(o.ID)] = itoa64(o.ID)
	}
	out := apiResult{VoteID: vt.ID, Method: vt.Method, State: voteState(vt, now), Ballots: res.Ballots, Voted: voted, Eligible: eligible,
		Ranking: [][]int64{}, TopicIDs: res.TopicIDs, Pairwise: renameMatrix(res.Pairwise, ids), Strongest: renameMatrix(res.Strongest, ids)}
	for _, g := range res.Ranked {
		var group []int64
		for _, o := range g {
			group = append(group, o.ID)
		}
		out.Ranking = append(out.Ranking, group)
	}
	if res.Scores != nil {
		out.Scores = map[string]float64{}
		for k, x := range res.Scores {
			out.Scores[ids[k]] = x
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// renameMatrix names the options of a tally's matrix by their IDs.
func renameMatrix(m map[string]map[string]int, ids map[string]string) map[string]map[string]int {
	if m == nil {
		return nil
	}
	out := make(map[string]map[string]int, len(m))
	for a, row := range m {
		r := make(map[string]int, len(row))
		for b, n := range row {
			r[ids[b]] = n
		}
		out[ids[a]] = r
	}
	return out
}

// apiVoter loads the vote of the route for a member of its circle.
func (s *Server) apiVoter(w http.ResponseWriter, r *http.Request) (*voteAccess, bool) {
	va, ok := s.apiRouteVote(w, r)
	if ok && va.Voter == nil {
		s.apiError(w, r, cdoatlas.Errorf(cdoatlas.EFORBIDDEN, "votes.not_member"))
		return nil, false
	}
	return va, ok
}

// handleAPIBallot answers the member's own ballot, while it is linked to
// them (in an anonymous vote: until the close).
func (s *Server) handleAPIBallot(w http.ResponseWriter, r *http.Request) {
	va, ok := s.apiVoter(w, r)
	if !ok {
		return
	}
	ranks, err := s.Store.FindBallot(r.Context(), va.Vote.ID, va.Voter.ID)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if ranks == nil {
		ranks = cdoatlas.Ranks{}
	}
	writeJSON(w, http.StatusOK, apiBallot{Ranks: ranks})
}

// handleAPIBallotPut casts or replaces the member's ballot. Only with a
// bearer token: a session cookie alone gets 401, so that no other site
// can make a browser vote.
func (s *Server) handleAPIBallotPut(w http.ResponseWriter, r *http.Request) {
	if u := userFrom(r.Context()); u == nil || !viaToken(r.Context()) {
		s.apiError(w, r, cdoatlas.Errorf(cdoatlas.EUNAUTHORIZED, "API writes need a bearer token (Authorization: Bearer TOKEN)"))
		return
	}
	va, ok := s.apiVoter(w, r)
	if !ok {
		return
	}
	var in apiBallot
	if err := apiDecode(w, r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	ranks := cdoatlas.Ranks(in.Ranks)
	if ranks == nil {
		ranks = cdoatlas.Ranks{}
	}
	if err := va.Vote.CheckBallot(ranks); err != nil {
		s.apiError(w, r, err)
		return
	}
	if err := s.Store.CastBallot(r.Context(), va.Vote.ID, va.Voter.ID, ranks); err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, apiBallot{Ranks: ranks})
}
