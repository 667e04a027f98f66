package disclosure

import (
	"fmt"
	"math/rand/v2"
	"sort"
)

// Shapes of small random tables as the census has them.

func smallCount(rng *rand.Rand) int {
	switch x := rng.IntN(100); {
	case x < 20:
		return 0
	case x < 40:
		return 1
	case x < 55:
		return 2
	}
	return 3 + rng.IntN(7)
}

func sum(s *Set, total string, parts []string, n []int) {
	t := 0
	for _, v := range n {
		t += v
	}
	s.Add(total, t)
	s.Sum(total, parts...)
}

// genOneWay: a breakdown and its total.
func genOneWay(rng *rand.Rand) *Set {
	var s Set
	var keys []string
	var ns []int
	for i := range 2 + rng.IntN(5) {
		k, n := fmt.Sprintf("p%d", i), smallCount(rng)
		s.Add(k, n)
		keys, ns = append(keys, k), append(ns, n)
	}
	sum(&s, "total", keys, ns)
	return &s
}

// genHierarchy: regions within countries within the whole.
func genHierarchy(rng *rand.Rand) *Set {
	var s Set
	var countries []string
	var cn []int
	for c := range 2 + rng.IntN(2) {
		country := fmt.Sprintf("c%d", c)
		var keys []string
		var ns []int
		for r := range 2 + rng.IntN(3) {
			k, n := fmt.Sprintf("%s/r%d", country, r), smallCount(rng)
			s.Add(k, n)
			keys, ns = append(keys, k), append(ns, n)
		}
		sum(&s, country, keys, ns)
		t := 0
		for _, n := range ns {
			t += n
		}
		countries, cn = append(countries, country), append(cn, t)
	}
	sum(&s, "all", countries, cn)
	return &s
}

// twoWay: a table with row, column and grand totals.
func twoWay(rows [][]int) *Set {
	var s Set
	colTotals := make([]int, len(rows[0]))
	var rowKeys []string
	var rowTotals []int
	for i, row := range rows {
		var keys []string
		for j, n := range row {
			k := fmt.Sprintf("r%d/c%d", i, j)
			s.Add(k, n)
			keys = append(keys, k)
			colTotals[j] += n
		}
		rk := fmt.Sprintf("r%d/*", i)
		sum(&s, rk, keys, row)
		t := 0
		for _, n := range row {
			t += n
		}
		rowKeys, rowTotals = append(rowKeys, rk), append(rowTotals, t)
	}
	var colKeys []string
	for j := range colTotals {
		var keys []string
		for i := range rows {
			keys = append(keys, fmt.Sprintf("r%d/c%d", i, j))
		}
		ck := fmt.Sprintf("*/c%d", j)
		colKeys = append(colKeys, ck)
		sum(&s, ck, keys, func() []int {
			var ns []int
			for i := range rows {
				ns = append(ns, rows[i][j])
			}
			return ns
		}())
	}
	sum(&s, "*/*", rowKeys, rowTotals)
	s.Sum("*/*", colKeys...)
	return &s
}

func genTwoWay(rng *rand.Rand) *Set {
	rows := make([][]int, 2+rng.IntN(2))
	cols := 2 + rng.IntN(3)
	for i := range rows {
		for range cols {
			rows[i] = append(rows[i], smallCount(rng))
		}
	}
	return twoWay(rows)
}

