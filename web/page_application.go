package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/network"
)

// Applications: the public form of an open call, and the private status
// page an applicant follows, withdraws from and answers an offered seat on.

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
		err = s.checkApplication(r.Context(), a)
	}
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

// checkApplication gives a the organization the applicant picked from
// the registry, if any, and runs the CDO check, which sets the status.
func (s *site) checkApplication(ctx context.Context, a *cdoatlas.Application) error {
	if a.OrganizationID != nil {
		o, err := s.Store.FindOrganizationByID(ctx, *a.OrganizationID)
		switch {
		case err == nil:
			a.UseOrganization(o)
		case cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND:
			return err
		}
		// An organization gone from the registry is refused by the store
		// (organization_id), after its checks of the call.
	}
	network.CheckApplication(a)
	return nil
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
