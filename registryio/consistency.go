package registryio

import (
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// seen remembers the organizations, posts, people and tenures of the valid
// rows read so far, so that later rows can leave their facts empty and must
// not contradict them.
type seen struct {
	orgs     map[string]*entry
	orgNames map[string]string // name key → org key of the first org of that name
	posts    map[string]*entry
	people   map[string]*entry
	tenures  map[string]*entry
	byPost   map[string][]*entry // tenures by post key, for overlaps
}

func newSeen() *seen {
	return &seen{
		orgs: map[string]*entry{}, orgNames: map[string]string{}, posts: map[string]*entry{},
		people: map[string]*entry{}, tenures: map[string]*entry{}, byPost: map[string][]*entry{},
	}
}

// entry is the first valid row of an organization, post, person or tenure.
type entry struct {
	line int
	v    values
	rec  cdoatlas.RegistryRecord
}

// rowKeys identify what a row is about. An organization is known by its
// official code, otherwise by country and name; a post by organization and
// title; a person by organization and name; a tenure by post, person and
// start, as the importer matches them.
type rowKeys struct {
	org, orgName, post, person, tenure string
	byCode                             bool
}

// inherit computes the keys of a row and fills its empty facts from the
// first row about the same organization, post and person.
func (s *seen) inherit(v *values) rowKeys {
	var k rowKeys
	c := country(v[colCountry])
	k.orgName = "n|" + c + "|" + cdoatlas.Fold(v[colName])
	switch code := officialCode(c, kindVocab.normalize(v[colKind]), v[colOfficialCode]); {
	case code != "":
		k.org, k.byCode = "c|"+c+"|"+codeKey(c, code), true
	case s.orgNames[k.orgName] != "":
		k.org = s.orgNames[k.orgName]
	default:
		k.org = k.orgName
	}
	if e := s.orgs[k.org]; e != nil {
		fill(v, &e.v, orgColumns)
	}
	if v[colTitle] != "" {
		k.post = k.org + "|t|" + cdoatlas.Fold(v[colTitle])
		if e := s.posts[k.post]; e != nil {
			fill(v, &e.v, postColumns)
		}
	}
	if v[colPersonName] != "" {
		k.person = k.org + "|p|" + cdoatlas.Fold(v[colPersonName])
		if e := s.people[k.person]; e != nil {
			fill(v, &e.v, personColumns)
		}
		start, _ := cdoatlas.ParsePartialDate(date(v[colStart]))
		k.tenure = k.post + "|" + k.person + "|" + string(start)
	}
	return k
}

func codeKey(country, code string) string {
	if country == "DE" && len(code) == 12 {
		return cdoatlas.AGS(code)
	}
	return code
}

func fill(v, from *values, cols []int) {
	for _, c := range cols {
		if v[c] == "" {
			v[c] = from[c]
		}
	}
}

// check compares a valid row with the first rows about the same things.
func (s *seen) check(k rowKeys, rec *cdoatlas.RegistryRecord) rowErrors {
	var errs rowErrors
	if e := s.orgs[k.org]; e != nil {
		cols := orgColumns
		if !k.byCode {
			cols = cols[1:] // the name is the key
		}
		compare(&errs, e.line, "organization", cols, orgFacts(&e.rec.Organization), orgFacts(&rec.Organization))
	}
	if e := s.posts[k.post]; e != nil && rec.Post != nil && e.rec.Post != nil {
		compare(&errs, e.line, "post", postColumns[1:], postFacts(e.rec.Post), postFacts(rec.Post))
	}
	if e := s.people[k.person]; e != nil && rec.Person != nil && e.rec.Person != nil {
		compare(&errs, e.line, "person", personColumns[1:], personFacts(e.rec.Person), personFacts(rec.Person))
	}
	if rec.Tenure == nil {
		return errs
	}
	if e := s.tenures[k.tenure]; e != nil {
		compare(&errs, e.line, "tenure", tenureColumns[1:], tenureFacts(e.rec.Tenure), tenureFacts(rec.Tenure))
		return errs
	}
	for _, e := range s.byPost[k.post] {
		if rec.Tenure.Overlaps(e.rec.Tenure) {
			errs.addKey(colStart, "file.tenure_overlap", e.line)
			break
		}
	}
	return errs
}

// add remembers a valid row.
func (s *seen) add(k rowKeys, line int, v *values, rec *cdoatlas.RegistryRecord) {
	e := &entry{line: line, v: *v, rec: *rec}
	if s.orgs[k.org] == nil {
		s.orgs[k.org] = e
	}
	if s.orgNames[k.orgName] == "" {
		s.orgNames[k.orgName] = k.org
	}
	if k.post != "" && s.posts[k.post] == nil {
		s.posts[k.post] = e
	}
	if k.person != "" && s.people[k.person] == nil {
		s.people[k.person] = e
	}
	if k.tenure != "" && s.tenures[k.tenure] == nil {
		s.tenures[k.tenure] = e
		s.byPost[k.post] = append(s.byPost[k.post], e)
	}
}

// compare reports the columns in which two rows about the same thing
// (organization, post, person or tenure) differ.
func compare(errs *rowErrors, line int, what string, cols []int, was, is values) {
	for _, c := range cols {
		if was[c] != is[c] {
			errs.addKey(c, "file.differs", line, "file.word."+what, show(was[c]), show(is[c]))
		}
	}
}

// show gives a value as an argument of a message: quoted, or the word
// for empty.
func show(s string) string {
	if s == "" {
		return "file.word.empty"
	}
	return strconv.Quote(s)
}

// The facts of each part of a record, by column, as compared.
func orgFacts(o *cdoatlas.Organization) values {
	var f values
	f[colName] = o.Name
	f[colOtherNames] = strings.Join(o.OtherNames, "|")
	f[colKind] = o.Kind
	f[colCountry] = o.Country
	f[colRegion] = o.Region
	f[colOfficialCode] = o.OfficialCode
	f[colPopulation] = intString(o.Population)
	f[colPopulationDate] = o.PopulationDate
	f[colSector] = o.Sector
	f[colEmployees] = intString(o.Employees)
	return f
}

func postFacts(p *cdoatlas.Post) values {
	var f values
	f[colTitle] = p.Title
	f[colTasks] = p.Tasks
	f[colRole] = p.Role
	f[colCDOCheck] = p.CDOCheck
	f[colArchetype] = p.Archetype
	f[colPlacement] = p.Placement
	f[colCrossDepartmental] = yesNo(p.CrossDepartmental)
	f[colBudget] = yesNo(p.Budget)
	f[colBoardAccess] = yesNo(p.BoardAccess)
	return f
}

func personFacts(p *cdoatlas.Person) values {
	var f values
	f[colPersonName] = p.Name
	f[colGender] = p.Gender
	if p.BirthYear != nil {
		f[colBirthYear] = strconv.Itoa(*p.BirthYear)
	}
	f[colPublicationBasis] = p.PublicationBasis
	if p.Fictional {
		f[colFictional] = yesNo(true)
	}
	return f
}

func tenureFacts(t *cdoatlas.Tenure) values {
	var f values
	f[colStart] = string(t.Start)
	f[colEnd] = string(t.End)
	f[colStatus] = t.Status
	f[colHire] = t.Hire
	return f
}

func intString(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