// genFlows: two waves with stayed, entries, exits and moved, broken down
// by gender, and the later wave also by region.
func genFlows(rng *rand.Rand) *Set {
	var s Set
	genders := []string{"f", "m", "u"}[:2+rng.IntN(2)]
	tot := map[string][]int{}
	keys := map[string][]string{}
	for _, g := range genders {
		stayed, entries, exits := smallCount(rng), smallCount(rng), smallCount(rng)
		moved := rng.IntN(stayed + 1)
		vals := map[string]int{
			"stayed": stayed, "entries": entries, "exits": exits, "moved": moved,
			"same": stayed - moved, "cdos0": stayed + exits, "cdos1": stayed + entries,
		}
		for _, q := range []string{"stayed", "entries", "exits", "moved", "same", "cdos0", "cdos1"} {
			k := q + "/" + g
			s.Add(k, vals[q])
			tot[q] = append(tot[q], vals[q])
			keys[q] = append(keys[q], k)
		}
		s.Sum("cdos0/"+g, "stayed/"+g, "exits/"+g)
		s.Sum("cdos1/"+g, "stayed/"+g, "entries/"+g)
		s.Sum("stayed/"+g, "moved/"+g, "same/"+g) // same is not printed
	}
	for _, q := range []string{"stayed", "entries", "exits", "moved", "same", "cdos0", "cdos1"} {
		sum(&s, q, keys[q], tot[q])
	}
	s.Sum("cdos0", "stayed", "exits")
	s.Sum("cdos1", "stayed", "entries")
	s.Sum("stayed", "moved", "same")
	cdos1 := 0
	for _, n := range tot["cdos1"] {
		cdos1 += n
	}
	// Split cdos1 over regions at random.
	nr := 2 + rng.IntN(2)
	split := make([]int, nr)
	for range cdos1 {
		split[rng.IntN(nr)]++
	}
	var rk []string
	for i, n := range split {
		k := fmt.Sprintf("cdos1/region%d", i)
		s.Add(k, n)
		rk = append(rk, k)
	}
	s.Sum("cdos1", rk...)
	return &s
}

// genPartitions: cells are groups of people made of "atoms" (the finest
// cross-classification, here 3–8 of them), and every relation splits a
// group into disjoint groups, as every census breakdown does. Two or three
// random classification trees over the same atoms are built; a group
// reached in more than one tree is one cell. Two trees give a two-way table
// with margins; three give shapes no single table has.
func genPartitions(rng *rand.Rand) *Set {
	atoms := make([]int, 3+rng.IntN(6))
	for i := range atoms {
		atoms[i] = smallCount(rng)
	}
	key := func(group []int) string {
		k := "g"
		for _, a := range group {
			k += fmt.Sprintf(".%d", a)
		}
		return k
	}
	count := func(group []int) int {
		n := 0
		for _, a := range group {
			n += atoms[a]
		}
		return n
	}
	var s Set
	var split func(group []int)
	split = func(group []int) {
		s.Add(key(group), count(group))
		if len(group) == 1 {
			return
		}
		parts := 2 + rng.IntN(min(2, len(group)-1))
		perm := rng.Perm(len(group))
		children := make([][]int, parts)
		for i, p := range perm {
			c := i % parts // every child gets at least one atom
			children[c] = append(children[c], group[p])
		}
		var keys []string
		for _, c := range children {
			sort.Ints(c)
			split(c)
			keys = append(keys, key(c))
		}
		s.Sum(key(group), keys...)
	}
	all := make([]int, len(atoms))
	for i := range all {
		all[i] = i
	}
	for range 2 + rng.IntN(2) {
		split(all)
	}
	return &s
}

// genOverlapping: totals over random, overlapping subsets of earlier
// cells, so that a person may be counted twice in one relation. No census
// table looks like this; it tries the audit on relations in general, where
// linear freedom need not leave an integer alternative (5a + 3b = 14).
func genOverlapping(rng *rand.Rand) *Set {
	var s Set
	var keys []string
	var ns []int
	for i := range 3 + rng.IntN(5) {
		k, n := fmt.Sprintf("leaf%d", i), smallCount(rng)
		s.Add(k, n)
		keys, ns = append(keys, k), append(ns, n)
	}
	for t := range 2 + rng.IntN(3) {
		pick := rng.Perm(len(keys))[:min(len(keys), 2+rng.IntN(3))]
		sort.Ints(pick)
		var pk []string
		var pn []int
		for _, i := range pick {
			pk, pn = append(pk, keys[i]), append(pn, ns[i])
		}
		k := fmt.Sprintf("sum%d", t)
		sum(&s, k, pk, pn)
		total := 0
		for _, n := range pn {
			total += n
		}
		keys, ns = append(keys, k), append(ns, total)
	}
	return &s
}

var shapes = []struct {
	name string
	gen  func(*rand.Rand) *Set
}{
	{"OneWay", genOneWay},
	{"Hierarchy", genHierarchy},
	{"TwoWay", genTwoWay},
	{"Flows", genFlows},
	{"Partitions", genPartitions},
	{"Overlapping", genOverlapping},
}
