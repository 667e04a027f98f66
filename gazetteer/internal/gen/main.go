// Command gen rebuilds the gazetteer's embedded place list,
// data/places.csv.gz, from the reference files in ../shared/refdata, the
// population files for Austria and Switzerland in internal/gen/refdata and
// the npm package landkreise-deutschland (the German county names).
//
//	go run ./internal/gen [-refdata DIR] [-popdata DIR] [-landkreise DIR] [-out FILE]
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

type place struct {
	Country, Code, OfficialName, Name, Kind, Region string
	Population                                      int64
	PopulationDate                                  string
}

const (
	zensusDate = "2022-05-15"
	atPopDate  = "2025-01-01" // Statistik Austria, Bevölkerung zu Jahresbeginn
	chPopDate  = "2024-12-31" // BFS STATPOP, ständige Wohnbevölkerung am Jahresende
)

func main() {
	refdata := flag.String("refdata", "../../shared/refdata", "folder with the reference CSV files")
	popdata := flag.String("popdata", "internal/gen/refdata", "folder with the Austrian and Swiss population files")
	landkreise := flag.String("landkreise", "/tmp/lk/node_modules/landkreise-deutschland", "folder of the npm package landkreise-deutschland")
	out := flag.String("out", "data/places.csv.gz", "file to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")

	de, err := germany(*refdata, *landkreise)
	check(err)
	at, err := austria(*refdata, *popdata)
	check(err)
	ch, err := switzerland(*refdata, *popdata)
	check(err)
	places := append(append(de, at...), ch...)
	check(write(*out, places))
	log.Printf("wrote %s: %d DE, %d AT, %d CH places", *out, len(de), len(at), len(ch))
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		row := map[string]string{}
		for i, h := range head {
			row[strings.TrimPrefix(h, "\ufeff")] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, row)
	}
}

func regionByKey(prefix, key string) string {
	for _, r := range cdoatlas.Regions {
		if strings.HasPrefix(r.Code, prefix) && r.KeyPart == key {
			return r.Code
		}
	}
	return ""
}

// cityStates are the German municipalities that are also a Land (Bremen
// the city, as in the demo data).
var cityStates = map[string]bool{"02000000": true, "11000000": true, "04011000": true}

// displayName turns the Destatis form into the name as people write it:
// the designation after the first comma goes ("Köln, Stadt" → "Köln"),
// a parenthesis that tells namesakes apart stays.
func displayName(official string) string {
	name, _, _ := strings.Cut(official, ",")
	name = strings.Join(strings.Fields(name), " ")
	name = strings.ReplaceAll(name, "/ ", "/")
	return name
}

func germany(dir, lkDir string) ([]place, error) {
	rows, err := readCSV(filepath.Join(dir, "de-municipalities-zensus2022.csv"))
	if err != nil {
		return nil, err
	}
	var out []place
	sum := map[string]int64{}
	count := map[string]int{}
	for _, r := range rows {
		ars := r["ars"]
		if len(ars) != 12 {
			return nil, fmt.Errorf("ARS %q is not 12 digits", ars)
		}
		ags := ars[0:5] + ars[9:12]
		region := regionByKey("DE-", ars[0:2])
		if region == "" {
			return nil, fmt.Errorf("ARS %s: no Land %s", ars, ars[0:2])
		}
		pop, err := strconv.ParseInt(r["population"], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("ARS %s: population %q", ars, r["population"])
		}
		kind := cdoatlas.KindMunicipality
		if cityStates[ags] {
			kind = cdoatlas.KindCityState
		}
		out = append(out, place{"DE", ags, r["name"], displayName(r["name"]), kind, region, pop, r["population_date"]})
		sum[ars[0:5]] += pop
		count[ars[0:5]]++
	}
	b, err := os.ReadFile(filepath.Join(lkDir, "data", "districts.json"))
	if err != nil {
		return nil, fmt.Errorf("landkreise-deutschland: %w (npm install --prefix /tmp/lk landkreise-deutschland)", err)
	}
	var districts []struct {
		AGS        json.RawMessage // a string, or a number where no zero leads
		Type, Name string
	}
	if err := json.Unmarshal(b, &districts); err != nil {
		return nil, err
	}
	counties := map[string]bool{}
	for _, d := range districts {
		ags := strings.Trim(string(d.AGS), `"`)
		if len(ags) == 4 {
			ags = "0" + ags
		}
		var name string
		switch d.Type {
		case "Landkreis", "Kreis", "Regionalverband":
			name = countyName(d.Type, d.Name)
		default: // Kreisfreie Stadt, Stadtkreis: a municipality
			continue
		}
		if count[ags] == 0 {
			return nil, fmt.Errorf("county %s %s has no municipalities in the Zensus list", ags, d.Name)
		}
		counties[ags] = true
		out = append(out, place{"DE", ags, d.Name, name, cdoatlas.KindCounty, regionByKey("DE-", ags[:2]), sum[ags], zensusDate})
	}
	for k, n := range count {
		if n > 1 && !counties[k] {
			//lint:ignore ST1005 a German noun, capitalised in any position
			return nil, fmt.Errorf("Kreisschlüssel %s has %d municipalities but no county", k, n)
		}
	}
	return out, nil
}

