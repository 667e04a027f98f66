package tabular

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxStreamSize is the largest CSV file ScanCSV reads, in bytes: it holds
// only a block of the file at a time.
const MaxStreamSize = 1 << 30

// maxStreamSize is MaxStreamSize, lowered by tests.
var maxStreamSize int64 = MaxStreamSize

// streamBlock is how much of a file ScanCSV decodes and parses at a time.
var streamBlock = 4 << 20

// ctxEvery is how many records pass between checks of the context.
const ctxEvery = 4096

// Scan reads a table record by record. A CSV file is read as ReadCSV does (encoding,
// delimiter, RFC 4180 fields), holding only a block of the file at a time.
// It calls record for every record, blank ones included, with its
// physical line; cells may share memory with the block read, so clone what
// you keep. A record that cannot be parsed (a stray or missing quote) is
// left out and passed to bad as a problem with its line, column and
// message key. The file is
// refused, with a cdoatlas.FileErrors error, when it is not text (binary
// data, a UTF-8 byte order mark on bytes that are not UTF-8, an old Excel
// file) or larger than MaxStreamSize. An XLSX workbook is read whole
// (ReadXLSX, whose problems refuse it) and its header and rows passed to
// record. An error of record stops reading and is returned, as is
// ctx.Err(), checked every few thousand records.
func Scan(ctx context.Context, r io.Reader, name string, record func(line int, cells []string) error, bad func(cdoatlas.LineError)) error {
	br := bufio.NewReaderSize(&limitedReader{r: r, n: maxStreamSize + 1}, 64<<10)
	head, _ := br.Peek(len(oleMagic))
	var src io.Reader = br
	strict := false // a UTF-8 byte order mark: every line must be UTF-8
	switch {
	case bytes.HasPrefix(head, zipMagic):
		return scanXLSX(ctx, br, name, record)
	case bytes.HasPrefix(head, oleMagic):
		return cdoatlas.FileError(name, 1, "", "file.xls")
	case bytes.HasPrefix(head, bomUTF8):
		br.Discard(len(bomUTF8))
		strict = true
	case bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE):
		src = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	}
	errs := &cdoatlas.FileErrorList{File: name}
	p := &csvParser{line: 1, errs: errs}
	dec := charmap.Windows1252.NewDecoder()
	buf := make([]byte, streamBlock)
	var rest []byte // bytes after the last line break of the previous block
	var carry string
	lines := 0 // line breaks in the text before the current block
	first, records := true, 0
	for {
		n, err := io.ReadFull(src, buf)
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			if errors.Is(err, errTooLarge) {
				return cdoatlas.FileError(name, 1, "", "file.too_large", maxStreamSize>>20)
			}
			return fmt.Errorf("read %s: %w", name, err)
		}
		data := append(rest, buf[:n]...)
		rest = nil
		if !eof {
			if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
				rest = append([]byte(nil), data[i+1:]...)
				data = data[:i+1]
			} else {
				rest, data = data, nil
			}
		}
		text, ok := decodeBlock(data, strict, lines, dec, errs)
		if !ok {
			// Go on to list every line that is not UTF-8.
			lines += bytes.Count(data, []byte("\n"))
			if eof {
				return errs.Err()
			}
			continue
		}
		if i := strings.IndexByte(text, 0); i >= 0 {
			return cdoatlas.FileError(name, 1+lines+countLines(text[:i]), "", "file.binary")
		}
		if errs.Err() != nil {
			lines += countLines(text)
			if eof {
				return errs.Err()
			}
			continue
		}
		lines += countLines(text)
		p.s, p.pos, p.final = carry+text, 0, eof
		if first {
			d, complete := scanFirstLine(p.s)
			if !complete && !eof {
				carry = p.s // wait for the whole header
				continue
			}
			p.delim, first = d, false
		}
		for p.pos < len(p.s) {
			start, startLine := p.pos, p.line
			rec, ok := p.record()
			if p.short || !p.final && p.pos >= len(p.s) {
				p.pos, p.line, p.short, p.pending = start, startLine, false, p.pending[:0]
				break
			}
			for _, e := range p.pending {
				bad(e)
			}
			p.pending = p.pending[:0]
			if !ok {
				continue
			}
			if p.header == nil && !blank(rec.cells) {
				p.header = cloneStrings(rec.cells)
			}
			if err := record(rec.line, rec.cells); err != nil {
				return err
			}
			if records++; records%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
		}
		carry = p.s[p.pos:]
		if eof {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// decodeBlock decodes a block of whole lines as decodeText decodes a file;
// line numbers of problems count from lines.
func decodeBlock(data []byte, strict bool, lines int, dec interface{ Bytes([]byte) ([]byte, error) }, errs *cdoatlas.FileErrorList) (string, bool) {
	if utf8.Valid(data) {
		return string(data), true
	}
	if strict {
		for i, line := range bytes.Split(data, []byte("\n")) {
			if !utf8.Valid(line) {
				errs.AddKey(lines+i+1, "", "file.utf8_bom")
			}
		}
		return "", false
	}
	var b bytes.Buffer
	b.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line = data[:i+1]
		}
		data = data[len(line):]
		if utf8.Valid(line) {
			b.Write(line)
			continue
		}
		out, err := dec.Bytes(line)
		if err != nil {
			errs.AddKey(lines+1, "", "file.encoding")
			return "", false
		}
		b.Write(out)
	}
	return b.String(), true
}

func cloneStrings(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string([]byte(s))
	}
	return out
}

var errTooLarge = errors.New("too large")

// limitedReader reads at most n bytes and then fails with errTooLarge.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(b []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(b)) > l.n {
		b = b[:l.n]
	}
	n, err := l.r.Read(b)
	l.n -= int64(n)
	if l.n <= 0 && err == nil {
		err = errTooLarge
	}
	return n, err
}

// scanXLSX reads a workbook whole and passes its header and rows to record.
func scanXLSX(ctx context.Context, r io.Reader, name string, record func(line int, cells []string) error) error {
	data, err := readAll(r, name)
	if err != nil {
		return err
	}
	t, err := readXLSX(data, name)
	if err != nil {
		return err
	}
	if err := record(t.HeaderLine, t.Header); err != nil {
		return err
	}
	for i, row := range t.Rows {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := record(row.Line, row.Cells); err != nil {
			return err
		}
	}
	return nil
}
