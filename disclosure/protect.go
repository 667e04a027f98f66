package disclosure

import (
	"sort"

	"github.com/cdoatlas/cdoatlas"
)

// DefaultK is the k of DESIGN.md §4 when nothing else is configured:
// counts of 1 … k−1 people are withheld.
const DefaultK = 3

// Status says whether a cell is shown and, if not, why.
type Status uint8

const (
	Shown     Status = iota // the count is published
	Primary                 // 1 ≤ N < k
	Secondary               // withheld so that no other withheld cell can be recomputed
	Hidden                  // never published (Set.Hide)
)

func (s Status) String() string {
	switch s {
	case Primary:
		return "primary"
	case Secondary:
		return "secondary"
	case Hidden:
		return "hidden"
	}
	return "shown"
}

// Suppressed reports whether a cell of this status is withheld.
func (s Status) Suppressed() bool { return s != Shown }

// Protect decides which cells of s to withhold so that no count of 1 … k−1
// people can be read or recomputed; see the package documentation for the
// method and what it guarantees. It returns an EINVALID error when k < 1 or
// s does not validate.
func Protect(s *Set, k int) (*Result, error) {
	return protect(s, k, true)
}

// protect is Protect, with the audit optional so that tests can show what
// it adds.
func protect(s *Set, k int, audit bool) (*Result, error) {
	if k < 1 {
		return nil, cdoatlas.Errorf(cdoatlas.EINVALID, "disclosure: k must be at least 1, not %d", k)
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	p := newProtector(s)
	for c, n := range p.n {
		switch {
		case s.hidden[p.keys[c]] && n == 0:
			p.st[c] = Hidden // known to be 0: no unknown in its relations
		case s.hidden[p.keys[c]]:
			p.suppress(c, Hidden)
		case n >= 1 && n < k:
			p.suppress(c, Primary)
		}
	}
	for r := range p.rels {
		if p.count[r] == 1 {
			p.queue = append(p.queue, r)
		}
	}
	for {
		p.fixpoint()
		if !audit || p.audit() == 0 {
			break
		}
	}
	res := &Result{K: k, cells: make(map[string]cellResult, len(p.keys))}
	for c, key := range p.keys {
		res.cells[key] = cellResult{p.n[c], p.st[c]}
	}
	res.keys = p.keys
	return res, nil
}

// rel is a Relation by cell index.
type rel struct {
	total int
	parts []int
}

type protector struct {
	keys    []string // sorted; a cell's index is its rank
	n       []int
	rels    []rel
	relsOf  [][]int // relations each cell takes part in
	isTotal []bool  // the total of at least one relation
	st      []Status
	count   []int // withheld members per relation, hidden ones with N > 0 included
	queue   []int // relations that may have exactly one withheld member
}

func newProtector(s *Set) *protector {
	p := &protector{keys: append([]string(nil), s.keys...)}
	sort.Strings(p.keys)
	idx := make(map[string]int, len(p.keys))
	p.n = make([]int, len(p.keys))
	for i, k := range p.keys {
		idx[k] = i
		p.n[i] = s.n[k]
	}
	p.relsOf = make([][]int, len(p.keys))
	p.isTotal = make([]bool, len(p.keys))
	for ri, r := range s.rels {
		x := rel{total: idx[r.Total]}
		p.isTotal[x.total] = true
		p.relsOf[x.total] = append(p.relsOf[x.total], ri)
		for _, part := range r.Parts {
			c := idx[part]
			x.parts = append(x.parts, c)
			p.relsOf[c] = append(p.relsOf[c], ri)
		}
		p.rels = append(p.rels, x)
	}
	p.st = make([]Status, len(p.keys))
	p.count = make([]int, len(p.rels))
	return p
}

func (p *protector) suppress(c int, st Status) {
	p.st[c] = st
	for _, r := range p.relsOf[c] {
		p.count[r]++
		if p.count[r] == 1 {
			p.queue = append(p.queue, r)
		}
	}
}

// fixpoint withholds one more member of every relation that has exactly
// one withheld member, until there is none. A relation with a hidden
// member other than 0 needs nothing here: solving it for its one withheld
// member takes the hidden count, which the reader does not have (the
// audit looks at all relations together).
func (p *protector) fixpoint() {
	for len(p.queue) > 0 {
		r := p.queue[0]
		p.queue = p.queue[1:]
		if p.count[r] != 1 || p.hiddenIn(r) {
			continue
		}
		p.suppress(p.choose(r), Secondary)
	}
}

// hiddenIn reports whether relation r has a hidden member with N > 0.
func (p *protector) hiddenIn(r int) bool {
	x := p.rels[r]
	for _, c := range append([]int{x.total}, x.parts...) {
		if p.st[c] == Hidden && p.n[c] > 0 {
			return true
		}
	}
	return false
}

// choose picks the shown member of relation r to withhold: the smallest
// positive part, else a positive total, else a zero part, else the total;
// ties by key.
func (p *protector) choose(r int) int {
	best, bestRank := -1, [3]int{}
	consider := func(c, role int) {
		if p.st[c] != Shown {
			return
		}
		class := role // 0 part, 1 total
		if p.n[c] == 0 {
			class += 2
		}
		rank := [3]int{class, p.n[c], c}
		if best < 0 || less(rank, bestRank) {
			best, bestRank = c, rank
		}
	}
	for _, c := range p.rels[r].parts {
		consider(c, 0)
	}
	consider(p.rels[r].total, 1)
	return best // a relation has at least two members, so one is shown
}

func less(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}
