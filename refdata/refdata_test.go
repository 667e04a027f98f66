package refdata

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

func TestRegionsMatchTheAtlas(t *testing.T) {
	regions := Regions()
	if got, want := len(regions), len(cdoatlas.Regions); got != want {
		t.Fatalf("%d regions, want %d", got, want)
	}
	seen := map[string]bool{}
	for _, r := range regions {
		if seen[r.Code] {
			t.Errorf("%s appears twice", r.Code)
		}
		seen[r.Code] = true
		a := cdoatlas.FindRegion(r.Code)
		if a == nil {
			t.Errorf("%s is not a region of the atlas", r.Code)
			continue
		}
		if r.Name != a.Name {
			t.Errorf("%s: name %q, the atlas says %q", r.Code, r.Name, a.Name)
		}
	}
	for _, a := range cdoatlas.Regions {
		if _, ok := Find(a.Code); !ok {
			t.Errorf("no figures for %s", a.Code)
		}
	}
}

func TestRegionFigures(t *testing.T) {
	publishers := map[string]string{"DE": "Destatis", "AT": "Statistik Austria", "CH": "BFS"}
	for _, r := range Regions() {
		for _, d := range []string{r.MunicipalitiesDate, r.PopulationDate} {
			date, err := time.Parse(time.DateOnly, d)
			if err != nil || date.Year() < 2020 || date.After(time.Now()) {
				t.Errorf("%s: reference date %q is not a plausible date", r.Code, d)
			}
		}
		if p := publishers[r.Code[:2]]; !strings.Contains(r.Source, p) {
			t.Errorf("%s: source %q does not name %s", r.Code, r.Source, p)
		}
		// A mix-up of the two columns shows as fewer than 10 inhabitants
		// per municipality.
		if r.Population < int64(r.Municipalities)*10 {
			t.Errorf("%s: %d inhabitants in %d municipalities", r.Code, r.Population, r.Municipalities)
		}
	}
	for code, want := range map[string]int{"DE-HH": 1, "DE-BE": 1, "DE-HB": 2, "AT-9": 1, "CH-BS": 3} {
		if r, _ := Find(code); r.Municipalities != want {
			t.Errorf("%s: %d municipalities, want %d", code, r.Municipalities, want)
		}
	}
}

func TestCountryTotals(t *testing.T) {
	tests := []struct {
		country        string
		regions        int
		muniLo, muniHi int
		popLo, popHi   int64
	}{
		{"DE", 16, 10750, 10800, 83_000_000, 85_000_000},
		// The population is the census of 31 Oct 2021 (8.97 million);
		// Austria had 9.16 million at the start of 2024.
		{"AT", 9, 2090, 2100, 8_900_000, 9_200_000},
		{"CH", 26, 2120, 2140, 8_900_000, 9_100_000},
	}
	for _, tt := range tests {
		t.Run(tt.country, func(t *testing.T) {
			n := 0
			for _, r := range Regions() {
				if strings.HasPrefix(r.Code, tt.country+"-") {
					n++
				}
			}
			if n != tt.regions {
				t.Errorf("%d regions, want %d", n, tt.regions)
			}
			c, ok := Country(tt.country)
			if !ok {
				t.Fatal("no total")
			}
			if c.Municipalities < tt.muniLo || c.Municipalities > tt.muniHi {
				t.Errorf("%d municipalities, want %d–%d", c.Municipalities, tt.muniLo, tt.muniHi)
			}
			if c.Population < tt.popLo || c.Population > tt.popHi {
				t.Errorf("population %d, want %d–%d", c.Population, tt.popLo, tt.popHi)
			}
			t.Logf("%s: %d municipalities (%s), %d inhabitants (%s)", c.Name, c.Municipalities, c.MunicipalitiesDate, c.Population, c.PopulationDate)
		})
	}
	if _, ok := Country("FR"); ok {
		t.Error("a total for FR")
	}
}

func TestFind(t *testing.T) {
	r, ok := Find("DE-NW")
	if !ok || r.Name != "Nordrhein-Westfalen" || r.Municipalities != 396 {
		t.Errorf("Find(DE-NW) = %+v, %v", r, ok)
	}
	if _, ok := Find("DE-XX"); ok {
		t.Error("Find(DE-XX) found something")
	}
	// Callers get copies.
	Regions()[0].Population = 0
	if r, _ := Find(Regions()[0].Code); r.Population == 0 {
		t.Error("changing a returned slice changed the data")
	}
}

func TestDensity(t *testing.T) {
	tests := []struct {
		name          string
		cdos          int
		r             Region
		perMuni, perM float64
	}{
		{"OK", 10, Region{Municipalities: 2000, Population: 5_000_000}, 0.5, 2},
		{"CityState", 3, Region{Municipalities: 1, Population: 1_500_000}, 300, 2},
		{"NoCDOs", 0, Region{Municipalities: 396, Population: 18_000_000}, 0, 0},
		{"MissingReference", 4, Region{}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, p := Density(tt.cdos, tt.r)
			if math.Abs(m-tt.perMuni) > 1e-9 || math.Abs(p-tt.perM) > 1e-9 {
				t.Errorf("Density = %v, %v; want %v, %v", m, p, tt.perMuni, tt.perM)
			}
		})
	}
	nrw, _ := Find("DE-NW")
	if _, p := Density(18, nrw); p < 0.9 || p > 1.1 {
		t.Errorf("18 CDOs in NRW: %v per million, want about 1", p)
	}
}

func TestParseRejects(t *testing.T) {
	head := strings.Join(header, ",") + "\n"
	tests := []struct{ name, data, want string }{
		{"Header", "code,name\n", "header"},
		{"Twice", head + "DE-HH,Hamburg,1,2024-01-01,1,2022-12-31,x\nDE-HH,Hamburg,1,2024-01-01,1,2022-12-31,x\n", "twice"},
		{"Municipalities", head + "DE-HH,Hamburg,none,2024-01-01,1,2022-12-31,x\n", "municipalities"},
		{"Population", head + "DE-HH,Hamburg,1,2024-01-01,-5,2022-12-31,x\n", "population"},
		{"Date", head + "DE-HH,Hamburg,1,31.12.2023,1,2022-12-31,x\n", "date"},
		{"Source", head + "DE-HH,Hamburg,1,2024-01-01,1,2022-12-31,\n", "source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}
