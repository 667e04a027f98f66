package chart

import (
	"math"
	"testing"
)

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"de", 0, "0"},
		{"de", 999, "999"},
		{"de", 1234, "1.234"},
		{"en", 1234, "1,234"},
		{"de", 1512491, "1.512.491"},
		{"en", -1234567, "-1,234,567"},
		{"", 100000, "100.000"},
		{"de", math.MinInt64, "-9.223.372.036.854.775.808"},
	} {
		if got := Number(tc.lang, tc.n); got != tc.want {
			t.Errorf("Number(%q, %d) = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		lang     string
		x        float64
		decimals int
		want     string
	}{
		{"de", 12.5, 1, "12,5\u00a0%"},
		{"en", 12.5, 1, "12.5%"},
		{"de", 93, 0, "93\u00a0%"},
		{"en", 1234.56, 1, "1,234.6%"},
		{"de", 1234.56, 2, "1.234,56\u00a0%"},
		{"de", -0.25, 1, "-0,2\u00a0%"},
		{"en", math.NaN(), 1, "–"},
	} {
		if got := Percent(tc.lang, tc.x, tc.decimals); got != tc.want {
			t.Errorf("Percent(%q, %v, %d) = %q, want %q", tc.lang, tc.x, tc.decimals, got, tc.want)
		}
	}
}
