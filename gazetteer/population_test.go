package gazetteer

import (
	"math"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// Official totals for the reference dates of the Austrian and Swiss
// population files (internal/gen/refdata):
//   - Austria on 1 January 2025: 9,197,213 (Statistik Austria, Bevölkerung
//     zu Jahresbeginn; the sum of all 2,092 municipalities of the source).
//   - Switzerland on 31 December 2024: 9,051,029 (BFS STATPOP, ständige
//     Wohnbevölkerung; the sum of all 2,115 municipalities of the source).
//
// The gazetteer's lists are older (AT 2021, CH 2024), so the places merged
// since (5 in Austria, 22 in Switzerland) and the 5 Swiss municipalities that
// kept their number but grew have no population; the sums below are a little
// smaller than the totals.
const (
	atTotal2025 = 9197213
	chTotal2024 = 9051029
)

func TestPopulationATCH(t *testing.T) {
	for _, c := range []struct {
		country, code, name string
		pop                 int64
		date, class         string
	}{
		{"AT", "90001", "Wien", 2028289, "2025-01-01", "GK1"},
		{"AT", "60101", "Graz", 305314, "2025-01-01", "GK2"},
		{"AT", "406", "Bezirk Freistadt", 68326, "2025-01-01", "KGK3"},
		{"CH", "261", "Zürich", 436551, "2024-12-31", "GK1"},
		{"CH", "6621", "Genève", 209061, "2024-12-31", "GK2"},
	} {
		p, ok := ByCode(c.country, c.code)
		if !ok || p.Name != c.name {
			t.Errorf("%s %s: got %q, want %s", c.country, c.code, p.Name, c.name)
			continue
		}
		if p.Population != c.pop || p.PopulationDate != c.date || p.SizeClass() != c.class {
			t.Errorf("%s: population %d dated %q class %q, want %d dated %s class %s",
				c.name, p.Population, p.PopulationDate, p.SizeClass(), c.pop, c.date, c.class)
		}
	}
	// merged (AT) or enlarged (CH) since the gazetteer's list: unknown
	for _, c := range []struct{ country, code string }{{"AT", "62267"}, {"AT", "70327"}, {"CH", "3901"}, {"CH", "1057"}} {
		if p, _ := ByCode(c.country, c.code); p.Population != 0 || p.SizeClass() != "" {
			t.Errorf("%s %s %s: population %d, want unknown", c.country, c.code, p.Name, p.Population)
		}
	}
}

func TestPopulationTotalsATCH(t *testing.T) {
	var at, ch, atCounties, atStatutory int64
	var atN, chN int
	for _, p := range All() {
		switch {
		case p.Country == "AT" && p.Kind == cdoatlas.KindCounty:
			atCounties += p.Population
		case p.Country == "AT":
			at += p.Population
			if p.Population > 0 {
				atN++
			}
			if len(p.Code) == 5 && p.Code[3:] == "01" && !hasCounty(p.Code[:3]) {
				atStatutory += p.Population
			}
		case p.Country == "CH":
			ch += p.Population
			if p.Population > 0 {
				chN++
			}
		}
	}
	for _, c := range []struct {
		what       string
		got, total int64
	}{
		{"AT municipalities (1.1.2025)", at, atTotal2025},
		{"CH municipalities (31.12.2024)", ch, chTotal2024},
	} {
		if d := math.Abs(float64(c.got-c.total)) / float64(c.total); d > 0.01 {
			t.Errorf("%s: sum %d is %.2f %% off the official %d", c.what, c.got, 100*d, c.total)
		}
	}
	if atN != 2090 || chN != 2107 {
		t.Errorf("places with population: AT %d, CH %d; want 2090, 2107", atN, chN)
	}
	// The Bezirke are summed from the whole population file, so together
	// with the 15 statutory cities they make the official total exactly.
	if atCounties+atStatutory != atTotal2025 {
		t.Errorf("AT Bezirke %d + statutory cities %d = %d, want %d", atCounties, atStatutory, atCounties+atStatutory, atTotal2025)
	}
}

func hasCounty(code string) bool {
	p, ok := ByCode("AT", code)
	return ok && p.Kind == cdoatlas.KindCounty
}
