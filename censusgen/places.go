package censusgen

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// data holds real facts censusgen adds to the demo data set (see the
// comment lines of each file for sources and licences):
//   - places.csv: organizations whose names need the forms real exports use
//     (a county and a city of one name, honorifics, Destatis designations,
//     French and Italian names, official state names);
//   - forms.csv: other written names of the demo organizations.
//
//go:embed data/places.csv data/forms.csv
var data embed.FS

// readData reads an embedded CSV file without its "#" comment lines, as
// records by header name.
func readData(name string) ([]map[string]string, error) {
	b, err := data.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var lines [][]byte
	for _, l := range bytes.SplitAfter(b, []byte("\n")) {
		if !bytes.HasPrefix(l, []byte("#")) {
			lines = append(lines, l)
		}
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.Join(lines, nil))).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows, nil
}

// extraOrgs returns the organizations of places.csv with their written
// forms.
func extraOrgs() ([]cdoatlas.Organization, map[string][]string, error) {
	rows, err := readData("data/places.csv")
	if err != nil {
		return nil, nil, err
	}
	var orgs []cdoatlas.Organization
	forms := map[string][]string{}
	for _, r := range rows {
		o := cdoatlas.Organization{Name: r["name"], Kind: r["kind"], Country: r["country"], Region: r["region"],
			OfficialCode: r["official_code"], PopulationDate: r["population_date"]}
		if s := r["population"]; s != "" {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, nil, fmt.Errorf("places.csv %s: population %q", o.Name, s)
			}
			o.Population = &n
		}
		orgs = append(orgs, o)
		forms[formKey(o)] = splitForms(r["forms"])
	}
	return orgs, forms, nil
}

// demoForms returns the written forms of demo organizations by formKey.
func demoForms() (map[string][]string, error) {
	rows, err := readData("data/forms.csv")
	if err != nil {
		return nil, err
	}
	forms := map[string][]string{}
	for _, r := range rows {
		forms[r["key"]] = splitForms(r["forms"])
	}
	return forms, nil
}

func splitForms(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// formKey is the official code of o, or its name when it has none.
func formKey(o cdoatlas.Organization) string {
	if o.OfficialCode != "" {
		return o.OfficialCode
	}
	return o.Name
}

// namesakes counts, by folded municipality name, the municipalities of
// that name per region.
type namesakes map[string]map[string]int

// add counts one municipality of the name in the region.
func (n namesakes) add(name, region string) {
	k := cdoatlas.Fold(name)
	if n[k] == nil {
		n[k] = map[string]int{}
	}
	n[k][region]++
}

// Ambiguity of a written place name, and what a row then needs so that a
// resolver can tell the place: nothing, the region (or the code), the code.
const (
	unique = iota
	needsRegion
	needsCode
)

// level is the ambiguity of the municipality name core in region, not
// counting the place itself when self is set (it is one of the counted).
func (n namesakes) level(core, region string, self bool) int {
	m := n[cdoatlas.Fold(core)]
	same, other := 0, 0
	for r, c := range m {
		if r == region {
			same += c
		} else {
			other += c
		}
	}
	if self && same > 0 {
		same--
	}
	switch {
	case same > 0:
		return needsCode
	case other > 0:
		return needsRegion
	}
	return unique
}

// corePrefixes are what written names of a municipality put before its
// name, longest first.
var corePrefixes = []string{
	"Magistrat der Wissenschaftsstadt ", "Einwohnergemeinde der Stadt ", "Hanse- und Universitätsstadt ",
	"Magistrat der Kreisstadt ", "Magistrat der Freistadt ", "Freie und Hansestadt ", "Magistrat der Stadt ",
	"Marktgemeinde ", "Landeshauptstadt ", "Wissenschaftsstadt ", "Universitätsstadt ", "Große Kreisstadt ",
	"Bundeshauptstadt ", "Gemeindeverwaltung ", "Einwohnergemeinde ", "Vier-Tore-Stadt ", "Stadtverwaltung ",
	"Stadtmagistrat ", "Stadtgemeinde ", "Statutarstadt ", "Bundesstadt ", "Hansestadt ", "Kreisstadt ",
	"Freistadt ", "Magistrat ", "Gemeinde ", "Città di ", "Ville de ", "Stadt ", "Markt ", "LH ",
}

// coreName is the name of a municipality in a written form: "Köln" in
// "Stadt Köln", "Köln, Stadt" and "Stadtverwaltung Köln".
func coreName(s string) string {
	if before, _, ok := strings.Cut(s, ", "); ok {
		return before
	}
	for _, p := range corePrefixes {
		if strings.HasPrefix(s, p) {
			return strings.TrimPrefix(s, p)
		}
	}
	return s
}
