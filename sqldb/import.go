package sqldb

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/cdoatlas/cdoatlas"
)

// ImportRegistry stores the records in one transaction, or none of them.
// Every record is validated first; then organizations are matched (by
// country and code key; without a code, or when no organization has it, by
// folded name or other name and country, among organizations without a
// code, narrowed by region when several match) and updated with the fields
// the record gives, posts by organization and folded title, people by
// folded name among the holders of the organization's posts, tenures by
// post, person and start; what is not matched is created. Errors are
// cdoatlas.FileErrors naming the record's line and the column (JSON field
// name) with an English reason; a database failure is EINTERNAL. Importing
// the same records again changes nothing.
func (db *DB) ImportRegistry(ctx context.Context, records []cdoatlas.RegistryRecord) (*cdoatlas.ImportSummary, error) {
	prepared, err := prepareRecords(records)
	if err != nil {
		return nil, err
	}
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer t.rollback()
	imp := &importer{t: t, states: map[int64]int{}, orgs: map[int64]*cdoatlas.Organization{}}
	if err := imp.loadIndex(ctx); err != nil {
		return nil, err
	}
	for i := range prepared {
		if err := imp.importRecord(ctx, &records[i], &prepared[i]); err != nil {
			return nil, err
		}
	}
	if err := t.commit(); err != nil {
		return nil, err
	}
	return imp.summary(), nil
}

// preparedRecord holds validated copies of a record's parts.
type preparedRecord struct {
	line   int
	org    cdoatlas.Organization
	post   *cdoatlas.Post
	person *cdoatlas.Person
	tenure *cdoatlas.Tenure
}

// prepareRecords validates every record on its own, before the database
// is touched, and returns all problems at once.
func prepareRecords(records []cdoatlas.RegistryRecord) ([]preparedRecord, error) {
	var fe cdoatlas.FileErrors
	out := make([]preparedRecord, len(records))
	for i := range records {
		r, p := &records[i], &out[i]
		p.line = r.Line
		p.org = r.Organization
		p.org.ID = 0
		fe = appendFieldErrors(fe, r.Line, p.org.Validate(), "", orgColumn)
		if r.Post != nil {
			post := *r.Post
			post.ID, post.OrganizationID = 0, 1 // the organization is found later
			fe = appendFieldErrors(fe, r.Line, post.Validate(), "organization_id", postColumn)
			p.post = &post
		}
		if r.Person != nil {
			person := *r.Person
			person.ID = 0
			fe = appendFieldErrors(fe, r.Line, person.Validate(), "", personColumn)
			p.person = &person
			if r.Post == nil {
				fe = append(fe, lineError(r.Line, "title", "required"))
			}
			tenure := cdoatlas.Tenure{}
			if r.Tenure != nil {
				tenure = *r.Tenure
			}
			tenure.ID, tenure.PersonID, tenure.PostID = 0, 1, 1 // found later
			fe = appendFieldErrors(fe, r.Line, tenure.Validate(), "", tenureColumn)
			p.tenure = &tenure
		} else if r.Tenure != nil && (r.Tenure.Start != "" || r.Tenure.End != "" || r.Tenure.Status != "") {
			fe = append(fe, lineError(r.Line, "person_name", "required"))
		}
	}
	if len(fe) > 0 {
		return nil, fe
	}
	return out, nil
}

// Columns of the registry format for the fields of each part.
func orgColumn(field string) string { return field }
func postColumn(field string) string {
	if field == "organization_id" {
		return "name"
	}
	return field
}
func personColumn(field string) string {
	if field == "name" {
		return "person_name"
	}
	return field
}
func tenureColumn(field string) string {
	switch field {
	case "person_id":
		return "person_name"
	case "post_id":
		return "title"
	}
	return field
}

func lineError(line int, column, key string) cdoatlas.LineError {
	return cdoatlas.LineError{Line: line, Column: column, Reason: cdoatlas.Message("en", key)}
}

// appendFieldErrors adds the field messages of a validation error, in
// field order, leaving out the field skip.
func appendFieldErrors(fe cdoatlas.FileErrors, line int, err error, skip string, column func(string) string) cdoatlas.FileErrors {
	var e *cdoatlas.Error
	if err == nil || !errors.As(err, &e) {
		return fe
	}
	fields := make([]string, 0, len(e.Fields))
	for f := range e.Fields {
		if f != skip {
			fields = append(fields, f)
		}
	}
	sort.Strings(fields)
	for _, f := range fields {
		fe = append(fe, lineError(line, column(f), e.Fields[f]))
	}
	return fe
}

// recordError turns an error met while storing a record into FileErrors
// for its line; database failures stay internal errors.
func recordError(line int, err error, conflictColumn string, column func(string) string) error {
	var e *cdoatlas.Error
	if !errors.As(err, &e) {
		return cdoatlas.Internal(err)
	}
	switch e.Code {
	case cdoatlas.EINVALID:
		if fe := appendFieldErrors(nil, line, err, "", column); len(fe) > 0 {
			return fe
		}
		return cdoatlas.FileErrors{{Line: line, Reason: e.Message}}
	case cdoatlas.ECONFLICT, cdoatlas.ENOTFOUND:
		return cdoatlas.FileErrors{{Line: line, Column: conflictColumn, Reason: e.Message}}
	}
	return err
}

