// Package registryio reads and writes registry files (DESIGN §5): the
// columns of an organization, optionally one of its posts, the holder and
// the tenure, one row each, from CSV or XLSX tables read by package tabular;
// and exports of the whole registry as CSV, XLSX, JSON and Popolo JSON.
package registryio

import (
	"fmt"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// Columns are the column names of registry files, in the order exports
// write them. Imports accept them in any order and case, and the German
// aliases listed in DESIGN §5.
var Columns = []string{
	"name", "other_names", "kind", "country", "region", "official_code",
	"population", "population_date", "sector", "employees",
	"title", "tasks", "role", "cdo_check", "archetype", "placement",
	"cross_departmental", "budget", "board_access",
	"person_name", "gender", "birth_year", "publication_basis", "fictional",
	"start", "end", "status", "hire", "source_url",
}

// Column indexes into Columns.
const (
	colName = iota
	colOtherNames
	colKind
	colCountry
	colRegion
	colOfficialCode
	colPopulation
	colPopulationDate
	colSector
	colEmployees
	colTitle
	colTasks
	colRole
	colCDOCheck
	colArchetype
	colPlacement
	colCrossDepartmental
	colBudget
	colBoardAccess
	colPersonName
	colGender
	colBirthYear
	colPublicationBasis
	colFictional
	colStart
	colEnd
	colStatus
	colHire
	colSourceURL
	numColumns
)

// Which columns describe which part of a row.
var (
	orgColumns    = []int{colName, colOtherNames, colKind, colCountry, colRegion, colOfficialCode, colPopulation, colPopulationDate, colSector, colEmployees}
	postColumns   = []int{colTitle, colTasks, colRole, colCDOCheck, colArchetype, colPlacement, colCrossDepartmental, colBudget, colBoardAccess}
	personColumns = []int{colPersonName, colGender, colBirthYear, colPublicationBasis, colFictional}
	tenureColumns = []int{colStart, colEnd, colStatus, colHire}
)

// aliases are further names of each column, besides its own.
var aliases = [numColumns][]string{
	colName:              {"Name", "Organisation", "Organization", "Körperschaft", "Kommune"},
	colOtherNames:        {"Andere Namen", "Weitere Namen", "Alias", "Aliases"},
	colKind:              {"Art", "Typ", "Type", "Organisationsart"},
	colCountry:           {"Staat", "Country", "Ländercode"},
	colRegion:            {"Bundesland", "Kanton", "Region"},
	colOfficialCode:      {"AGS", "ARS", "GKZ", "BFS", "BFS-Nr", "BFS-Nummer", "Gemeindeschlüssel", "Amtlicher Schlüssel", "Amtlicher Gemeindeschlüssel", "Regionalschlüssel", "Kreisschlüssel", "Gemeindekennziffer", "Code"},
	colPopulation:        {"Einwohner", "Einwohnerzahl", "Bevölkerung", "Inhabitants"},
	colPopulationDate:    {"Stichtag", "Einwohner Stichtag", "Stichtag Einwohner"},
	colSector:            {"Branche", "Sektor"},
	colEmployees:         {"Beschäftigte", "Mitarbeitende", "Mitarbeiter", "Mitarbeiterzahl"},
	colTitle:             {"Titel", "Bezeichnung", "Stellenbezeichnung", "Stelle", "Funktion"},
	colTasks:             {"Aufgaben", "Aufgabenbeschreibung", "Aufgabenprofil", "Tätigkeiten"},
	colRole:              {"Rolle"},
	colCDOCheck:          {"CDO-Check", "CDO-Prüfung"},
	colArchetype:         {"Archetyp"},
	colPlacement:         {"Verortung", "Ansiedlung"},
	colCrossDepartmental: {"Querschnitt", "Querschnittsverantwortung", "Ämterübergreifend", "Fachbereichsübergreifend"},
	colBudget:            {"Eigenes Budget"},
	colBoardAccess:       {"Vorstandszugang", "Zugang Verwaltungsvorstand", "Verwaltungsvorstand"},
	colPersonName:        {"Person", "Name der Person", "Personenname"},
	colGender:            {"Geschlecht"},
	colBirthYear:         {"Geburtsjahr", "Jahrgang"},
	colPublicationBasis:  {"Veröffentlichungsgrundlage", "Grundlage der Veröffentlichung"},
	colFictional:         {"Fiktiv", "Fiktive Person"},
	colStart:             {"Beginn", "Seit", "Von", "Amtsantritt"},
	colEnd:               {"Ende", "Bis"},
	colStatus:            {},
	colHire:              {"Herkunft", "Einstellung", "Intern/Extern"},
	colSourceURL:         {"Quelle", "Source", "URL", "Link"},
}

// ambiguousLand is the header "Land": in Germany it means a state, in
// Austria and Switzerland the country. Its values decide (see mapHeader).
const ambiguousLand = "land"

// headerKey is the form header names are compared in: folded (case,
// umlauts), without space, underscores and hyphens.
func headerKey(h string) string {
	return strings.ReplaceAll(cdoatlas.Fold(h), " ", "")
}

var columnByKey = func() map[string]int {
	m := map[string]int{}
	for c, name := range Columns {
		for _, a := range append([]string{name}, aliases[c]...) {
			k := headerKey(a)
			if prev, ok := m[k]; ok && prev != c {
				panic(fmt.Sprintf("registryio: alias %q of %s also names %s", a, name, Columns[prev]))
			}
			m[k] = c
		}
	}
	return m
}()

// layout says where each column is in a table: index[c] is the table column
// of registry column c, or -1; header[c] is its name as written in the file.
type layout struct {
	index  [numColumns]int
	header [numColumns]string
}

// mapHeader finds the registry columns in the header of t. It reports
// columns given twice (under two names), an ambiguous "Land", and missing
// required columns, all for line 1.
func mapHeader(t *tabular.Table, file string) (*layout, cdoatlas.FileErrors) {
	l := &layout{}
	for c := range l.index {
		l.index[c] = -1
	}
	var errs cdoatlas.FileErrors
	land := -1
	for i, h := range t.Header {
		k := headerKey(h)
		if k == ambiguousLand {
			land = i
			continue
		}
		c, ok := columnByKey[k]
		if !ok {
			continue // other columns (notes, internal IDs) are left alone
		}
		if l.index[c] >= 0 {
			errs = append(errs, cdoatlas.LineError{File: file, Line: 1, Column: h,
				Reason: fmt.Sprintf("the column %q already gives %s", l.header[c], Columns[c])})
			continue
		}
		l.index[c], l.header[c] = i, h
	}
	if land >= 0 {
		if c := landMeaning(t, land, l); c >= 0 {
			l.index[c], l.header[c] = land, t.Header[land]
		} else {
			errs = append(errs, cdoatlas.LineError{File: file, Line: 1, Column: t.Header[land],
				Reason: `"Land" can mean the country or the state: name the column "Staat" (DE, AT, CH) or "Bundesland"`})
		}
	}
	for _, c := range []int{colName, colKind, colCountry} {
		if l.index[c] < 0 {
			errs = append(errs, cdoatlas.LineError{File: file, Line: 1, Column: Columns[c],
				Reason: fmt.Sprintf("required column missing: %s (or %s)", Columns[c], strings.Join(aliases[c][:2], ", "))})
		}
	}
	return l, errs
}

// landMeaning decides what a "Land" column means from its values: the
// country when the file has no country column and every value names one,
// the region when the file has no region column and every value names a
// region; -1 when neither holds.
func landMeaning(t *tabular.Table, i int, l *layout) int {
	all := func(ok func(string) bool) bool {
		for _, row := range t.Rows {
			if i >= len(row.Cells) {
				continue
			}
			if v := strings.TrimSpace(row.Cells[i]); v != "" && !ok(v) {
				return false
			}
		}
		return true
	}
	if l.index[colCountry] < 0 && all(func(v string) bool { _, ok := countryVocab.lookup(v); return ok }) {
		return colCountry
	}
	if l.index[colRegion] < 0 && all(func(v string) bool { return cdoatlas.NormalizeRegion("", v) != "" }) {
		return colRegion
	}
	return -1
}

// column returns the name of column c for error messages: as written in
// the file, or the registry name when the file does not have it.
func (l *layout) column(c int) string {
	if l.header[c] != "" {
		return l.header[c]
	}
	return Columns[c]
}
