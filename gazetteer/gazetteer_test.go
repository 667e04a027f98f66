package gazetteer

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestData(t *testing.T) {
	count := map[string]int{}
	var dePop int64
	seen := map[string]bool{}
	for _, p := range All() {
		count[p.Country+" "+p.Kind]++
		if p.Country == "DE" && p.Kind != cdoatlas.KindCounty {
			dePop += p.Population
		}
		id := p.Country + "|" + p.Kind + "|" + p.Code
		if seen[id] {
			t.Errorf("code %s twice", id)
		}
		seen[id] = true
		o := cdoatlas.Organization{Name: p.Name, Kind: p.Kind, Country: p.Country, Region: p.Region, OfficialCode: p.Code}
		if p.Country == "AT" && p.Kind == cdoatlas.KindCounty {
			// a Bezirk code has 3 digits; the organization validator learns it separately
			if len(p.Code) != 3 || cdoatlas.FindRegion(p.Region).KeyPart != p.Code[:1] {
				t.Errorf("%s %s: bad Bezirk code", p.Code, p.Name)
			}
		} else if err := o.Validate(); err != nil {
			t.Errorf("%s %s %s: %v", p.Country, p.Code, p.Name, err)
		}
		if p.Name == "" || p.OfficialName == "" || cdoatlas.FindRegion(p.Region) == nil {
			t.Errorf("%+v: name or region missing", p)
		}
		if (p.Population > 0) != (p.PopulationDate != "") {
			t.Errorf("%s %s: population %d dated %q", p.Country, p.Code, p.Population, p.PopulationDate)
		}
	}
	de := count["DE municipality"] + count["DE city_state"]
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"DE municipalities", de, 10786},
		{"DE city states", count["DE city_state"], 3},
		{"DE counties", count["DE county"], 294},
		{"AT municipalities", count["AT municipality"] + count["AT city_state"], 2095},
		{"AT Bezirke (without the 15 statutory cities)", count["AT county"], 79},
		{"CH municipalities", count["CH municipality"], 2134},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
		}
	}
	if dePop != 82711282 {
		t.Errorf("DE population: got %d, want 82711282", dePop)
	}
	var counties int64
	for _, p := range All() {
		if p.Country == "DE" && p.Kind == cdoatlas.KindCounty {
			counties += p.Population
		}
	}
	if counties <= 0 || counties >= dePop {
		t.Errorf("DE county population sum %d, want between 0 and %d", counties, dePop)
	}
}

func TestByCode(t *testing.T) {
	for _, c := range []struct{ country, code, want string }{
		{"DE", "05315000", "Köln"},
		{"DE", "053150000000", "Köln"}, // ARS
		{"DE", "09184", "Landkreis München"},
		{"AT", "90001", "Wien"},
		{"AT", "406", "Bezirk Freistadt"},
		{"CH", "261", "Zürich"},
	} {
		p, ok := ByCode(c.country, c.code)
		if !ok || p.Name != c.want {
			t.Errorf("ByCode(%s, %s) = %q, %v; want %q", c.country, c.code, p.Name, ok, c.want)
		}
	}
	for _, c := range []struct{ country, code string }{{"DE", "5315000"}, {"CH", "0261"}, {"AT", "601"}, {"DE", ""}} {
		if p, ok := ByCode(c.country, c.code); ok {
			t.Errorf("ByCode(%s, %s) = %s, want none", c.country, c.code, p.Name)
		}
	}
}

func TestSizeClass(t *testing.T) {
	if got := must(t, "Köln").SizeClass(); got != "GK1" {
		t.Errorf("Köln: %s, want GK1", got)
	}
	if got := must(t, "Landkreis München").SizeClass(); got != "KGK1" {
		t.Errorf("Landkreis München: %s, want KGK1", got)
	}
	if got := must(t, "Wien").SizeClass(); got != "GK1" {
		t.Errorf("Wien: %q, want GK1", got)
	}
}

func must(t *testing.T, name string) Place {
	t.Helper()
	r := Find(Query{Name: name})
	if r.Place == nil {
		t.Fatalf("Find(%q): no place", name)
	}
	return *r.Place
}
