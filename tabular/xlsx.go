package tabular

import (
	"github.com/cdoatlas/cdoatlas"

	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads the first sheet of an XLSX workbook from r; its first row
// that is not empty is the header. Cells are read as Excel shows them, with
// two exceptions that keep values exact: dates in the short date format come
// as YYYY-MM-DD, and integers shown with thousands separators come without
// them. Codes formatted with leading zeros (00000000) keep their zeros.
func ReadXLSX(r io.Reader, name string) (*Table, error) {
	data, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return readXLSX(data, name)
}

// xlsxOptions bound what a workbook may unpack to, so that a small hostile
// file cannot fill memory or disk.
var xlsxOptions = excelize.Options{
	ShortDatePattern:  "yyyy-mm-dd",
	UnzipSizeLimit:    1 << 30,
	UnzipXMLSizeLimit: 64 << 20,
}

func readXLSX(data []byte, name string) (t *Table, err error) {
	errs := &cdoatlas.FileErrorList{File: name}
	defer func() {
		// excelize is a large parser of untrusted input: a panic in it
		// must not take the application down.
		if r := recover(); r != nil {
			t, err = nil, cdoatlas.FileError(name, 1, "", "file.xlsx_corrupt")
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), xlsxOptions)
	if err != nil {
		return nil, cdoatlas.FileError(name, 1, "", "file.xlsx_unreadable")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, cdoatlas.FileError(name, 1, "", "file.xlsx_no_sheet")
	}
	shown, err := sheetRows(f, sheets[0], false)
	if err != nil {
		return nil, cdoatlas.FileError(name, len(shown)+1, "", "file.xlsx_corrupt_row")
	}
	var raw [][]string
	if anyGrouped(shown) {
		// Stored values are read only when needed: parsing the sheet is
		// most of the work.
		if raw, err = sheetRows(f, sheets[0], true); err != nil {
			return nil, cdoatlas.FileError(name, len(raw)+1, "", "file.xlsx_corrupt_row")
		}
	}
	recs := make([]record, 0, len(shown))
	for i, cells := range shown {
		if len(cells) == 0 {
			continue
		}
		for j := range cells {
			var r string
			if i < len(raw) && j < len(raw[i]) {
				r = raw[i][j]
			}
			cells[j] = cellValue(r, cells[j])
		}
		recs = append(recs, record{line: i + 1, cells: cells})
	}
	t = buildTable(recs, true, errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// sheetRows reads every row of a sheet; index i holds row i+1, nil for a row
// without cells.
func sheetRows(f *excelize.File, sheet string, raw bool) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: raw})
		if err != nil {
			rows.Close()
			return out, err
		}
		out = append(out, cells)
	}
	if err := rows.Error(); err != nil {
		rows.Close()
		return out, err
	}
	return out, rows.Close()
}

// cellValue chooses between the stored (raw) and the shown value of a cell:
// the shown one, unless it is the stored integer with thousands separators.
// Line breaks are LF, as in CSV.
func cellValue(raw, shown string) string {
	if shown != raw && isInteger(raw) && strings.Map(dropSeparator, shown) == raw {
		shown = raw
	}
	return strings.ReplaceAll(shown, "\r\n", "\n")
}

// anyGrouped reports whether a shown value may be an integer with
// thousands separators (1,084,831).
func anyGrouped(rows [][]string) bool {
	for _, row := range rows {
		for _, c := range row {
			if len(c) > 4 && strings.ContainsAny(c, ",. \u00a0\u202f'’") && isInteger(strings.Map(dropSeparator, c)) {
				return true
			}
		}
	}
	return false
}

func dropSeparator(r rune) rune {
	switch r {
	case ',', '.', ' ', '\u00a0', '\u202f', '\'', '’':
		return -1
	}
	return r
}

// isInteger reports whether s is a plain decimal integer.
func isInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil && !strings.HasPrefix(s, "+")
}

// sheetName makes s usable as a sheet name: at most 31 characters, none of
// []:*?/\ and not empty.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, strings.Trim(strings.TrimSpace(s), "'"))
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if s == "" {
		s = "Sheet1"
	}
	return s
}
