package breakout

import (
	"fmt"
	"slices"
)

// Score counts the figures of given rounds under o, as Make counts them
// for its own plan: repeats within the rounds and from o.History, broken
// fixed assignments, mixing and the counting bound. The rounds are kept
// as given (a plan edited by hand keeps its group numbers); empty groups
// are ignored. Every person of o must sit in exactly one group of every
// round.
func Score(o Options, rounds [][][]string) (*Plan, error) {
	if len(rounds) == 0 {
		return nil, fmt.Errorf("no rounds")
	}
	o.Rounds = min(len(rounds), MaxRounds)
	t, err := newTask(o)
	if err != nil {
		return nil, err
	}
	index := make(map[string]int32, t.n)
	for i, id := range t.ids {
		index[id] = int32(i)
	}
	var numbered [][][]int32
	for r, round := range rounds {
		seen := make([]bool, t.n)
		var groups [][]int32
		for _, group := range round {
			var g []int32
			for _, id := range group {
				i, ok := index[id]
				if !ok {
					return nil, fmt.Errorf("round %d: %q is not among the people", r+1, id)
				}
				if seen[i] {
					return nil, fmt.Errorf("round %d: %q sits in two groups", r+1, id)
				}
				seen[i] = true
				g = append(g, i)
			}
			if len(g) > 0 {
				groups = append(groups, g)
			}
		}
		if i := slices.Index(seen, false); i >= 0 {
			return nil, fmt.Errorf("round %d: %q sits in no group", r+1, t.ids[i])
		}
		numbered = append(numbered, groups)
	}
	p := t.plan(numbered)
	p.Rounds = make([][][]string, len(rounds))
	for r, round := range rounds {
		for _, g := range round {
			p.Rounds[r] = append(p.Rounds[r], slices.Clone(g))
		}
	}
	return p, nil
}
