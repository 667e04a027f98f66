package breakout

import (
	"math/rand/v2"
	"slices"
)

// defaultIterations bounds the search steps when Options give none.
const defaultIterations = 20_000

// Make plans the breakout rounds of o.
func Make(o Options) (*Plan, error) {
	t, err := newTask(o)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x6272656b6f7574))
	name, rounds := design(t, rng)
	if rounds == nil {
		rounds = randomRounds(t, rng)
	}
	iterations := o.Iterations
	if iterations <= 0 {
		iterations = defaultIterations
	}
	s := newSchedule(t, rounds)
	best := search(s, rng, iterations)
	p := t.plan(best)
	p.Design = name
	return p, nil
}

// RandomBest deals tries random plans for o and returns the best by
// broken assignments, then repeats, then mixing: the baseline a planner
// must beat.
func RandomBest(o Options, tries int) (*Plan, error) {
	t, err := newTask(o)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x72616e646f6d))
	var best *Plan
	for range tries {
		p := t.plan(randomRounds(t, rng))
		if best == nil || p.better(best) {
			best = p
		}
	}
	return best, nil
}

// better orders plans: fewer broken assignments, then fewer repeats, then
// less mixing weight.
func (p *Plan) better(q *Plan) bool {
	switch {
	case p.Violations != q.Violations:
		return p.Violations < q.Violations
	case p.Repeats != q.Repeats:
		return p.Repeats < q.Repeats
	}
	return p.Mixing < q.Mixing
}

// plan scores rounds and names their people.
func (t *task) plan(rounds [][][]int32) *Plan {
	n := t.n
	meet := make([]int16, n*n)
	p := &Plan{Bound: Bound(n, maxSize(t.sizes))}
	for _, round := range rounds {
		var named [][]string
		for _, members := range round {
			ms := slices.Clone(members)
			slices.Sort(ms)
			ids := make([]string, len(ms))
			for i, m := range ms {
				ids[i] = t.ids[m]
			}
			named = append(named, ids)
			for x, a := range ms {
				for _, b := range ms[x+1:] {
					i := int(a)*n + int(b)
					if meet[i] >= 1 {
						p.WithinRepeats++
					}
					meet[i]++
					if t.hist[i] > 0 {
						p.HistoryRepeats++
					}
					if t.hard[i] > 0 {
						p.Violations++
					}
					p.Mixing += int(t.mix[i])
				}
			}
		}
		slices.SortFunc(named, func(a, b []string) int { return slices.Index(t.ids, a[0]) - slices.Index(t.ids, b[0]) })
		p.Rounds = append(p.Rounds, named)
	}
	for a := 0; a < n; a++ {
		for _, b := range t.together[a] {
			if int(b) > a {
				p.Violations += len(rounds) - int(meet[a*n+int(b)])
			}
		}
	}
	p.Repeats = p.WithinRepeats + p.HistoryRepeats
	return p
}

func maxSize(sizes []int) int {
	if len(sizes) == 0 {
		return 0
	}
	return slices.Max(sizes)
}
