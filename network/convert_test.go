package network

import (
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

func TestFromApplicationAndMembership(t *testing.T) {
	pop := int64(30000)
	// Just after midnight in Berlin is still the day before in UTC.
	applied := time.Date(2025, 3, 2, 0, 30, 0, 0, time.FixedZone("CET", 3600))
	a := &cdoatlas.Application{ID: 7, PersonName: "Erika Beispiel", OrganizationName: "Stadt Bautzen", Kind: "municipality",
		Country: "DE", Region: "DE-SN", Population: &pop, Title: "CDO", Tasks: "Digitalstrategie", Placement: "staff_unit_head",
		Gender: "f", AppliedAt: applied}
	got := FromApplication(a)
	want := Candidate{ID: "7", PersonName: "Erika Beispiel", Organization: "Stadt Bautzen", Kind: "municipality", Country: "DE",
		Region: "DE-SN", Population: &pop, Title: "CDO", Tasks: "Digitalstrategie", Placement: "staff_unit_head", Gender: "f",
		AppliedOn: "2025-03-01"}
	if got != want {
		t.Errorf("FromApplication\n got %+v\nwant %+v", got, want)
	}

	// A member and an applicant with the same number are different
	// candidates of one proposal.
	m := &cdoatlas.Membership{ID: 7, PersonName: "Max Muster", OrganizationName: "Kreis Wesel", Kind: "county", Country: "DE",
		Region: "DE-NW", Gender: "m", Tasks: "Digitalstrategie"}
	members := FromMemberships([]*cdoatlas.Membership{m})
	if len(members) != 1 || members[0].ID != "m7" || members[0].Organization != "Kreis Wesel" || members[0].SizeClass() != "" {
		t.Errorf("FromMemberships = %+v", members)
	}
	if _, err := Propose(2, members, []Candidate{got}, Goals{}); err != nil {
		t.Errorf("a member and an applicant both numbered 7: %v", err)
	}
}
