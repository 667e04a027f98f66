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
			c, known := columnByKey[headerKey(fl.key)]
			if headerKey(fl.key) == ambiguousLand {
				c, known = numColumns, true // ParseRegistry decides what it means
			}
			if !known {
				f.errs.Add(line, fl.key, "unknown field: not a registry column")
				continue
			}
			if other, dup := byColumn[c]; dup {
				f.errs.Add(line, fl.key, "the field "+other+" already gives this column")
				continue
			}
			byColumn[c] = fl.key
			s, problem := cell(c, fl.raw)
			if problem != "" {
				f.errs.Add(line, fl.key, problem)
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
// empty cell, and a list of strings (other names) joined with "|".
func cell(col int, raw json.RawMessage) (string, string) {
	switch kindOf(raw) {
	case "text":
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", "want text"
		}
		return s, ""
	case "a number":
		return string(raw), ""
	case "true/false":
		return yesNo(string(raw) == "true"), ""
	case "null":
		return "", ""
	case "a list":
		var names []string
		if col == colOtherNames && json.Unmarshal(raw, &names) == nil {
			return strings.Join(names, " | "), ""
		}
	}
	return "", "want text, a number, true or false, or null; found " + kindOf(raw)
}
