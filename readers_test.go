package cdoatlas_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusio"
	"github.com/cdoatlas/cdoatlas/network"
	"github.com/cdoatlas/cdoatlas/registryio"
)

func TestParseGender(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"f", "f", true}, {"W", "f", true}, {"weiblich", "f", true}, {"Frau", "f", true}, {"female", "f", true},
		{"m", "m", true}, {"männlich", "m", true}, {"maennlich", "m", true}, {"Herr", "m", true}, {"male", "m", true},
		{"d", "d", true}, {"divers", "d", true}, {"x", "d", true}, {"X", "d", true}, {"nicht-binär", "d", true}, {"Non-Binary", "d", true},
		{"", "unknown", true}, {"  ", "unknown", true}, {"unknown", "unknown", true}, {"unbekannt", "unknown", true},
		{"k.A.", "unknown", true}, {"k. A.", "unknown", true}, {"Keine Angabe", "unknown", true}, {"?", "unknown", true}, {"-", "unknown", true},
		{"q", "", false}, {"mx", "", false}, {"!", "", false},
	} {
		g, ok := cdoatlas.ParseGender(tc.in)
		if g != tc.want || ok != tc.ok {
			t.Errorf("ParseGender(%q) = %q, %v; want %q, %v", tc.in, g, ok, tc.want, tc.ok)
		}
	}
}

// TestGenderOneRule: census observations, registry files and applications
// read a gender the same way; above all, "x" is d (divers) in each.
func TestGenderOneRule(t *testing.T) {
	for _, in := range []string{"x", "X", "divers", "w", "männlich", "k.A.", ""} {
		want, _ := cdoatlas.ParseGender(in)
		t.Run(fmt.Sprintf("%q", in), func(t *testing.T) {
			obs, warnings, err := censusio.Read(context.Background(),
				strings.NewReader("person_name,title,organization,gender\nAnna Muster,CDO,Ulm,"+in+"\n"), "c.csv")
			if err != nil || len(warnings) > 0 || len(obs) != 1 {
				t.Fatalf("census: %v, warnings %v, %d rows", err, warnings, len(obs))
			}
			recs, err := registryio.ReadRegistry(
				strings.NewReader("name,kind,country,title,person_name,gender\nUlm,Stadt,DE,CDO,Anna Muster,"+in+"\n"), "r.csv")
			if err != nil || len(recs) != 1 || recs[0].Person == nil {
				t.Fatalf("registry: %v, %+v", err, recs)
			}
			cands, err := network.ReadCandidates(strings.NewReader("id,tasks,gender\n1,Digitalisierung,"+in+"\n"), "a.csv")
			if err != nil || len(cands) != 1 {
				t.Fatalf("applications: %v, %+v", err, cands)
			}
			got := []string{obs[0].Gender, recs[0].Person.Gender, cands[0].Gender}
			for i, g := range got {
				if g != want {
					t.Errorf("%s reads %q as %q, want %q", []string{"census", "registry", "applications"}[i], in, g, want)
				}
			}
		})
	}
	if g, _ := cdoatlas.ParseGender("x"); g != "d" {
		t.Errorf(`"x" is %q, want d`, g)
	}
	// A word no reader knows is refused or flagged by each.
	obs, warnings, _ := censusio.Read(context.Background(), strings.NewReader("person_name,title,organization,gender\nA,CDO,Ulm,q\n"), "c.csv")
	if len(obs) != 1 || obs[0].Gender != cdoatlas.GenderUnknown || len(warnings) != 1 || warnings[0].Key != "gender.invalid" {
		t.Errorf("census with gender q: %+v, warnings %v", obs, warnings)
	}
	if _, err := registryio.ReadRegistry(strings.NewReader("name,kind,country,title,person_name,gender\nUlm,Stadt,DE,CDO,A,q\n"), "r.csv"); err == nil || !strings.Contains(err.Error(), "Gender: f, m, d or unknown") {
		t.Errorf("registry with gender q: %v", err)
	}
	if _, err := network.ReadCandidates(strings.NewReader("id,tasks,gender\n1,x,q\n"), "a.csv"); err == nil || !strings.Contains(err.Error(), `unknown gender "q"`) {
		t.Errorf("applications with gender q: %v", err)
	}
}

