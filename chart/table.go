package chart

import (
	"strconv"
	"strings"
)

// tableWriter builds the data table that carries the same numbers as the
// chart, for screen readers, keyboard users and anyone who wants to copy
// a figure.
type tableWriter struct {
	strings.Builder
	t    Text
	rows int // rows in the open <tbody>
}

// startTable opens the table with its caption and column headings; the
// first heading is for the row labels, the others for figures.
func startTable(t Text, rowHeader string, cols []string) *tableWriter {
	tw := &tableWriter{t: t}
	// The table scrolls sideways where the page is narrower: the box can
	// be reached by keyboard and is named by the caption.
	tw.WriteString(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="` + esc(t.id("caption")) + `">`)
	tw.WriteString(scrollHint(t.say("Weitere Spalten: Tabelle seitlich wischen", "More columns: swipe the table sideways")))
	tw.WriteString(`<table class="table chart-table" id="` + esc(t.id("table")) + `">`)
	tw.WriteString("\n<caption id=\"" + esc(t.id("caption")) + "\">" + esc(t.caption()) + "</caption>\n<thead><tr>")
	tw.WriteString(`<th scope="col">` + esc(rowHeader) + "</th>")
	for _, c := range cols {
		tw.WriteString(`<th scope="col" class="num">` + esc(c) + "</th>")
	}
	tw.WriteString("</tr></thead>\n<tbody>\n")
	return tw
}

// row writes one row: its label as a row header, then its figures.
func (tw *tableWriter) row(label string, values []Value, n int) {
	tw.WriteString(`<tr><th scope="row">` + esc(label) + "</th>")
	for i := 0; i < n; i++ {
		v := Missing()
		if i < len(values) {
			v = values[i]
		}
		tw.WriteString(`<td class="num">` + tw.cell(v) + "</td>")
	}
	tw.WriteString("</tr>\n")
	tw.rows++
}

// group starts a new body whose first row names the group of rows below.
func (tw *tableWriter) group(label string, span int) {
	if tw.rows > 0 {
		tw.WriteString("</tbody>\n<tbody>\n")
	}
	tw.rows++
	tw.WriteString(`<tr><th scope="rowgroup" colspan="` + strconv.Itoa(span) + `">` + esc(label) + "</th></tr>\n")
}

func (tw *tableWriter) cell(v Value) string {
	if v.Suppressed {
		return ".<sup>" + Marker + "</sup>"
	}
	return esc(tw.t.value(v))
}

func (tw *tableWriter) end() {
	tw.WriteString("</tbody>\n</table></div>\n")
}
