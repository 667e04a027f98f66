package registryio

import (
	"encoding/json"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// readFlat reads an array of flat objects (dec is after its "[") as the
// rows of a table and checks them with ParseRegistry, so that a flat object
// means what the same row of a CSV file means. Objects with values of the
// wrong type are reported and left out of the table.
func (f *jsonFile) readFlat(dec *json.Decoder) []cdoatlas.RegistryRecord {
	t := &tabular.Table{}
	columnOf := map[int]int{} // registry column (numColumns for "Land") → table column
	f.objects(dec, "", func(_, line int, fields []field) {
		cells := map[int]string{}
		byColumn := map[int]string{} // registry column → field name, in this object
		ok := true
		for _, fl := range fields {
			c := columnSchema.Column(fl.key)
			known := c >= 0
			if tabular.HeaderKey(fl.key) == "land" {
				c, known = numColumns, true // ParseRegistry decides what it means
			}
			if !known {
				f.errs.AddKey(line, fl.key, "file.json_not_column")
				continue
			}
			if other, dup := byColumn[c]; dup {
				f.errs.AddKey(line, fl.key, "file.json_same_column", other)
				continue
			}
			byColumn[c] = fl.key
			s, problem, args := cell(c, fl.raw)
			if problem != "" {
				f.errs.AddKey(line, fl.key, problem, args...)
				ok = false
				continue
			}
			i, known := columnOf[c]
			if !known {
				i = len(t.Header)
				columnOf[c] = i
				t.Header = append(t.Header, fl.key)
			}
			cells[i] = s
		}
		if ok {
			t.Rows = append(t.Rows, tabular.Row{Line: line, Cells: rowCells(cells)})
		}
	})
	if len(t.Rows) == 0 {
		return nil // an empty file, or nothing readable
	}
	for i, row := range t.Rows {
		if len(row.Cells) < len(t.Header) {
			t.Rows[i].Cells = append(row.Cells, make([]string, len(t.Header)-len(row.Cells))...)
		}
	}
	recs, err := ParseRegistry(t, f.errs.File)
	if fe, ok := err.(cdoatlas.FileErrors); ok {
		f.errs.AddAll(fe)
	}
	return recs
}

// rowCells puts cells by table column into a slice.
func rowCells(cells map[int]string) []string {
	n := 0
	for c := range cells {
		n = max(n, c+1)
	}
	row := make([]string, n)
	for c, s := range cells {
		row[c] = s
	}
	return row
}

// cell turns the value of a flat field into the text of a table cell: text
// as it is, a number as written, true and false as yes and no, null as an
// empty cell, and a list of strings (other names) joined with "|". A value
// that cannot be a cell gives the message key of the problem and its
// arguments.
func cell(col int, raw json.RawMessage) (s, problem string, args []any) {
	switch kindOf(raw) {
	case kindText:
		if json.Unmarshal(raw, &s) != nil {
			return "", "file.json_want_text", nil
		}
		return s, "", nil
	case kindNumber:
		return string(raw), "", nil
	case kindBool:
		return yesNo(string(raw) == "true"), "", nil
	case kindNull:
		return "", "", nil
	case kindList:
		var names []string
		if col == colOtherNames && json.Unmarshal(raw, &names) == nil {
			return strings.Join(names, " | "), "", nil
		}
	}
	return "", "file.json_want_cell", []any{kindOf(raw)}
}
