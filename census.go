package cdoatlas

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Sources of census observations.
var Sources = []string{"linkedin", "xing", "press", "web", "self", "survey", "other"}

// Wave is one round of the census, e.g. "2024", with its reference date.
type Wave struct {
	ID    string      `json:"wave"`
	Date  PartialDate `json:"date"`
	Notes string      `json:"notes"`
}

// Validate trims w and checks it: an ID of letters, digits, "-", "_" or
// "." (at most 40), a full or partial date.
func (w *Wave) Validate() error {
	w.ID = strings.TrimSpace(w.ID)
	w.Notes = strings.TrimSpace(w.Notes)
	fe := FieldErrors{}
	switch {
	case w.ID == "":
		fe.Add("wave", "required")
	case len(w.ID) > 40 || strings.IndexFunc(w.ID, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
	}) >= 0:
		fe.Add("wave", "wave.invalid")
	}
	validateDate(fe, "date", &w.Date)
	return fe.Err()
}

// Observation is one row of a census source: what an export, a press
// article or a self-registration said about a person in a wave, and what
// it was resolved to. Rows that are not digital leadership (role other)
// are kept but not resolved.
type Observation struct {
	ID     int64  `json:"id"`
	Wave   string `json:"wave"`
	Source string `json:"source"`
	File   string `json:"file"`
	Line   int    `json:"line"`

	// As the source gave them.
	PersonName   string      `json:"person_name"`
	Title        string      `json:"title"`
	Organization string      `json:"organization"`
	Country      string      `json:"country"`
	Region       string      `json:"region"`
	OfficialCode string      `json:"official_code"`
	ProfileURL   string      `json:"profile_url"`
	Gender       string      `json:"gender"` // f, m, d or unknown
	BirthYear    *int        `json:"birth_year"`
	Tasks        string      `json:"tasks"`
	SourceURL    string      `json:"source_url"`
	ObservedOn   PartialDate `json:"observed_on"`

	// Classification of the title and tasks.
	Role       string  `json:"role"`
	CDOCheck   string  `json:"cdo_check"`
	Archetype  string  `json:"archetype"`
	Confidence float64 `json:"confidence"`

	// Resolution: 0 when not resolved.
	OrganizationID int64   `json:"organization_id"`
	PostID         int64   `json:"post_id"`
	PersonID       int64   `json:"person_id"`
	Match          float64 `json:"match"` // confidence of the person link
}

// Leadership reports whether the observation names a digital-leadership
// role, and so is resolved to a person, a post and an organization.
func (o *Observation) Leadership() bool { return o.Role != "" && o.Role != RoleOther }

// Validate normalizes the fields of a row and checks them: EINVALID with a
// key per field (JSON name).
func (o *Observation) Validate() error {
	for _, f := range []*string{&o.PersonName, &o.Title, &o.Organization, &o.Region, &o.OfficialCode,
		&o.ProfileURL, &o.Tasks, &o.SourceURL} {
		*f = strings.TrimSpace(*f)
	}
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	o.Gender = NormalizeGender(o.Gender)
	fe := FieldErrors{}
	if o.PersonName == "" {
		fe.Add("person_name", "required")
	} else if utf8.RuneCountInString(o.PersonName) > 200 {
		fe.Add("person_name", "too_long")
	}
	if o.Title == "" {
		fe.Add("title", "required")
	} else if utf8.RuneCountInString(o.Title) > 300 {
		fe.Add("title", "too_long")
	}
	if o.Organization == "" {
		fe.Add("organization", "required")
	} else if utf8.RuneCountInString(o.Organization) > 300 {
		fe.Add("organization", "too_long")
	}
	if o.Country != "" && (len(o.Country) != 2 || o.Country[0] < 'A' || o.Country[0] > 'Z' || o.Country[1] < 'A' || o.Country[1] > 'Z') {
		fe.Add("country", "country.invalid")
	}
	if o.Region != "" {
		if r := NormalizeRegion(o.Country, o.Region); r != "" {
			o.Region = r
		} else {
			fe.Add("region", "region.invalid")
		}
	}
	if o.Gender == "" {
		fe.Add("gender", "gender.invalid")
	}
	if o.BirthYear != nil && (*o.BirthYear < 1900 || *o.BirthYear > 2100) {
		fe.Add("birth_year", "birth_year.invalid")
	}
	if utf8.RuneCountInString(o.Tasks) > MaxTasksLength {
		fe.Add("tasks", "too_long")
	}
	for field, u := range map[string]string{"profile_url": o.ProfileURL, "source_url": o.SourceURL} {
		if u != "" && !validURL(u) {
			fe.Add(field, "url.invalid")
		}
	}
	validateDate(fe, "observed_on", &o.ObservedOn)
	return fe.Err()
}

