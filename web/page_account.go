package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

func (s *site) registerAccountRoutes() {
	s.get("/account", s.loggedIn(s.handleAccount))
	s.post("/account/tokens", s.loggedIn(s.handleAccountTokenCreate))
	s.get("/account/tokens", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/account#tokens", http.StatusSeeOther)
	})
}

// accountView is the logged-in user's own page.
type accountView struct {
	page
	TokenForm *form
	NewToken  string // shown once, right after it was made
}

// tokenForm describes the form that creates an API token.
func tokenForm(p *page, values url.Values, errs map[string]string) *form {
	b := newForm(p, "/account/tokens", "account.token_create", values, errs)
	b.add(field{Name: "name", Label: "field.token_name", Hint: "account.hint.token_name", Required: true, Autocomplete: "off"})
	return b.done("")
}

// handleAccount shows e-mail, role and the token form.
func (s *site) handleAccount(w http.ResponseWriter, r *http.Request) {
	v := &accountView{page: s.newPage(w, r, "account.title", "")}
	v.Nav = "account"
	v.TokenForm = tokenForm(&v.page, nil, nil)
	s.render(w, r, http.StatusOK, "account", v)
}

// handleAccountTokenCreate makes an API token and shows it this once; only
// its hash is stored, so there is no redirect that could show it again.
func (s *site) handleAccountTokenCreate(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	name := strings.TrimSpace(r.PostForm.Get("name"))
	errs := map[string]string{}
	switch {
	case name == "":
		errs["name"] = "required"
	case utf8.RuneCountInString(name) > 100:
		errs["name"] = "too_long"
	}
	status := http.StatusOK
	token := ""
	if len(errs) == 0 {
		var err error
		if token, err = s.Store.CreateAPIToken(r.Context(), u.ID, name); err != nil {
			if errs = fieldErrors(err); errs == nil {
				s.fail(w, r, err)
				return
			}
		}
	}
	v := &accountView{page: s.newPage(w, r, "account.title", ""), NewToken: token}
	v.Nav = "account"
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
		v.HasErrors = true
		v.TokenForm = tokenForm(&v.page, r.PostForm, errs)
	} else {
		v.TokenForm = tokenForm(&v.page, nil, nil)
	}
	s.render(w, r, status, "account", v)
}
