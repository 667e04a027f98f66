package tabular

import "strings"

// Spreadsheet programs run a CSV cell that starts with = + - or @ as a
// formula ("=HYPERLINK(…)", "@SUM(…)"), also one a user or a source typed
// into a name: CSV formula injection. Following the OWASP advice, WriteCSV
// guards every data cell with GuardFormula (a leading apostrophe makes it
// text) and quotes every cell holding a comma, semicolon or tab in both
// dialects, so that a program splitting on another delimiter than the one
// written cannot start a new cell with a formula inside one. XLSX cells are
// written as text and need no guard.
//
// The registry import reads its own CSV export back: UnguardFormula drops
// exactly the apostrophe GuardFormula added.

// formulaStart are the first characters that make a spreadsheet read a
// cell as a formula (OWASP: = + - @ tab CR).
const formulaStart = "=+-@\t\r"

// GuardFormula returns cell with a leading apostrophe when a spreadsheet
// would read it as a formula: it starts with = + - @, a tab or a carriage
// return. A plain signed number (-12, +3.5, -1,5) stays as it is. A cell
// that already looks guarded (an apostrophe before what would be guarded)
// gets a second apostrophe, so that UnguardFormula gives back exactly cell.
func GuardFormula(cell string) string {
	if !guarded(cell) {
		return cell
	}
	return "'" + cell
}

// UnguardFormula undoes GuardFormula: it drops the leading apostrophe of a
// cell that GuardFormula would have written, that is an apostrophe before
// = + - @, a tab or a carriage return (but not before a plain signed number
// such as -12), or before such a guarded cell. Any other cell stays as it
// is, so UnguardFormula(GuardFormula(s)) == s for every s.
func UnguardFormula(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && guarded(cell[1:]) {
		return cell[1:]
	}
	return cell
}

// guarded reports whether GuardFormula prefixes cell.
func guarded(cell string) bool {
	for cell != "" && cell[0] == '\'' {
		cell = cell[1:]
		if cell == "" {
			return false
		}
	}
	return cell != "" && strings.IndexByte(formulaStart, cell[0]) >= 0 && !isSignedNumber(cell)
}

// UnguardFormulas applies UnguardFormula to every cell of the rows of t,
// in place (not to the header, which WriteCSV does not guard).
func UnguardFormulas(t *Table) {
	for _, row := range t.Rows {
		for i, c := range row.Cells {
			row.Cells[i] = UnguardFormula(c)
		}
	}
}

// isSignedNumber reports whether s is a sign followed by digits with at
// most one decimal point or comma.
func isSignedNumber(s string) bool {
	if s[0] != '-' && s[0] != '+' {
		return false
	}
	s = s[1:]
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		return allDigits(s[:i]) && allDigits(s[i+1:])
	}
	return allDigits(s)
}
