package cdoatlas

import (
	"context"
	"strings"
	"time"
)

// Tenure statuses.
const (
	StatusCurrent = "current"
	StatusEnded   = "ended"
	StatusUnknown = "unknown"
)

// Statuses lists the tenure statuses; Hires the ways a post was filled.
var (
	Statuses = []string{StatusCurrent, StatusEnded, StatusUnknown}
	Hires    = []string{"internal", "external", "unknown"}
)

// Tenure is a person holding a post from Start to End.
type Tenure struct {
	ID        int64       `json:"id"`
	PersonID  int64       `json:"person_id"`
	PostID    int64       `json:"post_id"`
	Start     PartialDate `json:"start"`
	End       PartialDate `json:"end"`
	Status    string      `json:"status"`
	Hire      string      `json:"hire"`
	SourceURL string      `json:"source_url"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate normalizes t and checks it on its own: EINVALID with a key per
// field. An end implies status ended when no status is given; a current
// tenure has no end; the end does not lie before the start. Whether it
// overlaps other tenures of the post is checked by the store (Overlaps).
func (t *Tenure) Validate() error {
	t.Status = strings.TrimSpace(strings.ToLower(t.Status))
	t.Hire = strings.TrimSpace(strings.ToLower(t.Hire))
	t.SourceURL = strings.TrimSpace(t.SourceURL)
	fe := FieldErrors{}
	fe.CheckLine("source_url", t.SourceURL)
	if t.PersonID <= 0 {
		fe.Add("person_id", "person.unknown")
	}
	if t.PostID <= 0 {
		fe.Add("post_id", "post.unknown")
	}
	validateDate(fe, "start", &t.Start)
	validateDate(fe, "end", &t.End)
	if t.Status == "" {
		switch {
		case t.End != "":
			t.Status = StatusEnded
		default:
			t.Status = StatusUnknown
		}
	}
	if t.Hire == "" {
		t.Hire = "unknown"
	}
	if !contains(Statuses, t.Status) {
		fe.Add("status", "status.invalid")
	}
	if !contains(Hires, t.Hire) {
		fe.Add("hire", "hire.invalid")
	}
	if t.Status == StatusCurrent && t.End != "" {
		fe.Add("end", "end.current")
	}
	if t.End.Before(t.Start) {
		fe.Add("end", "end.before_start")
	}
	now := time.Now().UTC()
	if t.Start != "" && t.Start.Earliest().After(now) {
		fe.Add("start", "date.future")
	}
	if t.SourceURL != "" && !validURL(t.SourceURL) {
		fe.Add("source_url", "url.invalid")
	}
	return fe.Err()
}

// Overlaps reports whether t and u certainly share a day: with partial
// dates, only when every reading of the dates overlaps. An unknown start
// reaches back indefinitely; an unknown end of a current tenure reaches to
// today, of an ended or unknown one it is open.
func (t *Tenure) Overlaps(u *Tenure) bool {
	return t.certainlyStartsBeforeEndOf(u) && u.certainlyStartsBeforeEndOf(t)
}

func (t *Tenure) certainlyStartsBeforeEndOf(u *Tenure) bool {
	if t.Start == "" {
		return false
	}
	latestStart := t.Start.Latest()
	var earliestEnd time.Time
	switch {
	case u.End != "":
		earliestEnd = u.End.Earliest()
	case u.Status == StatusCurrent:
		earliestEnd = time.Now().UTC()
	default:
		return false
	}
	return latestStart.Before(earliestEnd)
}

// TenureFilter selects tenures. Empty fields do not filter.
type TenureFilter struct {
	PersonID int64
	PostID   int64
	// OrganizationID selects the tenures of the organization's posts.
	OrganizationID int64
	Status         string
	Hire           string

	Offset int
	Limit  int
}

// TenureService stores tenures.
type TenureService interface {
	// FindTenureByID returns ENOTFOUND when there is none.
	FindTenureByID(ctx context.Context, id int64) (*Tenure, error)
	// FindTenures returns a page of matches ordered by start (unknown
	// first), and the total.
	FindTenures(ctx context.Context, filter TenureFilter) ([]*Tenure, int, error)
	// CreateTenure validates and stores t. EINVALID, also for an unknown
	// person or post, and with field "start" key "tenure.overlap" when it
	// overlaps another tenure of the same post.
	CreateTenure(ctx context.Context, t *Tenure) error
	// UpdateTenure replaces the stored fields of t.ID. ENOTFOUND, EINVALID.
	UpdateTenure(ctx context.Context, t *Tenure) error
	// DeleteTenure removes a tenure. ENOTFOUND.
	DeleteTenure(ctx context.Context, id int64) error
}
