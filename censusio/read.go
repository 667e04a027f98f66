// Package censusio reads census observation files: CSV (UTF-8 with or
// without BOM, UTF-16 or Windows-1252; comma, semicolon or tab), XLSX and
// JSON Lines, with the columns of DESIGN §5 under their English or German
// names.
package censusio

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// Columns are the observation columns, in the order DESIGN §5 names them.
var Columns = []string{"person_name", "title", "organization", "country", "region", "official_code",
	"profile_url", "gender", "birth_year", "tasks", "source_url", "observed_on"}

const (
	colPersonName = iota
	colTitle
	colOrganization
	colCountry
	colRegion
	colOfficialCode
	colProfileURL
	colGender
	colBirthYear
	colTasks
	colSourceURL
	colObservedOn
	numColumns
)

// aliases are further names of each column.
var aliases = [numColumns][]string{
	colPersonName:   {"Name", "Person", "Personenname", "Vollständiger Name", "Full Name"},
	colTitle:        {"Titel", "Funktion", "Position", "Stellenbezeichnung", "Job Title", "Jobtitel", "Bezeichnung"},
	colOrganization: {"Organisation", "Organization", "Arbeitgeber", "Company", "Behörde", "Kommune", "Körperschaft", "Unternehmen"},
	colCountry:      {"Staat", "Country", "Ländercode"},
	colRegion:       {"Bundesland", "Kanton", "Region", "State"},
	colOfficialCode: {"AGS", "ARS", "GKZ", "BFS", "BFS-Nr", "Amtlicher Schlüssel", "Gemeindeschlüssel", "Code"},
	colProfileURL:   {"Profil-URL", "Profil", "Profile", "Profile URL", "LinkedIn", "XING", "Profillink"},
	colGender:       {"Geschlecht", "Gender"},
	colBirthYear:    {"Geburtsjahr", "Jahrgang", "Year of Birth"},
	colTasks:        {"Aufgaben", "Aufgabenbeschreibung", "Tätigkeiten", "Tasks", "Description"},
	colSourceURL:    {"Quelle", "Source", "Quell-URL", "Link", "URL"},
	colObservedOn:   {"Beobachtet am", "Datum", "Stand", "Observed", "Date"},
}

var schema = tabular.NewSchema(Columns, aliases[:], colCountry, colRegion)

// SourceOf returns the source a file name names as a word ("2024 LinkedIn
// export.csv", "wave-2024-press.csv"), or "other".
func SourceOf(name string) string {
	for _, w := range strings.Fields(cdoatlas.Fold(strings.TrimSuffix(name, path.Ext(name)))) {
		if slices.Contains(cdoatlas.Sources, w) {
			return w
		}
	}
	return "other"
}

// Read reads the observations of a file: JSON Lines when name ends in
// .jsonl or .ndjson, else a CSV file streamed record by record or an XLSX
// workbook (tabular.Scan).
//
// Observation files are raw data: every row is kept. A cell that cannot be
// normalised (cdoatlas.Observation.Normalize) is stored empty or unknown
// and flagged with its raw value in the row's Flags (so is one that held
// control characters such as NUL, which are taken out), and listed in the
// warnings, all of them, with its line, its column as written in the
// header and the reason in English (its message key in Key, with Args,
// for a page to show it in its language). A line that cannot be parsed at
// all (a stray quote, a JSON line that is not an object) is a warning too
// and is left out.
//
// The error refuses the file only for what makes it unreadable as a table
// of observations: a cdoatlas.FileErrors listing every such problem
// (binary or not text, no header, a required column missing, a column
// given twice), an error reading r, or ctx.Err() when ctx ends, which is
// checked every few thousand rows.
func Read(ctx context.Context, r io.Reader, name string) ([]cdoatlas.Observation, cdoatlas.FileErrors, error) {
	rd := newReader(name)
	rd.size = sizeOf(r)
	lower := strings.ToLower(name)
	var err error
	if strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".ndjson") {
		err = rd.readJSONL(ctx, r)
	} else {
		err = tabular.Scan(ctx, r, name, rd.record, rd.bad)
		if err == nil {
			err = rd.finish()
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return rd.out, rd.warnings, nil
}

// Parse reads the observations of a table as Read does.
func Parse(t *tabular.Table, file string) ([]cdoatlas.Observation, cdoatlas.FileErrors, error) {
	rd := newReader(file)
	if err := rd.record(t.HeaderLine, t.Header); err != nil {
		return nil, nil, err
	}
	for _, row := range t.Rows {
		if err := rd.record(row.Line, row.Cells); err != nil {
			return nil, nil, err
		}
	}
	if err := rd.finish(); err != nil {
		return nil, nil, err
	}
	return rd.out, rd.warnings, nil
}

// sizeOf returns the size of what r reads when r knows it (a file, a
// bytes or strings reader, an upload), else 0.
func sizeOf(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	case interface{ Size() int64 }:
		return r.Size()
	}
	return 0
}

