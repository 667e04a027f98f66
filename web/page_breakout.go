package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/breakout"
)

// Breakout plans: a coordinator plans the breakout rounds of a meeting of
// the network from its members, with the network's earlier plans as
// history; the plan page shows the rounds, takes hand edits without
// JavaScript and offers a print view and CSV files (also for the
// breakout rooms of a video conference). Names are shown to coordinators
// and to the members in the plan only; e-mail addresses to coordinators
// only.

func (s *site) registerBreakoutRoutes() {
	s.get("/networks/{id}/breakouts", s.loggedIn(s.handleBreakouts))
	s.get("/networks/{id}/breakouts/new", s.editor(s.handleBreakoutNew))
	s.postEditor("/networks/{id}/breakouts/new", s.handleBreakoutCreate)
	s.get("/meetings/{id}/breakout/new", s.editor(s.handleMeetingBreakoutNew))
	s.postEditor("/meetings/{id}/breakout/new", s.handleMeetingBreakoutCreate)
	s.get("/breakouts/{id}", s.loggedIn(s.handleBreakoutShow))
	s.get("/breakouts/{id}/print", s.loggedIn(s.handleBreakoutPrint))
	s.postEditor("/breakouts/{id}/move", s.handleBreakoutMove)
	s.postEditor("/breakouts/{id}/swap", s.handleBreakoutSwap)
	s.get("/breakouts/{id}/rounds/{round}/groups.csv", s.loggedIn(s.handleBreakoutCSV))
	s.get("/breakouts/{id}/rounds/{round}/zoom.csv", s.editor(s.handleBreakoutZoomCSV))
	s.registerBreakoutEditRoutes()
}

// breakoutPairs is how many pairs the form offers to keep apart and to
// keep together.
const breakoutPairs = 3

// networkMembers returns the memberships of a network's circles by
// membership ID (as breakout names people): the current ones, or all
// (former members keep their names in older plans).
func (s *site) networkMembers(ctx context.Context, circles []*cdoatlas.Circle, all bool) ([]*cdoatlas.Membership, map[string]*cdoatlas.Membership, error) {
	var list []*cdoatlas.Membership
	byID := map[string]*cdoatlas.Membership{}
	for _, c := range circles {
		ms, err := s.Store.FindMemberships(ctx, c.ID, all)
		if err != nil {
			return nil, nil, err
		}
		for _, m := range ms {
			id := itoa64(m.ID)
			if _, dup := byID[id]; !dup {
				byID[id] = m
				list = append(list, m)
			}
		}
	}
	slices.SortStableFunc(list, func(a, b *cdoatlas.Membership) int { return strings.Compare(a.PersonName, b.PersonName) })
	return list, byID, nil
}

// breakoutsView lists the plans of a network the visitor may see.
type breakoutsView struct {
	page
	A     *networkAccess
	Plans []*cdoatlas.BreakoutPlan
}

func (s *site) handleBreakouts(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	a, ok := s.memberNetwork(w, r, id)
	if !ok {
		return
	}
	plans, err := s.Store.FindBreakoutPlans(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := &breakoutsView{page: s.newPage(w, r, "", tr(langFrom(r), "breakouts.of", a.Network.Name)), A: a}
	v.Nav = "members"
	for i := len(plans) - 1; i >= 0; i-- {
		if a.Coordinator || plans[i].Includes(a.Seats) {
			v.Plans = append(v.Plans, plans[i])
		}
	}
	s.render(w, r, http.StatusOK, "breakouts", v)
}

// breakoutPersonRow is a member on the form of a new plan.
type breakoutPersonRow struct {
	ID, Name, Circle     string
	New                  bool
	Attending, Moderator bool
}

// breakoutPairRow is one pair of selects of the form.
type breakoutPairRow struct {
	Kind string // apart or together
	N    int
	A, B []option
}

// breakoutSource is who a new plan seats: the current members of the
// network's circles, or the attendees of one of its meetings.
type breakoutSource struct {
	Network *cdoatlas.Network
	Meeting *cdoatlas.Meeting // nil for a plan of the network alone
	Members []*cdoatlas.Membership
	Circles map[int64]string // circle ID → name
	Action  string           // where the form posts
	Cancel  string
}

// byID returns the source's memberships by membership ID.
func (src *breakoutSource) byID() map[string]*cdoatlas.Membership {
	out := map[string]*cdoatlas.Membership{}
	for _, m := range src.Members {
		out[itoa64(m.ID)] = m
	}
	return out
}

// networkSource is the source of the network of the route, for one of
// its coordinators.
func (s *site) networkSource(w http.ResponseWriter, r *http.Request) (*breakoutSource, bool) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return nil, false
	}
	ctx := r.Context()
	circles, err := s.Store.FindCircles(ctx, n.ID)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	members, _, err := s.networkMembers(ctx, circles, false)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	path := "/networks/" + itoa64(n.ID) + "/breakouts"
	return &breakoutSource{Network: n, Members: members, Circles: circleNames(circles), Action: path + "/new", Cancel: path}, true
}

