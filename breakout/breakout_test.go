package breakout

import (
	"fmt"
	"slices"
	"testing"
)

func numbered(n int) []Person {
	people := make([]Person, n)
	for i := range people {
		people[i] = Person{ID: fmt.Sprint(i + 1)}
	}
	return people
}

// checkShape checks what every plan must be: each round a partition of
// everyone into groups whose sizes differ by at most one.
func checkShape(t *testing.T, p *Plan, people []Person, k, rounds int) {
	t.Helper()
	if len(p.Rounds) != rounds {
		t.Fatalf("%d rounds, want %d", len(p.Rounds), rounds)
	}
	want := GroupSizes(len(people), k)
	for r, round := range p.Rounds {
		seen := map[string]bool{}
		var sizes []int
		for _, g := range round {
			sizes = append(sizes, len(g))
			for _, id := range g {
				if seen[id] {
					t.Fatalf("round %d: %s sits twice", r+1, id)
				}
				seen[id] = true
			}
		}
		if len(seen) != len(people) {
			t.Fatalf("round %d seats %d of %d people", r+1, len(seen), len(people))
		}
		slices.Sort(sizes)
		slices.Reverse(sizes)
		if !slices.Equal(sizes, want) {
			t.Fatalf("round %d: group sizes %v, want %v", r+1, sizes, want)
		}
	}
}

// countRepeats counts, independently of the planner, the pair meetings
// with someone met before (earlier rounds and the history).
func countRepeats(rounds [][][]string, history [][][]string) int {
	met := map[[2]string]int{}
	repeats := 0
	for i, rs := range [][][][]string{history, rounds} {
		for _, round := range rs {
			for _, g := range round {
				for x, a := range g {
					for _, b := range g[x+1:] {
						pair := [2]string{min(a, b), max(a, b)}
						if i == 1 && met[pair] > 0 {
							repeats++
						}
						met[pair]++
					}
				}
			}
		}
	}
	return repeats
}

func TestGroupSizes(t *testing.T) {
	for _, c := range []struct {
		n, k int
		want []int
	}{{10, 4, []int{4, 3, 3}}, {12, 4, []int{4, 4, 4}}, {13, 4, []int{4, 3, 3, 3}}, {5, 4, []int{3, 2}}, {3, 5, []int{3}}} {
		if got := GroupSizes(c.n, c.k); !slices.Equal(got, c.want) {
			t.Errorf("GroupSizes(%d, %d) = %v, want %v", c.n, c.k, got, c.want)
		}
	}
	if Bound(32, 4) != 10 || Bound(16, 4) != 5 || Bound(30, 5) != 7 || Bound(36, 6) != 7 {
		t.Error("counting bound")
	}
}

