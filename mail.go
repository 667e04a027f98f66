package cdoatlas

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Mail states in the outbox.
const (
	MailQueued   = "queued"   // waiting for its first attempt
	MailSending  = "sending"  // claimed by a sender right now
	MailRetrying = "retrying" // an attempt failed; the next is due at NextAttemptAt
	MailSent     = "sent"     // the mail server took it
	MailFailed   = "failed"   // refused for good, or out of attempts
	MailUnsent   = "unsent"   // no mail server is configured: written to the log only
)

// MailStates lists the states of a mail, in the order of its life.
var MailStates = []string{MailQueued, MailSending, MailRetrying, MailSent, MailFailed, MailUnsent}

// Mail kinds: what a mail is about.
const (
	MailApplicationReceived = "application_received" // confirmation with the private status link
	MailSeatOffered         = "seat_offered"         // a seat offered to a waitlisted applicant, with its deadline
	MailOfferExpired        = "offer_expired"        // the offered seat was not taken in time
	MailAdmitted            = "admitted"
	MailDeclined            = "declined"
	MailPasswordReset       = "password_reset"
)

// MailExpired is the last error of a mail that was not sent before it
// lost its use (a password reset link past its validity).
const MailExpired = "expired"

// Mail is a message in the outbox. Every mail is written there in the same
// transaction as the change it tells of, so that none is lost when the
// server stops; a sender delivers it later, retrying with growing waits.
type Mail struct {
	ID            int64     `json:"id"`
	Kind          string    `json:"kind"`
	To            string    `json:"to"`
	Subject       string    `json:"subject"`
	Body          string    `json:"-"` // plain text; emptied once sent, as it may hold a private link
	State         string    `json:"state"`
	Attempts      int       `json:"attempts"`
	CreatedAt     time.Time `json:"created_at"`
	NextAttemptAt time.Time `json:"next_attempt_at"`
	SentAt        time.Time `json:"sent_at,omitzero"`
	ExpiresAt     time.Time `json:"expires_at,omitzero"` // not sent after it; zero: never expires
	LastError     string    `json:"last_error"`          // of the last attempt, for admins only
}

// Validate trims m and checks it before it is queued: EINVALID.
func (m *Mail) Validate() error {
	m.To = strings.ToLower(strings.TrimSpace(m.To))
	m.Subject = strings.TrimSpace(m.Subject)
	fe := FieldErrors{}
	if !bareAddress(m.To) {
		fe.Add("to", "email.invalid")
	}
	switch {
	case m.Subject == "":
		fe.Add("subject", "required")
	case utf8.RuneCountInString(m.Subject) > 300:
		fe.Add("subject", TooLong(300))
	}
	fe.CheckLine("subject", m.Subject)
	if strings.TrimSpace(m.Body) == "" {
		fe.Add("body", "required")
	}
	fe.CheckText("body", m.Body)
	if m.Kind == "" {
		fe.Add("kind", "required")
	}
	return fe.Err()
}

// mailRetryDelays are the waits after each failed attempt: a mail server
// that is down for a while, or greylists, gets the mail within minutes,
// and one that is down for long gets about two days before the mail
// counts as failed.
var mailRetryDelays = [MaxMailAttempts - 1]time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour,
	6 * time.Hour, 12 * time.Hour, 24 * time.Hour}

// MaxMailAttempts is how often a mail is tried before it fails.
const MaxMailAttempts = 8

// MailRetryDelay returns how long to wait after attempt n (from 1) failed,
// and false when it was the last.
func MailRetryDelay(n int) (time.Duration, bool) {
	if n < 1 || n > len(mailRetryDelays) {
		return 0, false
	}
	return mailRetryDelays[n-1], true
}

// MailOutcome is the result of an attempt to send a mail.
type MailOutcome struct {
	State   string        // MailSent, MailRetrying, MailFailed or MailUnsent
	Error   string        // what went wrong, for admins
	RetryIn time.Duration // with MailRetrying: the wait before the next attempt
}

// MailFilter selects mails from the outbox, newest first.
type MailFilter struct {
	State  string // "" for all
	Offset int
	Limit  int // 0: no limit
}

// MailService keeps the outbox.
type MailService interface {
	// QueueMail validates m and writes it to the outbox. EINVALID.
	QueueMail(ctx context.Context, m *Mail) error
	// ClaimMails claims up to limit due mails for one sender and counts
	// the attempt: they are its own for lease, after which another
	// sender may take them again (the first stopped before it finished).
	// Several senders, also on several instances, never get the same
	// mail at once. Mails past their expiry fail on the way.
	ClaimMails(ctx context.Context, limit int, lease time.Duration) ([]*Mail, error)
	// FinishMail records the outcome of a claimed attempt. ECONFLICT when
	// the claim was lost (the lease ran out and another sender took it).
	FinishMail(ctx context.Context, id int64, attempt int, o MailOutcome) error
	// FindMails returns a page of the outbox, newest first, and the total.
	FindMails(ctx context.Context, f MailFilter) ([]*Mail, int, error)
	// ResendMail queues a failed or unsent mail again, with its attempts
	// counted from zero. ENOTFOUND; ECONFLICT for a mail in another state
	// or one that expired.
	ResendMail(ctx context.Context, id int64) error
	// PruneMails deletes the finished mails (sent, failed, unsent) made
	// more than age ago, and returns how many.
	PruneMails(ctx context.Context, age time.Duration) (int, error)
}

// MailKeep is how long finished mails stay in the outbox: the recipients'
// addresses are personal data, kept no longer than an admin needs them.
const MailKeep = 90 * 24 * time.Hour

// ApplicationNotice is what a mail to an applicant tells of.
type ApplicationNotice struct {
	Kind        string // MailApplicationReceived, MailSeatOffered, …
	Application *Application
	CallTitle   string
	NetworkName string
	CircleName  string
	// Secret opens a private status link of the application, for the
	// mails that need one (confirmation, offer); "" for the others.
	Secret string
	// Expires is when an offered seat is given to the next (offers).
	Expires time.Time
}

// Letters writes the mails the application sends, in the recipient's
// language (German first, then English, when it is not known).
type Letters interface {
	// ApplicationMail writes the mail to an applicant of a notice.
	ApplicationMail(n *ApplicationNotice) *Mail
	// PasswordResetMail writes the mail with a password reset link,
	// valid until expires, in lang ("de" or "en").
	PasswordResetMail(to, lang, token string, expires time.Time) *Mail
	// DataLinkMail writes the mail with a link to one's stored data.
	DataLinkMail(to, lang, token string, expires time.Time) *Mail
}
