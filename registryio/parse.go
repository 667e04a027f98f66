package registryio

import (
	"errors"
	"sort"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// ParseRegistry turns the rows of a registry table into records. Columns
// are found by name (see Columns; case, spaces, underscores and hyphens do
// not matter; German aliases work), other columns are ignored. Values may
// be written in German too: kinds (Stadt, Landkreis …), countries
// (Deutschland, Österreich, Schweiz), yes/no (ja, nein, x), gender (w, m,
// d), numbers with thousands separators (1.510.378), dates as 31.12.2023
// or 31.12.23. Official codes stay text; a German code that a spreadsheet
// turned into a number gets back its leading zero.
//
// Each row is checked with the Validate methods of the domain. Rows of the
// same organization, post or person may leave its facts empty after the
// first time; facts given again must agree, and tenures of a post must not
// overlap. A missing required column (name, kind, country) is reported
// for line 1, and then the rows are not read.
//
// Every problem of the file is collected (up to tabular.MaxErrors, then
// counted); when there is any, ParseRegistry returns nil and a
// cdoatlas.FileErrors naming line, column (as written in the file) and
// reason.
func ParseRegistry(t *tabular.Table, file string) ([]cdoatlas.RegistryRecord, error) {
	l, errs := mapHeader(t, file)
	if len(errs) > 0 {
		return nil, errs
	}
	p := &parser{layout: l, seen: newSeen(), errs: &cdoatlas.FileErrorList{File: file}}
	records := make([]cdoatlas.RegistryRecord, 0, len(t.Rows))
	for _, row := range t.Rows {
		if rec, ok := p.row(row); ok {
			records = append(records, rec)
		}
	}
	if err := p.errs.Err(); err != nil {
		return nil, err
	}
	return records, nil
}

type parser struct {
	layout *layout
	seen   *seen
	errs   *cdoatlas.FileErrorList
}

// values holds the trimmed cells of a row by registry column.
type values [numColumns]string

// row parses and checks one row; problems go to p.errs.
func (p *parser) row(row tabular.Row) (cdoatlas.RegistryRecord, bool) {
	var v values
	for c, i := range p.layout.index {
		if i >= 0 && i < len(row.Cells) {
			v[c] = strings.TrimSpace(row.Cells[i])
		}
	}
	rec, _, errs := p.seen.record(row.Line, &v)
	if len(errs) > 0 {
		p.report(row.Line, errs)
		return rec, false
	}
	return rec, true
}

// record builds the record of a row, checks it against the domain and the
// rows before, and remembers it when it is valid. The JSON reader shares it.
func (s *seen) record(line int, v *values) (cdoatlas.RegistryRecord, rowKeys, rowErrors) {
	keys := s.inherit(v)
	rec, errs := build(line, v)
	if len(errs) == 0 {
		errs = s.check(keys, &rec)
	}
	if len(errs) == 0 {
		s.add(keys, line, v, &rec)
	}
	return rec, keys, errs
}

// report adds the problems of a row to the file's, in column order.
func (p *parser) report(line int, errs rowErrors) {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].col < errs[j].col })
	for _, e := range errs {
		col := e.name
		if e.col < numColumns {
			col = p.layout.column(e.col)
		}
		p.errs.AddError(e.at(line, col))
	}
}

// rowError is one problem of a row: a registry column (or numColumns with
// the field name for a field no column fills) and the problem, without
// its line and column yet.
type rowError struct {
	col     int
	name    string
	problem cdoatlas.LineError
}

// at returns the problem at line and column.
func (e rowError) at(line int, column string) cdoatlas.LineError {
	le := e.problem
	le.Line, le.Column = line, column
	return le
}

// rowErrors holds at most one problem per column.
type rowErrors []rowError

func (r *rowErrors) add(col int, name string, problem cdoatlas.LineError) {
	for _, e := range *r {
		if e.col == col && e.name == name {
			return
		}
	}
	*r = append(*r, rowError{col: col, name: name, problem: problem})
}

// addKey adds the problem key with args for column col.
func (r *rowErrors) addKey(col int, key string, args ...any) {
	r.add(col, "", cdoatlas.NewLineError(0, "", key, args...))
}

// addValidation adds the field errors of a Validate error, mapping field
// names to columns; fields skip lists fields that cannot be wrong here.
func (r *rowErrors) addValidation(err error, columns map[string]int, skip ...string) {
	if err == nil {
		return
	}
	var e *cdoatlas.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		// Validate gives field errors; anything else has no key.
		r.add(numColumns, "", cdoatlas.LineError{Reason: cdoatlas.ErrorMessage(err)})
		return
	}
	fields := make([]string, 0, len(e.Fields))
	for f := range e.Fields {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		if contains(skip, f) {
			continue
		}
		if c, ok := columns[f]; ok {
			r.addKey(c, e.Fields[f])
		} else {
			r.add(numColumns, f, cdoatlas.NewLineError(0, "", e.Fields[f]))
		}
	}
}

// Which column each field of a Validate error belongs to.
var (
	orgFields = map[string]int{"name": colName, "other_names": colOtherNames, "kind": colKind,
		"country": colCountry, "region": colRegion, "official_code": colOfficialCode,
		"population": colPopulation, "population_date": colPopulationDate,
		"sector": colSector, "employees": colEmployees}
	postFields = map[string]int{"title": colTitle, "tasks": colTasks, "role": colRole, "cdo_check": colCDOCheck,
		"archetype": colArchetype, "placement": colPlacement, "source_url": colSourceURL}
	personFields = map[string]int{"name": colPersonName, "gender": colGender,
		"birth_year": colBirthYear, "publication_basis": colPublicationBasis}
	tenureFields = map[string]int{"start": colStart, "end": colEnd, "status": colStatus,
		"hire": colHire, "source_url": colSourceURL}
)

