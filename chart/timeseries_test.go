package chart

import (
	"slices"
	"strings"
	"testing"
)

func flowSeries(lines bool) TimeSeries {
	return TimeSeries{
		Text:  Text{ID: "flow", Title: "Zugänge und Abgänge je Welle"},
		Waves: []string{"2017", "2018", "2019"},
		Lines: lines,
		Series: []Series{
			{Name: "CDOs", Values: []Value{Count(179), Count(362), Count(1540)}},
			{Name: "Zugänge", Values: []Value{Count(179), Count(230), Count(301)}},
			{Name: "Abgänge", Values: []Value{Count(0), {N: 2, Suppressed: true}, Count(123)}},
			{Name: "Gewechselt", Values: []Value{Missing(), Count(5)}},
		},
	}
}

// want is the table of flowSeries, wave by wave.
var flowWant = [][]string{
	{"179", "179", "0", "–"},
	{"362", "230", "." + Marker, "5"},
	{"1.540", "301", "123", "–"},
}

func TestTimeSeries(t *testing.T) {
	for _, lines := range []bool{false, true} {
		name := "Columns"
		if lines {
			name = "Lines"
		}
		t.Run(name, func(t *testing.T) {
			c := flowSeries(lines)
			fig := MustParse(t, c.HTML())
			CheckAccessible(t, fig, c.Title)

			if got := cells(t, fig); !equal(got, slices.Concat(flowWant...)) {
				t.Errorf("table figures = %q, want %q", got, flowWant)
			}
			if got := texts(fig.all("th", "")); !equal(got, []string{"Welle", "CDOs", "Zugänge", "Abgänge", "Gewechselt", "2017", "2018", "2019"}) {
				t.Errorf("table headers = %q", got)
			}
			// Each wave prints all its figures; lines may stack them in
			// another order to keep labels apart.
			groups := fig.all("g", "wave-group")
			if len(groups) != len(c.Waves) {
				t.Fatalf("%d wave groups, want %d", len(groups), len(c.Waves))
			}
			for i, g := range groups {
				got := texts(g.all("text", "value"))
				want := slices.Clone(flowWant[i])
				slices.Sort(got)
				slices.Sort(want)
				if !equal(got, want) {
					t.Errorf("wave %s prints %q, want %q", c.Waves[i], got, want)
				}
			}
			if got := texts(fig.all("text", "wave")); !equal(got, c.Waves) {
				t.Errorf("wave labels = %q, want %q", got, c.Waves)
			}
			legend := fig.one(t, "g", "legend")
			if got := texts(legend.all("text", "")); !equal(got, []string{"CDOs", "Zugänge", "Abgänge", "Gewechselt"}) {
				t.Errorf("legend = %q", got)
			}
			if fig.one(t, "p", "chart-note") == nil {
				t.Error("no footnote for the withheld figure")
			}
		})
	}

	t.Run("ColumnsSkipWithheld", func(t *testing.T) {
		fig := MustParse(t, flowSeries(false).HTML())
		var got []int
		for _, g := range fig.all("g", "wave-group") {
			got = append(got, len(g.all("rect", "bar")))
		}
		// 2017: the zero exit has no height, "Gewechselt" is missing;
		// 2018: exits withheld; 2019: "Gewechselt" missing.
		if want := []int{2, 3, 3}; !equalInts(got, want) {
			t.Errorf("columns per wave = %v, want %v", got, want)
		}
		for _, g := range fig.all("g", "wave-group") {
			fills := map[string]bool{}
			for _, r := range g.all("rect", "bar") {
				fills[r.attr("fill")] = true
			}
			if len(fills) != len(g.all("rect", "bar")) {
				t.Errorf("two series of one wave share a fill")
			}
		}
	})

	t.Run("LinesBreakAtGaps", func(t *testing.T) {
		fig := MustParse(t, flowSeries(true).HTML())
		paths := fig.all("path", "line")
		if len(paths) != 4 {
			t.Fatalf("%d lines, want 4", len(paths))
		}
		// Exits: 0, withheld, 123 → two separate points, no segment
		// across the withheld wave.
		if d := paths[2].attr("d"); strings.Count(d, "M") != 2 || strings.Contains(d, "L") {
			t.Errorf("exits path %q, want two moves and no line through the withheld wave", d)
		}
		if d := paths[0].attr("d"); strings.Count(d, "M") != 1 || strings.Count(d, "L") != 2 {
			t.Errorf("CDOs path %q, want one unbroken line", d)
		}
		dashes := map[string]bool{}
		for _, p := range paths {
			dashes[p.attr("stroke-dasharray")] = true
		}
		if len(dashes) != 4 {
			t.Errorf("lines share dash patterns: %v", dashes)
		}
	})

	t.Run("LabelsDoNotOverlap", func(t *testing.T) {
		c := TimeSeries{Text: Text{ID: "close", Title: "Nah beieinander"}, Waves: []string{"2024"}, Lines: true,
			Series: []Series{
				{Name: "a", Values: []Value{Count(100)}}, {Name: "b", Values: []Value{Count(101)}},
				{Name: "c", Values: []Value{Count(100)}}, {Name: "d", Values: []Value{Count(99)}},
			}}
		fig := MustParse(t, c.HTML())
		var ys []float64
		for _, l := range fig.all("text", "value") {
			ys = append(ys, atof(t, l.attr("y")))
		}
		slices.Sort(ys)
		for i := 1; i < len(ys); i++ {
			if ys[i]-ys[i-1] < fontSize {
				t.Errorf("labels at y %v overlap", ys)
			}
		}
		if ys[0] < fontSize {
			t.Errorf("top label at y %v leaves the chart", ys[0])
		}
	})

	t.Run("English", func(t *testing.T) {
		c := flowSeries(false)
		c.Lang = "en"
		fig := MustParse(t, c.HTML())
		if got := cells(t, fig)[8]; got != "1,540" {
			t.Errorf("figure = %q, want 1,540", got)
		}
		if got := fig.all("th", "")[0].text(); got != "Wave" {
			t.Errorf("first heading = %q, want Wave", got)
		}
	})

	t.Run("Empty", func(t *testing.T) {
		c := TimeSeries{Text: Text{ID: "none", Title: "Leer"}}
		fig := MustParse(t, c.HTML())
		CheckAccessible(t, fig, c.Title)
	})
}
