// Package vote tallies ranked ballots: the Schulze method (the default of
// a network's topic votes), the Borda count, approval and plurality.
//
// A ballot ranks some or all options; options it does not name count as
// below every option it names, and options of one rank are tied. Each
// method reads the same ballots:
//
//   - Schulze compares options pair by pair (how many ballots put a above
//     b) and ranks by the strongest paths between them.
//   - Borda gives each option, on each ballot, one point for every option
//     ranked below it and half a point for every option tied with it.
//   - Approval counts the ballots that name an option at all.
//   - Plurality counts the ballots that rank an option first; options tied
//     first share the ballot.
package vote

import (
	"fmt"
	"slices"
	"strconv"
)

// The methods.
const (
	Schulze   = "schulze"
	Borda     = "borda"
	Approval  = "approval"
	Plurality = "plurality"
)

// Methods lists the methods, the default first.
var Methods = []string{Schulze, Borda, Approval, Plurality}

// Ballot is one ballot, or Count equal ballots: Ranks lists groups of tied
// options, the highest first. Options it does not name rank below all.
type Ballot struct {
	Count int        `json:"count"`
	Ranks [][]string `json:"ranks"`
}

// Result is the outcome of a tally.
type Result struct {
	Method string `json:"method"`
	// Ballots is the number of ballots counted (with their counts).
	Ballots int `json:"ballots"`
	// Options are the options voted on, in the order given.
	Options []string `json:"options"`
	// Ranking lists groups of tied options, the winners first.
	Ranking [][]string `json:"ranking"`
	// Pairwise[a][b] is the number of ballots that rank a above b.
	Pairwise map[string]map[string]int `json:"pairwise"`
	// Strongest[a][b] is the strength of the strongest path from a to b
	// (Schulze only).
	Strongest map[string]map[string]int `json:"strongest,omitempty"`
	// Scores are the points of each option (Borda, approval, plurality).
	Scores map[string]float64 `json:"scores,omitempty"`
}

// Place returns the place of option in the ranking, 1 for the winners;
// tied options share a place, and the next place counts them all
// (1, 1, 3). 0 when option is not ranked.
func (r *Result) Place(option string) int {
	place := 1
	for _, group := range r.Ranking {
		if slices.Contains(group, option) {
			return place
		}
		place += len(group)
	}
	return 0
}

// Tally counts ballots over options by method. Options named on a ballot
// but missing from options are added after them; an option named twice on
// one ballot, an empty option or a count below 1 is an error.
func Tally(method string, options []string, ballots []Ballot) (*Result, error) {
	if !slices.Contains(Methods, method) {
		return nil, fmt.Errorf("unknown method %q: want one of schulze, borda, approval, plurality", method)
	}
	p, err := newProfile(options, ballots)
	if err != nil {
		return nil, err
	}
	r := &Result{Method: method, Ballots: p.total, Options: p.names, Pairwise: p.named(p.d)}
	switch method {
	case Schulze:
		s := p.strongest()
		r.Strongest = p.named(s)
		r.Ranking = p.schulzeRanking(s)
	case Borda:
		r.Scores, r.Ranking = p.byScore(p.borda())
	case Approval:
		r.Scores, r.Ranking = p.byScore(p.approval())
	case Plurality:
		r.Scores, r.Ranking = p.byScore(p.plurality())
	}
	return r, nil
}

// profile is the ballots over numbered options: each distinct ballot once
// with its count, as the rank of every option (0 the highest; the options a
// ballot does not name share the rank after its last, which is its number
// of groups).
type profile struct {
	names  []string
	index  map[string]int
	total  int
	ranks  [][]int32 // per distinct ballot, the rank of each option
	groups []int32   // per distinct ballot, its number of ranks
	count  []int
	d      [][]int
}

func newProfile(options []string, ballots []Ballot) (*profile, error) {
	p := &profile{index: map[string]int{}}
	add := func(o string) int {
		if i, ok := p.index[o]; ok {
			return i
		}
		p.index[o] = len(p.names)
		p.names = append(p.names, o)
		return len(p.names) - 1
	}
	for _, o := range options {
		if o == "" {
			return nil, fmt.Errorf("an option is empty")
		}
		if _, dup := p.index[o]; dup {
			return nil, fmt.Errorf("the option %q is given twice", o)
		}
		add(o)
	}
	seen := map[string]bool{}
	for i, b := range ballots {
		if b.Count < 1 {
			return nil, fmt.Errorf("ballot %d: the count must be 1 or more, got %d", i+1, b.Count)
		}
		clear(seen)
		for _, group := range b.Ranks {
			for _, o := range group {
				if o == "" {
					return nil, fmt.Errorf("ballot %d: an option is empty", i+1)
				}
				if seen[o] {
					return nil, fmt.Errorf("ballot %d: the option %q is ranked twice", i+1, o)
				}
				seen[o] = true
				add(o)
			}
		}
	}
	// Equal ballots are counted once with their counts.
	n := len(p.names)
	distinct := map[string]int{}
	key := make([]byte, 0, 4*n)
	rank := make([]int32, n)
	for _, b := range ballots {
		unnamed := int32(0)
		for _, group := range b.Ranks {
			if len(group) > 0 {
				unnamed++
			}
		}
		for i := range rank {
			rank[i] = unnamed
		}
		r := int32(0)
		for _, group := range b.Ranks {
			if len(group) == 0 {
				continue
			}
			for _, o := range group {
				rank[p.index[o]] = r
			}
			r++
		}
		key = strconv.AppendInt(key[:0], int64(unnamed), 10)
		for _, x := range rank {
			key = append(strconv.AppendInt(key, int64(x), 10), ',')
		}
		if j, ok := distinct[string(key)]; ok {
			p.count[j] += b.Count
		} else {
			distinct[string(key)] = len(p.ranks)
			p.ranks = append(p.ranks, slices.Clone(rank))
			p.groups = append(p.groups, unnamed)
			p.count = append(p.count, b.Count)
		}
		p.total += b.Count
	}
	p.d = p.pairwise()
	return p, nil
}