// build makes the record of a row and checks it.
func build(line int, v *values) (cdoatlas.RegistryRecord, rowErrors) {
	var errs rowErrors
	rec := cdoatlas.RegistryRecord{Line: line}
	o := &rec.Organization
	o.Name = v[colName]
	o.OtherNames = otherNames(v[colOtherNames])
	o.Kind = kindVocab.normalize(v[colKind])
	o.Country = country(v[colCountry])
	o.Region = v[colRegion]
	o.OfficialCode = officialCode(o.Country, o.Kind, v[colOfficialCode])
	o.PopulationDate = date(v[colPopulationDate])
	o.Sector = v[colSector]
	if s := v[colPopulation]; s != "" {
		n, ok := parseInt(s)
		if !ok {
			// Validate with a stand-in, so that the reference date is not
			// reported as lacking a population.
			errs.addKey(colPopulation, "population.invalid")
		}
		o.Population = &n
	}
	if s := v[colEmployees]; s != "" {
		if n, ok := parseInt(s); ok {
			o.Employees = &n
		} else {
			errs.addKey(colEmployees, "employees.invalid")
		}
	}
	var skip []string
	err := o.Validate()
	if err == nil && o.Population != nil && o.PopulationDate == "" && PopulationDate != nil {
		o.PopulationDate = PopulationDate(o.Country, o.OfficialCode, *o.Population)
	}
	if hasField(err, "country") {
		skip = []string{"region"} // a region cannot match an unknown country
	}
	errs.addValidation(err, orgFields, skip...)

	hasPerson := v[colPersonName] != "" || anyValue(v, personColumns) || anyValue(v, tenureColumns)
	if v[colTitle] != "" || anyValue(v, postColumns) || hasPerson {
		rec.Post = buildPost(v, &errs)
	}
	if hasPerson {
		rec.Person, rec.Tenure = buildHolder(v, &errs)
	}
	return rec, errs
}

func buildPost(v *values, errs *rowErrors) *cdoatlas.Post {
	post := &cdoatlas.Post{
		OrganizationID: 1, // a stand-in: the importer sets it
		Title:          v[colTitle],
		Tasks:          v[colTasks],
		Role:           roleVocab.normalize(v[colRole]),
		CDOCheck:       checkVocab.normalize(v[colCDOCheck]),
		Archetype:      archetypeVocab.normalize(v[colArchetype]),
		Placement:      placementVocab.normalize(v[colPlacement]),
		SourceURL:      v[colSourceURL],
	}
	for c, flag := range map[int]*bool{colCrossDepartmental: &post.CrossDepartmental, colBudget: &post.Budget, colBoardAccess: &post.BoardAccess} {
		b, ok := parseBool(v[c])
		if !ok {
			errs.addKey(c, "bool.invalid")
		}
		*flag = b
	}
	errs.addValidation(post.Validate(), postFields, "organization_id")
	post.OrganizationID = 0
	return post
}

func buildHolder(v *values, errs *rowErrors) (*cdoatlas.Person, *cdoatlas.Tenure) {
	person := &cdoatlas.Person{
		Name:             v[colPersonName],
		Gender:           genderVocab.normalize(v[colGender]),
		PublicationBasis: basisVocab.normalize(v[colPublicationBasis]),
	}
	if s := v[colBirthYear]; s != "" {
		if n, ok := parseInt(s); ok && n > -1<<31 && n < 1<<31 {
			y := int(n)
			person.BirthYear = &y
		} else {
			errs.addKey(colBirthYear, "birth_year.invalid")
		}
	}
	if s := v[colFictional]; s != "" {
		if b, ok := parseBool(s); ok {
			person.Fictional = b
		} else {
			errs.addKey(colFictional, "bool.invalid")
		}
	}
	errs.addValidation(person.Validate(), personFields)

	tenure := &cdoatlas.Tenure{
		PersonID:  1, // stand-ins: the importer sets them
		PostID:    1,
		Start:     cdoatlas.PartialDate(date(v[colStart])),
		End:       cdoatlas.PartialDate(date(v[colEnd])),
		Status:    statusVocab.normalize(v[colStatus]),
		Hire:      hireVocab.normalize(v[colHire]),
		SourceURL: v[colSourceURL],
	}
	err := tenure.Validate()
	skip := []string{"person_id", "post_id"}
	if hasFieldKey(err, "start", "date.invalid") && hasFieldKey(err, "end", "end.before_start") {
		skip = append(skip, "end") // the order of a broken date means nothing
	}
	errs.addValidation(err, tenureFields, skip...)
	tenure.PersonID, tenure.PostID = 0, 0
	return person, tenure
}

func hasField(err error, field string) bool {
	var e *cdoatlas.Error
	if errors.As(err, &e) {
		_, ok := e.Fields[field]
		return ok
	}
	return false
}

func hasFieldKey(err error, field, key string) bool {
	var e *cdoatlas.Error
	return errors.As(err, &e) && e.Fields[field] == key
}

func anyValue(v *values, cols []int) bool {
	for _, c := range cols {
		if v[c] != "" {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
