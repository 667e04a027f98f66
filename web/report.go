package web

import (
	"bytes"
	"html/template"
	"io/fs"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/chart"
)

// ReportLink is an entry of a report page's navigation.
type ReportLink struct {
	Href, Text string
	Current    bool
}

// reportData is what the report template draws.
type reportData struct {
	statisticsData
	CSS                         template.CSS
	Links                       []ReportLink
	Other, OtherLang, OtherName string // the page in the other language
	Generated                   string
}

var reportTemplate = template.Must(template.New("report").Funcs(templateFuncs).ParseFS(webFS, "templates/report.html", "templates/partials/*.html"))

// ReportPage renders the statistics of a wave (compared with the wave
// before) as a self-contained HTML page in lang: styles inline, charts as
// inline SVG, no scripts, no links outside the report. links lead to the
// other pages of the report; other is this page in the other language.
func ReportPage(lang string, pub *census.Public, waves []*cdoatlas.Wave, wave string, links []ReportLink, other string, now time.Time) ([]byte, error) {
	css, err := fs.ReadFile(webFS, "static/app.css")
	if err != nil {
		return nil, err
	}
	p := &page{Lang: lang}
	d := reportData{
		statisticsData: statisticsData{P: p, C: buildStatistics(lang, pub, waves, wave, "")},
		CSS:            template.CSS(string(css) + "\n" + chart.CSS + "\n" + reportCSS),
		Links:          links,
		Other:          other,
		OtherLang:      "en",
		OtherName:      "English",
		Generated:      formatDate(lang, cdoatlas.PartialDate(now.UTC().Format("2006-01-02"))),
	}
	if lang == "en" {
		d.OtherLang, d.OtherName = "de", "Deutsch"
	}
	var b bytes.Buffer
	if err := reportTemplate.ExecuteTemplate(&b, "report", d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// reportCSS makes the report print well: no navigation, charts kept
// whole, link targets written out.
const reportCSS = `@media print {
  .site-header nav, .skip-link { display: none; }
  .chart, table { break-inside: avoid; }
  main a[href^="figures"]::after, main a[href$=".json"]::after, main a[href$=".jsonld"]::after { content: " (" attr(href) ")"; }
  body { font-size: 11pt; }
}`
