package registryio

import (
	"errors"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// source is what one row of the export form is made of: an organization
// and optionally a post, and with it a holder and the tenure.
type source struct {
	org    *item[cdoatlas.Organization]
	post   *item[cdoatlas.Post]
	person *item[cdoatlas.Person]
	tenure *item[cdoatlas.Tenure]
}

// docRecords links the objects of the export form by their ids and turns
// them into records the way the CSV export turns the registry into rows
// (flatRow), checked like rows of a table. Each organization and each post
// is also checked on its own first, so that problems and contradictions are
// reported at the object they are about.
func (f *jsonFile) docRecords(doc *document) []cdoatlas.RegistryRecord {
	orgs, posts, people := byID(doc.orgs), byID(doc.posts), byID(doc.people)
	for _, o := range doc.orgs {
		resolve(f, o.refs, o.line, o.path, "parent_id", "organization", orgs, false)
	}
	postsOf := map[*item[cdoatlas.Organization]][]*item[cdoatlas.Post]{}
	for _, p := range doc.posts {
		if o := resolve(f, p.refs, p.line, p.path, "organization_id", "organization", orgs, true); o != nil {
			postsOf[o] = append(postsOf[o], p)
		}
	}
	tenuresOf := map[*item[cdoatlas.Post]][]source{}
	for _, t := range doc.tenures {
		person := resolve(f, t.refs, t.line, t.path, "person_id", "person", people, true)
		post := resolve(f, t.refs, t.line, t.path, "post_id", "post", posts, true)
		if person != nil && post != nil {
			tenuresOf[post] = append(tenuresOf[post], source{post: post, person: person, tenure: t})
		}
	}

	s := newSeen()
	var recs []cdoatlas.RegistryRecord
	add := func(src source, emit bool) {
		if rec, ok := f.docRow(s, src); ok && emit {
			recs = append(recs, rec)
		}
	}
	for _, o := range doc.orgs {
		add(source{org: o}, len(postsOf[o]) == 0)
		for _, p := range postsOf[o] {
			add(source{org: o, post: p}, len(tenuresOf[p]) == 0)
			for _, src := range tenuresOf[p] {
				src.org = o
				add(src, true)
			}
		}
	}
	return recs
}

func byID[T any](list []*item[T]) map[string]*item[T] {
	m := map[string]*item[T]{}
	for _, it := range list {
		if it.id != "" && m[it.id] == nil {
			m[it.id] = it
		}
	}
	return m
}

// resolve finds the object a reference field names, reporting a missing
// (when required) or dangling reference.
func resolve[T any](f *jsonFile, refs map[string]string, line int, path, field, what string, targets map[string]*item[T], required bool) *item[T] {
	id := refs[field]
	switch t := targets[id]; {
	case f.broken[path+"."+field]:
	case t != nil:
		return t
	case id != "":
		f.errs.AddKey(line, path+"."+field, "file.json_no_id", "file.word."+what, id)
	case required:
		f.errs.AddKey(line, path+"."+field, "file.json_ref_required", "file.word."+what)
	}
	return nil
}

// docRow checks the row of src and returns its record. An object that is
// the same as an earlier one (by the keys the import matches on) is
// reported as a duplicate.
func (f *jsonFile) docRow(s *seen, src source) (cdoatlas.RegistryRecord, bool) {
	o := src.org.v
	var post *cdoatlas.Post
	var person *cdoatlas.Person
	var tenure *cdoatlas.Tenure
	if src.post != nil {
		p := src.post.v
		post = &p
	}
	if src.tenure != nil {
		pe, t := src.person.v, src.tenure.v
		person, tenure = &pe, &t
	}
	var v values
	for c, cell := range flatRow(&o, post, person, tenure) {
		v[c] = strings.TrimSpace(cell)
	}
	line, path := src.last()
	keys := s.inherit(&v)
	var first *entry
	var what, field, by string
	switch {
	case tenure != nil:
		first, what, field, by = s.tenures[keys.tenure], "tenure", "start", "by_tenure"
	case post != nil:
		first, what, field, by = s.posts[keys.post], "post", "title", "by_post"
	case keys.byCode:
		first, what, field, by = s.orgs[keys.org], "organization", "official_code", "by_code"
	default:
		first, what, field, by = s.orgs[keys.org], "organization", "name", "by_name"
	}
	rec, _, errs := s.record(line, &v)
	f.report(src, errs)
	ok := len(errs) == 0
	if first != nil {
		f.errs.AddKey(line, path+"."+field, "file.json_duplicate", "file.word."+what, first.line, "file.word."+by)
		ok = false
	}
	if ok && src.post != nil {
		ok = f.postExtras(src.post, rec.Post)
	}
	return rec, ok
}

// last returns the line and path of the most specific object of a row.
func (src source) last() (int, string) {
	switch {
	case src.tenure != nil:
		return src.tenure.line, src.tenure.path
	case src.post != nil:
		return src.post.line, src.post.path
	}
	return src.org.line, src.org.path
}

// partOf says which object of a row each column comes from: 0 the
// organization, 1 the post, 2 the person, 3 the tenure.
var partOf = func() (p [numColumns]int) {
	for part, cols := range [][]int{orgColumns, postColumns, personColumns, tenureColumns} {
		for _, c := range cols {
			p[c] = part
		}
	}
	p[colSourceURL] = 1
	return p
}()

// report adds the problems of a row at the objects and fields they are
// about.
func (f *jsonFile) report(src source, errs rowErrors) {
	for _, e := range errs {
		line, path := src.last()
		field := e.name
		if e.col < numColumns {
			field = Columns[e.col]
			part := partOf[e.col]
			if e.col == colSourceURL && src.tenure != nil && strings.TrimSpace(src.tenure.v.SourceURL) != "" {
				part = 3
			}
			switch {
			case part == 0:
				line, path = src.org.line, src.org.path
			case part == 1 && src.post != nil:
				line, path = src.post.line, src.post.path
			case part == 2 && src.person != nil:
				line, path = src.person.line, src.person.path
			case part == 3 && src.tenure != nil:
				line, path = src.tenure.line, src.tenure.path
			}
			if e.col == colPersonName {
				field = "name"
			}
		}
		if !f.broken[path+"."+field] {
			f.errs.AddError(e.at(line, path+"."+field))
		}
	}
}

// postExtras gives the post of a record what the columns of a table cannot
// carry: its own source URL (a row has one for post and tenure), the dates
// it was created and abolished. It reports what is wrong with them.
func (f *jsonFile) postExtras(src *item[cdoatlas.Post], p *cdoatlas.Post) bool {
	x := *p
	x.OrganizationID = 1 // a stand-in, as in buildPost
	x.Created, x.Abolished, x.SourceURL = src.v.Created, src.v.Abolished, src.v.SourceURL
	var e *cdoatlas.Error
	if err := x.Validate(); errors.As(err, &e) {
		ok := true
		for _, field := range []string{"created", "abolished", "source_url"} {
			if key := e.Fields[field]; key != "" {
				f.errs.AddKey(src.line, src.path+"."+field, key)
				ok = false
			}
		}
		if !ok {
			return false
		}
	}
	p.Created, p.Abolished, p.SourceURL = x.Created, x.Abolished, x.SourceURL
	return true
}
