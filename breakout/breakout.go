// Package breakout plans the breakout rounds of a meeting: R rounds in
// which the people attending sit in groups of k (or k−1, so that group
// sizes differ by at most one), everyone once per round.
//
// What a plan should achieve, most important first:
//
//  1. Fixed assignments hold: people who must be apart are never in one
//     group, people who must be together always are, and no group has two
//     moderators.
//  2. No pair meets twice within the meeting.
//  3. As few pairs as possible meet again who met at earlier meetings
//     (the history).
//  4. Mixing goals, as soft weights: groups spread over size classes,
//     countries, regions, and new and long-standing members.
//
// Plan searches for such a plan by tabu search over swaps of two people
// within a round. For a few sizes where the best plans are known from
// design theory (the social golfer problem), it starts from a stored
// design, which meets every pair at most once.
package breakout

import (
	"errors"
	"fmt"
	"slices"
)

// Person is someone attending, with the attributes the mixing goals
// spread. Empty attributes take no part in mixing.
type Person struct {
	ID        string `json:"id"`
	SizeClass string `json:"size_class,omitempty"`
	Country   string `json:"country,omitempty"`
	Region    string `json:"region,omitempty"`
	// New marks members who joined recently; mixing spreads new and
	// long-standing members over the groups.
	New bool `json:"new,omitempty"`
}

// Weights are the mixing goals: how much a pair sharing a size class,
// country or region, or both new, or both long-standing, counts against
// a plan. A pair that meets again from the history counts 1,000; a pair
// meeting twice within the meeting counts 1,000,000.
type Weights struct {
	SizeClass int `json:"size_class"`
	Country   int `json:"country"`
	Region    int `json:"region"`
	New       int `json:"new"`
}

// DefaultWeights spreads all four attributes alike.
var DefaultWeights = Weights{SizeClass: 1, Country: 1, Region: 1, New: 1}

// Options describe a planning task.
type Options struct {
	People    []Person
	GroupSize int // k: groups have k or k−1 people
	Rounds    int
	// History holds the rounds of earlier meetings: groups of person IDs.
	// IDs of people not attending are ignored.
	History [][][]string
	Weights Weights
	// Moderators are people of whom no two share a group: with as many
	// moderators as groups, every group has one.
	Moderators []string
	// Apart lists pairs that must never share a group; Together pairs
	// that must always share one.
	Apart, Together [][2]string
	Seed            uint64
	// Iterations bounds the search; 0 means a default that plans 100
	// people in 10 rounds in a few seconds.
	Iterations int
}

// Plan is the outcome: the rounds, each a list of groups of IDs, and how
// good it is.
type Plan struct {
	Rounds [][][]string `json:"rounds"`
	// Repeats counts pair meetings with someone met before: earlier in
	// this meeting (Within) or at an earlier one (History).
	Repeats        int `json:"repeats"`
	WithinRepeats  int `json:"within_repeats"`
	HistoryRepeats int `json:"history_repeats"`
	// Violations counts broken fixed assignments.
	Violations int `json:"violations"`
	// Mixing is the weighted number of pairs sharing an attribute.
	Mixing int `json:"mixing"`
	// Bound is the counting bound ⌊(N−1)/(k−1)⌋: no more rounds can pass
	// without a pair meeting twice.
	Bound int `json:"bound"`
	// Design names the stored design the plan started from, if any.
	Design string `json:"design,omitempty"`
}

// Limits of a task.
const (
	MaxPeople = 1000
	MaxRounds = 50
)

// GroupSizes returns the sizes of the groups of n people in groups of k
// or fewer: ⌈n/k⌉ groups whose sizes differ by at most one, the larger
// first.
func GroupSizes(n, k int) []int {
	if n < 1 || k < 1 {
		return nil
	}
	g := (n + k - 1) / k
	sizes := make([]int, g)
	for i := range sizes {
		sizes[i] = n / g
		if i < n%g {
			sizes[i]++
		}
	}
	return sizes
}

// Bound is the counting bound ⌊(n−1)/(k−1)⌋ on the rounds in which n
// people in groups of k can sit without a pair meeting twice.
func Bound(n, k int) int {
	if k < 2 || n < 2 {
		return 0
	}
	return (n - 1) / (k - 1)
}

// task is Options checked and numbered.
type task struct {
	n, rounds int
	ids       []string
	sizes     []int
	pw        []int32   // pair weight, n×n: history, fixed assignments, mixing
	hist      []int16   // n×n: times met in the history
	hard      []int8    // n×n: +1 apart, −1 together
	mix       []int32   // n×n: mixing weight of the pair
	together  [][]int32 // per person, who must share their group
}

