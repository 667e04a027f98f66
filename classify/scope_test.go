package classify

import (
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestReadScope(t *testing.T) {
	for _, tc := range []struct {
		name, text         string
		cross, whole, unit bool
	}{
		{"UebergreifendCompound", "die fachbereichsübergreifende Steuerung", true, false, false},
		{"UebergreifendPlainFront", "bereichsübergreifend und fachübergreifend", true, false, false},
		{"UebergreifendNotOrg", "generationenübergreifende Angebote", false, false, false},
		{"WeitCompound", "stadtverwaltungsweit, kreisweit, konzernweiten", true, false, false},
		{"WeitNotOrg", "bundesweit und weltweit, weiter so", false, false, false},
		{"WideEnglish", "an enterprise-wide and council-wide programme", true, false, false},
		{"AllUnits", "in allen städtischen Ämtern", true, false, false},
		{"AllUnitsGenitive", "die Vorhaben aller Verwaltungsbereiche", true, false, false},
		{"AllPartsOfWhole", "alle Bereiche der Verwaltung", true, false, false},
		{"AllLifeAreas", "alle Lebensbereiche", false, false, false},
		{"AllStaffAreNoUnits", "alle Beamten und alle Mitarbeitenden", false, false, false},
		{"EveryDirectorate", "working with every directorate", true, false, false},
		{"TotalWhole", "im gesamten Haus", true, false, false},
		{"GesamtCompound", "die Gesamtverwaltung, gesamtstädtisch", true, false, false},
		{"GesamtverantwortungIsNoScope", "Gesamtverantwortung", false, false, false},
		{"Grenzen", "über Ressortgrenzen hinweg", true, false, false},
		{"AcrossPlural", "across the city's 30 departments", true, false, false},
		{"AcrossTheCityIsAPlace", "events across the city", false, false, false},
		{"ClauseBoundary", "für alle. Ämter", false, false, false},
		{"WholeGenitive", "die Digitalisierung der Stadtverwaltung", false, true, false},
		{"WholeVon", "die digitale Transformation von Kreisverwaltung und Region", false, true, false},
		{"WholePossessive", "the county's digital strategy", false, true, false},
		{"WholeAdjective", "die städtische Digitalstrategie", false, true, false},
		{"AllDigitalMatters", "alle Digitalisierungsthemen", false, true, false},
		{"NoLinkNoScope", "Digitalisierung und Organisation", false, false, false},
		{"Unit", "Digitalisierung im Jugendamt", false, false, true},
		{"UnitOffice", "die digitale Bezahlfunktion im Bürgerbüro", false, false, true},
		{"UnitsPlural", "die Digitalisierungsprojekte der Fachbereiche", true, false, false},
		{"HeadsOffice", "Digitalisierung im Büro des Oberbürgermeisters", false, false, false},
		{"InnenstadtIsNoOrg", "Digitalisierung der Innenstadt", false, false, false},
		{"SubAdministrationIsUnit", "Digitalisierung der Personalverwaltung", false, false, true},
		{"CoreAdministrationIsWhole", "Digitalisierung der Kernverwaltung und der Kommunalverwaltung", false, true, false},
		{"AllSubAdministrations", "in allen Fachverwaltungen", true, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := readScope(foldClauses(tc.text))
			if got := sc.cross > 0; got != tc.cross {
				t.Errorf("cross = %v, want %v (%+v)", got, tc.cross, sc)
			}
			if got := sc.whole > 0; got != tc.whole {
				t.Errorf("whole = %v, want %v (%+v)", got, tc.whole, sc)
			}
			if got := sc.unit > 0; got != tc.unit {
				t.Errorf("unit = %v, want %v (%+v)", got, tc.unit, sc)
			}
		})
	}
}

