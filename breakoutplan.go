package cdoatlas

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas/breakout"
)

// BreakoutPlan is a saved plan of breakout rounds for a meeting of a
// network: who sits with whom in each round. People are the network's
// members, named by their membership ID (as text, like breakout's IDs).
// The plan keeps the options it was made with, so that a hand edit can be
// scored again; its figures are those of its rounds against the network's
// earlier plans.
type BreakoutPlan struct {
	ID        int64  `json:"id"`
	NetworkID int64  `json:"network_id"`
	MeetingID *int64 `json:"meeting_id"` // the meeting it belongs to, once linked
	Title     string `json:"title"`
	HeldOn    string `json:"held_on"` // YYYY-MM-DD or empty
	// Options are the people with their mixing attributes, the group
	// size, the mixing weights, moderators and fixed pairs; History,
	// Seed and Iterations are not kept.
	Options breakout.Options `json:"options"`
	Rounds  [][][]string     `json:"rounds"`

	WithinRepeats  int       `json:"within_repeats"`
	HistoryRepeats int       `json:"history_repeats"`
	Violations     int       `json:"violations"`
	Bound          int       `json:"bound"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// AuditBreakout is the audited entity of breakout plans.
const AuditBreakout = "breakout"

// Repeats is the number of pair meetings with someone met before.
func (p *BreakoutPlan) Repeats() int { return p.WithinRepeats + p.HistoryRepeats }

// Validate trims p and checks it: EINVALID with a key per field.
func (p *BreakoutPlan) Validate() error {
	p.Title = strings.TrimSpace(p.Title)
	p.HeldOn = strings.TrimSpace(p.HeldOn)
	fe := FieldErrors{}
	switch {
	case p.Title == "":
		fe.Add("title", "required")
	case utf8.RuneCountInString(p.Title) > 200:
		fe.Add("title", TooLong(200))
	}
	fe.CheckLine("title", p.Title)
	if p.HeldOn != "" {
		if _, err := time.Parse(time.DateOnly, p.HeldOn); err != nil {
			fe.Add("held_on", "breakouts.date_invalid")
		}
	}
	if p.NetworkID <= 0 {
		fe.Add("network_id", "required")
	}
	if p.Options.GroupSize < 2 {
		fe.Add("group_size", "breakouts.group_size_invalid")
	}
	if len(p.Options.People) < 2 {
		fe.Add("people", "breakouts.people_few")
	}
	if len(p.Rounds) < 1 || len(p.Rounds) > breakout.MaxRounds {
		fe.Add("rounds", "breakouts.rounds_invalid")
	}
	return fe.Err()
}

// Includes reports whether one of seats (a visitor's current memberships)
// sits in the plan: who, beside the coordinators, may see its names.
func (p *BreakoutPlan) Includes(seats []*Membership) bool {
	for _, m := range seats {
		id := strconv.FormatInt(m.ID, 10)
		if slices.ContainsFunc(p.Options.People, func(q breakout.Person) bool { return q.ID == id }) {
			return true
		}
	}
	return false
}

// BreakoutHistory is the history a plan of a network is scored against:
// the rounds of the network's other plans made before it (all of plans
// for a new plan, whose ID is 0).
func BreakoutHistory(plans []*BreakoutPlan, planID int64) [][][]string {
	var h [][][]string
	for _, q := range plans {
		if q.ID != planID && (planID == 0 || q.ID < planID) {
			h = append(h, q.Rounds...)
		}
	}
	return h
}

// NewMemberTime is how long a member counts as new for mixing.
const NewMemberTime = 12 // months

// BreakoutPerson is a member as the planner sees them: the membership ID,
// the size class of their organization, country, region, and whether
// they joined within the last twelve months at now.
func BreakoutPerson(m *Membership, now time.Time) breakout.Person {
	return breakout.Person{
		ID:        strconv.FormatInt(m.ID, 10),
		SizeClass: SizeClassOf(m.Kind, m.Population, nil),
		Country:   m.Country,
		Region:    m.Region,
		New:       !m.JoinedAt.IsZero() && m.JoinedAt.After(now.AddDate(0, -NewMemberTime, 0)),
	}
}

// Score recounts the figures of p's rounds against history: after a plan
// is made and after every hand edit. EINVALID when the rounds do not seat
// every person exactly once per round.
func (p *BreakoutPlan) Score(history [][][]string) error {
	o := p.Options
	o.History = history
	s, err := breakout.Score(o, p.Rounds)
	if err != nil {
		return FieldErrors{"rounds": "breakouts.rounds_broken"}.Err()
	}
	p.WithinRepeats, p.HistoryRepeats, p.Violations, p.Bound = s.WithinRepeats, s.HistoryRepeats, s.Violations, s.Bound
	return nil
}

// MakeBreakoutPlan plans p's rounds with breakout.Make under p.Options
// and history, and takes its figures. EINVALID for options the planner
// refuses (e.g. a pair both apart and together).
func MakeBreakoutPlan(p *BreakoutPlan, rounds int, history [][][]string) error {
	o := p.Options
	o.Rounds = rounds
	o.History = history
	made, err := breakout.Make(o)
	if err != nil {
		return FieldErrors{"people": "breakouts.plan_impossible"}.Err()
	}
	p.Rounds = made.Rounds
	p.WithinRepeats, p.HistoryRepeats, p.Violations, p.Bound = made.WithinRepeats, made.HistoryRepeats, made.Violations, made.Bound
	return nil
}

// groupOf returns the group of person in round r, or −1.
func (p *BreakoutPlan) groupOf(r int, person string) int {
	for g, members := range p.Rounds[r] {
		if slices.Contains(members, person) {
			return g
		}
	}
	return -1
}

// Move puts person into group g (0-based) of round r (0-based). EINVALID
// for an unknown round, group or person, ECONFLICT when their group would
// be left empty. The figures are not recounted: call Score.
func (p *BreakoutPlan) Move(r int, person string, g int) error {
	if r < 0 || r >= len(p.Rounds) || g < 0 || g >= len(p.Rounds[r]) {
		return FieldErrors{"group": "breakouts.move_invalid"}.Err()
	}
	from := p.groupOf(r, person)
	switch {
	case from < 0:
		return FieldErrors{"person": "breakouts.move_invalid"}.Err()
	case from == g:
		return nil
	case len(p.Rounds[r][from]) == 1:
		return Errorf(ECONFLICT, "breakouts.group_empty")
	}
	p.Rounds[r][from] = slices.DeleteFunc(slices.Clone(p.Rounds[r][from]), func(id string) bool { return id == person })
	p.Rounds[r][g] = append(slices.Clone(p.Rounds[r][g]), person)
	return nil
}

// Swap lets a and b change groups in round r (0-based). EINVALID for an
// unknown round or person. The figures are not recounted: call Score.
func (p *BreakoutPlan) Swap(r int, a, b string) error {
	if r < 0 || r >= len(p.Rounds) {
		return FieldErrors{"round": "breakouts.move_invalid"}.Err()
	}
	ga, gb := p.groupOf(r, a), p.groupOf(r, b)
	if ga < 0 || gb < 0 {
		return FieldErrors{"person": "breakouts.move_invalid"}.Err()
	}
	if ga == gb {
		return nil
	}
	replace := func(g int, from, to string) {
		ms := slices.Clone(p.Rounds[r][g])
		ms[slices.Index(ms, from)] = to
		p.Rounds[r][g] = ms
	}
	replace(ga, a, b)
	replace(gb, b, a)
	return nil
}

// BreakoutService stores breakout plans. It reads and writes only; the
// rounds and figures are made by the caller (MakeBreakoutPlan, Score).
type BreakoutService interface {
	// CreateBreakoutPlan validates and stores a plan of a network, and of
	// one of its meetings when MeetingID is set. EINVALID (also for a
	// meeting of another network), ENOTFOUND for an unknown network,
	// ECONFLICT when the meeting has a plan already.
	CreateBreakoutPlan(ctx context.Context, p *BreakoutPlan) error
	// FindMeetingBreakoutPlan returns the plan of a meeting. ENOTFOUND.
	FindMeetingBreakoutPlan(ctx context.Context, meetingID int64) (*BreakoutPlan, error)
	// UpdateBreakoutPlan stores a plan's title, date, options, rounds and
	// figures (after a rename, or new fixed assignments and a new
	// planning). EINVALID, ENOTFOUND.
	UpdateBreakoutPlan(ctx context.Context, p *BreakoutPlan) error
	// DeleteBreakoutPlan deletes a plan; later plans no longer count its
	// rounds as history. ENOTFOUND.
	DeleteBreakoutPlan(ctx context.Context, id int64) error
	// FindBreakoutPlanByID returns a plan. ENOTFOUND.
	FindBreakoutPlanByID(ctx context.Context, id int64) (*BreakoutPlan, error)
	// FindBreakoutPlans returns a network's plans, oldest first.
	FindBreakoutPlans(ctx context.Context, networkID int64) ([]*BreakoutPlan, error)
	// UpdateBreakoutRounds stores a plan's rounds and figures after a hand
	// edit. EINVALID, ENOTFOUND.
	UpdateBreakoutRounds(ctx context.Context, p *BreakoutPlan) error
}
