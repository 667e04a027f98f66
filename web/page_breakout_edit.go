package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Changing a breakout plan after it was made: a coordinator renames it,
// sets other moderators and pairs and has it planned anew (its repeats
// are counted anew against the network's earlier plans), or deletes it.

func (s *site) registerBreakoutEditRoutes() {
	s.get("/breakouts/{id}/edit", s.editor(s.handleBreakoutEdit))
	s.postEditor("/breakouts/{id}/rename", s.handleBreakoutRename)
	s.postEditor("/breakouts/{id}/replan", s.handleBreakoutReplan)
	s.get("/breakouts/{id}/delete", s.editor(s.handleBreakoutDeleteAsk))
	s.postEditor("/breakouts/{id}/delete", s.handleBreakoutDelete)
}

// coordinatedBreakout loads the plan of the route for a coordinator of
// its network; 403 for everyone else.
func (s *site) coordinatedBreakout(w http.ResponseWriter, r *http.Request) (*breakoutAccess, bool) {
	ba, ok := s.routeBreakout(w, r)
	if ok && !ba.A.Coordinator {
		s.renderError(w, r, http.StatusForbidden)
		return nil, false
	}
	return ba, ok
}

// breakoutEditView is the page to change a plan: its name and date, and
// its fixed assignments.
type breakoutEditView struct {
	page
	BA     *breakoutAccess
	People []breakoutPersonRow // Moderator: checked
	Apart  []breakoutPairRow
	Pairs  []breakoutPairRow
	Values map[string]string
	Errors map[string]string
}

// Error returns the translated validation message of a field, or "".
func (v *breakoutEditView) Error(name string) string {
	if k, ok := v.Errors[name]; ok {
		return messageText(v.Lang, k)
	}
	return ""
}

// planForm is the fixed assignments of p as a posted form would hold them.
func planForm(p *cdoatlas.BreakoutPlan) map[string][]string {
	f := map[string][]string{"moderator": p.Options.Moderators}
	for kind, pairs := range map[string][][2]string{"apart": p.Options.Apart, "together": p.Options.Together} {
		for i, pr := range pairs {
			if i < breakoutPairs {
				n := strconv.Itoa(i + 1)
				f[kind+"_a_"+n], f[kind+"_b_"+n] = []string{pr[0]}, []string{pr[1]}
			}
		}
	}
	return f
}

// renderBreakoutEdit shows the edit page; values and form are what was
// posted, or nil for the plan as stored.
func (s *site) renderBreakoutEdit(w http.ResponseWriter, r *http.Request, ba *breakoutAccess, status int, values map[string]string, form map[string][]string, errs map[string]string) {
	p := ba.Plan
	v := &breakoutEditView{page: s.newPage(w, r, "", tr(langFrom(r), "breakouts.edit_of", p.Title)), BA: ba, Values: values, Errors: errs}
	v.Nav = "members"
	v.HasErrors = len(errs) > 0
	if values == nil {
		v.Values = map[string]string{"title": p.Title, "held_on": p.HeldOn}
	}
	if form == nil {
		form = planForm(p)
	}
	var people []option
	for _, q := range p.Options.People {
		name := ba.name(v.Lang, q.ID)
		v.People = append(v.People, breakoutPersonRow{ID: q.ID, Name: name, Moderator: slices.Contains(form["moderator"], q.ID)})
		people = append(people, option{Value: q.ID, Label: name})
	}
	slices.SortStableFunc(v.People, func(a, b breakoutPersonRow) int { return compareStrings(a.Name, b.Name) })
	slices.SortStableFunc(people, func(a, b option) int { return compareStrings(a.Label, b.Label) })
	v.Apart, v.Pairs = pairOptions(people, form)
	s.render(w, r, status, "breakout_edit", v)
}

func (s *site) handleBreakoutEdit(w http.ResponseWriter, r *http.Request) {
	if ba, ok := s.coordinatedBreakout(w, r); ok {
		s.renderBreakoutEdit(w, r, ba, http.StatusOK, nil, nil, nil)
	}
}

// handleBreakoutRename changes a plan's title and date; its rounds stay.
func (s *site) handleBreakoutRename(w http.ResponseWriter, r *http.Request) {
	ba, ok := s.coordinatedBreakout(w, r)
	if !ok {
		return
	}
	values := map[string]string{"title": strings.TrimSpace(r.PostForm.Get("title")), "held_on": strings.TrimSpace(r.PostForm.Get("held_on"))}
	p := *ba.Plan
	p.Title, p.HeldOn = values["title"], values["held_on"]
	err := s.Store.UpdateBreakoutPlan(r.Context(), &p)
	if errs := fieldErrors(err); errs != nil {
		s.renderBreakoutEdit(w, r, ba, http.StatusUnprocessableEntity, values, nil, errs)
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, showPath("breakouts", p.ID), "flash.breakouts.renamed")
}

// handleBreakoutReplan sets the plan's moderators and pairs and plans
// its rounds anew against the network's earlier plans.
func (s *site) handleBreakoutReplan(w http.ResponseWriter, r *http.Request) {
	ba, ok := s.coordinatedBreakout(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	p := ba.Plan
	moderators, apart, together := fixedFromForm(r.PostForm)
	err := p.SetFixed(moderators, apart, together)
	if err == nil {
		var plans []*cdoatlas.BreakoutPlan
		if plans, err = s.Store.FindBreakoutPlans(ctx, p.NetworkID); err != nil {
			s.fail(w, r, err)
			return
		}
		if err = p.Replan(cdoatlas.BreakoutHistory(plans, p.ID)); err == nil {
			err = s.Store.UpdateBreakoutPlan(ctx, p)
		}
	}
	if errs := fieldErrors(err); errs != nil {
		s.renderBreakoutEdit(w, r, ba, http.StatusUnprocessableEntity, nil, r.PostForm, errs)
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, showPath("breakouts", p.ID), "flash.breakouts.replanned")
}

func (s *site) handleBreakoutDeleteAsk(w http.ResponseWriter, r *http.Request) {
	if ba, ok := s.coordinatedBreakout(w, r); ok {
		s.renderConfirm(w, r, http.StatusOK, "breakouts.delete_question", ba.Plan.Title, "", showPath("breakouts", ba.Plan.ID))
	}
}

// handleBreakoutDelete deletes the plan and returns to its meeting, or to
// the network's plans.
func (s *site) handleBreakoutDelete(w http.ResponseWriter, r *http.Request) {
	ba, ok := s.coordinatedBreakout(w, r)
	if !ok {
		return
	}
	p := ba.Plan
	if err := s.Store.DeleteBreakoutPlan(r.Context(), p.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	back := "/networks/" + itoa64(p.NetworkID) + "/breakouts"
	if p.MeetingID != nil {
		back = showPath("meetings", *p.MeetingID)
	}
	redirectFlash(w, r, back, "flash.breakouts.deleted")
}