func circleNames(circles []*cdoatlas.Circle) map[int64]string {
	out := map[int64]string{}
	for _, c := range circles {
		out[c.ID] = c.Name
	}
	return out
}

// breakoutFormView is the form of a new plan.
type breakoutFormView struct {
	page
	Src    *breakoutSource
	People []breakoutPersonRow
	Goals  []option // Selected: the goal is on
	Apart  []breakoutPairRow
	Pairs  []breakoutPairRow
	Values map[string]string
	Errors map[string]string
}

// Error returns the translated validation message of a field, or "".
func (v *breakoutFormView) Error(name string) string {
	if k, ok := v.Errors[name]; ok {
		return messageText(v.Lang, k)
	}
	return ""
}

var breakoutGoals = []string{"size_class", "country", "region", "new"}

func (s *site) handleBreakoutNew(w http.ResponseWriter, r *http.Request) {
	src, ok := s.networkSource(w, r)
	if !ok {
		return
	}
	values := map[string]string{"group_size": "4", "rounds": "3"}
	s.renderBreakoutForm(w, r, src, http.StatusOK, values, nil, nil)
}

// pairOptions are the choices of a pair's selects: nobody, or one of
// people.
func pairOptions(people []option, form map[string][]string) (apart, together []breakoutPairRow) {
	people = append([]option{{Value: "", Label: "—"}}, people...)
	for _, kind := range []string{"apart", "together"} {
		for i := 1; i <= breakoutPairs; i++ {
			get := func(side string) string {
				if vs := form[kind+"_"+side+"_"+strconv.Itoa(i)]; len(vs) > 0 {
					return vs[0]
				}
				return ""
			}
			row := breakoutPairRow{Kind: kind, N: i, A: selectOptions(slices.Clone(people), get("a")), B: selectOptions(slices.Clone(people), get("b"))}
			if kind == "apart" {
				apart = append(apart, row)
			} else {
				together = append(together, row)
			}
		}
	}
	return apart, together
}

// fixedFromForm reads the moderators and pairs of a form; pairs left
// empty are skipped.
func fixedFromForm(f map[string][]string) (moderators []string, apart, together [][2]string) {
	get := func(k string) string {
		if vs := f[k]; len(vs) > 0 {
			return vs[0]
		}
		return ""
	}
	for _, kind := range []string{"apart", "together"} {
		for i := 1; i <= breakoutPairs; i++ {
			a, b := get(kind+"_a_"+strconv.Itoa(i)), get(kind+"_b_"+strconv.Itoa(i))
			if a == "" && b == "" {
				continue
			}
			if kind == "apart" {
				apart = append(apart, [2]string{a, b})
			} else {
				together = append(together, [2]string{a, b})
			}
		}
	}
	return f["moderator"], apart, together
}

