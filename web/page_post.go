package web

import (
	"math"
	"net/http"
	"net/url"

	"github.com/cdoatlas/cdoatlas"
)

func (s *site) registerPostRoutes() {
	s.get("/posts/{id}", s.cached(s.handlePostShow))
	s.get("/organizations/{id}/posts/new", s.editor(s.handlePostNew))
	s.postEditor("/organizations/{id}/posts/new", s.handlePostCreate)
	s.get("/posts/{id}/edit", s.editor(s.handlePostEdit))
	s.postEditor("/posts/{id}/edit", s.handlePostUpdate)
	s.get("/posts/{id}/delete", s.editor(s.handlePostDeleteConfirm))
	s.postEditor("/posts/{id}/delete", s.handlePostDelete)
}

// postView is one post with its organization and tenure history.
type postView struct {
	page
	Post  *cdoatlas.Post
	Org   *cdoatlas.Organization
	Table tenureTable
}

// ReviewState says who set the post's role, check and archetype, with the
// confidence of an automatic classification.
func (v *postView) ReviewState() string {
	switch v.Post.Review {
	case cdoatlas.ReviewAuto, cdoatlas.ReviewPending:
		return v.T("review.state."+v.Post.Review, int(math.Round(v.Post.Confidence*100)))
	case cdoatlas.ReviewConfirmed:
		return v.T("review.state.confirmed")
	}
	return v.T("review.state.manual")
}

