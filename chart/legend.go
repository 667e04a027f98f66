package chart

// legendItem is one key of a series legend.
type legendItem struct {
	series int
	name   string
}

const (
	legendRow  = 20.0
	legendName = 200.0 // longer names end in "…"; the table has them whole
)

// legendPlace flows the keys left to right, wrapping at width, and
// returns the position of each key and the number of rows.
func legendPlace(items []legendItem, x0, width float64, line bool) (xs []float64, rows []int, n int) {
	key := 14.0
	if line {
		key = 24
	}
	x, row := x0, 0
	for _, it := range items {
		name := wrap(it.name, legendName, fontSize, 1)[0]
		w := key + 6 + textWidth(name, fontSize) + 20
		if x > x0 && x+w > width-pad {
			x, row = x0, row+1
		}
		xs = append(xs, x)
		rows = append(rows, row)
		x += w
	}
	return xs, rows, row + 1
}

func legendHeight(items []legendItem, width float64) float64 {
	_, _, n := legendPlace(items, pad, width, true) // lines are the wider keys
	return float64(n) * legendRow
}

// legend draws the keys of the series, so that each series is named next
// to its pattern or line style, not told by colour alone.
func (w *svgWriter) legend(t Text, items []legendItem, x0, y0, width float64, line bool) {
	xs, rows, _ := legendPlace(items, x0, width, true)
	key := 14.0
	if line {
		key = 24
	}
	w.open("g", "class", "legend")
	for i, it := range items {
		y := y0 + float64(rows[i])*legendRow
		w.swatch(t, it.series, xs[i], y, line)
		w.text(xs[i]+key+6, baseline(y+6, fontSize), wrap(it.name, legendName, fontSize, 1)[0])
	}
	w.close("g")
	w.WriteString("\n")
}
