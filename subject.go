package cdoatlas

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// The rights of data subjects (GDPR Art. 15–17, 20): anyone with an
// application or a membership asks for a link by e-mail, and through it
// sees and downloads what is stored under their address, corrects it, has
// it erased, and withdraws consents.

// DataLinkLifetime is how long a link to one's data is valid.
const DataLinkLifetime = 24 * time.Hour

// MailDataLink is the kind of the mail with such a link.
const MailDataLink = "data_link"

// Consent purposes.
const (
	ConsentApplication = "application" // processing an application to a network
	ConsentDirectory   = "directory"   // being listed in the member directory
	ConsentEmail       = "email"       // news and invitations of a network by e-mail
	ConsentPublication = "publication" // the name published in the atlas
)

// ConsentPurposes lists the purposes.
var ConsentPurposes = []string{ConsentApplication, ConsentDirectory, ConsentEmail, ConsentPublication}

// Consent wordings: the version of the text a person agreed to. A new
// wording gets a new version; records keep the one they were given with.
const (
	WordingApplication = "application-2025-06"
	WordingDirectory   = "directory-2025-06"
	WordingEmail       = "email-2026-12"
	WordingPublication = "publication-2025-06"
)

// Consent is a consent given or withdrawn.
type Consent struct {
	ID      int64     `json:"id"`
	Subject string    `json:"subject"` // an e-mail address, or person:ID
	Purpose string    `json:"purpose"`
	Given   bool      `json:"given"` // false: withdrawn
	Wording string    `json:"wording"`
	Source  string    `json:"source"` // e.g. application:12, membership:3
	At      time.Time `json:"at"`
}

// SubjectData is what is stored under an e-mail address, as its owner
// sees and downloads it.
type SubjectData struct {
	Email        string         `json:"email"`
	Applications []*Application `json:"applications"`
	Memberships  []*Membership  `json:"memberships"`
	Consents     []*Consent     `json:"consents"` // every record, oldest first
	// Meetings are the answers and attendance of the address's
	// memberships, the latest meeting first.
	Meetings []*SubjectMeeting `json:"meetings"`
	// Breakouts are the seats of its memberships in breakout plans, the
	// latest plan first.
	Breakouts []*SubjectBreakout `json:"breakouts"`
}

// SubjectMeeting is a member's answer to a meeting and their attendance
// (nil while not recorded).
type SubjectMeeting struct {
	MeetingID    int64     `json:"meeting_id"`
	MembershipID int64     `json:"membership_id"`
	Title        string    `json:"title"`
	StartsAt     time.Time `json:"starts_at"`
	Answer       string    `json:"answer"`
	Attended     *bool     `json:"attended"`
}

// SubjectBreakout is where a member sits in a breakout plan. The other
// people of the groups are theirs to tell, not the export's.
type SubjectBreakout struct {
	PlanID       int64          `json:"plan_id"`
	MembershipID int64          `json:"membership_id"`
	MeetingID    *int64         `json:"meeting_id"`
	Title        string         `json:"title"`
	HeldOn       string         `json:"held_on"`
	Seats        []BreakoutSeat `json:"seats"`
}

// HasConsent reports whether the latest record of purpose is a consent.
func (d *SubjectData) HasConsent(purpose string) bool {
	in := false
	for _, c := range d.Consents {
		if c.Purpose == purpose {
			in = c.Given
		}
	}
	return in
}

// SubjectCorrection is what a person may correct of their data: empty
// fields stay as they are.
type SubjectCorrection struct {
	PersonName       string `json:"person_name"`
	OrganizationName string `json:"organization_name"`
	Title            string `json:"title"`
}

// SubjectService serves the rights of data subjects.
type SubjectService interface {
	// RequestDataLink makes a link for the address and queues its mail
	// (in lang) when anything is stored under it; otherwise it does
	// nothing and says nothing either.
	RequestDataLink(ctx context.Context, email, lang string) error
	// DataLinkSubject returns the address of a live link, or ENOTFOUND.
	DataLinkSubject(ctx context.Context, token string) (string, error)
	// FindSubjectData returns what is stored under the address.
	FindSubjectData(ctx context.Context, email string) (*SubjectData, error)
	// CorrectSubject corrects the applications and memberships of the
	// address. EINVALID per field.
	CorrectSubject(ctx context.Context, email string, c SubjectCorrection) error
	// WithdrawConsent records a withdrawal and acts on it at once: out of
	// the directory, no more news by e-mail, open applications
	// withdrawn.
	WithdrawConsent(ctx context.Context, email, purpose string) error
	// EraseSubject anonymises the applications and memberships of the
	// address (name, address, organization, tasks; a membership ends),
	// deletes its consents, links and mails, and its answers to meetings
	// that have not begun, and returns how many records it anonymised.
	// Figures stay as they were: kind, country, region and size stay, and
	// so do the attendance of past meetings and the seats in breakout
	// plans, under the anonymised membership.
	EraseSubject(ctx context.Context, email string) (int, error)
}

// erasedDomain is the domain of erased addresses: sure not to reach
// anyone (.invalid, RFC 2606).
const erasedDomain = "@example.invalid"

// ErasedAddress is the address an erased record (an application or a
// membership) keeps: unique, and sure not to reach anyone.
func ErasedAddress(what string, id int64) string {
	return "erased-" + what + "-" + strconv.FormatInt(id, 10) + erasedDomain
}

// IsErasedAddress reports whether email is an erased record's address,
// which no file or mail may name.
func IsErasedAddress(email string) bool {
	return strings.HasPrefix(email, "erased-") && strings.HasSuffix(email, erasedDomain)
}
