package cdoatlas

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"
)

// Network is a peer network of digital leaders, such as the CDO circle of
// a municipal association: its circles, the attributes it wants spread
// across its members (balance goals with weights) and its coordinators.
type Network struct {
	ID          int64              `json:"id"`
	Name        string             `json:"name"`
	Description string             `json:"description"`
	Goals       map[string]float64 `json:"goals"` // attribute → weight
	CreatedAt   time.Time          `json:"created_at"`
	UpdatedAt   time.Time          `json:"updated_at"`
}

// BalanceAttributes are the attributes a network can spread its members
// over.
var BalanceAttributes = []string{"size_class", "country", "region", "kind", "gender", "archetype"}

// DefaultGoals are the weights of a new network: size classes first, then
// regions, countries and gender (network.DefaultGoals gives the reasons).
func DefaultGoals() map[string]float64 {
	return map[string]float64{"size_class": 3, "region": 2, "country": 2, "gender": 2, "kind": 1, "archetype": 1}
}

// Validate trims n and checks it: EINVALID with a key per field.
func (n *Network) Validate() error {
	n.Name = strings.TrimSpace(n.Name)
	n.Description = strings.TrimSpace(n.Description)
	if n.Goals == nil {
		n.Goals = DefaultGoals()
	}
	fe := FieldErrors{}
	switch {
	case n.Name == "":
		fe.Add("name", "required")
	case utf8.RuneCountInString(n.Name) > 200:
		fe.Add("name", TooLong(200))
	}
	fe.CheckLine("name", n.Name)
	if utf8.RuneCountInString(n.Description) > 5000 {
		fe.Add("description", TooLong(5000))
	}
	fe.CheckText("description", n.Description)
	for a, w := range n.Goals {
		if !contains(BalanceAttributes, a) || w < 0 || w > 100 {
			fe.Add("goals", "goals.invalid")
		}
	}
	return fe.Err()
}

// Circle is a group of a network's members: a core circle with a capacity
// (e.g. 40), or an open circle without one (Capacity 0).
type Circle struct {
	ID        int64  `json:"id"`
	NetworkID int64  `json:"network_id"`
	Name      string `json:"name"`
	Capacity  int    `json:"capacity"` // 0: no cap
}

// Validate trims c and checks it.
func (c *Circle) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	fe := FieldErrors{}
	switch {
	case c.Name == "":
		fe.Add("name", "required")
	case utf8.RuneCountInString(c.Name) > 200:
		fe.Add("name", TooLong(200))
	}
	fe.CheckLine("name", c.Name)
	if c.Capacity < 0 || c.Capacity > 100000 {
		fe.Add("capacity", "capacity.invalid")
	}
	if c.NetworkID <= 0 {
		fe.Add("network_id", "required")
	}
	return fe.Err()
}

// Call is a coordinator's call for members of a circle, open until its
// deadline.
type Call struct {
	ID        int64       `json:"id"`
	NetworkID int64       `json:"network_id"`
	CircleID  int64       `json:"circle_id"`
	Title     string      `json:"title"`
	Text      string      `json:"text"`
	Criteria  string      `json:"criteria"`
	Deadline  PartialDate `json:"deadline"` // a full date; applications are taken until its end
	CreatedAt time.Time   `json:"created_at"`
}

// Validate trims c and checks it.
func (c *Call) Validate() error {
	c.Title = strings.TrimSpace(c.Title)
	c.Text = strings.TrimSpace(c.Text)
	c.Criteria = strings.TrimSpace(c.Criteria)
	fe := FieldErrors{}
	switch {
	case c.Title == "":
		fe.Add("title", "required")
	case utf8.RuneCountInString(c.Title) > 300:
		fe.Add("title", TooLong(300))
	}
	fe.CheckLine("title", c.Title)
	if utf8.RuneCountInString(c.Text) > 20000 {
		fe.Add("text", TooLong(20000))
	}
	fe.CheckText("text", c.Text)
	if utf8.RuneCountInString(c.Criteria) > 20000 {
		fe.Add("criteria", TooLong(20000))
	}
	fe.CheckText("criteria", c.Criteria)
	if d, err := ParsePartialDate(string(c.Deadline)); err != nil || !d.IsFull() {
		fe.Add("deadline", "date.full_required")
	} else {
		c.Deadline = d
	}
	if c.CircleID <= 0 {
		fe.Add("circle_id", "required")
	}
	return fe.Err()
}