// renderBreakoutForm shows the form; form is the posted form, or nil for
// a new one (everyone attends, every mixing goal is on).
func (s *site) renderBreakoutForm(w http.ResponseWriter, r *http.Request, src *breakoutSource, status int, values map[string]string, form map[string][]string, errs map[string]string) {
	title := tr(langFrom(r), "breakouts.new_of", src.Network.Name)
	if src.Meeting != nil {
		title = tr(langFrom(r), "breakouts.new_of_meeting", src.Meeting.Title)
	}
	v := &breakoutFormView{page: s.newPage(w, r, "", title), Src: src, Values: values, Errors: errs}
	v.Nav = "networks"
	v.HasErrors = len(errs) > 0
	now := time.Now()
	var people []option
	for _, m := range src.Members {
		id := itoa64(m.ID)
		row := breakoutPersonRow{ID: id, Name: m.PersonName, Circle: src.Circles[m.CircleID], New: cdoatlas.BreakoutPerson(m, now).New,
			Attending: form == nil || slices.Contains(form["person"], id), Moderator: slices.Contains(form["moderator"], id)}
		v.People = append(v.People, row)
		people = append(people, option{Value: id, Label: m.PersonName})
	}
	for _, g := range breakoutGoals {
		v.Goals = append(v.Goals, option{Value: g, Label: tr(v.Lang, "breakouts.goal."+g), Selected: form == nil || slices.Contains(form["goal"], g)})
	}
	v.Apart, v.Pairs = pairOptions(people, form)
	s.render(w, r, status, "breakout_new", v)
}

func (s *site) handleBreakoutCreate(w http.ResponseWriter, r *http.Request) {
	if src, ok := s.networkSource(w, r); ok {
		s.createBreakout(w, r, src)
	}
}

// createBreakout plans and saves the rounds of the form for the people of
// src, with the network's earlier plans as history.
func (s *site) createBreakout(w http.ResponseWriter, r *http.Request, src *breakoutSource) {
	ctx := r.Context()
	f := r.PostForm
	values := map[string]string{}
	for _, k := range []string{"title", "held_on", "group_size", "rounds"} {
		values[k] = strings.TrimSpace(f.Get(k))
	}
	errs := map[string]string{}
	current := src.byID()
	p := &cdoatlas.BreakoutPlan{NetworkID: src.Network.ID, Title: values["title"], HeldOn: values["held_on"]}
	if src.Meeting != nil {
		p.MeetingID = &src.Meeting.ID
	}
	now := time.Now()
	attending := map[string]bool{}
	for _, id := range f["person"] {
		if m, ok := current[id]; ok && !attending[id] {
			attending[id] = true
			p.Options.People = append(p.Options.People, cdoatlas.BreakoutPerson(m, now))
		}
	}
	k, err := strconv.Atoi(values["group_size"])
	if err != nil || k < 2 {
		errs["group_size"] = "breakouts.group_size_invalid"
	}
	p.Options.GroupSize = k
	rounds, err := strconv.Atoi(values["rounds"])
	if err != nil || rounds < 1 || rounds > breakout.MaxRounds {
		errs["rounds"] = "breakouts.rounds_invalid"
	}
	for _, g := range f["goal"] {
		switch g {
		case "size_class":
			p.Options.Weights.SizeClass = 1
		case "country":
			p.Options.Weights.Country = 1
		case "region":
			p.Options.Weights.Region = 1
		case "new":
			p.Options.Weights.New = 1
		}
	}
	moderators, apart, together := fixedFromForm(f)
	for k, m := range fieldErrors(p.SetFixed(moderators, apart, together)) {
		errs[k] = m
	}
	// Check the fields before the planning, which takes a while.
	check := *p
	check.Rounds = make([][][]string, 1)
	for k, m := range fieldErrors(check.Validate()) {
		if _, ok := errs[k]; !ok {
			errs[k] = m
		}
	}
	if len(errs) == 0 {
		plans, err := s.Store.FindBreakoutPlans(ctx, src.Network.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p.Options.Seed = uint64(len(plans) + 1)
		err = cdoatlas.MakeBreakoutPlan(p, rounds, cdoatlas.BreakoutHistory(plans, 0))
		if err == nil {
			err = s.Store.CreateBreakoutPlan(ctx, p)
		}
		switch cdoatlas.ErrorCode(err) {
		case "":
		case cdoatlas.EINVALID:
			errs = fieldErrors(err)
		case cdoatlas.ECONFLICT:
			s.renderErrorText(w, r, http.StatusConflict, "breakouts.meeting_has_plan")
			return
		default:
			s.fail(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		s.renderBreakoutForm(w, r, src, http.StatusUnprocessableEntity, values, f, errs)
		return
	}
	redirectFlash(w, r, showPath("breakouts", p.ID), "flash.breakouts.created")
}
