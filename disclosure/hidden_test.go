package disclosure

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas/internal/attack"
)

// attackCheck is a second checker, for sets with hidden cells, where
// bruteForce's search is slow: the reader of internal/attack, with every
// shown cell known and every withheld or hidden cell unknown, must find a
// second value for every withheld cell with N > 0.
func attackCheck(s *Set, r *Result) error {
	var sys attack.System
	vars := map[string]int{}
	var targets []int
	for _, c := range s.Cells() {
		if !r.Suppressed(c.Key) {
			continue
		}
		vars[c.Key] = sys.Var(c.Key, int64(c.N))
		if !c.Hidden && c.N > 0 {
			targets = append(targets, vars[c.Key])
		}
	}
	for _, rel := range s.Relations() {
		var terms []attack.Term
		rhs := int64(0)
		for i, k := range append([]string{rel.Total}, rel.Parts...) {
			sign := int64(-1)
			if i == 0 {
				sign = 1
			}
			if v, ok := vars[k]; ok {
				terms = append(terms, attack.Term{Var: v, Coef: sign})
			} else {
				rhs -= sign * int64(s.n[k])
			}
		}
		sys.Equal(rel.Total, rhs, terms...)
	}
	a, err := sys.Attack(r.K)
	if err != nil {
		return err
	}
	if f := a.Check(targets, nil); len(f) > 0 {
		return fmt.Errorf("%v", f)
	}
	return nil
}

// genAcrossWaves: two breakdowns (categories v and groups of them, as
// kinds make up sectors) in two consecutive waves, with totals and flows.
// Who stayed keeps their category, so each category of the later wave is
// those of it who stayed plus its entries, of the earlier wave those who
// stayed plus its exits; the flows by category are hidden. Most people
// stay, as in a quiet year, which ties the two waves closely.
func genAcrossWaves(rng *rand.Rand) *Set {
	var s Set
	var w0, w1, st, en, ex []string
	var n0, n1, ns, ne, nx []int
	groups := map[string][2][]string{}
	gn := map[string][2]int{}
	for i := range 2 + rng.IntN(4) {
		v := fmt.Sprintf("v%d", i)
		g := fmt.Sprintf("g%d", rng.IntN(2))
		stayed := smallCount(rng)
		entries, exits := 0, 0
		if rng.IntN(4) == 0 {
			entries = smallCount(rng)
		}
		if rng.IntN(4) == 0 {
			exits = smallCount(rng)
		}
		s.Hide("stayed/"+v, stayed)
		s.Hide("entries/"+v, entries)
		s.Hide("exits/"+v, exits)
		s.Add("w0/"+v, stayed+exits)
		s.Add("w1/"+v, stayed+entries)
		s.Sum("w0/"+v, "stayed/"+v, "exits/"+v)
		s.Sum("w1/"+v, "stayed/"+v, "entries/"+v)
		w0, w1, st, en, ex = append(w0, "w0/"+v), append(w1, "w1/"+v), append(st, "stayed/"+v), append(en, "entries/"+v), append(ex, "exits/"+v)
		n0, n1, ns, ne, nx = append(n0, stayed+exits), append(n1, stayed+entries), append(ns, stayed), append(ne, entries), append(nx, exits)
		gr, n := groups[g], gn[g]
		gr[0], gr[1] = append(gr[0], "w0/"+v), append(gr[1], "w1/"+v)
		n[0], n[1] = n[0]+stayed+exits, n[1]+stayed+entries
		groups[g], gn[g] = gr, n
	}
	sum(&s, "cdos0", w0, n0)
	sum(&s, "cdos1", w1, n1)
	sum(&s, "stayed", st, ns)
	sum(&s, "entries", en, ne)
	sum(&s, "exits", ex, nx)
	s.Sum("cdos0", "stayed", "exits")
	s.Sum("cdos1", "stayed", "entries")
	var gk [2][]string
	for g, gr := range groups {
		for w := range 2 {
			k := fmt.Sprintf("w%d/group/%s", w, g)
			s.Add(k, gn[g][w])
			s.Sum(k, gr[w]...)
			gk[w] = append(gk[w], k)
		}
	}
	s.Sum("cdos0", gk[0]...)
	s.Sum("cdos1", gk[1]...)
	return &s
}