// reader turns the records of one file into observations.
type reader struct {
	file     string
	header   []string // the header as written; nil before it
	index    []int    // table column of each of Columns, -1 when missing
	names    []string // name of each of Columns in the header
	land     int      // the column "Land" while undecided, else -1
	lands    []string // its values, while undecided
	out      []cdoatlas.Observation
	warnings cdoatlas.FileErrors
	strs     map[string]string // interned values: repeated names, titles, places
	size     int64             // of the file when known, else 0
	rowBytes int               // bytes of the first rows, to guess how many there are
}

// newReader starts reading file. Its name goes into every row (and so
// into the database): control characters in it are taken out.
func newReader(file string) *reader {
	file, _ = cdoatlas.CleanText(file, false)
	return &reader{file: file, land: -1, strs: map[string]string{}}
}

// intern returns s as kept: one copy of each value, not sharing memory
// with the block of the file it was read from.
func (rd *reader) intern(s string) string {
	if s == "" {
		return ""
	}
	if v, ok := rd.strs[s]; ok {
		return v
	}
	v := strings.Clone(s)
	rd.strs[v] = v
	return v
}

// bad records a line that could not be parsed, with the problem of the
// table reader (its key stands as the argument).
func (rd *reader) bad(e cdoatlas.LineError) {
	rd.warning(cdoatlas.NewLineError(e.Line, e.Column, "file.row_unreadable", e.Key))
}

// warning records a problem of a row that is kept or left out.
func (rd *reader) warning(e cdoatlas.LineError) {
	e.File = rd.file
	rd.warnings = append(rd.warnings, e)
}

// warn records a flagged cell.
func (rd *reader) warn(line int, f cdoatlas.CellFlag) {
	col := f.Field
	if c, ok := fieldColumn[f.Field]; ok && rd.names != nil && rd.names[c] != "" {
		col = rd.names[c]
	}
	rd.warning(cdoatlas.NewLineError(line, col, f.Reason))
}

// record takes the header (the first record that is not blank) or a row.
func (rd *reader) record(line int, cells []string) error {
	if rd.header == nil {
		if blankCells(cells) {
			return nil
		}
		return rd.mapHeader(cells)
	}
	if blankCells(cells) {
		return nil
	}
	var v [numColumns]string
	for c, i := range rd.index {
		if i >= 0 && i < len(cells) {
			v[c] = cells[i]
		}
	}
	var extra []cdoatlas.CellFlag
	if len(cells) < len(rd.header) {
		rd.warning(cdoatlas.NewLineError(line, "", "file.row_short", len(cells), len(rd.header)))
	} else if over := cells[len(rd.header):]; !blankCells(over) {
		f := cdoatlas.CellFlag{Raw: rd.intern(strings.Join(over, "\t")), Reason: "row.extra"}
		extra = append(extra, f)
		rd.warning(cdoatlas.NewLineError(line, fmt.Sprint(len(rd.header)+1), "row.extra"))
	}
	o := cdoatlas.Observation{File: rd.file, Line: line,
		PersonName: v[colPersonName], Title: v[colTitle], Organization: v[colOrganization],
		Country: v[colCountry], Region: v[colRegion], OfficialCode: v[colOfficialCode], ProfileURL: v[colProfileURL],
		Gender: v[colGender], Tasks: v[colTasks], SourceURL: v[colSourceURL],
		ObservedOn: cdoatlas.PartialDate(v[colObservedOn]),
	}
	if rd.land >= 0 {
		// Normalised in finish, once the column "Land" is decided; the
		// birth year waits in the flags.
		land := ""
		if rd.land < len(cells) {
			land = cells[rd.land]
		}
		rd.lands = append(rd.lands, rd.intern(land))
		extra = append(extra, cdoatlas.CellFlag{Field: "birth_year", Raw: rd.intern(v[colBirthYear])})
		o.Flags = extra
		rd.out = append(rd.out, o)
		rd.keep(&rd.out[len(rd.out)-1])
		return nil
	}
	rd.add(&o, v[colBirthYear], extra)
	if rd.size > 0 {
		if len(rd.out) <= reserveAfter {
			for _, c := range cells {
				rd.rowBytes += len(c) + 1
			}
		}
		if len(rd.out) == reserveAfter {
			rd.reserve()
		}
	}
	return nil
}

