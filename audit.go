package cdoatlas

import (
	"context"
	"time"
)

// Actor is who makes a change: an account, or a process named by a label
// ("cli", "public form", "system"). Web requests and commands put theirs
// into the context (WithActor); the store records it in the audit log.
type Actor struct {
	UserID int64  // 0 when no account acts
	Label  string // the account's e-mail address, or the process
}

type actorKey struct{}

// WithActor returns a context that carries a.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of ctx; without one it is "system".
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok && a.Label != "" {
		return a
	}
	return Actor{Label: "system"}
}

// Audited entities and actions.
const (
	AuditPerson      = "person"
	AuditTenure      = "tenure"
	AuditUser        = "user"
	AuditApplication = "application"
	AuditMembership  = "membership"
	AuditCensus      = "census"
	AuditRegistry    = "registry"

	AuditCreate = "create"
	AuditUpdate = "update"
	AuditDelete = "delete"
	AuditImport = "import"
	AuditErase  = "erase"
)

// AuditEntry is one change to personal data: who, when, what. Fields
// names the fields that changed, or for an import what it did ("12
// created"); never the values.
type AuditEntry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	ActorID  int64     `json:"actor_id,omitempty"`
	Actor    string    `json:"actor"`
	Entity   string    `json:"entity"`
	EntityID int64     `json:"entity_id,omitempty"`
	Action   string    `json:"action"`
	Fields   string    `json:"fields"`
}

// AuditFilter selects audit entries; empty fields match all. From and To
// bound the time (To excluded).
type AuditFilter struct {
	Entity, Action string
	Actor          string // a part of the actor's label
	EntityID       int64
	From, To       time.Time
	Offset, Limit  int
}

// AuditService reads the audit log; the store writes it with every change
// to personal data, in the same transaction.
type AuditService interface {
	// FindAuditEntries returns a page of entries, newest first, and the
	// number of all matches. Limit 0 means all.
	FindAuditEntries(ctx context.Context, f AuditFilter) ([]*AuditEntry, int, error)
}

// Site texts an admin sets, per language.
const (
	TextImprint = "impressum"
	TextPrivacy = "datenschutz"
)

// SiteTexts lists the texts an admin can set.
var SiteTexts = []string{TextImprint, TextPrivacy}

// SiteText is a text of the site in one language.
type SiteText struct {
	Name      string    `json:"name"`
	Lang      string    `json:"lang"`
	Body      string    `json:"body"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`
}

// SiteTextService keeps the site's texts.
type SiteTextService interface {
	// FindSiteText returns the text, or ENOTFOUND when none is set.
	FindSiteText(ctx context.Context, name, lang string) (*SiteText, error)
	// SaveSiteText sets a text; an empty body removes it. EINVALID for an
	// unknown name or language or a body over 100 000 characters.
	SaveSiteText(ctx context.Context, t *SiteText) error
}
