package cdoatlas

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Roles: what a post's title says.
const (
	RoleCDO              = "cdo"
	RoleCIO              = "cio"
	RoleCTO              = "cto"
	RoleChiefDataOfficer = "chief_data_officer"
	RoleInnovation       = "innovation"
	RoleSmartCity        = "smart_city"
	RoleOther            = "other"
)

// Roles lists the roles in display order.
var Roles = []string{RoleCDO, RoleCIO, RoleCTO, RoleChiefDataOfficer, RoleInnovation, RoleSmartCity, RoleOther}

// CDO check verdicts: what a post's tasks say.
const (
	CheckYes     = "yes"
	CheckNo      = "no"
	CheckUnknown = "unknown"
)

// CDOChecks lists the verdicts.
var CDOChecks = []string{CheckYes, CheckNo, CheckUnknown}

// Archetypes: the focus of a CDO.
var Archetypes = []string{"administration", "smart_city", "economy", "mixed"}

// Review states: who set a post's role, check and archetype.
const (
	ReviewManual    = "manual"    // whoever wrote the post
	ReviewAuto      = "auto"      // the classifier, with enough confidence
	ReviewPending   = "pending"   // the classifier, waiting in the review queue
	ReviewConfirmed = "confirmed" // an editor in the review queue
)

// ReviewStates lists the review states.
var ReviewStates = []string{ReviewManual, ReviewAuto, ReviewPending, ReviewConfirmed}

// MaxTasksLength is the longest task description a post keeps, in
// characters: a long job advertisement.
const MaxTasksLength = 20000

// Placements: where a post sits in the organization.
var Placements = []string{"staff_unit_head", "board", "department", "office", "subsidiary", "other"}

