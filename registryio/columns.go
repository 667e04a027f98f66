// Package registryio reads and writes registry files (DESIGN §5): the
// columns of an organization, optionally one of its posts, the holder and
// the tenure, one row each, from CSV or XLSX tables read by package tabular;
// and exports of the whole registry as CSV, XLSX, JSON and Popolo JSON.
package registryio

import (
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

// columnSchema finds the registry columns in a header (tabular.Schema): by
// name or alias, and "Land" by its values, as the other readers do.
var columnSchema = tabular.NewSchema(Columns, aliases[:], colCountry, colRegion)

// required are the columns a registry file must have.
var required = []int{colName, colKind, colCountry}

// layout says where each column is in a table: index[c] is the table column
// of registry column c, or -1; header[c] is its name as written in the file.
type layout struct {
	index  []int
	header []string
}

// mapHeader finds the registry columns in the header of t. It reports
// columns given twice (under two names), an ambiguous "Land", and missing
// required columns, all for line 1.
func mapHeader(t *tabular.Table, file string) (*layout, cdoatlas.FileErrors) {
	errs := &cdoatlas.FileErrorList{File: file}
	l := &layout{}
	l.index, l.header = columnSchema.Map(t, errs)
	columnSchema.Require(l.index, required, 2, errs)
	if err := errs.Err(); err != nil {
		return l, err.(cdoatlas.FileErrors)
	}
	return l, nil
}

// column returns the name of column c for error messages: as written in
// the file, or the registry name when the file does not have it.
func (l *layout) column(c int) string {
	if l.header[c] != "" {
		return l.header[c]
	}
	return Columns[c]
}
