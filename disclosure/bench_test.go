package disclosure

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// censusSet builds what a public census report of waves waves shows: per
// wave CDOs by region × gender (51 × 4, with margins), by size class, kind
// and archetype, and the flows stayed, entries, exits by gender between
// consecutive waves. About 300 cells a wave, many of them small.
func censusSet(rng *rand.Rand, waves int) *Set {
	var s Set
	genders := []string{"f", "m", "d", "unknown"}
	const regions = 51
	var prev map[string]int // CDOs by gender in the wave before
	for w := range waves {
		wave := fmt.Sprint(2016 + w)
		byGender := map[string]int{}
		var regionKeys []string
		total := 0
		for r := range regions {
			var keys []string
			rt := 0
			for _, g := range genders {
				n := rng.IntN(6)
				if g == "m" {
					n = rng.IntN(20)
				}
				k := Key(wave, "region", fmt.Sprint(r), g)
				s.Add(k, n)
				keys = append(keys, k)
				rt += n
				byGender[g] += n
			}
			rk := Key(wave, "region", fmt.Sprint(r))
			s.Add(rk, rt)
			s.Sum(rk, keys...)
			regionKeys = append(regionKeys, rk)
			total += rt
		}
		cdos := Key(wave, "cdos")
		s.Add(cdos, total)
		s.Sum(cdos, regionKeys...)
		var genderKeys []string
		for _, g := range genders {
			gk := Key(wave, "gender", g)
			s.Add(gk, byGender[g])
			genderKeys = append(genderKeys, gk)
			var keys []string
			for r := range regions {
				keys = append(keys, Key(wave, "region", fmt.Sprint(r), g))
			}
			s.Sum(gk, keys...)
		}
		s.Sum(cdos, genderKeys...)
		for _, d := range []struct {
			dim string
			n   int
		}{{"size", 10}, {"kind", 8}, {"archetype", 4}} {
			dim, n := d.dim, d.n
			split := make([]int, n)
			for range total {
				split[rng.IntN(n)]++
			}
			var keys []string
			for i, v := range split {
				k := Key(wave, dim, fmt.Sprint(i))
				s.Add(k, v)
				keys = append(keys, k)
			}
			s.Sum(cdos, keys...)
		}
		if prev != nil {
			flow := map[string][]string{}
			flowTotal := map[string]int{}
			for _, g := range genders {
				stayed := min(prev[g], byGender[g]) - rng.IntN(min(prev[g], byGender[g])/2+1)
				vals := map[string]int{"stayed": stayed, "entries": byGender[g] - stayed, "exits": prev[g] - stayed}
				for _, q := range []string{"stayed", "entries", "exits"} {
					k := Key(wave, q, g)
					s.Add(k, vals[q])
					flow[q] = append(flow[q], k)
					flowTotal[q] += vals[q]
				}
				s.Sum(Key(wave, "gender", g), Key(wave, "stayed", g), Key(wave, "entries", g))
				s.Sum(Key(fmt.Sprint(2016+w-1), "gender", g), Key(wave, "stayed", g), Key(wave, "exits", g))
			}
			for _, q := range []string{"stayed", "entries", "exits"} {
				s.Add(Key(wave, q), flowTotal[q])
				s.Sum(Key(wave, q), flow[q]...)
			}
			s.Sum(cdos, Key(wave, "stayed"), Key(wave, "entries"))
			s.Sum(Key(fmt.Sprint(2016+w-1), "cdos"), Key(wave, "stayed"), Key(wave, "exits"))
		}
		prev = byGender
	}
	return &s
}

func TestLargeCensus(t *testing.T) {
	waves := 10
	if testing.Short() {
		waves = 2
	}
	s := censusSet(rand.New(rand.NewPCG(1, 2)), waves)
	r := mustProtect(t, s, DefaultK)
	if err := checkRelations(s, r); err != nil {
		t.Fatal(err)
	}
	p, sec := len(r.Keys(Primary)), len(r.Keys(Secondary))
	t.Logf("%d cells, %d relations: %d primary, %d secondary", len(s.Cells()), len(s.Relations()), p, sec)
	if p == 0 || sec == 0 {
		t.Errorf("the data set no longer exercises suppression: %d primary, %d secondary", p, sec)
	}
}

func BenchmarkProtectCensus(b *testing.B) {
	s := censusSet(rand.New(rand.NewPCG(1, 2)), 10)
	b.ReportMetric(float64(len(s.Cells())), "cells")
	for b.Loop() {
		if _, err := Protect(s, DefaultK); err != nil {
			b.Fatal(err)
		}
	}
}
