package attack

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// sumOf declares total = Σ parts, where a known count is given as a
// negative unknown index −1 − n (see known) and an unknown as its index.
type side struct {
	v     int // unknown, or −1
	known int64
}

func unknown(v int) side { return side{v: v} }
func known(n int64) side { return side{v: -1, known: n} }
func sum(s *System, total side, parts ...side) {
	var terms []Term
	rhs := int64(0)
	add := func(x side, c int64) {
		if x.v >= 0 {
			terms = append(terms, Term{x.v, c})
		} else {
			rhs -= c * x.known
		}
	}
	add(total, 1)
	for _, p := range parts {
		add(p, -1)
	}
	s.Equal("sum", rhs, terms...)
}

// The shape of issue #10: Austria 5, Burgenland withheld, Upper Austria 4,
// the other regions 0. Burgenland is 1 and a reader sees it.
func TestCountryFromRegions(t *testing.T) {
	var s System
	bgld := s.Var("AT-1", 1)
	parts := []side{unknown(bgld)}
	for r := 2; r <= 9; r++ {
		n := int64(0)
		if r == 4 {
			n = 4
		}
		parts = append(parts, known(n))
	}
	sum(&s, known(5), parts...)
	a, err := s.Attack(3)
	if err != nil {
		t.Fatal(err)
	}
	f := a.Check([]int{bgld}, []int{bgld})
	if len(f) != 2 || f[0].Problem != "determined" || f[0].Min != 1 || f[0].Max != 1 {
		t.Fatalf("got %v, want AT-1 determined as 1", f)
	}

	// With a second region withheld (Upper Austria), Burgenland can be
	// 0 … 5.
	var s2 System
	bgld, ooe := s2.Var("AT-1", 1), s2.Var("AT-4", 4)
	sum(&s2, known(5), unknown(bgld), known(0), known(0), unknown(ooe), known(0), known(0), known(0), known(0), known(0))
	a, err = s2.Attack(3)
	if err != nil {
		t.Fatal(err)
	}
	if f := a.Check([]int{bgld, ooe}, []int{bgld}); len(f) != 0 {
		t.Errorf("findings %v", f)
	}
	if lo, hi, exact := a.Range(bgld); lo != 0 || hi != 5 || !exact {
		t.Errorf("range %d…%d (exact %v), want 0…5", lo, hi, exact)
	}
}

// Integrality and non-negativity can pin a value that no single equation
// gives: 5a + 3b = 14 has the one solution a = 1, b = 3.
func TestPinnedByIntegrality(t *testing.T) {
	var s System
	a, b := s.Var("a", 1), s.Var("b", 3)
	s.Equal("5a+3b", 14, Term{a, 5}, Term{b, 3})
	att, err := s.Attack(3)
	if err != nil {
		t.Fatal(err)
	}
	if got := att.Determined(a); got != Yes {
		t.Errorf("a determined: %v", got)
	}
	if got := att.Determined(b); got != Yes {
		t.Errorf("b determined: %v", got)
	}
}

// A two-way table with its margins, four cells withheld around a cycle:
// none is determined, and a row sum minus a column sum does not give one.
func TestTwoWayCycle(t *testing.T) {
	var s System
	// Rows r1 = 10, r2 = 7; columns c1 = 8, c2 = 9.
	// Cells: x11 = 1 (withheld), x12 = 9 (shown)…
	x11, x12, x21, x22 := s.Var("x11", 1), s.Var("x12", 9), s.Var("x21", 7), s.Var("x22", 0)
	sum(&s, known(10), unknown(x11), unknown(x12))
	sum(&s, known(7), unknown(x21), unknown(x22))
	sum(&s, known(8), unknown(x11), unknown(x21))
	sum(&s, known(9), unknown(x12), unknown(x22))
	att, err := s.Attack(3)
	if err != nil {
		t.Fatal(err)
	}
	if f := att.Check([]int{x11, x12, x21}, []int{x11}); len(f) != 0 {
		t.Errorf("findings %v", f)
	}
	if lo, hi, _ := att.Range(x11); lo != 1 || hi != 8 {
		// x11 ≥ 10 − 9 … since x12 ≤ 9 (column) and x11 ≤ 8.
		t.Errorf("x11 in %d…%d, want 1…8", lo, hi)
	}
	// …so a reader learns that x11 is not 0, but it can be 3 or more.
	if got := att.Small(x11); got != No {
		t.Errorf("x11 small: %v", got)
	}
}

