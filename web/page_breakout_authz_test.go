package web

import (
	"context"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// matrixBreakoutPlan saves a plan of the circle's network in which the
// member sits, with one more member, for the authorization matrix.
func matrixBreakoutPlan(t *testing.T, e *pageEnv, c *cdoatlas.Circle, member *cdoatlas.Membership) *cdoatlas.BreakoutPlan {
	t.Helper()
	ctx := context.Background()
	other := &cdoatlas.Membership{CircleID: c.ID, PersonName: "Otto Anders", Email: "otto@example.org", OrganizationName: "Stadt Ulm", Kind: "municipality", Country: "DE"}
	if err := e.store.AddMember(ctx, other); err != nil {
		t.Fatal(err)
	}
	p := &cdoatlas.BreakoutPlan{NetworkID: c.NetworkID, Title: "Treffen"}
	p.Options.GroupSize = 2
	p.Options.People = append(p.Options.People, cdoatlas.BreakoutPerson(member, member.JoinedAt), cdoatlas.BreakoutPerson(other, other.JoinedAt))
	if err := cdoatlas.MakeBreakoutPlan(p, 1, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.store.CreateBreakoutPlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	return p
}
