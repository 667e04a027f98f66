package disclosure

import (
	"math/big"
	"sort"
)

// term is one non-zero entry of a sparse vector.
type term struct {
	i int
	v *big.Rat
}

type basisRow struct {
	pivot int
	row   []term // over columns, pivot entry 1, zero at every other pivot
	combo []term // over relations: which combination gave row
}

// eliminator keeps a reduced row echelon basis of the rows inserted so far.
type eliminator struct {
	basis    []basisRow
	pivotRow map[int]int // column → index in basis
}

func (e *eliminator) insert(row, combo []term) {
	type step struct {
		b int
		f *big.Rat
	}
	var steps []step
	for _, t := range row {
		if b, ok := e.pivotRow[t.i]; ok {
			steps = append(steps, step{b, new(big.Rat).Set(t.v)})
		}
	}
	// Basis rows are zero at each other's pivots, so the factors read
	// from the original row stay right while subtracting.
	for _, s := range steps {
		row = axpy(row, e.basis[s.b].row, s.f)
		combo = axpy(combo, e.basis[s.b].combo, s.f)
	}
	if len(row) == 0 {
		return
	}
	pi := 0
	for k, t := range row {
		if t.v.IsInt() && new(big.Rat).Abs(t.v).Cmp(big.NewRat(1, 1)) == 0 {
			pi = k
			break
		}
	}
	pivot := row[pi].i
	inv := new(big.Rat).Inv(row[pi].v)
	scale(row, inv)
	scale(combo, inv)
	for k := range e.basis {
		b := &e.basis[k]
		if f := find(b.row, pivot); f != nil {
			f = new(big.Rat).Set(f)
			b.row = axpy(b.row, row, f)
			b.combo = axpy(b.combo, combo, f)
		}
	}
	e.pivotRow[pivot] = len(e.basis)
	e.basis = append(e.basis, basisRow{pivot, row, combo})
}

// axpy returns a − f·b for sparse vectors sorted by index.
func axpy(a, b []term, f *big.Rat) []term {
	out := make([]term, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].i < b[j].i:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].i < a[i].i:
			out = append(out, term{b[j].i, new(big.Rat).Neg(new(big.Rat).Mul(f, b[j].v))})
			j++
		default:
			v := new(big.Rat).Sub(a[i].v, new(big.Rat).Mul(f, b[j].v))
			if v.Sign() != 0 {
				out = append(out, term{a[i].i, v})
			}
			i++
			j++
		}
	}
	return out
}

func scale(a []term, f *big.Rat) {
	for k := range a {
		a[k].v = new(big.Rat).Mul(a[k].v, f)
	}
}

func find(a []term, i int) *big.Rat {
	k := sort.Search(len(a), func(k int) bool { return a[k].i >= i })
	if k < len(a) && a[k].i == i {
		return a[k].v
	}
	return nil
}

// freeColumnsThatFit reports, for each free column f of n, whether the
// kernel vector of f (1 at f, −R[p][f] at each pivot p), scaled to
// integers, can be added to or subtracted from x without making an entry
// negative.
func (e *eliminator) freeColumnsThatFit(n int, x func(col int) int) []bool {
	type entry struct {
		pivot int
		v     *big.Rat
	}
	column := make(map[int][]entry)
	for _, b := range e.basis {
		for _, t := range b.row {
			if t.i != b.pivot {
				column[t.i] = append(column[t.i], entry{b.pivot, t.v})
			}
		}
	}
	fits := make([]bool, n)
	for f := range n {
		if _, ok := e.pivotRow[f]; ok {
			continue
		}
		l := big.NewInt(1)
		for _, en := range column[f] {
			d := en.v.Denom()
			l.Mul(l, new(big.Int).Quo(d, new(big.Int).GCD(nil, nil, l, d)))
		}
		// d_f = l, d_p = −l·R[p][f]; x + s·d ≥ 0 for s = +1 or −1.
		for _, s := range []int64{1, -1} {
			ok := big.NewInt(int64(x(f))).Cmp(new(big.Int).Mul(l, big.NewInt(-s))) >= 0
			for _, en := range column[f] {
				if !ok {
					break
				}
				d := new(big.Rat).Mul(en.v, new(big.Rat).SetInt(l))
				d.Neg(d).Mul(d, big.NewRat(s, 1)) // s·d_p
				ok = new(big.Rat).Add(big.NewRat(int64(x(en.pivot)), 1), d).Sign() >= 0
			}
			if ok {
				fits[f] = true
				break
			}
		}
	}
	return fits
}
