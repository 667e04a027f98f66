// Package refdata ships reference figures for the first-level regions of
// Germany, Austria and Switzerland (Länder, Bundesländer, cantons): the
// number of municipalities and the population, each with its reference
// date and source. The census uses them for density figures: CDOs per 100
// municipalities and per million inhabitants.
//
// The figures live in data/regions.csv, embedded at build time; where they
// come from, how sure they are and under which licence they may be reused
// is written in data/SOURCES.md. Region codes are those of cdoatlas.Regions.
package refdata

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

//go:embed data/regions.csv
var files embed.FS

// Region holds the reference figures of one region.
type Region struct {
	Code               string // ISO 3166-2, as in cdoatlas.Regions
	Name               string // German name
	Municipalities     int    // Gemeinden / communes; the city states count as 1, Bremen as 2
	MunicipalitiesDate string // reference date, ISO 8601 (a date, or an interval date/date)
	Population         int64
	PopulationDate     string // reference date, ISO 8601
	Source             string // publisher and statistic
}

var load = sync.OnceValues(func() ([]Region, error) {
	b, err := files.ReadFile("data/regions.csv")
	if err != nil {
		return nil, err
	}
	return parse(b)
})

// Regions returns the figures of all regions in the order of the data
// file: German Länder, Austrian Bundesländer, Swiss cantons.
func Regions() []Region {
	regions, err := load()
	if err != nil {
		panic("refdata: shipped data is broken: " + err.Error()) // caught by the tests
	}
	return append([]Region(nil), regions...)
}

// Find returns the figures of the region with the ISO 3166-2 code.
func Find(code string) (Region, bool) {
	for _, r := range Regions() {
		if r.Code == code {
			return r, true
		}
	}
	return Region{}, false
}

// Country adds up the regions of a country (ISO 3166-1 alpha-2: DE, AT,
// CH), under the country's German name. Where the regions' reference dates differ, the date becomes the
// ISO 8601 interval earliest/latest.
func Country(code string) (Region, bool) {
	var c Region
	var mDates, pDates []string
	for _, r := range Regions() {
		if !strings.HasPrefix(r.Code, code+"-") {
			continue
		}
		if c.Code == "" {
			c = Region{Code: code, Name: cdoatlas.CountryName("de", code), Source: r.Source}
		}
		c.Municipalities += r.Municipalities
		c.Population += r.Population
		mDates, pDates = append(mDates, r.MunicipalitiesDate), append(pDates, r.PopulationDate)
	}
	if c.Code == "" {
		return Region{}, false
	}
	c.MunicipalitiesDate, c.PopulationDate = span(mDates), span(pDates)
	return c, true
}

func span(dates []string) string {
	lo, hi := dates[0], dates[0]
	for _, d := range dates {
		lo, hi = min(lo, d), max(hi, d)
	}
	if lo == hi {
		return lo
	}
	return lo + "/" + hi
}

// Density returns the CDOs of a region per 100 municipalities and per
// million inhabitants. A figure whose reference value is missing (zero) is
// returned as 0.
func Density(cdos int, r Region) (per100Municipalities, perMillionInhabitants float64) {
	if r.Municipalities > 0 {
		per100Municipalities = float64(cdos) * 100 / float64(r.Municipalities)
	}
	if r.Population > 0 {
		perMillionInhabitants = float64(cdos) * 1e6 / float64(r.Population)
	}
	return per100Municipalities, perMillionInhabitants
}

var header = []string{"code", "name", "municipalities", "municipalities_date", "population", "population_date", "source"}

// parse reads the data file and checks every row.
func parse(b []byte) ([]Region, error) {
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(header, ",") {
		return nil, fmt.Errorf("header must be %s", strings.Join(header, ","))
	}
	var regions []Region
	seen := map[string]bool{}
	for i, row := range rows[1:] {
		line := i + 2
		r := Region{Code: row[0], Name: row[1], MunicipalitiesDate: row[3], PopulationDate: row[5], Source: row[6]}
		if r.Code == "" || r.Name == "" || r.Source == "" {
			return nil, fmt.Errorf("line %d: code, name and source are required", line)
		}
		if seen[r.Code] {
			return nil, fmt.Errorf("line %d: %s appears twice", line, r.Code)
		}
		seen[r.Code] = true
		if r.Municipalities, err = strconv.Atoi(row[2]); err != nil || r.Municipalities < 1 {
			return nil, fmt.Errorf("line %d: municipalities %q is not a positive number", line, row[2])
		}
		if r.Population, err = strconv.ParseInt(row[4], 10, 64); err != nil || r.Population < 1 {
			return nil, fmt.Errorf("line %d: population %q is not a positive number", line, row[4])
		}
		for _, d := range []string{r.MunicipalitiesDate, r.PopulationDate} {
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				return nil, fmt.Errorf("line %d: date %q is not YYYY-MM-DD", line, d)
			}
		}
		regions = append(regions, r)
	}
	return regions, nil
}
