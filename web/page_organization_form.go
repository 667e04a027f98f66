package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// formView is a page with one form: new and edit pages of every resource.
type formView struct {
	page
	Back      string // link back, e.g. to the organization
	BackText  string
	Form      *form
	AsideURL  string // a related link below the form
	AsideText string
	DeleteURL string // the delete page of what is edited
}

// confirmView asks before deleting something; the question is its
// heading (H1).
type confirmView struct {
	page
	Error  string
	Action string
	Cancel string
	// Refused: the deletion can never be done (the error says why), so
	// the page offers no button, only the way back.
	Refused bool
}

// renderForm draws a form page; with errors its title says so.
func (s *site) renderForm(w http.ResponseWriter, r *http.Request, status int, v *formView) {
	v.HasErrors = len(v.Form.Errors) > 0
	s.render(w, r, status, "form", v)
}

// organizationValues are the form values of o.
func organizationValues(lang string, o *cdoatlas.Organization) url.Values {
	return url.Values{
		"name":            {o.Name},
		"other_names":     {strings.Join(o.OtherNames, "\n")},
		"kind":            {o.Kind},
		"country":         {o.Country},
		"region":          {o.Region},
		"official_code":   {o.OfficialCode},
		"population":      {formatOptInt(o.Population)},
		"population_date": {formatDate(lang, cdoatlas.PartialDate(o.PopulationDate))},
		"employees":       {formatOptInt(o.Employees)},
		"sector":          {o.Sector},
	}
}

// organizationFromForm copies the form into o, keeping what the form does
// not show (ID, parent). It returns what could not be read.
func organizationFromForm(v url.Values, o *cdoatlas.Organization) parseErrors {
	pe := parseErrors{}
	o.Name = v.Get("name")
	o.OtherNames = nil
	for _, n := range strings.Split(v.Get("other_names"), "\n") {
		if n = strings.TrimSpace(n); n != "" {
			o.OtherNames = append(o.OtherNames, n)
		}
	}
	o.Kind = v.Get("kind")
	o.Country = v.Get("country")
	o.Region = v.Get("region")
	o.OfficialCode = v.Get("official_code")
	o.Population = pe.int64Field(v, "population")
	o.PopulationDate = v.Get("population_date")
	o.Employees = pe.int64Field(v, "employees")
	o.Sector = v.Get("sector")
	return pe // the parent is resolved against the store: resolveParent
}

// organizationForm describes the organization form.
func organizationForm(p *page, action string, values url.Values, errs map[string]string, cancel string) *form {
	countries := countryOptions(p.Lang, "form.choose")
	if c := values.Get("country"); c != "" && !slices.ContainsFunc(countries, func(o option) bool { return o.Value == c }) {
		countries = append(countries, option{Value: c, Label: c})
	}
	regions := []option{{Value: "", Label: tr(p.Lang, "value.none")}}
	b := newForm(p, action, "form.save", values, errs)
	b.add(field{Name: "name", Label: "field.name", Required: true, Autocomplete: "organization"}).
		add(field{Name: "other_names", Label: "field.other_names", Hint: "org.hint.other_names", Type: "textarea"}).
		add(field{Name: "kind", Label: "field.kind", Type: "select", Required: true, Options: enumOptions(p.Lang, "kind", cdoatlas.Kinds, "form.choose")}).
		add(field{Name: "country", Label: "field.country", Type: "select", Required: true, Options: countries}).
		add(field{Name: "region", Label: "field.region", Hint: "org.hint.region", Type: "select", Options: regions, Groups: regionGroups(p.Lang)}).
		add(field{Name: "official_code", Label: "field.official_code", Hint: "org.hint.official_code", Inputmode: "numeric"}).
		add(field{Name: "population", Label: "field.population", Inputmode: "numeric"}).
		add(field{Name: "population_date", Label: "field.population_date", Hint: "org.hint.population_date"}).
		add(field{Name: "employees", Label: "field.employees", Hint: "org.hint.employees", Inputmode: "numeric"}).
		add(field{Name: "sector", Label: "field.sector", Hint: "org.hint.sector"}).
		add(field{Name: "parent", Label: "field.parent", Hint: "org.hint.parent"})
	f := b.done(cancel)
	f.Actions = []formAction{{Name: "action", Value: gazetteerAction, Label: tr(p.Lang, "org.gazetteer.button")}}
	return f
}