// TestKnownOptima checks the sizes whose best plans are known: no pair
// meets twice.
func TestKnownOptima(t *testing.T) {
	for _, c := range []struct{ n, k, rounds int }{{32, 4, 10}, {30, 5, 6}, {36, 6, 3}, {16, 4, 5}} {
		t.Run(fmt.Sprintf("%d-%d-%d", c.n, c.k, c.rounds), func(t *testing.T) {
			people := numbered(c.n)
			p, err := Make(Options{People: people, GroupSize: c.k, Rounds: c.rounds, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			checkShape(t, p, people, c.k, c.rounds)
			if got := countRepeats(p.Rounds, nil); got != 0 || p.Repeats != 0 {
				t.Errorf("%d repeats (plan says %d), want none (design %q)", got, p.Repeats, p.Design)
			}
		})
	}
}

// TestHistory: after 3 rounds of an affine plane on 16 people, the 2
// further rounds have no repeats.
func TestHistory(t *testing.T) {
	people := numbered(16)
	first, err := Make(Options{People: people, GroupSize: 4, Rounds: 5, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	history := first.Rounds[:3]
	for seed := uint64(0); seed < 5; seed++ {
		p, err := Make(Options{People: people, GroupSize: 4, Rounds: 2, History: history, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		checkShape(t, p, people, 4, 2)
		if got := countRepeats(p.Rounds, history); got != 0 || p.Repeats != 0 {
			t.Errorf("seed %d: %d repeats with the history (plan says %d)", seed, got, p.Repeats)
		}
	}
}

// TestBeatsRandom: everywhere else, the planner has no more repeats than
// the best of 10,000 random plans.
func TestBeatsRandom(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 random plans per size")
	}
	for _, c := range []struct{ n, k, rounds int }{{40, 4, 6}, {23, 4, 8}, {41, 5, 5}, {12, 3, 6}, {100, 5, 10}} {
		people := numbered(c.n)
		o := Options{People: people, GroupSize: c.k, Rounds: c.rounds, Seed: 7}
		p, err := Make(o)
		if err != nil {
			t.Fatal(err)
		}
		checkShape(t, p, people, c.k, c.rounds)
		r, err := RandomBest(o, 10_000)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d people, groups of %d, %d rounds: planner %d repeats, best of 10,000 random %d, bound %d rounds", c.n, c.k, c.rounds, p.Repeats, r.Repeats, p.Bound)
		if p.Repeats > r.Repeats {
			t.Errorf("%d-%d-%d: planner %d repeats, random best %d", c.n, c.k, c.rounds, p.Repeats, r.Repeats)
		}
		if got := countRepeats(p.Rounds, nil); got != p.Repeats {
			t.Errorf("plan says %d repeats, counted %d", p.Repeats, got)
		}
	}
}

// TestFixedAssignments: moderators are one a group, apart pairs never
// meet, together pairs always do.
func TestFixedAssignments(t *testing.T) {
	people := numbered(22) // groups of 4, 4, 4, 4, 3, 3
	o := Options{People: people, GroupSize: 4, Rounds: 5, Seed: 5,
		Moderators: []string{"1", "2", "3", "4", "5", "6"},
		Apart:      [][2]string{{"7", "8"}, {"9", "10"}},
		Together:   [][2]string{{"11", "12"}, {"7", "13"}},
	}
	p, err := Make(o)
	if err != nil {
		t.Fatal(err)
	}
	checkShape(t, p, people, 4, 5)
	if p.Violations != 0 {
		t.Errorf("%d broken assignments", p.Violations)
	}
	for r, round := range p.Rounds {
		for _, g := range round {
			mods := 0
			for _, id := range g {
				if slices.Contains(o.Moderators, id) {
					mods++
				}
			}
			if mods != 1 {
				t.Errorf("round %d: group %v has %d moderators", r+1, g, mods)
			}
			for _, pair := range o.Apart {
				if slices.Contains(g, pair[0]) && slices.Contains(g, pair[1]) {
					t.Errorf("round %d: %v meet", r+1, pair)
				}
			}
			for _, pair := range o.Together {
				if slices.Contains(g, pair[0]) != slices.Contains(g, pair[1]) {
					t.Errorf("round %d: %v are apart", r+1, pair)
				}
			}
		}
	}
	if _, err := Make(Options{People: people, GroupSize: 4, Rounds: 1, Moderators: []string{"1", "2", "3", "4", "5", "6", "7"}}); err == nil {
		t.Error("7 moderators for 6 groups accepted")
	}
	if _, err := Make(Options{People: people, GroupSize: 4, Rounds: 1, Apart: [][2]string{{"1", "2"}}, Together: [][2]string{{"2", "1"}}}); err == nil {
		t.Error("a pair both apart and together accepted")
	}
	if _, err := Make(Options{People: people, GroupSize: 4, Rounds: 1, Apart: [][2]string{{"1", "99"}}}); err == nil {
		t.Error("a pair with someone absent accepted")
	}
}

// TestMixing: with countries to spread, every group of 16 people from 4
// countries (4 each) in groups of 4 gets all four countries, which random
// plans hardly manage, and pairs still do not repeat.
func TestMixing(t *testing.T) {
	people := numbered(16)
	for i := range people {
		people[i].Country = []string{"DE", "AT", "CH", "LI"}[i%4]
		people[i].New = i < 5
	}
	o := Options{People: people, GroupSize: 4, Rounds: 3, Seed: 2, Weights: Weights{Country: 10, New: 1}}
	p, err := Make(o)
	if err != nil {
		t.Fatal(err)
	}
	checkShape(t, p, people, 4, 3)
	if p.Repeats != 0 {
		t.Errorf("%d repeats", p.Repeats)
	}
	country := map[string]string{}
	for _, q := range people {
		country[q.ID] = q.Country
	}
	for r, round := range p.Rounds {
		for _, g := range round {
			seen := map[string]bool{}
			for _, id := range g {
				seen[country[id]] = true
			}
			if len(seen) != 4 {
				t.Errorf("round %d: group %v has %d countries", r+1, g, len(seen))
			}
		}
	}
	r, err := RandomBest(o, 10_000)
	if err != nil {
		t.Fatal(err)
	}
	if r.better(p) {
		t.Errorf("random plans do better: mixing %d, repeats %d; planner %d, %d", r.Mixing, r.Repeats, p.Mixing, p.Repeats)
	}
}