// Open reports whether the call takes applications at now (until the end
// of its deadline, in UTC).
func (c *Call) Open(now time.Time) bool {
	return !now.After(c.Deadline.Latest().Add(24*time.Hour - time.Nanosecond))
}

// ErrApplied is the cause of the ECONFLICT error of an application from
// an address that applied to the call before.
var ErrApplied = errors.New("already applied to this call")

// Application states.
const (
	ApplicationReceived   = "received"   // checked yes, waiting for the proposal
	ApplicationReview     = "review"     // CDO check unknown: the coordinator decides first
	ApplicationDeclined   = "declined"   // CDO check no, or declined by a coordinator
	ApplicationAdmitted   = "admitted"   // a member of the circle
	ApplicationWaitlisted = "waitlisted" // eligible, no seat yet
	ApplicationWithdrawn  = "withdrawn"
)

// ApplicationStates lists the states of an application.
var ApplicationStates = []string{ApplicationReceived, ApplicationReview, ApplicationDeclined, ApplicationAdmitted,
	ApplicationWaitlisted, ApplicationWithdrawn}

// Application is someone's application to a call, made through the public
// form without an account. Email is used only to answer the applicant;
// the status is shown through a private link.
type Application struct {
	ID     int64 `json:"id"`
	CallID int64 `json:"call_id"`

	PersonName       string `json:"person_name"`
	Email            string `json:"email"`
	OrganizationID   *int64 `json:"organization_id"` // picked from the registry, or nil for a new one
	OrganizationName string `json:"organization_name"`
	Kind             string `json:"kind"`
	Country          string `json:"country"`
	Region           string `json:"region"`
	Population       *int64 `json:"population"`
	Title            string `json:"title"`
	Tasks            string `json:"tasks"`
	Placement        string `json:"placement"`
	Mandate          string `json:"mandate"`
	Gender           string `json:"gender"` // optional: unknown when not given

	Consent bool `json:"consent"` // GDPR consent to the purpose stated on the form
	// NewsConsent is the optional consent to the network's news and
	// invitations by e-mail; it is kept as a consent record, not here.
	NewsConsent bool `json:"news_consent"`

	// The CDO check of the tasks, with its reasons (English) and the
	// archetype of a yes; network.CheckApplication sets them.
	Check     string   `json:"cdo_check"`
	Reasons   []string `json:"reasons"`
	Archetype string   `json:"archetype"`
	// Explanations are the reasons of the check in both languages, as
	// network.CheckApplication gives them and CreateApplication stores
	// them for the coordinators' list; reads leave them nil (the list
	// has them as ApplicationListItem.CheckReasons).
	Explanations []CheckReason `json:"-"`

	Status    string    `json:"status"`
	AppliedAt time.Time `json:"applied_at"`
}

