package companies

import (
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// TestList reads the embedded list: every row is valid, no name is
// listed twice, and every name finds its own company, so that no other
// name is lost to another company's.
func TestList(t *testing.T) {
	cs, err := parse(strings.NewReader(companiesCSV))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 300 {
		t.Errorf("%d companies, want the list of some hundreds", len(cs))
	}
	countries := map[string]int{}
	for _, c := range cs {
		countries[c.Country]++
		for _, n := range c.Names() {
			got, ok := Find(n, c.Country)
			if !ok || got.Name != c.Name {
				k, _ := gazetteer.Key(n)
				t.Errorf("%q (key %q) does not find %s: %v %q", n, k, c.Name, ok, got.Name)
			}
		}
	}
	t.Logf("%d companies: %v", len(cs), countries)
}

func TestFind(t *testing.T) {
	for _, c := range []struct{ name, country, want, region string }{
		{"Deutsche Bahn", "", "Deutsche Bahn AG", "DE-BE"},
		{"DB AG", "DE", "Deutsche Bahn AG", "DE-BE"},
		{"Deutsche Bahn Konzern", "", "Deutsche Bahn AG", "DE-BE"},
		{"BOSCH", "", "Robert Bosch GmbH", "DE-BW"},
		{"Bosch-Gruppe", "DE", "Robert Bosch GmbH", "DE-BW"},
		{"Nestle SA", "", "Nestlé S.A.", "CH-VD"},
		{"OEBB", "AT", "", "AT-9"},
		{"Bosch", "CH", "", ""},
		{"Stadt Köln", "", "", ""},
	} {
		got, ok := Find(c.name, c.country)
		switch {
		case c.region == "" && ok:
			t.Errorf("Find(%q, %q) = %s, want none", c.name, c.country, got.Name)
		case c.region != "" && (!ok || c.want != "" && got.Name != c.want || got.Region != c.region):
			t.Errorf("Find(%q, %q) = %q %s (%v), want %q %s", c.name, c.country, got.Name, got.Region, ok, c.want, c.region)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	head := strings.Join(header, ",") + "\n"
	for _, c := range []struct{ name, csv string }{
		{"header", "name,kind\n"},
		{"kind", head + "X AG,city,DE,DE-BY,München,\n"},
		{"country", head + "X AG,company,FR,FR-75,Paris,\n"},
		{"region", head + "X AG,company,DE,AT-9,Wien,\n"},
		{"fields", head + "X AG,company,DE\n"},
		{"name", head + ",company,DE,DE-BY,München,\n"},
	} {
		if _, err := parse(strings.NewReader(c.csv)); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
	cs, err := parse(strings.NewReader(head + "X AG,public_company,DE,DE-BY,München,X | XX Gruppe \n"))
	if err != nil || len(cs) != 1 || cs[0].Kind != cdoatlas.KindPublicCompany || len(cs[0].OtherNames) != 2 || cs[0].OtherNames[1] != "XX Gruppe" {
		t.Errorf("parse: %+v, %v", cs, err)
	}
}
