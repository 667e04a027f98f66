package cdoatlas

import "testing"

func TestRegionNameIn(t *testing.T) {
	for _, tc := range []struct{ lang, code, want string }{
		{"de", "DE-BY", "Bayern"}, {"en", "DE-BY", "Bavaria"}, {"en", "DE-BE", "Berlin"},
		{"en", "AT-9", "Vienna"}, {"de", "CH-GE", "Genf"}, {"en", "CH-GE", "Geneva"}, {"en", "XX-1", "XX-1"},
	} {
		if got := RegionNameIn(tc.lang, tc.code); got != tc.want {
			t.Errorf("RegionNameIn(%s, %s) = %q, want %q", tc.lang, tc.code, got, tc.want)
		}
	}
	// Every English name belongs to a region.
	for code := range regionNamesEN {
		if FindRegion(code) == nil {
			t.Errorf("%s has an English name but is no region", code)
		}
	}
}
