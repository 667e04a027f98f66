package chart

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// node is a parsed element of a chart fragment, or a text node (Name
// "#text"). The fragments are well-formed XML, so encoding/xml reads them
// whole, SVG and table alike.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr
	Nodes   []*node
	Chars   string // text nodes only
}

// MustParse parses a fragment as XML and fails the test if it is not.
func MustParse(tb testing.TB, h template.HTML) *node {
	tb.Helper()
	root, err := parse(string(h))
	if err != nil {
		tb.Fatalf("fragment is not well-formed XML: %v\n%s", err, h)
	}
	return root
}

func parse(s string) (*node, error) {
	d := xml.NewDecoder(strings.NewReader(s))
	top := &node{}
	stack := []*node{top}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		cur := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{XMLName: tok.Name, Attrs: tok.Attr}
			cur.Nodes = append(cur.Nodes, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			cur.Nodes = append(cur.Nodes, &node{XMLName: xml.Name{Local: "#text"}, Chars: string(tok)})
		}
	}
	var roots []*node
	for _, n := range top.Nodes {
		if n.XMLName.Local != "#text" {
			roots = append(roots, n)
		} else if strings.TrimSpace(n.Chars) != "" {
			return nil, fmt.Errorf("text %q outside the root element", n.Chars)
		}
	}
	if len(roots) != 1 {
		return nil, fmt.Errorf("%d root elements, want 1", len(roots))
	}
	return roots[0], nil
}

// elements returns the element children of n.
func (n *node) elements() []*node {
	var out []*node
	for _, c := range n.Nodes {
		if c.XMLName.Local != "#text" {
			out = append(out, c)
		}
	}
	return out
}

func (n *node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n *node) is(name, class string) bool {
	return n.XMLName.Local != "#text" && (name == "" || n.XMLName.Local == name) && (class == "" || strings.Contains(" "+n.attr("class")+" ", " "+class+" "))
}

// all returns the descendants of n (n included) that are name elements
// with class among their classes ("" for any).
func (n *node) all(name, class string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		if m.is(name, class) {
			out = append(out, m)
		}
		for _, c := range m.Nodes {
			walk(c)
		}
	}
	walk(n)
	return out
}

// one returns the only descendant name element with class.
func (n *node) one(tb testing.TB, name, class string) *node {
	tb.Helper()
	got := n.all(name, class)
	if len(got) != 1 {
		tb.Fatalf("want one <%s class=%q>, got %d", name, class, len(got))
	}
	return got[0]
}

