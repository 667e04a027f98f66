package sqldb

import (
	"context"
	"errors"
	"fmt"
	"github.com/cdoatlas/cdoatlas/locale"
	"sort"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/classify"
)

// ImportRegistry stores the records in one transaction, or none of them.
// Every record is validated first; then organizations are matched (by
// country and code key; without a code, or when no organization has it,
// as the census finds them: census.OrgMatcher.MatchOrganization, so that
// "Stadt Köln" is the stored "Köln") and updated with the fields the
// record gives; a new organization without a code that the gazetteer
// knows by name gets its code, and the region and population the record
// leaves empty (census.FillFromPlace);
// posts by organization and folded title, people by
// folded name among the holders of the organization's posts, tenures by
// post, person and start; what is not matched is created. Errors are
// cdoatlas.FileErrors naming the record's line and the column (JSON field
// name) with an English reason; a database failure is EINTERNAL. Importing
// the same records again changes nothing.
func (db *DB) ImportRegistry(ctx context.Context, records []cdoatlas.RegistryRecord) (*cdoatlas.ImportSummary, error) {
	vocab, err := db.Vocabulary(ctx)
	if err != nil {
		return nil, err
	}
	prepared, err := prepareRecords(records, vocab, db.reviewThreshold())
	if err != nil {
		return nil, err
	}
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer t.rollback()
	imp := newImporter(t)
	if err := imp.loadIndex(ctx); err != nil {
		return nil, err
	}
	// Records are matched one after the other, as the rules need, against
	// what the database and the earlier records hold; the database is read
	// and written per window of records, not per record, as every query
	// costs a round trip to PostgreSQL.
	for start := 0; start < len(prepared); start += importWindow {
		window := prepared[start:min(start+importWindow, len(prepared))]
		if err := imp.prefetch(ctx, window); err != nil {
			return nil, err
		}
		for i := range window {
			if err := imp.importRecord(ctx, &records[start+i], &window[i]); err != nil {
				return nil, err
			}
		}
		if err := imp.flush(ctx); err != nil {
			return nil, err
		}
	}
	if err := imp.finish(ctx); err != nil {
		return nil, err
	}
	sum := imp.summary()
	if sum.PeopleCreated+sum.TenuresCreated > 0 {
		if err := t.audit(ctx, cdoatlas.AuditRegistry, 0, cdoatlas.AuditImport,
			fmt.Sprintf("%d people created", sum.PeopleCreated), fmt.Sprintf("%d tenures created", sum.TenuresCreated)); err != nil {
			return nil, err
		}
	}
	if err := t.commit(); err != nil {
		return nil, err
	}
	return sum, nil
}

// importWindow is the number of records whose stored organizations are
// read, and whose new rows are written, together.
const importWindow = 1000

// preparedRecord holds validated copies of a record's parts.
type preparedRecord struct {
	line   int
	org    cdoatlas.Organization
	post   *cdoatlas.Post
	person *cdoatlas.Person
	tenure *cdoatlas.Tenure
}

// prepareRecords classifies what a record's post leaves open
// (classify.Post, with the confirmed vocabulary), validates every record
// on its own, before the database is touched, and returns all problems at
// once. A post that matches a stored one is not changed by the import, so
// its classification here is not used.
func prepareRecords(records []cdoatlas.RegistryRecord, vocab classify.Vocabulary, threshold float64) ([]preparedRecord, error) {
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
			classify.Post(&post, nil, &r.Organization, vocab, threshold)
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
	return cdoatlas.NewLineError(line, column, key)
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
		return cdoatlas.FileErrors{messageError(line, "", e.Message)}
	case cdoatlas.ECONFLICT, cdoatlas.ENOTFOUND:
		return cdoatlas.FileErrors{messageError(line, conflictColumn, e.Message)}
	}
	return err
}

// Import states of an organization; a later state wins.
const (
	stateUnchanged = iota + 1
	stateUpdated
	stateCreated
)

// importer holds, for one import, what matching needs to know of the
// stored registry, and the rows still to be written. An organization is in
// orgs once it is read or created; its posts, their tenures and holders are
// then in posts, tenures and holders, which follow what the import adds.
type importer struct {
	t       *tx
	states  map[int64]int                    // organization ID → state
	orgs    map[int64]*cdoatlas.Organization // organizations as stored (or to be), once read or created
	sum     cdoatlas.ImportSummary
	byCode  map[string]int64             // country + code key → ID
	matcher *census.OrgMatcher           // organizations by name, as the census finds them
	parent  map[int64]int64              // every organization → its parent's ID, 0 for none
	posts   map[int64]map[string]int64   // organization → folded title → first post
	holders map[int64]map[string]int64   // organization → folded name → first person holding one of its posts
	tenures map[int64][]*cdoatlas.Tenure // post → its tenures, by ID
	idAlloc                              // IDs given to new rows
	queue   writeQueue
}