// countyName is the name of a German county as people write it: "Kreis
// Wesel", "Landkreis München"; names that already say Kreis or Region stay.
func countyName(typ, name string) string {
	l := strings.ToLower(name)
	if strings.Contains(l, "kreis") || strings.HasPrefix(name, "Region") || strings.HasPrefix(name, "Städteregion") || typ == "Regionalverband" {
		return strings.TrimPrefix(name, "Regionalverband Regionalverband ")
	}
	return typ + " " + name
}

// readPopulation reads a file of code,name,population rows into a map
// code → population.
func readPopulation(path, codeCol string) (map[string]int64, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	pop := map[string]int64{}
	for _, r := range rows {
		n, err := strconv.ParseInt(r["population"], 10, 64)
		code := r[codeCol]
		if err != nil || n < 0 || code == "" {
			return nil, fmt.Errorf("%s: row %q %q", path, code, r["population"])
		}
		if _, dup := pop[code]; dup {
			return nil, fmt.Errorf("%s: code %s twice", path, code)
		}
		pop[code] = n
	}
	return pop, nil
}

func austria(dir, popDir string) ([]place, error) {
	rows, err := readCSV(filepath.Join(dir, "at-municipalities-2021.csv"))
	if err != nil {
		return nil, err
	}
	pop, err := readPopulation(filepath.Join(popDir, "at-population-2025.csv"), "gkz")
	if err != nil {
		return nil, err
	}
	// A Bezirk's population is the sum of its municipalities in the
	// population file, which is on a later Gebietsstand: the merged
	// municipalities have new codes there but stay in their Bezirk.
	bezirk := map[string]int64{}
	for gkz, n := range pop {
		bezirk[gkz[:3]] += n
	}
	var out []place
	matched := 0
	for _, r := range rows {
		gkz := r["gkz"]
		region := regionByKey("AT-", gkz[:1])
		if len(gkz) != 5 || region == "" {
			return nil, fmt.Errorf("GKZ %q", gkz)
		}
		kind := cdoatlas.KindMunicipality
		if gkz == "90001" { // Wien, as in the demo data
			kind = cdoatlas.KindCityState
		}
		p := place{"AT", gkz, r["name"], r["name"], kind, region, 0, ""}
		if n, ok := pop[gkz]; ok {
			p.Population, p.PopulationDate = n, atPopDate
			matched++
		}
		out = append(out, p)
	}
	log.Printf("AT: %d of %d municipalities with population %s (%d rows in the population file)", matched, len(rows), atPopDate, len(pop))
	rows, err = readCSV(filepath.Join(dir, "at-districts-2021.csv"))
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, r := range rows {
		code, name := r["code"], r["name"]
		known[code] = true
		if statutoryCity(name) {
			continue
		}
		if bezirk[code] == 0 {
			//lint:ignore ST1005 a German noun, capitalised in any position
			return nil, fmt.Errorf("Bezirk %s %s has no municipalities in the population file", code, name)
		}
		display := strings.ReplaceAll(name, "(Land)", "-Land")
		out = append(out, place{"AT", code, name, "Bezirk " + display, cdoatlas.KindCounty, regionByKey("AT-", code[:1]), bezirk[code], atPopDate})
	}
	for code := range bezirk {
		if !known[code] {
			return nil, fmt.Errorf("population file: Bezirk %s is not in at-districts-2021.csv", code)
		}
	}
	return out, nil
}

