package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Changing a vote after it was made: before it opens a coordinator
// changes everything the form of a new vote offers, and renames, removes
// and adds options; while it is open only a later close (extending it),
// so that no ballot cast changes its meaning; once closed nothing. A vote
// that has not opened can be deleted. The rules are the domain's
// (cdoatlas.Vote.CheckChange, CheckDelete).

func (s *site) registerVoteEditRoutes() {
	s.get("/votes/{id}/edit", s.editor(s.handleVoteEdit))
	s.postEditor("/votes/{id}/edit", s.handleVoteUpdate)
	s.get("/votes/{id}/delete", s.editor(s.handleVoteDeleteAsk))
	s.postEditor("/votes/{id}/delete", s.handleVoteDelete)
}

// coordinatedVote loads the vote of the route for a coordinator of its
// network; 403 for everyone else.
func (s *site) coordinatedVote(w http.ResponseWriter, r *http.Request) (*voteAccess, bool) {
	va, ok := s.routeVote(w, r)
	if ok && !va.Coordinator {
		s.renderError(w, r, http.StatusForbidden)
		return nil, false
	}
	return va, ok
}

// voteEditView is the page to change a vote: the full form before it
// opens, the close alone while it is open, a notice once it closed.
type voteEditView struct {
	voteFormView
	VA       *voteAccess
	State    string
	Conflict string // a message key: the change was refused as a whole
}

// voteValues are the form values of v.
func voteValues(v *cdoatlas.Vote) map[string]string {
	values := map[string]string{
		"question": v.Question, "circle_id": itoa64(v.CircleID), "method": v.Method,
		"opens_at":  v.OpensAt.In(berlin()).Format(datetimeLocal),
		"closes_at": v.ClosesAt.In(berlin()).Format(datetimeLocal),
	}
	if v.Anonymous {
		values["anonymous"] = "1"
	}
	if v.HideResults {
		values["hide_results"] = "1"
	}
	return values
}

func (s *site) handleVoteEdit(w http.ResponseWriter, r *http.Request) {
	va, ok := s.coordinatedVote(w, r)
	if !ok {
		return
	}
	var rows []voteOptionRow
	for _, o := range va.Vote.Options {
		rows = append(rows, voteOptionRow{ID: o.ID, Label: o.Label})
	}
	s.renderVoteEdit(w, r, va, http.StatusOK, voteValues(va.Vote), rows, map[int64]bool{}, nil, "")
}

// renderVoteEdit draws the page to change the vote of va with the values
// and options rows of the form.
func (s *site) renderVoteEdit(w http.ResponseWriter, r *http.Request, va *voteAccess, status int, values map[string]string,
	rows []voteOptionRow, chosen map[int64]bool, errs map[string]string, conflict string) {
	vt := va.Vote
	v := &voteEditView{VA: va, State: voteState(vt, time.Now()), Conflict: conflict}
	v.voteFormView = voteFormView{page: s.newPage(w, r, "votes.edit", ""), Network: va.Network, Values: values, Chosen: chosen, Errors: errs,
		Action: showPath("votes", vt.ID) + "/edit", Cancel: showPath("votes", vt.ID), Submit: "votes.save",
		AnonymousKept: vt.Anonymous, HideKept: vt.HideResults}
	v.Nav = "members"
	v.HasErrors = len(errs) > 0 || conflict != ""
	if v.State == "planned" {
		topics, err := s.fillVoteChoices(r.Context(), &v.voteFormView)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		// An option that stands for a topic shows it; the topics it
		// has are not offered again.
		titles := map[int64]string{}
		for _, t := range topics {
			titles[t.ID] = t.Title
		}
		linked := map[int64]bool{}
		for _, o := range vt.Options {
			if o.TopicID != nil {
				linked[*o.TopicID] = true
				for i := range rows {
					if rows[i].ID == o.ID {
						rows[i].Topic = titles[*o.TopicID]
						if rows[i].Topic == "" {
							rows[i].Topic = o.Label // an archived topic
						}
					}
				}
			}
		}
		for i := range rows {
			rows[i].N = i + 1
		}
		v.Existing = rows
		for _, t := range topics {
			if !linked[t.ID] {
				v.Topics = append(v.Topics, t)
			}
		}
	}
	s.render(w, r, status, "vote_edit", v)
}

