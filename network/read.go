package network

import (
	"io"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// Columns are the columns of an applications or members file, in the
// order of DESIGN §5.
var Columns = []string{"id", "person_name", "organization", "kind", "country", "region", "population",
	"title", "tasks", "placement", "gender", "applied_on"}

const (
	colID = iota
	colPersonName
	colOrganization
	colKind
	colCountry
	colRegion
	colPopulation
	colTitle
	colTasks
	colPlacement
	colGender
	colAppliedOn
	numColumns
)

// aliases are further names of each column, German first.
var aliases = [numColumns][]string{
	colID:           {"ID", "Nr", "Nummer", "Bewerbungsnummer", "Kennung"},
	colPersonName:   {"Name", "Person", "Personenname"},
	colOrganization: {"Organisation", "Organization", "Körperschaft", "Kommune", "Behörde"},
	colKind:         {"Art", "Typ", "Organisationsart"},
	colCountry:      {"Staat", "Country", "Ländercode"},
	colRegion:       {"Bundesland", "Kanton", "Region"},
	colPopulation:   {"Einwohner", "Einwohnerzahl", "Population"},
	colTitle:        {"Titel", "Funktion", "Position", "Stellenbezeichnung"},
	colTasks:        {"Aufgaben", "Aufgabenbeschreibung", "Tätigkeiten"},
	colPlacement:    {"Verortung", "Ansiedlung", "Placement"},
	colGender:       {"Geschlecht", "Gender"},
	colAppliedOn:    {"Beworben am", "Bewerbungsdatum", "Eingang", "Datum", "Applied on"},
}

// required are the columns a file must have: the check needs the tasks.
var required = []int{colID, colTasks}

var schema = tabular.NewSchema(Columns, aliases[:], colCountry, colRegion)

// ReadCandidates reads an applications or members file: CSV (UTF-8 with or
// without BOM, UTF-16 or Windows-1252; comma, semicolon or tab) or XLSX,
// with the columns of DESIGN §5 under their English names or German
// aliases (Name, Organisation, Art, Staat or Land, Bundesland or Kanton,
// Einwohner, Titel or Funktion, Aufgaben, Verortung, Geschlecht, Beworben
// am), in any case. id and tasks are required. Values are read as people
// write them: kinds, placements and genders in German or English
// (Gemeinde, Landkreis, Stabsstelle, weiblich …), countries and regions by
// code, name or abbreviation (Österreich, Sachsen-Anhalt, NRW),
// populations with thousands separators, dates as 2025-03-01 or
// 01.03.2025. A file with any problem gives a cdoatlas.FileErrors listing
// each (line, column as written in the file, reason) and no candidates.
func ReadCandidates(r io.Reader, name string) ([]Candidate, error) {
	t, err := tabular.Read(r, name)
	if err != nil {
		return nil, err
	}
	errs := &cdoatlas.FileErrorList{File: name}
	index, header := mapHeader(t, errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	var out []Candidate
	lineOf := map[string]int{}
	var v [numColumns]string
	for _, row := range t.Rows {
		for c := range v {
			v[c] = ""
			if i := index[c]; i >= 0 && i < len(row.Cells) {
				v[c] = row.Cells[i]
			}
		}
		c, problems := build(&v)
		if c.ID != "" {
			if first, ok := lineOf[c.ID]; ok {
				problems = append([]problem{{colID, "file.id_twice", []any{c.ID, first}}}, problems...)
			} else {
				lineOf[c.ID] = row.Line
			}
		}
		for _, p := range problems {
			errs.AddKey(row.Line, header[p.col], p.key, p.args...)
		}
		if len(problems) == 0 && !errs.Full() {
			out = append(out, c)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// mapHeader finds the columns: index[c] is the table column of column c or
// -1, header[c] its name as written (the English name when missing).
// "Land" means the country when every value is one, else the state when
// every value is one; columns given twice and missing required columns
// are reported for line 1.
func mapHeader(t *tabular.Table, errs *cdoatlas.FileErrorList) (index []int, header []string) {
	index, header = schema.Map(t, errs)
	for c := range header {
		if header[c] == "" {
			header[c] = Columns[c]
		}
	}
	schema.Require(index, required, 1, errs)
	return index, header
}

// problem is a problem of a cell: its column, message key and arguments.
type problem struct {
	col  int
	key  string
	args []any
}

// build makes a candidate of the cells of a row and checks it.
func build(v *[numColumns]string) (Candidate, []problem) {
	var ps []problem
	bad := func(col int, key string, args ...any) { ps = append(ps, problem{col, key, args}) }
	c := Candidate{
		ID:           strings.TrimSpace(v[colID]),
		PersonName:   strings.Join(strings.Fields(v[colPersonName]), " "),
		Organization: strings.TrimSpace(v[colOrganization]),
		Title:        strings.TrimSpace(v[colTitle]),
		Tasks:        strings.TrimSpace(v[colTasks]),
	}
	switch {
	case c.ID == "":
		bad(colID, "file.id_required")
	case len(c.ID) > 100:
		bad(colID, "file.id_too_long")
	}
	var ok bool
	if c.Kind, ok = cdoatlas.ParseKind(v[colKind]); !ok {
		bad(colKind, "file.kind_unknown", strings.TrimSpace(v[colKind]))
	}
	if s := strings.TrimSpace(v[colCountry]); s != "" {
		if c.Country = cdoatlas.NormalizeCountry(s); c.Country == "" {
			bad(colCountry, "file.country_unknown", s)
		}
	}
	if s := strings.TrimSpace(v[colRegion]); s != "" {
		c.Region = cdoatlas.NormalizeRegion(c.Country, s)
		switch {
		case c.Region == "" && c.Country != "":
			bad(colRegion, "file.region_unknown_in", s, c.Country)
		case c.Region == "":
			bad(colRegion, "file.region_unknown", s)
		case c.Country == "":
			c.Country, _, _ = strings.Cut(c.Region, "-")
		}
	}
	if s := strings.TrimSpace(v[colPopulation]); s != "" {
		if n, ok := parsePopulation(s); ok {
			c.Population = &n
		} else {
			bad(colPopulation, "file.population_invalid", s)
		}
	}
	if c.Placement, ok = cdoatlas.ParsePlacement(v[colPlacement]); !ok {
		bad(colPlacement, "file.placement_unknown", strings.TrimSpace(v[colPlacement]))
	}
	if c.Gender, ok = cdoatlas.ParseGender(v[colGender]); !ok {
		bad(colGender, "file.gender_unknown", strings.TrimSpace(v[colGender]))
	}
	if s := strings.TrimSpace(v[colAppliedOn]); s != "" {
		d, err := cdoatlas.ParsePartialDate(s)
		if err != nil {
			bad(colAppliedOn, "file.date_invalid", s)
		}
		c.AppliedOn = d
	}
	return c, ps
}

// parsePopulation reads a whole number from 0 with optional thousands
// separators: 1510378, 1.510.378, 1,510,378, 1 510 378, 1'510'378.
func parsePopulation(s string) (int64, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '\'', '’':
			return -1
		}
		return r
	}, s)
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		groups := strings.Split(s, string(s[i]))
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		s = strings.Join(groups, "")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}
