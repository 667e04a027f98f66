package network

import (
	"fmt"
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

// headerKey is the form values and names are compared in.
func headerKey(h string) string { return tabular.HeaderKey(h) }

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
				problems = append([]problem{{colID, fmt.Sprintf("the id %q is already on line %d", c.ID, first)}}, problems...)
			} else {
				lineOf[c.ID] = row.Line
			}
		}
		for _, p := range problems {
			errs.Add(row.Line, header[p.col], p.reason)
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
	for _, c := range required {
		if index[c] < 0 {
			errs.Add(1, Columns[c], fmt.Sprintf("required column missing: %s (or %s)", Columns[c], aliases[c][0]))
		}
	}
	return index, header
}

type problem struct {
	col    int
	reason string
}

// build makes a candidate of the cells of a row and checks it.
func build(v *[numColumns]string) (Candidate, []problem) {
	var ps []problem
	bad := func(col int, format string, args ...any) { ps = append(ps, problem{col, fmt.Sprintf(format, args...)}) }
	c := Candidate{
		ID:           strings.TrimSpace(v[colID]),
		PersonName:   strings.Join(strings.Fields(v[colPersonName]), " "),
		Organization: strings.TrimSpace(v[colOrganization]),
		Title:        strings.TrimSpace(v[colTitle]),
		Tasks:        strings.TrimSpace(v[colTasks]),
	}
	switch {
	case c.ID == "":
		bad(colID, "required: every row needs an id")
	case len(c.ID) > 100:
		bad(colID, "an id of at most 100 characters")
	}
	var ok bool
	if c.Kind, ok = kindWords.lookup(v[colKind]); !ok {
		bad(colKind, "unknown kind %q: municipality (Gemeinde, Stadt), county (Kreis), city_state, state (Land), federal (Bund), public_company, company or association", strings.TrimSpace(v[colKind]))
	}
	if s := strings.TrimSpace(v[colCountry]); s != "" {
		if c.Country = cdoatlas.NormalizeCountry(s); c.Country == "" {
			bad(colCountry, "unknown country %q: give the ISO code (DE, AT, CH …) or the name", s)
		}
	}
	if s := strings.TrimSpace(v[colRegion]); s != "" {
		c.Region = cdoatlas.NormalizeRegion(c.Country, s)
		switch {
		case c.Region == "" && c.Country != "":
			bad(colRegion, "unknown region %q of %s: give the ISO code (DE-NW, AT-9, CH-ZH) or the name", s, c.Country)
		case c.Region == "":
			bad(colRegion, "unknown region %q: give the ISO code (DE-NW, AT-9, CH-ZH) or the name", s)
		case c.Country == "":
			c.Country, _, _ = strings.Cut(c.Region, "-")
		}
	}
	if s := strings.TrimSpace(v[colPopulation]); s != "" {
		if n, ok := parsePopulation(s); ok {
			c.Population = &n
		} else {
			bad(colPopulation, "the population must be a whole number from 0, got %q", s)
		}
	}
	if c.Placement, ok = placementWords.lookup(v[colPlacement]); !ok {
		bad(colPlacement, "unknown placement %q: staff_unit_head (Stabsstelle), board (Dezernat, Vorstand), department (Fachbereich), office (Amt), subsidiary or other", strings.TrimSpace(v[colPlacement]))
	}
	if c.Gender, ok = genderWords.lookup(v[colGender]); !ok {
		bad(colGender, "unknown gender %q: f (w, weiblich), m (männlich), d (divers) or unknown", strings.TrimSpace(v[colGender]))
	} else if c.Gender == "" {
		c.Gender = cdoatlas.GenderUnknown
	}
	if s := strings.TrimSpace(v[colAppliedOn]); s != "" {
		d, err := cdoatlas.ParsePartialDate(s)
		if err != nil {
			bad(colAppliedOn, "a date as YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or YYYY, got %q", s)
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

// words maps what people write for a value (German or English, any case,
// umlauts or not) to the value.
type words map[string]string

func newWords(pairs map[string][]string) words {
	w := words{}
	for value, list := range pairs {
		for _, s := range append([]string{value}, list...) {
			w[headerKey(s)] = value
		}
	}
	return w
}

// lookup returns the value s stands for; "" and true for an empty cell.
func (w words) lookup(s string) (string, bool) {
	if strings.TrimSpace(s) == "" {
		return "", true
	}
	v, ok := w[headerKey(s)]
	return v, ok && headerKey(s) != ""
}

var kindWords = newWords(map[string][]string{
	cdoatlas.KindMunicipality: {"Gemeinde", "Stadt", "Kommune", "Markt", "Kreisfreie Stadt", "Große Kreisstadt",
		"Landeshauptstadt", "Hansestadt", "Municipality", "City", "Town"},
	cdoatlas.KindCounty:        {"Kreis", "Landkreis", "Städteregion", "Regionalverband", "County", "District"},
	cdoatlas.KindCityState:     {"Stadtstaat", "City state"},
	cdoatlas.KindState:         {"Land", "Bundesland", "Freistaat", "Kanton", "State", "Canton"},
	cdoatlas.KindFederal:       {"Bund", "Bundesverwaltung", "Federal"},
	cdoatlas.KindPublicCompany: {"Öffentliches Unternehmen", "Kommunales Unternehmen", "Stadtwerke", "Eigenbetrieb", "Public company"},
	cdoatlas.KindCompany:       {"Unternehmen", "Firma", "Company"},
	cdoatlas.KindAssociation:   {"Verband", "Verein", "Zweckverband", "Association"},
	cdoatlas.KindUnknown:       {"Unbekannt"},
})

var placementWords = newWords(map[string][]string{
	"staff_unit_head": {"Stabsstelle", "Stabsstelle HVB", "Stabsstelle beim HVB", "Staff unit"},
	"board":           {"Dezernat", "Vorstand", "Verwaltungsvorstand", "Geschäftsführung", "Beigeordnete", "Beigeordneter"},
	"department":      {"Fachbereich", "Abteilung", "Geschäftsbereich"},
	"office":          {"Amt"},
	"subsidiary":      {"Tochter", "Tochtergesellschaft", "Beteiligung"},
	"other":           {"Sonstige", "Andere"},
})

var genderWords = newWords(map[string][]string{
	"f":                    {"w", "weiblich", "Frau", "female", "woman"},
	"m":                    {"männlich", "Mann", "male", "man"},
	"d":                    {"divers", "diverse", "x"},
	cdoatlas.GenderUnknown: {"unbekannt", "k.A.", "keine Angabe"},
})