// Import states of an organization; a later state wins.
const (
	stateUnchanged = iota + 1
	stateUpdated
	stateCreated
)

type importer struct {
	t      *tx
	states map[int64]int                    // organization ID → state
	orgs   map[int64]*cdoatlas.Organization // organizations as stored, once read or written
	sum    cdoatlas.ImportSummary
	byCode map[string]int64      // country + code key → ID
	byName map[string][]*orgName // country + folded name or other name → organizations
}

// orgName is what matching by name needs to know of an organization.
type orgName struct {
	id      int64
	region  string
	hasCode bool
}

func (imp *importer) summary() *cdoatlas.ImportSummary {
	s := imp.sum
	for _, st := range imp.states {
		switch st {
		case stateCreated:
			s.OrganizationsCreated++
		case stateUpdated:
			s.OrganizationsUpdated++
		case stateUnchanged:
			s.OrganizationsUnchanged++
		}
	}
	return &s
}

func (imp *importer) setState(id int64, st int) {
	if imp.states[id] < st {
		imp.states[id] = st
	}
}

func (imp *importer) importRecord(ctx context.Context, r *cdoatlas.RegistryRecord, p *preparedRecord) error {
	org, err := imp.importOrganization(ctx, p)
	if err != nil {
		return err
	}
	r.Organization.ID = org.ID
	if p.post == nil {
		return nil
	}
	post, err := imp.importPost(ctx, p, org)
	if err != nil {
		return err
	}
	if r.Post != nil {
		r.Post.ID, r.Post.OrganizationID = post.ID, org.ID
	}
	if p.person == nil {
		return nil
	}
	person, err := imp.importPerson(ctx, p, org)
	if err != nil {
		return err
	}
	if r.Person != nil {
		r.Person.ID = person.ID
	}
	tenure, err := imp.importTenure(ctx, p, post, person)
	if err != nil {
		return err
	}
	if r.Tenure != nil {
		r.Tenure.ID, r.Tenure.PostID, r.Tenure.PersonID = tenure.ID, post.ID, person.ID
	}
	return nil
}

func (imp *importer) importPost(ctx context.Context, p *preparedRecord, org *cdoatlas.Organization) (*cdoatlas.Post, error) {
	t := imp.t
	post, err := scanPost(t.queryRow(ctx, "SELECT "+postColumns+" FROM posts p WHERE p.organization_id = ? AND p.search = ? ORDER BY p.id LIMIT 1",
		org.ID, cdoatlas.Fold(p.post.Title)))
	if err == nil {
		return post, nil
	} else if !noRows(err) {
		return nil, mapError(err)
	}
	post = p.post
	post.OrganizationID = org.ID
	if err := createPost(ctx, t, post); err != nil {
		return nil, recordError(p.line, err, "title", postColumn)
	}
	imp.sum.PostsCreated++
	return post, nil
}

func (imp *importer) importPerson(ctx context.Context, p *preparedRecord, org *cdoatlas.Organization) (*cdoatlas.Person, error) {
	t := imp.t
	person, err := scanPerson(t.queryRow(ctx, "SELECT "+personColumns+" FROM people pe WHERE pe.search = ? AND EXISTS ("+
		"SELECT 1 FROM tenures t JOIN posts p ON p.id = t.post_id WHERE t.person_id = pe.id AND p.organization_id = ?"+
		") ORDER BY pe.id LIMIT 1", cdoatlas.Fold(p.person.Name), org.ID))
	if err == nil {
		return person, nil
	} else if !noRows(err) {
		return nil, mapError(err)
	}
	person = p.person
	if err := createPerson(ctx, t, person); err != nil {
		return nil, recordError(p.line, err, "person_name", personColumn)
	}
	imp.sum.PeopleCreated++
	return person, nil
}

func (imp *importer) importTenure(ctx context.Context, p *preparedRecord, post *cdoatlas.Post, person *cdoatlas.Person) (*cdoatlas.Tenure, error) {
	t := imp.t
	te := p.tenure
	te.PostID, te.PersonID = post.ID, person.ID
	err := t.queryRow(ctx, "SELECT id FROM tenures WHERE post_id = ? AND person_id = ? AND start_date = ? ORDER BY id LIMIT 1",
		post.ID, person.ID, string(te.Start)).Scan(&te.ID)
	if err == nil {
		return te, nil
	} else if !noRows(err) {
		return nil, mapError(err)
	}
	if err := createTenure(ctx, t, te); err != nil {
		return nil, recordError(p.line, err, "start", tenureColumn)
	}
	imp.sum.TenuresCreated++
	return te, nil
}

// errorf is a FileErrors of one problem.
func errorf(line int, column, format string, args ...any) error {
	return cdoatlas.FileErrors{{Line: line, Column: column, Reason: fmt.Sprintf(format, args...)}}
}
