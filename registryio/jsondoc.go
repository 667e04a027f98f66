package registryio

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

// item is one object of the export form: its value, where it is, its id
// in the file and the ids it refers to.
type item[T any] struct {
	v    T
	path string // "posts[3]"
	line int
	id   string
	refs map[string]string // reference field → id
}

// schema says how the fields of one kind of object are read: into a field
// of the value, as its id, or as a reference to another object.
type schema[T any] struct {
	fields map[string]func(*T) any
	refs   []string
}

// ignored reads a field the import does not use.
func ignored[T any](*T) any { return new(skipValue) }

var (
	orgSchema = schema[cdoatlas.Organization]{fields: map[string]func(*cdoatlas.Organization) any{
		"name": func(o *cdoatlas.Organization) any { return &o.Name }, "other_names": func(o *cdoatlas.Organization) any { return &o.OtherNames },
		"kind": func(o *cdoatlas.Organization) any { return &o.Kind }, "country": func(o *cdoatlas.Organization) any { return &o.Country },
		"region": func(o *cdoatlas.Organization) any { return &o.Region }, "official_code": func(o *cdoatlas.Organization) any { return &o.OfficialCode },
		"population": func(o *cdoatlas.Organization) any { return &o.Population }, "population_date": func(o *cdoatlas.Organization) any { return &o.PopulationDate },
		"employees": func(o *cdoatlas.Organization) any { return &o.Employees }, "sector": func(o *cdoatlas.Organization) any { return &o.Sector },
		"size_class": ignored[cdoatlas.Organization], "created_at": ignored[cdoatlas.Organization], "updated_at": ignored[cdoatlas.Organization],
	}, refs: []string{"parent_id"}}
	postSchema = schema[cdoatlas.Post]{fields: map[string]func(*cdoatlas.Post) any{
		"title": func(p *cdoatlas.Post) any { return &p.Title }, "tasks": func(p *cdoatlas.Post) any { return &p.Tasks },
		"role":      func(p *cdoatlas.Post) any { return &p.Role },
		"cdo_check": func(p *cdoatlas.Post) any { return &p.CDOCheck }, "archetype": func(p *cdoatlas.Post) any { return &p.Archetype },
		"placement": func(p *cdoatlas.Post) any { return &p.Placement }, "cross_departmental": func(p *cdoatlas.Post) any { return &p.CrossDepartmental },
		"budget": func(p *cdoatlas.Post) any { return &p.Budget }, "board_access": func(p *cdoatlas.Post) any { return &p.BoardAccess },
		"created": func(p *cdoatlas.Post) any { return &p.Created }, "abolished": func(p *cdoatlas.Post) any { return &p.Abolished },
		"source_url": func(p *cdoatlas.Post) any { return &p.SourceURL },
		"confidence": ignored[cdoatlas.Post], "review": ignored[cdoatlas.Post],
		"created_at": ignored[cdoatlas.Post], "updated_at": ignored[cdoatlas.Post],
	}, refs: []string{"organization_id"}}
	personSchema = schema[cdoatlas.Person]{fields: map[string]func(*cdoatlas.Person) any{
		"name": func(p *cdoatlas.Person) any { return &p.Name }, "gender": func(p *cdoatlas.Person) any { return &p.Gender },
		"birth_year": func(p *cdoatlas.Person) any { return &p.BirthYear }, "fictional": func(p *cdoatlas.Person) any { return &p.Fictional },
		"publication_basis": func(p *cdoatlas.Person) any { return &p.PublicationBasis },
		"created_at":        ignored[cdoatlas.Person], "updated_at": ignored[cdoatlas.Person],
	}}
	tenureSchema = schema[cdoatlas.Tenure]{fields: map[string]func(*cdoatlas.Tenure) any{
		"start": func(t *cdoatlas.Tenure) any { return &t.Start }, "end": func(t *cdoatlas.Tenure) any { return &t.End },
		"status": func(t *cdoatlas.Tenure) any { return &t.Status }, "hire": func(t *cdoatlas.Tenure) any { return &t.Hire },
		"source_url": func(t *cdoatlas.Tenure) any { return &t.SourceURL },
		"created_at": ignored[cdoatlas.Tenure], "updated_at": ignored[cdoatlas.Tenure],
	}, refs: []string{"person_id", "post_id"}}
)

