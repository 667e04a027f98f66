package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

func (s *site) registerLoginRoutes() {
	s.get("/login", s.handleLoginForm)
	s.post("/login", s.handleLogin)
	s.post("/logout", s.handleLogout)
}

// loginView is the login page.
type loginView struct {
	page
	Form  *form
	Error string // the one generic message on failure
	OIDC  string // link to log in with an organisation's account; "" when none is configured
}

// loginForm describes the login form; the password is never shown again.
func loginForm(p *page, next string, values url.Values) *form {
	action := "/login"
	if next != "" {
		action += "?" + url.Values{"next": {next}}.Encode()
	}
	b := newForm(p, action, "login.submit", values, nil)
	b.add(field{Name: "email", Label: "field.email", Type: "email", Required: true, Autocomplete: "username"}).
		add(field{Name: "password", Label: "field.password", Type: "password", Required: true, Autocomplete: "current-password"})
	return b.done("")
}

// handleLoginForm shows the login form; logged-in users go to their account.
func (s *site) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	if userFrom(r.Context()) != nil {
		http.Redirect(w, r, "/account", http.StatusSeeOther)
		return
	}
	v := &loginView{page: s.newPage(w, r, "login.title", "")}
	v.Nav = "login"
	v.Form = loginForm(&v.page, localPath(r.URL.Query().Get("next"), ""), nil)
	v.OIDC = s.oidcLink(localPath(r.URL.Query().Get("next"), ""))
	s.render(w, r, http.StatusOK, "login", v)
}

// handleLogin checks e-mail and password, starts a session and goes on to
// where the visitor wanted to go. A failure says only that e-mail or
// password were wrong, whichever it was. The attempt is counted before the
// password is checked, and only a few checks run at once (site.hashes), so
// that parallel guesses neither pass the limit nor exhaust memory.
func (s *site) handleLogin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ip := clientIP(r)
	next := localPath(r.URL.Query().Get("next"), "/")
	email, password := r.PostForm.Get("email"), r.PostForm.Get("password")
	account := ip + " " + strings.ToLower(strings.TrimSpace(email))
	status, msg := http.StatusOK, ""
	ok, err := s.attemptBy(r, loginLimit, account, loginIPLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	switch {
	case !ok:
		status, msg = http.StatusTooManyRequests, "login.too_many"
	case !s.hashes.enter(ctx):
		w.Header().Set("Retry-After", "5")
		status, msg = http.StatusTooManyRequests, "login.busy"
	default:
		u, err := s.Store.Authenticate(ctx, email, password)
		s.hashes.leave()
		switch code := cdoatlas.ErrorCode(err); {
		case err == nil:
			// A good login does not count against the account, nor
			// against others behind the same address.
			if err := errors.Join(s.forgive(ctx, loginLimit, account, -1), s.forgive(ctx, loginIPLimit, ip, 1)); err != nil {
				s.logError(r, err)
			}
			s.startSession(w, r, u, next)
			return
		case code == cdoatlas.EUNAUTHORIZED || code == cdoatlas.EINVALID || code == cdoatlas.ENOTFOUND:
			status, msg = http.StatusUnauthorized, "login.failed"
		default:
			s.fail(w, r, err)
			return
		}
	}
	v := &loginView{page: s.newPage(w, r, "login.title", "")}
	v.Nav = "login"
	v.HasErrors = true
	v.Error = v.T(msg)
	v.Form = loginForm(&v.page, localPath(r.URL.Query().Get("next"), ""), url.Values{"email": {email}})
	v.OIDC = s.oidcLink(localPath(r.URL.Query().Get("next"), ""))
	s.render(w, r, status, "login", v)
}

// startSession replaces any old session by a new one for u.
func (s *site) startSession(w http.ResponseWriter, r *http.Request, u *cdoatlas.User, next string) {
	ctx := r.Context()
	if old := sessionValue(r); old != "" {
		if err := s.Store.DeleteSession(ctx, old); err != nil {
			s.logError(r, err)
		}
	}
	token, err := s.Store.CreateSession(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	setSessionCookie(w, r, token)
	redirectFlash(w, r, next, "flash.logged_in")
}

// handleLogout ends the session.
func (s *site) handleLogout(w http.ResponseWriter, r *http.Request) {
	if token := sessionValue(r); token != "" {
		if err := s.Store.DeleteSession(r.Context(), token); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	clearSessionCookie(w, r)
	redirectFlash(w, r, "/", "flash.logged_out")
}
