// Package tabular reads and writes tables the way administrations exchange
// them: CSV from Excel and other tools (UTF-8 with or without byte order
// mark, UTF-16 or Windows-1252; comma, semicolon or tab) and XLSX workbooks.
//
// Reading never panics. A file that cannot be read as a table gives a
// cdoatlas.FileErrors listing every problem found with its line.
package tabular

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Table is a read table: the header (the first row that is not empty) and
// the data rows below it, each as wide as the header.
type Table struct {
	Header []string
	Rows   []Row
	// HeaderLine is the line of the header (1 when there is none).
	HeaderLine int
}

// Row is one data row of a table.
type Row struct {
	// Line is the 1-based physical line of the file where the record
	// starts; for XLSX the row number of the sheet.
	Line  int
	Cells []string
}

// Limits of what Read accepts.
const (
	// MaxFileSize is the largest file Read accepts, in bytes.
	MaxFileSize = 64 << 20
	// MaxColumns is the widest table Read accepts (Excel's limit).
	MaxColumns = 16384
	// MaxErrors is how many problems of one file are listed (the first
	// found, in line order); a last entry says how many more there were.
	MaxErrors = cdoatlas.MaxFileErrors
)

// maxFileSize is MaxFileSize, lowered by tests.
var maxFileSize int64 = MaxFileSize

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
)

// Read reads a table from r. It detects XLSX by content (a zip archive) and
// reads its first sheet; anything else is read as CSV (see ReadCSV). name is
// the file name used in error messages. Problems of the file are returned as
// cdoatlas.FileErrors; other errors come from reading r.
func Read(r io.Reader, name string) (*Table, error) {
	data, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return readXLSX(data, name)
	case bytes.HasPrefix(data, oleMagic):
		return nil, cdoatlas.FileError(name, 1, "", "file.xls")
	}
	return readCSV(data, name)
}

// readAll reads all of r, refusing more than maxFileSize bytes.
func readAll(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > maxFileSize {
		return nil, cdoatlas.FileError(name, 1, "", "file.too_large", maxFileSize>>20)
	}
	return data, nil
}

// record is a parsed record before it becomes the header or a row.
type record struct {
	line  int
	cells []string
}

// blank reports whether every cell is empty or space.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// buildTable turns records into a table: the first record that is not blank
// is the header (without trailing empty names), blank records are skipped,
// and every row must fit the header. Short rows are padded when padShort
// (XLSX leaves trailing empty cells out) and an error otherwise (CSV).
func buildTable(recs []record, padShort bool, errs *cdoatlas.FileErrorList) *Table {
	t := &Table{HeaderLine: 1}
	i := 0
	for i < len(recs) && blank(recs[i].cells) {
		i++
	}
	if i == len(recs) {
		errs.AddKey(1, "", "file.no_header")
		return t
	}
	h := recs[i].cells
	t.HeaderLine = recs[i].line
	n := len(h)
	for n > 0 && strings.TrimSpace(h[n-1]) == "" {
		n--
	}
	t.Header = h[:n:n]
	if n > MaxColumns {
		errs.AddKey(recs[i].line, "", "file.header_too_wide", n, MaxColumns)
		return t
	}
	for _, rec := range recs[i+1:] {
		if blank(rec.cells) {
			continue
		}
		cells := rec.cells
		if len(cells) > n {
			ok := true
			for j := n; j < len(cells); j++ {
				if strings.TrimSpace(cells[j]) != "" {
					errs.AddKey(rec.line, fmt.Sprint(j+1), "file.value_without_header", j+1, n)
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			cells = cells[:n:n]
		}
		if len(cells) < n {
			if !padShort {
				errs.AddKey(rec.line, fmt.Sprint(len(cells)+1), "file.fields_fewer", len(cells), n)
				continue
			}
			cells = append(cells, make([]string, n-len(cells))...)
		}
		t.Rows = append(t.Rows, Row{Line: rec.line, Cells: cells})
	}
	return t
}

// columnName names column i (0-based) of a row for error messages: the
// header name when known, the 1-based number otherwise.
func columnName(header []string, i int) string {
	if i < len(header) && strings.TrimSpace(header[i]) != "" {
		return header[i]
	}
	return fmt.Sprint(i + 1)
}
