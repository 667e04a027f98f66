package chart

import (
	"math"
	"strconv"
	"strings"
)

// Number writes n with thousands separators: 1.234 in German (lang "de" or
// anything but "en"), 1,234 in English.
func Number(lang string, n int) string {
	sep := "."
	if lang == "en" {
		sep = ","
	}
	return group(strconv.Itoa(n), sep)
}

// Percent writes x per cent with the given decimals: "12,5 %" in German
// (with a no-break space), "12.5%" in English.
func Percent(lang string, x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	if decimals < 0 {
		decimals = 0
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	if lang == "en" {
		s = group(whole, ",")
		if frac != "" {
			s += "." + frac
		}
		return s + "%"
	}
	s = group(whole, ".")
	if frac != "" {
		s += "," + frac
	}
	return s + "\u00a0%"
}

// group inserts sep between groups of three digits of a decimal integer.
func group(s, sep string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
