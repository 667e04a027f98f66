package cdoatlas_test

import (
	"slices"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/breakout"
)

func breakoutFixture() *cdoatlas.BreakoutPlan {
	return &cdoatlas.BreakoutPlan{ID: 2, NetworkID: 1, Title: "Treffen",
		Options: breakout.Options{GroupSize: 2, People: []breakout.Person{{ID: "1"}, {ID: "2"}, {ID: "3"}, {ID: "4"}}},
		Rounds:  [][][]string{{{"1", "2"}, {"3", "4"}}, {{"1", "3"}, {"2", "4"}}}}
}

func TestBreakoutPlanEdits(t *testing.T) {
	t.Run("Move", func(t *testing.T) {
		p := breakoutFixture()
		if err := p.Move(1, "1", 1); err != nil {
			t.Fatal(err)
		}
		if want := [][]string{{"3"}, {"2", "4", "1"}}; !slices.EqualFunc(p.Rounds[1], want, slices.Equal) {
			t.Errorf("round 2 is %v, want %v", p.Rounds[1], want)
		}
		if err := p.Score(nil); err != nil {
			t.Fatal(err)
		}
		// 1 and 2 met in round 1; 1–4 and 2–4 did not.
		if p.WithinRepeats != 1 {
			t.Errorf("within repeats %d, want 1 (1 and 2 meet again)", p.WithinRepeats)
		}
		if err := p.Move(1, "3", 1); cdoatlas.ErrorCode(err) != cdoatlas.ECONFLICT {
			t.Errorf("emptying a group: err %v, want ECONFLICT", err)
		}
		if err := p.Move(5, "3", 1); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
			t.Errorf("unknown round: err %v, want EINVALID", err)
		}
	})
	t.Run("Swap", func(t *testing.T) {
		p := breakoutFixture()
		if err := p.Swap(1, "1", "4"); err != nil {
			t.Fatal(err)
		}
		if want := [][]string{{"4", "3"}, {"2", "1"}}; !slices.EqualFunc(p.Rounds[1], want, slices.Equal) {
			t.Errorf("round 2 is %v, want %v", p.Rounds[1], want)
		}
		if err := p.Swap(0, "1", "9"); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
			t.Errorf("unknown person: err %v, want EINVALID", err)
		}
	})
	t.Run("HistoryAndVisibility", func(t *testing.T) {
		p := breakoutFixture()
		older := &cdoatlas.BreakoutPlan{ID: 1, Rounds: [][][]string{{{"1", "4"}}}}
		newer := &cdoatlas.BreakoutPlan{ID: 3, Rounds: [][][]string{{{"2", "3"}}}}
		if h := cdoatlas.BreakoutHistory([]*cdoatlas.BreakoutPlan{older, p, newer}, p.ID); len(h) != 1 || h[0][0][0] != "1" {
			t.Errorf("history of plan 2 is %v, want only plan 1's rounds", h)
		}
		if h := cdoatlas.BreakoutHistory([]*cdoatlas.BreakoutPlan{older, p, newer}, 0); len(h) != 4 {
			t.Errorf("history of a new plan has %d rounds, want all 4", len(h))
		}
		if !p.Includes([]*cdoatlas.Membership{{ID: 3}}) || p.Includes([]*cdoatlas.Membership{{ID: 9}}) {
			t.Error("Includes: membership 3 sits in the plan, 9 does not")
		}
	})
	t.Run("NewMember", func(t *testing.T) {
		now := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
		recent := &cdoatlas.Membership{ID: 1, JoinedAt: now.AddDate(0, -11, 0)}
		long := &cdoatlas.Membership{ID: 2, JoinedAt: now.AddDate(-2, 0, 0)}
		if !cdoatlas.BreakoutPerson(recent, now).New || cdoatlas.BreakoutPerson(long, now).New {
			t.Error("joined 11 months ago is new, 2 years ago is not")
		}
	})
}
