package classify

import (
	"encoding/json"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct{ name, tasks, want string }{
		{"Empty", "  ", cdoatlas.CheckUnknown},
		{"CrossGerman", "Sie verantworten die ämter- und fachbereichsübergreifende Digitalisierung und entwickeln die Digitalstrategie.", cdoatlas.CheckYes},
		{"WholeAdministration", "Gesamtverantwortung für die digitale Transformation der gesamten Stadtverwaltung; Beratung des Oberbürgermeisters; eigenes Budget.", cdoatlas.CheckYes},
		{"English", "Own the digital strategy and lead digital transformation across all departments; advise the mayor; work with municipal companies.", cdoatlas.CheckYes},
		{"Verwaltungsweit", "Verwaltungsweite Steuerung aller Digitalisierungsvorhaben, Einbindung der Stadtwerke und der Stadtgesellschaft.", cdoatlas.CheckYes},
		{"Implicit", "Leitung der Stabsstelle beim Landrat, Entwicklung und Fortschreibung der Digitalstrategie des Kreises, Koordination der Digitalisierungsvorhaben, Verwaltungsvorstand.", cdoatlas.CheckYes},
		{"SocialMediaOnly", "Betreuung der Social-Media-Kanäle (Instagram, Facebook) und der Website der Stadt, digitale Öffentlichkeitsarbeit.", cdoatlas.CheckNo},
		{"SchoolIT", "Digitalisierung der Schulen: Umsetzung des DigitalPakts, Medienentwicklungsplan, Betreuung der Schul-IT.", cdoatlas.CheckNo},
		{"ITOperations", "IT-Support, Betreuung der Server und Clients, Hardware-Beschaffung und Telefonie für alle Fachbereiche.", cdoatlas.CheckNo},
		{"SingleProject", "Mitarbeit im Projekt zur Einführung der E-Akte im Bauamt, Digitalisierung von Bauanträgen.", cdoatlas.CheckNo},
		{"NotDigital", "Leitung des Ordnungsamts, Personalführung, Gewerbeaufsicht.", cdoatlas.CheckNo},
		{"Helper", "Unterstützung der Stabsstelle Digitalisierung, Zuarbeit und Sachbearbeitung.", cdoatlas.CheckNo},
		{"DataProtection", "Datenschutz-Beratung, Pflege des Verarbeitungsverzeichnisses, DSGVO-Schulungen, Datenschutz-Folgenabschätzungen für digitale Verfahren.", cdoatlas.CheckNo},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Check(tc.tasks)
			if r.Verdict != tc.want {
				t.Errorf("Check = %s (%.2f %v), want %s", r.Verdict, r.Confidence, r.Reasons, tc.want)
			}
			if len(r.Reasons) == 0 {
				t.Error("no reasons")
			}
			if r.Confidence < 0 || r.Confidence > 1 {
				t.Errorf("confidence %v", r.Confidence)
			}
		})
	}
}

func TestArchetype(t *testing.T) {
	for _, tc := range []struct{ name, tasks, want string }{
		{"Empty", "", ""},
		{"Administration", "Umsetzung des OZG, Einführung der E-Akte, Prozessdigitalisierung in allen Ämtern.", "administration"},
		{"SmartCity", "Smart-City-Strategie, Aufbau einer urbanen Datenplattform mit den Stadtwerken, Mobilität.", "smart_city"},
		{"Economy", "Wirtschaftsförderung digital: Breitbandausbau, Start-up-Förderung, Digitalisierung des Einzelhandels in der Innenstadt.", "economy"},
		{"Mixed", "OZG-Umsetzung und E-Akte, Prozessmanagement; zugleich Smart City mit Stadtwerken und Mobilitätsdaten.", "mixed"},
		{"NoFocus", "Verantwortung für die Digitalisierung.", "administration"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Archetype(tc.tasks); got != tc.want {
				t.Errorf("Archetype = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestGaps(t *testing.T) {
	full := "Ämterübergreifende Verantwortung, Stabsstelle beim Oberbürgermeister, eigenes Budget, Erfahrung im Change Management, kommunikationsstark."
	if g := Gaps(full); len(g) != 0 {
		t.Errorf("Gaps(full) = %v, want none", g)
	}
	g := Gaps("Betreuung der IT-Verfahren im Bauamt.")
	want := []string{"gap.cross_departmental", "gap.head", "gap.budget", "gap.change_management", "gap.communication"}
	if len(g) != len(want) {
		t.Fatalf("Gaps = %v, want %v", g, want)
	}
	for i, r := range g {
		if r.Code != want[i] || r.DE == "" || r.EN == "" {
			t.Errorf("gap %d = %+v, want %s", i, r, want[i])
		}
	}
}

func TestClassify(t *testing.T) {
	out := Classify(Input{
		Title:     "Chief Digital Officer (m/w/d)",
		Tasks:     "Fachbereichsübergreifende Steuerung der Digitalisierung, Smart-City-Strategie mit den Stadtwerken, urbane Datenplattform.",
		Placement: "staff_unit_head",
	})
	if out.Role != cdoatlas.RoleCDO || out.CDOCheck != cdoatlas.CheckYes || out.Archetype != "smart_city" {
		t.Errorf("got %+v", out)
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"title", "role", "cdo_check", "archetype", "confidence", "reasons"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	if len(m) != 6 {
		t.Errorf("JSON has extra keys: %s", b)
	}
	if len(out.Explanations) != len(out.Reasons) || out.Explanations[0].DE == "" {
		t.Error("German reasons not kept")
	}

	noTasks := Classify(Input{Title: "Referentin Digitalisierung"})
	if noTasks.CDOCheck != cdoatlas.CheckUnknown || noTasks.Archetype != "" || noTasks.Role != cdoatlas.RoleOther {
		t.Errorf("got %+v", noTasks)
	}
}
