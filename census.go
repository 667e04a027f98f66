package cdoatlas

import (
	"context"
	"strconv"
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
	fe.CheckText("notes", w.Notes)
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

	// Flags lists the cells that could not be normalised, with their raw
	// values (Normalize).
	Flags []CellFlag `json:"flags,omitempty"`
}

// Leadership reports whether the observation names a digital-leadership
// role, and so is resolved to a person, a post and an organization.
func (o *Observation) Leadership() bool { return o.Role != "" && o.Role != RoleOther }

// CellFlag marks a cell of an observation that could not be normalised:
// the field (JSON name) was stored empty or unknown, or cut short, and Raw
// keeps the value as the source wrote it. Reason is a message key
// (Message), e.g. "region.invalid".
type CellFlag struct {
	Field  string `json:"field"`
	Raw    string `json:"raw"`
	Reason string `json:"reason"`
}

// Longest values of an observation's text fields, in characters.
const (
	MaxPersonNameLength   = 200
	MaxTitleLength        = 300
	MaxOrganizationLength = 300
)

// Normalize normalises the fields of a row as a source gave them, leniently:
// every reader calls it, and it never refuses a row. A value that cannot be
// normalised is stored empty (region, country, profile and source URL,
// observed_on), unknown (gender) or nil (birth year) and flagged with its
// raw value; an empty person_name, title or organization is flagged
// "required"; a value longer than its limit is cut short and flagged
// "too_long"; control characters (TextProblem) are taken out of a value and
// flagged "text.control", and line breaks in one-line values become spaces.
// birthYear is the birth-year cell as written; when it is empty
// o.BirthYear is checked instead. The flags are appended to o.Flags and
// returned. Rows flagged on person_name, title or organization are not
// resolved.
func (o *Observation) Normalize(birthYear string) []CellFlag {
	var flags []CellFlag
	flag := func(field, raw, reason string) {
		flags = append(flags, CellFlag{Field: field, Raw: raw, Reason: reason})
	}
	for _, f := range []struct {
		field string
		v     *string
	}{{"person_name", &o.PersonName}, {"title", &o.Title}, {"organization", &o.Organization}, {"country", &o.Country},
		{"region", &o.Region}, {"official_code", &o.OfficialCode}, {"profile_url", &o.ProfileURL}, {"gender", &o.Gender},
		{"tasks", &o.Tasks}, {"source_url", &o.SourceURL}} {
		// Control characters (a NUL, a bidi override …) are taken out
		// and the cell flagged; line breaks in one-line cells are spaces.
		clean, removed := CleanText(*f.v, f.field == "tasks")
		if removed {
			flag(f.field, *f.v, "text.control")
		}
		*f.v = strings.TrimSpace(clean)
	}
	text := func(field string, v *string, limit int, required bool) {
		switch {
		case *v == "" && required:
			flag(field, "", "required")
		case utf8.RuneCountInString(*v) > limit:
			flag(field, *v, "too_long")
			*v = truncateRunes(*v, limit)
		}
	}
	text("person_name", &o.PersonName, MaxPersonNameLength, true)
	text("title", &o.Title, MaxTitleLength, true)
	text("organization", &o.Organization, MaxOrganizationLength, true)
	text("tasks", &o.Tasks, MaxTasksLength, false)
	text("official_code", &o.OfficialCode, 40, false)
	if o.Country != "" {
		if c := NormalizeCountry(o.Country); c != "" {
			o.Country = c
		} else {
			flag("country", o.Country, "country.invalid")
			o.Country = ""
		}
	}
	if o.Region != "" {
		if r := NormalizeRegion(o.Country, o.Region); r != "" {
			o.Region = r
		} else {
			flag("region", o.Region, "region.invalid")
			o.Region = ""
		}
	}
	if g := NormalizeGender(o.Gender); g != "" {
		o.Gender = g
	} else {
		flag("gender", o.Gender, "gender.invalid")
		o.Gender = GenderUnknown
	}
	if s := strings.TrimSpace(birthYear); s != "" {
		o.BirthYear = nil
		if y, err := strconv.Atoi(s); err == nil && validBirthYear(y) {
			o.BirthYear = &y
		} else {
			flag("birth_year", birthYear, "birth_year.invalid")
		}
	} else if o.BirthYear != nil && !validBirthYear(*o.BirthYear) {
		flag("birth_year", strconv.Itoa(*o.BirthYear), "birth_year.invalid")
		o.BirthYear = nil
	}
	for _, u := range []struct {
		field string
		v     *string
	}{{"profile_url", &o.ProfileURL}, {"source_url", &o.SourceURL}} {
		if *u.v != "" && !validURL(*u.v) {
			flag(u.field, *u.v, "url.invalid")
			*u.v = ""
		}
	}
	if d, err := ParsePartialDate(string(o.ObservedOn)); err == nil {
		o.ObservedOn = d
	} else {
		flag("observed_on", string(o.ObservedOn), "date.invalid")
		o.ObservedOn = ""
	}
	o.Flags = append(o.Flags, flags...)
	return flags
}

func validBirthYear(y int) bool { return y >= 1900 && y <= 2100 }

// truncateRunes cuts s to at most n characters.
func truncateRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// Validate normalizes the fields of a row (Normalize) and checks them
// strictly: EINVALID with the key of the first flag per field (JSON name)
// when Normalize flagged any cell.
func (o *Observation) Validate() error {
	fe := FieldErrors{}
	for _, f := range o.Normalize("") {
		fe.Add(f.Field, f.Reason)
	}
	return fe.Err()
}

// ObservationImport is one census import: the rows of the files of a
// wave. A row's Source, when empty, is the import's (or "other").
type ObservationImport struct {
	Wave Wave
	// Rows are the observations; a row without a source counts as
	// "other".
	Rows []Observation
	// Progress, when set, is called now and then with the rows done.
	Progress func(done, total int)
	// Fictional flags the people the import creates as fictional: demo
	// and test data.
	Fictional bool
	// Consume lets the import clear each row of Rows once it is written,
	// so that a wave of a million rows is not held twice: the rows that
	// need no resolution are written and cleared before the people are
	// resolved. For callers that do not use the rows afterwards (the CLI,
	// the upload).
	Consume bool
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

// WithSource sets the source of every row to source (a file's source,
// linkedin, press …) and returns rows.
func WithSource(source string, rows []Observation) []Observation {
	for i := range rows {
		rows[i].Source = source
	}
	return rows
}
