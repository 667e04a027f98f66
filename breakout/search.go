package breakout

import (
	"math/rand/v2"
)

// schedule is a plan under search: per round, the group of each person
// and the members of each group.
type schedule struct {
	t      *task
	group  [][]int32   // [round][person] → group
	groups [][][]int32 // [round][group] → people
	meet   []int16     // n×n: times the pair meets in the plan
	cost   int64
}

func newSchedule(t *task, rounds [][][]int32) *schedule {
	s := &schedule{t: t, meet: make([]int16, t.n*t.n)}
	for _, round := range rounds {
		g := make([]int32, t.n)
		for gi, members := range round {
			for _, p := range members {
				g[p] = int32(gi)
			}
		}
		s.group = append(s.group, g)
		s.groups = append(s.groups, round)
	}
	s.cost = s.total()
	return s
}

// total computes the cost from scratch and fills meet.
func (s *schedule) total() int64 {
	n := s.t.n
	clear(s.meet)
	var c int64
	for _, round := range s.groups {
		for _, members := range round {
			for x, a := range members {
				for _, b := range members[x+1:] {
					i := int(a)*n + int(b)
					c += int64(s.t.pw[i])
					if s.meet[i] >= 1 {
						c += wWithin
					}
					s.meet[i]++
					s.meet[int(b)*n+int(a)]++
				}
			}
		}
	}
	// Together pairs are rewarded for meeting; the cost counts from the
	// plan where every together pair meets in every round.
	return c + s.togetherOffset()
}

func (s *schedule) togetherOffset() int64 {
	var pairs int64
	for _, partners := range s.t.together {
		pairs += int64(len(partners))
	}
	return pairs / 2 * int64(len(s.groups)) * wHard
}

// swapDelta is the change of cost when a and b, in different groups of
// round r, change places.
func (s *schedule) swapDelta(r int, a, b int32) int64 {
	n := s.t.n
	ga, gb := s.group[r][a], s.group[r][b]
	var d int64
	for _, x := range s.groups[r][ga] {
		if x == a {
			continue
		}
		d += s.remove(int(a)*n + int(x))
		d += s.add(int(b)*n + int(x))
	}
	for _, y := range s.groups[r][gb] {
		if y == b {
			continue
		}
		d += s.remove(int(b)*n + int(y))
		d += s.add(int(a)*n + int(y))
	}
	return d
}

func (s *schedule) remove(i int) int64 {
	d := -int64(s.t.pw[i])
	if s.meet[i] >= 2 {
		d -= wWithin
	}
	return d
}

func (s *schedule) add(i int) int64 {
	d := int64(s.t.pw[i])
	if s.meet[i] >= 1 {
		d += wWithin
	}
	return d
}

// swap makes a and b of round r change places.
func (s *schedule) swap(r int, a, b int32) {
	n := s.t.n
	s.cost += s.swapDelta(r, a, b)
	ga, gb := s.group[r][a], s.group[r][b]
	for _, x := range s.groups[r][ga] {
		if x != a {
			s.meet[int(a)*n+int(x)]--
			s.meet[int(x)*n+int(a)]--
		}
	}
	for _, y := range s.groups[r][gb] {
		if y != b {
			s.meet[int(b)*n+int(y)]--
			s.meet[int(y)*n+int(b)]--
		}
	}
	replace(s.groups[r][ga], a, b)
	replace(s.groups[r][gb], b, a)
	s.group[r][a], s.group[r][b] = gb, ga
	for _, x := range s.groups[r][ga] {
		if x != b {
			s.meet[int(b)*n+int(x)]++
			s.meet[int(x)*n+int(b)]++
		}
	}
	for _, y := range s.groups[r][gb] {
		if y != a {
			s.meet[int(a)*n+int(y)]++
			s.meet[int(y)*n+int(a)]++
		}
	}
}

func replace(list []int32, old, new int32) {
	for i, x := range list {
		if x == old {
			list[i] = new
			return
		}
	}
}

// troubled reports whether person a in round r is in a pair that costs
// more than mixing: a repeat or a broken assignment.
func (s *schedule) troubled(r int, a int32) bool {
	n := s.t.n
	for _, x := range s.groups[r][s.group[r][a]] {
		if x == a {
			continue
		}
		i := int(a)*n + int(x)
		if s.meet[i] >= 2 || s.t.hist[i] > 0 || s.t.hard[i] > 0 {
			return true
		}
	}
	for _, b := range s.t.together[a] {
		if s.group[r][b] != s.group[r][a] {
			return true
		}
	}
	return false
}

