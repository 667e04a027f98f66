package web

import (
	"net/http"

	"github.com/cdoatlas/cdoatlas"
)

// The outbox for admins: every mail with its state, the last error of a
// failed attempt (which only admins see) and a button to send a failed or
// unsent mail again.

func (s *site) registerAdminMailRoutes() {
	s.get("/admin/mail", s.admin(s.handleAdminMail))
	s.mux.HandleFunc("POST /admin/mail/{id}/resend", s.recoverPage(s.admin(s.protect(s.handleMailResend))))
}

// mailPerPage is the number of mails on a page of the outbox.
const mailPerPage = 50

// adminMailView is the outbox with its filter.
type adminMailView struct {
	page
	Mails        []*cdoatlas.Mail
	Total        int
	State        string // the filter
	States       []option
	Unconfigured bool // some mail is unsent: no mail server is set up
	Pagination   pagination
}

func (s *site) handleAdminMail(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := &adminMailView{page: s.newPage(w, r, "admin_mail.title", "")}
	v.Nav = "admin"
	state := oneOf(q.Get("state"), cdoatlas.MailStates)
	v.State = state
	v.States = selectOptions(append([]option{{Value: "", Label: v.T("filter.all")}}, labelled(v.Lang, "mail_state.", cdoatlas.MailStates)...), state)
	pageNo := pageParam(q)
	var err error
	f := cdoatlas.MailFilter{State: state, Offset: (pageNo - 1) * mailPerPage, Limit: mailPerPage}
	if v.Mails, v.Total, err = s.Store.FindMails(r.Context(), f); err != nil {
		s.fail(w, r, err)
		return
	}
	_, unsent, err := s.Store.FindMails(r.Context(), cdoatlas.MailFilter{State: cdoatlas.MailUnsent, Limit: 1})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Unconfigured = unsent > 0
	v.Pagination = newPaginationPer(v.Lang, "/admin/mail", q, pageNo, v.Total, mailPerPage)
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	s.render(w, r, http.StatusOK, "admin_mail", v)
}

// Resendable reports whether a mail may be sent again from the page.
func (v *adminMailView) Resendable(m *cdoatlas.Mail) bool {
	return (m.State == cdoatlas.MailFailed || m.State == cdoatlas.MailUnsent) && m.LastError != cdoatlas.MailExpired
}

// MailError is the last error of a mail as admins read it.
func (v *adminMailView) MailError(m *cdoatlas.Mail) string {
	if m.LastError == cdoatlas.MailExpired {
		return v.T("admin_mail.expired")
	}
	return m.LastError
}

// handleMailResend queues a failed or unsent mail again.
func (s *site) handleMailResend(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	back := "/admin/mail"
	if st := oneOf(r.PostForm.Get("state"), cdoatlas.MailStates); st != "" {
		back += "?state=" + st
	}
	switch err := s.Store.ResendMail(r.Context(), id); cdoatlas.ErrorCode(err) {
	case "":
		redirectFlash(w, r, back, "flash.mail_resent")
	case cdoatlas.ECONFLICT:
		redirectFlash(w, r, back, "flash.mail_not_resent")
	default:
		s.fail(w, r, err)
	}
}