// Validate trims a and checks what the applicant typed: EINVALID with a
// key per field.
func (a *Application) Validate() error {
	for _, f := range []*string{&a.PersonName, &a.Email, &a.OrganizationName, &a.Region, &a.Title, &a.Tasks, &a.Mandate} {
		*f = strings.TrimSpace(*f)
	}
	a.Kind = strings.ToLower(strings.TrimSpace(a.Kind))
	a.Country = strings.ToUpper(strings.TrimSpace(a.Country))
	a.Placement = strings.ToLower(strings.TrimSpace(a.Placement))
	if a.Gender = strings.TrimSpace(a.Gender); a.Gender == "" {
		a.Gender = GenderUnknown
	}
	fe := FieldErrors{}
	for field, v := range map[string]string{"person_name": a.PersonName, "email": a.Email, "organization_name": a.OrganizationName,
		"region": a.Region, "title": a.Title} {
		fe.CheckLine(field, v)
	}
	fe.CheckText("tasks", a.Tasks)
	fe.CheckText("mandate", a.Mandate)
	required := func(field, v string, max int) {
		switch {
		case v == "":
			fe.Add(field, "required")
		case utf8.RuneCountInString(v) > max:
			fe.Add(field, TooLong(max))
		}
	}
	required("person_name", a.PersonName, 200)
	a.Email = strings.ToLower(a.Email)
	required("email", a.Email, 254)
	if a.Email != "" && !validEmail(a.Email) {
		fe.Add("email", "email.invalid")
	}
	if a.OrganizationID == nil {
		validateNewOrganization(fe, a.OrganizationName, a.Kind, a.Country, &a.Region, a.Population)
	}
	required("title", a.Title, 300)
	required("tasks", a.Tasks, MaxTasksLength)
	if a.Placement != "" && !contains(Placements, a.Placement) {
		fe.Add("placement", "placement.invalid")
	}
	if utf8.RuneCountInString(a.Mandate) > 5000 {
		fe.Add("mandate", TooLong(5000))
	}
	if !contains(Genders, a.Gender) {
		fe.Add("gender", "gender.invalid")
	}
	if !a.Consent {
		fe.Add("consent", "consent.required")
	}
	return fe.Err()
}

// UseOrganization makes o, picked from the registry, the application's
// organization: its name, kind, country, region and population replace
// what the applicant typed.
func (a *Application) UseOrganization(o *Organization) {
	id := o.ID
	a.OrganizationID = &id
	a.OrganizationName, a.Kind, a.Country, a.Region, a.Population = o.Name, o.Kind, o.Country, o.Region, o.Population
}

// Membership is a person's seat in a circle, from their application or
// entered by a coordinator.
type Membership struct {
	ID               int64      `json:"id"`
	CircleID         int64      `json:"circle_id"`
	ApplicationID    *int64     `json:"application_id"`
	PersonName       string     `json:"person_name"`
	Email            string     `json:"email"`
	OrganizationID   *int64     `json:"organization_id"`
	OrganizationName string     `json:"organization_name"`
	Kind             string     `json:"kind"`
	Country          string     `json:"country"`
	Region           string     `json:"region"`
	Population       *int64     `json:"population"`
	Title            string     `json:"title"`
	Tasks            string     `json:"tasks"`
	Placement        string     `json:"placement"`
	Gender           string     `json:"gender"`
	Listed           bool       `json:"listed"` // agreed to be listed in the member directory
	JoinedAt         time.Time  `json:"joined_at"`
	LeftAt           *time.Time `json:"left_at"`
	LeaveReason      string     `json:"leave_reason"`
}

// Validate trims m and checks what a coordinator entered.
func (m *Membership) Validate() error {
	for _, f := range []*string{&m.PersonName, &m.Email, &m.OrganizationName, &m.Region, &m.Title, &m.Tasks} {
		*f = strings.TrimSpace(*f)
	}
	m.Email = strings.ToLower(m.Email)
	m.Kind = strings.ToLower(strings.TrimSpace(m.Kind))
	m.Country = strings.ToUpper(strings.TrimSpace(m.Country))
	if m.Gender = strings.TrimSpace(m.Gender); m.Gender == "" {
		m.Gender = GenderUnknown
	}
	fe := FieldErrors{}
	for field, v := range map[string]string{"person_name": m.PersonName, "email": m.Email, "organization_name": m.OrganizationName,
		"region": m.Region, "title": m.Title} {
		fe.CheckLine(field, v)
	}
	fe.CheckText("tasks", m.Tasks)
	if m.PersonName == "" {
		fe.Add("person_name", "required")
	} else if utf8.RuneCountInString(m.PersonName) > 200 {
		fe.Add("person_name", TooLong(200))
	}
	if m.Email != "" && !validEmail(m.Email) {
		fe.Add("email", "email.invalid")
	}
	if m.OrganizationID == nil {
		validateNewOrganization(fe, m.OrganizationName, m.Kind, m.Country, &m.Region, m.Population)
	}
	if !contains(Genders, m.Gender) {
		fe.Add("gender", "gender.invalid")
	}
	if m.CircleID <= 0 {
		fe.Add("circle_id", "required")
	}
	return fe.Err()
}

