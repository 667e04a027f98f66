// Package censusio reads census observation files: CSV (UTF-8 with or
// without BOM, UTF-16 or Windows-1252; comma, semicolon or tab), XLSX and
// JSON Lines, with the columns of DESIGN §5 under their English or German
// names.
package censusio

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
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
// .jsonl or .ndjson, else a table (tabular.Read). Every row is checked; a
// file with any problem gives a cdoatlas.FileErrors listing each (line,
// column as written in the file, reason) and no rows.
func Read(r io.Reader, name string) ([]cdoatlas.Observation, error) {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".ndjson") {
		return readJSONL(r, name)
	}
	t, err := tabular.Read(r, name)
	if err != nil {
		return nil, err
	}
	return Parse(t, name)
}

// Parse reads the observations of a table.
func Parse(t *tabular.Table, file string) ([]cdoatlas.Observation, error) {
	errs := &cdoatlas.FileErrorList{File: file}
	index, header := mapHeader(t, errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	out := make([]cdoatlas.Observation, 0, len(t.Rows))
	var v [numColumns]string
	for _, row := range t.Rows {
		for c := range v {
			v[c] = ""
			if i := index[c]; i >= 0 && i < len(row.Cells) {
				v[c] = row.Cells[i]
			}
		}
		o, problems := build(&v)
		for _, p := range problems {
			col := Columns[p.col]
			if header[p.col] != "" {
				col = header[p.col]
			}
			errs.Add(row.Line, col, p.reason)
		}
		if len(problems) == 0 && !errs.Full() {
			o.File, o.Line = file, row.Line
			out = append(out, o)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// mapHeader finds the columns in the header (schema.Map) and reports
// missing required columns for line 1.
func mapHeader(t *tabular.Table, errs *cdoatlas.FileErrorList) (index []int, header []string) {
	index, header = schema.Map(t, errs)
	for _, c := range []int{colPersonName, colTitle, colOrganization} {
		if index[c] < 0 {
			errs.Add(1, Columns[c], fmt.Sprintf("required column missing: %s (or %s)", Columns[c], strings.Join(aliases[c][:2], ", ")))
		}
	}
	return index, header
}

// problem is one problem of a row.
type problem struct {
	col    int
	reason string
}

// fieldColumn maps the field names of cdoatlas.Observation.Validate to
// columns.
var fieldColumn = map[string]int{"person_name": colPersonName, "title": colTitle, "organization": colOrganization,
	"country": colCountry, "region": colRegion, "official_code": colOfficialCode, "profile_url": colProfileURL,
	"gender": colGender, "birth_year": colBirthYear, "tasks": colTasks, "source_url": colSourceURL, "observed_on": colObservedOn}

// build makes an observation of the cells of a row and checks it.
func build(v *[numColumns]string) (cdoatlas.Observation, []problem) {
	o := cdoatlas.Observation{
		PersonName: v[colPersonName], Title: v[colTitle], Organization: v[colOrganization],
		Region: v[colRegion], OfficialCode: v[colOfficialCode], ProfileURL: v[colProfileURL],
		Gender: v[colGender], Tasks: v[colTasks], SourceURL: v[colSourceURL],
		ObservedOn: cdoatlas.PartialDate(strings.TrimSpace(v[colObservedOn])),
	}
	var ps []problem
	if c := strings.TrimSpace(v[colCountry]); c != "" {
		if o.Country = cdoatlas.NormalizeCountry(c); o.Country == "" {
			o.Country = c // Validate names the problem
		}
	}
	if s := strings.TrimSpace(v[colBirthYear]); s != "" {
		y, err := strconv.Atoi(s)
		if err != nil {
			ps = append(ps, problem{colBirthYear, cdoatlas.Message("en", "birth_year.invalid")})
		} else {
			o.BirthYear = &y
		}
	}
	if err := o.Validate(); err != nil {
		var e *cdoatlas.Error
		if errors.As(err, &e) {
			for f, key := range e.Fields {
				ps = append(ps, problem{fieldColumn[f], cdoatlas.Message("en", key)})
			}
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].col < ps[j].col })
	return o, ps
}

// maxJSONLine is the longest line of a JSON Lines file.
const maxJSONLine = 1 << 20

// readJSONL reads one JSON object a line with the column names as keys
// (strings, birth_year also a number). Blank lines are skipped.
func readJSONL(r io.Reader, name string) ([]cdoatlas.Observation, error) {
	errs := &cdoatlas.FileErrorList{File: name}
	var out []cdoatlas.Observation
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		raw, err := br.ReadSlice('\n')
		long := errors.Is(err, bufio.ErrBufferFull)
		if long {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			errs.Add(line, "", "line too long")
		}
		if err != nil && err != io.EOF && !long {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if !long {
			if b := bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))); len(b) > 0 {
				if o, ok := jsonRow(b, line, errs); ok {
					o.File, o.Line = name, line
					out = append(out, o)
				}
			}
		}
		if err == io.EOF {
			break
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func jsonRow(b []byte, line int, errs *cdoatlas.FileErrorList) (cdoatlas.Observation, bool) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		errs.Add(line, "", "not a JSON object")
		return cdoatlas.Observation{}, false
	}
	var v [numColumns]string
	bad := false
	for k, raw := range obj {
		c := schema.Column(k)
		if c < 0 {
			continue
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			var n json.Number
			d := json.NewDecoder(bytes.NewReader(raw))
			d.UseNumber()
			if string(raw) == "null" {
				continue
			}
			if d.Decode(&n) != nil {
				errs.Add(line, k, "must be a string")
				bad = true
				continue
			}
			s = n.String()
		}
		v[c] = s
	}
	if bad {
		return cdoatlas.Observation{}, false
	}
	o, ps := build(&v)
	for _, p := range ps {
		errs.Add(line, Columns[p.col], p.reason)
	}
	return o, len(ps) == 0
}
