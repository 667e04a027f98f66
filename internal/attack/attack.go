// Package attack plays a reader who wants to recompute withheld counts
// from published tables. Tests describe what a reader knows as a System:
// every count the tables withhold (and every count they never print but
// that takes part in a relation a reader can form) is an unknown, a
// non-negative integer; every relation is a linear equation over the
// unknowns with the published counts moved to the right-hand side. The
// attacker then asks, for each unknown, which values it can take over all
// non-negative integer solutions.
//
// It shares no code with package disclosure: it knows nothing of how the
// tables were protected, so it finds what the protection missed. The
// search is bounds propagation (each equation narrows the interval of
// each of its unknowns, integer-rounded, to a fixpoint) with a depth-first
// search over the unknowns connected to the one asked about, trying the
// true values first; a query that needs more than Limit search nodes is
// reported as undecided, never as safe.
package attack

import (
	"fmt"
	"sort"
	"strings"
)

// Inf stands for "no upper bound" in Bounds.
const Inf = int64(1) << 50

// Term is Coef·x for the unknown Var.
type Term struct {
	Var  int
	Coef int64
}

// System is a set of non-negative integer unknowns and linear equations
// between them. The zero value is ready to use.
type System struct {
	names  []string
	truth  []int64
	rows   []row
	rowsOf [][]int
	errs   []string

	// Limit is the number of search nodes one query may use; 0 means
	// 200 000.
	Limit int
}

type row struct {
	terms []Term
	rhs   int64
	text  string
}

// Var adds an unknown with its true value, which the reader does not see:
// the attacker uses it only as the first guess of its search and to say
// whether another value is possible.
func (s *System) Var(name string, truth int64) int {
	s.names = append(s.names, name)
	s.truth = append(s.truth, truth)
	s.rowsOf = append(s.rowsOf, nil)
	if truth < 0 {
		s.errs = append(s.errs, fmt.Sprintf("%s has a negative true value", name))
	}
	return len(s.names) - 1
}

// Name returns the name of unknown v.
func (s *System) Name(v int) string { return s.names[v] }

// Truth returns the true value of unknown v.
func (s *System) Truth(v int) int64 { return s.truth[v] }

// Len returns the number of unknowns.
func (s *System) Len() int { return len(s.names) }

// Equal adds the equation Σ terms = rhs; text says where it comes from,
// for messages. Terms of the same unknown are merged. An equation without
// unknowns must hold (0 = rhs); one that does not, or one the true values
// do not satisfy, is an error of the reader's model (Err).
func (s *System) Equal(text string, rhs int64, terms ...Term) {
	coef := map[int]int64{}
	for _, t := range terms {
		coef[t.Var] += t.Coef
	}
	r := row{rhs: rhs, text: text}
	for v, c := range coef {
		if c != 0 {
			r.terms = append(r.terms, Term{v, c})
		}
	}
	sort.Slice(r.terms, func(i, j int) bool { return r.terms[i].Var < r.terms[j].Var })
	sum := int64(0)
	for _, t := range r.terms {
		sum += t.Coef * s.truth[t.Var]
	}
	if sum != rhs {
		s.errs = append(s.errs, fmt.Sprintf("%s: the true values give %d, not %d", text, sum, rhs))
		return
	}
	if len(r.terms) == 0 {
		return
	}
	for _, t := range r.terms {
		s.rowsOf[t.Var] = append(s.rowsOf[t.Var], len(s.rows))
	}
	s.rows = append(s.rows, r)
}

// Err reports mistakes in the model: equations the true values break.
func (s *System) Err() error {
	if len(s.errs) == 0 {
		return nil
	}
	return fmt.Errorf("attack: %s", strings.Join(s.errs, "; "))
}

// Equations returns the number of equations with an unknown.
func (s *System) Equations() int { return len(s.rows) }

// solver holds the bounds of every unknown during a search; changes are
// undone from a trail.
type solver struct {
	s      *System
	lo, hi []int64
	trail  []change
	queue  []int
	queued []bool
	nodes  int
	limit  int
	// incomplete is set when a search stopped early or skipped values, so
	// that "no solution" is not a proof.
	incomplete bool
}

type change struct {
	v      int
	lo, hi int64
}

func (s *System) newSolver() *solver {
	z := &solver{s: s, lo: make([]int64, len(s.names)), hi: make([]int64, len(s.names)), queued: make([]bool, len(s.rows))}
	for v := range z.hi {
		z.hi[v] = Inf
	}
	z.limit = s.Limit
	if z.limit == 0 {
		z.limit = 200_000
	}
	return z
}

