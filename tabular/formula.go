package tabular

import "strings"

// Spreadsheet programs run a CSV cell that starts with = + - or @ as a
// formula ("=HYPERLINK(…)", "@SUM(…)"), also one a user or a source typed
// into a name: CSV formula injection. Downloads of text people entered go
// through GuardFormula before WriteCSV. XLSX cells are written as text and
// need no guard.

// GuardFormula returns cell with a leading apostrophe when a spreadsheet
// would read it as a formula: it starts with = + - @, a tab or a carriage
// return. A plain signed number (-12, +3.5, -1,5) stays as it is.
func GuardFormula(cell string) string {
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) || isSignedNumber(cell) {
		return cell
	}
	return "'" + cell
}

// GuardFormulas applies GuardFormula to every cell of rows, in place, and
// returns rows.
func GuardFormulas(rows [][]string) [][]string {
	for _, row := range rows {
		for i, c := range row {
			row[i] = GuardFormula(c)
		}
	}
	return rows
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