// handlePostShow shows a post, its mandate and who held it when.
func (s *site) handlePostShow(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPost(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	org, err := s.Store.FindOrganizationByID(ctx, p.OrganizationID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tenures, _, err := s.Store.FindTenures(ctx, cdoatlas.TenureFilter{PostID: p.ID, Limit: 10000})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := &postView{page: s.newPage(w, r, "", p.Title+" – "+org.Name), Post: p, Org: org}
	v.Nav = "organizations"
	rows, err := s.tenureRows(ctx, v.Lang, v.User, tenures)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Table = tenureTable{page: &v.page, ID: "tenures", Caption: v.T("tenure.caption_post", p.Title), Rows: rows}
	s.render(w, r, http.StatusOK, "post_show", v)
}

// postValues are the form values of p. Role, check and archetype the
// classifier set show as "recognise automatically", so that saving the
// form classifies the post again.
func postValues(lang string, p *cdoatlas.Post) url.Values {
	role, check, archetype := p.Role, p.CDOCheck, p.Archetype
	if p.Review == cdoatlas.ReviewAuto || p.Review == cdoatlas.ReviewPending {
		role, check, archetype = "", "", ""
	}
	return url.Values{
		"title":              {p.Title},
		"tasks":              {p.Tasks},
		"role":               {role},
		"cdo_check":          {check},
		"archetype":          {archetype},
		"placement":          {p.Placement},
		"cross_departmental": {boolValue(p.CrossDepartmental)},
		"budget":             {boolValue(p.Budget)},
		"board_access":       {boolValue(p.BoardAccess)},
		"created":            {formatDate(lang, p.Created)},
		"abolished":          {formatDate(lang, p.Abolished)},
		"source_url":         {p.SourceURL},
	}
}

// postFromForm copies the form into p, keeping its ID and organization.
func postFromForm(v url.Values, p *cdoatlas.Post) {
	p.Title = v.Get("title")
	p.Tasks = v.Get("tasks")
	p.Role = v.Get("role")
	p.CDOCheck = v.Get("cdo_check")
	p.Archetype = v.Get("archetype")
	p.Placement = v.Get("placement")
	p.CrossDepartmental = checked(v, "cross_departmental")
	p.Budget = checked(v, "budget")
	p.BoardAccess = checked(v, "board_access")
	p.Created = cdoatlas.PartialDate(v.Get("created"))
	p.Abolished = cdoatlas.PartialDate(v.Get("abolished"))
	p.SourceURL = v.Get("source_url")
}

// postForm describes the post form.
func postForm(p *page, action string, values url.Values, errs map[string]string, cancel string) *form {
	b := newForm(p, action, "form.save", values, errs)
	b.add(field{Name: "title", Label: "field.title", Hint: "post.hint.title", Required: true}).
		add(field{Name: "tasks", Label: "field.tasks", Hint: "post.hint.tasks", Type: "textarea", Rows: 8}).
		add(field{Name: "role", Label: "field.role", Hint: "post.hint.role", Type: "select", Options: enumOptions(p.Lang, "role", cdoatlas.Roles, "value.auto")}).
		add(field{Name: "cdo_check", Label: "field.cdo_check", Hint: "post.hint.cdo_check", Type: "select", Options: enumOptions(p.Lang, "cdo_check", cdoatlas.CDOChecks, "value.auto")}).
		add(field{Name: "archetype", Label: "field.archetype", Hint: "post.hint.archetype", Type: "select", Options: enumOptions(p.Lang, "archetype", cdoatlas.Archetypes, "value.auto_archetype")}).
		add(field{Name: "placement", Label: "field.placement", Type: "select", Options: enumOptions(p.Lang, "placement", cdoatlas.Placements, "value.none")}).
		group("post.mandate",
			field{Name: "cross_departmental", Label: "field.cross_departmental", Type: "checkbox"},
			field{Name: "budget", Label: "field.budget", Type: "checkbox"},
			field{Name: "board_access", Label: "field.board_access", Type: "checkbox"}).
		add(field{Name: "created", Label: "field.created", Hint: "form.hint.partial_date"}).
		add(field{Name: "abolished", Label: "field.abolished", Hint: "form.hint.partial_date"}).
		add(field{Name: "source_url", Label: "field.source_url", Type: "url", Hint: "form.hint.url", Inputmode: "url"})
	return b.done(cancel)
}

// handlePostNew shows the empty post form for an organization.
func (s *site) handlePostNew(w http.ResponseWriter, r *http.Request) {
	org, ok := s.loadOrganization(w, r)
	if !ok {
		return
	}
	v := s.postFormView(w, r, "post.new_for", org)
	values := url.Values{}
	v.Form = postForm(&v.page, showPath("organizations", org.ID)+"/posts/new", values, nil, v.Back)
	s.renderForm(w, r, http.StatusOK, v)
}

// handlePostCreate stores a new post of the organization.
func (s *site) handlePostCreate(w http.ResponseWriter, r *http.Request) {
	org, ok := s.loadOrganization(w, r)
	if !ok {
		return
	}
	p := &cdoatlas.Post{OrganizationID: org.ID}
	postFromForm(r.PostForm, p)
	if err := s.Store.CreatePost(r.Context(), p); err != nil {
		errs := fieldErrors(err)
		if errs == nil {
			s.fail(w, r, err)
			return
		}
		v := s.postFormView(w, r, "post.new_for", org)
		v.Form = postForm(&v.page, showPath("organizations", org.ID)+"/posts/new", r.PostForm, errs, v.Back)
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectFlash(w, r, showPath("posts", p.ID), "flash.post_created")
}

// handlePostEdit shows the form filled with the post.
func (s *site) handlePostEdit(w http.ResponseWriter, r *http.Request) {
	p, org, ok := s.loadPostWithOrg(w, r)
	if !ok {
		return
	}
	v := s.postFormView(w, r, "post.edit_for", org)
	v.Back = showPath("posts", p.ID)
	v.BackText = p.Title
	v.DeleteURL = showPath("posts", p.ID) + "/delete"
	v.Form = postForm(&v.page, editPath("posts", p.ID), postValues(v.Lang, p), nil, v.Back)
	s.renderForm(w, r, http.StatusOK, v)
}

// handlePostUpdate saves the post form.
func (s *site) handlePostUpdate(w http.ResponseWriter, r *http.Request) {
	p, org, ok := s.loadPostWithOrg(w, r)
	if !ok {
		return
	}
	postFromForm(r.PostForm, p)
	if err := s.Store.UpdatePost(r.Context(), p); err != nil {
		errs := fieldErrors(err)
		if errs == nil {
			s.fail(w, r, err)
			return
		}
		v := s.postFormView(w, r, "post.edit_for", org)
		v.Back = showPath("posts", p.ID)
		v.BackText = p.Title
		v.DeleteURL = showPath("posts", p.ID) + "/delete"
		v.Form = postForm(&v.page, editPath("posts", p.ID), r.PostForm, errs, v.Back)
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectFlash(w, r, showPath("posts", p.ID), "flash.saved")
}

func (s *site) postFormView(w http.ResponseWriter, r *http.Request, titleKey string, org *cdoatlas.Organization) *formView {
	v := &formView{page: s.newPageFor(w, r, titleKey, org.Name), Back: showPath("organizations", org.ID), BackText: org.Name}
	v.Nav = "organizations"
	return v
}

// handlePostDeleteConfirm asks whether to delete a post and its tenures.
func (s *site) handlePostDeleteConfirm(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPost(w, r)
	if !ok {
		return
	}
	s.renderConfirm(w, r, http.StatusOK, "post.delete_question", p.Title, "", showPath("posts", p.ID))
}

// handlePostDelete deletes a post and its tenures.
func (s *site) handlePostDelete(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPost(w, r)
	if !ok {
		return
	}
	if err := s.Store.DeletePost(r.Context(), p.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, showPath("organizations", p.OrganizationID), "flash.deleted")
}

// loadPost finds the post of the route, or answers 404.
func (s *site) loadPost(w http.ResponseWriter, r *http.Request) (*cdoatlas.Post, bool) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return nil, false
	}
	p, err := s.Store.FindPostByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return p, true
}

// loadPostWithOrg finds the post of the route and its organization.
func (s *site) loadPostWithOrg(w http.ResponseWriter, r *http.Request) (*cdoatlas.Post, *cdoatlas.Organization, bool) {
	p, ok := s.loadPost(w, r)
	if !ok {
		return nil, nil, false
	}
	org, err := s.Store.FindOrganizationByID(r.Context(), p.OrganizationID)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return p, org, true
}