// restrict narrows v to [lo, hi] and queues its equations; false when the
// interval becomes empty.
func (z *solver) restrict(v int, lo, hi int64) bool {
	lo, hi = max(lo, z.lo[v]), min(hi, z.hi[v])
	if lo == z.lo[v] && hi == z.hi[v] {
		return true
	}
	if lo > hi {
		return false
	}
	z.trail = append(z.trail, change{v, z.lo[v], z.hi[v]})
	z.lo[v], z.hi[v] = lo, hi
	for _, r := range z.s.rowsOf[v] {
		if !z.queued[r] {
			z.queued[r] = true
			z.queue = append(z.queue, r)
		}
	}
	return true
}

func (z *solver) undo(mark int) {
	for len(z.trail) > mark {
		c := z.trail[len(z.trail)-1]
		z.trail = z.trail[:len(z.trail)-1]
		z.lo[c.v], z.hi[c.v] = c.lo, c.hi
	}
}

func (z *solver) clearQueue() {
	for _, r := range z.queue {
		z.queued[r] = false
	}
	z.queue = z.queue[:0]
}

// propagate narrows the bounds until no equation narrows them further;
// false when an equation cannot hold. Bounds can creep towards each other
// one step per round (x − y = 1, y − x = 1); after 50 rounds' worth of
// equations it stops, and a search counts as incomplete.
func (z *solver) propagate() bool {
	budget := 50*len(z.s.rows) + 100
	for len(z.queue) > 0 {
		if budget--; budget < 0 {
			z.clearQueue()
			z.incomplete = true
			return false
		}
		r := z.queue[0]
		z.queue = z.queue[1:]
		z.queued[r] = false
		if !z.propagateRow(r) {
			z.clearQueue()
			return false
		}
	}
	return true
}

// propagateRow applies one equation Σ a·x = b: each a·x lies in b minus
// the range of the other terms.
func (z *solver) propagateRow(r int) bool {
	x := z.s.rows[r]
	// Sums of the finite bounds of the terms, and how many terms have an
	// infinite one (only an upper bound can be infinite, so a term is
	// −∞ below when a < 0, +∞ above when a > 0).
	var sumLo, sumHi int64
	infLo, infHi := 0, 0
	for _, t := range x.terms {
		l, h := z.contribution(t)
		if l == -Inf {
			infLo++
		} else {
			sumLo += l
		}
		if h == Inf {
			infHi++
		} else {
			sumHi += h
		}
	}
	if infLo == 0 && sumLo > x.rhs || infHi == 0 && sumHi < x.rhs {
		return false
	}
	for _, t := range x.terms {
		l, h := z.contribution(t)
		// The others' range: [restLo, restHi].
		restLo, restLoInf := sumLo, infLo > 0
		if l == -Inf {
			restLoInf = infLo > 1
		} else {
			restLo -= l
		}
		restHi, restHiInf := sumHi, infHi > 0
		if h == Inf {
			restHiInf = infHi > 1
		} else {
			restHi -= h
		}
		// a·x ∈ [rhs − restHi, rhs − restLo].
		L, U := -Inf, Inf
		if !restHiInf {
			L = x.rhs - restHi
		}
		if !restLoInf {
			U = x.rhs - restLo
		}
		var lo, hi int64 = 0, Inf
		a := t.Coef
		if a > 0 {
			if L != -Inf {
				lo = ceilDiv(L, a)
			}
			if U != Inf {
				hi = floorDiv(U, a)
			}
		} else {
			if U != Inf {
				lo = ceilDiv(U, a)
			}
			if L != -Inf {
				hi = floorDiv(L, a)
			}
		}
		if !z.restrict(t.Var, lo, hi) {
			return false
		}
	}
	return true
}

// contribution returns the range of a·x for the term, with ±Inf for an
// unbounded side.
func (z *solver) contribution(t Term) (lo, hi int64) {
	l, h := z.lo[t.Var], z.hi[t.Var]
	if t.Coef > 0 {
		lo = t.Coef * l
		hi = Inf
		if h != Inf {
			hi = t.Coef * h
		}
		return lo, hi
	}
	hi = t.Coef * l
	lo = -Inf
	if h != Inf {
		lo = t.Coef * h
	}
	return lo, hi
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func ceilDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) == (b < 0)) {
		q++
	}
	return q
}