func TestReadScopeSigns(t *testing.T) {
	for _, tc := range []struct {
		name, text          string
		lead, strat, helper bool
	}{
		{"Leitung", "Leitung des Teams, leitet die Stabsstelle", true, false, false},
		{"Begleitung", "Begleitung und Weiterleitung, Anleitung", false, false, false},
		{"DigitalStrategy", "die Digitalisierungsstrategie", false, true, false},
		{"SmartCityStrategy", "die Smart-City-Strategie", false, true, false},
		{"DataStrategy", "die Datenstrategie und die IT-Infrastrukturstrategie", false, false, false},
		{"SupportsLead", "unterstützt die Leitung der Stabsstelle", true, false, true},
		{"SupportsBusiness", "Unterstützung des Mittelstands", false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := readScope(foldClauses(tc.text))
			if got := sc.lead > 0; got != tc.lead {
				t.Errorf("lead = %v, want %v (%+v)", got, tc.lead, sc)
			}
			if got := sc.strat > 0; got != tc.strat {
				t.Errorf("strategy = %v, want %v (%+v)", got, tc.strat, sc)
			}
			if got := sc.helps > 0; got != tc.helper {
				t.Errorf("helper = %v, want %v (%+v)", got, tc.helper, sc)
			}
		})
	}
}

func TestIsElsewhere(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"die Digitalisierungsstrategie liegt bei der Stabsstelle des Oberbürgermeisters", true},
		{"die Digitalstrategie wird im Dezernat des Oberbürgermeisters gesteuert", true},
		{"für die Digitalstrategie ist die Stabsstelle beim Landrat zuständig", true},
		{"the digital strategy is owned by the Chief Digital Officer", true},
		{"die Federführung für die Digitalisierung liegt bei mir", false},
		{"die Digitalisierung der Verwaltung wird von mir gesteuert", false},
		{"der Stabsstelle Digitalisierung obliegt die Federführung für alle Digitalisierungsthemen", false},
		{"sie ist für die Digitalstrategie zuständig", false},
		{"die neue Stabsstelle wird von einem Chief Digital Officer geleitet", false},
	} {
		if got := isElsewhere(strings.Fields(cdoatlas.Fold(tc.text))); got != tc.want {
			t.Errorf("isElsewhere(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestPhraseIndex: the one-pass index finds exactly the phrases that
// strings.Contains finds.
func TestPhraseIndex(t *testing.T) {
	texts := []string{
		"Verantwortet die Digitalisierungsstrategie der gesamten Stadtverwaltung und steuert das OZG.",
		"IT-Support, Server, Clients; Social Media (Instagram), Schul-IT, E-Akte im Bauamt.",
		"Owns the city's digital strategy, reports to the mayor, works with utilities — £2m budget.",
		"Smart-City-Strategie mit Stadtwerken; Breitband, Glasfaser, Start-ups; Verwaltungsvorstand.",
		"Øresund, Москва, 東京 und ein ß", "", "|||", "it it it",
	}
	for _, set := range []string{"dev", "extra"} {
		ps, err := readProfiles("testdata/profiles_" + set + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			texts = append(texts, p.Tasks)
		}
	}
	for _, s := range texts {
		text := foldClauses(s)
		h := index.scan(text)
		for id, p := range index.phrase {
			if got, want := h.has(int32(id)), strings.Contains(text, p); got != want {
				t.Errorf("%q in %q: index %v, Contains %v", p, text, got, want)
			}
		}
	}
}

// FuzzCheck: Check never panics, answers one of its verdicts with a
// confidence in [0, 1], and gives reasons for every verdict.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"ämter-übergreifend", "alle", "gesamt", "-weit", "the city's", "digital of the",
		"Digitalisierung im Büro des", "leit", "strateg", "across", "über ... hinweg", "\xff\xfe", "s digital"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Check(s)
		switch r.Verdict {
		case "yes", "no", "unknown":
		default:
			t.Fatalf("Check(%q) verdict %q", s, r.Verdict)
		}
		if len(r.Reasons) == 0 || r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("Check(%q) = %+v", s, r)
		}
		Archetype(s)
		Gaps(s)
	})
}
