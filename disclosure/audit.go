package disclosure

import (
	"math/big"
	"sort"
)

// audit looks for withheld cells with N > 0 that a reader could still pin
// down, withholds one more cell for each group of them, and returns how
// many cells it withheld.
//
// The unknowns are the withheld and hidden cells with N > 0; withheld and
// hidden zeros count as known (zero). Each relation with an unknown is a row (total +1, parts −1
// over the unknowns), reduced to row echelon form over the rationals.
//
// A cell passes when there is a witness: an integer vector d in the kernel
// of the rows with d_j ≠ 0 such that x + d or x − d has no negative entry.
// x ± d is then a second table of non-negative integers that agrees with
// every shown cell and relation and differs in cell j. Witnesses tried are
// the kernel vectors of single free columns, scaled to integers (for the
// totally unimodular systems of one-way, hierarchical and two-way tables
// they have entries 0, ±1 and always fit, since every unknown is ≥ 1), and
// x itself on a component whose relations have only zeros outside it.
//
// A cell without a witness is either determined outright (its reduced row
// is e_j; the combination of relations that gave the row, the certificate,
// says which shown cells take part in the deduction) or pinned by
// non-negativity and integrality. In both cases a shown cell with N > 0 of
// the relations concerned is withheld as well.
func (p *protector) audit() int {
	col := make(map[int]int) // cell → column
	var cells []int          // column → cell, ascending
	for c, st := range p.st {
		if st != Shown && p.n[c] > 0 {
			col[c] = len(cells)
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return 0
	}
	comp := newUnionFind(len(cells))
	var e eliminator
	e.pivotRow = make(map[int]int)
	var touching []int // relations with an unknown
	for r, x := range p.rels {
		var row []term
		if j, ok := col[x.total]; ok {
			row = append(row, term{j, big.NewRat(1, 1)})
		}
		for _, c := range x.parts {
			if j, ok := col[c]; ok {
				row = append(row, term{j, big.NewRat(-1, 1)})
			}
		}
		if len(row) == 0 {
			continue
		}
		touching = append(touching, r)
		sort.Slice(row, func(a, b int) bool { return row[a].i < row[b].i })
		for _, t := range row[1:] {
			comp.union(row[0].i, t.i)
		}
		e.insert(row, []term{{r, big.NewRat(1, 1)}})
	}

	// A component whose relations have zero known side scales: x_C is in
	// the kernel, and 2x is a second table.
	scales := make(map[int]bool)
	for _, r := range touching {
		root := -1
		x := p.rels[r]
		for _, c := range append([]int{x.total}, x.parts...) {
			if j, ok := col[c]; ok {
				root = comp.find(j)
			}
		}
		if _, seen := scales[root]; !seen {
			scales[root] = true
		}
		if p.knownSide(r, col) != 0 {
			scales[root] = false
		}
	}

	fits := e.freeColumnsThatFit(len(cells), func(j int) int { return p.n[cells[j]] })
	var determined []finding
	var pinned []int // columns
	for j := range cells {
		if scales[comp.find(j)] || p.st[cells[j]] == Hidden {
			continue // hidden cells need no witness
		}
		b, isPivot := e.pivotRow[j]
		switch {
		case !isPivot:
			if !fits[j] {
				pinned = append(pinned, j)
			}
		case len(e.basis[b].row) == 1:
			determined = append(determined, finding{j, e.basis[b].combo})
		default:
			ok := false
			for _, t := range e.basis[b].row {
				if t.i != j && fits[t.i] {
					ok = true
					break
				}
			}
			if !ok {
				pinned = append(pinned, j)
			}
		}
	}

	// Coefficients first: a cell withheld for one finding is still a
	// candidate that spoils the certificate of the next.
	coefs := make([]map[int]*big.Rat, len(determined))
	for i, f := range determined {
		coefs[i] = p.knownCoefficients(f.combo)
	}
	var added []int
	repaired := make(map[int]bool) // components that got a cell this round
	for i, f := range determined {
		coef := coefs[i]
		broken := false
		for _, c := range added {
			if coef[c] != nil && coef[c].Sign() != 0 {
				broken = true
			}
		}
		if broken {
			continue
		}
		best := -1
		for c, v := range coef {
			if v.Sign() != 0 && (best < 0 || p.auditRank(c, best)) {
				best = c
			}
		}
		if best < 0 {
			// Cannot happen for a consistent Set: a determined positive
			// cell is a non-zero combination of shown positive cells.
			panic("disclosure: determined cell without a shown cell to withhold")
		}
		p.suppress(best, Secondary)
		added = append(added, best)
		repaired[comp.find(f.col)] = true
	}
	for _, j := range pinned {
		root := comp.find(j)
		if repaired[root] {
			continue
		}
		best := p.shownNear(cells[j])
		if best < 0 {
			// The relations of j have no shown positive cell; look at
			// all relations of its component. One of them has a non-zero
			// known side, since the component does not scale.
			for _, r := range touching {
				for _, c := range append([]int{p.rels[r].total}, p.rels[r].parts...) {
					if k, ok := col[c]; ok && comp.find(k) == root {
						if b := p.shownIn(r); b >= 0 && (best < 0 || p.auditRank(b, best)) {
							best = b
						}
						break
					}
				}
			}
		}
		if best < 0 {
			panic("disclosure: pinned cell without a shown cell to withhold")
		}
		p.suppress(best, Secondary)
		added = append(added, best)
		repaired[root] = true
	}
	return len(added)
}

type finding struct {
	col   int
	combo []term
}

// knownSide returns total − Σ parts over the known cells of relation r.
func (p *protector) knownSide(r int, col map[int]int) int {
	x := p.rels[r]
	s := 0
	if _, ok := col[x.total]; !ok && p.st[x.total] == Shown {
		s += p.n[x.total]
	}
	for _, c := range x.parts {
		if _, ok := col[c]; !ok && p.st[c] == Shown {
			s -= p.n[c]
		}
	}
	return s
}

// shownNear returns the best shown cell with N > 0 in the relations of
// cell c, or −1.
func (p *protector) shownNear(c int) int {
	best := -1
	for _, r := range p.relsOf[c] {
		if b := p.shownIn(r); b >= 0 && (best < 0 || p.auditRank(b, best)) {
			best = b
		}
	}
	return best
}

// shownIn returns the best shown cell with N > 0 of relation r, or −1.
func (p *protector) shownIn(r int) int {
	best := -1
	x := p.rels[r]
	for _, c := range append([]int{x.total}, x.parts...) {
		if p.st[c] == Shown && p.n[c] > 0 && (best < 0 || p.auditRank(c, best)) {
			best = c
		}
	}
	return best
}

// knownCoefficients sums the certificate's relations over the shown cells
// with N > 0: a cell with a non-zero sum, once withheld, spoils the
// deduction the certificate describes.
func (p *protector) knownCoefficients(combo []term) map[int]*big.Rat {
	coef := make(map[int]*big.Rat)
	add := func(c int, v *big.Rat, sign int64) {
		if p.st[c] != Shown || p.n[c] == 0 {
			return
		}
		if coef[c] == nil {
			coef[c] = new(big.Rat)
		}
		coef[c].Add(coef[c], new(big.Rat).Mul(v, big.NewRat(sign, 1)))
	}
	for _, t := range combo {
		x := p.rels[t.i]
		add(x.total, t.v, 1)
		for _, c := range x.parts {
			add(c, t.v, -1)
		}
	}
	return coef
}

// auditRank orders candidates of the audit: cells that are no relation's
// total first, then the smaller count, then the key.
func (p *protector) auditRank(a, b int) bool {
	if p.isTotal[a] != p.isTotal[b] {
		return !p.isTotal[a]
	}
	if p.n[a] != p.n[b] {
		return p.n[a] < p.n[b]
	}
	return a < b
}

type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	if ra, rb := u.find(a), u.find(b); ra != rb {
		u[max(ra, rb)] = min(ra, rb)
	}
}