// TestRandomAcrossWaves protects random breakdowns of two waves with
// hidden flows and checks them with checkRelations and attackCheck.
func TestRandomAcrossWaves(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	rng := rand.New(rand.NewPCG(20261203, 7))
	withheld, exposedWithoutAudit := 0, 0
	for i := range n {
		s := genAcrossWaves(rng)
		k := 2 + rng.IntN(3)
		r, err := Protect(s, k)
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
		if err := checkRelations(s, r); err != nil {
			t.Fatalf("instance %d, k=%d: %v\n%v", i, k, err, dump(s))
		}
		if err := attackCheck(s, r); err != nil {
			t.Fatalf("instance %d, k=%d: %v\n%v", i, k, err, dump(s))
		}
		withheld += len(r.Keys(Primary)) + len(r.Keys(Secondary))
		if r0, _ := protect(s, k, false); attackCheck(s, r0) != nil {
			exposedWithoutAudit++
		}
	}
	t.Logf("%d tables verified, %d cells withheld; without the audit %d tables would expose a cell", n, withheld, exposedWithoutAudit)
}

// Nobody entered or left: the later wave is the earlier one, so a
// category withheld in one wave must not be shown in the other.
func TestProtectAcrossWaves(t *testing.T) {
	var s Set
	cats := map[string]int{"a": 20, "b": 1, "c": 9}
	var w0, w1, st, zero []string
	for c, n := range cats {
		s.Hide("stayed/"+c, n)
		s.Hide("entries/"+c, 0)
		s.Hide("exits/"+c, 0)
		s.Add("w0/"+c, n)
		s.Add("w1/"+c, n)
		s.Sum("w0/"+c, "stayed/"+c, "exits/"+c)
		s.Sum("w1/"+c, "stayed/"+c, "entries/"+c)
		w0, w1, st = append(w0, "w0/"+c), append(w1, "w1/"+c), append(st, "stayed/"+c)
		zero = append(zero, "entries/"+c, "exits/"+c)
	}
	s.Add("cdos0", 30)
	s.Add("cdos1", 30)
	s.Add("stayed", 30)
	s.Add("entries", 0)
	s.Add("exits", 0)
	s.Sum("cdos0", w0...)
	s.Sum("cdos1", w1...)
	s.Sum("stayed", st...)
	s.Sum("entries", zero[0], zero[2], zero[4])
	s.Sum("exits", zero[1], zero[3], zero[5])
	s.Sum("cdos1", "stayed", "entries")
	s.Sum("cdos0", "stayed", "exits")
	r := mustProtect(t, &s, 3)
	if err := bruteForce(&s, r, 0); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"b", "c"} {
		if r.Suppressed("w0/"+c) != r.Suppressed("w1/"+c) {
			t.Errorf("%s: withheld in one wave only (w0 %v, w1 %v)", c, r.Suppressed("w0/"+c), r.Suppressed("w1/"+c))
		}
	}
	if !r.Suppressed("w1/b") {
		t.Error("a single person's category is shown")
	}
	// Hidden cells are never shown, and alone they need no legend.
	if st, _ := r.Status("stayed/a"); st != Hidden || r.Text("stayed/a") != Symbol {
		t.Errorf("hidden cell: %v %q", st, r.Text("stayed/a"))
	}
}

func TestHiddenNeedsNoLegend(t *testing.T) {
	var s Set
	s.Add("t", 10)
	s.Add("a", 4)
	s.Hide("b", 6)
	s.Sum("t", "a", "b")
	r := mustProtect(t, &s, 3)
	if got := r.Legend("en"); got != "" {
		t.Errorf("legend %q with nothing withheld", got)
	}
	if r.Suppressed("a") || r.Suppressed("t") {
		t.Error("a hidden part alone makes its relation withhold more")
	}
}

func TestHiddenAndPublished(t *testing.T) {
	var s Set
	s.Add("a", 1)
	s.Hide("a", 1)
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "hidden") {
		t.Errorf("a key both hidden and not: %v", err)
	}
}