func newImporter(t *tx) *importer {
	return &importer{t: t, states: map[int64]int{}, orgs: map[int64]*cdoatlas.Organization{},
		parent: map[int64]int64{}, posts: map[int64]map[string]int64{}, holders: map[int64]map[string]int64{},
		tenures: map[int64][]*cdoatlas.Tenure{}, idAlloc: newIDAlloc(t)}
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
	postID, err := imp.importPost(ctx, p, org.ID)
	if err != nil {
		return err
	}
	if r.Post != nil {
		r.Post.ID, r.Post.OrganizationID = postID, org.ID
	}
	if p.person == nil {
		return nil
	}
	personID, err := imp.importPerson(ctx, p, org.ID)
	if err != nil {
		return err
	}
	if r.Person != nil {
		r.Person.ID = personID
	}
	tenureID, err := imp.importTenure(ctx, p, org.ID, postID, personID)
	if err != nil {
		return err
	}
	if r.Tenure != nil {
		r.Tenure.ID, r.Tenure.PostID, r.Tenure.PersonID = tenureID, postID, personID
	}
	return nil
}

// importPost finds the organization's first post of the record's folded
// title, or creates it.
func (imp *importer) importPost(ctx context.Context, p *preparedRecord, orgID int64) (int64, error) {
	key := cdoatlas.Fold(p.post.Title)
	if id, ok := imp.posts[orgID][key]; ok {
		return id, nil
	}
	post := p.post
	post.OrganizationID = orgID
	id, err := imp.newID(ctx, "posts")
	if err != nil {
		return 0, err
	}
	post.ID, post.CreatedAt, post.UpdatedAt = id, imp.t.now, imp.t.now
	imp.posts[orgID][key] = id
	imp.queue.posts = append(imp.queue.posts, post)
	imp.sum.PostsCreated++
	return id, nil
}

// importPerson finds the first person of the record's folded name among
// the holders of the organization's posts, or creates one.
func (imp *importer) importPerson(ctx context.Context, p *preparedRecord, orgID int64) (int64, error) {
	if id, ok := imp.holders[orgID][cdoatlas.Fold(p.person.Name)]; ok {
		return id, nil
	}
	person := p.person
	id, err := imp.newID(ctx, "people")
	if err != nil {
		return 0, err
	}
	person.ID, person.CreatedAt, person.UpdatedAt = id, imp.t.now, imp.t.now
	imp.queue.people = append(imp.queue.people, person)
	imp.sum.PeopleCreated++
	return id, nil
}

// importTenure finds the post's first tenure of the person with the
// record's start, or creates it unless it overlaps another tenure of the
// post. (CreateTenure also locks the post on PostgreSQL; an import holds
// the registry lock, which every registry write takes first.)
func (imp *importer) importTenure(ctx context.Context, p *preparedRecord, orgID, postID, personID int64) (int64, error) {
	te := p.tenure
	te.PostID, te.PersonID = postID, personID
	others := imp.tenures[postID]
	for _, o := range others {
		if o.PersonID == personID && o.Start == te.Start {
			return o.ID, nil
		}
	}
	for _, o := range others {
		if te.Overlaps(o) {
			fe := cdoatlas.FieldErrors{}
			fe.Add("start", "tenure.overlap")
			return 0, recordError(p.line, fe.Err(), "start", tenureColumn)
		}
	}
	id, err := imp.newID(ctx, "tenures")
	if err != nil {
		return 0, err
	}
	te.ID, te.CreatedAt, te.UpdatedAt = id, imp.t.now, imp.t.now
	imp.tenures[postID] = append(others, te)
	if key := cdoatlas.Fold(p.person.Name); imp.holders[orgID][key] == 0 {
		imp.holders[orgID][key] = personID
	}
	imp.queue.tenures = append(imp.queue.tenures, te)
	imp.sum.TenuresCreated++
	return id, nil
}

// messageError is the problem of an error's message: with its key when
// the message is one of the catalog, as text otherwise.
func messageError(line int, column, message string) cdoatlas.LineError {
	if locale.Has(message) {
		return cdoatlas.NewLineError(line, column, message)
	}
	return cdoatlas.LineError{Line: line, Column: column, Reason: message}
}

// problem is a FileErrors of one problem: key with args.
func problem(line int, column, key string, args ...any) error {
	return cdoatlas.FileErrors{cdoatlas.NewLineError(line, column, key, args...)}
}
