package network

import "sort"

const nAttr = 6 // len(Attributes)

// Imbalance measures how unevenly circle is spread over the balance
// attributes of goals: 0 when every attribute is spread evenly, up to 1
// when everyone in the circle is alike in every weighted attribute.
//
// For an attribute a with weight w_a > 0 let V_a be the values of a that
// occur in pool or circle (unknown values do not count), k = |V_a|, n the
// number of circle members whose value of a is known and c_v the number of
// them with value v. The attribute's imbalance is the squared distance
// between the circle's shares and the even distribution over V_a, scaled
// to 0..1 by its largest possible value:
//
//	D_a = Σ_v (c_v/n − 1/k)² / (1 − 1/k) = (k·Σ_v c_v² − n²) / (n²·(k − 1))
//
// and 0 when k ≤ 1 or n = 0. Imbalance = Σ_a w_a·D_a / Σ_a w_a.
//
// Pool is who could be in the circle: for a proposal, the members and the
// eligible applicants; its values set what "even" means, so that a circle
// of Germans only is uneven when Austrians applied. D_a is computed from
// the integers k, n and Σ c_v², so circles with the same counts get
// exactly the same value and ties are real ties.
func Imbalance(circle, pool []Candidate, goals Goals) float64 {
	all := append(append([]Candidate(nil), circle...), pool...)
	m := newModel(all, goals)
	var t tally
	t.init(m)
	for i := range circle {
		t.add(m, i)
	}
	return m.imbalance(&t)
}

// model holds the balance attributes of a pool of candidates as small
// integers, so that the search can count them quickly.
type model struct {
	w    [nAttr]float64 // weights, 0 for attributes left out
	wsum float64
	k    [nAttr]int64   // number of values of each attribute
	vals [][nAttr]int32 // per candidate: value index, -1 when unknown
	// names[a][v] is the value string of index v.
	names [nAttr][]string
}

func newModel(cs []Candidate, goals Goals) *model {
	m := &model{vals: make([][nAttr]int32, len(cs))}
	for a, name := range Attributes {
		if w := goals.Weights[name]; w > 0 {
			m.w[a] = w
			m.wsum += w
		}
		raw := make([]string, len(cs))
		set := map[string]bool{}
		for i, c := range cs {
			raw[i] = c.Value(name)
			if raw[i] != "" {
				set[raw[i]] = true
			}
		}
		for v := range set {
			m.names[a] = append(m.names[a], v)
		}
		sort.Strings(m.names[a])
		index := make(map[string]int32, len(m.names[a]))
		for v, s := range m.names[a] {
			index[s] = int32(v)
		}
		m.k[a] = int64(len(m.names[a]))
		for i := range cs {
			m.vals[i][a] = -1
			if raw[i] != "" {
				m.vals[i][a] = index[raw[i]]
			}
		}
	}
	return m
}

// tally counts the values of a circle.
type tally struct {
	cnt   [nAttr][]int64
	sumsq [nAttr]int64 // Σ_v c_v²
	n     [nAttr]int64
}

func (t *tally) init(m *model) {
	for a := range t.cnt {
		t.cnt[a] = make([]int64, m.k[a])
	}
}

func (t *tally) add(m *model, i int) {
	for a, v := range m.vals[i] {
		if v >= 0 {
			t.sumsq[a] += 2*t.cnt[a][v] + 1
			t.cnt[a][v]++
			t.n[a]++
		}
	}
}

func (t *tally) remove(m *model, i int) {
	for a, v := range m.vals[i] {
		if v >= 0 {
			t.cnt[a][v]--
			t.sumsq[a] -= 2*t.cnt[a][v] + 1
			t.n[a]--
		}
	}
}

// attr is the imbalance D_a of one attribute (see Imbalance).
func (m *model) attr(t *tally, a int) float64 {
	k, n := m.k[a], t.n[a]
	if k <= 1 || n == 0 {
		return 0
	}
	return float64(k*t.sumsq[a]-n*n) / float64(n*n*(k-1))
}

func (m *model) imbalance(t *tally) float64 {
	if m.wsum == 0 {
		return 0
	}
	sum := 0.0
	for a := range Attributes {
		if m.w[a] > 0 {
			sum += m.w[a] * m.attr(t, a)
		}
	}
	return sum / m.wsum
}
