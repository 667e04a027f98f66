package cdoatlas

import (
	"slices"
	"testing"
)

func TestSearchTerms(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"CDO Köln", []string{"cdo", "koln"}},
		{"  Landeshauptstadt   MUENCHEN ", []string{"landeshauptstadt", "munchen"}},
		{"Rhein-Erft-Kreis", []string{"rhein", "erft", "kreis"}},
		{"köln Koeln KÖLN", []string{"koln"}},
		{" – ", nil},
		{"a b c d e f g h i j", []string{"a", "b", "c", "d", "e", "f", "g", "h"}},
	} {
		if got := SearchTerms(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("SearchTerms(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestRolesNamed(t *testing.T) {
	for _, tc := range []struct {
		term string
		want []string
	}{
		{"cdo", []string{RoleCDO}},
		{"digital", []string{RoleCDO}},
		{"information", []string{RoleCIO}},
		{"chief", []string{RoleCDO, RoleCIO, RoleCTO, RoleChiefDataOfficer, RoleInnovation}},
		{"smart", []string{RoleSmartCity}},
		{"innovation", []string{RoleInnovation}},
		{"cd", nil},       // too short to name a role
		{"digitale", nil}, // longer than the word
		{"sonstige", nil}, // other is no role one searches for
		{"officers", nil}, // not a beginning of a word
		{"ital", nil},     // inside a word
		{"stabsstelle", nil},
	} {
		if got := RolesNamed(tc.term); !slices.Equal(got, tc.want) {
			t.Errorf("RolesNamed(%q) = %q, want %q", tc.term, got, tc.want)
		}
	}
}
