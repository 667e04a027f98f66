package chart

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes AA on white
		{"#ffffff", "#767676", 4.54},
	} {
		if got := contrast(tc.a, tc.b); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
	if l := luminance("#ff0000"); math.Abs(l-0.2126) > 1e-4 {
		t.Errorf("luminance(red) = %v, want 0.2126", l)
	}
}

// TestTileContrast checks the label and figure on a tile of every class
// against the tile: at least 4.5:1 (WCAG 1.4.3).
func TestTileContrast(t *testing.T) {
	for k, fill := range mapColors {
		text := textOn(fill)
		if c := contrast(text, fill); c < 4.5 {
			t.Errorf("class %d: text %s on %s has %.2f:1, want ≥ 4.5", k+1, text, fill, c)
		}
	}
	// Hatched tiles of regions without a figure carry ink on white and
	// light grey stripes.
	if c := contrast(ink, "#c4cbd4"); c < 4.5 {
		t.Errorf("ink on hatching has %.2f:1, want ≥ 4.5", c)
	}
}

// TestScaleIsSequential checks that the classes get darker step by step,
// so that "more" reads as "darker" in greyscale print too.
func TestScaleIsSequential(t *testing.T) {
	for k := 1; k < len(mapColors); k++ {
		if luminance(mapColors[k]) >= luminance(mapColors[k-1]) {
			t.Errorf("class %d (%s) is not darker than class %d (%s)", k+1, mapColors[k], k, mapColors[k-1])
		}
	}
}

// TestGraphicsContrast checks text and graphics against the white
// background: text ≥ 4.5:1, bars, lines and outlines ≥ 3:1 (WCAG 1.4.11).
// Series colours also colour the point labels of line charts, so they
// must reach 4.5:1 as well.
func TestGraphicsContrast(t *testing.T) {
	for _, tc := range []struct {
		name, color string
		min         float64
	}{
		{"text", ink, 4.5},
		{"axis and tile outline", muted, 3},
	} {
		if c := contrast(tc.color, white); c < tc.min {
			t.Errorf("%s %s has %.2f:1 on white, want ≥ %.1f", tc.name, tc.color, c, tc.min)
		}
	}
	for i, s := range seriesStyles {
		if c := contrast(s.color, white); c < 4.5 {
			t.Errorf("series %d colour %s has %.2f:1 on white, want ≥ 4.5", i+1, s.color, c)
		}
	}
}

// TestSeriesStylesDiffer checks that no two series share a pattern, a
// marker or a dash, so colour is never the only difference.
func TestSeriesStylesDiffer(t *testing.T) {
	seen := map[string]int{}
	for i, s := range seriesStyles {
		for _, k := range []string{"pattern:" + s.pattern, "marker:" + s.marker, "dash:" + s.dash} {
			if j, ok := seen[k]; ok {
				t.Errorf("series %d and %d share %s", j+1, i+1, k)
			}
			seen[k] = i
		}
	}
}
