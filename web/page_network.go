package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
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

func (s *site) callForm(p *page, networkID int64, circles []*cdoatlas.Circle, values url.Values, errs map[string]string) *form {
	var opts []option
	for _, c := range circles {
		label := c.Name
		if c.Capacity > 0 {
			label += " (" + tr(p.Lang, "network.seats", c.Capacity) + ")"
		}
		opts = append(opts, option{Value: strconv.FormatInt(c.ID, 10), Label: label})
	}
	action := showPath("networks", networkID) + "/calls/new"
	b := newForm(p, action, "call.publish", values, errs)
	b.add(field{Name: "circle_id", Label: "call.circle", Type: "select", Required: true, Options: opts}).
		add(field{Name: "title", Label: "field.title", Required: true}).
		add(field{Name: "text", Label: "call.text", Type: "textarea", Rows: 8}).
		add(field{Name: "criteria", Label: "call.criteria", Hint: "call.criteria_hint", Type: "textarea", Rows: 5}).
		add(field{Name: "deadline", Label: "call.deadline", Hint: "call.deadline_hint", Required: true})
	return b.done(showPath("networks", networkID))
}

func (s *site) loadNetworkForCall(w http.ResponseWriter, r *http.Request) (*cdoatlas.Network, []*cdoatlas.Circle, bool) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return nil, nil, false
	}
	circles, err := s.Store.FindCircles(r.Context(), n.ID)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return n, circles, true
}

func (s *site) handleCallNew(w http.ResponseWriter, r *http.Request) {
	n, circles, ok := s.loadNetworkForCall(w, r)
	if !ok {
		return
	}
	v := &formView{page: s.newPageFor(w, r, "call.new_for", n.Name), Back: showPath("networks", n.ID), BackText: n.Name}
	v.Nav = "networks"
	v.Form = s.callForm(&v.page, n.ID, circles, nil, nil)
	s.renderForm(w, r, http.StatusOK, v)
}

func (s *site) handleCallCreate(w http.ResponseWriter, r *http.Request) {
	n, circles, ok := s.loadNetworkForCall(w, r)
	if !ok {
		return
	}
	f := r.PostForm
	circleID, _ := strconv.ParseInt(f.Get("circle_id"), 10, 64)
	c := &cdoatlas.Call{CircleID: circleID, Title: f.Get("title"), Text: f.Get("text"), Criteria: f.Get("criteria"),
		Deadline: cdoatlas.PartialDate(f.Get("deadline"))}
	belongs := false
	for _, ci := range circles {
		belongs = belongs || ci.ID == circleID
	}
	var err error
	if !belongs {
		err = cdoatlas.FieldErrors{"circle_id": "circle.unknown"}.Err()
	} else {
		err = s.Store.CreateCall(r.Context(), c)
	}
	if err != nil {
		errs := fieldErrors(err)
		if errs == nil {
			s.fail(w, r, err)
			return
		}
		v := &formView{page: s.newPageFor(w, r, "call.new_for", n.Name), Back: showPath("networks", n.ID), BackText: n.Name}
		v.Nav = "networks"
		v.Form = s.callForm(&v.page, n.ID, circles, f, errs)
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectFlash(w, r, showPath("networks", n.ID), "flash.call_published")
}

// callView is the public page of a call with the application form, or
// the list of open calls.
type callView struct {
	page
	Calls    []*cdoatlas.Call
	Call     *cdoatlas.Call
	Network  *cdoatlas.Network
	Open     bool
	Form     *form
	Deadline string

	// The coordinators' list of applications.
	Path      string
	Rows      []applicationRow
	Status    string            // the status filter; "" for all
	Statuses  []option          // the status filter's choices
	Downloads map[string]string // format → URL
}

func (s *site) handleCallIndex(w http.ResponseWriter, r *http.Request) {
	v := &callView{page: s.newPage(w, r, "call.index", "")}
	v.Nav = "calls"
	v.uncached = true // calls are not registry data
	calls, err := s.Store.FindCalls(r.Context(), 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := time.Now()
	for _, c := range calls {
		if c.Open(now) {
			v.Calls = append(v.Calls, c)
		}
	}
	s.render(w, r, http.StatusOK, "call_index", v)
}

func (s *site) loadCall(w http.ResponseWriter, r *http.Request, titleKey string) (*callView, bool) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return nil, false
	}
	c, err := s.Store.FindCallByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	n, err := s.Store.FindNetworkByID(r.Context(), c.NetworkID)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	var p page
	if titleKey != "" {
		p = s.newPageFor(w, r, titleKey, c.Title)
	} else {
		p = s.newPage(w, r, "", c.Title)
	}
	v := &callView{page: p, Call: c, Network: n, Open: c.Open(time.Now())}
	v.Deadline = formatDate(v.Lang, c.Deadline)
	v.Nav = "calls"
	return v, true
}

