package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

func (s *site) registerPersonRoutes() {
	s.get("/people", s.loggedIn(s.handlePersonIndex))
	s.get("/people/{id}", s.cached(s.handlePersonShow))
	s.get("/people/new", s.editor(s.handlePersonNew))
	s.postEditor("/people/new", s.handlePersonCreate)
	s.get("/people/{id}/edit", s.editor(s.handlePersonEdit))
	s.postEditor("/people/{id}/edit", s.handlePersonUpdate)
	s.get("/people/{id}/delete", s.editor(s.handlePersonDeleteConfirm))
	s.postEditor("/people/{id}/delete", s.handlePersonDelete)
}

// personIndexView lists people for logged-in users.
type personIndexView struct {
	page
	Q          string
	People     []personRef
	Pagination pagination
}

// handlePersonIndex lists people by name, searchable like organizations.
func (s *site) handlePersonIndex(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := &personIndexView{page: s.newPage(w, r, "person.index.title", ""), Q: q.Get("q")}
	v.Nav = "people"
	pageNo := pageParam(q)
	people, total, err := s.Store.FindPeople(r.Context(), cdoatlas.PersonFilter{Q: v.Q, Offset: (pageNo - 1) * perPage, Limit: perPage,
		PublicOnly: !v.User.SeesUnpublishedNames()})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, p := range people {
		v.People = append(v.People, s.personRef(v.Lang, v.User, p))
	}
	v.Pagination = newPagination(v.Lang, "/people", q, pageNo, total)
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	s.render(w, r, http.StatusOK, "person_index", v)
}

// personView is a person with the posts they held.
type personView struct {
	page
	Person *cdoatlas.Person
	Ref    personRef
	Table  tenureTable
	// BackURL and BackText are the breadcrumb.
	BackURL, BackText string
}

