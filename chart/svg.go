package chart

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// esc escapes s for a text node or a double-quoted attribute, valid in
// HTML and XML alike. Invalid UTF-8 and characters XML 1.0 forbids (most
// control characters) become U+FFFD, so no input breaks the markup.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s { // invalid UTF-8 arrives as utf8.RuneError, itself valid
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if !xmlChar(r) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// num writes a coordinate with at most one decimal.
func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "0"
	}
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// chartWidth is about the natural width of the tile map, and the most a
// column chart's slots widen to (see phoneSlot). Charts with a viewBox
// are drawn at their natural size (1 unit = 1 px) and only shrink where
// the page is narrower, so that all charts show their text at the same
// size; on phones CSS keeps them at that size in a box that scrolls
// sideways. Bar charts have no viewBox (see Bars).
const chartWidth = 720.0

// Font sizes and colours shared by all charts. Text is ink on white (16:1).
const (
	fontSize  = 13.0
	smallSize = 12.0
	ink       = "#1b1f24"
	muted     = "#4a5360" // axes and tile outlines: 7.9:1 on white
	white     = "#ffffff"
	fontStack = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`
)

// textWidth estimates the width of s set in a sans-serif face at size.
// It errs on the wide side: a label that is too roomy costs a few pixels,
// one that is too tight overlaps its neighbour.
func textWidth(s string, size float64) float64 {
	return textWidthUpTo(s, size, math.Inf(1))
}

// textWidthUpTo is textWidth, but stops counting past limit.
func textWidthUpTo(s string, size, limit float64) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r) * size
		if w > limit {
			break
		}
	}
	return w
}

// runeWidth is the advance of r in ems.
func runeWidth(r rune) float64 {
	switch r {
	case '.', ',', ':', ';', '\'', '!', '|', 'i', 'l', ' ', 'I', 'j', 'f', 't', '(', ')', '[', ']':
		return 0.33
	case 'm', 'w', 'M', 'W', '%', '@':
		return 0.92
	case 'Ä', 'Ö', 'Ü':
		return 0.70
	}
	switch {
	case !xmlChar(r): // written as U+FFFD
		return 1.0
	case r >= '0' && r <= '9':
		return 0.58
	case r >= 'A' && r <= 'Z':
		return 0.70
	case r < 0x2E80:
		return 0.58
	}
	return 1.0 // CJK and the like are about square
}

// wrap breaks s into lines no wider than max at size, at spaces and, for
// words too long for a line, anywhere. More than maxLines lines end in "…";
// the data table always has the whole text. It stops reading once the
// lines are full, so a huge label costs no more than a short one.
func wrap(s string, max, size float64, maxLines int) []string {
	var lines []string
	line, lineW := "", 0.0
	space := textWidth(" ", size)
	for _, word := range strings.Fields(s) {
		if len(lines) > maxLines {
			break
		}
		ww := textWidthUpTo(word, size, max+1)
		if line != "" && lineW+space+ww <= max {
			line, lineW = line+" "+word, lineW+space+ww
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		for ww > max && len(lines) <= maxLines {
			cut := fit(word, max, size)
			lines = append(lines, word[:cut])
			word = word[cut:]
			ww = textWidthUpTo(word, size, max+1)
		}
		line, lineW = word, ww
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := lines[maxLines-1]
		for last != "" && textWidth(last+"…", size) > max {
			_, n := utf8.DecodeLastRuneInString(last)
			last = last[:len(last)-n]
		}
		lines[maxLines-1] = last + "…"
	}
	return lines
}

// fit returns how many bytes of word fit into max; at least one rune.
func fit(word string, max, size float64) int {
	end, w := 0, 0.0
	for end < len(word) {
		r, n := utf8.DecodeRuneInString(word[end:])
		rw := runeWidth(r) * size
		if end > 0 && w+rw > max {
			break
		}
		end, w = end+n, w+rw
	}
	return end
}

// svgWriter builds the <svg> element. Attribute values and text pass
// through esc; element names and attribute names are constants.
type svgWriter struct {
	strings.Builder
}

// startSVG opens the root element of a chart drawn in a width × height
// viewBox, at that size in px unless CSS shrinks it.
func startSVG(t Text, width, height float64) *svgWriter {
	return openSVG(t, num(width), num(height), "viewBox", "0 0 "+num(width)+" "+num(height), "width", num(width), "height", num(height))
}

// startBarsSVG opens the root element of a chart as wide as the page and
// height px high, without a viewBox: its text is never scaled.
func startBarsSVG(t Text, height float64) *svgWriter {
	return openSVG(t, "100%", "100%", "width", "100%", "height", num(height))
}

// openSVG opens the root element with the size attributes, its title and
// description, and a white background of bgW × bgH, so that the chart
// keeps its contrast on any page and in print.
func openSVG(t Text, bgW, bgH string, size ...string) *svgWriter {
	w := &svgWriter{}
	w.open("svg", append(append([]string{"xmlns", "http://www.w3.org/2000/svg"}, size...),
		"role", "img", "aria-labelledby", t.id("title")+" "+t.id("desc"),
		"focusable", "false", "font-family", fontStack, "font-size", num(fontSize), "fill", ink)...)
	w.open("title", "id", t.id("title"))
	w.WriteString(esc(t.title()))
	w.close("title")
	w.open("desc", "id", t.id("desc"))
	w.WriteString(esc(t.Description))
	w.close("desc")
	w.empty("rect", "width", bgW, "height", bgH, "fill", white)
	return w
}

func (w *svgWriter) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		w.WriteString(" " + kv[i] + `="` + esc(kv[i+1]) + `"`)
	}
}

func (w *svgWriter) open(name string, kv ...string) {
	w.WriteString("<" + name)
	w.attrs(kv)
	w.WriteString(">")
}

func (w *svgWriter) empty(name string, kv ...string) {
	w.WriteString("<" + name)
	w.attrs(kv)
	w.WriteString("/>")
}

func (w *svgWriter) close(name string) { w.WriteString("</" + name + ">") }

// text writes s at (x, y), y being the baseline, with extra attributes.
func (w *svgWriter) text(x, y float64, s string, kv ...string) {
	w.textAt(num(x), y, s, kv...)
}

// textAt is text with x as written, such as "42.5%".
func (w *svgWriter) textAt(x string, y float64, s string, kv ...string) {
	w.open("text", append([]string{"x", x, "y", num(y)}, kv...)...)
	w.WriteString(esc(s))
	w.close("text")
	w.WriteString("\n")
}

// tooltip adds a <title> that browsers show on hover; inside role="img"
// it is not read twice by screen readers.
func (w *svgWriter) tooltip(s string) {
	w.open("title")
	w.WriteString(esc(s))
	w.close("title")
}

// baseline returns the baseline that centres text of size on y.
func baseline(y, size float64) float64 { return y + size*0.36 }