// NormalizeGender reads f, m, d or unknown from the ways sources write it
// (w, weiblich, female, Frau, männlich, male, Herr, divers, diverse …);
// empty is unknown; anything else gives "".
func NormalizeGender(s string) string {
	switch s { // the usual spellings, without folding
	case "", "unknown":
		return GenderUnknown
	case "f", "w", "F", "W":
		return "f"
	case "m", "M":
		return "m"
	case "d", "D":
		return "d"
	}
	switch Fold(strings.TrimSpace(s)) {
	case "", "unknown", "unbekannt", "k a", "keine angabe", "-", "?", "x", "u":
		return GenderUnknown
	case "f", "w", "weiblich", "female", "frau", "fem", "woman":
		return "f"
	case "m", "mannlich", "maennlich", "male", "herr", "man", "mann":
		return "m"
	case "d", "divers", "diverse", "non binary", "nonbinary", "nichtbinar", "other":
		return "d"
	}
	return ""
}

// ObservationImport is one census import: the rows of the files of a
// wave. A row's Source, when empty, is the import's (or "other").
type ObservationImport struct {
	Wave   Wave
	Source string
	Rows   []Observation
	// Progress, when set, is called now and then with the rows done.
	Progress func(done, total int)
	// Fictional flags the people the import creates as fictional: demo
	// and test data.
	Fictional bool
}

// ObservationSummary counts what an observation import did.
type ObservationSummary struct {
	Rows                 int `json:"rows"`
	Unchanged            int `json:"unchanged"` // rows imported before
	Leadership           int `json:"leadership"`
	OrganizationsCreated int `json:"organizations_created"`
	PostsCreated         int `json:"posts_created"`
	PeopleCreated        int `json:"people_created"`
	ReviewQuestions      int `json:"review_questions"` // new uncertain pairs
}

// MatchQuestion is a pair of people the resolution could not tell apart:
// are they the same person? An editor answers same, different or unsure.
type MatchQuestion struct {
	ID        int64     `json:"id"`
	PersonA   int64     `json:"person_a"`
	PersonB   int64     `json:"person_b"`
	Score     float64   `json:"score"`
	Evidence  string    `json:"evidence"` // why they may be the same
	Answer    string    `json:"answer"`   // "", same, different, unsure
	DecidedBy int64     `json:"decided_by"`
	DecidedAt time.Time `json:"decided_at"`
}

// Match answers.
const (
	MatchSame      = "same"
	MatchDifferent = "different"
	MatchUnsure    = "unsure"
)

// CensusFact is one resolved digital-leadership observation with what the
// figures break down by: the person, the role, and the organization and
// post it was resolved to.
type CensusFact struct {
	Wave   string
	Person int64
	Role   string
	Org    int64
	// Attributes of the organization.
	OfficialCode string
	Country      string
	Region       string
	SizeClass    string
	Kind         string
	Sector       string
	// Attributes of the person.
	Gender    string
	BirthYear *int
	// Attributes of the post and the tenure.
	Archetype string
	Placement string
	Hire      string
}

// CensusService stores waves and observations and resolves them.
type CensusService interface {
	// ImportObservations stores the rows of a wave (creating the wave, or
	// checking its date against the stored one), classifies their titles
	// and resolves the digital-leadership rows to organizations, posts and
	// people, creating those that are new. All or nothing: on error the
	// store is unchanged. Rows imported before change nothing.
	ImportObservations(ctx context.Context, imp ObservationImport) (*ObservationSummary, error)
	// FindWaves returns the waves by reference date.
	FindWaves(ctx context.Context) ([]*Wave, error)
	// CensusFacts returns the resolved digital-leadership observations
	// with what the census figures break down by.
	CensusFacts(ctx context.Context) ([]CensusFact, error)

	// FindObservations returns a page of the observations of a wave (all
	// waves when wave is ""), in the order stored (by ID), and their number; only the
	// digital-leadership ones when leadership is set.
	FindObservations(ctx context.Context, wave string, leadership bool, offset, limit int) ([]*Observation, int, error)
	// FindMatchQuestions returns a page of the questions (open ones, or
	// answered ones when answered is set), newest first, and the total.
	FindMatchQuestions(ctx context.Context, answered bool, offset, limit int) ([]*MatchQuestion, int, error)
	// PersonObservations returns a person and the observations resolved to
	// them, by wave: the evidence shown beside a question. ENOTFOUND.
	PersonObservations(ctx context.Context, id int64) (*Person, []*Observation, error)
	// AnswerMatchQuestion records an editor's answer. Same merges the
	// later person (B) into the earlier (A): B's observations, tenures,
	// profiles and questions go to A and B is deleted. ENOTFOUND,
	// EINVALID, ECONFLICT when it was answered before.
	AnswerMatchQuestion(ctx context.Context, id int64, answer string, userID int64) error
}