// handleVoteUpdate changes the vote from the form: the whole of it before
// it opens, the close alone while it is open.
func (s *site) handleVoteUpdate(w http.ResponseWriter, r *http.Request) {
	va, ok := s.coordinatedVote(w, r)
	if !ok {
		return
	}
	old, f := va.Vote, r.PostForm
	errs := map[string]string{}
	upd := *old
	var rows []voteOptionRow
	chosen := map[int64]bool{}
	values := voteValues(old)
	switch voteState(old, time.Now()) {
	case "closed":
		s.renderVoteEdit(w, r, va, http.StatusConflict, values, nil, chosen, nil, "")
		return
	case "open":
		upd.Options = nil // kept
		values["closes_at"] = f.Get("closes_at")
		// The form shows minutes; a close sent back unchanged keeps its
		// seconds.
		if values["closes_at"] != old.ClosesAt.In(berlin()).Format(datetimeLocal) {
			upd.ClosesAt = parseVoteTime(f, "closes_at", errs)
		}
	default:
		for _, k := range voteFormFields {
			values[k] = f.Get(k)
		}
		parseVoteForm(f, &upd, errs)
		upd.Options = nil
		for _, o := range old.Options {
			key := strconv.FormatInt(o.ID, 10)
			row := voteOptionRow{ID: o.ID, Label: f.Get("option-" + key), Removed: f.Get("remove-"+key) == "1"}
			rows = append(rows, row)
			if !row.Removed {
				upd.Options = append(upd.Options, &cdoatlas.VoteOption{ID: o.ID, Label: row.Label})
			}
		}
		topics, err := s.Store.FindTopics(r.Context(), old.NetworkID, false)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		linked := map[int64]bool{}
		for _, o := range old.Options {
			if o.TopicID != nil {
				linked[*o.TopicID] = true
			}
		}
		newVoteOptions(f, &upd, topics, chosen, linked)
		if len(errs) > 0 {
			mergeErrors(errs, upd.Validate())
		}
	}
	var conflict string
	if len(errs) == 0 {
		err := s.Store.UpdateVote(r.Context(), &upd)
		switch cdoatlas.ErrorCode(err) {
		case "":
			redirectFlash(w, r, showPath("votes", old.ID), "flash.vote_saved")
			return
		case cdoatlas.EINVALID:
			errs = fieldErrors(err)
		case cdoatlas.ECONFLICT:
			conflict = cdoatlas.ErrorMessage(err)
		default:
			s.fail(w, r, err)
			return
		}
	}
	status := http.StatusUnprocessableEntity
	if conflict != "" {
		status = http.StatusConflict
		// The vote may have opened or closed meanwhile: show it as it is.
		if va, ok = s.routeVote(w, r); !ok {
			return
		}
	}
	s.renderVoteEdit(w, r, va, status, values, rows, chosen, errs, conflict)
}

func (s *site) handleVoteDeleteAsk(w http.ResponseWriter, r *http.Request) {
	va, ok := s.coordinatedVote(w, r)
	if !ok {
		return
	}
	if va.Vote.CheckDelete(time.Now(), 0) != nil {
		s.renderRefused(w, r, "votes.delete_question", va.Vote.Question, "votes.delete_started", showPath("votes", va.Vote.ID))
		return
	}
	s.renderConfirm(w, r, http.StatusOK, "votes.delete_question", va.Vote.Question, "", showPath("votes", va.Vote.ID))
}

// handleVoteDelete deletes a vote that has not opened and returns to the
// network's votes.
func (s *site) handleVoteDelete(w http.ResponseWriter, r *http.Request) {
	va, ok := s.coordinatedVote(w, r)
	if !ok {
		return
	}
	vt := va.Vote
	switch err := s.Store.DeleteVote(r.Context(), vt.ID); cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, "/networks/"+itoa64(vt.NetworkID)+"/votes", "flash.vote_deleted")
	case cdoatlas.ECONFLICT:
		s.renderRefused(w, r, "votes.delete_question", vt.Question, "votes.delete_started", showPath("votes", vt.ID))
	default:
		s.fail(w, r, err)
	}
}
