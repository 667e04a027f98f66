package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// The network pages: coordinators (editors) set up networks with their
// circles and publish calls; anyone applies to an open call through a
// public form without an account and follows the application through a
// private link.

func (s *site) registerNetworkRoutes() {
	s.get("/networks", s.editor(s.handleNetworkIndex))
	s.get("/networks/new", s.editor(s.handleNetworkNew))
	s.postEditor("/networks/new", s.handleNetworkCreate)
	s.get("/networks/{id}", s.editor(s.handleNetworkShow))
	s.postEditor("/networks/{id}/goals", s.handleGoals)
	s.postEditor("/networks/{id}/coordinators", s.handleCoordinatorAdd)
	s.get("/networks/{id}/members/new", s.editor(s.handleMemberNew))
	s.postEditor("/networks/{id}/members/new", s.handleMemberCreate)
	s.get("/networks/{id}/calls/new", s.editor(s.handleCallNew))
	s.postEditor("/networks/{id}/calls/new", s.handleCallCreate)
	s.get("/calls/{id}/applications", s.editor(s.handleCallApplications))
	s.get("/calls", s.handleCallIndex)
	s.get("/calls/{id}", s.handleCallShow)
	s.post("/calls/{id}", s.handleApply)
	s.get("/applications/{secret}", s.handleApplicationStatus)
	s.post("/applications/{secret}", s.handleOfferAnswer)
	s.post("/applications/{secret}/withdraw", s.handleApplicationWithdraw)
}

// networkView lists networks, or shows one with its circles and calls.
type networkView struct {
	page
	Networks []*cdoatlas.Network
	Network  *cdoatlas.Network
	Circles  []*cdoatlas.Circle
	Calls    []*cdoatlas.Call
	MakeUps  []circleMakeUp
	// Coordinators run the network; without any, only admins do.
	Coordinators []*cdoatlas.User
}

// mayCoordinate reports whether the visitor runs the network: an admin or
// one of its coordinators. A network without coordinators (such as the
// demo's) is run by admins alone, who name its coordinators: an editor
// cannot make themself the coordinator of someone else's network.
func (s *site) mayCoordinate(ctx context.Context, networkID int64) (bool, error) {
	u := userFrom(ctx)
	switch {
	case u == nil || !u.CanEdit():
		return false, nil
	case u.Role == cdoatlas.UserAdmin:
		return true, nil
	}
	return s.Store.IsCoordinator(ctx, networkID, u.ID)
}

// coordinates is mayCoordinate for a handler: it answers 403 (or the
// error) when the visitor may not.
func (s *site) coordinates(w http.ResponseWriter, r *http.Request, networkID int64) bool {
	ok, err := s.mayCoordinate(r.Context(), networkID)
	if err != nil {
		s.fail(w, r, err)
		return false
	}
	if !ok {
		s.renderError(w, r, http.StatusForbidden)
	}
	return ok
}

// coordinatedNetwork loads the network of the route for a coordinator; it
// answers 404, 403 or the error and returns false otherwise.
func (s *site) coordinatedNetwork(w http.ResponseWriter, r *http.Request) (*cdoatlas.Network, bool) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return nil, false
	}
	n, err := s.Store.FindNetworkByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.coordinates(w, r, id) {
		return nil, false
	}
	return n, true
}