// text returns the text content of n and its descendants, without the
// hover titles of SVG groups.
func (n *node) text() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(m *node) {
		b.WriteString(m.Chars)
		for _, c := range m.Nodes {
			if c.XMLName.Local != "title" || m.XMLName.Local == "svg" {
				walk(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

func texts(ns []*node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.text()
	}
	return out
}

// cells returns the figures of the data table, row by row.
func cells(tb testing.TB, fig *node) []string {
	tb.Helper()
	return texts(fig.one(tb, "table", "").all("td", "num"))
}

var (
	viewBoxRE = regexp.MustCompile(`^0 0 \d+(\.\d)? \d+(\.\d)?$`)
	urlRE     = regexp.MustCompile(`url\(#([^)]+)\)`)
)

// CheckAccessible asserts what every chart owes screen readers: an SVG
// role="img" labelled by its own title and description, a figure caption,
// a table with caption and scoped headers, ids unique in the fragment
// and every reference to an id resolved within it.
func CheckAccessible(tb testing.TB, fig *node, title string) {
	tb.Helper()
	if fig.XMLName.Local != "figure" {
		tb.Fatalf("root = <%s>, want <figure>", fig.XMLName.Local)
	}
	if got := fig.one(tb, "figcaption", "").text(); got != title {
		tb.Errorf("figcaption = %q, want %q", got, title)
	}
	svg := fig.one(tb, "svg", "")
	if svg.attr("role") != "img" {
		tb.Errorf("svg role = %q, want img", svg.attr("role"))
	}
	// Either drawn in a viewBox at its natural size in px, or (bar charts)
	// without a viewBox, as wide as the page, so that text is never scaled.
	if vb := svg.attr("viewBox"); vb != "" {
		if f := strings.Fields(vb); !viewBoxRE.MatchString(vb) || svg.attr("width") != f[2] || svg.attr("height") != f[3] {
			tb.Errorf("svg width %q height %q viewBox %q, want the viewBox's size", svg.attr("width"), svg.attr("height"), vb)
		}
	} else if _, err := strconv.ParseFloat(svg.attr("height"), 64); svg.attr("width") != "100%" || err != nil {
		tb.Errorf("svg without viewBox: width %q height %q, want 100%% and a height in px", svg.attr("width"), svg.attr("height"))
	}
	refs := strings.Fields(svg.attr("aria-labelledby"))
	kids := svg.elements()
	if len(refs) != 2 || len(kids) < 2 {
		tb.Fatalf("aria-labelledby = %q, want title and desc", svg.attr("aria-labelledby"))
	}
	if t := kids[0]; t.XMLName.Local != "title" || t.attr("id") != refs[0] || t.text() != title {
		tb.Errorf("first child of svg = <%s id=%q>%q, want <title id=%q>%q", t.XMLName.Local, t.attr("id"), t.text(), refs[0], title)
	}
	if d := kids[1]; d.XMLName.Local != "desc" || d.attr("id") != refs[1] || d.text() == "" {
		tb.Errorf("second child of svg = <%s id=%q>%q, want a non-empty <desc id=%q>", d.XMLName.Local, d.attr("id"), d.text(), refs[1])
	}
	checkTextInside(tb, svg)
	table := fig.one(tb, "table", "")
	if table.one(tb, "caption", "").text() == "" {
		tb.Error("table caption is empty")
	}
	for _, th := range table.all("th", "") {
		if s := th.attr("scope"); s != "col" && s != "row" && s != "rowgroup" {
			tb.Errorf("<th>%s</th> has scope %q", th.text(), s)
		}
		if th.attr("scope") == "col" && th.text() == "" {
			tb.Error("empty column header")
		}
	}
	ids := map[string]bool{}
	for _, n := range fig.all("", "") {
		if id := n.attr("id"); id != "" {
			if ids[id] {
				tb.Errorf("id %q used twice", id)
			}
			ids[id] = true
		}
	}
	for _, n := range fig.all("", "") {
		for _, a := range n.Attrs {
			for _, m := range urlRE.FindAllStringSubmatch(a.Value, -1) {
				if !ids[m[1]] {
					tb.Errorf("%s=%q refers to a missing id", a.Name.Local, a.Value)
				}
			}
		}
	}
	for _, r := range refs {
		if !ids[r] {
			tb.Errorf("aria-labelledby refers to missing id %q", r)
		}
	}
}

func equal(a, b []string) bool {
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

func TestID(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"regions", "regions-title"},
		{"", "chart--title"},
		{`a b"<x>`, "a-b--x--title"},
		{"2024", "chart-2024-title"},
		{"wave_2024-de", "wave_2024-de-title"},
	} {
		if got := (Text{ID: tc.id}).id("title"); got != tc.want {
			t.Errorf("id(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
}

func TestEsc(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<b>&"'`, "&lt;b&gt;&amp;&#34;&#39;"},
		{"Zürich", "Zürich"},
		{"a\x00b\x1bc\td", "a\uFFFDb\uFFFDc\td"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"\uFFFE", "\uFFFD"},
	} {
		if got := esc(tc.in); got != tc.want {
			t.Errorf("esc(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	t.Run("Words", func(t *testing.T) {
		got := wrap("GK2 (200 000–400 000 Einw.)", 120, fontSize, 3)
		if len(got) < 2 || strings.Join(got, " ") != "GK2 (200 000–400 000 Einw.)" {
			t.Errorf("wrap = %q, want the words on two or more lines", got)
		}
		for _, l := range got {
			if w := textWidth(l, fontSize); w > 120 {
				t.Errorf("line %q is %.0f wide, want ≤ 120", l, w)
			}
		}
	})
	t.Run("LongWordAndEllipsis", func(t *testing.T) {
		got := wrap(strings.Repeat("Digitalisierungsbeauftragte", 10), 100, fontSize, 3)
		if len(got) != 3 || !strings.HasSuffix(got[2], "…") {
			t.Errorf("wrap = %q, want three lines ending in …", got)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		if got := wrap("  ", 100, fontSize, 3); len(got) != 1 || got[0] != "" {
			t.Errorf("wrap = %q, want one empty line", got)
		}
	})
}

func atof(tb testing.TB, s string) float64 {
	tb.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		tb.Fatalf("not a number: %q", s)
	}
	return f
}

// checkTextInside asserts that every text of the SVG, as wide as
// estimated, lies within the viewBox, so no label is cut off.
func checkTextInside(tb testing.TB, svg *node) {
	tb.Helper()
	var width, height float64
	if vb := strings.Fields(svg.attr("viewBox")); len(vb) == 4 {
		width, height = atof(tb, vb[2]), atof(tb, vb[3])
	} else {
		// Without a viewBox: at the narrowest width the chart is made for.
		width, height = barsMinWidth, atof(tb, svg.attr("height"))
	}
	for _, txt := range svg.all("text", "") {
		size := fontSize
		if s := txt.attr("font-size"); s != "" {
			size = atof(tb, s)
		}
		w := textWidth(txt.text(), size)
		if txt.attr("font-weight") == "bold" {
			w *= boldWide
		}
		x, y := 0.0, atof(tb, txt.attr("y"))
		if p, ok := strings.CutSuffix(txt.attr("x"), "%"); ok {
			x = atof(tb, p) / 100 * width
		} else {
			x = atof(tb, txt.attr("x"))
		}
		if dx := txt.attr("dx"); dx != "" {
			x += atof(tb, dx)
		}
		switch txt.attr("text-anchor") {
		case "middle":
			x -= w / 2
		case "end":
			x -= w
		}
		if txt.attr("dx") != "" && w+8 > maxReserve/100*barsMinWidth {
			continue // a figure too wide for a phone, which bar charts allow
		}
		if x < -0.5 || x+w > width+0.5 || y-size < -0.5 || y > height+0.5 {
			tb.Errorf("text %q at %.1f,%.1f (%.1f wide) leaves the %v×%v chart", txt.text(), x, y, w, width, height)
		}
	}
}
