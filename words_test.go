package cdoatlas

import "testing"

func TestParseKindAndPlacement(t *testing.T) {
	for _, tc := range []struct {
		parse    func(string) (string, bool)
		in, want string
		ok       bool
	}{
		{ParseKind, "Große Kreisstadt", KindMunicipality, true},
		{ParseKind, "grosse kreisstadt", KindMunicipality, true},
		{ParseKind, "Landkreis", KindCounty, true},
		{ParseKind, "AöR", KindPublicCompany, true},
		{ParseKind, "public_company", KindPublicCompany, true},
		{ParseKind, "Kommunaler Spitzenverband", KindAssociation, true},
		{ParseKind, " ", "", true},
		{ParseKind, "Dorf", "", false},
		{ParsePlacement, "Stabsstelle beim HVB", "staff_unit_head", true},
		{ParsePlacement, "Dezernat", "board", true},
		{ParsePlacement, "amt", "office", true},
		{ParsePlacement, "", "", true},
		{ParsePlacement, "Keller", "", false},
	} {
		if got, ok := tc.parse(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("parse(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestVocabWordTwice(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a word naming two values did not panic")
		}
	}()
	NewVocab(map[string][]string{"a": {"Eins"}, "b": {"eins"}})
}
