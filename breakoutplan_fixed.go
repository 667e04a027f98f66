package cdoatlas

import (
	"slices"
	"strconv"

	"github.com/cdoatlas/cdoatlas/breakout"
)

// Fixed assignments of a breakout plan (moderators, pairs kept apart or
// together), checked the same way when a plan is made and when a
// coordinator changes them afterwards, and the people of a plan that
// belongs to a meeting.

// SetFixed checks and sets p's moderators and pairs: each a person of
// the plan, no more moderators than groups, a pair two different people.
// EINVALID with the keys moderator, apart and together; p keeps its
// former settings then.
func (p *BreakoutPlan) SetFixed(moderators []string, apart, together [][2]string) error {
	in := map[string]bool{}
	for _, q := range p.Options.People {
		in[q.ID] = true
	}
	fe := FieldErrors{}
	var mods []string
	for _, id := range moderators {
		if !in[id] {
			fe.Add("moderator", "breakouts.moderator_absent")
		} else if !slices.Contains(mods, id) {
			mods = append(mods, id)
		}
	}
	if k := p.Options.GroupSize; k >= 2 && len(mods) > len(breakout.GroupSizes(len(p.Options.People), k)) {
		fe.Add("moderator", "breakouts.moderators_many")
	}
	pairs := func(field string, list [][2]string) [][2]string {
		var out [][2]string
		for _, pr := range list {
			if pr[0] == "" || pr[1] == "" || pr[0] == pr[1] || !in[pr[0]] || !in[pr[1]] {
				fe.Add(field, "breakouts.pair_invalid")
				continue
			}
			out = append(out, pr)
		}
		return out
	}
	ap, tg := pairs("apart", apart), pairs("together", together)
	if err := fe.Err(); err != nil {
		return err
	}
	p.Options.Moderators, p.Options.Apart, p.Options.Together = mods, ap, tg
	return nil
}

// Replan plans p's rounds anew, as many as it has, under its current
// options and history (the network's plans before it), as after a change
// of its fixed assignments; the figures are recounted. EINVALID as
// MakeBreakoutPlan.
func (p *BreakoutPlan) Replan(history [][][]string) error {
	rounds := max(len(p.Rounds), 1)
	p.Options.Seed = uint64(p.ID)
	return MakeBreakoutPlan(p, rounds, history)
}

// BreakoutAttendees returns the membership IDs of a meeting's replies who
// take part in its breakout rounds: those recorded as attending once any
// attendance is recorded, before that those who answered yes.
func BreakoutAttendees(replies []*MeetingReply) []int64 {
	recorded := slices.ContainsFunc(replies, func(rp *MeetingReply) bool { return rp.Attended != nil })
	var ids []int64
	for _, rp := range replies {
		if recorded && rp.Attended != nil && *rp.Attended || !recorded && rp.Answer == AnswerYes {
			ids = append(ids, rp.MemberID)
		}
	}
	return ids
}

// CheckMeeting checks that p may belong to m: a meeting of the same
// network. EINVALID.
func (p *BreakoutPlan) CheckMeeting(m *Meeting) error {
	if m.NetworkID != p.NetworkID {
		return FieldErrors{"meeting_id": "breakouts.meeting_invalid"}.Err()
	}
	id := m.ID
	p.MeetingID = &id
	return nil
}

// BreakoutSeat is where one person sits in a round of a plan: the group
// (from 1) and whether they moderate.
type BreakoutSeat struct {
	Round     int  `json:"round"`
	Group     int  `json:"group"`
	Moderator bool `json:"moderator"`
}

// SeatsOf returns where the member (a membership ID) sits in p, round by
// round; nil when they are not in the plan.
func (p *BreakoutPlan) SeatsOf(memberID int64) []BreakoutSeat {
	id := strconv.FormatInt(memberID, 10)
	var out []BreakoutSeat
	for r := range p.Rounds {
		if g := p.groupOf(r, id); g >= 0 {
			out = append(out, BreakoutSeat{Round: r + 1, Group: g + 1, Moderator: slices.Contains(p.Options.Moderators, id)})
		}
	}
	return out
}
