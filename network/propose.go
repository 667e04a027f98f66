package network

// Propose proposes whom to admit to a circle of capacity seats that
// members already sit in, from applicants (see the package documentation
// for the priorities). Members are not checked again. The proposal fills
// min(free seats, eligible applicants) seats; Admit and the explanations
// follow application date. Equal input in any order gives the same
// proposal. EINVALID for a negative capacity, more members than seats, an
// empty or repeated ID, or goals that Validate refuses.
//
// The search is a heuristic: a greedy construction under the priorities
// (each step takes the applicant who covers the most missing groups, then
// keeps the women's share reachable, then balances the circle best, then
// applied first), improved by exchanging one admitted for one waiting
// applicant while that makes the proposal better by the priorities (best
// exchange first) and, when no single exchange helps, two for two. The
// tests compare it with the exact optimum on small instances; for 400
// applicants and 30 free seats it takes well under a second.
func Propose(capacity int, members, applicants []Candidate, goals Goals) (*Proposal, error) {
	if err := goals.Validate(); err != nil {
		return nil, err
	}
	eligible, p, err := checkApplicants(capacity, members, applicants)
	if err != nil {
		return nil, err
	}
	s := newSolver(members, eligible, p.Free, goals)
	st := s.construct()
	s.improve(st)
	s.finish(st, p)
	return p, nil
}

// solver holds an instance: the members, the eligible applicants (index i
// in elig is pool index len(members)+i, and i is the rank by date) and
// the groups to cover.
type solver struct {
	m       *model
	members []Candidate
	elig    []Candidate
	seats   int // seats to fill: min(free, len(elig))

	targets []target  // groups the members lack, found among the eligible
	covers  [][]int32 // per eligible: the targets it covers
	female  []bool
	ef      int // eligible women
}

// target is a group to cover: a size class, a country or the east.
type target struct {
	kind  string // AttrSizeClass, AttrCountry or "east"
	value string
	n     int // eligible applicants of the group
}

func newSolver(members, elig []Candidate, free int, goals Goals) *solver {
	pool := append(append([]Candidate(nil), members...), elig...)
	s := &solver{m: newModel(pool, goals), members: members, elig: elig, seats: min(free, len(elig))}
	has := map[target]bool{}
	for _, c := range members {
		has[target{kind: AttrSizeClass, value: c.SizeClass()}] = true
		has[target{kind: AttrCountry, value: c.Country}] = true
		if c.East() {
			has[target{kind: "east"}] = true
		}
	}
	index := map[target]int32{}
	s.covers = make([][]int32, len(elig))
	s.female = make([]bool, len(elig))
	for i, c := range elig {
		s.female[i] = c.Gender == "f"
		if s.female[i] {
			s.ef++
		}
		groups := []target{{kind: AttrSizeClass, value: c.SizeClass()}, {kind: AttrCountry, value: c.Country}}
		if c.East() {
			groups = append(groups, target{kind: "east"})
		}
		for _, g := range groups {
			if g.kind != "east" && g.value == "" || has[g] {
				continue
			}
			t, ok := index[g]
			if !ok {
				t = int32(len(s.targets))
				index[g] = t
				s.targets = append(s.targets, g)
			}
			s.targets[t].n++
			s.covers[i] = append(s.covers[i], t)
		}
	}
	return s
}

// state is a selection of eligible applicants with its counts.
type state struct {
	in      []bool
	size    int
	t       tally
	cover   []int32 // per target: selected applicants covering it
	covered int
	women   int
}

func (s *solver) newState() *state {
	st := &state{in: make([]bool, len(s.elig)), cover: make([]int32, len(s.targets))}
	st.t.init(s.m)
	for i := range s.members {
		st.t.add(s.m, i)
	}
	return st
}

func (s *solver) add(st *state, i int) {
	st.in[i] = true
	st.size++
	st.t.add(s.m, len(s.members)+i)
	for _, t := range s.covers[i] {
		if st.cover[t] == 0 {
			st.covered++
		}
		st.cover[t]++
	}
	if s.female[i] {
		st.women++
	}
}

func (s *solver) remove(st *state, i int) {
	st.in[i] = false
	st.size--
	st.t.remove(s.m, len(s.members)+i)
	for _, t := range s.covers[i] {
		st.cover[t]--
		if st.cover[t] == 0 {
			st.covered--
		}
	}
	if s.female[i] {
		st.women--
	}
}

// score is the value of a selection by the first three priorities.
type score struct {
	covered int     // more is better
	short   int     // women missing for the share of the eligible; less is better
	imb     float64 // less is better
}

// cmp orders scores: negative when a is better than b.
func (a score) cmp(b score) int {
	switch {
	case a.covered != b.covered:
		return b.covered - a.covered
	case a.short != b.short:
		return a.short - b.short
	case a.imb < b.imb:
		return -1
	case a.imb > b.imb:
		return 1
	}
	return 0
}

// required is the number of women among size admitted that keeps their
// share at or above that among the eligible: ⌈size·ef/e⌉.
func (s *solver) required(size int) int {
	if len(s.elig) == 0 {
		return 0
	}
	return (size*s.ef + len(s.elig) - 1) / len(s.elig)
}

func (s *solver) score(st *state) score {
	return score{covered: st.covered, short: max(0, s.required(st.size)-st.women), imb: s.m.imbalance(&st.t)}
}

