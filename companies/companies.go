// Package companies knows well-known companies and public undertakings of
// Germany, Austria and Switzerland — official name, kind, country, the
// region of their seat — and the other ways people write them ("DB",
// "Deutsche Bahn Konzern" for Deutsche Bahn AG; "Bosch" for Robert Bosch
// GmbH), so that the census counts each as one organization with the
// region of its seat, as the gazetteer does for places.
//
// The list lives in data/companies.csv, embedded at build time; how it was
// made and where its facts can be checked is written in data/SOURCES.md.
package companies

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

//go:embed data/companies.csv
var companiesCSV string

// Company is a company or public undertaking of the list.
type Company struct {
	// Name is the registered name with its legal form: "Deutsche Bahn AG".
	Name string
	// Kind is cdoatlas.KindCompany or cdoatlas.KindPublicCompany.
	Kind    string
	Country string // DE, AT, CH
	// Region is the region of the seat (ISO 3166-2, as in cdoatlas.Regions).
	Region string
	// Seat is the municipality of the seat.
	Seat string
	// OtherNames are brands, short names, acronyms and former names
	// ("DB", "DB AG", "Deutsche Bahn Konzern").
	OtherNames []string
}

// Names returns the name and the other names.
func (c *Company) Names() []string {
	return append([]string{c.Name}, c.OtherNames...)
}

type index struct {
	companies []Company
	byKey     map[string][]int
}

var theIndex = sync.OnceValue(func() *index {
	cs, err := parse(strings.NewReader(companiesCSV))
	if err != nil {
		panic("companies: embedded list: " + err.Error()) // caught by TestList
	}
	ix := &index{companies: cs, byKey: map[string][]int{}}
	for i := range cs {
		for _, n := range cs[i].Names() {
			k, _ := gazetteer.Key(n)
			if k != "" && !slices.Contains(ix.byKey[k], i) {
				ix.byKey[k] = append(ix.byKey[k], i)
			}
		}
	}
	return ix
})

// All returns every company of the list, in its order.
func All() []Company {
	return slices.Clone(theIndex().companies)
}

// Find returns the company a name as written means (compared as
// gazetteer.Key compares names: legal forms, case and umlauts aside),
// within the country when one is given. A name that fits several
// companies, or none, finds nothing.
func Find(name, country string) (Company, bool) {
	key, _ := gazetteer.Key(name)
	return FindKey(key, country)
}

// FindKey is Find for a name's key (gazetteer.Key).
func FindKey(key, country string) (Company, bool) {
	ix := theIndex()
	var found []int
	for _, i := range ix.byKey[key] {
		if country == "" || ix.companies[i].Country == country {
			found = append(found, i)
		}
	}
	if len(found) != 1 {
		return Company{}, false
	}
	return ix.companies[found[0]], true
}

// header is the first line of data/companies.csv.
var header = []string{"name", "kind", "country", "region", "seat", "other_names"}

// parse reads the list and checks every row.
func parse(r io.Reader) ([]Company, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(header)
	head, err := cr.Read()
	if err != nil {
		return nil, err
	}
	if !slices.Equal(head, header) {
		return nil, fmt.Errorf("header %q, want %q", head, header)
	}
	var out []Company
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		c := Company{Name: strings.TrimSpace(rec[0]), Kind: rec[1], Country: rec[2], Region: rec[3], Seat: strings.TrimSpace(rec[4])}
		for _, n := range strings.Split(rec[5], "|") {
			if n = strings.TrimSpace(n); n != "" {
				c.OtherNames = append(c.OtherNames, n)
			}
		}
		switch {
		case c.Name == "":
			return nil, fmt.Errorf("line %d: no name", line)
		case c.Kind != cdoatlas.KindCompany && c.Kind != cdoatlas.KindPublicCompany:
			return nil, fmt.Errorf("line %d: kind %q", line, c.Kind)
		case c.Country != "DE" && c.Country != "AT" && c.Country != "CH":
			return nil, fmt.Errorf("line %d: country %q", line, c.Country)
		case cdoatlas.FindRegion(c.Region) == nil || !strings.HasPrefix(c.Region, c.Country+"-"):
			return nil, fmt.Errorf("line %d: region %q", line, c.Region)
		}
		out = append(out, c)
	}
}