// Post is a digital-leadership post of an organization. It exists
// independently of whoever holds it.
type Post struct {
	ID             int64  `json:"id"`
	OrganizationID int64  `json:"organization_id"`
	Title          string `json:"title"`
	// Tasks is the task description the CDO check reads.
	Tasks     string `json:"tasks"`
	Role      string `json:"role"`
	CDOCheck  string `json:"cdo_check"`
	Archetype string `json:"archetype"`
	Placement string `json:"placement"`
	// Mandate flags.
	CrossDepartmental bool        `json:"cross_departmental"`
	Budget            bool        `json:"budget"`
	BoardAccess       bool        `json:"board_access"`
	Created           PartialDate `json:"created"`
	Abolished         PartialDate `json:"abolished"`
	SourceURL         string      `json:"source_url"`
	// Confidence of the classification (1 when set by hand) and its
	// review state (ReviewStates), both set by the store: a post written
	// without role or check is classified from its title and tasks.
	Confidence float64 `json:"confidence"`
	Review     string  `json:"review"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate normalizes p and checks it: EINVALID with a key per field.
func (p *Post) Validate() error {
	p.Title = strings.TrimSpace(p.Title)
	p.Tasks = strings.TrimSpace(p.Tasks)
	p.Role = strings.TrimSpace(strings.ToLower(p.Role))
	p.CDOCheck = strings.TrimSpace(strings.ToLower(p.CDOCheck))
	p.Archetype = strings.TrimSpace(strings.ToLower(p.Archetype))
	p.Placement = strings.TrimSpace(strings.ToLower(p.Placement))
	p.SourceURL = strings.TrimSpace(p.SourceURL)
	if p.Role == "" {
		p.Role = RoleOther
	}
	if p.CDOCheck == "" {
		p.CDOCheck = CheckUnknown
	}
	fe := FieldErrors{}
	if p.OrganizationID <= 0 {
		fe.Add("organization_id", "organization.unknown")
	}
	switch {
	case p.Title == "":
		fe.Add("title", "required")
	case utf8.RuneCountInString(p.Title) > 300:
		fe.Add("title", TooLong(300))
	}
	fe.CheckLine("title", p.Title)
	if utf8.RuneCountInString(p.Tasks) > MaxTasksLength {
		fe.Add("tasks", TooLong(MaxTasksLength))
	}
	fe.CheckText("tasks", p.Tasks)
	fe.CheckLine("source_url", p.SourceURL)
	if !contains(Roles, p.Role) {
		fe.Add("role", "role.invalid")
	}
	if !contains(CDOChecks, p.CDOCheck) {
		fe.Add("cdo_check", "cdo_check.invalid")
	}
	if p.Archetype != "" && !contains(Archetypes, p.Archetype) {
		fe.Add("archetype", "archetype.invalid")
	}
	if p.Placement != "" && !contains(Placements, p.Placement) {
		fe.Add("placement", "placement.invalid")
	}
	validateDate(fe, "created", &p.Created)
	validateDate(fe, "abolished", &p.Abolished)
	if p.Abolished.Before(p.Created) {
		fe.Add("abolished", "abolished.before_created")
	}
	if p.SourceURL != "" && !validURL(p.SourceURL) {
		fe.Add("source_url", "url.invalid")
	}
	return fe.Err()
}

func validateDate(fe FieldErrors, field string, d *PartialDate) {
	p, err := ParsePartialDate(string(*d))
	if err != nil {
		fe.Add(field, "date.invalid")
		return
	}
	*d = p
}

func validURL(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && len(s) > len("https://") && !strings.ContainsAny(s, " \t\n<>\"")
}

// PostFilter selects posts. Empty fields do not filter.
type PostFilter struct {
	// Q: every word (SearchTerms) a folded substring of the title or of
	// the organization's names, or naming the post's role (RolesNamed).
	Q              string
	OrganizationID int64
	Role           string
	CDOCheck       string
	Archetype      string
	Placement      string
	Review         string
	Country        string
	Region         string

	Offset int
	Limit  int
}

// PostService stores posts.
type PostService interface {
	// FindPostByID returns ENOTFOUND when there is none.
	FindPostByID(ctx context.Context, id int64) (*Post, error)
	// FindPosts returns a page of matches ordered by organization and title,
	// and the total.
	FindPosts(ctx context.Context, filter PostFilter) ([]*Post, int, error)
	// CreatePost validates and stores p. EINVALID (also for an unknown
	// organization).
	CreatePost(ctx context.Context, p *Post) error
	// UpdatePost replaces the stored fields of p.ID. ENOTFOUND, EINVALID.
	UpdatePost(ctx context.Context, p *Post) error
	// DeletePost removes a post and its tenures. ENOTFOUND.
	DeletePost(ctx context.Context, id int64) error
	// FindHeldPosts returns every post with a current tenure, with its
	// organization, ordered by post.
	FindHeldPosts(ctx context.Context) ([]HeldPost, error)
}

// PostReview is an editor's decision on a post from the review queue.
type PostReview struct {
	Role      string
	CDOCheck  string
	Archetype string
	UserID    int64 // who decided
}

// TitleDecision is a role an editor confirmed for a title. It teaches the
// classifier: every title with the same key gets the role from then on.
type TitleDecision struct {
	Key       string    `json:"key"`   // classify.TitleKey of the title
	Title     string    `json:"title"` // as written on the post decided
	Role      string    `json:"role"`
	DecidedBy int64     `json:"decided_by"`
	DecidedAt time.Time `json:"decided_at"`
}

// ReviewService keeps the review queue of uncertain classifications and
// the vocabulary editors teach by their decisions.
type ReviewService interface {
	// ReviewPost sets the post's role, check and archetype as decided,
	// marks it confirmed and stores the role for its title, which then
	// also settles the other posts waiting with the same title. ENOTFOUND,
	// EINVALID.
	ReviewPost(ctx context.Context, id int64, d PostReview) (*Post, error)
	// FindTitleDecisions returns the confirmed titles, newest first.
	FindTitleDecisions(ctx context.Context) ([]*TitleDecision, error)
	// DeleteTitleDecision forgets a confirmed title. Posts keep their
	// roles. ENOTFOUND.
	DeleteTitleDecision(ctx context.Context, key string) error
	// Vocabulary returns the confirmed roles by title key.
	Vocabulary(ctx context.Context) (map[string]string, error)
}