func (s *site) handleCallShow(w http.ResponseWriter, r *http.Request) {
	v, ok := s.loadCall(w, r, "")
	if !ok {
		return
	}
	if v.Open {
		v.Form = applicationForm(&v.page, v.Call.ID, url.Values{}, nil)
	}
	s.render(w, r, http.StatusOK, "call_show", v)
}

// applicationForm is the public application form.
func applicationForm(p *page, callID int64, values url.Values, errs map[string]string) *form {
	lang := p.Lang
	genders := []option{{Value: "", Label: tr(lang, "application.gender_none")}}
	for _, g := range []string{"f", "m", "d"} {
		genders = append(genders, option{Value: g, Label: tr(lang, "gender."+g)})
	}
	b := newForm(p, showPath("calls", callID), "application.submit", values, errs)
	b.add(field{Name: "person_name", Label: "application.person_name", Required: true, Autocomplete: "name"}).
		add(field{Name: "email", Label: "application.email", Hint: "application.email_hint", Type: "email", Required: true, Autocomplete: "email"})
	organizationFields(b, lang)
	b.add(field{Name: "title", Label: "application.title", Required: true, Autocomplete: "organization-title"}).
		add(field{Name: "tasks", Label: "application.tasks", Hint: "application.tasks_hint", Type: "textarea", Rows: 8, Required: true}).
		add(field{Name: "placement", Label: "field.placement", Type: "select", Options: enumOptions(lang, "placement", cdoatlas.Placements, "value.none")}).
		add(field{Name: "mandate", Label: "application.mandate", Hint: "application.mandate_hint", Type: "textarea", Rows: 3}).
		add(field{Name: "gender", Label: "application.gender", Hint: "application.gender_hint", Type: "select", Options: genders}).
		add(field{Name: "consent", Label: "application.consent", Hint: "application.consent_hint", Type: "checkbox", Required: true}).
		add(field{Name: "news_consent", Label: "application.news_consent", Hint: "application.news_consent_hint", Type: "checkbox"}).
		add(field{Name: "website", Label: "application.honeypot", Type: "honeypot"})
	return b.done("")
}

// organizationFields adds the organization an applicant or member names:
// recognised in the registry by name or code, or described when new.
func organizationFields(b *formBuilder, lang string) {
	b.add(field{Name: "organization_name", Label: "field.organization", Hint: "application.organization_hint", Required: true, Autocomplete: "organization"}).
		add(field{Name: "official_code", Label: "field.official_code", Hint: "application.official_code_hint"}).
		group("application.new_organization",
			field{Name: "kind", Label: "field.kind", Type: "select", Options: enumOptions(lang, "kind", cdoatlas.Kinds, "form.choose")},
			field{Name: "country", Label: "field.country", Type: "select", Options: countryOptions(lang, "form.choose")},
			field{Name: "region", Label: "field.region", Hint: "application.region_hint"},
			field{Name: "population", Label: "field.population", Inputmode: "numeric"})
}

