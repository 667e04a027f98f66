package breakout

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkPlan plans 100 people in groups of 5 for 10 rounds, with
// attributes to mix and two earlier meetings as history (the issue's
// figure: at most 10 s on one core; the search runs on one goroutine).
func BenchmarkPlan(b *testing.B) {
	people := numbered(100)
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range people {
		people[i].SizeClass = fmt.Sprintf("GK%d", 1+rng.IntN(7))
		people[i].Country = []string{"DE", "DE", "DE", "AT", "CH"}[rng.IntN(5)]
		people[i].Region = fmt.Sprint(rng.IntN(16))
		people[i].New = rng.IntN(4) == 0
	}
	var history [][][]string
	for seed := uint64(1); seed <= 2; seed++ {
		p, err := Make(Options{People: people, GroupSize: 4, Rounds: 4, Seed: seed})
		if err != nil {
			b.Fatal(err)
		}
		history = append(history, p.Rounds...)
	}
	o := Options{People: people, GroupSize: 5, Rounds: 10, History: history, Weights: DefaultWeights, Seed: 9}
	var p *Plan
	for b.Loop() {
		var err error
		if p, err = Make(o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(p.Repeats), "repeats")
	b.ReportMetric(float64(p.Mixing), "mixing")
}