// construct fills the seats one by one: the applicant who covers the most
// groups still missing, then keeps the required number of women reachable,
// then leaves the circle best balanced, then applied first.
func (s *solver) construct() *state {
	st := s.newState()
	need := s.required(s.seats)
	for st.size < s.seats {
		best, bestNew, bestShort, bestImb := -1, 0, 0, 0.0
		for j := range s.elig {
			if st.in[j] {
				continue
			}
			gain := 0
			for _, t := range s.covers[j] {
				if st.cover[t] == 0 {
					gain++
				}
			}
			s.add(st, j)
			short := max(0, need-st.women-(s.seats-st.size))
			imb := s.m.imbalance(&st.t)
			s.remove(st, j)
			if best < 0 || gain > bestNew || gain == bestNew && (short < bestShort || short == bestShort && imb < bestImb) {
				best, bestNew, bestShort, bestImb = j, gain, short, imb
			}
		}
		s.add(st, best)
	}
	return st
}

// improve exchanges one admitted for one waiting applicant, the best
// exchange first, while that makes the selection better; when no single
// exchange helps, it tries pairs (see improvePairs) and goes on with
// single exchanges after a pair helped. Every change makes the selection
// strictly better in a total order (score, then the dates of the
// admitted), so the loop ends; the bound only guards against a mistake.
func (s *solver) improve(st *state) {
	for round := 0; round < 100*len(s.elig)+100; round++ {
		if !s.improveSingle(st) && !s.improvePairs(st) {
			return
		}
	}
}

// improveSingle makes the best exchange of one admitted for one waiting
// applicant that improves the selection, and reports whether there was one.
func (s *solver) improveSingle(st *state) bool {
	bi, bj, best := -1, -1, s.score(st)
	for i := range s.elig {
		if !st.in[i] {
			continue
		}
		s.remove(st, i)
		for j := range s.elig {
			if st.in[j] || j == i {
				continue
			}
			s.add(st, j)
			sc := s.score(st)
			s.remove(st, j)
			c := sc.cmp(best)
			if c < 0 || c == 0 && s.swapBefore(st, i, j, bi, bj) {
				bi, bj, best = i, j, sc
			}
		}
		s.add(st, i)
	}
	if bi < 0 {
		return false
	}
	s.remove(st, bi)
	s.add(st, bj)
	return true
}

// pairStarts is how many first picks improvePairs tries after taking two
// applicants out.
const pairStarts = 3

// improvePairs takes two admitted applicants out and refills both seats,
// trying each of the pairStarts best applicants for the first seat and the
// best one for the second. A change of two that single exchanges cannot
// reach (two groups covered by a different pair, two attributes balanced
// at once) is found this way. It makes the first such change that
// improves the selection and reports whether there was one.
func (s *solver) improvePairs(st *state) bool {
	cur := s.score(st)
	old := make([]bool, len(st.in))
	copy(old, st.in)
	var starts [pairStarts]int
	var scores [pairStarts]score
	for i1 := range s.elig {
		if !old[i1] {
			continue
		}
		for i2 := i1 + 1; i2 < len(s.elig); i2++ {
			if !old[i2] {
				continue
			}
			s.remove(st, i1)
			s.remove(st, i2)
			// The pairStarts best first picks, by score and then date.
			n := 0
			for j := range s.elig {
				if st.in[j] {
					continue
				}
				s.add(st, j)
				sc := s.score(st)
				s.remove(st, j)
				k := n
				for k > 0 && sc.cmp(scores[k-1]) < 0 {
					k--
				}
				if k < pairStarts {
					if n < pairStarts {
						n++
					}
					copy(starts[k+1:n], starts[k:n-1])
					copy(scores[k+1:n], scores[k:n-1])
					starts[k], scores[k] = j, sc
				}
			}
			for _, j1 := range starts[:n] {
				s.add(st, j1)
				j2, best := -1, score{}
				for j := range s.elig {
					if st.in[j] {
						continue
					}
					s.add(st, j)
					sc := s.score(st)
					s.remove(st, j)
					if j2 < 0 || sc.cmp(best) < 0 {
						j2, best = j, sc
					}
				}
				if c := best.cmp(cur); c < 0 || c == 0 && s.before(old, j1, j2, i1, i2) {
					s.add(st, j2)
					return true
				}
				s.remove(st, j1)
			}
			s.add(st, i1)
			s.add(st, i2)
		}
	}
	return false
}

// before reports whether the selection old−i1−i2+j1+j2 comes before old
// by date: its earliest applicant not in both applied earlier.
func (s *solver) before(old []bool, j1, j2, i1, i2 int) bool {
	inNew := func(x int) bool { return x == j1 || x == j2 || old[x] && x != i1 && x != i2 }
	first := -1
	for _, x := range [4]int{i1, i2, j1, j2} {
		if inNew(x) != old[x] && (first < 0 || x < first) {
			first = x
		}
	}
	return first >= 0 && inNew(first)
}

// swapBefore reports whether the selection S−i+j comes before S−i2+j2 by
// date: its earliest applicant not in both applied earlier. i2 < 0 stands
// for S itself. While it runs, i is out of S (st.in[i] is false).
func (s *solver) swapBefore(st *state, i, j, i2, j2 int) bool {
	inS := func(x int) bool { return x == i || st.in[x] }
	inA := func(x int) bool { return x != i && (x == j || inS(x)) }
	inB := func(x int) bool {
		if i2 < 0 {
			return inS(x)
		}
		return x != i2 && (x == j2 || inS(x))
	}
	first := -1
	for _, x := range [4]int{i, j, i2, j2} {
		if x >= 0 && inA(x) != inB(x) && (first < 0 || x < first) {
			first = x
		}
	}
	return first >= 0 && inA(first)
}