// handleApply stores an application: a filled honeypot pretends success
// and stores nothing; too many applications from one address are refused
// for a while.
func (s *site) handleApply(w http.ResponseWriter, r *http.Request) {
	v, ok := s.loadCall(w, r, "")
	if !ok {
		return
	}
	if !v.Open {
		s.renderErrorText(w, r, http.StatusGone, "call.closed_text")
		return
	}
	f := r.PostForm
	if f.Get("website") != "" {
		s.Logger.Info("application honeypot filled", "call", v.Call.ID)
		s.render(w, r, http.StatusOK, "application_thanks", &applicationView{page: v.page})
		return
	}
	// Every application counts, also one refused for its fields.
	if ok, err := s.attempt(r.Context(), applyLimit, clientIP(r)); err != nil {
		s.fail(w, r, err)
		return
	} else if !ok {
		s.renderErrorText(w, r, http.StatusTooManyRequests, "application.too_many")
		return
	}
	a := &cdoatlas.Application{CallID: v.Call.ID, PersonName: f.Get("person_name"), Email: f.Get("email"),
		OrganizationName: f.Get("organization_name"), Kind: f.Get("kind"), Country: f.Get("country"), Region: f.Get("region"),
		Title: f.Get("title"), Tasks: f.Get("tasks"), Placement: f.Get("placement"), Mandate: f.Get("mandate"),
		Gender: f.Get("gender"), Consent: checked(f, "consent"), NewsConsent: checked(f, "news_consent")}
	pe := parseErrors{}
	a.Population = pe.int64Field(f, "population")
	if len(pe) == 0 {
		org := applicantOrg{Name: a.OrganizationName, OfficialCode: f.Get("official_code"), Kind: a.Kind, Country: a.Country,
			Region: a.Region, Population: a.Population}
		s.findApplicantOrganization(r.Context(), &org)
		a.OrganizationID, a.Kind, a.Country, a.Region, a.Population = org.ID, org.Kind, org.Country, org.Region, org.Population
	}
	secret, err := "", a.Validate()
	if err == nil && len(pe) == 0 {
		secret, err = s.Store.CreateApplication(r.Context(), a)
	}
	if errors.Is(err, cdoatlas.ErrApplied) {
		// The address applied before: its status link went to it again.
		// The page tells nothing about that application.
		s.render(w, r, http.StatusOK, "application_thanks", &applicationView{page: v.page, Repeated: true})
		return
	}
	if err != nil || len(pe) > 0 {
		errs := fieldErrors(err)
		if errs == nil && err != nil {
			s.fail(w, r, err)
			return
		}
		if errs == nil {
			errs = map[string]string{}
		}
		for k, m := range pe {
			errs[k] = m
		}
		v.Form = applicationForm(&v.page, v.Call.ID, f, errs)
		v.HasErrors = true
		s.render(w, r, http.StatusUnprocessableEntity, "call_show", v)
		return
	}
	http.Redirect(w, r, "/applications/"+secret+"?new=1", http.StatusSeeOther)
}

// applicationView is the private status page of an application.
type applicationView struct {
	page
	App      *cdoatlas.Application
	Call     *cdoatlas.Call
	Network  *cdoatlas.Network
	New      bool
	Repeated bool   // the address had applied to the call before
	Path     string // of the status page
	Link     string // the status page's full address, to copy
	Applied  string
	Deadline string
	Offer    *cdoatlas.Offer
	Expires  string
	// Withdraw is the form to withdraw an open application, nil for one
	// decided.
	Withdraw *form
}

// withdrawable reports whether the applicant may still withdraw an
// application in the status.
func withdrawable(status string) bool {
	switch status {
	case cdoatlas.ApplicationReceived, cdoatlas.ApplicationReview, cdoatlas.ApplicationWaitlisted:
		return true
	}
	return false
}

