package tabular

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the header and rows as a workbook with one sheet. The
// header row is bold and frozen. A column whose values are all plain
// integers (population, birth year) is written as numbers, unless its header
// is one of textColumns; every other cell is text, so codes keep their
// leading zeros. Text columns are formatted as text (@), so that codes typed
// into them later stay text too.
func WriteXLSX(w io.Writer, sheet string, header []string, rows [][]string, textColumns ...string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet = sheetName(sheet)
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	numeric := numericColumns(header, rows, textColumns)
	for i, width := range columnWidths(header, rows) {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	values := make([]any, len(header))
	for i, h := range header {
		values[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", values); err != nil {
		return err
	}
	for r, row := range rows {
		values = values[:0]
		for i, c := range row {
			switch {
			case i < len(numeric) && numeric[i] && c != "":
				n, _ := strconv.ParseInt(c, 10, 64)
				values = append(values, n)
			case c == "":
				values = append(values, nil)
			default:
				values = append(values, excelize.Cell{StyleID: text, Value: c})
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, values); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// numericColumns marks the columns to write as numbers: not listed in
// textColumns, with at least one value, and every value an integer that
// Excel holds exactly, without a leading zero.
func numericColumns(header []string, rows [][]string, textColumns []string) []bool {
	numeric := make([]bool, len(header))
	seen := make([]bool, len(header))
	for i := range numeric {
		numeric[i] = true
		for _, t := range textColumns {
			if strings.EqualFold(header[i], t) {
				numeric[i] = false
			}
		}
	}
	for _, row := range rows {
		for i, c := range row {
			if i >= len(numeric) || c == "" {
				continue
			}
			seen[i] = true
			if numeric[i] && !plainInteger(c) {
				numeric[i] = false
			}
		}
	}
	for i := range numeric {
		numeric[i] = numeric[i] && seen[i]
	}
	return numeric
}

// plainInteger reports whether s is an integer written the way Excel writes
// it back: no sign other than minus, no leading zero, at most 15 digits.
func plainInteger(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || len(d) > 15 || (d[0] == '0' && len(d) > 1) || d == "-0" {
		return false
	}
	return allDigits(d) && s != "-0"
}

// columnWidths sizes columns to their longest value, within limits.
func columnWidths(header []string, rows [][]string) []float64 {
	widths := make([]float64, len(header))
	grow := func(i int, s string) {
		if i >= len(widths) {
			return
		}
		if w := float64(utf8.RuneCountInString(s)) + 2; w > widths[i] {
			widths[i] = min(w, 60)
		}
	}
	for i, h := range header {
		grow(i, h)
	}
	for _, row := range rows {
		for i, c := range row {
			grow(i, c)
		}
	}
	for i := range widths {
		widths[i] = max(widths[i], 8)
	}
	return widths
}
