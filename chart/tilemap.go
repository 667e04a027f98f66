package chart

import (
	"html/template"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Map is a tile map of the German Länder, the Austrian Bundesländer and
// the Swiss cantons: one equal square per region, shaded in up to five
// classes of a sequential scale, each square printed with the region's
// abbreviation and its figure.
type Map struct {
	Text
	// Values holds the figure of each region by its code in
	// cdoatlas.Regions (DE-BY, AT-9, CH-ZH); regions without an entry
	// show "–" on a hatched tile. Codes of other countries are ignored.
	Values map[string]Value
	// Breaks are the lower bounds of classes 2 to 5 (at most four, in
	// increasing order): with {5, 10, 20, 50} a 7 falls into "5–9".
	// Nil means quantiles of Values (QuantileBreaks).
	Breaks    []int
	Countries []string                 // "DE", "AT", "CH" to draw, in order; all three when empty
	Measure   string                   // what the figures count, e.g. "CDOs": legend title and table heading
	Name      func(code string) string // region name for the table; cdoatlas.RegionName when nil
}

const (
	minTile  = 46.0
	tileGap  = 4.0
	capH     = 24.0 // room for a country's name above its grid
	keyStep  = 20.0 // between the rows of the map legend
	keySize  = 16.0
	boldWide = 1.08 // bold text is about this much wider
)

// HTML renders the map, its data table and the footnote as one <figure>.
func (c Map) HTML() template.HTML {
	t := c.Text
	countries := c.countries()
	measure := c.Measure
	if strings.TrimSpace(measure) == "" {
		measure = t.say("Anzahl", "Count")
	}
	name := c.Name
	if name == nil {
		name = cdoatlas.RegionName
	}

	// Figures of the drawn regions, and the classes.
	var data []int
	suppressed, missing := false, false
	tileW := minTile
	for _, cc := range countries {
		for _, tl := range grids[cc].tiles {
			v, ok := c.Values[tl.code]
			if !ok {
				v = Missing()
			}
			suppressed = suppressed || v.Suppressed
			missing = missing || v.Missing
			if v.drawn() {
				data = append(data, v.N)
			}
			tileW = max(tileW, textWidth(t.value(v), fontSize)+8, textWidth(abbrev(tl.code), smallSize)*boldWide+8)
		}
	}
	breaks := cleanBreaks(c.Breaks)
	if c.Breaks == nil {
		breaks = QuantileBreaks(data, len(mapColors))
	}
	classes := len(breaks) + 1
	if strings.TrimSpace(t.Description) == "" {
		t.Description = t.say(
			"Kachelkarte: jede Region ein gleich großes Quadrat, ungefähr nach ihrer Lage angeordnet, eingefärbt in "+strconv.Itoa(classes)+" Klassen von hell (wenig) bis dunkel (viel); die Zahlen stehen auf den Kacheln und in der Tabelle.",
			"Tile map: each region one square of equal size, placed roughly by its location, shaded in "+strconv.Itoa(classes)+" classes from light (few) to dark (many); the figures are printed on the tiles and in the table.")
	}

	// Legend: title, one key per class, and keys for "–" and ".".
	type key struct{ fill, text string }
	var keys []key
	if len(data) > 0 {
		lo, hi := slices.Min(data), slices.Max(data)
		for k := 0; k < classes; k++ {
			keys = append(keys, key{classColor(k, classes), classLabel(t, breaks, k, lo, hi)})
		}
	}
	if missing {
		keys = append(keys, key{"url(#" + t.id("hatch") + ")", "– " + t.say("keine Angabe", "no data")})
	}
	if suppressed {
		keys = append(keys, key{"url(#" + t.id("hatch") + ")", "." + Marker + " " + t.say("nicht veröffentlicht", "withheld")})
	}
	title := wrap(measure, 180, fontSize, 2)
	legendW := 0.0
	for _, l := range title {
		legendW = max(legendW, textWidth(l, fontSize)*boldWide)
	}
	for _, k := range keys {
		legendW = max(legendW, keySize+8+textWidth(k.text, fontSize))
	}
	legendH := float64(len(title))*lineStep + 6 + float64(len(keys))*keyStep

	// Where each country goes.
	step := tileW + tileGap
	origin := map[string][2]float64{}
	width, height := 0.0, 0.0
	if geographic(countries) {
		shift := max(0, legendW+16-4*step)
		for cc, p := range placement {
			x := pad + p[0]*step
			if cc == "DE" {
				x += shift
			}
			y := pad + capH + p[1]*step
			if p[1] > 0 {
				y += capH + step/4
			}
			origin[cc] = [2]float64{x, y}
		}
	} else {
		x := pad + legendW + 24
		for _, cc := range countries {
			origin[cc] = [2]float64{x, pad + capH}
			x += float64(grids[cc].cols)*step + step/2
		}
	}
	for _, cc := range countries {
		g := grids[cc]
		width = max(width, origin[cc][0]+float64(g.cols)*step-tileGap+pad)
		height = max(height, origin[cc][1]+float64(g.rows)*step-tileGap+pad)
	}
	height = max(height, pad+capH+legendH+pad)

	w := startSVG(t, width, height)
	w.open("defs")
	w.open("pattern", "id", t.id("hatch"), "patternUnits", "userSpaceOnUse", "width", "8", "height", "8", "patternTransform", "rotate(45)")
	w.empty("rect", "width", "8", "height", "8", "fill", white)
	w.empty("rect", "width", "2", "height", "8", "fill", "#c4cbd4")
	w.close("pattern")
	w.close("defs")
	w.WriteString("\n")

	// The legend, top left.
	lx, ly := pad, pad+capH
	w.open("g", "class", "legend")
	for i, l := range title {
		w.text(lx, ly+fontSize+float64(i)*lineStep, l, "font-weight", "bold")
	}
	ly += float64(len(title))*lineStep + 6
	for i, k := range keys {
		y := ly + float64(i)*keyStep
		w.empty("rect", "x", num(lx), "y", num(y), "width", num(keySize), "height", num(keySize), "fill", k.fill, "stroke", muted)
		w.text(lx+keySize+8, baseline(y+keySize/2, fontSize), k.text)
	}
	w.close("g")
	w.WriteString("\n")

	tw := startTable(t, t.rowHeader("Region", "Region"), []string{measure})
	for _, cc := range countries {
		g, o := grids[cc], origin[cc]
		country := cdoatlas.CountryName(t.Lang, cc)
		w.text(o[0], o[1]-8, country, "class", "country", "font-weight", "bold", "font-size", "13")
		w.WriteString("\n")
		for _, tl := range g.tiles {
			v, ok := c.Values[tl.code]
			if !ok {
				v = Missing()
			}
			fill := "url(#" + t.id("hatch") + ")"
			textFill := ink
			if v.drawn() {
				fill = classColor(classOf(breaks, v.N), classes)
				textFill = textOn(fill)
			}
			x, y := o[0]+float64(tl.col)*step, o[1]+float64(tl.row)*step
			w.open("g", "class", "tile", "data-region", tl.code)
			w.tooltip(name(tl.code) + ": " + t.value(v))
			w.empty("rect", "x", num(x), "y", num(y), "width", num(tileW), "height", num(tileW), "fill", fill, "stroke", muted)
			w.text(x+tileW/2, y+tileW*0.42, abbrev(tl.code), "class", "abbrev", "text-anchor", "middle",
				"font-weight", "bold", "font-size", num(smallSize), "fill", textFill)
			w.text(x+tileW/2, y+tileW*0.42+fontSize+5, t.value(v), "class", "value", "text-anchor", "middle", "fill", textFill)
			w.close("g")
			w.WriteString("\n")
		}
	}
	w.close("svg")

	// The table, by country, in the order of cdoatlas.Regions.
	for _, cc := range countries {
		tw.group(cdoatlas.CountryName(t.Lang, cc), 2)
		for _, r := range cdoatlas.Regions {
			if !inGrid(cc, r.Code) {
				continue
			}
			v, ok := c.Values[r.Code]
			if !ok {
				v = Missing()
			}
			tw.row(name(r.Code), []Value{v}, 1)
		}
	}
	tw.end()
	return t.figure("map", w, tw, suppressed, true)
}

// countries returns the countries to draw: the known ones of c.Countries
// without repeats, or all three.
func (c Map) countries() []string {
	var out []string
	for _, cc := range c.Countries {
		if _, ok := grids[cc]; ok && !slices.Contains(out, cc) {
			out = append(out, cc)
		}
	}
	if len(out) == 0 {
		return mapCountries
	}
	return out
}

// geographic reports whether all three countries are drawn, so that they
// can keep their places relative to each other.
func geographic(countries []string) bool { return len(countries) == len(placement) }

func inGrid(cc, code string) bool {
	for _, tl := range grids[cc].tiles {
		if tl.code == code {
			return true
		}
	}
	return false
}

// abbrev is a region's short label on its tile.
func abbrev(code string) string {
	if r := cdoatlas.FindRegion(code); r != nil && r.Abbrev != "" {
		return r.Abbrev
	}
	return code
}

// QuantileBreaks returns at most classes-1 class limits that split values
// into classes of about equal size, as Map.Breaks wants them: class k
// holds the values from breaks[k-1] up to below breaks[k]. Ties can merge
// classes; then the distinct values are split evenly instead, so that a
// map of many zeros and a few small counts still gets as many classes as
// its values allow (min(classes, distinct values)). None for no values.
func QuantileBreaks(values []int, classes int) []int {
	if classes < 2 || len(values) == 0 {
		return nil
	}
	v := slices.Clone(values)
	slices.Sort(v)
	out := evenBreaks(v, classes)
	distinct := slices.Compact(slices.Clone(v))
	if want := min(classes, len(distinct)) - 1; len(out) < want {
		out = evenBreaks(distinct, want+1)
	}
	return out
}

// evenBreaks picks the limits of classes of about equal size from the
// sorted values v.
func evenBreaks(v []int, classes int) []int {
	var out []int
	for q := 1; q < classes; q++ {
		b := v[q*len(v)/classes]
		if b > v[0] && (len(out) == 0 || b > out[len(out)-1]) {
			out = append(out, b)
		}
	}
	return out
}

// cleanBreaks sorts the caller's limits, drops repeats and keeps four.
func cleanBreaks(b []int) []int {
	b = slices.Clone(b)
	slices.Sort(b)
	b = slices.Compact(b)
	if len(b) > len(mapColors)-1 {
		b = b[:len(mapColors)-1]
	}
	return b
}

// classOf returns the class of v: the number of limits at or below it.
func classOf(breaks []int, v int) int {
	return sort.Search(len(breaks), func(i int) bool { return breaks[i] > v })
}

// classColor spreads n classes over the scale, so that two classes are
// light and dark rather than the two lightest.
func classColor(k, n int) string {
	if n <= 1 {
		return mapColors[len(mapColors)/2]
	}
	return mapColors[int(math.Round(float64(k)*float64(len(mapColors)-1)/float64(n-1)))]
}

// classLabel writes the range of class k: "< 5", "5–9", "≥ 50"; with one
// class the range of the data.
func classLabel(t Text, breaks []int, k, lo, hi int) string {
	f := func(n int) string { return t.value(Count(n)) }
	n := len(breaks)
	switch {
	case n == 0 && lo == hi:
		return f(lo)
	case n == 0:
		return f(lo) + "–" + f(hi)
	case k == 0 && lo >= 0 && breaks[0]-1 == lo:
		return f(lo) // "0", not "< 1"
	case k == 0:
		return "< " + f(breaks[0])
	case k == n:
		return "≥ " + f(breaks[n-1])
	case breaks[k]-1 == breaks[k-1]:
		return f(breaks[k-1])
	}
	return f(breaks[k-1]) + "–" + f(breaks[k]-1)
}
