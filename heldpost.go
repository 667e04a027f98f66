package cdoatlas

// HeldPost is a post with a current holder, with what tells where its
// organization is: the outreach list asks which municipalities and
// counties have a digital lead, and matches them to the gazetteer by
// official code, else by name.
type HeldPost struct {
	PostID   int64
	Role     string
	CDOCheck string

	OrganizationID int64
	Name           string // of the organization
	Kind           string
	Country        string
	Region         string
	OfficialCode   string
}
