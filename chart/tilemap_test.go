package chart

import (
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// fullMap gives every region a figure, spread over all five classes,
// with a withheld figure in each country and one region without data.
func fullMap() Map {
	values := map[string]Value{}
	for i, r := range cdoatlas.Regions {
		values[r.Code] = Count(i * 10)
	}
	values["DE-SL"] = Value{N: 499, Suppressed: true} // must neither show nor colour
	values["AT-2"] = Suppressed()
	values["CH-AI"] = Suppressed()
	delete(values, "CH-UR")
	values["FR-IDF"] = Count(99) // not ours: ignored
	return Map{
		Text:    Text{ID: "atlas", Title: "CDOs nach Region"},
		Values:  values,
		Breaks:  []int{100, 200, 300, 400},
		Measure: "CDOs",
	}
}

func TestMap(t *testing.T) {
	t.Run("AllRegions", func(t *testing.T) {
		c := fullMap()
		fig := MustParse(t, c.HTML())
		CheckAccessible(t, fig, c.Title)

		tiles := fig.all("g", "tile")
		if len(tiles) != 51 || len(cdoatlas.Regions) != 51 {
			t.Fatalf("%d tiles for %d regions, want 51", len(tiles), len(cdoatlas.Regions))
		}
		byCode := map[string]*node{}
		for _, tl := range tiles {
			byCode[tl.attr("data-region")] = tl
		}
		for _, r := range cdoatlas.Regions {
			tl := byCode[r.Code]
			if tl == nil {
				t.Errorf("no tile for %s", r.Code)
				continue
			}
			if got := tl.one(t, "text", "abbrev").text(); got != r.Abbrev {
				t.Errorf("tile %s is labelled %q, want %q", r.Code, got, r.Abbrev)
			}
			want := c.Text.value(c.Values[r.Code])
			if _, ok := c.Values[r.Code]; !ok {
				want = "–"
			}
			if got := tl.one(t, "text", "value").text(); got != want {
				t.Errorf("tile %s shows %q, want %q", r.Code, got, want)
			}
		}
		if got := byCode["CH-UR"].one(t, "rect", "").attr("fill"); got != "url(#atlas-hatch)" {
			t.Errorf("tile without data filled %q, want the hatching", got)
		}
		if got := byCode["DE-SL"].one(t, "text", "value").text(); got != "."+Marker {
			t.Errorf("withheld tile shows %q", got)
		}
		if got := byCode["DE-SL"].one(t, "rect", "").attr("fill"); got != "url(#atlas-hatch)" {
			t.Errorf("withheld tile filled %q, want the hatching, not the class of its hidden figure", got)
		}
	})

	t.Run("Table", func(t *testing.T) {
		c := fullMap()
		fig := MustParse(t, c.HTML())
		table := fig.one(t, "table", "")
		var groups []string
		for _, th := range table.all("th", "") {
			if th.attr("scope") == "rowgroup" {
				groups = append(groups, th.text())
			}
		}
		if !equal(groups, []string{"Deutschland", "Österreich", "Schweiz"}) {
			t.Errorf("table groups = %q", groups)
		}
		rows := 0
		for _, th := range table.all("th", "") {
			if th.attr("scope") != "row" {
				continue
			}
			rows++
			code := ""
			for _, r := range cdoatlas.Regions {
				if r.Name == th.text() {
					code = r.Code
				}
			}
			if code == "" {
				t.Errorf("table row %q is no region name", th.text())
			}
		}
		if rows != 51 {
			t.Errorf("table has %d regions, want 51", rows)
		}
		// Figures in the table and on the tiles are the same, region by region.
		var tileFigures, tableFigures []string
		for _, r := range cdoatlas.Regions {
			for _, tl := range fig.all("g", "tile") {
				if tl.attr("data-region") == r.Code {
					tileFigures = append(tileFigures, tl.one(t, "text", "value").text())
				}
			}
		}
		tableFigures = cells(t, fig)
		if !equal(tileFigures, tableFigures) {
			t.Errorf("tiles %q\ntable %q", tileFigures, tableFigures)
		}
	})

	t.Run("Classes", func(t *testing.T) {
		c := fullMap()
		fig := MustParse(t, c.HTML())
		seen := map[string]bool{}
		for _, tl := range fig.all("g", "tile") {
			v, ok := c.Values[tl.attr("data-region")]
			if !ok || !v.drawn() {
				continue
			}
			rect := tl.one(t, "rect", "")
			want := mapColors[min(v.N/100, 4)]
			if got := rect.attr("fill"); got != want {
				t.Errorf("%s (%d) filled %s, want %s", tl.attr("data-region"), v.N, got, want)
			}
			seen[want] = true
			// The text on every tile keeps 4.5:1 against the tile.
			for _, txt := range tl.all("text", "") {
				if cr := contrast(txt.attr("fill"), rect.attr("fill")); cr < 4.5 {
					t.Errorf("%s: text %s on %s has %.2f:1", tl.attr("data-region"), txt.attr("fill"), rect.attr("fill"), cr)
				}
			}
		}
		if len(seen) != 5 {
			t.Errorf("tiles use %d classes, want all 5", len(seen))
		}
		legend := texts(fig.one(t, "g", "legend").all("text", ""))
		want := []string{"CDOs", "< 100", "100–199", "200–299", "300–399", "≥ 400", "– keine Angabe", "." + Marker + " nicht veröffentlicht"}
		if !equal(legend, want) {
			t.Errorf("legend = %q, want %q", legend, want)
		}
	})

	t.Run("OneCountry", func(t *testing.T) {
		c := fullMap()
		c.Countries = []string{"CH", "XX", "CH"}
		c.Lang = "en"
		c.Name = func(code string) string { return "Canton " + strings.TrimPrefix(code, "CH-") }
		fig := MustParse(t, c.HTML())
		CheckAccessible(t, fig, c.Title)
		if n := len(fig.all("g", "tile")); n != 26 {
			t.Errorf("%d tiles, want the 26 cantons", n)
		}
		if got := fig.one(t, "text", "country").text(); got != "Switzerland" {
			t.Errorf("country caption = %q", got)
		}
		if got := fig.all("th", "")[3].text(); got != "Canton AG" {
			t.Errorf("first canton in the table = %q, want the caller's name", got)
		}
	})

	t.Run("QuantilesByDefault", func(t *testing.T) {
		c := fullMap()
		c.Breaks = nil
		fig := MustParse(t, c.HTML())
		fills := map[string]int{}
		for _, tl := range fig.all("g", "tile") {
			fills[tl.one(t, "rect", "").attr("fill")]++
		}
		for _, col := range mapColors {
			if fills[col] < 8 || fills[col] > 11 {
				t.Errorf("class %s has %d tiles, want about a fifth of 47", col, fills[col])
			}
		}
	})

	t.Run("Layout", func(t *testing.T) {
		wide := fullMap()
		wide.Breaks = []int{1_000_000_000, 2_000_000_000, 3_000_000_000, 4_000_000_000}
		wide.Measure = "Chief Digital Officers je Region"
		for _, c := range []Map{fullMap(), wide} {
			fig := MustParse(t, c.HTML())
			vb := strings.Fields(fig.one(t, "svg", "").attr("viewBox"))
			width, height := atof(t, vb[2]), atof(t, vb[3])
			type box struct {
				name       string
				x, y, w, h float64
			}
			var boxes []box
			for _, tl := range fig.all("g", "tile") {
				r := tl.one(t, "rect", "")
				boxes = append(boxes, box{tl.attr("data-region"), atof(t, r.attr("x")), atof(t, r.attr("y")), atof(t, r.attr("width")), atof(t, r.attr("height"))})
			}
			// The legend: its keys and their texts, as wide as estimated.
			for _, txt := range fig.one(t, "g", "legend").all("text", "") {
				x, y := atof(t, txt.attr("x")), atof(t, txt.attr("y"))
				boxes = append(boxes, box{"legend " + txt.text(), x, y - fontSize, textWidth(txt.text(), fontSize) * boldWide, fontSize})
			}
			for i, a := range boxes {
				if a.x < 0 || a.y < 0 || a.x+a.w > width || a.y+a.h > height {
					t.Errorf("%s at %v,%v+%v×%v leaves the %v×%v chart", a.name, a.x, a.y, a.w, a.h, width, height)
				}
				for _, b := range boxes[:i] {
					if a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h {
						t.Errorf("%s and %s overlap", a.name, b.name)
					}
				}
			}
		}
	})

	t.Run("NoData", func(t *testing.T) {
		c := Map{Text: Text{ID: "empty", Title: "Leer"}}
		fig := MustParse(t, c.HTML())
		CheckAccessible(t, fig, c.Title)
		for _, v := range fig.all("text", "value") {
			if v.text() != "–" {
				t.Fatalf("empty map shows %q", v.text())
			}
		}
	})
}

func TestQuantileBreaks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []int
		want   []int
	}{
		{"Even", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, []int{3, 5, 7, 9}},
		{"Unsorted", []int{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, []int{3, 5, 7, 9}},
		{"Ties", []int{1, 1, 1, 1, 1, 1, 1, 1, 50, 100}, []int{50, 100}},
		// Many zeros and a few small counts, as the demo's map: five
		// classes still, zero its own.
		{"Zeros", []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 8}, []int{1, 2, 4, 5}},
		{"AllEqual", []int{4, 4, 4}, nil},
		{"None", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := QuantileBreaks(tc.values, 5)
			if !equalInts(got, tc.want) {
				t.Errorf("QuantileBreaks(%v) = %v, want %v", tc.values, got, tc.want)
			}
		})
	}
}

