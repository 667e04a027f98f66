package disclosure

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The checkers here are independent of protect.go and audit.go: they look
// only at the Set and the Result.

// checkRelations reports a relation with exactly one withheld member that
// is not hidden.
func checkRelations(s *Set, r *Result) error {
	for _, rel := range s.Relations() {
		n, hidden := 0, false
		for _, k := range append([]string{rel.Total}, rel.Parts...) {
			if r.Suppressed(k) {
				n++
			}
			if st, _ := r.Status(k); st == Hidden {
				hidden = true
			}
		}
		if n == 1 && !hidden {
			return fmt.Errorf("relation %s = %v has one withheld member", rel.Total, rel.Parts)
		}
	}
	return nil
}

// bruteForce searches, for every withheld cell with N > 0 (hidden cells
// are unknowns, but need no second value), a table of
// non-negative integers that agrees with every shown cell and relation and
// gives that cell another count. It fails when there is none with counts up
// to 2·max+2, or when a search takes more than limit steps (0: 2 000 000).
func bruteForce(s *Set, r *Result, limit int) error {
	if limit == 0 {
		limit = 2_000_000
	}
	cells := s.Cells()
	idx := map[string]int{}
	b := &search{limit: limit}
	maxN := 0
	for i, c := range cells {
		idx[c.Key] = i
		b.truth = append(b.truth, c.N)
		b.val = append(b.val, c.N)
		b.fixed = append(b.fixed, !r.Suppressed(c.Key))
		maxN = max(maxN, c.N)
	}
	b.m = 2*maxN + 2
	b.relsOf = make([][]int, len(cells))
	for ri, rel := range s.Relations() {
		x := []int{idx[rel.Total]}
		for _, p := range rel.Parts {
			x = append(x, idx[p])
		}
		b.rels = append(b.rels, x)
		for _, c := range x {
			b.relsOf[c] = append(b.relsOf[c], ri)
		}
	}
	for j, c := range cells {
		if b.fixed[j] || c.N == 0 || c.Hidden {
			continue
		}
		b.order = b.bfs(j)
		b.target, b.steps = j, 0
		for _, v := range b.order {
			b.set[v] = false
		}
		ok := b.dfs(0)
		switch {
		case b.steps > b.limit:
			return fmt.Errorf("search for %s gave up after %d steps", c.Key, b.limit)
		case !ok:
			return fmt.Errorf("withheld cell %s = %d is the only possible value", c.Key, c.N)
		}
	}
	return nil
}

type search struct {
	truth, val []int
	fixed, set []bool // fixed: shown; set: assigned in the current search
	m          int
	rels       [][]int // total first, then parts
	relsOf     [][]int
	order      []int
	target     int
	steps      int
	limit      int
}

// bfs orders the unknowns from j outwards through the relations, so that
// relations close early and prune.
func (b *search) bfs(j int) []int {
	if b.set == nil {
		b.set = make([]bool, len(b.truth))
	}
	seen := map[int]bool{j: true}
	order := []int{j}
	for q := 0; q < len(order); q++ {
		for _, r := range b.relsOf[order[q]] {
			for _, c := range b.rels[r] {
				if !b.fixed[c] && !seen[c] {
					seen[c] = true
					order = append(order, c)
				}
			}
		}
	}
	return order // unknowns not reached from j do not matter
}

func (b *search) known(c int) bool { return b.fixed[c] || b.set[c] }

// possible reports whether relation r can still hold: total − Σ parts
// must be able to reach 0 with the unassigned cells in 0…m.
func (b *search) possible(r int) bool {
	lo, hi := 0, 0
	for i, c := range b.rels[r] {
		sign := -1
		if i == 0 {
			sign = 1
		}
		if b.known(c) {
			lo += sign * b.val[c]
			hi += sign * b.val[c]
		} else if sign > 0 {
			hi += b.m
		} else {
			lo -= b.m
		}
	}
	return lo <= 0 && 0 <= hi
}

