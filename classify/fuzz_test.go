package classify

import (
	"testing"
	"unicode/utf8"
)

// FuzzNormalize: Normalize never panics, returns valid UTF-8 and stays
// within three times the input length. The seed corpus is in
// testdata/fuzz/FuzzNormalize.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Leiter:in (m/w/d)", "BeauftragteR", "Digitallotse/-lotsin", "C.D.O.", "Dr.-Ing.", "한국어 제목", "\xff\xfe(", "((((((((", "a/-", "Stadt | – @"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Normalize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, out)
		}
		if len(out) > 3*len(s) {
			t.Fatalf("Normalize(%q) = %q: %d bytes from %d", s, out, len(out), len(s))
		}
		if r := Title(s, "", ""); r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("Title(%q) confidence %v", s, r.Confidence)
		}
	})
}
