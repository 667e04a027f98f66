package cdoatlas

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// GenderUnknown is the gender when none is recorded.
const GenderUnknown = "unknown"

// Genders as recorded, never guessed.
var Genders = []string{"f", "m", "d", "unknown"}

// Publication bases: why a person's name may be shown to the public.
const (
	BasisNone       = ""            // only logged-in users see the name
	BasisConsent    = "consent"     // the person consented
	BasisPublicRole = "public_role" // an editor confirmed a public-facing role
)

// Person is a holder of posts.
type Person struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Gender    string `json:"gender"`
	BirthYear *int   `json:"birth_year"`
	Fictional bool   `json:"fictional"`
	// PublicationBasis is consent, public_role or empty. Without one the
	// name is shown to logged-in users only.
	PublicationBasis string `json:"publication_basis"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Public reports whether the person's name may be shown to the public.
func (p *Person) Public() bool {
	return p.PublicationBasis == BasisConsent || p.PublicationBasis == BasisPublicRole
}

// Validate normalizes p and checks it: EINVALID with a key per field.
func (p *Person) Validate() error {
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	p.Gender = strings.TrimSpace(strings.ToLower(p.Gender))
	p.PublicationBasis = strings.TrimSpace(p.PublicationBasis)
	if p.Gender == "" {
		p.Gender = "unknown"
	}
	fe := FieldErrors{}
	switch {
	case p.Name == "":
		fe.Add("name", "required")
	case utf8.RuneCountInString(p.Name) > 200:
		fe.Add("name", TooLong(200))
	}
	fe.CheckLine("name", p.Name)
	if !contains(Genders, p.Gender) {
		fe.Add("gender", "gender.invalid")
	}
	if p.BirthYear != nil && (*p.BirthYear < 1900 || *p.BirthYear > time.Now().Year()) {
		fe.Add("birth_year", "birth_year.invalid")
	}
	if p.PublicationBasis != BasisNone && p.PublicationBasis != BasisConsent && p.PublicationBasis != BasisPublicRole {
		fe.Add("publication_basis", "basis.invalid")
	}
	return fe.Err()
}

// PersonFilter selects people. Empty fields do not filter.
type PersonFilter struct {
	Q         string // every word (SearchTerms) a folded substring of the name
	Name      string // exact name
	Gender    string
	Fictional *bool
	// PublicOnly keeps only people with a publication basis.
	PublicOnly bool

	Offset int
	Limit  int
}

// PersonService stores people.
type PersonService interface {
	// FindPersonByID returns ENOTFOUND when there is none.
	FindPersonByID(ctx context.Context, id int64) (*Person, error)
	// FindPeople returns a page of matches ordered by name, and the total.
	FindPeople(ctx context.Context, filter PersonFilter) ([]*Person, int, error)
	// CreatePerson validates and stores p. EINVALID.
	CreatePerson(ctx context.Context, p *Person) error
	// UpdatePerson replaces the stored fields of p.ID. ENOTFOUND, EINVALID.
	UpdatePerson(ctx context.Context, p *Person) error
	// DeletePerson removes a person and their tenures. ENOTFOUND.
	DeletePerson(ctx context.Context, id int64) error
}
