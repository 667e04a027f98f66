package chart

import (
	"html/template"
	"sort"
	"strconv"
	"strings"
)

// TimeSeries shows figures over census waves (CDOs per wave, entries,
// exits) as grouped columns or, with Lines, as lines with a point per
// wave. Up to four series get distinct patterns, markers and dashes.
type TimeSeries struct {
	Text
	Waves  []string // the waves in order, e.g. "2016" … "2024"
	Series []Series
	Lines  bool // lines with points instead of columns
}

// Series is one named row of figures, one value per wave. Values short
// of the wave count are missing ("–").
type Series struct {
	Name   string
	Values []Value
}

const (
	plotHeight = 200.0
	headroom   = 22.0 // above the highest and below the lowest figure, for its label
	colGap     = 2.0  // between the columns of one wave
	minColumn  = 18.0
	minSlot    = 56.0
	maxColumn  = 56.0
	phoneSlot  = 110.0 // the widest a slot grows to fill the chart
)

// HTML renders the chart, its data table and the footnote as one <figure>.
func (c TimeSeries) HTML() template.HTML {
	t := c.Text
	n := max(len(c.Series), 1)
	names := make([]string, len(c.Series))
	for j, s := range c.Series {
		names[j] = s.Name
	}
	names = seriesNames(t, names)
	if strings.TrimSpace(t.Description) == "" {
		kind, where := t.say("Säulendiagramm", "Column chart"), t.say("an den Säulen", "at the columns")
		if c.Lines {
			kind, where = t.say("Liniendiagramm", "Line chart"), t.say("an den Punkten", "at the points")
		}
		waves := strconv.Itoa(len(c.Waves))
		t.Description = t.say(
			kind+" über "+waves+" Erhebungswellen"+compared(t, names)+"; die Zahlen stehen "+where+" und in der Tabelle.",
			kind+" over "+waves+" census waves"+compared(t, names)+"; the figures are printed "+where+" and in the table.")
	}
	value := func(j, i int) Value {
		if j < len(c.Series) {
			return valueAt(c.Series[j].Values, i)
		}
		return Missing()
	}

	// Measure.
	labelW, waveW := 0.0, 0.0
	lo, hi := 0.0, 0.0
	suppressed := false
	for i, wave := range c.Waves {
		waveW = max(waveW, textWidthUpTo(wave, fontSize, 160))
		for j := 0; j < n; j++ {
			v := value(j, i)
			labelW = max(labelW, textWidth(t.value(v), fontSize))
			suppressed = suppressed || v.Suppressed
			if v.drawn() {
				lo, hi = min(lo, float64(v.N)), max(hi, float64(v.N))
			}
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	colW := max(minColumn, labelW+4)
	groupW := float64(n)*colW + float64(n-1)*colGap
	slot := max(minSlot, min(waveW+12, 160))
	if c.Lines {
		slot = max(slot, labelW+12)
	} else {
		slot = max(slot, groupW+16)
	}
	// Slots widen to share the chart's natural width, but no more than a
	// phone affords for a few waves, so that a chart of three or four
	// waves needs no scrolling on a 390 px screen; many waves need more
	// room and scroll there.
	if n := float64(len(c.Waves)); n > 0 {
		slot = max(slot, min(phoneSlot, (chartWidth-2*pad)/n), (barsMinWidth-2*pad)/n)
	}
	width := max(barsMinWidth, 2*pad+slot*float64(len(c.Waves)))
	// Broad slots get broader columns, up to a point.
	colW = max(colW, min(maxColumn, (slot-16-float64(n-1)*colGap)/float64(n)))
	groupW = float64(n)*colW + float64(n-1)*colGap

	var legend []legendItem
	legendH := 0.0
	if len(c.Series) > 1 {
		for j, name := range names {
			legend = append(legend, legendItem{j, name})
		}
		legendH = legendHeight(legend, width) + 8
	}
	waveLines := make([][]string, len(c.Waves))
	waveH := 0.0
	for i, wave := range c.Waves {
		waveLines[i] = wrap(wave, slot-6, fontSize, 2)
		waveH = max(waveH, float64(len(waveLines[i]))*lineStep)
	}
	plotTop := pad + legendH + headroom
	plotBottom := plotTop + plotHeight
	height := plotBottom + headroom + waveH + pad
	y := func(v float64) float64 { return plotTop + (hi-v)/(hi-lo)*plotHeight }
	y0 := y(0)

	w := startSVG(t, width, height)
	w.patterns(t, n)
	if legend != nil {
		w.legend(t, legend, pad, pad, width, c.Lines)
	}
	if len(c.Waves) == 0 {
		w.text(width/2, plotTop+plotHeight/2, t.say("Keine Daten", "No data"), "text-anchor", "middle")
	}
	w.empty("line", "class", "axis", "x1", num(pad), "x2", num(width-pad), "y1", num(y0), "y2", num(y0), "stroke", muted, "stroke-width", "1")
	for i := range c.Waves {
		cx := pad + slot*(float64(i)+0.5)
		for k, l := range waveLines[i] {
			w.text(cx, plotBottom+headroom+fontSize+float64(k)*lineStep, l, "class", "wave", "text-anchor", "middle")
		}
	}
	w.WriteString("\n")
	if c.Lines {
		w.lines(t, c, n, slot, pad+legendH+fontSize, y, value)
	} else {
		for i := range c.Waves {
			left := pad + slot*float64(i) + (slot-groupW)/2
			w.open("g", "class", "wave-group")
			for j := 0; j < n; j++ {
				v := value(j, i)
				cx := left + float64(j)*(colW+colGap) + colW/2
				if !v.drawn() {
					w.text(cx, y0-4, t.value(v), "class", "value", "text-anchor", "middle")
					continue
				}
				yv := y(float64(v.N))
				if v.N != 0 {
					w.empty("rect", "class", "bar", "x", num(cx-colW/2), "y", num(min(y0, yv)), "width", num(colW),
						"height", num(max(y0, yv)-min(y0, yv)), "fill", t.fill(j), "stroke", styleOf(j).color, "stroke-width", "1.5")
				}
				ty := yv - 5
				if v.N < 0 {
					ty = yv + 5 + fontSize
				}
				w.text(cx, ty, t.value(v), "class", "value", "text-anchor", "middle")
			}
			w.close("g")
			w.WriteString("\n")
		}
	}
	w.close("svg")

	tw := startTable(t, t.rowHeader("Welle", "Wave"), names)
	for i, wave := range c.Waves {
		row := make([]Value, n)
		for j := range row {
			row[j] = value(j, i)
		}
		tw.row(wave, row, n)
	}
	tw.end()
	return t.figure("timeseries", w, tw, suppressed, true)
}

// lines draws each series as a line through its points, broken where a
// figure is missing or withheld, and labels every point in the series'
// colour, nudging labels of one wave apart so they never overlap.
func (w *svgWriter) lines(t Text, c TimeSeries, n int, slot, top float64, y func(float64) float64, value func(j, i int) Value) {
	y0 := y(0)
	for j := 0; j < n; j++ {
		s := styleOf(j)
		d := ""
		pen := false
		for i := range c.Waves {
			v := value(j, i)
			if !v.drawn() {
				pen = false
				continue
			}
			cmd := "L"
			if !pen {
				cmd = "M"
			}
			d += cmd + num(pad+slot*(float64(i)+0.5)) + " " + num(y(float64(v.N)))
			pen = true
		}
		if d != "" {
			w.empty("path", append([]string{"class", "line", "d", d, "fill", "none", "stroke", s.color, "stroke-width", "2.5"}, s.dashAttr()...)...)
		}
	}
	w.WriteString("\n")
	type label struct {
		series int
		y      float64
		text   string
	}
	for i := range c.Waves {
		cx := pad + slot*(float64(i)+0.5)
		var labels []label
		for j := 0; j < n; j++ {
			v := value(j, i)
			if !v.drawn() {
				labels = append(labels, label{j, y0 - 4, t.value(v)})
				continue
			}
			w.marker(j, cx, y(float64(v.N)))
			labels = append(labels, label{j, y(float64(v.N)) - 9, t.value(v)})
		}
		// Stack from the bottom up, then move the stack down if it
		// would leave the top of the plot.
		sort.SliceStable(labels, func(a, b int) bool { return labels[a].y > labels[b].y })
		for k := 1; k < len(labels); k++ {
			labels[k].y = min(labels[k].y, labels[k-1].y-fontSize-1)
		}
		if k := len(labels) - 1; k >= 0 && labels[k].y < top {
			shift := top - labels[k].y
			for i := range labels {
				labels[i].y += shift
			}
		}
		w.open("g", "class", "wave-group")
		for _, l := range labels {
			w.text(cx, l.y, l.text, "class", "value", "text-anchor", "middle", "fill", styleOf(l.series).color)
		}
		w.close("g")
		w.WriteString("\n")
	}
}