// absoluteURL returns the full address of a path on this site as the
// visitor reached it.
func absoluteURL(r *http.Request, path string) string {
	scheme := "http"
	if secureRequest(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

// loadApplicationStatus reads the application of the route's secret for
// its status page; it answers 404 or the error and returns nil otherwise.
func (s *site) loadApplicationStatus(w http.ResponseWriter, r *http.Request) *applicationView {
	secret := r.PathValue("secret")
	ctx := r.Context()
	a, err := s.Store.FindApplicationBySecret(ctx, secret)
	if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
		s.renderError(w, r, http.StatusNotFound)
		return nil
	} else if err != nil {
		s.fail(w, r, err)
		return nil
	}
	c, err := s.Store.FindCallByID(ctx, a.CallID)
	if err != nil {
		s.fail(w, r, err)
		return nil
	}
	n, err := s.Store.FindNetworkByID(ctx, c.NetworkID)
	if err != nil {
		s.fail(w, r, err)
		return nil
	}
	v := &applicationView{page: s.newPage(w, r, "application.status_title", ""), App: a, Call: c, Network: n}
	v.uncached = true // one applicant's page
	v.Path = "/applications/" + secret
	v.Link = absoluteURL(r, v.Path)
	v.Applied = formatDate(v.Lang, cdoatlas.PartialDate(a.AppliedAt.UTC().Format("2006-01-02")))
	v.Deadline = formatDate(v.Lang, c.Deadline)
	if o, err := s.Store.FindOpenOffer(ctx, a.ID); err == nil {
		v.Offer = o
		v.Expires = formatDate(v.Lang, cdoatlas.PartialDate(o.ExpiresAt.UTC().Format("2006-01-02")))
	} else if cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
		s.fail(w, r, err)
		return nil
	}
	if withdrawable(a.Status) {
		v.Withdraw = withdrawForm(&v.page, v.Path, nil)
	}
	return v
}

// withdrawForm asks the applicant to confirm the withdrawal.
func withdrawForm(p *page, statusPath string, errs map[string]string) *form {
	b := newForm(p, statusPath+"/withdraw", "application.withdraw", nil, errs)
	b.add(field{Name: "confirm", Label: "application.withdraw_confirm", Type: "checkbox", Required: true})
	return b.done("")
}

// renderApplicationStatus draws the status page, which search engines and
// caches must not keep.
func (s *site) renderApplicationStatus(w http.ResponseWriter, r *http.Request, status int, v *applicationView) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	s.render(w, r, status, "application_status", v)
}

func (s *site) handleApplicationStatus(w http.ResponseWriter, r *http.Request) {
	v := s.loadApplicationStatus(w, r)
	if v == nil {
		return
	}
	v.New = r.URL.Query().Get("new") == "1"
	s.renderApplicationStatus(w, r, http.StatusOK, v)
}

