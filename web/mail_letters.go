package web

import (
	"github.com/cdoatlas/cdoatlas/locale"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

// letters writes the mails of cdoatlas from the catalog (keys mail.*), with
// links under the public base URL. The store calls it inside the
// transaction of the change a mail tells of (sqldb.DB.Letters).
type letters struct {
	base string // e.g. https://atlas.example.org, without a trailing slash
}

// NewLetters returns the letters of cdoatlas; their links start with
// baseURL, the address people reach the server at.
func NewLetters(baseURL string) cdoatlas.Letters {
	return letters{base: strings.TrimRight(baseURL, "/")}
}

// ApplicationMail writes a mail to an applicant. Applications keep no
// language, so the mail is German first and English below.
func (l letters) ApplicationMail(n *cdoatlas.ApplicationNotice) *cdoatlas.Mail {
	key := "mail." + n.Kind
	if !locale.Has(key + ".subject") {
		return nil // a kind without a letter
	}
	about := shorten(n.CallTitle, 80)
	if n.Kind == cdoatlas.MailSeatOffered || n.Kind == cdoatlas.MailAdmitted || n.Kind == cdoatlas.MailOfferExpired {
		about = shorten(n.NetworkName, 80)
	}
	return &cdoatlas.Mail{
		To:      n.Application.Email,
		Subject: tr("de", key+".subject", about) + " / " + tr("en", key+".subject", about),
		Body:    l.applicationText("de", n) + "\n\n" + strings.Repeat("-", 40) + "\n\n" + l.applicationText("en", n),
	}
}

// applicationText is the mail to an applicant in one language.
func (l letters) applicationText(lang string, n *cdoatlas.ApplicationNotice) string {
	a := n.Application
	paras := []string{tr(lang, "mail.greeting", a.PersonName)}
	if lang == "de" {
		paras = append(paras, tr(lang, "mail.english_below"))
	}
	link := l.base + "/applications/" + n.Secret
	switch n.Kind {
	case cdoatlas.MailApplicationReceived:
		paras = append(paras, tr(lang, "mail.application_received.body", n.CallTitle, n.NetworkName),
			tr(lang, "mail.state", tr(lang, "application.state."+a.Status)),
			tr(lang, "mail.link_intro")+"\n"+link, tr(lang, "mail.link_private"))
	case cdoatlas.MailSeatOffered:
		paras = append(paras, tr(lang, "mail.seat_offered.body", n.CircleName, n.NetworkName, mailDate(lang, n.Expires)),
			tr(lang, "mail.offer_link")+"\n"+link, tr(lang, "mail.link_private"))
	case cdoatlas.MailAdmitted:
		paras = append(paras, tr(lang, "mail.admitted.body", n.CircleName, n.NetworkName))
	case cdoatlas.MailDeclined:
		paras = append(paras, tr(lang, "mail.declined.body", n.NetworkName, n.CallTitle))
	case cdoatlas.MailOfferExpired:
		paras = append(paras, tr(lang, "mail.offer_expired.body", n.CircleName, n.NetworkName))
	}
	paras = append(paras, tr(lang, "mail.signature"))
	return strings.Join(paras, "\n\n")
}

// PasswordResetMail writes the mail with a password reset link in the
// language of the page it was asked for on.
func (l letters) PasswordResetMail(to, lang, token string, expires time.Time) *cdoatlas.Mail {
	if lang != "en" {
		lang = "de"
	}
	minutes := int(cdoatlas.PasswordResetLifetime / time.Minute)
	paras := []string{tr(lang, "mail.hello"),
		tr(lang, "mail.password_reset.body", minutes) + "\n" + l.base + "/password/reset/" + token,
		tr(lang, "mail.password_reset.ignore"), tr(lang, "mail.signature")}
	return &cdoatlas.Mail{To: to, Subject: tr(lang, "mail.password_reset.subject"), Body: strings.Join(paras, "\n\n"), ExpiresAt: expires}
}

// DataLinkMail writes the mail with a link to one's stored data, in the
// language of the page it was asked for on.
func (l letters) DataLinkMail(to, lang, token string, expires time.Time) *cdoatlas.Mail {
	if lang != "en" {
		lang = "de"
	}
	hours := int(cdoatlas.DataLinkLifetime / time.Hour)
	paras := []string{tr(lang, "mail.hello"),
		tr(lang, "mail.data_link.body", hours) + "\n" + l.base + "/my-data/" + token,
		tr(lang, "mail.data_link.ignore"), tr(lang, "mail.signature")}
	return &cdoatlas.Mail{To: to, Subject: tr(lang, "mail.data_link.subject"), Body: strings.Join(paras, "\n\n"), ExpiresAt: expires}
}

// mailDate writes the day of t as readers of lang expect it.
func mailDate(lang string, t time.Time) string {
	return formatDate(lang, cdoatlas.PartialDate(t.UTC().Format("2006-01-02")))
}

// shorten cuts s to at most n characters, marking the cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n-1])) + "…"
}
