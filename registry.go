package cdoatlas

import (
	"context"
)

// RegistryRecord is one row of a registry file: an organization and,
// optionally, one of its posts, the post's holder and the tenure.
type RegistryRecord struct {
	Line         int // line in the source file, for error messages
	Organization Organization
	Post         *Post   // nil when the row names no title
	Person       *Person // nil when the row names no person
	Tenure       *Tenure // with Person: start, end, status; IDs are set on import
}

// ImportSummary counts what an import changed.
type ImportSummary struct {
	OrganizationsCreated   int `json:"organizations_created"`
	OrganizationsUpdated   int `json:"organizations_updated"`
	OrganizationsUnchanged int `json:"organizations_unchanged"`
	PostsCreated           int `json:"posts_created"`
	PeopleCreated          int `json:"people_created"`
	TenuresCreated         int `json:"tenures_created"`
}

// RegistryImporter brings registry records into the store.
type RegistryImporter interface {
	// ImportRegistry stores all records in one transaction, or none: on any
	// error the store is unchanged and the error is FileErrors naming the
	// lines. Organizations are matched by official code (CodeKey), then by
	// name as the census reads it (official and other names, designations
	// such as "Stadt", legal forms) within country, region and kind; a new
	// one without a code that the gazetteer knows gets its code, and its
	// region and population where the record gives none; posts by organization and title; people by name
	// among the holders of the organization's posts; tenures by post,
	// person and start. Importing the same records twice changes nothing.
	ImportRegistry(ctx context.Context, records []RegistryRecord) (*ImportSummary, error)
}

// Store is everything the application stores.
type Store interface {
	OrganizationService
	PostService
	ReviewService
	PersonService
	TenureService
	UserService
	GuardService
	AuditService
	SiteTextService
	SubjectService
	RegistryImporter
	CensusService
	CensusImportJobService
	NetworkService
	OutreachService
	ApplicationListService
	MailService
	PasswordResetService
	SearchService
	VoteService
	BreakoutService
	MeetingService
}