func (b *search) dfs(i int) bool {
	if i == len(b.order) {
		return true
	}
	b.steps++
	if b.steps > b.limit {
		return false
	}
	c := b.order[i]
	t := b.truth[c]
	for d := 0; d <= b.m; d++ {
		for _, v := range []int{t + d, t - d} {
			if v < 0 || v > b.m {
				continue
			}
			if c == b.target && v == t {
				continue
			}
			b.val[c], b.set[c] = v, true
			ok := true
			for _, r := range b.relsOf[c] {
				if !b.possible(r) {
					ok = false
					break
				}
			}
			if ok && b.dfs(i+1) {
				b.set[c] = false
				b.val[c] = t
				return true
			}
			b.set[c] = false
			b.val[c] = t
			if d == 0 {
				break
			}
		}
	}
	return false
}

// TestRandomTables protects many small random tables with a fixed seed and
// checks each with both checkers.
func TestRandomTables(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 200
	}
	for si, shape := range shapes {
		t.Run(shape.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(20240101, uint64(si)))
			withheld, exposedWithoutAudit := 0, 0
			for i := range n {
				s := shape.gen(rng)
				k := 2 + rng.IntN(3)
				r, err := Protect(s, k)
				if err != nil {
					t.Fatalf("instance %d: %v", i, err)
				}
				if err := checkRelations(s, r); err != nil {
					t.Fatalf("instance %d, k=%d: %v\n%v", i, k, err, dump(s))
				}
				if err := bruteForce(s, r, 0); err != nil {
					t.Fatalf("instance %d, k=%d: %v\n%v", i, k, err, dump(s))
				}
				withheld += len(r.Keys(Primary)) + len(r.Keys(Secondary))
				if r0, _ := protect(s, k, false); bruteForce(s, r0, 0) != nil {
					exposedWithoutAudit++
				}
			}
			t.Logf("%d tables verified, %d cells withheld; without the audit %d tables would expose a cell", n, withheld, exposedWithoutAudit)
		})
	}
}

func dump(s *Set) string {
	out := ""
	for _, c := range s.Cells() {
		out += fmt.Sprintf("%s=%d ", c.Key, c.N)
	}
	for _, r := range s.Relations() {
		out += fmt.Sprintf("\n%s = %v", r.Total, r.Parts)
	}
	return out
}

// The checker must be able to fail: with a withheld cell alone in its
// relation, and with the two-way "bridge" that passes the per-relation
// test, it reports the cell.
func TestBruteForceFindsExposure(t *testing.T) {
	s := oneWay(10, 1, 9)
	r := &Result{K: 3, cells: map[string]cellResult{"total": {10, Shown}, "p0": {1, Primary}, "p1": {9, Shown}}}
	if err := bruteForce(s, r, 0); err == nil {
		t.Error("a cell alone in its relation passes")
	}

	// Two 2×2 cycles of withheld cells joined by r1/c2, a cell in no
	// cycle: every row and column has 0 or 2+ withheld cells, yet r1/c2
	// = (rows 0,1 withheld sum) − (columns 0,1 withheld sum).
	s = twoWay([][]int{
		{5, 5, 0, 0},
		{5, 5, 1, 0},
		{0, 0, 5, 5},
		{0, 0, 5, 5},
	})
	r = &Result{K: 3, cells: map[string]cellResult{}}
	for _, c := range s.Cells() {
		r.cells[c.Key] = cellResult{c.N, Shown}
	}
	for _, k := range []string{"r0/c0", "r0/c1", "r1/c0", "r1/c1", "r1/c2", "r2/c2", "r2/c3", "r3/c2", "r3/c3"} {
		r.cells[k] = cellResult{r.cells[k].n, Secondary}
	}
	if err := checkRelations(s, r); err != nil {
		t.Fatal(err)
	}
	if err := bruteForce(s, r, 0); err == nil {
		t.Error("the bridge passes")
	}
	// Protect itself handles the same table.
	r = mustProtect(t, s, 3)
	if err := bruteForce(s, r, 0); err != nil {
		t.Error(err)
	}
}