// handleOrganizationNew shows the empty organization form.
func (s *site) handleOrganizationNew(w http.ResponseWriter, r *http.Request) {
	v := &formView{page: s.newPage(w, r, "org.new", ""), Back: "/organizations", BackText: tr(langFrom(r), "nav.organizations")}
	v.Nav = "organizations"
	v.Form = organizationForm(&v.page, "/organizations/new", url.Values{"country": {"DE"}}, nil, "/organizations")
	s.renderForm(w, r, http.StatusOK, v)
}

// handleOrganizationCreate stores a new organization, or shows the form
// again with the messages.
func (s *site) handleOrganizationCreate(w http.ResponseWriter, r *http.Request) {
	if wantsGazetteer(r.PostForm) {
		v := &formView{page: s.newPage(w, r, "org.new", ""), Back: "/organizations", BackText: tr(langFrom(r), "nav.organizations")}
		v.Nav = "organizations"
		if err := s.organizationGazetteerForm(r.Context(), v, r, "/organizations/new", "/organizations", 0); err != nil {
			s.fail(w, r, err)
			return
		}
		s.renderForm(w, r, http.StatusOK, v)
		return
	}
	o := &cdoatlas.Organization{}
	errs, ok := s.saveOrganization(w, r, o, s.Store.CreateOrganization)
	if !ok {
		return
	}
	if errs != nil {
		v := &formView{page: s.newPage(w, r, "org.new", ""), Back: "/organizations", BackText: tr(langFrom(r), "nav.organizations")}
		v.Nav = "organizations"
		v.Form = organizationForm(&v.page, "/organizations/new", r.PostForm, errs, "/organizations")
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectFlash(w, r, "/organizations/"+strconv.FormatInt(o.ID, 10), "flash.org_created")
}

// saveOrganization copies the posted form into o and saves it with save
// (create or update). It returns the field messages to show with the form
// again (nil when saved); ok is false when it already answered with an
// error page.
func (s *site) saveOrganization(w http.ResponseWriter, r *http.Request, o *cdoatlas.Organization,
	save func(context.Context, *cdoatlas.Organization) error) (errs map[string]string, ok bool) {
	pe := organizationFromForm(r.PostForm, o)
	if err := s.resolveParent(r, o, pe); err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	var err error
	if len(pe) > 0 {
		err = o.Validate()
	} else {
		err = save(r.Context(), o)
	}
	if len(pe) == 0 && err == nil {
		return nil, true
	}
	errs, ok = organizationErrors(err)
	if !ok {
		s.fail(w, r, err)
		return nil, false
	}
	if errs = pe.merge(errs); errs == nil {
		errs = map[string]string{}
	}
	return errs, true
}

// resolveParent sets o's parent from the form field "parent": the official
// code or the exact name of another organization; empty means none. What
// matches nothing or several gets a message in pe.
func (s *site) resolveParent(r *http.Request, o *cdoatlas.Organization, pe parseErrors) error {
	ref := strings.TrimSpace(r.PostForm.Get("parent"))
	o.ParentID = nil
	if ref == "" {
		return nil
	}
	byCode, _, err := s.Store.FindOrganizations(r.Context(), cdoatlas.OrganizationFilter{OfficialCode: ref, Limit: 2})
	if err != nil {
		return err
	}
	matches := byCode
	if len(matches) == 0 {
		byName, _, err := s.Store.FindOrganizations(r.Context(), cdoatlas.OrganizationFilter{Name: ref, Limit: 2})
		if err != nil {
			return err
		}
		matches = byName
	}
	switch {
	case len(matches) == 0:
		pe["parent"] = "org.parent_unknown"
	case len(matches) > 1:
		pe["parent"] = "org.parent_ambiguous"
	case matches[0].ID == o.ID:
		pe["parent"] = "parent.self"
	default:
		o.ParentID = &matches[0].ID
	}
	return nil
}

// parentRef is how the form names a parent: its official code, or its
// name when it has none.
func parentRef(o *cdoatlas.Organization) string {
	if o.OfficialCode != "" {
		return o.OfficialCode
	}
	return o.Name
}

// organizationErrors turns a store error into field messages; ok is false
// for errors that are no fault of the input.
func organizationErrors(err error) (map[string]string, bool) {
	if err == nil {
		return nil, true
	}
	if fe := fieldErrors(err); fe != nil {
		if key, ok := fe["parent_id"]; ok { // the form names the parent "parent"
			fe["parent"] = key
			delete(fe, "parent_id")
		}
		return fe, true
	}
	if cdoatlas.ErrorCode(err) == cdoatlas.ECONFLICT {
		return map[string]string{"official_code": "org.code_taken"}, true
	}
	return nil, false
}

// handleOrganizationEdit shows the form filled with the organization.
func (s *site) handleOrganizationEdit(w http.ResponseWriter, r *http.Request) {
	o, ok := s.loadOrganization(w, r)
	if !ok {
		return
	}
	v := s.organizationEditView(w, r, o)
	values := organizationValues(v.Lang, o)
	if o.ParentID != nil {
		parent, err := s.Store.FindOrganizationByID(r.Context(), *o.ParentID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		values.Set("parent", parentRef(parent))
	}
	v.Form = organizationForm(&v.page, editPath("organizations", o.ID), values, nil, v.Back)
	s.renderForm(w, r, http.StatusOK, v)
}

// handleOrganizationUpdate saves the form, or shows it again with the
// messages.
func (s *site) handleOrganizationUpdate(w http.ResponseWriter, r *http.Request) {
	o, ok := s.loadOrganization(w, r)
	if !ok {
		return
	}
	if wantsGazetteer(r.PostForm) {
		v := s.organizationEditView(w, r, o)
		if err := s.organizationGazetteerForm(r.Context(), v, r, editPath("organizations", o.ID), v.Back, o.ID); err != nil {
			s.fail(w, r, err)
			return
		}
		s.renderForm(w, r, http.StatusOK, v)
		return
	}
	errs, ok := s.saveOrganization(w, r, o, s.Store.UpdateOrganization)
	if !ok {
		return
	}
	if errs != nil {
		v := s.organizationEditView(w, r, o)
		v.Form = organizationForm(&v.page, editPath("organizations", o.ID), r.PostForm, errs, v.Back)
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectFlash(w, r, showPath("organizations", o.ID), "flash.saved")
}

func (s *site) organizationEditView(w http.ResponseWriter, r *http.Request, o *cdoatlas.Organization) *formView {
	v := &formView{page: s.newPageFor(w, r, "org.edit", o.Name), Back: showPath("organizations", o.ID), BackText: o.Name}
	v.DeleteURL = showPath("organizations", o.ID) + "/delete"
	v.Nav = "organizations"
	return v
}

// handleOrganizationDeleteConfirm asks whether to delete.
func (s *site) handleOrganizationDeleteConfirm(w http.ResponseWriter, r *http.Request) {
	o, ok := s.loadOrganization(w, r)
	if !ok {
		return
	}
	s.renderConfirm(w, r, http.StatusOK, "org.delete_question", o.Name, "", showPath("organizations", o.ID))
}

// handleOrganizationDelete deletes an organization without posts.
func (s *site) handleOrganizationDelete(w http.ResponseWriter, r *http.Request) {
	o, ok := s.loadOrganization(w, r)
	if !ok {
		return
	}
	if err := s.Store.DeleteOrganization(r.Context(), o.ID); err != nil {
		if cdoatlas.ErrorCode(err) == cdoatlas.ECONFLICT {
			s.renderConfirm(w, r, http.StatusConflict, "org.delete_question", o.Name, "org.delete_conflict", showPath("organizations", o.ID))
			return
		}
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, "/organizations", "flash.deleted")
}

// renderConfirm shows the delete question for the thing named name; the
// form posts to the current URL.
func (s *site) renderConfirm(w http.ResponseWriter, r *http.Request, status int, questionKey, name, errKey, cancel string) {
	v := &confirmView{page: s.newPageFor(w, r, questionKey, name), Action: r.URL.Path, Cancel: cancel}
	if errKey != "" {
		v.Error = v.T(errKey)
		v.HasErrors = true
	}
	s.render(w, r, status, "confirm", v)
}

// renderRefused draws the confirmation page of a deletion that cannot be
// done: the question, why not, and the way back.
func (s *site) renderRefused(w http.ResponseWriter, r *http.Request, questionKey, name, errKey, back string) {
	v := &confirmView{page: s.newPageFor(w, r, questionKey, name), Cancel: back, Refused: true}
	v.Error, v.HasErrors = v.T(errKey), true
	s.render(w, r, http.StatusConflict, "confirm", v)
}

// loadOrganization finds the organization of the route, or answers 404.
func (s *site) loadOrganization(w http.ResponseWriter, r *http.Request) (*cdoatlas.Organization, bool) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return nil, false
	}
	o, err := s.Store.FindOrganizationByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return o, true
}

// showPath and editPath are the URLs of a record's page and edit form.
func showPath(kind string, id int64) string { return "/" + kind + "/" + strconv.FormatInt(id, 10) }
func editPath(kind string, id int64) string { return showPath(kind, id) + "/edit" }
