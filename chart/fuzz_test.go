package chart

import (
	"html/template"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// charts builds one chart of each kind from the same odd inputs.
func charts(label string, a, b int, lang string, lines bool, rows int) []template.HTML {
	value := func(i int) Value {
		switch i % 4 {
		case 0:
			return Count(a)
		case 1:
			return Count(b)
		case 2:
			return Suppressed()
		}
		return Missing()
	}
	text := Text{ID: label, Title: label, Description: label, Caption: label, RowHeader: label, Footnote: label, Lang: lang}
	bars := Bars{Text: text, Series: []string{label, label}}
	series := TimeSeries{Text: text, Lines: lines}
	for i := 0; i < rows; i++ {
		bars.Rows = append(bars.Rows, Row{Label: strings.Repeat(label, i%3), Values: []Value{value(i), value(i + 1)}})
		series.Waves = append(series.Waves, label)
	}
	for j := 0; j < rows%6; j++ {
		s := Series{Name: label}
		for i := 0; i < rows; i += 1 + j {
			s.Values = append(s.Values, value(i+j))
		}
		series.Series = append(series.Series, s)
	}
	m := Map{Text: text, Values: map[string]Value{}, Measure: label, Breaks: []int{b, a, a / 2}}
	if rows%2 == 0 {
		m.Breaks = nil
	}
	for i, r := range cdoatlas.Regions[:rows%len(cdoatlas.Regions)] {
		m.Values[r.Code] = value(i)
	}
	if rows%3 == 0 {
		m.Countries = []string{"AT", label}
	}
	return []template.HTML{bars.HTML(), series.HTML(), m.HTML()}
}

// FuzzCharts checks that no input panics or breaks the markup: every
// fragment parses as XML with one <figure> and passes CheckAccessible.
func FuzzCharts(f *testing.F) {
	f.Add(`<script>&"'</script>`, 12, -3, "de", false, uint8(5))
	f.Add("Zürich ÄÖÜ", math.MaxInt, math.MinInt, "en", true, uint8(9))
	f.Add("\x00\x01\x1b\xff\xfe\uFFFE", 0, 0, "", true, uint8(0))
	f.Add("", -1, 1, "xx", false, uint8(1))
	f.Add(strings.Repeat("Sehr-langer-Name ", 20), 1<<40, 7, "de", true, uint8(13))
	f.Fuzz(func(t *testing.T, label string, a, b int, lang string, lines bool, rows uint8) {
		for _, h := range charts(label, a, b, lang, lines, int(rows%40)) {
			fig := MustParse(t, h)
			CheckAccessible(t, fig, wantTitle(label, lang))
		}
	})
}

// TestRandomCharts is a property test over random inputs for every run of
// go test (FuzzCharts runs only its seeds then): labels with markup and
// control characters, negative and huge figures, empty charts.
func TestRandomCharts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2024))
	alphabet := []string{"<", ">", "&", `"`, "'", "a", "Z", "ü", " ", "\x00", "\x7f", "\xff", "–", ".", "🙂", "\t", "]]>", "&amp;"}
	number := func() int {
		switch r.IntN(4) {
		case 0:
			return r.IntN(10)
		case 1:
			return -r.IntN(1000)
		case 2:
			return math.MaxInt - r.IntN(10)
		}
		return r.IntN(1_000_000)
	}
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for k := r.IntN(12); k > 0; k-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		label := b.String()
		lang := []string{"de", "en", ""}[r.IntN(3)]
		for _, h := range charts(label, number(), number(), lang, r.IntN(2) == 0, r.IntN(30)) {
			fig := MustParse(t, h)
			CheckAccessible(t, fig, wantTitle(label, lang))
			if t.Failed() {
				t.Fatalf("input %q", label)
			}
		}
	}
}

// esc2text is what a label reads like after escaping and parsing:
// characters XML forbids replaced by U+FFFD.
func esc2text(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !xmlChar(r) {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(b.String())
}

func wantTitle(label, lang string) string {
	if strings.TrimSpace(label) == "" {
		return Text{Lang: lang}.title()
	}
	return strings.TrimSpace(esc2text(label))
}
