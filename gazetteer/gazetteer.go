// Package gazetteer knows every municipality and county of Germany,
// Austria and Switzerland — official code, name, kind, region and, where
// known, population — and finds the place a name means as people write
// it: "Stadt Köln", "Landeshauptstadt Düsseldorf", "Kreis Wesel",
// "Landratsamt München", "Ville de Genève", "Frankfurt a.M.".
//
// The places live in data/places.csv.gz, embedded at build time and
// rebuilt from the reference files by `go generate` (internal/gen); where
// they come from and under which licence is written in data/SOURCES.md.
package gazetteer

//go:generate go run ./internal/gen

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"sync"

	"github.com/cdoatlas/cdoatlas"
)

//go:embed data/places.csv.gz
var placesGz []byte

// Place is a municipality, city state or county.
type Place struct {
	// Code is the official code: DE municipality AGS (8 digits), DE county
	// Kreisschlüssel (5), AT municipality GKZ (5), AT Bezirk (3), CH BFS number.
	Code string
	// Name is the name as people write it and the atlas stores it: "Köln",
	// "Rostock", "Landkreis München", "Kreis Wesel", "Bezirk Freistadt".
	Name string
	// OfficialName is the source's form: "Köln, Stadt", "Lam, M".
	OfficialName   string
	Kind           string // cdoatlas.KindMunicipality, KindCounty or KindCityState
	Country        string // DE, AT, CH
	Region         string // ISO 3166-2, as in cdoatlas.Regions
	Population     int64  // 0 when unknown
	PopulationDate string // ISO date, "" when unknown
}

// SizeClass is the KGSt size class of the place (GK1…GK7, KGK1…KGK3), or
// "" when its population is unknown.
func (p Place) SizeClass() string {
	if p.Population <= 0 {
		return ""
	}
	pop := p.Population
	return cdoatlas.SizeClassOf(p.Kind, &pop, nil)
}

// All returns every place: Germany, Austria, Switzerland, each by code.
func All() []Place {
	return append([]Place(nil), theIndex().places...)
}

// ByCode returns the place with the official code in the country (DE, AT,
// CH). A German 12-digit ARS is read as its AGS. Leading zeros count:
// "5315000" is not Köln.
func ByCode(country, code string) (Place, bool) {
	if country == "DE" && len(code) == 12 {
		code = cdoatlas.AGS(code)
	}
	i, ok := theIndex().byCode[country+"|"+code]
	if !ok {
		return Place{}, false
	}
	return theIndex().places[i], true
}

func parsePlaces(gz []byte) ([]Place, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(raw))
	r.FieldsPerRecord = 8
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		return nil, err
	}
	places := make([]Place, 0, 15500)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return places, nil
		}
		if err != nil {
			return nil, err
		}
		p := Place{Country: rec[0], Code: rec[1], OfficialName: rec[2], Name: rec[3], Kind: rec[4], Region: rec[5], PopulationDate: rec[7]}
		if rec[6] != "" {
			if p.Population, err = strconv.ParseInt(rec[6], 10, 64); err != nil {
				return nil, fmt.Errorf("%s %s: population %q", p.Country, p.Code, rec[6])
			}
		}
		places = append(places, p)
	}
}

var theIndex = sync.OnceValue(func() *index {
	places, err := parsePlaces(placesGz)
	if err != nil {
		panic("gazetteer: embedded data is broken: " + err.Error()) // caught by the tests
	}
	return buildIndex(places)
})