// Decision actions on applications.
const (
	DecisionAdmit    = "admit"
	DecisionDecline  = "decline"
	DecisionWaitlist = "waitlist"
	DecisionReview   = "review"
)

// Decision records who decided what on an application, and when.
type Decision struct {
	ID            int64     `json:"id"`
	ApplicationID int64     `json:"application_id"`
	Action        string    `json:"action"`
	UserID        int64     `json:"user_id"`
	Note          string    `json:"note"`
	DecidedAt     time.Time `json:"decided_at"`
}

// Offer states.
const (
	OfferOpen     = "open"
	OfferAccepted = "accepted"
	OfferDeclined = "declined"
	OfferExpired  = "expired"
)

// DefaultOfferTime is how long an offered seat is held for the applicant.
const DefaultOfferTime = 14 * 24 * time.Hour

// Offer is a seat offered to a waitlisted applicant; while open it holds
// its seat.
type Offer struct {
	ID            int64     `json:"id"`
	ApplicationID int64     `json:"application_id"`
	CircleID      int64     `json:"circle_id"`
	State         string    `json:"state"`
	OfferedAt     time.Time `json:"offered_at"`
	ExpiresAt     time.Time `json:"expires_at"`
}

// validateNewOrganization checks the organization an applicant or member
// names when it is not in the registry, and turns its region into a code.
func validateNewOrganization(fe FieldErrors, name, kind, country string, region *string, population *int64) {
	switch {
	case name == "":
		fe.Add("organization_name", "required")
	case utf8.RuneCountInString(name) > 300:
		fe.Add("organization_name", TooLong(300))
	}
	// Kind and country describe an organization the registry lacks; left
	// empty, they count only once the organization is named.
	switch {
	case kind == "" && name != "":
		fe.Add("kind", "kind.required_new")
	case kind != "" && !contains(Kinds, kind):
		fe.Add("kind", "kind.invalid")
	}
	switch {
	case country == "" && name != "":
		fe.Add("country", "country.required_new")
	case country != "" && !isDACH(country):
		fe.Add("country", "country.invalid")
	}
	if *region != "" {
		if r := NormalizeRegion(country, *region); r != "" {
			*region = r
		} else {
			fe.Add("region", "region.invalid")
		}
	}
	if population != nil && *population < 0 {
		fe.Add("population", "population.invalid")
	}
}