// handlePersonShow shows a person and their tenures. People whose name is
// not published do not exist for anyone but editors and admins (404);
// gender, birth year and basis are for editors only.
func (s *site) handlePersonShow(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPerson(w, r)
	if !ok {
		return
	}
	if !canSeePerson(userFrom(r.Context()), p) {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	ctx := r.Context()
	tenures, _, err := s.Store.FindTenures(ctx, cdoatlas.TenureFilter{PersonID: p.ID, Limit: 10000})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := &personView{page: s.newPage(w, r, "", p.Name), Person: p}
	v.Ref = s.personRef(v.Lang, v.User, p)
	v.Table = tenureTable{page: &v.page, ID: "tenures", Caption: v.T("tenure.caption_person", p.Name), ShowPost: true}
	posts := map[int64]*cdoatlas.Post{}
	orgs := map[int64]*cdoatlas.Organization{}
	for _, t := range tenures {
		row := tenureRow{Tenure: t}
		if row.Post, ok = posts[t.PostID]; !ok {
			if row.Post, err = s.Store.FindPostByID(ctx, t.PostID); err != nil {
				s.fail(w, r, err)
				return
			}
			posts[t.PostID] = row.Post
		}
		if row.Org, ok = orgs[row.Post.OrganizationID]; !ok {
			if row.Org, err = s.Store.FindOrganizationByID(ctx, row.Post.OrganizationID); err != nil {
				s.fail(w, r, err)
				return
			}
			orgs[row.Post.OrganizationID] = row.Org
		}
		v.Table.Rows = append(v.Table.Rows, row)
	}
	// The breadcrumb: the list of people for who may see it, otherwise
	// the organization of the person's latest post.
	switch {
	case v.User != nil:
		v.BackURL, v.BackText = "/people", v.T("nav.people")
	case len(v.Table.Rows) > 0:
		org := v.Table.Rows[len(v.Table.Rows)-1].Org
		v.BackURL, v.BackText = showPath("organizations", org.ID), org.Name
	}
	s.render(w, r, http.StatusOK, "person_show", v)
}

// personValues are the form values of p.
func personValues(p *cdoatlas.Person) url.Values {
	v := url.Values{
		"name":              {p.Name},
		"gender":            {p.Gender},
		"publication_basis": {p.PublicationBasis},
		"fictional":         {boolValue(p.Fictional)},
	}
	if p.BirthYear != nil {
		v.Set("birth_year", strconv.Itoa(*p.BirthYear))
	}
	return v
}

// personFromForm copies the form into p, keeping its ID.
func personFromForm(v url.Values, p *cdoatlas.Person) parseErrors {
	pe := parseErrors{}
	p.Name = v.Get("name")
	p.Gender = v.Get("gender")
	p.PublicationBasis = v.Get("publication_basis")
	p.Fictional = checked(v, "fictional")
	p.BirthYear = nil
	if n := pe.int64Field(v, "birth_year"); n != nil {
		if *n < 0 || *n > 9999 {
			pe["birth_year"] = "birth_year.invalid"
		} else {
			y := int(*n)
			p.BirthYear = &y
		}
	}
	return pe
}

// personForm describes the person form.
func personForm(p *page, action string, values url.Values, errs map[string]string, cancel string) *form {
	basis := []option{
		{Value: cdoatlas.BasisNone, Label: tr(p.Lang, "basis.none")},
		{Value: cdoatlas.BasisConsent, Label: tr(p.Lang, "basis.consent")},
		{Value: cdoatlas.BasisPublicRole, Label: tr(p.Lang, "basis.public_role")},
	}
	b := newForm(p, action, "form.save", values, errs)
	b.add(field{Name: "name", Label: "field.person_name", Required: true, Autocomplete: "off"}).
		add(field{Name: "gender", Label: "field.gender", Hint: "person.hint.gender", Type: "select", Options: enumOptions(p.Lang, "gender", cdoatlas.Genders, "")}).
		add(field{Name: "birth_year", Label: "field.birth_year", Inputmode: "numeric"}).
		add(field{Name: "publication_basis", Label: "field.publication_basis", Hint: "person.hint.publication_basis", Type: "select", Options: basis}).
		add(field{Name: "fictional", Label: "field.fictional", Hint: "person.hint.fictional", Type: "checkbox"})
	return b.done(cancel)
}

// handlePersonNew shows the empty person form.
func (s *site) handlePersonNew(w http.ResponseWriter, r *http.Request) {
	v := &formView{page: s.newPage(w, r, "person.new", ""), Back: "/people", BackText: tr(langFrom(r), "nav.people")}
	v.Nav = "people"
	v.Form = personForm(&v.page, "/people/new", url.Values{"gender": {"unknown"}}, nil, "/people")
	s.renderForm(w, r, http.StatusOK, v)
}

// handlePersonCreate stores a new person.
func (s *site) handlePersonCreate(w http.ResponseWriter, r *http.Request) {
	p := &cdoatlas.Person{}
	pe := personFromForm(r.PostForm, p)
	var err error
	if len(pe) > 0 {
		err = p.Validate()
	} else {
		err = s.Store.CreatePerson(r.Context(), p)
	}
	if len(pe) > 0 || err != nil {
		errs := fieldErrors(err)
		if err != nil && errs == nil {
			s.fail(w, r, err)
			return
		}
		v := &formView{page: s.newPage(w, r, "person.new", ""), Back: "/people", BackText: tr(langFrom(r), "nav.people")}
		v.Nav = "people"
		v.Form = personForm(&v.page, "/people/new", r.PostForm, pe.merge(errs), "/people")
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectFlash(w, r, showPath("people", p.ID), "flash.person_created")
}

// handlePersonEdit shows the form filled with the person.
func (s *site) handlePersonEdit(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPerson(w, r)
	if !ok {
		return
	}
	v := s.personEditView(w, r, p)
	v.Form = personForm(&v.page, editPath("people", p.ID), personValues(p), nil, v.Back)
	s.renderForm(w, r, http.StatusOK, v)
}

// handlePersonUpdate saves the person form.
func (s *site) handlePersonUpdate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPerson(w, r)
	if !ok {
		return
	}
	pe := personFromForm(r.PostForm, p)
	var err error
	if len(pe) > 0 {
		err = p.Validate()
	} else {
		err = s.Store.UpdatePerson(r.Context(), p)
	}
	if len(pe) > 0 || err != nil {
		errs := fieldErrors(err)
		if err != nil && errs == nil {
			s.fail(w, r, err)
			return
		}
		v := s.personEditView(w, r, p)
		v.Form = personForm(&v.page, editPath("people", p.ID), r.PostForm, pe.merge(errs), v.Back)
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectFlash(w, r, showPath("people", p.ID), "flash.saved")
}

func (s *site) personEditView(w http.ResponseWriter, r *http.Request, p *cdoatlas.Person) *formView {
	v := &formView{page: s.newPageFor(w, r, "person.edit", p.Name), Back: showPath("people", p.ID), BackText: p.Name}
	v.Nav = "people"
	v.DeleteURL = showPath("people", p.ID) + "/delete"
	return v
}

// handlePersonDeleteConfirm asks whether to delete a person.
func (s *site) handlePersonDeleteConfirm(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPerson(w, r)
	if !ok {
		return
	}
	s.renderConfirm(w, r, http.StatusOK, "person.delete_question", p.Name, "", showPath("people", p.ID))
}

// handlePersonDelete deletes a person and their tenures.
func (s *site) handlePersonDelete(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPerson(w, r)
	if !ok {
		return
	}
	if err := s.Store.DeletePerson(r.Context(), p.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, "/people", "flash.deleted")
}

// loadPerson finds the person of the route, or answers 404.
func (s *site) loadPerson(w http.ResponseWriter, r *http.Request) (*cdoatlas.Person, bool) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return nil, false
	}
	p, err := s.Store.FindPersonByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return p, true
}
