package disclosure

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Cell is a published count of people under a key such as
// "2024/by_region/DE-NW", or a hidden one (Set.Hide).
type Cell struct {
	Key    string
	N      int
	Hidden bool
}

// Relation says that the count of Total equals the sum of the counts of
// Parts.
type Relation struct {
	Total string
	Parts []string
}

// Set collects cells and the additive relations between them. The zero
// value is ready to use. Mistakes (a negative count, a key added twice with
// different counts, a relation naming an unknown key) are reported by
// Validate and Protect, so a Set can be filled without checking each call.
type Set struct {
	n      map[string]int
	hidden map[string]bool
	keys   []string // in order of Add
	rels   []Relation
	errs   []string
}

// Key joins parts into a cell key with "/", e.g. Key("2024", "by_gender",
// "f") = "2024/by_gender/f".
func Key(parts ...string) string { return strings.Join(parts, "/") }

// Add records a cell. Adding the same key again with the same count is
// allowed; with another count it is an error.
func (s *Set) Add(key string, n int) { s.add(key, n, false) }

// Hide records a hidden cell: a count that is never published and that a
// reader cannot compute from what is, such as the people of a region who
// stayed from one wave to the next. It lets relations say what a reader
// knows about published counts through it (a region's CDOs are those who
// stayed there plus those who moved in or entered). Protect never counts
// a hidden cell with N > 0 as known to the reader, and does not protect
// it: it is not published, and it need not stay unknown. A hidden 0 counts
// as known, like a withheld 0: the witnesses of the audit then hold even
// for a reader who guesses which flows are empty. A key is either hidden
// or not.
func (s *Set) Hide(key string, n int) { s.add(key, n, true) }

func (s *Set) add(key string, n int, hidden bool) {
	if s.n == nil {
		s.n = make(map[string]int)
		s.hidden = make(map[string]bool)
	}
	switch old, ok := s.n[key]; {
	case key == "":
		s.errs = append(s.errs, "a cell has an empty key")
	case n < 0:
		s.errs = append(s.errs, fmt.Sprintf("cell %q has a negative count", key))
	case ok && old != n:
		s.errs = append(s.errs, fmt.Sprintf("cell %q added twice with different counts", key))
	case ok && s.hidden[key] != hidden:
		s.errs = append(s.errs, fmt.Sprintf("cell %q added both hidden and not", key))
	case !ok:
		s.n[key] = n
		s.keys = append(s.keys, key)
		if hidden {
			s.hidden[key] = true
		}
	}
}

// Sum declares that total is the sum of parts. The cells may be added
// before or after.
func (s *Set) Sum(total string, parts ...string) {
	s.rels = append(s.rels, Relation{Total: total, Parts: append([]string(nil), parts...)})
}

// Cells returns the cells sorted by key.
func (s *Set) Cells() []Cell {
	cells := make([]Cell, 0, len(s.keys))
	for _, k := range s.keys {
		cells = append(cells, Cell{k, s.n[k], s.hidden[k]})
	}
	sort.Slice(cells, func(i, j int) bool { return cells[i].Key < cells[j].Key })
	return cells
}

// Relations returns the relations in the order they were declared.
func (s *Set) Relations() []Relation {
	rels := make([]Relation, len(s.rels))
	for i, r := range s.rels {
		rels[i] = Relation{r.Total, append([]string(nil), r.Parts...)}
	}
	return rels
}

// Validate reports the mistakes made while filling the Set and relations
// whose counts do not add up, as an EINVALID *cdoatlas.Error listing them.
// Protect refuses a Set that does not validate: its reasoning relies on the
// relations being true.
func (s *Set) Validate() error {
	msgs := append([]string(nil), s.errs...)
	for _, r := range s.rels {
		if m := s.checkRelation(r); m != "" {
			msgs = append(msgs, m)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return cdoatlas.Errorf(cdoatlas.EINVALID, "disclosure: %s", strings.Join(msgs, "; "))
}

func (s *Set) checkRelation(r Relation) string {
	if len(r.Parts) == 0 {
		return fmt.Sprintf("relation for %q has no parts", r.Total)
	}
	seen := map[string]bool{r.Total: true}
	sum := 0
	for _, p := range r.Parts {
		if seen[p] {
			return fmt.Sprintf("relation for %q names %q twice", r.Total, p)
		}
		seen[p] = true
	}
	for _, k := range append([]string{r.Total}, r.Parts...) {
		if _, ok := s.n[k]; !ok {
			return fmt.Sprintf("relation for %q names unknown cell %q", r.Total, k)
		}
	}
	for _, p := range r.Parts {
		sum += s.n[p]
	}
	if sum != s.n[r.Total] {
		return fmt.Sprintf("parts of %q do not add up to it", r.Total)
	}
	return ""
}
