// Command demo writes a standalone HTML page with one chart of each kind,
// in German and English, to look at the charts in a browser or in print:
//
//	go run ./chart/internal/demo > /tmp/chart-demo.html
package main

import (
	"html/template"
	"os"

	"github.com/cdoatlas/cdoatlas/chart"
)

func main() {
	page := template.Must(template.New("page").Parse(`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>cdoatlas – Diagramme</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1f24; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }
{{.CSS}}</style></head>
<body><main>
<h1>CDO-Atlas: Diagramme (Demo)</h1>
{{range .Charts}}{{.}}{{end}}
<div lang="en"><h2>English</h2>
{{range .English}}{{.}}{{end}}</div>
</main></body></html>
`))
	s := chart.Suppressed()
	regions := chart.Bars{
		Text: chart.Text{ID: "regions", Title: "CDOs nach Land, 2023 und 2024",
			RowHeader: "Land", Footnote: "Weniger als 3 Fälle; aus Gründen der Geheimhaltung nicht veröffentlicht."},
		Series: []string{"2023", "2024"},
		Rows: []chart.Row{
			{Label: "Nordrhein-Westfalen", Values: []chart.Value{chart.Count(112), chart.Count(131)}},
			{Label: "Bayern", Values: []chart.Value{chart.Count(98), chart.Count(104)}},
			{Label: "Baden-Württemberg", Values: []chart.Value{chart.Count(71), chart.Count(69)}},
			{Label: "Niedersachsen", Values: []chart.Value{chart.Count(40), chart.Count(47)}},
			{Label: "Bremen", Values: []chart.Value{s, chart.Count(3)}},
			{Label: "Saarland", Values: []chart.Value{chart.Count(4), s}},
		},
	}
	sizes := chart.Bars{
		Text: chart.Text{ID: "sizes", Title: "CDOs nach Größenklasse 2024", RowHeader: "Größenklasse"},
		Rows: []chart.Row{
			{Label: "GK1 (über 400 000 Einw.)", Values: []chart.Value{chart.Count(14)}},
			{Label: "GK2 (200 000–400 000 Einw.)", Values: []chart.Value{chart.Count(22)}},
			{Label: "GK3 (100 000–200 000 Einw.)", Values: []chart.Value{chart.Count(41)}},
			{Label: "GK4 (50 000–100 000 Einw.)", Values: []chart.Value{chart.Count(63)}},
			{Label: "GK7 (unter 10 000 Einw.)", Values: []chart.Value{s}},
		},
	}
	waves := []string{"2016", "2017", "2018", "2019", "2020"}
	counts := chart.TimeSeries{
		Text:  chart.Text{ID: "waves", Title: "Aktive CDOs je Erhebungswelle"},
		Waves: waves,
		Series: []chart.Series{
			{Name: "CDOs", Values: []chart.Value{chart.Count(112), chart.Count(179), chart.Count(362), chart.Count(540), chart.Count(1234)}},
		},
	}
	flow := chart.TimeSeries{
		Text:  chart.Text{ID: "flow", Title: "Zugänge, Abgänge und Wechsel je Welle"},
		Waves: waves, Lines: true,
		Series: []chart.Series{
			{Name: "Zugänge", Values: []chart.Value{chart.Count(112), chart.Count(95), chart.Count(230), chart.Count(301), chart.Count(280)}},
			{Name: "Abgänge", Values: []chart.Value{chart.Count(0), chart.Count(28), chart.Count(47), chart.Count(123), chart.Count(160)}},
			{Name: "Verblieben", Values: []chart.Value{chart.Missing(), chart.Count(84), chart.Count(132), chart.Count(239), chart.Count(380)}},
			{Name: "Gewechselt", Values: []chart.Value{chart.Missing(), s, chart.Count(5), chart.Count(9), chart.Count(14)}},
		},
	}
	flowColumns := flow
	flowColumns.ID, flowColumns.Lines = "flow-columns", false
	flowColumns.Title = "Zugänge, Abgänge und Wechsel je Welle (Säulen)"
	values := map[string]chart.Value{
		"DE-NW": chart.Count(131), "DE-BY": chart.Count(104), "DE-BW": chart.Count(69), "DE-NI": chart.Count(47),
		"DE-HE": chart.Count(38), "DE-SN": chart.Count(17), "DE-RP": chart.Count(21), "DE-SH": chart.Count(12),
		"DE-BE": chart.Count(9), "DE-HH": chart.Count(6), "DE-HB": chart.Count(3), "DE-SL": s,
		"DE-TH": chart.Count(7), "DE-ST": chart.Count(8), "DE-BB": chart.Count(10), "DE-MV": chart.Count(4),
		"AT-9": chart.Count(11), "AT-3": chart.Count(9), "AT-4": chart.Count(8), "AT-6": chart.Count(7),
		"AT-5": chart.Count(4), "AT-7": chart.Count(5), "AT-8": chart.Count(3), "AT-2": s,
		"CH-ZH": chart.Count(19), "CH-BE": chart.Count(11), "CH-BS": chart.Count(6), "CH-GE": chart.Count(7),
		"CH-VD": chart.Count(8), "CH-LU": chart.Count(5), "CH-SG": chart.Count(6), "CH-AG": chart.Count(5),
		"CH-TI": chart.Count(3), "CH-ZG": chart.Count(4), "CH-AI": s,
	}
	atlas := chart.Map{
		Text:    chart.Text{ID: "map", Title: "CDOs nach Land, Bundesland und Kanton 2024"},
		Values:  values,
		Measure: "CDOs 2024",
	}
	en := regions
	en.ID, en.Lang = "regions-en", "en"
	en.Title, en.RowHeader, en.Footnote = "CDOs by state, 2023 and 2024", "State", "Fewer than 3 cases; withheld for confidentiality."
	share := chart.Bars{
		Text: chart.Text{ID: "share", Lang: "en", Title: "Share of women among CDOs",
			Format: func(n int) string { return chart.Percent("en", float64(n)/10, 1) }},
		Series: []string{"2017", "2024"},
		Rows:   []chart.Row{{Label: "DACH", Values: []chart.Value{chart.Count(70), chart.Count(185)}}},
	}
	mapEN := atlas
	mapEN.ID, mapEN.Lang, mapEN.Title, mapEN.Measure = "map-en", "en", "CDOs by state and canton, 2024", "CDOs 2024"
	mapEN.Breaks = []int{5, 10, 20, 50}
	data := struct {
		CSS             template.CSS
		Charts, English []template.HTML
	}{
		CSS:     template.CSS(chart.CSS),
		Charts:  []template.HTML{regions.HTML(), sizes.HTML(), counts.HTML(), flow.HTML(), flowColumns.HTML(), atlas.HTML()},
		English: []template.HTML{en.HTML(), share.HTML(), mapEN.HTML()},
	}
	if err := page.Execute(os.Stdout, data); err != nil {
		os.Stderr.WriteString("demo: " + err.Error() + "\n")
		os.Exit(1)
	}
}
