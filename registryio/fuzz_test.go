package registryio

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// FuzzParseRegistry checks that any table gives records that validate, or
// FileErrors with lines from 1 — never a panic.
func FuzzParseRegistry(f *testing.F) {
	for _, s := range []string{
		"name,kind,country\nKöln,Stadt,DE\n",
		"Name;Art;Staat;AGS;Einwohner;Stichtag;Titel;Person;Geschlecht;Seit;Bis\r\n" +
			"K\xf6ln;Stadt;Deutschland;5315000;1.084.831;31.12.2023;CDO;Erika;w;2019;2020\r\n" +
			"K\xf6ln;;Deutschland;05315000;;;CDO;Max;m;2021;\r\n",
		"name,kind,country,Land\nWien,Stadt,,Österreich\n",
		"name,kind,country,title,person_name,start,end,status\nUlm,Stadt,DE,CDO,A,2018,2020,ended\nUlm,Stadt,DE,CDO,B,2019,,current\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		table, err := tabular.Read(bytes.NewReader(data), "fuzz.csv")
		if err != nil {
			return
		}
		recs, err := ParseRegistry(table, "fuzz.csv")
		if err != nil {
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) || len(fe) == 0 || recs != nil {
				t.Fatalf("ParseRegistry = %d records, %v; want nil and FileErrors", len(recs), err)
			}
			for i, e := range fe {
				summary := i == len(fe)-1 && strings.HasSuffix(e.Reason, "further problems not listed")
				if e.Line < 1 || (e.Column == "" && !summary) || e.Reason == "" || e.Key == "" || e.Text("en") != e.Reason {
					t.Fatalf("error %+v: want line >= 1, a column and a reason with its message key", e)
				}
			}
			return
		}
		for _, r := range recs {
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
			if r.Person != nil {
				p := *r.Person
				if err := p.Validate(); err != nil {
					t.Fatalf("line %d: person does not validate: %v", r.Line, err)
				}
			}
			if (r.Person == nil) != (r.Tenure == nil) || (r.Person != nil && r.Post == nil) {
				t.Fatalf("line %d: person %v, tenure %v, post %v", r.Line, r.Person != nil, r.Tenure != nil, r.Post != nil)
			}
		}
	})
}