// TestKindAndPlacementOneRule: registry files and applications know the
// same words for kinds and placements.
func TestKindAndPlacementOneRule(t *testing.T) {
	for _, tc := range []struct{ kind, placement, wantKind, wantPlacement string }{
		{"Kommunaler Spitzenverband", "Stabsstelle beim Hauptverwaltungsbeamten", cdoatlas.KindAssociation, "staff_unit_head"},
		{"Große Kreisstadt", "Dezernat", cdoatlas.KindMunicipality, "board"},
		{"AöR", "Tochter", cdoatlas.KindPublicCompany, "subsidiary"},
	} {
		recs, err := registryio.ReadRegistry(strings.NewReader("name;kind;country;title;placement\nX;"+tc.kind+";DE;CDO;"+tc.placement+"\n"), "r.csv")
		if err != nil || len(recs) != 1 || recs[0].Organization.Kind != tc.wantKind || recs[0].Post == nil || recs[0].Post.Placement != tc.wantPlacement {
			t.Errorf("registry %q, %q: %v, %+v", tc.kind, tc.placement, err, recs)
		}
		cands, err := network.ReadCandidates(strings.NewReader("id;tasks;kind;placement\n1;x;"+tc.kind+";"+tc.placement+"\n"), "a.csv")
		if err != nil || len(cands) != 1 || cands[0].Kind != tc.wantKind || cands[0].Placement != tc.wantPlacement {
			t.Errorf("applications %q, %q: %v, %+v", tc.kind, tc.placement, err, cands)
		}
	}
}

// TestLandOneRule: a column "Land" is the country when its values name
// the atlas's countries and the state when they name states – "BY" is
// Bayern, not a country – in census, registry and applications files.
func TestLandOneRule(t *testing.T) {
	for _, tc := range []struct{ land, country, region string }{
		{"BY", "DE", "DE-BY"},
		{"Nordrhein-Westfalen", "DE", "DE-NW"},
		{"Österreich", "AT", ""},
		{"CH", "CH", ""},
	} {
		// An observation keeps the country empty when only the state is
		// given; applications take it from the state.
		obsCountry := tc.country
		if tc.region != "" {
			obsCountry = ""
		}
		obs, _, err := censusio.Read(context.Background(), strings.NewReader("Name,Titel,Organisation,Land\nA,CDO,X,"+tc.land+"\n"), "c.csv")
		if err != nil || len(obs) != 1 || obs[0].Country != obsCountry || obs[0].Region != tc.region {
			t.Errorf("census Land %q: %v, %+v", tc.land, err, obs)
		}
		recs, err := registryio.ReadRegistry(strings.NewReader("Name;Art;Land\nX;Stadt;"+tc.land+"\n"), "r.csv")
		if tc.region != "" {
			// A registry row needs its country: the state alone is refused
			// for that, which shows the column was read as the state.
			if err == nil || !strings.Contains(err.Error(), "column country: required column missing") {
				t.Errorf("registry Land %q: %v", tc.land, err)
			}
		} else if err != nil || len(recs) != 1 || recs[0].Organization.Country != tc.country {
			t.Errorf("registry Land %q: %v, %+v", tc.land, err, recs)
		}
		cands, err := network.ReadCandidates(strings.NewReader("id;tasks;Land\n1;x;"+tc.land+"\n"), "a.csv")
		if err != nil || len(cands) != 1 || cands[0].Country != tc.country || cands[0].Region != tc.region {
			t.Errorf("applications Land %q: %v, %+v", tc.land, err, cands)
		}
	}
}
