package sqldb_test

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/breakout"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestBreakoutPlans stores two plans of a network, finds them oldest
// first with their options and figures, stores a hand edit and audits
// both changes.
func TestBreakoutPlans(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 6)
		var people []breakout.Person
		for _, m := range f.members {
			people = append(people, breakout.Person{ID: strconv.FormatInt(m.ID, 10), Country: "DE", New: true})
		}
		newPlan := func(title string) *cdoatlas.BreakoutPlan {
			t.Helper()
			p := &cdoatlas.BreakoutPlan{NetworkID: f.network.ID, Title: title, HeldOn: "2027-03-01",
				Options: breakout.Options{People: people, GroupSize: 3, Weights: breakout.DefaultWeights, Moderators: []string{people[0].ID}}}
			if err := cdoatlas.MakeBreakoutPlan(p, 2, nil); err != nil {
				t.Fatal(err)
			}
			if err := db.CreateBreakoutPlan(ctx, p); err != nil {
				t.Fatal(err)
			}
			return p
		}
		first, second := newPlan("Frühjahrstreffen"), newPlan("Herbsttreffen")
		plans, err := db.FindBreakoutPlans(ctx, f.network.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(plans) != 2 || plans[0].ID != first.ID || plans[1].ID != second.ID {
			t.Fatalf("got %d plans, want the two oldest first", len(plans))
		}
		got := plans[0]
		if got.Title != "Frühjahrstreffen" || got.HeldOn != "2027-03-01" || got.MeetingID != nil || got.Options.GroupSize != 3 ||
			len(got.Options.People) != 6 || !got.Options.People[0].New || !slices.Equal(got.Options.Moderators, []string{people[0].ID}) {
			t.Errorf("stored plan read back as %+v", got)
		}
		if len(got.Rounds) != 2 || len(got.Rounds[0]) != 2 {
			t.Errorf("rounds read back as %v, want 2 rounds of 2 groups", got.Rounds)
		}

		// A hand edit: swap two people of different groups in round 1.
		a, b := got.Rounds[0][0][0], got.Rounds[0][1][0]
		if err := got.Swap(0, a, b); err != nil {
			t.Fatal(err)
		}
		if err := got.Score(nil); err != nil {
			t.Fatal(err)
		}
		if err := db.UpdateBreakoutRounds(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, err := db.FindBreakoutPlanByID(ctx, first.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(again.Rounds[0][1], a) || again.WithinRepeats != got.WithinRepeats {
			t.Errorf("after the swap round 1 is %v (within repeats %d), want %s in group 2", again.Rounds[0], again.WithinRepeats, a)
		}
		if _, err := db.FindBreakoutPlanByID(ctx, second.ID+1000); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			t.Errorf("unknown plan: err %v, want ENOTFOUND", err)
		}
		bad := &cdoatlas.BreakoutPlan{NetworkID: f.network.ID, Title: " ", Options: breakout.Options{People: people, GroupSize: 3}, Rounds: got.Rounds}
		if err := db.CreateBreakoutPlan(ctx, bad); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
			t.Errorf("plan without title: err %v, want EINVALID", err)
		}
		entries, _, err := db.FindAuditEntries(ctx, cdoatlas.AuditFilter{Entity: cdoatlas.AuditBreakout})
		if err != nil {
			t.Fatal(err)
		}
		var created, updated int
		for _, e := range entries {
			switch {
			case e.Action == cdoatlas.AuditCreate:
				created++
			case e.Action == cdoatlas.AuditUpdate && e.EntityID == first.ID:
				updated++
			}
		}
		if created != 2 || updated != 1 {
			t.Errorf("audit: %d creations and %d updates of plans, want 2 and 1", created, updated)
		}
	})
}
