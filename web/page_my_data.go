package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// "Meine Daten": anyone with an application or a membership asks for a
// link by e-mail (valid a day) and through it sees what is stored under
// their address, downloads it as JSON, corrects name, organization and
// title, withdraws consents, and has it all erased. The answer to a
// request is the same whether or not anything is stored.

func (s *site) registerMyDataRoutes() {
	s.get("/my-data", s.handleMyDataForm)
	s.post("/my-data", s.handleMyDataRequest)
	s.get("/my-data/{token}", s.handleMyData)
	s.get("/my-data/{token}/export.json", s.handleMyDataExport)
	s.post("/my-data/{token}/correct", s.handleMyDataCorrect)
	s.post("/my-data/{token}/withdraw", s.handleMyDataWithdraw)
	s.post("/my-data/{token}/erase", s.handleMyDataErase)
}

// Attempt limits of data links: as for password resets, 5 per address and
// 20 per client an hour.
var (
	dataLinkLimit   = attemptLimit{prefix: "data:", max: 5, window: time.Hour}
	dataLinkIPLimit = attemptLimit{prefix: "data-ip:", max: 20, window: time.Hour}
)

// myDataView is the request form, or the data of a link.
type myDataView struct {
	page
	Done    string
	Error   string
	Form    *form // the request, or the correction
	Token   string
	Data    *cdoatlas.SubjectData
	Names   map[int64]string // call → "network – call"
	Circles map[int64]string // circle → "network – circle"
	// Consents in force, by purpose, that can be withdrawn here.
	Withdrawable []string
}

func myDataRequestForm(p *page, values url.Values, errs map[string]string) *form {
	b := newForm(p, "/my-data", "mydata.request_submit", values, errs)
	b.add(field{Name: "email", Label: "field.email", Type: "email", Required: true, Autocomplete: "email"})
	return b.done("")
}

func (s *site) handleMyDataForm(w http.ResponseWriter, r *http.Request) {
	v := &myDataView{page: s.newPage(w, r, "mydata.title", "")}
	v.Nav = "my-data"
	v.Form = myDataRequestForm(&v.page, nil, nil)
	s.render(w, r, http.StatusOK, "my_data", v)
}

// handleMyDataRequest queues the link's mail when anything is stored under
// the address, and answers the same either way.
func (s *site) handleMyDataRequest(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := &myDataView{page: s.newPage(w, r, "mydata.title", "")}
	v.Nav = "my-data"
	email := strings.ToLower(strings.TrimSpace(r.PostForm.Get("email")))
	if err := (&cdoatlas.User{Email: email, Role: cdoatlas.UserMember}).Validate(); err != nil {
		v.HasErrors = true
		v.Form = myDataRequestForm(&v.page, r.PostForm, map[string]string{"email": "email.invalid"})
		s.render(w, r, http.StatusUnprocessableEntity, "my_data", v)
		return
	}
	ok, err := s.attemptBy(r, dataLinkLimit, email, dataLinkIPLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		v.HasErrors = true
		v.Error = v.T("password.too_many")
		v.Form = myDataRequestForm(&v.page, r.PostForm, nil)
		s.render(w, r, http.StatusTooManyRequests, "my_data", v)
		return
	}
	if err := s.Store.RequestDataLink(ctx, email, v.Lang); err != nil {
		s.fail(w, r, err)
		return
	}
	v.Done = v.T("mydata.sent")
	s.render(w, r, http.StatusOK, "my_data", v)
}

// linkSubject returns the address of the path's link, or answers that the
// link is not valid (404) and returns "".
func (s *site) linkSubject(w http.ResponseWriter, r *http.Request) (string, *myDataView) {
	v := &myDataView{page: s.newPage(w, r, "mydata.title", ""), Token: r.PathValue("token")}
	v.Nav = "my-data"
	v.uncached = true
	w.Header().Set("X-Robots-Tag", "noindex")
	w.Header().Set("Cache-Control", "no-store")
	email, err := s.Store.DataLinkSubject(r.Context(), v.Token)
	switch cdoatlas.ErrorCode(err) {
	case "":
		return email, v
	case cdoatlas.ENOTFOUND:
		v.HasErrors = true
		v.Error = v.T("mydata.invalid")
		v.Form = myDataRequestForm(&v.page, nil, nil)
		s.render(w, r, http.StatusNotFound, "my_data", v)
	default:
		s.fail(w, r, err)
	}
	return "", nil
}

func correctionForm(p *page, token string, values url.Values, errs map[string]string) *form {
	b := newForm(p, "/my-data/"+url.PathEscape(token)+"/correct", "mydata.correct_submit", values, errs)
	b.add(field{Name: "person_name", Label: "field.name", Autocomplete: "name"}).
		add(field{Name: "organization_name", Label: "field.organization"}).
		add(field{Name: "title", Label: "field.title", Hint: "mydata.correct_hint"})
	return b.done("")
}

