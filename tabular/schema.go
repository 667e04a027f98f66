package tabular

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Schema is the columns a reader knows by name, each with aliases (German
// names, other spellings). Names are compared folded (case, umlauts),
// without spaces, underscores and hyphens. The header "Land" means the
// country in Austria and Switzerland and the state in Germany; its values
// decide (Map).
type Schema struct {
	Names   []string
	Aliases [][]string
	// Country and Region are the columns "Land" may stand for, -1 for none.
	Country, Region int
	byKey           map[string]int
}

// NewSchema indexes names and aliases; an alias naming two columns is a
// programming error and panics.
func NewSchema(names []string, aliases [][]string, country, region int) *Schema {
	s := &Schema{Names: names, Aliases: aliases, Country: country, Region: region, byKey: map[string]int{}}
	for c, name := range names {
		var as []string
		if c < len(aliases) {
			as = aliases[c]
		}
		for _, a := range append([]string{name}, as...) {
			k := HeaderKey(a)
			if prev, ok := s.byKey[k]; ok && prev != c {
				panic(fmt.Sprintf("tabular: alias %q of %s also names %s", a, name, names[prev]))
			}
			s.byKey[k] = c
		}
	}
	return s
}

// HeaderKey is the form header names are compared in: the one of words
// (cdoatlas.WordKey; Fold makes "_" and "-" spaces, which go).
func HeaderKey(h string) string { return cdoatlas.WordKey(h) }

// Column returns the column a header name names, or -1.
func (s *Schema) Column(h string) int {
	if c, ok := s.byKey[HeaderKey(h)]; ok {
		return c
	}
	return -1
}

// Map finds the schema's columns in t's header: index[c] is the table
// column of schema column c or -1, header[c] its name in the file ("" when
// missing). A column given twice (under two names) and a "Land" whose
// values are neither all countries nor all states are reported for line 1.
// Columns the schema does not know are left alone.
func (s *Schema) Map(t *Table, errs *cdoatlas.FileErrorList) (index []int, header []string) {
	index, header, land := s.MapHeader(t.Header, errs)
	if land < 0 {
		return index, header
	}
	var values []string
	for _, row := range t.Rows {
		if land < len(row.Cells) {
			values = append(values, row.Cells[land])
		}
	}
	s.MapLand(t.Header, land, values, index, header, errs)
	return index, header
}

// MapHeader is Map without the rows: it leaves the column "Land" to
// MapLand and returns its index, or -1 when there is none.
func (s *Schema) MapHeader(names []string, errs *cdoatlas.FileErrorList) (index []int, header []string, land int) {
	index, header = make([]int, len(s.Names)), make([]string, len(s.Names))
	for c := range index {
		index[c] = -1
	}
	land = -1
	for i, h := range names {
		if HeaderKey(h) == "land" && (s.Country >= 0 || s.Region >= 0) {
			land = i
			continue
		}
		c := s.Column(h)
		if c < 0 {
			continue
		}
		if index[c] >= 0 {
			errs.AddKey(1, h, "file.column_twice", header[c], s.Names[c])
			continue
		}
		index[c], header[c] = i, h
	}
	return index, header, land
}

// MapLand decides what the column "Land" (column land of names) gives, by
// its values: the country when each names one of the atlas's countries
// (DE, AT, CH by code or name), else the state when each is a state
// (Bayern, BY, NRW …); otherwise it reports the column for line 1.
func (s *Schema) MapLand(names []string, land int, values []string, index []int, header []string, errs *cdoatlas.FileErrorList) {
	all := func(ok func(string) bool) bool {
		for _, v := range values {
			if v = strings.TrimSpace(v); v != "" && !ok(v) {
				return false
			}
		}
		return true
	}
	switch {
	case s.Country >= 0 && index[s.Country] < 0 && all(atlasCountry):
		index[s.Country], header[s.Country] = land, names[land]
	case s.Region >= 0 && index[s.Region] < 0 && all(func(v string) bool { return cdoatlas.NormalizeRegion("", v) != "" }):
		index[s.Region], header[s.Region] = land, names[land]
	default:
		errs.AddKey(1, names[land], "file.land_ambiguous")
	}
}

// Require reports each of the columns required that index (of Map) lacks,
// for line 1, naming the column and the first aliases of it (at most
// aliases of them).
func (s *Schema) Require(index []int, required []int, aliases int, errs *cdoatlas.FileErrorList) {
	for _, c := range required {
		if index[c] >= 0 {
			continue
		}
		var as []string
		if c < len(s.Aliases) {
			as = s.Aliases[c][:min(aliases, len(s.Aliases[c]))]
		}
		errs.AddKey(1, s.Names[c], "file.column_missing", s.Names[c], strings.Join(as, ", "))
	}
}

// atlasCountry reports whether v names one of the countries of the atlas
// (cdoatlas.Countries). Any other two letters are no country here, so
// that state codes such as "BY" or "NW" are read as states.
func atlasCountry(v string) bool {
	c := cdoatlas.NormalizeCountry(v)
	return slices.ContainsFunc(cdoatlas.Countries, func(x struct{ Code, Name, NameEN string }) bool { return x.Code == c })
}
