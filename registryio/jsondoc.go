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
				id, ok := idOf(fl.raw)
				if !ok {
					f.errs.AddKey(line, col, "file.json_want_id", kindOf(fl.raw))
					f.broken[col] = true
				} else if fl.key != "id" {
					it.refs[fl.key] = id
				} else if prev := ids[id]; prev != nil && id != "" {
					f.errs.AddKey(line, col, "file.json_id_twice", id, prev.path, prev.line)
				} else {
					it.id, ids[id] = id, it
				}
			case s.fields[fl.key] != nil:
				if target := s.fields[fl.key](&it.v); json.Unmarshal(fl.raw, target) != nil {
					f.errs.AddKey(line, col, "file.json_want", wantOf(target), kindOf(fl.raw))
					f.broken[col] = true
					json.Unmarshal([]byte("null"), target) // drop what was half read
				}
			default:
				f.errs.AddKey(line, col, "file.json_unknown_field")
			}
		}
		list = append(list, it)
	})
	return list
}

// idOf reads an id: a whole number or text; null is no id. ok is false
// for any other value.
func idOf(raw json.RawMessage) (id string, ok bool) {
	switch kindOf(raw) {
	case kindNull:
		return "", true
	case kindText:
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, true
		}
	case kindNumber:
		if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
			return strconv.FormatInt(n, 10), true
		}
	}
	return "", false
}

// wantOf names what a field target takes, as the message key of the
// words.
func wantOf(target any) string {
	switch target.(type) {
	case **int64, **int:
		return "file.word.want_int"
	case *bool:
		return "file.word.want_bool"
	case *[]string:
		return "file.word.want_strings"
	}
	return "file.word.want_text"
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
			f.errs.AddKey(line, key, "file.json_field_twice")
			dec.Decode(new(skipValue))
			continue
		}
		given[key] = true
		switch key {
		case "organizations", "posts", "people", "tenures":
		default:
			f.errs.AddKey(line, key, "file.json_unknown_top")
			dec.Decode(new(skipValue))
			continue
		}
		if c := f.peek(dec); c != '[' {
			if c != 'n' { // null is an empty list
				f.errs.AddKey(line, key, "file.json_want_list")
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
