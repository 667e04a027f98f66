package tabular

import (
	"github.com/cdoatlas/cdoatlas"

	"fmt"
	"io"
	"strings"
)

// ReadCSV reads a CSV table from r. The encoding is detected (see the
// package documentation), the delimiter (comma, semicolon or tab) from the
// header line outside quotes.
// Fields follow RFC 4180: quoted fields may hold delimiters, doubled quotes
// and line breaks; records end with CRLF, LF or CR. A CRLF inside a quoted
// field reads as LF. Space before an opening or after a closing quote is
// ignored. Problems are returned as cdoatlas.FileErrors, all of them (up to
// MaxErrors): after a broken record the reader goes on at the next line.
func ReadCSV(r io.Reader, name string) (*Table, error) {
	data, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return readCSV(data, name)
}

func readCSV(data []byte, name string) (*Table, error) {
	errs := &cdoatlas.FileErrorList{File: name}
	s, ok := decodeText(data, errs)
	if !ok {
		return nil, errs.Err()
	}
	if line := binaryLine(s); line > 0 {
		errs.AddKey(line, "", "file.binary")
		return nil, errs.Err()
	}
	p := &csvParser{s: s, line: 1, delim: detectDelimiter(s), errs: errs}
	recs := p.parse()
	t := buildTable(recs, false, errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// Delimiters in the order that wins a tie.
var delimiters = []byte{',', ';', '\t'}

// detectDelimiter counts the candidate delimiters outside quotes on the
// first line that is not empty and returns the most frequent one; a comma
// when there is none (a table of one column).
func detectDelimiter(s string) byte {
	d, _ := scanFirstLine(s)
	return d
}

// scanFirstLine is detectDelimiter, also reporting whether s holds the
// whole first line (its line break outside quotes).
func scanFirstLine(s string) (delim byte, complete bool) {
	s = strings.TrimLeft(s, "\r\n")
	var counts [256]int
	quoted := false
scan:
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n' || c == '\r':
			complete = true
			break scan
		default:
			counts[c]++
		}
	}
	best := byte(',')
	for _, d := range delimiters {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best, complete
}

// maxRescans bounds how often the reader goes back after a quote that is
// never closed, so that a hostile file cannot make reading quadratic.
const maxRescans = 10

type csvParser struct {
	s      string
	pos    int
	line   int // physical line at pos
	delim  byte
	errs   *cdoatlas.FileErrorList
	header []string // the first record that is not blank, for error messages
	rescan int
	field  strings.Builder
	// final is false while s is only the start of the text (ScanCSV): a
	// record that reaches the end of s is then not complete, and short
	// is set when a quoted field runs past it.
	final bool
	short bool
	// pending holds the problems of the record being read until it is
	// known to be complete.
	pending []cdoatlas.LineError
}

// parse reads all records. Broken records are reported and left out.
func (p *csvParser) parse() []record {
	p.final = true
	var recs []record
	for p.pos < len(p.s) {
		rec, ok := p.record()
		for _, e := range p.pending {
			p.errs.AddError(e)
		}
		p.pending = p.pending[:0]
		if !ok {
			continue
		}
		if p.header == nil && !blank(rec.cells) {
			p.header = rec.cells
		}
		recs = append(recs, rec)
	}
	return recs
}

// problem notes a problem of the record being read.
func (p *csvParser) problem(line int, column, key string) {
	p.pending = append(p.pending, cdoatlas.NewLineError(line, column, key))
}

// record reads one record starting at p.pos. On a syntax error it reports
// it, skips to the start of the next line and returns false.
func (p *csvParser) record() (record, bool) {
	rec := record{line: p.line}
	for {
		if len(rec.cells) >= MaxColumns {
			p.fail(len(rec.cells)+1, "file.csv_too_many_fields")
			return rec, false
		}
		col := len(rec.cells)
		// Space before an opening quote belongs to no field.
		j := p.pos
		for j < len(p.s) && p.s[j] == ' ' {
			j++
		}
		var val string
		if j < len(p.s) && p.s[j] == '"' {
			p.pos = j + 1
			v, ok := p.quoted(col)
			if !ok {
				return rec, false
			}
			val = v
		} else {
			v, ok := p.unquoted(col)
			if !ok {
				return rec, false
			}
			val = v
		}
		rec.cells = append(rec.cells, val)
		// p.pos is at a delimiter, a line break or the end.
		if p.pos >= len(p.s) {
			return rec, true
		}
		if p.s[p.pos] == p.delim {
			p.pos++
			if p.pos >= len(p.s) {
				// A delimiter at the very end leaves one more, empty field.
				rec.cells = append(rec.cells, "")
				return rec, true
			}
			continue
		}
		p.newline()
		return rec, true
	}
}

// unquoted reads a field up to the next delimiter or line break.
func (p *csvParser) unquoted(col int) (string, bool) {
	start := p.pos
	for p.pos < len(p.s) {
		switch c := p.s[p.pos]; c {
		case p.delim, '\n', '\r':
			return p.s[start:p.pos], true
		case '"':
			p.fail(col+1, "file.csv_stray_quote")
			return "", false
		}
		p.pos++
	}
	return p.s[start:p.pos], true
}

// quoted reads a quoted field; p.pos is just after the opening quote.
func (p *csvParser) quoted(col int) (string, bool) {
	startLine, startPos := p.line, p.pos
	p.field.Reset()
	for {
		i := strings.IndexAny(p.s[p.pos:], "\"\r\n")
		if i < 0 && !p.final {
			p.short = true
			return "", false
		}
		if i < 0 {
			p.unterminated(col, startLine, startPos)
			return "", false
		}
		p.field.WriteString(p.s[p.pos : p.pos+i])
		p.pos += i
		switch p.s[p.pos] {
		case '\r', '\n':
			if p.s[p.pos] == '\r' && (p.pos+1 >= len(p.s) || p.s[p.pos+1] != '\n') {
				p.field.WriteByte('\r')
				p.pos++
				p.line++
				continue
			}
			p.newline()
			p.field.WriteByte('\n')
			continue
		}
		// A quote: doubled means a literal quote, otherwise the field ends.
		if p.pos+1 < len(p.s) && p.s[p.pos+1] == '"' {
			p.field.WriteByte('"')
			p.pos += 2
			continue
		}
		p.pos++
		for p.pos < len(p.s) && p.s[p.pos] == ' ' {
			p.pos++
		}
		if p.pos < len(p.s) {
			if c := p.s[p.pos]; c != p.delim && c != '\n' && c != '\r' {
				p.fail(col+1, "file.csv_after_quote")
				return "", false
			}
		}
		return p.field.String(), true
	}
}

// unterminated reports a quoted field that never ends and goes on at the
// line after the opening quote, up to maxRescans times; then it gives up.
func (p *csvParser) unterminated(col, startLine, startPos int) {
	p.problem(startLine, p.columnName(col), "file.csv_unclosed_quote")
	p.rescan++
	if p.rescan > maxRescans {
		p.pos = len(p.s)
		return
	}
	p.pos, p.line = startPos, startLine
	p.skipLine()
}

// fail reports a problem in column col (1-based) of the current line and
// skips to the next line.
func (p *csvParser) fail(col int, key string) {
	p.problem(p.line, p.columnName(col-1), key)
	p.skipLine()
}

func (p *csvParser) columnName(i int) string {
	if p.header == nil {
		return fmt.Sprint(i + 1)
	}
	return columnName(p.header, i)
}

// skipLine moves to the start of the next physical line.
func (p *csvParser) skipLine() {
	i := strings.IndexAny(p.s[p.pos:], "\r\n")
	if i < 0 {
		p.pos = len(p.s)
		return
	}
	p.pos += i
	p.newline()
}

// newline consumes the line break at p.pos (CRLF, LF or CR).
func (p *csvParser) newline() {
	if p.s[p.pos] == '\r' && p.pos+1 < len(p.s) && p.s[p.pos+1] == '\n' {
		p.pos++
	}
	p.pos++
	p.line++
}
