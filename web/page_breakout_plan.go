package web

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// breakoutAccess is a plan with what the visitor may do with it.
type breakoutAccess struct {
	Plan *cdoatlas.BreakoutPlan
	A    *networkAccess
	// Members are the network's memberships, former ones included, by
	// membership ID: the names (and e-mail addresses) of the plan.
	Members map[string]*cdoatlas.Membership
}

// accessBreakout loads a plan for a coordinator of its network or a
// member who sits in it; EFORBIDDEN for everyone else.
func (s *site) accessBreakout(ctx context.Context, id int64) (*breakoutAccess, error) {
	p, err := s.Store.FindBreakoutPlanByID(ctx, id)
	if err != nil {
		return nil, err
	}
	a, err := s.accessNetwork(ctx, p.NetworkID)
	if err != nil {
		return nil, err
	}
	if !a.Coordinator && !p.Includes(a.Seats) {
		return nil, cdoatlas.Errorf(cdoatlas.EFORBIDDEN, "breakouts.not_in_plan")
	}
	_, members, err := s.networkMembers(ctx, a.Circles, true)
	if err != nil {
		return nil, err
	}
	return &breakoutAccess{Plan: p, A: a, Members: members}, nil
}

// routeBreakout is accessBreakout for the plan of a page's route.
func (s *site) routeBreakout(w http.ResponseWriter, r *http.Request) (*breakoutAccess, bool) {
	return routeAccess(s, w, r, s.accessBreakout)
}

// breakoutSeat is a person in a group.
type breakoutSeat struct {
	Name      string
	Moderator bool
	Own       bool // the visitor
}

// breakoutGroup is a group of a round.
type breakoutGroup struct {
	N      int
	Room   string
	People []breakoutSeat
}

// breakoutRound is a round of the plan page.
type breakoutRound struct {
	N      int
	Groups []breakoutGroup
	Moves  []option // the groups a person can be moved to
}

// breakoutView is the page of a plan, and its print view.
type breakoutView struct {
	page
	BA        *breakoutAccess
	Rounds    []breakoutRound
	People    []option          // everyone in the plan, by name: the edit forms' choices
	OverBound bool              // more rounds than can pass without a repeat
	NoEmail   int               // people without an e-mail address (missing from the Zoom files)
	Meeting   *cdoatlas.Meeting // the plan's meeting, when the visitor may see it
}

// name is the name of a person of the plan.
func (ba *breakoutAccess) name(lang, id string) string {
	if m, ok := ba.Members[id]; ok {
		return m.PersonName
	}
	return tr(lang, "breakouts.unknown_person")
}

func (s *site) breakoutView(w http.ResponseWriter, r *http.Request, ba *breakoutAccess) *breakoutView {
	p := ba.Plan
	v := &breakoutView{page: s.newPage(w, r, "", p.Title), BA: ba, OverBound: len(p.Rounds) > p.Bound}
	v.Nav = "members"
	own := map[string]bool{}
	for _, m := range ba.A.Seats {
		own[itoa64(m.ID)] = true
	}
	for ri, round := range p.Rounds {
		br := breakoutRound{N: ri + 1}
		for gi, group := range round {
			g := breakoutGroup{N: gi + 1, Room: tr(v.Lang, "breakouts.room", ri+1, gi+1)}
			for _, id := range group {
				g.People = append(g.People, breakoutSeat{Name: ba.name(v.Lang, id), Moderator: slices.Contains(p.Options.Moderators, id), Own: own[id]})
			}
			br.Groups = append(br.Groups, g)
			br.Moves = append(br.Moves, option{Value: strconv.Itoa(gi + 1), Label: g.Room})
		}
		v.Rounds = append(v.Rounds, br)
	}
	for _, q := range p.Options.People {
		v.People = append(v.People, option{Value: q.ID, Label: ba.name(v.Lang, q.ID)})
		if m, ok := ba.Members[q.ID]; !ok || m.Email == "" || cdoatlas.IsErasedAddress(m.Email) {
			v.NoEmail++
		}
	}
	slices.SortStableFunc(v.People, func(a, b option) int { return compareStrings(a.Label, b.Label) })
	return v
}

func (s *site) handleBreakoutShow(w http.ResponseWriter, r *http.Request) {
	ba, ok := s.routeBreakout(w, r)
	if !ok {
		return
	}
	v := s.breakoutView(w, r, ba)
	if id := ba.Plan.MeetingID; id != nil {
		m, err := s.Store.FindMeetingByID(r.Context(), *id)
		if err != nil && cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			s.fail(w, r, err)
			return
		}
		if err == nil {
			if _, invited := m.Invitee(ba.A.Seats); ba.A.Coordinator || invited {
				v.Meeting = m
			}
		}
	}
	s.render(w, r, http.StatusOK, "breakout_show", v)
}

