package chart

import (
	"math"
	"strconv"
)

// A series is told apart by colour and by one more thing that survives
// greyscale print and colour blindness: the fill pattern of its bars and
// columns, the marker and dash of its line. Every colour has at least
// 5:1 against white, and every bar has an outline in it.
type seriesStyle struct {
	color   string
	pattern string // "" for solid, else the pattern kind
	marker  string // circle, square, triangle, diamond
	dash    string // stroke-dasharray of the line
}

var seriesStyles = []seriesStyle{
	{"#14426b", "", "circle", ""},
	{"#a34700", "stripes", "square", "7 3"},
	{"#1d6b35", "dots", "triangle", "2 3"},
	{"#6a3d9a", "grid", "diamond", "9 3 2 3"},
}

// dashAttr returns the stroke-dasharray attribute, none for a solid line.
func (s seriesStyle) dashAttr() []string {
	if s.dash == "" {
		return nil
	}
	return []string{"stroke-dasharray", s.dash}
}

func styleOf(i int) seriesStyle { return seriesStyles[i%len(seriesStyles)] }

// fill returns the fill of series i: its colour or its pattern.
func (t Text) fill(i int) string {
	if styleOf(i).pattern == "" {
		return styleOf(i).color
	}
	return "url(#" + t.id("s"+strconv.Itoa(i%len(seriesStyles))) + ")"
}

// patterns defines the fill patterns of the first n series.
func (w *svgWriter) patterns(t Text, n int) {
	if n > len(seriesStyles) {
		n = len(seriesStyles)
	}
	w.open("defs")
	for i := 0; i < n; i++ {
		s := styleOf(i)
		if s.pattern == "" {
			continue
		}
		id := t.id("s" + strconv.Itoa(i))
		switch s.pattern {
		case "stripes":
			w.open("pattern", "id", id, "patternUnits", "userSpaceOnUse", "width", "6", "height", "6", "patternTransform", "rotate(45)")
			w.empty("rect", "width", "6", "height", "6", "fill", white)
			w.empty("rect", "width", "3.5", "height", "6", "fill", s.color)
		case "dots":
			w.open("pattern", "id", id, "patternUnits", "userSpaceOnUse", "width", "5", "height", "5")
			w.empty("rect", "width", "5", "height", "5", "fill", white)
			w.empty("circle", "cx", "2.5", "cy", "2.5", "r", "1.6", "fill", s.color)
		case "grid":
			w.open("pattern", "id", id, "patternUnits", "userSpaceOnUse", "width", "6", "height", "6", "patternTransform", "rotate(45)")
			w.empty("rect", "width", "6", "height", "6", "fill", white)
			w.empty("path", "d", "M0 3H6M3 0V6", "stroke", s.color, "stroke-width", "1.6")
		}
		w.close("pattern")
	}
	w.close("defs")
	w.WriteString("\n")
}

// swatch draws a legend key for series i: a patterned square for bars and
// columns, a dashed line with its marker for lines.
func (w *svgWriter) swatch(t Text, i int, x, y float64, line bool) {
	s := styleOf(i)
	if line {
		w.empty("line", append([]string{"x1", num(x), "y1", num(y + 6), "x2", num(x + 24), "y2", num(y + 6),
			"stroke", s.color, "stroke-width", "2.5"}, s.dashAttr()...)...)
		w.marker(i, x+12, y+6)
		return
	}
	w.empty("rect", "x", num(x), "y", num(y), "width", "14", "height", "12",
		"fill", t.fill(i), "stroke", s.color, "stroke-width", "1.5")
}

// marker draws the point marker of series i centred on (x, y).
func (w *svgWriter) marker(i int, x, y float64) {
	s := styleOf(i)
	switch s.marker {
	case "square":
		w.empty("rect", "x", num(x-4), "y", num(y-4), "width", "8", "height", "8", "fill", s.color, "stroke", white)
	case "triangle":
		w.empty("path", "d", "M"+num(x)+" "+num(y-5.5)+"L"+num(x+5)+" "+num(y+3.5)+"L"+num(x-5)+" "+num(y+3.5)+"Z", "fill", s.color, "stroke", white)
	case "diamond":
		w.empty("path", "d", "M"+num(x)+" "+num(y-5.5)+"L"+num(x+5.5)+" "+num(y)+"L"+num(x)+" "+num(y+5.5)+"L"+num(x-5.5)+" "+num(y)+"Z", "fill", s.color, "stroke", white)
	default:
		w.empty("circle", "cx", num(x), "cy", num(y), "r", "4.5", "fill", s.color, "stroke", white)
	}
}

// The map's sequential scale, light to dark. Tile text is ink on the three
// light classes and white on the two dark ones; TestTileContrast checks
// each pair reaches 4.5:1.
var mapColors = []string{"#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08306b"}

// textOn returns the text colour with the higher contrast on fill.
func textOn(fill string) string {
	if contrast(fill, white) >= contrast(fill, ink) {
		return white
	}
	return ink
}

// luminance is the WCAG 2.1 relative luminance of a colour #rrggbb.
func luminance(hex string) float64 {
	if len(hex) != 7 || hex[0] != '#' {
		return 0
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return 0
		}
		s := float64(v) / 255
		if s <= 0.04045 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// contrast is the WCAG 2.1 contrast ratio of two colours, 1 to 21.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
