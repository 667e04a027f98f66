package chart

import (
	"html/template"
	"strconv"
	"strings"
)

// Bars is a horizontal bar chart of categories (regions, size classes …)
// with one series, or two to compare waves ("2023" and "2024"). Up to
// four series get distinct styles; more repeat them.
type Bars struct {
	Text
	Series []string // series names, in the order of each row's Values
	Rows   []Row
}

// Row is one category: its label and one value per series. Values short
// of the series count are missing ("–").
type Row struct {
	Label  string
	Values []Value
}

// Layout of bar charts, in SVG units (1 unit = 1 px at natural size).
const (
	pad       = 12.0
	barHeight = 16.0
	barGap    = 3.0 // between the bars of one row
	rowGap    = 14.0
	lineStep  = 15.0 // between lines of a wrapped label
	maxLabel  = 220.0
	minPlot   = 200.0
)

// HTML renders the chart, its data table and the footnote as one <figure>.
func (c Bars) HTML() template.HTML {
	t := c.Text
	n := max(len(c.Series), 1)
	names := seriesNames(t, c.Series)
	if strings.TrimSpace(t.Description) == "" {
		t.Description = t.say(
			"Balkendiagramm mit "+strconv.Itoa(len(c.Rows))+" Kategorien"+compared(t, c.Series)+"; die Zahlen stehen an den Balken und in der Tabelle.",
			"Bar chart of "+strconv.Itoa(len(c.Rows))+" categories"+compared(t, c.Series)+"; the figures are printed at the bars and in the table.")
	}

	// Measure: label column, value labels, scale.
	labels := make([][]string, len(c.Rows))
	labelW, valueW := 40.0, 0.0
	lo, hi := 0.0, 0.0
	suppressed := false
	for i, r := range c.Rows {
		labels[i] = wrap(r.Label, maxLabel, fontSize, 3)
		for _, l := range labels[i] {
			labelW = max(labelW, textWidth(l, fontSize))
		}
		for j := 0; j < n; j++ {
			v := valueAt(r.Values, j)
			valueW = max(valueW, textWidth(t.value(v), fontSize))
			suppressed = suppressed || v.Suppressed
			if v.drawn() {
				lo, hi = min(lo, float64(v.N)), max(hi, float64(v.N))
			}
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	valueW += 8
	leftValues := 0.0
	if lo < 0 {
		leftValues = valueW
	}
	plotX := pad + labelW + 10 + leftValues
	plotW := max(minPlot, chartWidth-plotX-valueW-pad)
	width := plotX + plotW + valueW + pad
	x := func(v float64) float64 { return plotX + (v-lo)/(hi-lo)*plotW }
	x0 := x(0)

	legendH := 0.0
	var legend []legendItem
	if len(c.Series) > 1 {
		for j, name := range names {
			legend = append(legend, legendItem{j, name})
		}
		legendH = legendHeight(legend, width) + 8
	}

	groupH := float64(n)*barHeight + float64(n-1)*barGap
	heights := make([]float64, len(c.Rows))
	height := pad + legendH
	for i := range c.Rows {
		heights[i] = max(groupH, float64(len(labels[i]))*lineStep)
		height += heights[i] + rowGap
	}
	if len(c.Rows) == 0 {
		height += 40
	}
	height += pad

	w := startSVG(t, width, height)
	w.patterns(t, n)
	if legend != nil {
		w.legend(t, legend, pad, pad, width, false)
	}
	y := pad + legendH
	if len(c.Rows) == 0 {
		w.text(width/2, y+24, t.say("Keine Daten", "No data"), "text-anchor", "middle")
	}
	for i, r := range c.Rows {
		mid := y + heights[i]/2
		w.open("g", "class", "row")
		first := mid - float64(len(labels[i])-1)*lineStep/2
		for k, l := range labels[i] {
			w.text(plotX-leftValues-10, baseline(first+float64(k)*lineStep, fontSize), l, "class", "label", "text-anchor", "end")
		}
		top := mid - groupH/2
		for j := 0; j < n; j++ {
			v := valueAt(r.Values, j)
			by := top + float64(j)*(barHeight+barGap)
			ty := baseline(by+barHeight/2, fontSize)
			if !v.drawn() {
				w.text(x0+4, ty, t.value(v), "class", "value")
				continue
			}
			xv := x(float64(v.N))
			if v.N != 0 {
				w.empty("rect", "class", "bar", "x", num(min(x0, xv)), "y", num(by), "width", num(max(x0, xv)-min(x0, xv)),
					"height", num(barHeight), "fill", t.fill(j), "stroke", styleOf(j).color, "stroke-width", "1.5")
			}
			if v.N < 0 {
				w.text(xv-4, ty, t.value(v), "class", "value", "text-anchor", "end")
			} else {
				w.text(xv+4, ty, t.value(v), "class", "value")
			}
		}
		w.close("g")
		w.WriteString("\n")
		y += heights[i] + rowGap
	}
	w.empty("line", "class", "axis", "x1", num(x0), "x2", num(x0), "y1", num(pad+legendH-4), "y2", num(height-pad-rowGap+4),
		"stroke", muted, "stroke-width", "1")
	w.close("svg")

	tw := startTable(t, t.rowHeader("Kategorie", "Category"), names)
	for _, r := range c.Rows {
		tw.row(r.Label, r.Values, n)
	}
	tw.end()
	return t.figure("bars", w, tw, suppressed)
}

func valueAt(vs []Value, i int) Value {
	if i < len(vs) {
		return vs[i]
	}
	return Missing()
}

// seriesNames returns the table headings of the series: their names, or
// a default when a chart has one unnamed series.
func seriesNames(t Text, series []string) []string {
	if len(series) == 0 {
		return []string{t.say("Anzahl", "Count")}
	}
	names := make([]string, len(series))
	for i, s := range series {
		names[i] = s
		if strings.TrimSpace(s) == "" {
			names[i] = t.say("Anzahl", "Count")
		}
	}
	return names
}

// compared describes two or more series for the generic description.
func compared(t Text, series []string) string {
	if len(series) < 2 {
		return ""
	}
	return t.say(", verglichen: ", ", comparing ") + strings.Join(series, ", ")
}

func (t Text) rowHeader(de, en string) string {
	if strings.TrimSpace(t.RowHeader) != "" {
		return t.RowHeader
	}
	return t.say(de, en)
}
