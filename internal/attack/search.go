package attack

import (
	"fmt"
)

// Answer is the outcome of a question to the Attacker.
type Answer int8

const (
	No        Answer = iota // proved: there is no such solution
	Yes                     // a solution was found
	Undecided               // the search hit its limit
)

func (a Answer) String() string {
	return [...]string{"no", "yes", "undecided"}[a]
}

// Attacker answers questions about the solutions of a System: tables of
// non-negative integers that satisfy every equation.
type Attacker struct {
	s      *System
	z      *solver
	rootLo []int64 // bounds after propagating the equations alone
	rootHi []int64
	k      int64
	// Per unknown, whether a solution found so far puts it below, above
	// its true value, at zero, at k or more.
	below, above, zero, atK []bool
	Queries                 int // searches run
}

// Attack prepares an Attacker for s with threshold k (counts 1 … k−1 are
// the sensitive ones). It fails when the model is wrong: an equation the
// true values break.
func (s *System) Attack(k int) (*Attacker, error) {
	if err := s.Err(); err != nil {
		return nil, err
	}
	z := s.newSolver()
	for r := range s.rows {
		z.queued[r] = true
		z.queue = append(z.queue, r)
	}
	if !z.propagate() && !z.incomplete {
		return nil, fmt.Errorf("attack: the equations have no solution, yet the true values are one")
	}
	if z.incomplete {
		z.undo(0) // keep only what a complete propagation proved
		z.incomplete = false
	}
	z.trail = z.trail[:0]
	n := len(s.names)
	a := &Attacker{s: s, z: z, k: int64(k), rootLo: append([]int64(nil), z.lo...), rootHi: append([]int64(nil), z.hi...),
		below: make([]bool, n), above: make([]bool, n), zero: make([]bool, n), atK: make([]bool, n)}
	for v := range n {
		a.record(v, s.truth[v])
	}
	return a, nil
}

// Bounds returns the interval of v that the equations give by
// propagation alone (hi is Inf when there is no upper bound). It contains
// every solution's value; Range is exact.
func (a *Attacker) Bounds(v int) (lo, hi int64) { return a.rootLo[v], a.rootHi[v] }

func (a *Attacker) record(v int, x int64) {
	t := a.s.truth[v]
	a.below[v] = a.below[v] || x < t
	a.above[v] = a.above[v] || x > t
	a.zero[v] = a.zero[v] || x == 0
	a.atK[v] = a.atK[v] || x >= a.k
}

// Feasible reports whether some solution has lo ≤ v ≤ hi.
func (a *Attacker) Feasible(v int, lo, hi int64) Answer {
	a.Queries++
	z := a.z
	z.nodes, z.incomplete = 0, false
	defer func() { z.undo(0); z.clearQueue() }()
	if !z.restrict(v, lo, hi) || !z.propagate() {
		if z.incomplete {
			return Undecided
		}
		return No
	}
	order := a.component(v)
	if z.dfs(order, 0) {
		for _, u := range order {
			a.record(u, z.lo[u])
		}
		return Yes
	}
	if z.incomplete {
		return Undecided
	}
	return No
}

// component lists the unknowns connected to v by equations, nearest
// first, leaving out those the equations alone fix: only they can change
// when v does.
func (a *Attacker) component(v int) []int {
	seen := map[int]bool{v: true}
	order := []int{v}
	rowSeen := map[int]bool{}
	for i := 0; i < len(order); i++ {
		for _, r := range a.s.rowsOf[order[i]] {
			if rowSeen[r] {
				continue
			}
			rowSeen[r] = true
			for _, t := range a.s.rows[r].terms {
				u := t.Var
				if !seen[u] && a.rootLo[u] != a.rootHi[u] {
					seen[u] = true
					order = append(order, u)
				}
			}
		}
	}
	return order
}

// maxTries is the number of values the search tries for one unknown
// before it gives up on proving that none fits.
const maxTries = 64

