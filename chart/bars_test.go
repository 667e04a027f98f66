package chart

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func regionBars() Bars {
	return Bars{
		Text: Text{ID: "regions", Title: "CDOs nach Land", RowHeader: "Land",
			Footnote: "Weniger als 3 Fälle."},
		Series: []string{"2023", "2024"},
		Rows: []Row{
			{Label: "Nordrhein-Westfalen", Values: []Value{Count(1120), Count(1312)}},
			{Label: "Bayern", Values: []Value{Count(98), Count(104)}},
			{Label: "Bremen", Values: []Value{{N: 2, Suppressed: true}, Count(3)}}, // the true figure must not leak
			{Label: "Saarland", Values: []Value{Count(0)}},
		},
	}
}

func TestBars(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		c := regionBars()
		fig := MustParse(t, c.HTML())
		CheckAccessible(t, fig, c.Title)

		want := []string{"1.120", "1.312", "98", "104", "." + Marker, "3", "0", "–"}
		if got := texts(fig.all("text", "value")); !equal(got, want) {
			t.Errorf("SVG figures = %q, want %q", got, want)
		}
		if got := cells(t, fig); !equal(got, want) {
			t.Errorf("table figures = %q, want %q", got, want)
		}
		if got := texts(fig.all("text", "label")); !equal(got, []string{"Nordrhein-Westfalen", "Bayern", "Bremen", "Saarland"}) {
			t.Errorf("SVG labels = %q", got)
		}
		if got := texts(fig.all("th", "")); !equal(got, []string{"Land", "2023", "2024", "Nordrhein-Westfalen", "Bayern", "Bremen", "Saarland"}) {
			t.Errorf("table headers = %q", got)
		}
	})

	t.Run("SuppressedHasNoBar", func(t *testing.T) {
		fig := MustParse(t, regionBars().HTML())
		var bars []int
		for _, row := range fig.all("g", "row") {
			bars = append(bars, len(row.all("rect", "bar")))
		}
		// NRW 2, Bayern 2, Bremen only 2024, Saarland: a zero and a missing figure.
		if want := []int{2, 2, 1, 0}; !equalInts(bars, want) {
			t.Errorf("bars per row = %v, want %v", bars, want)
		}
		note := fig.one(t, "p", "chart-note")
		if note.text() != Marker+" Weniger als 3 Fälle." || note.attr("id") != "regions-note" {
			t.Errorf("footnote = %q (id %q)", note.text(), note.attr("id"))
		}
		if got := fig.one(t, "table", "").all("sup", ""); len(got) != 1 || got[0].text() != Marker {
			t.Errorf("table has %d footnote markers, want 1", len(got))
		}
	})

	t.Run("NoFootnoteWithoutSuppression", func(t *testing.T) {
		c := regionBars()
		c.Rows = c.Rows[:2]
		if got := MustParse(t, c.HTML()).all("p", "chart-note"); len(got) != 0 {
			t.Errorf("got a footnote without withheld figures")
		}
	})

	t.Run("TwoSeriesLegend", func(t *testing.T) {
		fig := MustParse(t, regionBars().HTML())
		legend := fig.one(t, "g", "legend")
		if got := texts(legend.all("text", "")); !equal(got, []string{"2023", "2024"}) {
			t.Fatalf("legend = %q, want 2023 and 2024", got)
		}
		keys := legend.all("rect", "")
		if len(keys) != 2 {
			t.Fatalf("legend has %d keys, want 2", len(keys))
		}
		// The second series is patterned, not only another colour, and
		// its bars are filled like its key.
		if keys[0].attr("fill") == keys[1].attr("fill") || !strings.HasPrefix(keys[1].attr("fill"), "url(#regions-") {
			t.Errorf("legend fills %q and %q, want a colour and a pattern", keys[0].attr("fill"), keys[1].attr("fill"))
		}
		bars := fig.all("rect", "bar")
		if bars[0].attr("fill") != keys[0].attr("fill") || bars[1].attr("fill") != keys[1].attr("fill") {
			t.Errorf("bar fills %q, %q do not match the legend", bars[0].attr("fill"), bars[1].attr("fill"))
		}
	})

	t.Run("OneSeriesNoLegend", func(t *testing.T) {
		c := Bars{Text: Text{ID: "sizes", Title: "Größenklassen"},
			Rows: []Row{{Label: "GK1", Values: []Value{Count(14)}}}}
		fig := MustParse(t, c.HTML())
		CheckAccessible(t, fig, c.Title)
		if len(fig.all("g", "legend")) != 0 {
			t.Error("one series got a legend")
		}
		if got := texts(fig.all("th", "")); !equal(got, []string{"Kategorie", "Anzahl", "GK1"}) {
			t.Errorf("table headers = %q, want defaults", got)
		}
	})

	t.Run("English", func(t *testing.T) {
		c := regionBars()
		c.Lang, c.Footnote = "en", ""
		fig := MustParse(t, c.HTML())
		if got := texts(fig.all("text", "value"))[:2]; !equal(got, []string{"1,120", "1,312"}) {
			t.Errorf("figures = %q, want English separators", got)
		}
		if got := fig.one(t, "p", "chart-note").text(); !strings.Contains(got, "withheld") {
			t.Errorf("footnote = %q, want the English default", got)
		}
	})

	t.Run("Format", func(t *testing.T) {
		c := Bars{Text: Text{ID: "share", Title: "Frauenanteil",
			Format: func(n int) string { return Percent("de", float64(n)/10, 1) }},
			Rows: []Row{{Label: "DACH", Values: []Value{Count(125)}}}}
		fig := MustParse(t, c.HTML())
		if got := fig.one(t, "text", "value").text(); got != "12,5\u00a0%" {
			t.Errorf("figure = %q, want 12,5 %%", got)
		}
		if got := cells(t, fig); !equal(got, []string{"12,5\u00a0%"}) {
			t.Errorf("table = %q", got)
		}
	})

	t.Run("Negative", func(t *testing.T) {
		c := Bars{Text: Text{ID: "diff", Title: "Saldo"}, Rows: []Row{
			{Label: "A", Values: []Value{Count(-20)}},
			{Label: "B", Values: []Value{Count(40)}},
		}}
		fig := MustParse(t, c.HTML())
		// Across, a bar chart is measured in per cent of its width.
		pct := func(n *node, attr string) float64 {
			s, ok := strings.CutSuffix(n.attr(attr), "%")
			f, err := strconv.ParseFloat(s, 64)
			if !ok || err != nil {
				t.Fatalf("%s=%q, want a percentage", attr, n.attr(attr))
			}
			return f
		}
		axis := pct(fig.all("line", "axis")[0], "x1")
		bars := fig.all("rect", "bar")
		x0, x1, w0, w1 := pct(bars[0], "x"), pct(bars[1], "x"), pct(bars[0], "width"), pct(bars[1], "width")
		if !(x0 < axis && math.Abs(x0+w0-axis) < 0.15 && x1 == axis) {
			t.Errorf("axis at %v, bars at %v+%v and %v+%v: want -20 left of the axis, 40 right", axis, x0, w0, x1, w1)
		}
		if w1 < 1.9*w0 || w1 > 2.1*w0 {
			t.Errorf("bar widths %v and %v, want 1:2", w0, w1)
		}
	})

	t.Run("Escaped", func(t *testing.T) {
		label := `<script>alert("x")</script> & 'Co'`
		c := Bars{Text: Text{ID: `x"><img`, Title: `A <b>title</b> & "more"`, Description: `<desc>`},
			Series: []string{`<i>1</i>`, `"2"`},
			Rows:   []Row{{Label: label, Values: []Value{Count(1), Count(2)}}}}
		h := string(c.HTML())
		if strings.Contains(h, "<script") || strings.Contains(h, "<b>") || strings.Contains(h, "<img") {
			t.Fatalf("markup leaked into the fragment:\n%s", h)
		}
		fig := MustParse(t, c.HTML())
		CheckAccessible(t, fig, c.Title)
		if got := fig.all("th", "")[3].text(); got != label {
			t.Errorf("row header = %q, want %q", got, label)
		}
	})

	t.Run("Empty", func(t *testing.T) {
		c := Bars{Text: Text{ID: "empty", Title: "Nichts"}}
		fig := MustParse(t, c.HTML())
		CheckAccessible(t, fig, c.Title)
		if got := fig.one(t, "svg", "").text(); !strings.Contains(got, "Keine Daten") {
			t.Errorf("empty chart says %q, want Keine Daten", got)
		}
	})

	t.Run("LongLabelsWrap", func(t *testing.T) {
		long := "Landkreis mit einem außerordentlich langen Namen, der nicht in eine Zeile passt"
		c := Bars{Text: Text{ID: "long", Title: "Lang"}, Rows: []Row{{Label: long, Values: []Value{Count(5)}}}}
		fig := MustParse(t, c.HTML())
		if n := len(fig.all("text", "label")); n < 2 || n > 3 {
			t.Errorf("label on %d lines, want 2 or 3", n)
		}
		if got := fig.all("th", "")[2].text(); got != long {
			t.Errorf("table has %q, want the whole label", got)
		}
	})
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
