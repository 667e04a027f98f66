package disclosure

import (
	"github.com/cdoatlas/cdoatlas/locale"
	"strconv"
)

// Symbol stands in a table for a withheld count.
const Symbol = "."

// Result is the outcome of Protect: a status for every cell of the Set.
type Result struct {
	K     int
	cells map[string]cellResult
	keys  []string // sorted
}

type cellResult struct {
	n  int
	st Status
}

// Status returns the status of the cell with key; ok is false when the Set
// had no such cell.
func (r *Result) Status(key string) (st Status, ok bool) {
	c, ok := r.cells[key]
	return c.st, ok
}

// Suppressed reports whether the cell with key is withheld. A key the Set
// did not have counts as withheld: a figure that was never checked is not
// published by mistake.
func (r *Result) Suppressed(key string) bool {
	c, ok := r.cells[key]
	return !ok || c.st.Suppressed()
}

// Text returns what a public table shows for key: the count, or Symbol
// when it is withheld or unknown to the Set.
func (r *Result) Text(key string) string {
	c, ok := r.cells[key]
	if !ok {
		return Symbol
	}
	return Display(c.n, c.st.Suppressed())
}

// Keys returns the keys with status st, sorted.
func (r *Result) Keys(st Status) []string {
	var keys []string
	for _, k := range r.keys {
		if r.cells[k].st == st {
			keys = append(keys, k)
		}
	}
	return keys
}

// Legend returns the footnote a public table needs in lang ("de" or "en"),
// or "" when nothing is withheld.
func (r *Result) Legend(lang string) string {
	for _, c := range r.cells {
		if c.st == Primary || c.st == Secondary {
			return Legend(lang, r.K)
		}
	}
	return ""
}

// Display formats a count for a table: Symbol when it is withheld, the
// number otherwise.
func Display(n int, suppressed bool) string {
	if suppressed {
		return Symbol
	}
	return strconv.Itoa(n)
}

// Legend is the public footnote for Symbol in lang ("en", otherwise German).
// It names both reasons at once, since telling which withheld cell is below
// k would say that it is 1 … k−1.
func Legend(lang string, k int) string { return locale.Text(lang, "disclosure.legend", Symbol, k) }

// Footnote is the text for one status in lang ("en", otherwise German), for
// operators' reports; "" for Shown. Public tables use Legend.
func Footnote(lang string, st Status, k int) string {
	switch st {
	case Primary:
		return locale.Text(lang, "disclosure.primary", k)
	case Secondary:
		return locale.Text(lang, "disclosure.secondary")
	}
	return ""
}
