package cdoatlas

import "context"

// OutreachPost is a CDO post (role cdo) as the outreach list of a network
// shows it: with its organization and its current holder.
type OutreachPost struct {
	PostID    int64
	PostTitle string

	OrganizationID   int64
	OrganizationName string
	OfficialCode     string
	Region           string
	SizeClass        string

	// HolderName is the current holder's name, "" when the post is vacant
	// or its holder unknown; HolderGender is then GenderUnknown.
	HolderName   string
	HolderGender string
}

// OutreachMember is a current member of a network as outreach compares
// it with the registry: by organization, else by name.
type OutreachMember struct {
	OrganizationID *int64
	Name           string
}

// OutreachPosts is what the outreach list of a network is made from
// (package outreach decides whom to list).
type OutreachPosts struct {
	Posts   []OutreachPost   // every CDO post, by organization name and title
	Members []OutreachMember // the network's current members, in all its circles
}

// OutreachService reads what outreach needs in one go, rather than post
// by post.
type OutreachService interface {
	// FindOutreachPosts returns the registry's CDO posts with their
	// organizations and current holders, and the current members of the
	// network (none for an unknown one), read in one transaction.
	FindOutreachPosts(ctx context.Context, networkID int64) (*OutreachPosts, error)
}
