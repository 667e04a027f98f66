package chart

import (
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the outlines in testdata/*.outline")

// outline writes the element tree of a fragment with the attributes that
// carry meaning (class, id, role, references, scope, region) and each
// element's own text, but no coordinates: it changes when the structure
// or a text changes, not when the layout is tuned.
func outline(n *node, depth int, b *strings.Builder) {
	if n.XMLName.Local == "#text" {
		return
	}
	b.WriteString(strings.Repeat("  ", depth) + n.XMLName.Local)
	for _, a := range []string{"class", "id", "role", "tabindex", "aria-labelledby", "scope", "colspan", "data-region"} {
		if v := n.attr(a); v != "" {
			b.WriteString(" " + a + "=" + strconv.Quote(v))
		}
	}
	if f := n.attr("fill"); strings.HasPrefix(f, "url(") {
		b.WriteString(" fill=" + strconv.Quote(f))
	}
	var own strings.Builder
	for _, c := range n.Nodes {
		own.WriteString(c.Chars)
	}
	if s := strings.TrimSpace(own.String()); s != "" {
		b.WriteString(" " + strconv.Quote(s))
	}
	b.WriteString("\n")
	for _, c := range n.Nodes {
		outline(c, depth+1, b)
	}
}

func TestStructure(t *testing.T) {
	austria := fullMap()
	austria.Countries = []string{"AT"}
	for _, tc := range []struct {
		name string
		html template.HTML
	}{
		{"bars", regionBars().HTML()},
		{"columns", flowSeries(false).HTML()},
		{"lines", flowSeries(true).HTML()},
		{"map-at", austria.HTML()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			outline(MustParse(t, tc.html), 0, &b)
			path := filepath.Join("testdata", tc.name+".outline")
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./chart/ -run TestStructure -update to write it)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("outline of %s changed; if that is intended, run with -update and review the diff.\ngot:\n%s", tc.name, got)
			}
		})
	}
}