func (s *schedule) clone() [][][]int32 {
	out := make([][][]int32, len(s.groups))
	for r, round := range s.groups {
		out[r] = make([][]int32, len(round))
		for g, members := range round {
			out[r][g] = append([]int32(nil), members...)
		}
	}
	return out
}

// randomRounds deals the people into groups at random, round by round.
func randomRounds(t *task, rng *rand.Rand) [][][]int32 {
	rounds := make([][][]int32, t.rounds)
	perm := make([]int32, t.n)
	for i := range perm {
		perm[i] = int32(i)
	}
	for r := range rounds {
		rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		rounds[r] = deal(perm, t.sizes)
	}
	return rounds
}

// deal cuts people into groups of sizes.
func deal(people []int32, sizes []int) [][]int32 {
	groups := make([][]int32, len(sizes))
	at := 0
	for g, size := range sizes {
		groups[g] = append([]int32(nil), people[at:at+size]...)
		at += size
	}
	return groups
}

// search improves s by tabu search: each step takes a person in trouble
// (or, when no one is, anyone) in some round and swaps them with the
// person of another group whose swap costs least, unless that swap was
// undone recently. It keeps the best schedule seen and returns it.
func search(s *schedule, rng *rand.Rand, iterations int) [][][]int32 {
	t := s.t
	n := t.n
	best, bestCost := s.clone(), s.cost
	if len(t.sizes) < 2 {
		return best
	}
	tabu := make([]int32, t.rounds*n) // [round][person] → iteration until which moving is tabu
	var cand []int32
	stale := 0
	evals := 0
	for it := 1; it <= iterations && evals < maxEvaluations; it++ {
		if bestCost == 0 { // no repeats, breaks or mixing weight: nothing left to gain
			break
		}
		// The best swap of a person in trouble, in any round; when no one
		// is in trouble, of a random person in a random round (mixing).
		var bestR int
		var bestA, bestB int32 = -1, -1
		var bestD int64
		ties := 0
		consider := func(r int, a int32) {
			evals += n
			for b := int32(0); b < int32(n); b++ {
				if s.group[r][a] == s.group[r][b] {
					continue
				}
				d := s.swapDelta(r, a, b)
				isTabu := tabu[r*n+int(a)] >= int32(it) || tabu[r*n+int(b)] >= int32(it)
				if isTabu && s.cost+d >= bestCost {
					continue
				}
				switch {
				case bestA < 0 || d < bestD:
					bestR, bestA, bestB, bestD, ties = r, a, b, d, 1
				case d == bestD:
					ties++
					if rng.IntN(ties) == 0 {
						bestR, bestA, bestB = r, a, b
					}
				}
			}
		}
		cand = cand[:0]
		for r := 0; r < t.rounds; r++ {
			for p := int32(0); p < int32(n); p++ {
				if s.troubled(r, p) {
					cand = append(cand, int32(r), p)
				}
			}
		}
		if len(cand) == 0 {
			consider(rng.IntN(t.rounds), int32(rng.IntN(n)))
		}
		// Many people in trouble: weigh the swaps of a sample of them.
		for len(cand) > 2*maxCandidates {
			i := 2 * rng.IntN(len(cand)/2)
			cand[i], cand[i+1] = cand[len(cand)-2], cand[len(cand)-1]
			cand = cand[:len(cand)-2]
		}
		for i := 0; i < len(cand); i += 2 {
			consider(int(cand[i]), cand[i+1])
		}
		r := bestR
		if bestA < 0 {
			continue
		}
		s.swap(r, bestA, bestB)
		tenure := int32(it + 3 + rng.IntN(8))
		tabu[r*n+int(bestA)], tabu[r*n+int(bestB)] = tenure, tenure
		if s.cost < bestCost {
			best, bestCost, stale = s.clone(), s.cost, 0
		} else if stale++; stale > 2000 {
			// Stuck: shake the current schedule with a few random swaps.
			for range 3 + t.rounds {
				r := rng.IntN(t.rounds)
				a, b := int32(rng.IntN(n)), int32(rng.IntN(n))
				if s.group[r][a] != s.group[r][b] {
					s.swap(r, a, b)
				}
			}
			stale = 0
		}
	}
	return best
}

// maxCandidates is how many people in trouble one step weighs at most.
const maxCandidates = 24

// maxEvaluations bounds the swaps a search weighs, so that a plan of 100
// people in 10 rounds takes seconds, not minutes.
const maxEvaluations = 40_000_000
