package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

// Members a coordinator enters directly, such as those of the circle
// before cdoatlas.

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
