package outreach

import (
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestCandidates(t *testing.T) {
	org := func(id int64) *int64 { return &id }
	in := &cdoatlas.OutreachPosts{
		Posts: []cdoatlas.OutreachPost{
			{PostID: 1, OrganizationID: 10, OrganizationName: "Zwickau", Region: "DE-SN", SizeClass: "GK3", HolderName: "Eva Ost", HolderGender: "f"},
			{PostID: 2, OrganizationID: 11, OrganizationName: "Aachen", Region: "DE-NW", SizeClass: "GK2", HolderName: "Max Muster", HolderGender: "m"},
			{PostID: 3, OrganizationID: 12, OrganizationName: "Kleinhausen", Region: "DE-BY", SizeClass: "GK6", HolderGender: cdoatlas.GenderUnknown},
			// Its holder is a member under her name, written otherwise.
			{PostID: 4, OrganizationID: 13, OrganizationName: "Köln", Region: "DE-NW", SizeClass: "GK1", HolderName: "Jülide Şahin", HolderGender: "f"},
			// Its organization has a member.
			{PostID: 5, OrganizationID: 14, OrganizationName: "Bonn", Region: "DE-NW", SizeClass: "GK2", HolderName: "Ben Neu", HolderGender: "m"},
			{PostID: 6, OrganizationID: 11, OrganizationName: "Aachen", Region: "DE-NW", SizeClass: "GK2", HolderGender: cdoatlas.GenderUnknown},
		},
		Members: []cdoatlas.OutreachMember{{Name: "JULIDE SAHIN"}, {OrganizationID: org(14), Name: "Clara Alt"}},
	}
	ids := func(ps []cdoatlas.OutreachPost) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.OrganizationName)
		}
		return strings.Join(out, ", ")
	}
	for _, tc := range []struct{ group, want string }{
		{"", "Aachen, Aachen, Kleinhausen, Zwickau"},
		{GroupWomen, "Zwickau"},
		{GroupEast, "Zwickau"},
		{GroupSmall, "Kleinhausen"},
		{"bogus", ""},
	} {
		if got := ids(Candidates(in, tc.group)); got != tc.want {
			t.Errorf("group %q: %s, want %s", tc.group, got, tc.want)
		}
	}
	if got := Candidates(in, ""); got[0].PostID != 2 || got[1].PostID != 6 {
		t.Errorf("equal names do not keep the store's order: %d, %d", got[0].PostID, got[1].PostID)
	}
}
