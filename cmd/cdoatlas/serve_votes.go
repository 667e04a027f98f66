package main

import (
	"context"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
)

// seedDemoVotes gives the demo network topics, a closed anonymous vote of
// its core circle (with ballots of the admitted members) and an open one.
func seedDemoVotes(ctx context.Context, db *sqldb.DB, networkID, circleID int64) error {
	var topics []*cdoatlas.Topic
	for _, t := range []struct{ title, text string }{
		{"Künstliche Intelligenz in der Verwaltung", "Wo hilft KI schon heute, und wer entscheidet über ihren Einsatz?"},
		{"OZG-Umsetzung und Ende-zu-Ende-Digitalisierung", "Erfahrungen mit Onlinediensten, die im Fachverfahren ankommen."},
		{"Digitale Souveränität und Open Source", "Gemeinsam entwickeln statt einzeln einkaufen."},
		{"Datenstrategie und offene Daten", ""},
		{"Fachkräfte und Digitalkompetenz", "Wie gewinnen und halten wir Leute?"},
	} {
		tp := &cdoatlas.Topic{NetworkID: networkID, Title: t.title, Description: t.text, Proposer: "Koordination (Demo)"}
		if err := db.CreateTopic(ctx, tp); err != nil {
			return err
		}
		topics = append(topics, tp)
	}
	options := func(ts ...*cdoatlas.Topic) []*cdoatlas.VoteOption {
		var out []*cdoatlas.VoteOption
		for _, t := range ts {
			out = append(out, &cdoatlas.VoteOption{TopicID: &t.ID, Label: t.Title})
		}
		return out
	}
	now := time.Now()
	closed := &cdoatlas.Vote{CircleID: circleID, Question: "Welche Themen nehmen wir uns im ersten Halbjahr vor?", Anonymous: true,
		OpensAt: now.Add(-time.Minute), ClosesAt: now.Add(time.Hour), Options: options(topics[:4]...)}
	if err := db.CreateVote(ctx, closed); err != nil {
		return err
	}
	members, err := db.FindMemberships(ctx, circleID, false)
	if err != nil {
		return err
	}
	o := func(i int) int64 { return closed.Options[i].ID }
	ballots := []cdoatlas.Ranks{{{o(0)}, {o(1)}, {o(2)}}, {{o(1)}, {o(0), o(3)}}, {{o(0)}, {o(2)}}, {{o(2)}, {o(0)}, {o(1)}}}
	for i, m := range members {
		if err := db.CastBallot(ctx, closed.ID, m.ID, ballots[i%len(ballots)]); err != nil {
			return err
		}
	}
	if err := db.CloseVote(ctx, closed.ID); err != nil {
		return err
	}
	open := &cdoatlas.Vote{CircleID: circleID, Question: "Worüber sprechen wir beim nächsten Treffen?",
		OpensAt: now.Add(-time.Minute), ClosesAt: now.AddDate(0, 0, 14), Options: options(topics[1:]...)}
	open.Options = append(open.Options, &cdoatlas.VoteOption{Label: "Offener Austausch ohne Thema"})
	if err := db.CreateVote(ctx, open); err != nil {
		return err
	}
	if len(members) > 0 {
		if err := db.CastBallot(ctx, open.ID, members[0].ID, cdoatlas.Ranks{{open.Options[0].ID}, {open.Options[4].ID}}); err != nil {
			return err
		}
	}
	return nil
}
