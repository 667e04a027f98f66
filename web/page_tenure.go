package web

import (
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

func (s *site) registerTenureRoutes() {
	s.get("/tenures/{id}", s.cached(s.handleTenureShow))
	s.get("/posts/{id}/tenures/new", s.editor(s.handleTenureNew))
	s.postEditor("/posts/{id}/tenures/new", s.handleTenureCreate)
	s.get("/tenures/{id}/edit", s.editor(s.handleTenureEdit))
	s.postEditor("/tenures/{id}/edit", s.handleTenureUpdate)
	s.get("/tenures/{id}/delete", s.editor(s.handleTenureDeleteConfirm))
	s.postEditor("/tenures/{id}/delete", s.handleTenureDelete)
}

// handleTenureShow sends the visitor to the tenure's row on its post page.
func (s *site) handleTenureShow(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTenure(w, r)
	if !ok {
		return
	}
	http.Redirect(w, r, showPath("posts", t.PostID)+"#tenure-"+strconv.FormatInt(t.ID, 10), http.StatusSeeOther)
}

// tenureValues are the form values of t.
func tenureValues(lang string, t *cdoatlas.Tenure) url.Values {
	return url.Values{
		"person_id":  {strconv.FormatInt(t.PersonID, 10)},
		"start":      {formatDate(lang, t.Start)},
		"end":        {formatDate(lang, t.End)},
		"status":     {t.Status},
		"hire":       {t.Hire},
		"source_url": {t.SourceURL},
	}
}

// tenureFromForm copies the form into t, keeping its ID and post.
func tenureFromForm(v url.Values, t *cdoatlas.Tenure) {
	t.PersonID, _ = strconv.ParseInt(v.Get("person_id"), 10, 64)
	t.Start = cdoatlas.PartialDate(v.Get("start"))
	t.End = cdoatlas.PartialDate(v.Get("end"))
	t.Status = v.Get("status")
	t.Hire = v.Get("hire")
	t.SourceURL = v.Get("source_url")
}

// tenureErrors are the field messages of a store error; no person chosen
// reads "please fill in" rather than "person not found".
func tenureErrors(v url.Values, err error) map[string]string {
	fe := fieldErrors(err)
	if fe == nil || v.Get("person_id") != "" || fe["person_id"] == "" {
		return fe
	}
	out := maps.Clone(fe)
	out["person_id"] = "required"
	return out
}

// tenureForm describes the tenure form; people are the choices of holder.
func tenureForm(p *page, action string, people []*cdoatlas.Person, values url.Values, errs map[string]string, cancel string) *form {
	choices := []option{{Value: "", Label: tr(p.Lang, "form.choose")}}
	for _, x := range people {
		label := x.Name
		if x.Fictional {
			label += " (" + tr(p.Lang, "person.fictional") + ")"
		}
		choices = append(choices, option{Value: strconv.FormatInt(x.ID, 10), Label: label})
	}
	b := newForm(p, action, "form.save", values, errs)
	b.add(field{Name: "person_id", Label: "field.person", Hint: "tenure.hint.person", Type: "select", Required: true, Options: choices}).
		add(field{Name: "start", Label: "field.start", Hint: "form.hint.partial_date"}).
		add(field{Name: "end", Label: "field.end", Hint: "form.hint.partial_date"}).
		add(field{Name: "status", Label: "field.status", Hint: "tenure.hint.status", Type: "select", Options: enumOptions(p.Lang, "status", cdoatlas.Statuses, "")}).
		add(field{Name: "hire", Label: "field.hire", Type: "select", Options: enumOptions(p.Lang, "hire", cdoatlas.Hires, "")}).
		add(field{Name: "source_url", Label: "field.source_url", Type: "url", Hint: "form.hint.url", Inputmode: "url"})
	return b.done(cancel)
}

// tenureFormPage draws the tenure form for post with the given values,
// titled titleKey with the post's title.
func (s *site) tenureFormPage(w http.ResponseWriter, r *http.Request, status int, titleKey, action string, post *cdoatlas.Post, values url.Values, errs map[string]string) {
	people, _, err := s.Store.FindPeople(r.Context(), cdoatlas.PersonFilter{Limit: 5000})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := &formView{page: s.newPageFor(w, r, titleKey, post.Title), Back: showPath("posts", post.ID), BackText: post.Title}
	v.Nav = "organizations"
	v.AsideURL, v.AsideText = "/people/new", v.T("tenure.person_missing")
	v.Form = tenureForm(&v.page, action, people, values, errs, v.Back)
	if strings.HasPrefix(action, "/tenures/") {
		v.DeleteURL = strings.TrimSuffix(action, "/edit") + "/delete"
	}
	s.renderForm(w, r, status, v)
}

// handleTenureNew shows the empty tenure form of a post.
func (s *site) handleTenureNew(w http.ResponseWriter, r *http.Request) {
	post, ok := s.loadPost(w, r)
	if !ok {
		return
	}
	values := url.Values{"status": {cdoatlas.StatusCurrent}, "hire": {"unknown"}}
	s.tenureFormPage(w, r, http.StatusOK, "tenure.new_for", showPath("posts", post.ID)+"/tenures/new", post, values, nil)
}

// handleTenureCreate stores a new tenure of the post.
func (s *site) handleTenureCreate(w http.ResponseWriter, r *http.Request) {
	post, ok := s.loadPost(w, r)
	if !ok {
		return
	}
	t := &cdoatlas.Tenure{PostID: post.ID}
	tenureFromForm(r.PostForm, t)
	if err := s.Store.CreateTenure(r.Context(), t); err != nil {
		errs := tenureErrors(r.PostForm, err)
		if errs == nil {
			s.fail(w, r, err)
			return
		}
		s.tenureFormPage(w, r, http.StatusUnprocessableEntity, "tenure.new_for", showPath("posts", post.ID)+"/tenures/new", post, r.PostForm, errs)
		return
	}
	redirectFlash(w, r, showPath("posts", post.ID), "flash.tenure_created")
}

// handleTenureEdit shows the form filled with the tenure.
func (s *site) handleTenureEdit(w http.ResponseWriter, r *http.Request) {
	t, post, ok := s.loadTenureWithPost(w, r)
	if !ok {
		return
	}
	lang := langFrom(r)
	s.tenureFormPage(w, r, http.StatusOK, "tenure.edit_for", editPath("tenures", t.ID), post, tenureValues(lang, t), nil)
}

// handleTenureUpdate saves the tenure form.
func (s *site) handleTenureUpdate(w http.ResponseWriter, r *http.Request) {
	t, post, ok := s.loadTenureWithPost(w, r)
	if !ok {
		return
	}
	tenureFromForm(r.PostForm, t)
	if err := s.Store.UpdateTenure(r.Context(), t); err != nil {
		errs := tenureErrors(r.PostForm, err)
		if errs == nil {
			s.fail(w, r, err)
			return
		}
		s.tenureFormPage(w, r, http.StatusUnprocessableEntity, "tenure.edit_for", editPath("tenures", t.ID), post, r.PostForm, errs)
		return
	}
	redirectFlash(w, r, showPath("posts", post.ID), "flash.saved")
}

// handleTenureDeleteConfirm asks whether to delete a tenure.
func (s *site) handleTenureDeleteConfirm(w http.ResponseWriter, r *http.Request) {
	t, post, ok := s.loadTenureWithPost(w, r)
	if !ok {
		return
	}
	s.renderConfirm(w, r, http.StatusOK, "tenure.delete_question", post.Title, "", showPath("posts", t.PostID))
}

// handleTenureDelete deletes a tenure.
func (s *site) handleTenureDelete(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTenure(w, r)
	if !ok {
		return
	}
	if err := s.Store.DeleteTenure(r.Context(), t.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, showPath("posts", t.PostID), "flash.deleted")
}

// loadTenure finds the tenure of the route, or answers 404.
func (s *site) loadTenure(w http.ResponseWriter, r *http.Request) (*cdoatlas.Tenure, bool) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return nil, false
	}
	t, err := s.Store.FindTenureByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return t, true
}

// loadTenureWithPost finds the tenure of the route and its post.
func (s *site) loadTenureWithPost(w http.ResponseWriter, r *http.Request) (*cdoatlas.Tenure, *cdoatlas.Post, bool) {
	t, ok := s.loadTenure(w, r)
	if !ok {
		return nil, nil, false
	}
	post, err := s.Store.FindPostByID(r.Context(), t.PostID)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return t, post, true
}
