package tabular

import (
	"bufio"
	"io"
	"strings"
)

// Dialect is a flavour of CSV to write.
type Dialect int

// The CSV dialects users ask for (DESIGN §7).
const (
	// RFC4180 is UTF-8 without byte order mark, comma, CRLF.
	RFC4180 Dialect = iota
	// ExcelDE is what German Excel opens with a double click: UTF-8 with
	// byte order mark, semicolon, CRLF and a decimal comma in numbers.
	ExcelDE
)

// String names the dialect as the CLI and the web UI do.
func (d Dialect) String() string {
	if d == ExcelDE {
		return "csv-de"
	}
	return "csv"
}

// WriteCSV writes the header and rows as CSV in dialect. Every data cell
// is guarded against formula injection (GuardFormula: a cell starting with
// = + - @, tab or CR gets a leading apostrophe, plain signed numbers stay),
// so no download or export can forget it. Fields holding a quote, a line
// break, a comma, a semicolon or a tab are quoted in both dialects, as is a
// first field that starts with a byte order mark, so that ReadCSV reads
// back the cells written (guarded; UnguardFormula undoes that) and no
// program splitting on another delimiter sees a cell start inside one. In
// ExcelDE, a cell that is a decimal number with a point (3.5) gets a comma
// (3,5); other cells, such as codes with leading zeros, stay as they are.
func WriteCSV(w io.Writer, header []string, rows [][]string, dialect Dialect) error {
	bw := bufio.NewWriter(w)
	delim := byte(',')
	if dialect == ExcelDE {
		delim = ';'
		bw.Write(bomUTF8)
	}
	// Every delimiter ReadCSV or a spreadsheet program might detect is
	// quoted, on the header line and in the data (OWASP: a cell must not
	// split into one that starts with a formula); only a number with a
	// decimal comma is left bare in ExcelDE, unless the table has one
	// column, which ReadCSV reads with a comma.
	writeRecord(bw, header, delim, RFC4180, false, false)
	for _, row := range rows {
		writeRecord(bw, row, delim, dialect, true, delim != ',' && len(header) > 1)
	}
	return bw.Flush()
}

// writeRecord writes one line; data cells are guarded, and bareNumbers
// leaves numbers with a decimal comma unquoted.
func writeRecord(w *bufio.Writer, cells []string, delim byte, dialect Dialect, data, bareNumbers bool) {
	const special = `",;` + "\t\r\n"
	for i, c := range cells {
		if i > 0 {
			w.WriteByte(delim)
		}
		if dialect == ExcelDE && isDecimal(c) {
			c = strings.Replace(c, ".", ",", 1)
		}
		if data {
			c = GuardFormula(c)
		}
		quote := strings.ContainsAny(c, special) && !(bareNumbers && isNumber(c))
		if quote || strings.HasPrefix(c, "\uFEFF") || (c == "" && len(cells) == 1) {
			w.WriteByte('"')
			w.WriteString(strings.ReplaceAll(c, `"`, `""`))
			w.WriteByte('"')
			continue
		}
		w.WriteString(c)
	}
	w.WriteString("\r\n")
}

// isDecimal reports whether s is a number with a decimal point: an optional
// sign, digits, one point, digits.
func isDecimal(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	i := strings.IndexByte(s, '.')
	return i > 0 && i < len(s)-1 && allDigits(s[:i]) && allDigits(s[i+1:])
}

// isNumber reports whether s is a number: an optional sign, digits and at
// most one decimal point or comma between digits.
func isNumber(s string) bool {
	return s != "" && (isSignedNumber(s) || isSignedNumber("+"+s))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