func (s *site) handleBreakoutPrint(w http.ResponseWriter, r *http.Request) {
	ba, ok := s.routeBreakout(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "breakout_print", s.breakoutView(w, r, ba))
}

// editBreakout applies a hand edit of a coordinator to the plan of the
// route, recounts its figures against the network's earlier plans and
// saves it.
func (s *site) editBreakout(w http.ResponseWriter, r *http.Request, edit func(p *cdoatlas.BreakoutPlan, round int) error) {
	ba, ok := s.coordinatedBreakout(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	p := ba.Plan
	round, _ := strconv.Atoi(r.PostForm.Get("round"))
	back := showPath("breakouts", p.ID)
	err := edit(p, round-1)
	if err == nil {
		var plans []*cdoatlas.BreakoutPlan
		if plans, err = s.Store.FindBreakoutPlans(ctx, p.NetworkID); err != nil {
			s.fail(w, r, err)
			return
		}
		if err = p.Score(cdoatlas.BreakoutHistory(plans, p.ID)); err == nil {
			err = s.Store.UpdateBreakoutRounds(ctx, p)
		}
	}
	switch cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, back+"#round-"+strconv.Itoa(round), "flash.breakouts.edited")
	case cdoatlas.EINVALID, cdoatlas.ECONFLICT:
		redirectFlash(w, r, back+"#round-"+strconv.Itoa(round), "flash.breakouts.edit_invalid")
	default:
		s.fail(w, r, err)
	}
}

// handleBreakoutMove moves a person to another group of a round.
func (s *site) handleBreakoutMove(w http.ResponseWriter, r *http.Request) {
	s.editBreakout(w, r, func(p *cdoatlas.BreakoutPlan, round int) error {
		g, err := strconv.Atoi(r.PostForm.Get("group"))
		if err != nil {
			g = 0
		}
		return p.Move(round, r.PostForm.Get("person"), g-1)
	})
}

// handleBreakoutSwap lets two people of a round change groups.
func (s *site) handleBreakoutSwap(w http.ResponseWriter, r *http.Request) {
	s.editBreakout(w, r, func(p *cdoatlas.BreakoutPlan, round int) error {
		return p.Swap(round, r.PostForm.Get("a"), r.PostForm.Get("b"))
	})
}

// routeRound reads the {round} of the route: 1 … the plan's rounds.
func routeRound(r *http.Request, p *cdoatlas.BreakoutPlan) (int, bool) {
	n, err := strconv.Atoi(r.PathValue("round"))
	return n, err == nil && n >= 1 && n <= len(p.Rounds)
}

// handleBreakoutCSV writes the groups of a round: room, group, name and
// whether the person moderates.
func (s *site) handleBreakoutCSV(w http.ResponseWriter, r *http.Request) {
	ba, ok := s.routeBreakout(w, r)
	if !ok {
		return
	}
	p := ba.Plan
	n, ok := routeRound(r, p)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	lang := langFrom(r)
	var rows [][]string
	for gi, group := range p.Rounds[n-1] {
		for _, id := range group {
			mod := ""
			if slices.Contains(p.Options.Moderators, id) {
				mod = "x"
			}
			rows = append(rows, []string{strconv.Itoa(n), strconv.Itoa(gi + 1), tr(lang, "breakouts.room", n, gi+1), ba.name(lang, id), mod})
		}
	}
	s.writeBreakoutCSV(w, r, []string{"round", "group", "room", "name", "moderator"}, rows, "breakout-"+itoa64(p.ID)+"-round-"+strconv.Itoa(n))
}

// handleBreakoutZoomCSV writes the file Zoom imports to pre-assign the
// breakout rooms of one meeting (one round): a room name and an e-mail
// address per person. People without an address are left out (the plan
// page says how many). Coordinators only: it holds the addresses.
func (s *site) handleBreakoutZoomCSV(w http.ResponseWriter, r *http.Request) {
	ba, ok := s.coordinatedBreakout(w, r)
	if !ok {
		return
	}
	p := ba.Plan
	n, ok := routeRound(r, p)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	lang := langFrom(r)
	var rows [][]string
	for gi, group := range p.Rounds[n-1] {
		for _, id := range group {
			if m, ok := ba.Members[id]; ok && m.Email != "" && !cdoatlas.IsErasedAddress(m.Email) {
				rows = append(rows, []string{tr(lang, "breakouts.room", n, gi+1), m.Email})
			}
		}
	}
	s.writeBreakoutCSV(w, r, []string{"Pre-assign Room Name", "Email Address"}, rows, "breakout-"+itoa64(p.ID)+"-round-"+strconv.Itoa(n)+"-zoom")
}

func (s *site) writeBreakoutCSV(w http.ResponseWriter, r *http.Request, header []string, rows [][]string, name string) {
	var buf bytes.Buffer
	if err := tabular.WriteCSV(&buf, header, rows, tabular.RFC4180); err != nil {
		s.fail(w, r, cdoatlas.Internal(err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	h.Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}
