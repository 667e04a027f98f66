package chart_test

import (
	"fmt"
	"html/template"
	"io"

	"github.com/cdoatlas/cdoatlas/chart"
)

func ExampleNumber() {
	fmt.Println(chart.Number("de", 1234), chart.Number("en", 1234))
	fmt.Println(chart.Percent("de", 12.5, 1), chart.Percent("en", 12.5, 1))
	// Output:
	// 1.234 1,234
	// 12,5 % 12.5%
}

// A comparison of two waves by region, with a figure withheld by
// disclosure control: it shows as "." with a footnote, without a bar.
func ExampleBars() {
	c := chart.Bars{
		Text: chart.Text{
			ID:        "cdos-by-land",
			Title:     "CDOs nach Land, 2023 und 2024",
			RowHeader: "Land",
			Footnote:  "Weniger als 3 Fälle; nicht veröffentlicht.",
		},
		Series: []string{"2023", "2024"},
		Rows: []chart.Row{
			{Label: "Nordrhein-Westfalen", Values: []chart.Value{chart.Count(112), chart.Count(131)}},
			{Label: "Bremen", Values: []chart.Value{chart.Suppressed(), chart.Count(3)}},
		},
	}
	page := template.Must(template.New("").Parse(`<h2>Regionen</h2>{{.}}`))
	if err := page.Execute(io.Discard, c.HTML()); err != nil { // in a handler: page.Execute(w, …)
		panic(err)
	}
}