// statutoryCity tells the districts that are a Statutarstadt, a
// municipality: "Graz(Stadt)", "Klagenfurt Stadt", "Stadt Linz", "Innsbruck-Stadt".
func statutoryCity(name string) bool {
	return strings.HasSuffix(name, "(Stadt)") || strings.HasSuffix(name, " Stadt") || strings.HasPrefix(name, "Stadt ") || strings.HasSuffix(name, "-Stadt")
}

var cantons = []string{"", "ZH", "BE", "LU", "UR", "SZ", "OW", "NW", "GL", "ZG", "FR", "SO", "BS", "BL", "SH", "AR", "AI", "SG", "GR", "AG", "TG", "TI", "VD", "VS", "NE", "GE", "JU"}

func switzerland(dir, popDir string) ([]place, error) {
	rows, err := readCSV(filepath.Join(dir, "ch-municipalities-2024.csv"))
	if err != nil {
		return nil, err
	}
	pop, err := readPopulation(filepath.Join(popDir, "ch-population-2024.csv"), "bfs")
	if err != nil {
		return nil, err
	}
	// Municipalities that kept their number but absorbed others before the
	// population's Gemeindestand: their figure is for a larger territory.
	enlargedRows, err := readCSV(filepath.Join(popDir, "ch-enlarged-2025.csv"))
	if err != nil {
		return nil, err
	}
	enlarged := map[string]bool{}
	for _, r := range enlargedRows {
		enlarged[r["bfs"]] = true
	}
	var out []place
	matched := 0
	for _, r := range rows {
		n, err := strconv.Atoi(r["canton_number"])
		if err != nil || n < 1 || n >= len(cantons) {
			return nil, fmt.Errorf("BFS %s: canton %q", r["bfs"], r["canton_number"])
		}
		p := place{"CH", r["bfs"], r["name"], r["name"], cdoatlas.KindMunicipality, "CH-" + cantons[n], 0, ""}
		if n, ok := pop[p.Code]; ok && !enlarged[p.Code] {
			p.Population, p.PopulationDate = n, chPopDate
			matched++
		}
		out = append(out, p)
	}
	log.Printf("CH: %d of %d municipalities with population %s (%d rows in the population file, %d enlarged left out)", matched, len(rows), chPopDate, len(pop), len(enlarged))
	return out, nil
}

var countryOrder = map[string]int{"DE": 0, "AT": 1, "CH": 2}

func write(path string, places []place) error {
	sort.SliceStable(places, func(i, j int) bool {
		a, b := places[i], places[j]
		if a.Country != b.Country {
			return countryOrder[a.Country] < countryOrder[b.Country]
		}
		if a.Country == "CH" {
			x, _ := strconv.Atoi(a.Code)
			y, _ := strconv.Atoi(b.Code)
			return x < y
		}
		return a.Code < b.Code
	})
	var raw bytes.Buffer
	w := csv.NewWriter(&raw)
	w.Write([]string{"country", "code", "official_name", "name", "kind", "region", "population", "population_date"})
	for _, p := range places {
		pop := ""
		if p.Population > 0 {
			pop = strconv.FormatInt(p.Population, 10)
		}
		w.Write([]string{p.Country, p.Code, p.OfficialName, p.Name, p.Kind, p.Region, pop, p.PopulationDate})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(raw.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, gz.Bytes(), 0o644)
}
