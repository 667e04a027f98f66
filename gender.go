package cdoatlas

import "strings"

// ParseGender reads a gender as people and sources write it – in German
// or English, in any case, with or without umlauts – and returns the
// value recorded (one of Genders):
//
//   - f: w, weiblich, Frau, female, woman, fem
//   - m: männlich, Mann, Herr, male, man
//   - d: divers, diverse, x, nicht-binär, non-binary, inter, other
//   - unknown: unbekannt, k. A., keine Angabe, ?, - and an empty cell
//
// ok is false for any other word. Every reader uses this one rule:
// census observations, registry files and applications alike.
//
// "x" is d. German and Austrian passports write X for a person whose
// registered gender is neither female nor male (divers, inter, open), so a
// source that writes x records such a person; it does not say the gender
// is unknown. A gender nobody recorded is written as an empty cell, "?",
// "-" or unbekannt.
func ParseGender(s string) (gender string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return GenderUnknown, true
	}
	return genderVocab.Lookup(s)
}

// NormalizeGender is ParseGender without ok: "" for a word it does not
// know.
func NormalizeGender(s string) string {
	g, _ := ParseGender(s)
	return g
}

var genderVocab = NewVocab(map[string][]string{
	"f":           {"w", "weiblich", "Frau", "female", "woman", "fem"},
	"m":           {"männlich", "Mann", "Herr", "male", "man"},
	"d":           {"divers", "diverse", "x", "nicht-binär", "non-binary", "inter", "other"},
	GenderUnknown: {"unbekannt", "k.A.", "keine Angabe", "?", "-", "u"},
})
