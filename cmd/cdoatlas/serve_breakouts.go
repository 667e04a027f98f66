package main

import (
	"context"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
)

// seedDemoBreakouts gives the demo network a breakout plan of its members:
// two rounds in groups of two.
func seedDemoBreakouts(ctx context.Context, db *sqldb.DB, networkID int64, members []*cdoatlas.Membership) error {
	if len(members) < 2 {
		return nil
	}
	now := time.Now()
	p := &cdoatlas.BreakoutPlan{NetworkID: networkID, Title: "Netzwerktreffen Frühjahr", HeldOn: now.AddDate(0, 0, 21).Format(time.DateOnly)}
	p.Options.GroupSize = 2
	p.Options.Weights.Country = 1
	for _, m := range members {
		p.Options.People = append(p.Options.People, cdoatlas.BreakoutPerson(m, now))
	}
	p.Options.Moderators = []string{p.Options.People[0].ID}
	if err := cdoatlas.MakeBreakoutPlan(p, 2, nil); err != nil {
		return err
	}
	return db.CreateBreakoutPlan(ctx, p)
}
