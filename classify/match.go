package classify

import (
	"math"
	"sync"
)

// The phrase groups of check (pDigital, pCross …) hold some seven hundred
// phrases. Looking each up with strings.Contains costs one pass over the
// task text per phrase; the index below finds all of them in one pass
// (an Aho–Corasick automaton over the folded alphabet), which keeps Check
// cheap enough for imports of many posts.

// phraseGroup is a group of phrases registered in the index.
type phraseGroup []int32

// hits records which phrases of the index occur in one text.
type hits []uint64

func (h hits) has(id int32) bool { return h[id>>6]&(1<<(id&63)) != 0 }

// count returns how many phrases of g occur.
func (h hits) count(g phraseGroup) int {
	n := 0
	for _, id := range g {
		if h.has(id) {
			n++
		}
	}
	return n
}

// Folded text holds a–z, 0–9, space and the clause mark "|". Any other
// byte (letters Fold keeps, such as ø or Cyrillic) is symbol 0, which no
// phrase contains.
const nsym = 39

var symbol = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = uint8(c-'a') + 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = uint8(c-'0') + 27
	}
	t[' '] = 37
	t['|'] = 38
	return t
}()

type phraseIndex struct {
	mu     sync.Mutex
	once   sync.Once
	ids    map[string]int32
	n      int32
	phrase []string
	delta  [][nsym]uint16 // state × symbol → state, failure links folded in
	out    [][]int32      // phrases that end in a state
}

var index = &phraseIndex{ids: map[string]int32{}}

// group registers folded phrases and returns their ids. It must run
// before the first scan (package initialisation).
func (x *phraseIndex) group(ps []string) phraseGroup {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.delta != nil {
		panic("classify: phrases registered after the first scan")
	}
	g := make(phraseGroup, 0, len(ps))
	for _, p := range ps {
		id, ok := x.ids[p]
		if !ok {
			id = x.n
			x.n++
			x.ids[p] = id
			x.phrase = append(x.phrase, p)
		}
		g = append(g, id)
	}
	return g
}

func (x *phraseIndex) build() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.delta = [][nsym]uint16{{}}
	x.out = [][]int32{nil}
	for id, p := range x.phrase {
		s := uint16(0)
		for i := 0; i < len(p); i++ {
			c := symbol[p[i]]
			if x.delta[s][c] == 0 {
				if len(x.delta) > math.MaxUint16 {
					panic("classify: too many phrase states for uint16")
				}
				x.delta = append(x.delta, [nsym]uint16{})
				x.out = append(x.out, nil)
				x.delta[s][c] = uint16(len(x.delta) - 1)
			}
			s = x.delta[s][c]
		}
		x.out[s] = append(x.out[s], int32(id))
	}
	// Breadth first: a state's failure link is the longest proper suffix
	// of its path that is also a path; missing edges follow it.
	fail := make([]uint16, len(x.delta))
	queue := make([]uint16, 0, len(x.delta))
	for c := range nsym {
		if t := x.delta[0][c]; t != 0 {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if f := fail[s]; len(x.out[f]) > 0 {
			x.out[s] = append(x.out[s], x.out[f]...)
		}
		for c := range nsym {
			t := x.delta[s][c]
			if t == 0 {
				x.delta[s][c] = x.delta[fail[s]][c]
				continue
			}
			fail[t] = x.delta[fail[s]][c]
			queue = append(queue, t)
		}
	}
}

// scan returns which phrases occur in a folded text.
func (x *phraseIndex) scan(text string) hits {
	x.once.Do(x.build)
	h := make(hits, (x.n+63)/64)
	s := uint16(0)
	for i := 0; i < len(text); i++ {
		s = x.delta[s][symbol[text[i]]]
		for _, id := range x.out[s] {
			h[id>>6] |= 1 << (id & 63)
		}
	}
	return h
}