// reserveAfter is how many rows are read before reserve guesses how many
// the file has.
const reserveAfter = 2000

// add keeps a row, normalises it in place and records its flags.
func (rd *reader) add(o *cdoatlas.Observation, birthYear string, flags []cdoatlas.CellFlag) {
	rd.out = append(rd.out, *o)
	rd.normalize(&rd.out[len(rd.out)-1], birthYear, flags)
}

// normalize normalises a kept row, records its flags and interns its text.
func (rd *reader) normalize(o *cdoatlas.Observation, birthYear string, flags []cdoatlas.CellFlag) {
	o.Flags = flags
	for _, f := range o.Normalize(birthYear) {
		rd.warn(o.Line, f)
	}
	for i := range o.Flags {
		o.Flags[i].Raw = rd.intern(o.Flags[i].Raw)
	}
	rd.keep(o)
}

// keep interns the text fields of o.
func (rd *reader) keep(o *cdoatlas.Observation) {
	o.PersonName = rd.intern(o.PersonName)
	o.Title = rd.intern(o.Title)
	o.Organization = rd.intern(o.Organization)
	o.Country = rd.intern(o.Country)
	o.Region = rd.intern(o.Region)
	o.OfficialCode = rd.intern(o.OfficialCode)
	o.ProfileURL = rd.intern(o.ProfileURL)
	o.Gender = rd.intern(o.Gender)
	o.Tasks = rd.intern(o.Tasks)
	o.SourceURL = rd.intern(o.SourceURL)
	o.ObservedOn = cdoatlas.PartialDate(rd.intern(string(o.ObservedOn)))
}

// reserve makes room for the rows of the file once some are read: as many
// as its size suggests by the bytes per row so far, so that the rows are
// not copied again and again as they grow.
func (rd *reader) reserve() {
	if rd.size <= 0 || rd.rowBytes == 0 {
		return
	}
	want := int(rd.size*int64(len(rd.out))/int64(rd.rowBytes)*21/20) + 1024
	if want > cap(rd.out) {
		rd.out = append(make([]cdoatlas.Observation, 0, want), rd.out...)
	}
}

// mapHeader finds the columns in the header and refuses a file without a
// required column.
func (rd *reader) mapHeader(cells []string) error {
	rd.header = make([]string, len(cells))
	for i, c := range cells {
		rd.header[i] = strings.Clone(c)
	}
	n := len(rd.header)
	for n > 0 && strings.TrimSpace(rd.header[n-1]) == "" {
		n--
	}
	rd.header = rd.header[:n:n]
	errs := &cdoatlas.FileErrorList{File: rd.file}
	rd.index, rd.names, rd.land = schema.MapHeader(rd.header, errs)
	if rd.land >= 0 {
		// "Land" is the country when a column gives the state, and the
		// other way round; otherwise its values decide (finish).
		switch {
		case rd.index[colRegion] >= 0 && rd.index[colCountry] < 0:
			rd.index[colCountry], rd.names[colCountry], rd.land = rd.land, rd.header[rd.land], -1
		case rd.index[colCountry] >= 0 && rd.index[colRegion] < 0:
			rd.index[colRegion], rd.names[colRegion], rd.land = rd.land, rd.header[rd.land], -1
		case rd.index[colCountry] >= 0 && rd.index[colRegion] >= 0:
			rd.land = -1
		}
	}
	schema.Require(rd.index, []int{colPersonName, colTitle, colOrganization}, 2, errs)
	return errs.Err()
}

