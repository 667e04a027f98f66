package network

import (
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

// The store keeps applications and memberships; Propose and Imbalance
// read candidates. These conversions are the one place that says which
// fields carry over, so that the proposal page, the automatic offers and
// the make-up of a circle see the same people.

// MemberIDPrefix starts the ID of a candidate made from a membership
// ("m12"), so that it never equals the ID of an applicant ("12") in the
// same proposal.
const MemberIDPrefix = "m"

// FromApplication is the candidate of an application; its ID is the
// application's ID and it applied on the (UTC) day the application came in.
func FromApplication(a *cdoatlas.Application) Candidate {
	return Candidate{ID: strconv.FormatInt(a.ID, 10), PersonName: a.PersonName, Organization: a.OrganizationName,
		Kind: a.Kind, Country: a.Country, Region: a.Region, Population: a.Population, Title: a.Title, Tasks: a.Tasks,
		Placement: a.Placement, Gender: a.Gender, AppliedOn: cdoatlas.PartialDate(a.AppliedAt.UTC().Format("2006-01-02"))}
}

// FromMembership is the candidate of a current member; its ID is the
// membership's ID after MemberIDPrefix.
func FromMembership(m *cdoatlas.Membership) Candidate {
	return Candidate{ID: MemberIDPrefix + strconv.FormatInt(m.ID, 10), PersonName: m.PersonName, Organization: m.OrganizationName,
		Kind: m.Kind, Country: m.Country, Region: m.Region, Population: m.Population, Title: m.Title, Tasks: m.Tasks,
		Placement: m.Placement, Gender: m.Gender}
}

// FromMemberships converts members in their order.
func FromMemberships(ms []*cdoatlas.Membership) []Candidate {
	out := make([]Candidate, 0, len(ms))
	for _, m := range ms {
		out = append(out, FromMembership(m))
	}
	return out
}