// showMyData renders the data of a link with status.
func (s *site) showMyData(w http.ResponseWriter, r *http.Request, v *myDataView, email string, status int, values url.Values, errs map[string]string) {
	ctx := r.Context()
	d, err := s.Store.FindSubjectData(ctx, email)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Data, v.Names, v.Circles = d, map[int64]string{}, map[int64]string{}
	for _, a := range d.Applications {
		if _, ok := v.Names[a.CallID]; ok {
			continue
		}
		if c, err := s.Store.FindCallByID(ctx, a.CallID); err == nil {
			v.Names[a.CallID] = c.Title
		}
	}
	names, err := s.circleNames(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for id, n := range names {
		v.Circles[id] = n[1] + " – " + n[0]
	}
	for _, p := range []string{cdoatlas.ConsentApplication, cdoatlas.ConsentDirectory, cdoatlas.ConsentEmail} {
		if d.HasConsent(p) {
			v.Withdrawable = append(v.Withdrawable, p)
		}
	}
	if values == nil && len(d.Applications)+len(d.Memberships) > 0 {
		values = url.Values{}
		if len(d.Memberships) > 0 {
			m := d.Memberships[len(d.Memberships)-1]
			values.Set("person_name", m.PersonName)
			values.Set("organization_name", m.OrganizationName)
			values.Set("title", m.Title)
		} else {
			a := d.Applications[len(d.Applications)-1]
			values.Set("person_name", a.PersonName)
			values.Set("organization_name", a.OrganizationName)
			values.Set("title", a.Title)
		}
	}
	v.Form = correctionForm(&v.page, v.Token, values, errs)
	s.render(w, r, status, "my_data", v)
}

func (s *site) handleMyData(w http.ResponseWriter, r *http.Request) {
	email, v := s.linkSubject(w, r)
	if v == nil {
		return
	}
	s.showMyData(w, r, v, email, http.StatusOK, nil, nil)
}

// handleMyDataExport downloads what is stored under the link's address as
// JSON (GDPR Art. 20).
func (s *site) handleMyDataExport(w http.ResponseWriter, r *http.Request) {
	email, v := s.linkSubject(w, r)
	if v == nil {
		return
	}
	d, err := s.Store.FindSubjectData(r.Context(), email)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body, err := json.MarshalIndent(struct {
		ExportedAt time.Time `json:"exported_at"`
		*cdoatlas.SubjectData
	}{time.Now().UTC(), d}, "", "  ")
	if err != nil {
		s.fail(w, r, cdoatlas.Internal(err))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="meine-daten.json"`)
	w.Write(body)
}

func (s *site) handleMyDataCorrect(w http.ResponseWriter, r *http.Request) {
	email, v := s.linkSubject(w, r)
	if v == nil {
		return
	}
	f := r.PostForm
	err := s.Store.CorrectSubject(r.Context(), email, cdoatlas.SubjectCorrection{PersonName: f.Get("person_name"),
		OrganizationName: f.Get("organization_name"), Title: f.Get("title")})
	if errs := fieldErrors(err); errs != nil {
		v.HasErrors = true
		s.showMyData(w, r, v, email, http.StatusUnprocessableEntity, f, errs)
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, "/my-data/"+url.PathEscape(v.Token), "flash.saved")
}

func (s *site) handleMyDataWithdraw(w http.ResponseWriter, r *http.Request) {
	email, v := s.linkSubject(w, r)
	if v == nil {
		return
	}
	switch err := s.Store.WithdrawConsent(r.Context(), email, r.PostForm.Get("purpose")); {
	case cdoatlas.ErrorCode(err) == cdoatlas.EINVALID:
		s.renderError(w, r, http.StatusBadRequest)
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, "/my-data/"+url.PathEscape(v.Token), "flash.consent_withdrawn")
}

// handleMyDataErase anonymises everything stored under the address, once
// the visitor confirmed it; the link ends with it.
func (s *site) handleMyDataErase(w http.ResponseWriter, r *http.Request) {
	email, v := s.linkSubject(w, r)
	if v == nil {
		return
	}
	if !checked(r.PostForm, "confirm") {
		v.HasErrors = true
		v.Error = v.T("mydata.erase_confirm_missing")
		s.showMyData(w, r, v, email, http.StatusUnprocessableEntity, nil, nil)
		return
	}
	if _, err := s.Store.EraseSubject(r.Context(), email); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, "/", "flash.erased")
}

// AttendedLabel says whether a meeting was attended, or that it is not
// recorded (nil).
func (v *myDataView) AttendedLabel(a *bool) string {
	switch {
	case a == nil:
		return v.T("meetings.attended_state.unknown")
	case *a:
		return v.T("meetings.attended_state.yes")
	}
	return v.T("meetings.attended_state.no")
}