// finish decides an undecided column "Land" and normalises the rows that
// waited for it; a file without a header is refused.
func (rd *reader) finish() error {
	if rd.header == nil {
		return cdoatlas.FileError(rd.file, 1, "", "file.no_header")
	}
	if rd.land < 0 {
		return nil
	}
	errs := &cdoatlas.FileErrorList{File: rd.file}
	schema.MapLand(rd.header, rd.land, rd.lands, rd.index, rd.names, errs)
	if err := errs.Err(); err != nil {
		return err
	}
	for i := range rd.out {
		o := &rd.out[i]
		birthYear := o.Flags[len(o.Flags)-1].Raw
		flags := o.Flags[:len(o.Flags)-1]
		switch rd.land {
		case rd.index[colCountry]:
			o.Country = rd.lands[i]
		case rd.index[colRegion]:
			o.Region = rd.lands[i]
		}
		rd.normalize(o, birthYear, flags)
	}
	rd.lands, rd.land = nil, -1
	return nil
}

func blankCells(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// fieldColumn maps the field names of cdoatlas.Observation to columns.
var fieldColumn = map[string]int{"person_name": colPersonName, "title": colTitle, "organization": colOrganization,
	"country": colCountry, "region": colRegion, "official_code": colOfficialCode, "profile_url": colProfileURL,
	"gender": colGender, "birth_year": colBirthYear, "tasks": colTasks, "source_url": colSourceURL, "observed_on": colObservedOn}

// maxJSONLine is the longest line of a JSON Lines file, 64 KiB with its
// line break; a longer line is reported as too long and skipped.
const maxJSONLine = 64 << 10

// readJSONL reads one JSON object a line with the column names as keys
// (strings, birth_year also a number). Blank lines are skipped; a line
// that is not an object is a warning.
func (rd *reader) readJSONL(ctx context.Context, r io.Reader) error {
	rd.names = make([]string, numColumns)
	br := bufio.NewReaderSize(r, maxJSONLine)
	for line := 1; ; line++ {
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		raw, err := br.ReadSlice('\n')
		long := errors.Is(err, bufio.ErrBufferFull)
		if long {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			rd.warning(cdoatlas.NewLineError(line, "", "file.row_unreadable", "file.line_too_long"))
		}
		if err != nil && err != io.EOF && !long {
			return fmt.Errorf("read %s: %w", rd.file, err)
		}
		if !long {
			if b := bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))); len(b) > 0 {
				if line == 1 && bytes.IndexByte(b, 0) >= 0 {
					return cdoatlas.FileError(rd.file, 1, "", "file.binary")
				}
				rd.jsonRow(b, line)
			}
		}
		if err == io.EOF {
			break
		}
	}
	return nil
}

func (rd *reader) jsonRow(b []byte, line int) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		rd.warning(cdoatlas.NewLineError(line, "", "file.row_unreadable", "file.not_json_object"))
		return
	}
	var v [numColumns]string
	var flags []cdoatlas.CellFlag
	for k, raw := range obj {
		c := schema.Column(k)
		if c < 0 || string(raw) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			var n json.Number
			d := json.NewDecoder(bytes.NewReader(raw))
			d.UseNumber()
			if d.Decode(&n) != nil {
				f := cdoatlas.CellFlag{Field: Columns[c], Raw: string(raw), Reason: "value.invalid"}
				flags = append(flags, f)
				rd.warn(line, f)
				continue
			}
			s = n.String()
		}
		v[c] = s
	}
	o := cdoatlas.Observation{File: rd.file, Line: line,
		PersonName: v[colPersonName], Title: v[colTitle], Organization: v[colOrganization],
		Country: v[colCountry], Region: v[colRegion], OfficialCode: v[colOfficialCode], ProfileURL: v[colProfileURL],
		Gender: v[colGender], Tasks: v[colTasks], SourceURL: v[colSourceURL],
		ObservedOn: cdoatlas.PartialDate(v[colObservedOn]),
	}
	rd.add(&o, v[colBirthYear], flags)
}
