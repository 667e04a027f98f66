package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/network"
)

// The admission proposal of a call: whom to admit to the call's circle,
// who waits, who is declined and who the coordinator looks at first, each
// with its reason. The coordinator takes the proposal as a whole, or
// decides on single applicants; every decision is recorded with who and
// when.

func (s *site) registerAdmissionRoutes() {
	s.get("/calls/{id}/proposal", s.editor(s.handleProposal))
	s.postEditor("/calls/{id}/proposal", s.handleProposalAccept)
	s.postEditor("/applications/{id}/decide", s.handleDecide)
}

// proposalView is the proposal page.
type proposalView struct {
	page
	Call                   *cdoatlas.Call
	Network                *cdoatlas.Network
	Circle                 *cdoatlas.Circle
	Members                int
	Free                   int
	Admit, Waitlist        []proposalRow
	Review, Declined, Done []proposalRow
}

// proposalListData is what the proposal_list template draws.
type proposalListData struct {
	P    *page
	Kind string
	Rows []proposalRow
}

// proposalRow is an applicant with the reason of their place.
type proposalRow struct {
	App    *cdoatlas.Application
	Reason string
}

// proposalInput gathers the call's circle, its members and the open
// applications, and computes the proposal.
func (s *site) proposalInput(ctx context.Context, call *cdoatlas.Call, n *cdoatlas.Network) (*cdoatlas.Circle, []*cdoatlas.Membership, []*cdoatlas.Application, *network.Proposal, error) {
	circles, err := s.Store.FindCircles(ctx, call.NetworkID)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	var circle *cdoatlas.Circle
	for _, c := range circles {
		if c.ID == call.CircleID {
			circle = c
		}
	}
	if circle == nil {
		return nil, nil, nil, nil, cdoatlas.Errorf(cdoatlas.ENOTFOUND, "circle not found")
	}
	members, err := s.Store.FindMemberships(ctx, circle.ID, false)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	apps, err := s.Store.FindApplications(ctx, call.ID)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	ms := network.FromMemberships(members)
	var as []network.Candidate
	for _, a := range apps {
		switch a.Status {
		case cdoatlas.ApplicationReceived, cdoatlas.ApplicationReview, cdoatlas.ApplicationWaitlisted:
			as = append(as, network.FromApplication(a))
		}
	}
	capacity := circle.Capacity
	if capacity == 0 { // an open circle takes every eligible applicant
		capacity = len(members) + len(as)
	}
	p, err := network.Propose(capacity, ms, as, network.Goals{Weights: n.Goals})
	return circle, members, apps, p, err
}

func (s *site) handleProposal(w http.ResponseWriter, r *http.Request) {
	cv, ok := s.loadCall(w, r, "proposal.title")
	if !ok || !s.coordinates(w, r, cv.Network.ID) {
		return
	}
	ctx := r.Context()
	circle, members, apps, p, err := s.proposalInput(ctx, cv.Call, cv.Network)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := &proposalView{page: cv.page, Call: cv.Call, Network: cv.Network, Circle: circle, Members: len(members), Free: p.Free}
	v.Nav = "networks"
	byID := map[string]*cdoatlas.Application{}
	for _, a := range apps {
		byID[strconv.FormatInt(a.ID, 10)] = a
	}
	row := func(id string) proposalRow {
		return proposalRow{App: byID[id], Reason: p.Explain[id].Text(v.Lang)}
	}
	for _, id := range p.Admit {
		v.Admit = append(v.Admit, row(id))
	}
	for _, id := range p.Waitlist {
		v.Waitlist = append(v.Waitlist, row(id))
	}
	for _, id := range p.Review {
		v.Review = append(v.Review, row(id))
	}
	for _, d := range p.Declined {
		v.Declined = append(v.Declined, row(d.ID))
	}
	for _, a := range apps {
		if a.Status == cdoatlas.ApplicationAdmitted || a.Status == cdoatlas.ApplicationDeclined || a.Status == cdoatlas.ApplicationWithdrawn {
			v.Done = append(v.Done, proposalRow{App: a, Reason: tr(v.Lang, "application.state."+a.Status)})
		}
	}
	s.render(w, r, http.StatusOK, "proposal", v)
}

// handleProposalAccept takes the proposal as it stands now: admits whom it
// admits, puts the rest of the eligible on the waitlist and declines the
// applicants whose check is no. A seat taken meanwhile stops the
// admissions there (the circle is never overfilled).
func (s *site) handleProposalAccept(w http.ResponseWriter, r *http.Request) {
	cv, ok := s.loadCall(w, r, "proposal.title")
	if !ok || !s.coordinates(w, r, cv.Network.ID) {
		return
	}
	ctx := r.Context()
	_, _, _, p, err := s.proposalInput(ctx, cv.Call, cv.Network)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	user := userFrom(ctx).ID
	flash := "flash.proposal_accepted"
	for _, id := range p.Admit {
		appID, _ := strconv.ParseInt(id, 10, 64)
		if _, err := s.Store.Admit(ctx, appID, user, p.Explain[id].DE); err != nil {
			if cdoatlas.ErrorCode(err) == cdoatlas.ECONFLICT {
				flash = "flash.proposal_partly"
				break
			}
			s.fail(w, r, err)
			return
		}
	}
	decide := func(id, action, note string) error {
		appID, _ := strconv.ParseInt(id, 10, 64)
		err := s.Store.Decide(ctx, appID, action, user, note)
		if cdoatlas.ErrorCode(err) == cdoatlas.ECONFLICT {
			return nil
		}
		return err
	}
	for _, id := range p.Waitlist {
		if err := decide(id, cdoatlas.DecisionWaitlist, p.Explain[id].DE); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	for _, d := range p.Declined {
		if err := decide(d.ID, cdoatlas.DecisionDecline, d.Reason); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	redirectFlash(w, r, fmt.Sprintf("/calls/%d/proposal", cv.Call.ID), flash)
}

// handleDecide records a coordinator's decision on one applicant.
func (s *site) handleDecide(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	ctx := r.Context()
	a, err := s.Store.FindApplicationByID(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	call, err := s.Store.FindCallByID(ctx, a.CallID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.coordinates(w, r, call.NetworkID) {
		return
	}
	user := userFrom(ctx).ID
	action := r.PostForm.Get("action")
	switch action {
	case cdoatlas.DecisionAdmit:
		_, err = s.Store.Admit(ctx, id, user, "")
	default:
		err = s.Store.Decide(ctx, id, action, user, "")
	}
	back := fmt.Sprintf("/calls/%d/proposal", a.CallID)
	switch cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, back, "flash.decided")
	case cdoatlas.ECONFLICT:
		redirectFlash(w, r, back, "flash.decision_conflict")
	case cdoatlas.EINVALID:
		s.renderError(w, r, http.StatusBadRequest)
	default:
		s.fail(w, r, err)
	}
}
