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

// Layout of bar charts. A bar chart has no viewBox, so nothing in it is
// scaled: down the page it is measured in pixels, across in per cent of
// its width. Each category's label stands on its own line(s) above its
// bars and each figure right after its bar, so that the same SVG reads at
// 13 px on a 320 px phone and on a 1280 px screen.
const (
	pad          = 12.0
	barsMinWidth = 320.0 // the narrowest width the layout is made for, in px
	barHeight    = 16.0
	barGap       = 3.0 // between the bars of one row
	rowGap       = 14.0
	lineStep     = 15.0 // between lines of a wrapped label
	labelGap     = 4.0  // between a label and its bars
	maxLabel     = 280.0
	barsLeft     = 1.0  // per cent left of the bars and labels
	textLeft     = 4.0  // px from the left edge to the labels
	maxReserve   = 45.0 // per cent at most beside the bars for their figures
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

	// Measure: labels, value labels, scale.
	labels := make([][]string, len(c.Rows))
	valueW := 0.0
	lo, hi := 0.0, 0.0
	suppressed := false
	for i, r := range c.Rows {
		labels[i] = wrap(r.Label, maxLabel, fontSize, 3)
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
	// Room for the figures beside the bars, in per cent of the narrowest
	// width, on the right and, for negative figures, on the left; figures
	// of more than about fifteen digits need a wider screen.
	reserve := min(maxReserve, (valueW+8)/barsMinWidth*100)
	left := barsLeft
	if lo < 0 {
		left += reserve
	}
	plot := 100 - left - reserve - barsLeft
	x := func(v float64) float64 { return left + (v-lo)/(hi-lo)*plot }
	x0 := x(0)
	pct := func(p float64) string { return num(p) + "%" }

	legendH := 0.0
	var legend []legendItem
	if len(c.Series) > 1 {
		for j, name := range names {
			legend = append(legend, legendItem{j, name})
		}
		legendH = legendHeight(legend, barsMinWidth) + 8
	}

	groupH := float64(n)*barHeight + float64(n-1)*barGap
	height := pad + legendH
	for i := range c.Rows {
		height += float64(len(labels[i]))*lineStep + labelGap + groupH + rowGap
	}
	if len(c.Rows) == 0 {
		height += 40
	}
	height += pad - rowGap

	w := startBarsSVG(t, height)
	w.patterns(t, n)
	if legend != nil {
		w.legend(t, legend, textLeft, pad, barsMinWidth, false)
	}
	y := pad + legendH
	if len(c.Rows) == 0 {
		w.textAt("50%", y+24, t.say("Keine Daten", "No data"), "text-anchor", "middle")
	}
	for i, r := range c.Rows {
		w.open("g", "class", "row")
		for k, l := range labels[i] {
			w.text(textLeft, y+fontSize+float64(k)*lineStep, l, "class", "label")
		}
		top := y + float64(len(labels[i]))*lineStep + labelGap
		w.empty("line", "class", "axis", "x1", pct(x0), "x2", pct(x0), "y1", num(top-3), "y2", num(top+groupH+3),
			"stroke", muted, "stroke-width", "1")
		for j := 0; j < n; j++ {
			v := valueAt(r.Values, j)
			by := top + float64(j)*(barHeight+barGap)
			ty := baseline(by+barHeight/2, fontSize)
			if !v.drawn() {
				w.textAt(pct(x0), ty, t.value(v), "dx", "4", "class", "value")
				continue
			}
			xv := x(float64(v.N))
			if v.N != 0 {
				w.empty("rect", "class", "bar", "x", pct(min(x0, xv)), "y", num(by), "width", pct(max(x0, xv)-min(x0, xv)),
					"height", num(barHeight), "fill", t.fill(j), "stroke", styleOf(j).color, "stroke-width", "1.5")
			}
			if v.N < 0 {
				w.textAt(pct(xv), ty, t.value(v), "dx", "-4", "class", "value", "text-anchor", "end")
			} else {
				w.textAt(pct(xv), ty, t.value(v), "dx", "4", "class", "value")
			}
		}
		w.close("g")
		w.WriteString("\n")
		y = top + groupH + rowGap
	}
	w.close("svg")

	tw := startTable(t, t.rowHeader("Kategorie", "Category"), names)
	for _, r := range c.Rows {
		tw.row(r.Label, r.Values, n)
	}
	tw.end()
	return t.figure("bars", w, tw, suppressed, false)
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