// A withheld count a reader knows to be 1 or 2: a + b = 2 with a ≥ 1 from
// a − c = 1.
func TestSmall(t *testing.T) {
	var s System
	a, b, c := s.Var("a", 1), s.Var("b", 1), s.Var("c", 0)
	s.Equal("a+b", 2, Term{a, 1}, Term{b, 1})
	s.Equal("a−c", 1, Term{a, 1}, Term{c, -1})
	att, err := s.Attack(3)
	if err != nil {
		t.Fatal(err)
	}
	f := att.Check([]int{a, b}, []int{a, b})
	if len(f) != 1 || f[0].Name != "a" || f[0].Min != 1 || f[0].Max != 2 {
		t.Errorf("findings %v, want a known to be 1…2", f)
	}
}

func TestWrongModel(t *testing.T) {
	var s System
	a := s.Var("a", 2)
	s.Equal("a = 3", 3, Term{a, 1})
	if _, err := s.Attack(3); err == nil {
		t.Error("an equation the true values break is accepted")
	}
}

// Against brute force on small random systems: Range, Determined and
// Small agree with enumerating every table of values up to 10. Half the
// systems have a row that bounds every unknown (as a published total
// does); on those the attacker must be exact, on the others it may say
// undecided but must never be wrong.
func TestAgainstEnumeration(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const top = 10 // 5 unknowns of at most 2 each: every solution of a bounded system
	exactOnes := 0
	for n := 0; n < 400; n++ {
		s := System{Limit: 2_000}
		nv := 2 + rng.IntN(4)
		truth := make([]int64, nv)
		for v := range nv {
			truth[v] = int64(rng.IntN(3))
			s.Var(fmt.Sprint("x", v), truth[v])
		}
		type eq struct {
			c   []int64
			rhs int64
		}
		var eqs []eq
		bounded := n%2 == 0
		for i := range 1 + rng.IntN(3) {
			e := eq{c: make([]int64, nv)}
			var terms []Term
			for v := range nv {
				switch {
				case bounded && i == 0:
					e.c[v] = 1
				case rng.IntN(2) == 0:
					e.c[v] = int64(rng.IntN(5) - 2)
				}
				e.rhs += e.c[v] * truth[v]
				terms = append(terms, Term{v, e.c[v]})
			}
			eqs = append(eqs, e)
			s.Equal("random", e.rhs, terms...)
		}
		att, err := s.Attack(3)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi := make([]int64, nv), make([]int64, nv)
		for v := range nv {
			lo[v], hi[v] = top+1, -1
		}
		x := make([]int64, nv)
		var rec func(i int)
		rec = func(i int) {
			if i == nv {
				for _, e := range eqs {
					s := int64(0)
					for v := range nv {
						s += e.c[v] * x[v]
					}
					if s != e.rhs {
						return
					}
				}
				for v := range nv {
					lo[v], hi[v] = min(lo[v], x[v]), max(hi[v], x[v])
				}
				return
			}
			for x[i] = 0; x[i] <= top; x[i]++ {
				rec(i + 1)
			}
		}
		rec(0)
		for v := range nv {
			gotLo, gotHi, exact := att.Range(v)
			det, small := att.Determined(v), att.Small(v)
			if bounded && (!exact || det == Undecided || small == Undecided) {
				t.Fatalf("system %d, x%d: undecided although bounded (range %d…%d, determined %v, small %v)", n, v, gotLo, gotHi, det, small)
			}
			// Sound: what the attacker proves holds for every solution
			// the enumeration saw.
			if lo[v] < gotLo || hi[v] > gotHi {
				t.Fatalf("system %d, x%d: range %d…%d misses enumerated %d…%d", n, v, gotLo, gotHi, lo[v], hi[v])
			}
			if det == Yes && lo[v] != hi[v] || small == Yes && (lo[v] < 1 || hi[v] > 2) {
				t.Fatalf("system %d, x%d: determined %v, small %v, enumeration %d…%d", n, v, det, small, lo[v], hi[v])
			}
			if !bounded {
				continue
			}
			if gotLo != lo[v] || gotHi != hi[v] {
				t.Fatalf("system %d, x%d: range %d…%d, enumeration %d…%d", n, v, gotLo, gotHi, lo[v], hi[v])
			}
			if (det == Yes) != (lo[v] == hi[v]) || (small == Yes) != (lo[v] >= 1 && hi[v] <= 2) {
				t.Fatalf("system %d, x%d: determined %v, small %v, enumeration %d…%d", n, v, det, small, lo[v], hi[v])
			}
			exactOnes++
		}
	}
	if exactOnes < 300 {
		t.Errorf("only %d unknowns compared exactly", exactOnes)
	}
}
