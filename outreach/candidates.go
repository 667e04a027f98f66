package outreach

import (
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/network"
)

// The groups a network often lacks, to narrow its outreach list to.
const (
	GroupWomen = "women" // held by a woman
	GroupEast  = "east"  // in the eastern German states (network.EastRegions)
	GroupSmall = "small" // in a small municipality (SmallClasses)
)

// Groups lists the groups.
var Groups = []string{GroupWomen, GroupEast, GroupSmall}

// SmallClasses are the size classes of small municipalities.
var SmallClasses = []string{"GK5", "GK6", "GK7", "KGK3"}

// InGroup reports whether a post belongs to the group; every post belongs
// to "" (no group), none to an unknown one.
func InGroup(p cdoatlas.OutreachPost, group string) bool {
	switch group {
	case "":
		return true
	case GroupWomen:
		return p.HolderGender == "f"
	case GroupEast:
		return slices.Contains(network.EastRegions, p.Region)
	case GroupSmall:
		return slices.Contains(SmallClasses, p.SizeClass)
	}
	return false
}

// Candidates returns the CDO posts to invite to the network: those whose
// organization has no current member and whose holder is none by name (as
// cdoatlas.Fold reads it), in the group, by organization name.
func Candidates(in *cdoatlas.OutreachPosts, group string) []cdoatlas.OutreachPost {
	orgs, names := map[int64]bool{}, map[string]bool{}
	for _, m := range in.Members {
		if m.OrganizationID != nil {
			orgs[*m.OrganizationID] = true
		}
		names[cdoatlas.Fold(m.Name)] = true
	}
	var out []cdoatlas.OutreachPost
	for _, p := range in.Posts {
		if orgs[p.OrganizationID] || p.HolderName != "" && names[cdoatlas.Fold(p.HolderName)] || !InGroup(p, group) {
			continue
		}
		out = append(out, p)
	}
	// The store orders by its collation; the list by the names' bytes,
	// the same on SQLite and PostgreSQL.
	slices.SortStableFunc(out, func(a, b cdoatlas.OutreachPost) int {
		return strings.Compare(a.OrganizationName, b.OrganizationName)
	})
	return out
}
