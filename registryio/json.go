package registryio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// ReadRegistry reads a registry file of any kind the import accepts and
// checks it: JSON when its first character (after spaces and a UTF-8 byte
// order mark) is "{" or "[", otherwise a table read by tabular.Read (CSV or
// XLSX) and checked by ParseRegistry. name is the file name in errors.
//
// A table reads back what the CSV export wrote: the export guards cells
// against formula injection (tabular.GuardFormula), and a cell that starts
// with an apostrophe before = + - @, a tab or a carriage return (not before
// a plain signed number such as -12) loses that apostrophe
// (tabular.UnguardFormula), in CSV and XLSX alike, as a spreadsheet that
// opened the CSV export may save it either way. A name that really starts
// so ("'=…") can only be imported from JSON.
//
// JSON comes in two forms:
//
//   - the "json" export: {"organizations", "posts", "people", "tenures"}
//     with the field names of the API (DESIGN §5). Posts name their
//     organization by "organization_id", tenures their holder and post by
//     "person_id" and "post_id"; these ids only link the objects of the
//     file. The import matches organizations, posts and people as for a
//     table. Server-made fields (created_at, updated_at, size_class) are
//     ignored, and so are parent_id (it must name an organization of the
//     file) and people that hold no tenure, which a table cannot carry
//     either. Each tenure gives one record, each post without tenures one,
//     and each organization without posts one, as the CSV export has rows.
//   - an array of flat objects, one a row, with the column names of a table
//     (Columns and their aliases); values may be strings, numbers, true or
//     false, or null, and other_names also a list of strings.
//
// Every problem of the file is collected (up to tabular.MaxErrors, then
// counted); when there is any, ReadRegistry returns nil and a
// cdoatlas.FileErrors. Line is where the offending object starts; Column
// names the field: "organizations[2].official_code" in the export form
// (the index counts from 0), the field name as written in a flat object;
// syntax errors give line and character in the reason. The file may have
// at most tabular.MaxFileSize bytes. Other errors come from reading r.
func ReadRegistry(r io.Reader, name string) ([]cdoatlas.RegistryRecord, error) {
	data, err := io.ReadAll(io.LimitReader(r, tabular.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > tabular.MaxFileSize {
		return nil, cdoatlas.FileError(name, 1, "", "file.too_large", tabular.MaxFileSize>>20)
	}
	if !isJSON(data) {
		t, err := tabular.Read(bytes.NewReader(data), name)
		if err != nil {
			return nil, err
		}
		tabular.UnguardFormulas(t)
		return ParseRegistry(t, name)
	}
	return readJSON(bytes.TrimPrefix(data, bom), name)
}

var bom = []byte("\uFEFF")

// isJSON reports whether data starts like a JSON object or array.
func isJSON(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	return len(data) > 0 && (data[0] == '{' || data[0] == '[')
}

func readJSON(data []byte, name string) ([]cdoatlas.RegistryRecord, error) {
	f := &jsonFile{data: data, errs: cdoatlas.FileErrorList{File: name}, broken: map[string]bool{}}
	// The whole file is checked first: encoding/json reports the exact
	// offset of a syntax error only this way, and the walk below can then
	// rely on well-formed input.
	if err := json.Unmarshal(data, new(skipValue)); err != nil {
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			return nil, err
		}
		off := int(se.Offset) - 1 // the offending byte
		line, char := f.position(off)
		f.errs.AddKey(line, "", "file.json_syntax", char, strings.TrimPrefix(se.Error(), "json: "))
		return nil, f.errs.Err()
	}
	f.newlines()
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, _ := dec.Token()
	var recs []cdoatlas.RegistryRecord
	if tok == json.Delim('[') {
		recs = f.readFlat(dec)
	} else {
		recs = f.readDoc(dec)
	}
	if err := f.errs.Err(); err != nil {
		return nil, err
	}
	if recs == nil {
		recs = []cdoatlas.RegistryRecord{}
	}
	return recs, nil
}

// skipValue accepts any JSON value without decoding it.
type skipValue struct{}

func (*skipValue) UnmarshalJSON([]byte) error { return nil }

// jsonFile is a well-formed JSON file being read.
type jsonFile struct {
	data []byte
	nl   []int // offsets of the newlines
	errs cdoatlas.FileErrorList
	// broken holds the fields (paths) of the export form whose value had
	// the wrong type: what follows from reading them as empty is not
	// reported again.
	broken map[string]bool
}

func (f *jsonFile) newlines() {
	for i, b := range f.data {
		if b == '\n' {
			f.nl = append(f.nl, i)
		}
	}
}

// position returns the line (from 1) and the character in the line (from
// 1) of byte offset off.
func (f *jsonFile) position(off int) (line, char int) {
	off = max(0, min(off, len(f.data)))
	start := bytes.LastIndexByte(f.data[:off], '\n') + 1
	return bytes.Count(f.data[:start], []byte("\n")) + 1, utf8.RuneCount(f.data[start:off]) + 1
}

// lineAt returns the line of byte offset off, once newlines has run.
func (f *jsonFile) lineAt(off int) int {
	return sort.SearchInts(f.nl, off) + 1
}

// next returns the offset where the next value of dec starts.
func (f *jsonFile) next(dec *json.Decoder) int {
	off := int(dec.InputOffset())
	for off < len(f.data) && strings.IndexByte(" \t\r\n,:", f.data[off]) >= 0 {
		off++
	}
	return off
}

// peek returns the first byte of the next value of dec, or 0 at the end.
func (f *jsonFile) peek(dec *json.Decoder) byte {
	if off := f.next(dec); off < len(f.data) {
		return f.data[off]
	}
	return 0
}

// field is one member of a JSON object.
type field struct {
	key string
	raw json.RawMessage
}

// objects reads the elements of the array dec is in (after its "["),
// calling each with the index, the line and the members of every object
// element. Other elements are reported with path and skipped; so are
// members whose name the object has already used.
func (f *jsonFile) objects(dec *json.Decoder, path string, each func(i, line int, fields []field)) {
	for i := 0; dec.More(); i++ {
		line := f.lineAt(f.next(dec))
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return // cannot happen with well-formed input
		}
		if kindOf(raw) != kindObject {
			f.errs.AddKey(line, fmt.Sprintf("%s[%d]", path, i), "file.json_want_object", kindOf(raw))
			continue
		}
		each(i, line, f.members(raw, line, fmt.Sprintf("%s[%d].", path, i)))
	}
	dec.Token() // the closing "]"
}

