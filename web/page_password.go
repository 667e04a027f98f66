package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Password reset: "Passwort vergessen?" on the login page asks for the
// account's e-mail address and sends a link (valid for an hour, once); the
// link's page sets a new password and ends every session of the account.
// The answer to a request is the same whether or not the account exists.

func (s *site) registerPasswordRoutes() {
	s.get("/password/forgot", s.handleForgotForm)
	s.post("/password/forgot", s.handleForgot)
	s.get("/password/reset/{token}", s.handleResetForm)
	s.post("/password/reset/{token}", s.handleReset)
}

// Attempt limits of password resets: 5 requests per e-mail address an hour,
// so that nobody can flood someone's mailbox, and 20 per client address;
// 20 new passwords per client address an hour (each costs a hash).
var (
	resetLimit    = attemptLimit{prefix: "reset:", max: 5, window: time.Hour}
	resetIPLimit  = attemptLimit{prefix: "reset-ip:", max: 20, window: time.Hour}
	resetSetLimit = attemptLimit{prefix: "reset-set:", max: 20, window: time.Hour}
)

// passwordView is the page that asks for the address, or for the new
// password.
type passwordView struct {
	page
	Intro string
	Done  string // the answer to a request
	Error string // one message above the form
	Form  *form
	Retry bool // offer to ask for a new link
}

func forgotForm(p *page, values url.Values, errs map[string]string) *form {
	b := newForm(p, "/password/forgot", "password.forgot_submit", values, errs)
	b.add(field{Name: "email", Label: "field.email", Type: "email", Required: true, Autocomplete: "username"})
	return b.done("")
}

func (s *site) newForgotView(w http.ResponseWriter, r *http.Request) *passwordView {
	v := &passwordView{page: s.newPage(w, r, "password.forgot_title", "")}
	v.Nav = "login"
	v.Intro = v.T("password.forgot_intro")
	return v
}

func (s *site) handleForgotForm(w http.ResponseWriter, r *http.Request) {
	v := s.newForgotView(w, r)
	v.Form = forgotForm(&v.page, nil, nil)
	s.render(w, r, http.StatusOK, "password", v)
}

// handleForgot queues a reset mail when the address has an account, and
// answers the same either way. Requests are counted per address and per
// client before anything else is done.
func (s *site) handleForgot(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	email := strings.ToLower(strings.TrimSpace(r.PostForm.Get("email")))
	v := s.newForgotView(w, r)
	// The check every account's address passed: no count and no
	// answer for what cannot be one.
	if err := (&cdoatlas.User{Email: email, Role: cdoatlas.UserMember}).Validate(); err != nil {
		v.HasErrors = true
		v.Form = forgotForm(&v.page, r.PostForm, map[string]string{"email": "email.invalid"})
		s.render(w, r, http.StatusUnprocessableEntity, "password", v)
		return
	}
	ok, err := s.attemptBy(r, resetLimit, email, resetIPLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		v.HasErrors = true
		v.Error = v.T("password.too_many")
		v.Form = forgotForm(&v.page, r.PostForm, nil)
		s.render(w, r, http.StatusTooManyRequests, "password", v)
		return
	}
	if err := s.Store.RequestPasswordReset(ctx, email, v.Lang); err != nil {
		s.fail(w, r, err)
		return
	}
	v.Done = v.T("password.forgot_sent", int(cdoatlas.PasswordResetLifetime/time.Minute))
	s.render(w, r, http.StatusOK, "password", v)
}

func resetForm(p *page, token string, errs map[string]string) *form {
	b := newForm(p, "/password/reset/"+url.PathEscape(token), "password.reset_submit", nil, errs)
	b.add(field{Name: "password", Label: "field.new_password", Hint: "password.hint", Type: "password", Required: true, Autocomplete: "new-password"})
	return b.done("")
}

// newResetView prepares the page of a reset link: kept from caches and
// from search engines, as its address is a secret.
func (s *site) newResetView(w http.ResponseWriter, r *http.Request) *passwordView {
	v := &passwordView{page: s.newPage(w, r, "password.reset_title", "")}
	v.Nav = "login"
	v.uncached = true
	w.Header().Set("X-Robots-Tag", "noindex")
	return v
}

// invalidLink answers a reset link that is unknown, used or expired.
func (s *site) invalidLink(w http.ResponseWriter, r *http.Request, v *passwordView) {
	v.HasErrors = true
	v.Error = v.T("password.reset_invalid")
	v.Retry = true
	s.render(w, r, http.StatusNotFound, "password", v)
}

func (s *site) handleResetForm(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	v := s.newResetView(w, r)
	switch err := s.Store.CheckPasswordReset(r.Context(), token); cdoatlas.ErrorCode(err) {
	case "":
	case cdoatlas.ENOTFOUND:
		s.invalidLink(w, r, v)
		return
	default:
		s.fail(w, r, err)
		return
	}
	v.Intro = v.T("password.reset_intro")
	v.Form = resetForm(&v.page, token, nil)
	s.render(w, r, http.StatusOK, "password", v)
}

// handleReset sets the new password; every session of the account ends,
// this browser's too, and the visitor logs in with the new password.
func (s *site) handleReset(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	token := r.PathValue("token")
	v := s.newResetView(w, r)
	if ok, err := s.attempt(ctx, resetSetLimit, clientIP(r)); err != nil {
		s.fail(w, r, err)
		return
	} else if !ok {
		v.HasErrors = true
		v.Error = v.T("password.too_many")
		s.render(w, r, http.StatusTooManyRequests, "password", v)
		return
	}
	password := r.PostForm.Get("password")
	if key := cdoatlas.PasswordProblem(password); key != "" {
		if err := s.Store.CheckPasswordReset(ctx, token); cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
			s.invalidLink(w, r, v)
			return
		}
		v.HasErrors = true
		v.Intro = v.T("password.reset_intro")
		v.Form = resetForm(&v.page, token, map[string]string{"password": key})
		s.render(w, r, http.StatusUnprocessableEntity, "password", v)
		return
	}
	if !s.hashes.enter(ctx) {
		w.Header().Set("Retry-After", "5")
		v.HasErrors = true
		v.Error = v.T("login.busy")
		v.Form = resetForm(&v.page, token, nil)
		s.render(w, r, http.StatusTooManyRequests, "password", v)
		return
	}
	err := s.Store.ResetPassword(ctx, token, password)
	s.hashes.leave()
	switch cdoatlas.ErrorCode(err) {
	case "":
	case cdoatlas.ENOTFOUND:
		s.invalidLink(w, r, v)
		return
	case cdoatlas.EINVALID:
		v.HasErrors = true
		v.Intro = v.T("password.reset_intro")
		v.Form = resetForm(&v.page, token, fieldErrors(err))
		s.render(w, r, http.StatusUnprocessableEntity, "password", v)
		return
	default:
		s.fail(w, r, err)
		return
	}
	clearSessionCookie(w, r)
	redirectFlash(w, r, "/login", "flash.password_reset")
}