// items reads the array of one kind of object (dec is after its "[").
// Wrong types, unknown fields and ids given twice are reported.
func items[T any](f *jsonFile, dec *json.Decoder, kind string, s schema[T]) []*item[T] {
	var list []*item[T]
	ids := map[string]*item[T]{}
	f.objects(dec, kind, func(i, line int, fields []field) {
		it := &item[T]{path: fmt.Sprintf("%s[%d]", kind, i), line: line, refs: map[string]string{}}
		for _, fl := range fields {
			col := it.path + "." + fl.key
			switch {
			case fl.key == "id" || contains(s.refs, fl.key):
				id, problem := idOf(fl.raw)
				if problem != "" {
					f.errs.Add(line, col, problem)
					f.broken[col] = true
				} else if fl.key != "id" {
					it.refs[fl.key] = id
				} else if prev := ids[id]; prev != nil && id != "" {
					f.errs.Add(line, col, fmt.Sprintf("the id %s is given twice (also %s, line %d)", id, prev.path, prev.line))
				} else {
					it.id, ids[id] = id, it
				}
			case s.fields[fl.key] != nil:
				if target := s.fields[fl.key](&it.v); json.Unmarshal(fl.raw, target) != nil {
					f.errs.Add(line, col, "want "+wantOf(target)+", found "+kindOf(fl.raw))
					f.broken[col] = true
					json.Unmarshal([]byte("null"), target) // drop what was half read
				}
			default:
				f.errs.Add(line, col, "unknown field")
			}
		}
		list = append(list, it)
	})
	return list
}

// idOf reads an id: a whole number or text; null is no id.
func idOf(raw json.RawMessage) (string, string) {
	switch kindOf(raw) {
	case "null":
		return "", ""
	case "text":
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, ""
		}
	case "a number":
		if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
			return strconv.FormatInt(n, 10), ""
		}
	}
	return "", "want an id (a whole number or text), found " + kindOf(raw)
}

// wantOf names what a field target takes.
func wantOf(target any) string {
	switch target.(type) {
	case **int64, **int:
		return "a whole number or null"
	case *bool:
		return "true or false"
	case *[]string:
		return "a list of strings"
	}
	return "text or null"
}

// document is the export form as read.
type document struct {
	orgs    []*item[cdoatlas.Organization]
	posts   []*item[cdoatlas.Post]
	people  []*item[cdoatlas.Person]
	tenures []*item[cdoatlas.Tenure]
}

// readDoc reads the export form (dec is after its "{").
func (f *jsonFile) readDoc(dec *json.Decoder) []cdoatlas.RegistryRecord {
	var doc document
	given := map[string]bool{}
	for dec.More() {
		line := f.lineAt(f.next(dec))
		tok, _ := dec.Token()
		key, _ := tok.(string)
		if given[key] {
			f.errs.Add(line, key, "the field is given twice")
			dec.Decode(new(skipValue))
			continue
		}
		given[key] = true
		switch key {
		case "organizations", "posts", "people", "tenures":
		default:
			f.errs.Add(line, key, `unknown field: the fields are "organizations", "posts", "people" and "tenures"`)
			dec.Decode(new(skipValue))
			continue
		}
		if c := f.peek(dec); c != '[' {
			if c != 'n' { // null is an empty list
				f.errs.Add(line, key, "want a list […]")
			}
			dec.Decode(new(skipValue))
			continue
		}
		dec.Token()
		switch key {
		case "organizations":
			doc.orgs = items(f, dec, key, orgSchema)
		case "posts":
			doc.posts = items(f, dec, key, postSchema)
		case "people":
			doc.people = items(f, dec, key, personSchema)
		case "tenures":
			doc.tenures = items(f, dec, key, tenureSchema)
		}
	}
	return f.docRecords(&doc)
}