var errEmpty = errors.New("no people")

func newTask(o Options) (*task, error) {
	n := len(o.People)
	switch {
	case n == 0:
		return nil, errEmpty
	case n > MaxPeople:
		return nil, fmt.Errorf("at most %d people, got %d", MaxPeople, n)
	case o.GroupSize < 2:
		return nil, fmt.Errorf("the group size must be 2 or more, got %d", o.GroupSize)
	case o.Rounds < 1 || o.Rounds > MaxRounds:
		return nil, fmt.Errorf("the rounds must be 1 to %d, got %d", MaxRounds, o.Rounds)
	}
	t := &task{n: n, rounds: o.Rounds, sizes: GroupSizes(n, o.GroupSize)}
	index := make(map[string]int, n)
	for i, p := range o.People {
		if p.ID == "" {
			return nil, fmt.Errorf("person %d has no id", i+1)
		}
		if _, dup := index[p.ID]; dup {
			return nil, fmt.Errorf("the id %q is given twice", p.ID)
		}
		index[p.ID] = i
		t.ids = append(t.ids, p.ID)
	}
	t.pw = make([]int32, n*n)
	t.hist = make([]int16, n*n)
	t.hard = make([]int8, n*n)
	t.mix = make([]int32, n*n)
	t.together = make([][]int32, n)
	for _, round := range o.History {
		for _, group := range round {
			var in []int
			for _, id := range group {
				if i, ok := index[id]; ok && !slices.Contains(in, i) {
					in = append(in, i)
				}
			}
			for x, a := range in {
				for _, b := range in[x+1:] {
					if t.hist[a*n+b] < 1<<14 {
						t.hist[a*n+b]++
						t.hist[b*n+a]++
					}
				}
			}
		}
	}
	pair := func(what string, p [2]string) (int, int, error) {
		a, ok := index[p[0]]
		b, ok2 := index[p[1]]
		if !ok || !ok2 {
			return 0, 0, fmt.Errorf("%s: %q and %q must both attend", what, p[0], p[1])
		}
		if a == b {
			return 0, 0, fmt.Errorf("%s: %q is paired with themselves", what, p[0])
		}
		return a, b, nil
	}
	for _, p := range o.Apart {
		a, b, err := pair("apart", p)
		if err != nil {
			return nil, err
		}
		t.hard[a*n+b], t.hard[b*n+a] = 1, 1
	}
	var mods []int
	for _, id := range o.Moderators {
		i, ok := index[id]
		if !ok {
			return nil, fmt.Errorf("moderator %q does not attend", id)
		}
		if !slices.Contains(mods, i) {
			mods = append(mods, i)
		}
	}
	if len(mods) > len(t.sizes) {
		return nil, fmt.Errorf("%d moderators for %d groups: at most one a group", len(mods), len(t.sizes))
	}
	for x, a := range mods {
		for _, b := range mods[x+1:] {
			t.hard[a*n+b], t.hard[b*n+a] = 1, 1
		}
	}
	for _, p := range o.Together {
		a, b, err := pair("together", p)
		if err != nil {
			return nil, err
		}
		if t.hard[a*n+b] == 1 {
			return nil, fmt.Errorf("%q and %q must be both apart and together", p[0], p[1])
		}
		if t.hard[a*n+b] == 0 {
			t.together[a] = append(t.together[a], int32(b))
			t.together[b] = append(t.together[b], int32(a))
		}
		t.hard[a*n+b], t.hard[b*n+a] = -1, -1
	}
	w := o.Weights
	anyNew := slices.ContainsFunc(o.People, func(p Person) bool { return p.New })
	for a := 0; a < n; a++ {
		pa := o.People[a]
		for b := a + 1; b < n; b++ {
			pb := o.People[b]
			m := 0
			if pa.SizeClass != "" && pa.SizeClass == pb.SizeClass {
				m += w.SizeClass
			}
			if pa.Country != "" && pa.Country == pb.Country {
				m += w.Country
			}
			if pa.Region != "" && pa.Region == pb.Region {
				m += w.Region
			}
			if anyNew && pa.New == pb.New {
				m += w.New
			}
			t.mix[a*n+b], t.mix[b*n+a] = int32(m), int32(m)
		}
	}
	for i := range t.pw {
		v := t.mix[i]
		if t.hist[i] > 0 {
			v += wHistory
		}
		v += int32(t.hard[i]) * wHard
		t.pw[i] = v
	}
	return t, nil
}

// The weights of the goals; mixing weights come from Options.
const (
	wHard    = 100_000_000
	wWithin  = 1_000_000
	wHistory = 1_000
)