// pairwise counts d[a][b], the ballots that rank a above b.
func (p *profile) pairwise() [][]int {
	n := len(p.names)
	d := square(n)
	for k, rank := range p.ranks {
		c := p.count[k]
		for a := 0; a < n; a++ {
			ra, da := rank[a], d[a]
			for b := 0; b < n; b++ {
				if ra < rank[b] {
					da[b] += c
				}
			}
		}
	}
	return d
}

// strongest computes the strengths of the strongest paths (Schulze): a
// link a→b has the strength d[a][b] when more ballots prefer a to b than b
// to a, and a path is as strong as its weakest link.
func (p *profile) strongest() [][]int {
	n := len(p.names)
	s := square(n)
	for a := 0; a < n; a++ {
		for b := 0; b < n; b++ {
			if a != b && p.d[a][b] > p.d[b][a] {
				s[a][b] = p.d[a][b]
			}
		}
	}
	for via := 0; via < n; via++ {
		for a := 0; a < n; a++ {
			if a == via || s[a][via] == 0 {
				continue
			}
			for b := 0; b < n; b++ {
				if b == a || b == via {
					continue
				}
				if w := min(s[a][via], s[via][b]); w > s[a][b] {
					s[a][b] = w
				}
			}
		}
	}
	return s
}

// schulzeRanking ranks by the strongest paths: a goes before b when the
// strongest path from a to b is stronger than the one back. The winners
// are the options no other beats; then the winners of the rest, and so on.
func (p *profile) schulzeRanking(s [][]int) [][]string {
	n := len(p.names)
	left := make([]int, n)
	for i := range left {
		left[i] = i
	}
	var ranking [][]string
	for len(left) > 0 {
		var top, rest []int
		for _, a := range left {
			beaten := false
			for _, b := range left {
				if s[b][a] > s[a][b] {
					beaten = true
					break
				}
			}
			if beaten {
				rest = append(rest, a)
			} else {
				top = append(top, a)
			}
		}
		group := make([]string, len(top))
		for i, a := range top {
			group[i] = p.names[a]
		}
		ranking = append(ranking, group)
		left = rest
	}
	return ranking
}

// borda gives each option, per ballot, a point for every option ranked
// below it and half a point for every other option tied with it.
func (p *profile) borda() []float64 {
	n := len(p.names)
	score := make([]float64, n)
	for a := 0; a < n; a++ {
		wins := 0
		for b := 0; b < n; b++ {
			wins += p.d[a][b]
		}
		// Ties: ballots that rank neither a above b nor b above a.
		ties := 0
		for b := 0; b < n; b++ {
			if b != a {
				ties += p.total - p.d[a][b] - p.d[b][a]
			}
		}
		score[a] = float64(wins) + float64(ties)/2
	}
	return score
}

// approval counts the ballots that name each option.
func (p *profile) approval() []float64 {
	score := make([]float64, len(p.names))
	for k, rank := range p.ranks {
		for a, r := range rank {
			if r < p.groups[k] {
				score[a] += float64(p.count[k])
			}
		}
	}
	return score
}

// plurality gives each ballot to the options it ranks first, shared among
// them when they are tied.
func (p *profile) plurality() []float64 {
	score := make([]float64, len(p.names))
	for k, rank := range p.ranks {
		var first []int
		for a, r := range rank {
			if r == 0 && p.groups[k] > 0 {
				first = append(first, a)
			}
		}
		for _, a := range first {
			score[a] += float64(p.count[k]) / float64(len(first))
		}
	}
	return score
}

// byScore ranks options by score, the highest first; equal scores tie,
// in the order of the options.
func (p *profile) byScore(score []float64) (map[string]float64, [][]string) {
	order := make([]int, len(score))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case score[a] > score[b]:
			return -1
		case score[a] < score[b]:
			return 1
		}
		return 0
	})
	scores := make(map[string]float64, len(score))
	var ranking [][]string
	for i, a := range order {
		scores[p.names[a]] = score[a]
		if i > 0 && score[a] == score[order[i-1]] {
			ranking[len(ranking)-1] = append(ranking[len(ranking)-1], p.names[a])
		} else {
			ranking = append(ranking, []string{p.names[a]})
		}
	}
	return scores, ranking
}

// named turns a matrix over option numbers into one over names.
func (p *profile) named(m [][]int) map[string]map[string]int {
	out := make(map[string]map[string]int, len(m))
	for a, row := range m {
		r := make(map[string]int, len(row)-1)
		for b, v := range row {
			if a != b {
				r[p.names[b]] = v
			}
		}
		out[p.names[a]] = r
	}
	return out
}

func square(n int) [][]int {
	cells := make([]int, n*n)
	m := make([][]int, n)
	for i := range m {
		m[i] = cells[i*n : (i+1)*n]
	}
	return m
}
