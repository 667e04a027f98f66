// Package report writes the public census figures as a self-contained
// static site: an HTML page per wave in German and English (inline styles
// and SVG, no scripts, works from file:// and prints), the figures as CSV
// (RFC 4180 and Excel-DE), XLSX, a Frictionless datapackage.json and
// DCAT-AP.de metadata. Everything in it has passed disclosure control.
package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/cdoatlas/cdoatlas/locale"
	"os"
	"path/filepath"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/tabular"
	"github.com/cdoatlas/cdoatlas/web"
)

// Options of a report.
type Options struct {
	K         int       // disclosure threshold; 0 means 3
	Publisher string    // who publishes it, for the metadata
	BaseURL   string    // where it will be published, for the metadata; "" for relative links
	Now       time.Time // the date of the report; zero means now
}

// Write computes the public figures of store's waves and writes the report
// into dir (created when missing). It returns the files written.
func Write(ctx context.Context, store cdoatlas.CensusService, dir string, opts Options) ([]string, error) {
	if opts.K <= 0 {
		opts.K = 3
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Publisher == "" {
		opts.Publisher = "cdoatlas"
	}
	st, waves, err := census.Load(ctx, store)
	if err != nil {
		return nil, err
	}
	if len(waves) == 0 {
		return nil, cdoatlas.Errorf(cdoatlas.EINVALID, "no census wave stored: import observations first")
	}
	pub, err := census.MakePublic(st, opts.K)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	write := func(name string, data []byte) error {
		files = append(files, name)
		return os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	// Pages: index.html is the latest wave; wave-W.html every wave; the
	// English ones end in .en.html.
	name := func(w, lang string) string {
		n := "wave-" + w
		if w == "" {
			n = "index"
		}
		if lang == "en" {
			n += ".en"
		}
		return n + ".html"
	}
	latest := waves[len(waves)-1].ID
	for _, lang := range []string{"de", "en"} {
		other := "en"
		if lang == "en" {
			other = "de"
		}
		for _, w := range append([]string{""}, waveIDs(waves)...) {
			shown := w
			if w == "" {
				shown = latest
			}
			var links []web.ReportLink
			for _, x := range waves {
				links = append(links, web.ReportLink{Href: name(x.ID, lang), Text: locale.Text(lang, "report.wave", x.ID), Current: x.ID == shown})
			}
			page, err := web.ReportPage(lang, pub, waves, shown, links, name(w, other), opts.Now)
			if err != nil {
				return nil, err
			}
			if err := write(name(w, lang), page); err != nil {
				return nil, err
			}
		}
	}
	header, rows := pub.Rows()
	var b bytes.Buffer
	if err := tabular.WriteCSV(&b, header, rows, tabular.RFC4180); err != nil {
		return nil, err
	}
	if err := write("figures.csv", b.Bytes()); err != nil {
		return nil, err
	}
	b.Reset()
	if err := tabular.WriteCSV(&b, header, rows, tabular.ExcelDE); err != nil {
		return nil, err
	}
	if err := write("figures-excel-de.csv", b.Bytes()); err != nil {
		return nil, err
	}
	b.Reset()
	if err := tabular.WriteXLSX(&b, "figures", header, rows, "wave", "key", "value"); err != nil {
		return nil, err
	}
	if err := write("figures.xlsx", b.Bytes()); err != nil {
		return nil, err
	}
	dp, err := json.MarshalIndent(dataPackage(pub, waves, opts), "", "  ")
	if err != nil {
		return nil, err
	}
	if err := write("datapackage.json", append(dp, '\n')); err != nil {
		return nil, err
	}
	dcat, err := json.MarshalIndent(dcatAP(waves, opts), "", "  ")
	if err != nil {
		return nil, err
	}
	if err := write("dcat-ap.jsonld", append(dcat, '\n')); err != nil {
		return nil, err
	}
	return files, nil
}

func waveIDs(waves []*cdoatlas.Wave) []string {
	ids := make([]string, len(waves))
	for i, w := range waves {
		ids[i] = w.ID
	}
	return ids
}

// dataPackage describes the figures as a Frictionless tabular data
// package (https://specs.frictionlessdata.io/).
func dataPackage(pub *census.Public, waves []*cdoatlas.Wave, opts Options) map[string]any {
	field := func(name, typ, desc string) map[string]any {
		return map[string]any{"name": name, "type": typ, "description": desc}
	}
	resource := func(name, path, format, mediatype, dialectDelim string) map[string]any {
		r := map[string]any{
			"name": name, "path": path, "profile": "tabular-data-resource", "format": format, "mediatype": mediatype,
			"encoding": "utf-8",
			"schema": map[string]any{
				"fields": []any{
					field("wave", "string", "census wave"),
					field("date", "date", "reference date of the wave (YYYY-MM-DD)"),
					field("measure", "string", "cdos, entries, exits, stayed, moved, a breakdown (by_country, by_region, by_size_class, by_kind, by_public, by_gender, by_age_band, by_archetype, by_placement, by_hire, by_sector), by_role, density_per_100_municipalities or density_per_million"),
					field("key", "string", "the breakdown's value or the region (ISO 3166-2); empty for totals"),
					field("value", "number", "the count or density; \".\" when withheld by disclosure control"),
				},
				"missingValues": []string{"."},
			},
		}
		if dialectDelim != "" {
			r["dialect"] = map[string]any{"delimiter": dialectDelim, "header": true}
		}
		return r
	}
	return map[string]any{
		"profile":      "tabular-data-package",
		"name":         "cdoatlas-census",
		"title":        "Census of digital leadership (CDOs) in German, Austrian and Swiss organizations",
		"description":  fmt.Sprintf("Counts of people with a CDO role per census wave (%d waves), entries, exits, movers and breakdowns, under disclosure control (k = %d): counts below k and those that would reveal them are withheld (\".\"). No person is identifiable.", len(waves), pub.K),
		"created":      opts.Now.UTC().Format(time.RFC3339),
		"licenses":     []any{map[string]any{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}},
		"contributors": []any{map[string]any{"title": opts.Publisher, "role": "publisher"}},
		"resources": []any{
			resource("figures", "figures.csv", "csv", "text/csv", ""),
			resource("figures-excel-de", "figures-excel-de.csv", "csv", "text/csv", ";"),
		},
	}
}

// dcatAP describes the report as a dcat:Dataset after DCAT-AP.de, in
// JSON-LD.
func dcatAP(waves []*cdoatlas.Wave, opts Options) map[string]any {
	url := func(name string) string { return opts.BaseURL + name }
	dist := func(name, format, media, title string) map[string]any {
		return map[string]any{
			"@type":            "dcat:Distribution",
			"dct:title":        title,
			"dcat:accessURL":   map[string]any{"@id": url(name)},
			"dcat:downloadURL": map[string]any{"@id": url(name)},
			"dct:format":       map[string]any{"@id": "http://publications.europa.eu/resource/authority/file-type/" + format},
			"dcat:mediaType":   map[string]any{"@id": "https://www.iana.org/assignments/media-types/" + media},
			"dct:license":      map[string]any{"@id": "http://dcat-ap.de/def/licenses/cc-by/4.0"},
		}
	}
	first, last := waves[0].Date, waves[len(waves)-1].Date
	return map[string]any{
		"@context": map[string]any{
			"dcat":   "http://www.w3.org/ns/dcat#",
			"dct":    "http://purl.org/dc/terms/",
			"foaf":   "http://xmlns.com/foaf/0.1/",
			"dcatde": "http://dcat-ap.de/def/dcatde/",
		},
		"@type":                           "dcat:Dataset",
		"@id":                             url("index.html"),
		"dct:title":                       inBoth("report.dcat_title"),
		"dct:description":                 inBoth("report.dcat_description"),
		"dct:publisher":                   map[string]any{"@type": "foaf:Agent", "foaf:name": opts.Publisher},
		"dct:issued":                      map[string]any{"@value": opts.Now.UTC().Format("2006-01-02"), "@type": "http://www.w3.org/2001/XMLSchema#date"},
		"dct:temporal":                    map[string]any{"@type": "dct:PeriodOfTime", "dcat:startDate": string(first), "dcat:endDate": string(last)},
		"dct:spatial":                     []any{map[string]any{"@id": "http://publications.europa.eu/resource/authority/country/DEU"}, map[string]any{"@id": "http://publications.europa.eu/resource/authority/country/AUT"}, map[string]any{"@id": "http://publications.europa.eu/resource/authority/country/CHE"}},
		"dcat:theme":                      map[string]any{"@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE"},
		"dct:language":                    []any{map[string]any{"@id": "http://publications.europa.eu/resource/authority/language/DEU"}, map[string]any{"@id": "http://publications.europa.eu/resource/authority/language/ENG"}},
		"dcatde:licenseAttributionByText": opts.Publisher,
		"dcat:distribution": []any{
			dist("figures.csv", "CSV", "text/csv", "Zahlen (CSV)"),
			dist("figures-excel-de.csv", "CSV", "text/csv", "Zahlen (CSV für Excel)"),
			dist("figures.xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Zahlen (XLSX)"),
			dist("index.html", "HTML", "text/html", "Bericht (HTML)"),
		},
	}
}

// inBoth is the text of key in German and English, as JSON-LD values.
func inBoth(key string) []any {
	return []any{
		map[string]any{"@value": locale.Text(locale.German, key), "@language": locale.German},
		map[string]any{"@value": locale.Text(locale.English, key), "@language": locale.English},
	}
}
