package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// The demo network's members and meetings: fictional members (the
// holders of current CDO posts of the demo registry, with invented
// addresses under example.org), one past meeting with its attendance and
// breakout plan, and one meeting to come with some answers.

// networkMembers is how many members Members returns.
const networkMembers = 12

// Members returns the fictional members of the demo network, taken from
// the holders of current CDO posts in Records.
func Members(records []cdoatlas.RegistryRecord) []*cdoatlas.Membership {
	var out []*cdoatlas.Membership
	seen := map[string]bool{}
	for _, r := range records {
		if len(out) == networkMembers {
			break
		}
		if r.Person == nil || !r.Person.Fictional || r.Tenure == nil || r.Tenure.Status != cdoatlas.StatusCurrent ||
			r.Post == nil || r.Post.Role != cdoatlas.RoleCDO || seen[r.Person.Name] {
			continue
		}
		seen[r.Person.Name] = true
		o := r.Organization
		out = append(out, &cdoatlas.Membership{PersonName: r.Person.Name, Email: fmt.Sprintf("demo-mitglied-%02d@example.org", len(out)+1),
			OrganizationName: o.Name, Kind: o.Kind, Country: o.Country, Region: o.Region, Population: o.Population,
			Title: r.Post.Title, Gender: r.Person.Gender})
	}
	return out
}

// SeedMeetings gives a circle of a network the demo's fictional members
// (Members) and two meetings at now: one four weeks before, with its
// attendance recorded and a breakout plan of those who attended, and one
// four weeks after, with some answers.
func SeedMeetings(ctx context.Context, store cdoatlas.Store, networkID, circleID int64, now time.Time) error {
	records, err := Records()
	if err != nil {
		return err
	}
	for _, m := range Members(records) {
		m.CircleID = circleID
		if err := store.AddMember(ctx, m); err != nil {
			return fmt.Errorf("demo member %s: %w", m.PersonName, err)
		}
	}
	// Everyone of the circle is invited, also members it had before.
	members, err := store.FindMemberships(ctx, circleID, false)
	if err != nil {
		return err
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return err
	}
	at := func(days int) time.Time {
		d := now.In(berlin).AddDate(0, 0, days)
		return time.Date(d.Year(), d.Month(), d.Day(), 14, 0, 0, 0, berlin).UTC()
	}
	past := &cdoatlas.Meeting{CircleID: circleID, Title: "Netzwerktreffen Herbst", StartsAt: at(-28), EndsAt: at(-28).Add(2 * time.Hour),
		Mode: cdoatlas.MeetingVirtual, URL: "https://meet.example.org/cdo-netzwerk",
		Agenda: []string{"Begrüßung und Kennenlernen in Breakout-Runden", "KI in der Verwaltung", "OZG-Umsetzung: Stand und Erfahrungen"}}
	next := &cdoatlas.Meeting{CircleID: circleID, Title: "Netzwerktreffen Frühjahr", StartsAt: at(28), EndsAt: at(28).Add(3 * time.Hour),
		Mode: cdoatlas.MeetingInPerson, Address: "Rathaus (Demo-Adresse), Marktplatz 1",
		Agenda: []string{"Begrüßung", "Digitale Agenda 2027", "Breakout-Runden"}}
	for _, m := range []*cdoatlas.Meeting{past, next} {
		if err := store.CreateMeeting(ctx, m); err != nil {
			return err
		}
	}
	// Ten of the twelve attended the past meeting.
	attended := map[int64]bool{}
	for i, m := range members {
		attended[m.ID] = i%6 != 5
	}
	if err := store.RecordAttendance(ctx, past.ID, attended); err != nil {
		return err
	}
	answers := []string{cdoatlas.AnswerYes, cdoatlas.AnswerYes, cdoatlas.AnswerMaybe, cdoatlas.AnswerNo}
	for i, m := range members[:8] {
		if err := store.SetAnswer(ctx, next.ID, m.ID, answers[i%len(answers)]); err != nil {
			return err
		}
	}
	replies, err := store.FindReplies(ctx, past.ID)
	if err != nil {
		return err
	}
	byID := map[int64]*cdoatlas.Membership{}
	for _, m := range members {
		byID[m.ID] = m
	}
	plan := &cdoatlas.BreakoutPlan{NetworkID: networkID, MeetingID: &past.ID, Title: past.Title, HeldOn: past.StartsAt.In(berlin).Format(time.DateOnly)}
	plan.Options.GroupSize = 3
	plan.Options.Weights.SizeClass, plan.Options.Weights.Country = 1, 1
	for _, id := range cdoatlas.BreakoutAttendees(replies) {
		plan.Options.People = append(plan.Options.People, cdoatlas.BreakoutPerson(byID[id], now))
	}
	if len(plan.Options.People) < 2 {
		return fmt.Errorf("%d attendees for the breakout plan, want at least 2", len(plan.Options.People))
	}
	plan.Options.Moderators = []string{plan.Options.People[0].ID}
	plan.Options.Seed = 1
	if err := cdoatlas.MakeBreakoutPlan(plan, 3, nil); err != nil {
		return err
	}
	return store.CreateBreakoutPlan(ctx, plan)
}