// dfs fixes the unknowns of order from i on, each to its true value if it
// can, else to the nearest values, propagating after each choice.
func (z *solver) dfs(order []int, i int) bool {
	for i < len(order) && z.lo[order[i]] == z.hi[order[i]] {
		i++
	}
	if i == len(order) {
		return true
	}
	z.nodes++
	if z.nodes > z.limit {
		z.incomplete = true
		return false
	}
	v := order[i]
	lo, hi := z.lo[v], z.hi[v]
	h := min(max(z.s.truth[v], lo), hi)
	tries := 0
	for d := int64(0); h+d <= hi || h-d >= lo; d++ {
		cands := []int64{h + d, h - d}
		if d == 0 {
			cands = cands[:1]
		}
		for _, x := range cands {
			if x < lo || x > hi {
				continue
			}
			if tries++; tries > maxTries {
				z.incomplete = true
				return false
			}
			mark := len(z.trail)
			if z.restrict(v, x, x) && z.propagate() && z.dfs(order, i+1) {
				return true
			}
			z.clearQueue()
			z.undo(mark)
			if z.nodes > z.limit {
				z.incomplete = true
				return false
			}
		}
	}
	return false
}

// Determined reports whether v has one value in every solution: No when a
// solution with another value exists.
func (a *Attacker) Determined(v int) Answer {
	t := a.s.truth[v]
	if a.below[v] || a.above[v] {
		return No
	}
	res := Yes
	if t > 0 {
		switch a.Feasible(v, 0, t-1) {
		case Yes:
			return No
		case Undecided:
			res = Undecided
		}
	}
	switch a.Feasible(v, t+1, Inf) {
	case Yes:
		return No
	case Undecided:
		res = Undecided
	}
	return res
}

// Small reports whether every solution puts v between 1 and k−1, so that
// a reader learns that it is a small count other than zero.
func (a *Attacker) Small(v int) Answer {
	if a.zero[v] || a.atK[v] {
		return No
	}
	res := Yes
	for _, iv := range [][2]int64{{0, 0}, {a.k, Inf}} {
		switch a.Feasible(v, iv[0], iv[1]) {
		case Yes:
			return No
		case Undecided:
			res = Undecided
		}
	}
	return res
}

// Range returns the smallest and largest value of v over all solutions
// (hi is Inf when it is larger than the true value plus 2²⁰); exact is
// false when a search was undecided, and then [lo, hi] only contains them.
func (a *Attacker) Range(v int) (lo, hi int64, exact bool) {
	t := a.s.truth[v]
	exact = true
	possible := func(l, h int64) bool {
		switch a.Feasible(v, l, h) {
		case Yes:
			return true
		case Undecided:
			exact = false
			return true
		}
		return false
	}
	// Smallest: the least m with a solution in [rootLo, m]; t is one.
	l, h := a.rootLo[v], t
	for l < h {
		if m := l + (h-l)/2; possible(a.rootLo[v], m) {
			h = m
		} else {
			l = m + 1
		}
	}
	lo = l
	// Largest: step up from t, doubling, then bisect.
	l, h = t, a.rootHi[v]
	for step := int64(1); l < h; {
		probe := min(l+step, h)
		if probe > t+1<<20 {
			return lo, Inf, exact
		}
		if possible(probe, a.rootHi[v]) {
			l = probe
			step *= 2
		} else {
			h = probe - 1
			step = 1
		}
	}
	return lo, l, exact
}

// Finding is an unknown a reader learns too much about.
type Finding struct {
	Var     int
	Name    string
	Truth   int64
	Problem string // "determined", "known to be 1…k−1", or "undecided"
	Min     int64  // the values it can take, as far as Range found them
	Max     int64
}

func (f Finding) String() string {
	hi := fmt.Sprint(f.Max)
	if f.Max == Inf {
		hi = "∞"
	}
	return fmt.Sprintf("%s = %d: %s (range %d…%s)", f.Name, f.Truth, f.Problem, f.Min, hi)
}

// Check asks, for each unknown in targets, whether a reader can recompute
// it, and for each in small (with a true value of 1 … k−1) also whether a
// reader learns that it lies in 1 … k−1. It returns what it found.
func (a *Attacker) Check(targets, small []int) []Finding {
	var out []Finding
	add := func(v int, problem string) {
		lo, hi, _ := a.Range(v)
		out = append(out, Finding{v, a.s.names[v], a.s.truth[v], problem, lo, hi})
	}
	for _, v := range targets {
		switch a.Determined(v) {
		case Yes:
			add(v, "determined")
		case Undecided:
			add(v, "undecided")
		}
	}
	for _, v := range small {
		if t := a.s.truth[v]; t < 1 || t >= a.k {
			continue
		}
		switch a.Small(v) {
		case Yes:
			add(v, fmt.Sprintf("known to be 1…%d", a.k-1))
		case Undecided:
			add(v, "undecided")
		}
	}
	return out
}