func TestClassLabel(t *testing.T) {
	de := Text{}
	for _, tc := range []struct {
		breaks []int
		k      int
		want   string
	}{
		{[]int{5, 10, 20, 1000}, 0, "< 5"},
		{[]int{5, 10, 20, 1000}, 1, "5–9"},
		{[]int{5, 6, 20, 1000}, 1, "5"},
		{[]int{5, 10, 20, 1000}, 3, "20–999"},
		{[]int{5, 10, 20, 1000}, 4, "≥ 1.000"},
		{nil, 0, "3–40"},
	} {
		if got := classLabel(de, tc.breaks, tc.k, 3, 40); got != tc.want {
			t.Errorf("classLabel(%v, %d) = %q, want %q", tc.breaks, tc.k, got, tc.want)
		}
	}
	// Zero as a class of its own reads "0", not "< 1".
	if got := classLabel(de, []int{1, 2, 4, 5}, 0, 0, 8); got != "0" {
		t.Errorf("the zero class reads %q", got)
	}
}

// TestGridsMatchRegions checks the hand-placed grids: every region of
// cdoatlas.Regions exactly once, inside its grid, no two on one square.
func TestGridsMatchRegions(t *testing.T) {
	placed := map[string]bool{}
	for cc, g := range grids {
		squares := map[[2]int]string{}
		for _, tl := range g.tiles {
			if !strings.HasPrefix(tl.code, cc+"-") || cdoatlas.FindRegion(tl.code) == nil {
				t.Errorf("%s grid has %s", cc, tl.code)
			}
			if placed[tl.code] {
				t.Errorf("%s placed twice", tl.code)
			}
			placed[tl.code] = true
			if tl.col < 0 || tl.col >= g.cols || tl.row < 0 || tl.row >= g.rows {
				t.Errorf("%s at %d,%d is outside the %d×%d grid", tl.code, tl.col, tl.row, g.cols, g.rows)
			}
			sq := [2]int{tl.col, tl.row}
			if other, ok := squares[sq]; ok {
				t.Errorf("%s and %s share a square", tl.code, other)
			}
			squares[sq] = tl.code
		}
	}
	for _, r := range cdoatlas.Regions {
		if !placed[r.Code] {
			t.Errorf("%s has no tile", r.Code)
		}
	}
}
