// Package chart draws the census figures as accessible, print-friendly SVG:
// horizontal bars for categories, columns or lines over waves, and a tile
// map of the regions of DE, AT and CH.
//
// Every chart renders to one self-contained HTML fragment: a <figure> with
// an inline <svg role="img"> (its own <title> and <desc>, no scripts, fonts
// or style sheets from elsewhere, so it works from file://), a data table
// with the same numbers, and a footnote when a value was withheld. Numbers
// are printed next to bars, points and tiles, so colour never carries
// information alone, and series differ by pattern, outline or marker too.
//
// The caller passes translated strings; numbers follow Lang ("de": 1.234,
// "en": 1,234) unless a Format func is given. The fragment is well-formed
// XML as well as HTML, and it uses no inline style, so it passes a strict
// Content-Security-Policy; CSS has the few rules the page may add.
package chart

import (
	"html/template"
	"strings"
)

// Value is one figure of a chart: a count, a count withheld by disclosure
// control (shown as "." with a footnote marker, no bar drawn), or no
// figure at all (shown as "–"). Suppressed wins over Missing.
type Value struct {
	N          int
	Suppressed bool
	Missing    bool
}

// Count returns the figure n.
func Count(n int) Value { return Value{N: n} }

// Suppressed returns a figure withheld by disclosure control.
func Suppressed() Value { return Value{Suppressed: true} }

// Missing returns "no figure".
func Missing() Value { return Value{Missing: true} }

// drawn reports whether v has a number to draw.
func (v Value) drawn() bool { return !v.Suppressed && !v.Missing }

// Text is what every chart says around its numbers, already translated.
type Text struct {
	// ID is unique in the page; it prefixes every id in the fragment.
	// Characters other than letters, digits, '-' and '_' become '-'.
	ID          string
	Title       string // the SVG <title> and the figure caption; a generic word when empty
	Description string // the SVG <desc>; a generic sentence when empty
	Caption     string // the data table's caption; Title when empty
	RowHeader   string // heading of the table's first column; a default by Lang when empty
	// Footnote explains the "." of withheld figures; it is shown (with a
	// marker) only when a figure is withheld. A default by Lang when empty.
	Footnote string
	Lang     string           // "de" (default) or "en"
	Format   func(int) string // writes a figure; Number(Lang, n) when nil
}

// Marker follows every "." of a withheld figure and starts its footnote.
const Marker = "*"

func (t Text) en() bool { return t.Lang == "en" }

// say picks the German or English default.
func (t Text) say(de, en string) string {
	if t.en() {
		return en
	}
	return de
}

// id returns the element id for part, prefixed by the sanitized chart ID.
func (t Text) id(part string) string {
	var b strings.Builder
	for _, r := range t.ID {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	s := b.String()
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		s = "chart-" + s
	}
	if part == "" {
		return s
	}
	return s + "-" + part
}

// value writes v as the SVG and the table show it.
func (t Text) value(v Value) string {
	switch {
	case v.Suppressed:
		return "." + Marker
	case v.Missing:
		return "–"
	case t.Format != nil:
		return t.Format(v.N)
	}
	return Number(t.Lang, v.N)
}

// title is Title, or a generic word so that no caption is empty.
func (t Text) title() string {
	if strings.TrimSpace(t.Title) != "" {
		return t.Title
	}
	return t.say("Diagramm", "Chart")
}

func (t Text) caption() string {
	if strings.TrimSpace(t.Caption) != "" {
		return t.Caption
	}
	return t.title()
}

func (t Text) footnote() string {
	if strings.TrimSpace(t.Footnote) != "" {
		return t.Footnote
	}
	return t.say("Wert aus Gründen der Geheimhaltung nicht veröffentlicht.",
		"Figure withheld for statistical confidentiality.")
}

// figure assembles the fragment: caption, SVG, table and footnote. A
// chart drawn at a fixed size (scroll) sits in a box that scrolls sideways
// on screens narrower than the chart, so that its text keeps its size:
// the box can be reached by keyboard, is named by the caption and starts
// with a hint that CSS shows only while the box can scroll.
func (t Text) figure(class string, svg *svgWriter, table *tableWriter, suppressed, scroll bool) template.HTML {
	var b strings.Builder
	b.WriteString(`<figure class="chart chart--` + class + `" id="` + esc(t.id("")) + `">`)
	b.WriteString("\n<figcaption id=\"" + esc(t.id("figcaption")) + "\">" + esc(t.title()) + "</figcaption>\n")
	if scroll {
		b.WriteString(`<div class="chart__scroll" role="region" tabindex="0" aria-labelledby="` + esc(t.id("figcaption")) + `">`)
		b.WriteString(scrollHint(t.say("Grafik seitlich wischen, um alles zu sehen", "Swipe the chart sideways to see all of it")))
	}
	b.WriteString(svg.String())
	if scroll {
		b.WriteString("</div>")
	}
	b.WriteString("\n")
	b.WriteString(table.String())
	if suppressed {
		b.WriteString(`<p class="chart-note" id="` + esc(t.id("note")) + `"><sup>` + Marker + `</sup> ` + esc(t.footnote()) + "</p>\n")
	}
	b.WriteString("</figure>\n")
	return template.HTML(b.String()) // every piece was escaped by esc
}

// scrollHint is the first child of a box that scrolls sideways: a hint
// for sighted users, shown (by CSS) only while the box can scroll.
func scrollHint(text string) string {
	return `<p class="scroll-hint" aria-hidden="true">` + esc(text) + "</p>\n"
}

// CSS holds rules a page or report may add for the charts: charts with a
// viewBox at their natural size, shrunk to the page where it is narrower
// but kept at that size in their scroll box on phones; bar charts as wide
// as the page up to 45rem; right-aligned figures in tables, tables that
// scroll sideways; and no page break inside a chart or between it and its
// caption. The charts work without it.
const CSS = `.chart { margin: 1.5rem 0; }
.chart figcaption { font-weight: 700; margin-bottom: .5rem; }
.chart svg { display: block; }
.chart--bars svg { max-width: 45rem; }
.chart__scroll { overflow-x: auto; }
.chart__scroll svg { max-width: 100%; height: auto; }
@media (max-width: 40rem) { .chart__scroll svg { max-width: none; } }
.chart .table-wrap { overflow-x: auto; }
.chart .table-wrap, .chart__scroll { container-type: scroll-state; }
.chart .scroll-hint { display: none; position: sticky; left: 0; margin: 0 0 .25rem; font-size: .9rem; }
.chart .scroll-hint::before { content: "\2194\FE0E\00A0" / ""; }
@container scroll-state(scrollable: inline) { .chart .scroll-hint { display: block; } }
@supports not (container-type: scroll-state) { @media (max-width: 40rem) { .chart .scroll-hint { display: block; } } }
.chart-table { border-collapse: collapse; margin: 1rem 0; min-width: min(100%, 30rem); }
.chart-table caption { text-align: left; font-weight: 700; padding: .25rem 0 .5rem; }
.chart-table th, .chart-table td { text-align: left; padding: .25rem .75rem .25rem 0; border-bottom: 1px solid #c4cbd4; }
.chart-table thead th { border-bottom: 2px solid #1b1f24; }
.chart-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.chart-note { font-size: .9rem; }
.chart sup { line-height: 0; }
@media print { .chart figcaption { break-after: avoid; } .chart svg { break-inside: avoid; } .chart .scroll-hint { display: none; } }
`
