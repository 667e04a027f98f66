package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

func (s *site) registerAccountRoutes() {
	s.get("/account", s.loggedIn(s.handleAccount))
	s.postLoggedIn("/account/tokens", s.handleAccountTokenCreate)
	s.postLoggedIn("/account/tokens/{id}/revoke", s.handleAccountTokenRevoke)
	s.get("/account/tokens", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/account#tokens", http.StatusSeeOther)
	})
}

// accountView is the logged-in user's own page.
type accountView struct {
	page
	Tokens    []tokenRow
	TokenForm *form
	NewToken  string // shown once, right after it was made
}

// tokenRow is a token as the account page lists it.
type tokenRow struct {
	*cdoatlas.APIToken
	Expired bool
}

// tokenLifetimes are the expiries offered for a new token, in days; 0 is
// "never". The form proposes 90 days.
var tokenLifetimes = []int{30, 90, 365, 0}

// tokenForm describes the form that creates an API token.
func tokenForm(p *page, values url.Values, errs map[string]string) *form {
	if values == nil {
		values = url.Values{"expires": {"90"}}
	}
	var opts []option
	for _, d := range tokenLifetimes {
		label := tr(p.Lang, "account.token_never")
		if d > 0 {
			label = tr(p.Lang, "account.token_days", d)
		}
		opts = append(opts, option{Value: strconv.Itoa(d), Label: label})
	}
	b := newForm(p, "/account/tokens", "account.token_create", values, errs)
	b.add(field{Name: "name", Label: "field.token_name", Hint: "account.hint.token_name", Required: true, Autocomplete: "off"}).
		add(field{Name: "expires", Label: "field.token_expires", Hint: "account.hint.token_expires", Type: "select", Options: opts})
	return b.done("")
}

// newAccountView reads the user's tokens for the account page.
func (s *site) newAccountView(w http.ResponseWriter, r *http.Request) (*accountView, error) {
	v := &accountView{page: s.newPage(w, r, "account.title", "")}
	v.Nav = "account"
	tokens, err := s.Store.FindAPITokens(r.Context(), v.User.ID)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	for _, t := range tokens {
		v.Tokens = append(v.Tokens, tokenRow{APIToken: t, Expired: t.Expired(now)})
	}
	return v, nil
}

// handleAccount shows e-mail, role, the tokens and the token form.
func (s *site) handleAccount(w http.ResponseWriter, r *http.Request) {
	v, err := s.newAccountView(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.TokenForm = tokenForm(&v.page, nil, nil)
	s.render(w, r, http.StatusOK, "account", v)
}

// handleAccountTokenCreate makes an API token and shows it this once; only
// its hash is stored, so there is no redirect that could show it again.
// Only a browser session can make tokens (protect refuses a token).
func (s *site) handleAccountTokenCreate(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	name := strings.TrimSpace(r.PostForm.Get("name"))
	errs := map[string]string{}
	switch {
	case name == "":
		errs["name"] = "required"
	case utf8.RuneCountInString(name) > cdoatlas.MaxTokenNameLength:
		errs["name"] = cdoatlas.TooLong(cdoatlas.MaxTokenNameLength)
	}
	var expires time.Time
	days, err := 90, error(nil)
	if v := r.PostForm.Get("expires"); v != "" {
		days, err = strconv.Atoi(v)
	}
	switch {
	case err != nil || !slices.Contains(tokenLifetimes, days):
		errs["expires"] = "account.token_expires_invalid"
	case days > 0:
		expires = time.Now().Add(time.Duration(days) * 24 * time.Hour)
	}
	status := http.StatusOK
	token := ""
	if len(errs) == 0 {
		if token, err = s.Store.CreateAPIToken(r.Context(), u.ID, name, expires); err != nil {
			if errs = fieldErrors(err); errs == nil {
				s.fail(w, r, err)
				return
			}
		}
	}
	v, err := s.newAccountView(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.NewToken = token
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
		v.HasErrors = true
		v.TokenForm = tokenForm(&v.page, r.PostForm, errs)
	} else {
		v.TokenForm = tokenForm(&v.page, nil, nil)
	}
	s.render(w, r, status, "account", v)
}

// handleAccountTokenRevoke deletes one of the user's tokens; it stops
// working at once.
func (s *site) handleAccountTokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	if err := s.Store.RevokeAPIToken(r.Context(), userFrom(r.Context()).ID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, "/account#tokens", "flash.token_revoked")
}