// members returns the members of a well-formed object in their order,
// reporting names given twice (the first counts).
func (f *jsonFile) members(raw json.RawMessage, line int, prefix string) []field {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.Token()
	var fields []field
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		key, ok := tok.(string)
		var v json.RawMessage
		if err != nil || !ok || dec.Decode(&v) != nil {
			break
		}
		if seen[key] {
			f.errs.AddKey(line, prefix+key, "file.json_field_twice")
			continue
		}
		seen[key] = true
		fields = append(fields, field{key: key, raw: v})
	}
	return fields
}

// The kinds of JSON values, each the message key of its name, which
// problems give as an argument.
const (
	kindNothing = "file.word.json_nothing"
	kindObject  = "file.word.json_object"
	kindList    = "file.word.json_list"
	kindText    = "file.word.json_text"
	kindBool    = "file.word.json_bool"
	kindNull    = "file.word.json_null"
	kindNumber  = "file.word.json_number"
)

// kindOf returns the kind of a JSON value.
func kindOf(raw json.RawMessage) string {
	if len(raw) == 0 {
		return kindNothing
	}
	switch raw[0] {
	case '{':
		return kindObject
	case '[':
		return kindList
	case '"':
		return kindText
	case 't', 'f':
		return kindBool
	case 'n':
		return kindNull
	}
	return kindNumber
}
