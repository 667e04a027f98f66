package cdoatlas_test

import (
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"München", "munchen"},
		{"Muenchen", "MÜNCHEN"},
		{"Landeshauptstadt München", "landeshauptstadt munchen"},
		{"Düsseldorf", "Duesseldorf"},
		{"Straße", "Strasse"},
		{"Köln", "koeln"},
		{"Sankt  Gallen", "sankt-gallen"},
	} {
		if got, want := cdoatlas.Fold(tc.a), cdoatlas.Fold(tc.b); got != want {
			t.Errorf("Fold(%q)=%q, Fold(%q)=%q: want equal", tc.a, got, tc.b, want)
		}
	}
	if got := cdoatlas.Fold("Landeshauptstadt München"); !strings.Contains(got, cdoatlas.Fold("munchen")) {
		t.Errorf("search form %q does not contain munchen", got)
	}
	if cdoatlas.Fold("Köln") == cdoatlas.Fold("Kiel") {
		t.Error("Köln and Kiel fold to the same text")
	}
}
