package vote

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkTally tallies 10,000 distinct random ballots over 50 options,
// each ranking a random 5 to 50 of them with some ties (the issue's
// figure: at most 1 s).
func BenchmarkTally(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	options, ballots := randomBallots(rng, 10_000, 50, true)
	for i := range ballots {
		ballots[i].Ranks = ballots[i].Ranks[:min(len(ballots[i].Ranks), 5+rng.IntN(46))]
	}
	for _, m := range Methods {
		b.Run(m, func(b *testing.B) {
			for b.Loop() {
				if _, err := Tally(m, options, ballots); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
