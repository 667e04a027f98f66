package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/report"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
	"github.com/cdoatlas/cdoatlas/tabular"
)

func TestWrite(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	if _, err := report.Write(ctx, db, t.TempDir(), report.Options{}); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
		t.Errorf("report without waves: %v", err)
	}
	row := func(name, org, region string) cdoatlas.Observation {
		o := cdoatlas.Observation{PersonName: name, Title: "Chief Digital Officer", Organization: org, Region: region}
		if err := o.Validate(); err != nil {
			t.Fatal(err)
		}
		return o
	}
	var w1, w2 []cdoatlas.Observation
	for _, n := range []string{"Anna", "Berta", "Carla", "Dora", "Emil", "Fritz"} {
		w1 = append(w1, row(n+" Muster", "Stadt "+n+"hausen", "DE-BY"))
		w2 = append(w2, row(n+" Muster", "Stadt "+n+"hausen", "DE-BY"))
	}
	w2 = append(w2, row("Gustav Einzeln", "Stadt Bremen", "DE-HB"))
	for _, imp := range []cdoatlas.ObservationImport{
		{Wave: cdoatlas.Wave{ID: "2023", Date: "2023-06-30"}, Rows: cdoatlas.WithSource("press", w1)},
		{Wave: cdoatlas.Wave{ID: "2024", Date: "2024-06-30"}, Rows: cdoatlas.WithSource("press", w2)},
	} {
		if _, err := db.ImportObservations(ctx, imp); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	files, err := report.Write(ctx, db, dir, report.Options{Publisher: "Testamt", Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"index.html", "index.en.html", "wave-2023.html", "wave-2024.en.html", "figures.csv",
		"figures-excel-de.csv", "figures.xlsx", "datapackage.json", "dcat-ap.jsonld"} {
		if !contains(files, want) {
			t.Errorf("%s not written (%v)", want, files)
		}
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	page := string(index)
	for _, want := range []string{"Erhebung der Digitalverantwortlichen – Welle 2024", "<svg", "Erstellt am 28.11.2026", `href="index.en.html"`, `href="wave-2023.html"`} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	// Self-contained: nothing is loaded from elsewhere, no script.
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"#]+)"`).FindAllStringSubmatch(page, -1) {
		if strings.Contains(m[1], "://") || strings.HasPrefix(m[1], "/") {
			t.Errorf("index.html refers to %s", m[1])
		}
	}
	if strings.Contains(page, "<script") || strings.Contains(page, "<link rel=\"stylesheet\"") {
		t.Error("index.html has a script or an external stylesheet")
	}
	if strings.Contains(page, "Gustav") || strings.Contains(page, "Muster") {
		t.Error("a name is in the report")
	}
	// The CSV withholds the single person in Bremen.
	csv, _ := os.ReadFile(filepath.Join(dir, "figures.csv"))
	if !strings.Contains(string(csv), "2024,2024-06-30,by_region,DE-HB,.") || !strings.HasPrefix(string(csv), "wave,date,measure,key,value") {
		t.Errorf("figures.csv:\n%s", csv)
	}
	de, _ := os.ReadFile(filepath.Join(dir, "figures-excel-de.csv"))
	if !bytes.HasPrefix(de, []byte("\ufeffwave;date;measure;key;value")) {
		t.Errorf("figures-excel-de.csv starts %q", de[:40])
	}
	x, _ := os.Open(filepath.Join(dir, "figures.xlsx"))
	tab, err := tabular.Read(x, "figures.xlsx")
	x.Close()
	if err != nil || len(tab.Rows) != strings.Count(string(csv), "\n")-1 {
		t.Errorf("figures.xlsx: %v rows, %v", len(tab.Rows), err)
	}
	var dp struct {
		Profile   string `json:"profile"`
		Resources []struct {
			Path   string `json:"path"`
			Schema struct {
				Fields []struct{ Name string } `json:"fields"`
			} `json:"schema"`
		} `json:"resources"`
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err := json.Unmarshal(raw, &dp); err != nil || dp.Profile != "tabular-data-package" || dp.Resources[0].Path != "figures.csv" || len(dp.Resources[0].Schema.Fields) != 5 {
		t.Errorf("datapackage.json: %+v, %v", dp, err)
	}
	var dcat map[string]any
	raw, _ = os.ReadFile(filepath.Join(dir, "dcat-ap.jsonld"))
	if err := json.Unmarshal(raw, &dcat); err != nil || dcat["@type"] != "dcat:Dataset" || dcat["dct:publisher"].(map[string]any)["foaf:name"] != "Testamt" {
		t.Errorf("dcat-ap.jsonld: %v, %v", dcat, err)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