func (s *site) handleNetworkIndex(w http.ResponseWriter, r *http.Request) {
	v := &networkView{page: s.newPage(w, r, "network.index", "")}
	v.Nav = "networks"
	all, err := s.Store.FindNetworks(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, n := range all {
		ok, err := s.mayCoordinate(r.Context(), n.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if ok {
			v.Networks = append(v.Networks, n)
		}
	}
	s.render(w, r, http.StatusOK, "network_index", v)
}

// handleCoordinatorAdd makes the account with the e-mail address a
// coordinator of the network.
func (s *site) handleCoordinatorAdd(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok || !s.coordinates(w, r, id) {
		if !ok {
			s.renderError(w, r, http.StatusNotFound)
		}
		return
	}
	back := showPath("networks", id) + "#coordinators"
	u, err := s.Store.FindUserByEmail(r.Context(), r.PostForm.Get("email"))
	if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND || err == nil && !u.CanEdit() {
		redirectFlash(w, r, back, "flash.coordinator_unknown")
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.Store.AddCoordinator(r.Context(), id, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, back, "flash.saved")
}

func (s *site) handleNetworkShow(w http.ResponseWriter, r *http.Request) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return
	}
	ctx, id := r.Context(), n.ID
	var err error
	v := &networkView{page: s.newPage(w, r, "", n.Name), Network: n}
	if v.Coordinators, err = s.Store.FindCoordinators(ctx, id); err != nil {
		s.fail(w, r, err)
		return
	}
	v.Nav = "networks"
	if v.Circles, err = s.Store.FindCircles(ctx, id); err == nil {
		v.Calls, err = s.Store.FindCalls(ctx, id)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range v.Circles {
		members, err := s.Store.FindMemberships(ctx, c.ID, false)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		v.MakeUps = append(v.MakeUps, makeUp(v.Lang, n, c, members))
	}
	s.render(w, r, http.StatusOK, "network_show", v)
}

// goalRow is a balance goal on the network page.
type goalRow struct {
	Name, Label string
	Weight      string
}

// Goals lists the network's balance goals with their weights.
func (v *networkView) Goals() []goalRow {
	var out []goalRow
	for _, a := range cdoatlas.BalanceAttributes {
		out = append(out, goalRow{Name: a, Label: v.T("goal." + a), Weight: strconv.FormatFloat(v.Network.Goals[a], 'g', -1, 64)})
	}
	return out
}

// handleGoals saves the weights of the balance goals.
func (s *site) handleGoals(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	if !s.coordinates(w, r, id) {
		return
	}
	goals := map[string]float64{}
	for _, a := range cdoatlas.BalanceAttributes {
		s := strings.Replace(strings.TrimSpace(r.PostForm.Get("goal_"+a)), ",", ".", 1)
		if s == "" {
			continue
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			x = -1 // refused by validation
		}
		goals[a] = x
	}
	switch err := s.Store.SetGoals(r.Context(), id, goals); cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, showPath("networks", id)+"#goals", "flash.saved")
	case cdoatlas.EINVALID:
		redirectFlash(w, r, showPath("networks", id)+"#goals", "flash.goals_invalid")
	default:
		s.fail(w, r, err)
	}
}

func networkForm(p *page, values url.Values, errs map[string]string) *form {
	b := newForm(p, "/networks/new", "form.save", values, errs)
	b.add(field{Name: "name", Label: "field.name", Required: true}).
		add(field{Name: "description", Label: "network.description", Type: "textarea"}).
		add(field{Name: "capacity", Label: "network.core_capacity", Hint: "network.core_capacity_hint", Inputmode: "numeric", Required: true})
	return b.done("/networks")
}

func (s *site) handleNetworkNew(w http.ResponseWriter, r *http.Request) {
	v := &formView{page: s.newPage(w, r, "network.new", ""), Back: "/networks", BackText: tr(langFrom(r), "network.index")}
	v.Nav = "networks"
	v.Form = networkForm(&v.page, url.Values{"capacity": {"40"}}, nil)
	s.renderForm(w, r, http.StatusOK, v)
}

// handleNetworkCreate stores a network with a capped core circle and an
// open circle.
func (s *site) handleNetworkCreate(w http.ResponseWriter, r *http.Request) {
	f := r.PostForm
	n := &cdoatlas.Network{Name: f.Get("name"), Description: f.Get("description")}
	errs := map[string]string{}
	capacity, err := strconv.Atoi(strings.TrimSpace(f.Get("capacity")))
	if err != nil || capacity < 1 || capacity > 100000 {
		errs["capacity"] = "capacity.invalid"
	}
	if err := n.Validate(); err != nil {
		for k, v := range fieldErrors(err) {
			errs[k] = v
		}
	}
	if len(errs) > 0 {
		v := &formView{page: s.newPage(w, r, "network.new", ""), Back: "/networks", BackText: tr(langFrom(r), "network.index")}
		v.Nav = "networks"
		v.Form = networkForm(&v.page, f, errs)
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	ctx := r.Context()
	if err := s.Store.CreateNetwork(ctx, n); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.Store.AddCoordinator(ctx, n.ID, userFrom(ctx).ID); err != nil {
		s.fail(w, r, err)
		return
	}
	lang := langFrom(r)
	for _, c := range []*cdoatlas.Circle{
		{NetworkID: n.ID, Name: tr(lang, "network.core_circle"), Capacity: capacity},
		{NetworkID: n.ID, Name: tr(lang, "network.open_circle")},
	} {
		if err := s.Store.CreateCircle(ctx, c); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	redirectFlash(w, r, showPath("networks", n.ID), "flash.saved")
}