// handleApplicationWithdraw withdraws an open application once the
// applicant confirmed it; a seat it was offered goes to the next.
func (s *site) handleApplicationWithdraw(w http.ResponseWriter, r *http.Request) {
	v := s.loadApplicationStatus(w, r)
	if v == nil {
		return
	}
	if v.Withdraw != nil && !checked(r.PostForm, "confirm") {
		v.Withdraw = withdrawForm(&v.page, v.Path, map[string]string{"confirm": "application.confirm_missing"})
		v.HasErrors = true
		s.renderApplicationStatus(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	ctx := r.Context()
	switch err := s.Store.WithdrawApplication(ctx, r.PathValue("secret")); cdoatlas.ErrorCode(err) {
	case "":
		if v.Offer != nil {
			s.runOffers(ctx)
		}
		redirectFlash(w, r, v.Path, "flash.application_withdrawn")
	case cdoatlas.ECONFLICT:
		redirectFlash(w, r, v.Path, "flash.application_kept")
	default:
		s.fail(w, r, err)
	}
}

// handleOfferAnswer takes the applicant's answer to an offered seat; a
// declined seat is offered to the next at once.
func (s *site) handleOfferAnswer(w http.ResponseWriter, r *http.Request) {
	secret := r.PathValue("secret")
	ctx := r.Context()
	a, err := s.Store.FindApplicationBySecret(ctx, secret)
	if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
		s.renderError(w, r, http.StatusNotFound)
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	accept := r.PostForm.Get("answer") == "accept"
	err = s.Store.AnswerOffer(ctx, a.ID, accept)
	switch cdoatlas.ErrorCode(err) {
	case "":
		if !accept {
			s.runOffers(ctx)
		}
		redirectFlash(w, r, "/applications/"+secret, "flash.offer_answered")
	case cdoatlas.ENOTFOUND, cdoatlas.ECONFLICT:
		redirectFlash(w, r, "/applications/"+secret, "flash.offer_gone")
	default:
		s.fail(w, r, err)
	}
}

// runOffers passes free seats on now; the background job would do it
// within a minute anyway.
func (s *Server) runOffers(ctx context.Context) {
	if _, _, err := s.Store.RunOffers(ctx, s.OfferTime); err != nil {
		s.Logger.ErrorContext(ctx, "offers", "error", err)
	}
}

// applicationRow is an application as the coordinators' list shows it.
type applicationRow struct {
	*cdoatlas.Application
	Applied     string   // the day it came in, in full (DD.MM.YYYY)
	Offer       string   // the expiry date of an open offer
	Reasons     []string // the check's reasons, in the page's language
	TasksShort  string   // the tasks cut to tasksShortLen, when longer
	StatusLabel string   // the status in coordinators' words
}

// tasksShortLen is how many characters of the tasks the list shows
// before the rest is folded away.
const tasksShortLen = 150

// applicationColumns are the columns of the applications download.
var applicationColumns = []string{"person_name", "email", "organization", "title", "tasks", "cdo_check", "status", "applied_at", "offer_expires_at"}

// handleCallApplications lists a call's applications for the network's
// coordinators, filterable by status (?status=), or sends them as a
// download (?format=csv, csv-de or xlsx).
func (s *site) handleCallApplications(w http.ResponseWriter, r *http.Request) {
	v, ok := s.loadCall(w, r, "call.applications_of")
	if !ok || !s.coordinates(w, r, v.Network.ID) {
		return
	}
	v.Nav = "networks"
	q := r.URL.Query()
	format := q.Get("format")
	if _, ok := downloadFormats[format]; format != "" && !ok {
		s.renderError(w, r, http.StatusBadRequest)
		return
	}
	if st := q.Get("status"); slices.Contains(cdoatlas.ApplicationStates, st) {
		v.Status = st
	}
	apps, err := s.Store.FindApplications(r.Context(), v.Call.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, a := range apps {
		if v.Status != "" && a.Status != v.Status {
			continue
		}
		row := applicationRow{Application: a, StatusLabel: tr(v.Lang, "call.state."+a.Status)}
		if o, err := s.Store.FindOpenOffer(r.Context(), a.ID); err == nil {
			row.Offer = o.ExpiresAt.UTC().Format("2006-01-02")
		} else if cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			s.fail(w, r, err)
			return
		}
		v.Rows = append(v.Rows, row)
	}
	if format != "" {
		rows := make([][]string, len(v.Rows))
		for i, a := range v.Rows {
			rows[i] = []string{a.PersonName, a.Email, a.OrganizationName, a.Title, a.Tasks, a.Check, a.Status,
				a.AppliedAt.UTC().Format("2006-01-02"), a.Offer}
		}
		s.writeTable(w, r, "applications-"+strconv.FormatInt(v.Call.ID, 10), format, applicationColumns, rows)
		return
	}
	for i := range v.Rows {
		a := &v.Rows[i]
		a.Applied = v.Day(a.AppliedAt)
		if a.Offer != "" {
			a.Offer = formatDate(v.Lang, cdoatlas.PartialDate(a.Offer))
		}
		if short := shorten(a.Tasks, tasksShortLen); short != a.Tasks {
			a.TasksShort = short
		}
		out := classify.Classify(classify.Input{Title: a.Title, Tasks: a.Tasks, Placement: a.Placement, Organization: a.OrganizationName, Country: a.Country})
		for _, e := range out.Explanations {
			if v.Lang == "en" {
				a.Reasons = append(a.Reasons, e.EN)
			} else {
				a.Reasons = append(a.Reasons, e.DE)
			}
		}
	}
	v.Path = r.URL.Path
	v.Statuses = []option{{Value: "", Label: tr(v.Lang, "filter.all")}}
	for _, st := range cdoatlas.ApplicationStates {
		v.Statuses = append(v.Statuses, option{Value: st, Label: tr(v.Lang, "call.state."+st)})
	}
	v.Statuses = selectOptions(v.Statuses, v.Status)
	v.Downloads = map[string]string{}
	for f := range downloadFormats {
		dq := url.Values{"format": {f}}
		if v.Status != "" {
			dq.Set("status", v.Status)
		}
		v.Downloads[f] = (&url.URL{Path: v.Path, RawQuery: dq.Encode()}).String()
	}
	s.render(w, r, http.StatusOK, "call_applications", v)
}

// memberForm is the coordinators' form to enter a member directly.
func memberForm(p *page, networkID int64, circles []*cdoatlas.Circle, values url.Values, errs map[string]string) *form {
	lang := p.Lang
	var opts []option
	for _, c := range circles {
		opts = append(opts, option{Value: strconv.FormatInt(c.ID, 10), Label: c.Name})
	}
	genders := []option{{Value: "", Label: tr(lang, "application.gender_none")}}
	for _, g := range []string{"f", "m", "d"} {
		genders = append(genders, option{Value: g, Label: tr(lang, "gender."+g)})
	}
	b := newForm(p, showPath("networks", networkID)+"/members/new", "form.save", values, errs)
	b.add(field{Name: "circle_id", Label: "call.circle", Type: "select", Required: true, Options: opts}).
		add(field{Name: "person_name", Label: "field.name", Required: true}).
		add(field{Name: "email", Label: "application.email", Hint: "member.email_hint", Type: "email"})
	organizationFields(b, lang)
	b.add(field{Name: "title", Label: "application.title"}).
		add(field{Name: "tasks", Label: "application.tasks", Type: "textarea", Rows: 4}).
		add(field{Name: "gender", Label: "application.gender", Type: "select", Options: genders}).
		add(field{Name: "listed", Label: "member.listed", Hint: "member.listed_hint", Type: "checkbox"})
	return b.done(showPath("networks", networkID))
}

func (s *site) handleMemberNew(w http.ResponseWriter, r *http.Request) {
	n, circles, ok := s.loadNetworkForCall(w, r)
	if !ok {
		return
	}
	v := &formView{page: s.newPageFor(w, r, "member.new_for", n.Name), Back: showPath("networks", n.ID), BackText: n.Name}
	v.Nav = "networks"
	v.Form = memberForm(&v.page, n.ID, circles, nil, nil)
	s.renderForm(w, r, http.StatusOK, v)
}

// handleMemberCreate enters a member; a full circle refuses.
func (s *site) handleMemberCreate(w http.ResponseWriter, r *http.Request) {
	n, circles, ok := s.loadNetworkForCall(w, r)
	if !ok {
		return
	}
	f := r.PostForm
	circleID, _ := strconv.ParseInt(f.Get("circle_id"), 10, 64)
	m := &cdoatlas.Membership{CircleID: circleID, PersonName: f.Get("person_name"), Email: f.Get("email"),
		OrganizationName: f.Get("organization_name"), Kind: f.Get("kind"), Country: f.Get("country"), Region: f.Get("region"),
		Title: f.Get("title"), Tasks: f.Get("tasks"), Gender: f.Get("gender"), Listed: checked(f, "listed")}
	pe := parseErrors{}
	m.Population = pe.int64Field(f, "population")
	if len(pe) == 0 {
		org := applicantOrg{Name: m.OrganizationName, OfficialCode: f.Get("official_code"), Kind: m.Kind, Country: m.Country,
			Region: m.Region, Population: m.Population}
		s.findApplicantOrganization(r.Context(), &org)
		m.OrganizationID, m.Kind, m.Country, m.Region, m.Population = org.ID, org.Kind, org.Country, org.Region, org.Population
	}
	belongs := false
	for _, c := range circles {
		belongs = belongs || c.ID == circleID
	}
	var err error
	switch {
	case !belongs:
		err = cdoatlas.FieldErrors{"circle_id": "circle.unknown"}.Err()
	case len(pe) > 0:
		err = cdoatlas.FieldErrors(pe).Err()
	default:
		err = s.Store.AddMember(r.Context(), m)
	}
	if cdoatlas.ErrorCode(err) == cdoatlas.ECONFLICT {
		err = cdoatlas.FieldErrors{"circle_id": "circle.full"}.Err()
	}
	if err != nil {
		errs := fieldErrors(err)
		if errs == nil {
			s.fail(w, r, err)
			return
		}
		v := &formView{page: s.newPageFor(w, r, "member.new_for", n.Name), Back: showPath("networks", n.ID), BackText: n.Name}
		v.Nav = "networks"
		v.Form = memberForm(&v.page, n.ID, circles, f, errs)
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectFlash(w, r, showPath("networks", n.ID), "flash.saved")
}