// NetworkService stores networks, their circles, calls and applications.
type NetworkService interface {
	CreateNetwork(ctx context.Context, n *Network) error
	FindNetworkByID(ctx context.Context, id int64) (*Network, error)
	FindNetworks(ctx context.Context) ([]*Network, error)
	// SetGoals replaces a network's balance goals. ENOTFOUND, EINVALID.
	SetGoals(ctx context.Context, networkID int64, goals map[string]float64) error
	// AddCoordinator makes an account a coordinator of a network (again:
	// no change). ENOTFOUND for an unknown network or account.
	AddCoordinator(ctx context.Context, networkID, userID int64) error
	// FindCoordinators returns a network's coordinators by e-mail.
	FindCoordinators(ctx context.Context, networkID int64) ([]*User, error)
	// IsCoordinator reports whether the account coordinates the network.
	IsCoordinator(ctx context.Context, networkID, userID int64) (bool, error)
	CreateCircle(ctx context.Context, c *Circle) error
	FindCircles(ctx context.Context, networkID int64) ([]*Circle, error)
	CreateCall(ctx context.Context, c *Call) error
	FindCallByID(ctx context.Context, id int64) (*Call, error)
	FindCalls(ctx context.Context, networkID int64) ([]*Call, error)

	// CreateApplication stores an application to an open call with the
	// CDO check, status and explanations it carries, and returns the
	// secret of its private status link (only its hash is kept). It
	// decides nothing: the caller fills in the registry organization
	// (Application.UseOrganization) and runs network.CheckApplication
	// first. EINVALID for an application without a check or status, for
	// a closed call and for an unknown organization_id; ENOTFOUND for an
	// unknown call.
	// When the address applied to the call before (and did not withdraw),
	// nothing is stored: a new status link of the earlier application is
	// mailed to the address and the error is ErrApplied (ECONFLICT).
	CreateApplication(ctx context.Context, a *Application) (secret string, err error)
	// FindApplicationBySecret returns the application of a status link.
	// ENOTFOUND.
	FindApplicationBySecret(ctx context.Context, secret string) (*Application, error)
	// WithdrawApplication withdraws the application of a status link
	// while it is received, under review or waitlisted, and declines its
	// open offer. ENOTFOUND; ECONFLICT for one admitted (its holder leaves
	// the circle on /members instead), declined or withdrawn before.
	WithdrawApplication(ctx context.Context, secret string) error
	// FindApplications returns the applications to a call, oldest first.
	FindApplications(ctx context.Context, callID int64) ([]*Application, error)
	// FindApplicationByID returns an application. ENOTFOUND.
	FindApplicationByID(ctx context.Context, id int64) (*Application, error)

	// Admit gives an application a seat in its call's circle and records
	// the decision. The circle's capacity is never exceeded, also when
	// coordinators admit at the same moment: a full circle gives
	// ECONFLICT, and so does an application admitted or declined before.
	Admit(ctx context.Context, applicationID, userID int64, note string) (*Membership, error)
	// AddMember enters a member directly (e.g. one of the circle before
	// cdoatlas), with the same capacity rule as Admit. EINVALID, ECONFLICT.
	AddMember(ctx context.Context, m *Membership) error
	// Decide sets an application that has no seat to declined, waitlisted
	// or review and records the decision. ECONFLICT for an admitted one.
	Decide(ctx context.Context, applicationID int64, action string, userID int64, note string) error
	// FindDecisions returns the decisions on an application, oldest first.
	FindDecisions(ctx context.Context, applicationID int64) ([]*Decision, error)
	// FindMemberships returns the current members of a circle (also former
	// ones with all), by name.
	FindMemberships(ctx context.Context, circleID int64, all bool) ([]*Membership, error)
	// FindMembershipsByEmail returns the current memberships of a person,
	// by their e-mail address (that of their account).
	FindMembershipsByEmail(ctx context.Context, email string) ([]*Membership, error)
	// SetListed records whether a member agrees to be listed in the member
	// directory. ENOTFOUND.
	SetListed(ctx context.Context, membershipID int64, listed bool) error
	// Leave ends a membership with its reason. ENOTFOUND, ECONFLICT when it
	// ended before.
	Leave(ctx context.Context, membershipID int64, reason string) error

	// RunOffers expires the open offers past their time (the applicant
	// leaves the waitlist) and offers every free seat of a capped circle to
	// the best-fitting waitlisted applicant (the admission proposal's
	// order), to be answered within validFor. Several instances may run
	// it at once: one does the work, the others skip. It returns how many
	// seats it offered and how many offers expired.
	RunOffers(ctx context.Context, validFor time.Duration) (offered, expired int, err error)
	// FindOpenOffer returns the open offer of an application. ENOTFOUND.
	FindOpenOffer(ctx context.Context, applicationID int64) (*Offer, error)
	// AnswerOffer accepts (the applicant takes the seat) or declines the
	// open offer of the application. ENOTFOUND without an open offer,
	// ECONFLICT for one that expired.
	AnswerOffer(ctx context.Context, applicationID int64, accept bool) error
}
