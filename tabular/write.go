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

// WriteCSV writes the header and rows as CSV in dialect. Fields holding a
// quote, a line break or a delimiter are quoted, as is a first field that
// starts with a byte order mark, so that ReadCSV reads back exactly the
// cells written. In ExcelDE, a cell that is a decimal number with a point
// (3.5) gets a comma (3,5); other cells, such as codes with leading zeros,
// stay as they are.
func WriteCSV(w io.Writer, header []string, rows [][]string, dialect Dialect) error {
	bw := bufio.NewWriter(w)
	delim := byte(',')
	if dialect == ExcelDE {
		delim = ';'
		bw.Write(bomUTF8)
	}
	// ReadCSV detects the delimiter on the header line, so there every
	// candidate is quoted; below, the delimiter in use (and the comma that
	// a one-column table is read with).
	writeRecord(bw, header, delim, `",;`+"\t\r\n", RFC4180)
	special := `"` + "\r\n" + string(delim)
	if len(header) < 2 {
		special += ","
	}
	for _, row := range rows {
		writeRecord(bw, row, delim, special, dialect)
	}
	return bw.Flush()
}

func writeRecord(w *bufio.Writer, cells []string, delim byte, special string, dialect Dialect) {
	for i, c := range cells {
		if i > 0 {
			w.WriteByte(delim)
		}
		if dialect == ExcelDE && isDecimal(c) {
			c = strings.Replace(c, ".", ",", 1)
		}
		if strings.ContainsAny(c, special) || strings.HasPrefix(c, "\uFEFF") || (c == "" && len(cells) == 1) {
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

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
