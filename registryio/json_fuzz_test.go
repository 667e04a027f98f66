package registryio

import (
	"bytes"
	"errors"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// FuzzReadRegistryJSON checks that any bytes give records that validate, or
// FileErrors with lines from 1 and a reason — never a panic. The corpus in
// testdata/fuzz holds both JSON forms and a broken file.
func FuzzReadRegistryJSON(f *testing.F) {
	for _, s := range []string{
		`[{"name": "Köln", "kind": "Stadt", "country": "DE", "AGS": 5315000, "other_names": ["Cologne"], "budget": true, "end": null}]`,
		`{"organizations": [{"id": 1, "name": "Ulm", "kind": "municipality", "country": "DE"}],
		  "posts": [{"id": 2, "organization_id": 1, "title": "CDO", "created": "2018"}],
		  "people": [{"id": "p", "name": "A"}],
		  "tenures": [{"id": 3, "person_id": "p", "post_id": 2, "start": "2019"}]}`,
		"\uFEFF[{\"name\": 1}, 5, {\"x\": {}}]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := ReadRegistry(bytes.NewReader(data), "fuzz.json")
		if err != nil {
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) || len(fe) == 0 || recs != nil {
				t.Fatalf("ReadRegistry = %d records, %v; want nil and FileErrors", len(recs), err)
			}
			for _, e := range fe {
				if e.Line < 1 || e.Reason == "" || e.Key == "" || e.Text("en") != e.Reason {
					t.Fatalf("error %+v: want line >= 1 and a reason with its message key", e)
				}
			}
			return
		}
		if recs == nil {
			t.Fatal("no records and no error; want an empty slice")
		}
		for _, r := range recs {
			if r.Line < 1 {
				t.Fatalf("record %+v has line %d", r, r.Line)
			}
			o := r.Organization
			if err := o.Validate(); err != nil {
				t.Fatalf("line %d: organization does not validate: %v", r.Line, err)
			}
			if r.Post != nil {
				p := *r.Post
				p.OrganizationID = 1
				if err := p.Validate(); err != nil {
					t.Fatalf("line %d: post does not validate: %v", r.Line, err)
				}
			}
			if (r.Person == nil) != (r.Tenure == nil) || (r.Person != nil && r.Post == nil) {
				t.Fatalf("line %d: person %v, tenure %v, post %v", r.Line, r.Person != nil, r.Tenure != nil, r.Post != nil)
			}
		}
	})
}
