package classify

import (
	"encoding/json"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct{ name, tasks, want, reason string }{
		{"Empty", "  ", cdoatlas.CheckUnknown, "check.no_tasks"},
		{"CrossGerman", "Sie verantworten die ämter- und fachbereichsübergreifende Digitalisierung und entwickeln die Digitalstrategie.", cdoatlas.CheckYes, "check.essential"},
		{"WholeAdministration", "Gesamtverantwortung für die digitale Transformation der gesamten Stadtverwaltung; Beratung des Oberbürgermeisters; eigenes Budget.", cdoatlas.CheckYes, "check.essential"},
		{"English", "Own the digital strategy and lead digital transformation across all departments; advise the mayor; work with municipal companies.", cdoatlas.CheckYes, "check.essential"},
		{"Verwaltungsweit", "Verwaltungsweite Steuerung aller Digitalisierungsvorhaben, Einbindung der Stadtwerke und der Stadtgesellschaft.", cdoatlas.CheckYes, "check.essential"},
		{"Implicit", "Leitung der Stabsstelle beim Landrat, Entwicklung und Fortschreibung der Digitalstrategie des Kreises, Koordination der Digitalisierungsvorhaben, Verwaltungsvorstand.", cdoatlas.CheckYes, ""},

		// Cross-unit mandates built from any organisational noun.
		{"SuffixUebergreifend", "Verantwortet die dezernatsübergreifende Digitalisierung und die Digitalstrategie.", cdoatlas.CheckYes, "check.essential"},
		{"HyphenatedUebergreifend", "Steuert die Digitalisierung ämter-übergreifend und berichtet an den Bürgermeister.", cdoatlas.CheckYes, "check.essential"},
		{"SuffixWeit", "Koordiniert die stadtverwaltungsweite Digitalisierung und verantwortet das Budget.", cdoatlas.CheckYes, "check.essential"},
		{"Hausweit", "Treibt die Digitalisierung hausweit voran und berichtet der Landrätin.", cdoatlas.CheckYes, "check.essential"},
		{"AllAdjectiveUnit", "Steuert die Digitalisierungsvorhaben in allen städtischen Ämtern und berät den Oberbürgermeister.", cdoatlas.CheckYes, "check.essential"},
		{"SaemtlicheCompound", "Bündelt die Digitalisierung sämtlicher Magistratsabteilungen und entwickelt die Digitale Agenda.", cdoatlas.CheckYes, "check.essential"},
		{"JedesAmt", "Die Stabsstelle unterstützt jedes Amt bei der Digitalisierung seiner Prozesse und verwaltet das Digitalisierungsbudget.", cdoatlas.CheckYes, "check.essential"},
		{"GesamtesHaus", "Verantwortet die digitale Transformation im gesamten Landratsamt; Mitglied der Verwaltungsleitung.", cdoatlas.CheckYes, "check.essential"},
		{"Fachgrenzen", "Gestaltet über Fachgrenzen hinweg die Digitalisierung und berichtet an die Oberbürgermeisterin.", cdoatlas.CheckYes, "check.essential"},
		{"CoordinatesUnits", "Koordiniert die Departemente bei der Digitalisierung und erarbeitet die Digitalstrategie zuhanden des Regierungsrats.", cdoatlas.CheckYes, "check.essential"},
		{"GroupWide", "Leads group-wide digital transformation and reports to the CEO.", cdoatlas.CheckYes, "check.essential"},
		{"AcrossPossessive", "Coordinates digital delivery across the council's directorates; member of the senior leadership team.", cdoatlas.CheckYes, "check.essential"},

		// The digitalisation of the whole organisation, not stated as
		// "across departments".
		{"StrategyOfTheCity", "Verantwortet die Digitalstrategie der Stadt und berichtet direkt an den Oberbürgermeister.", cdoatlas.CheckYes, "check.whole_organisation"},
		{"CitysStrategy", "Owns the city's digital strategy and reports to the mayor.", cdoatlas.CheckYes, "check.whole_organisation"},
		{"HauptamtOwnsStrategy", "Leiter des Hauptamts: verantwortet die Digitalisierung der Gemeindeverwaltung und die Digitalstrategie, berät den Bürgermeister.", cdoatlas.CheckYes, "check.whole_organisation"},
		{"HeadsOfficeIsNoUnit", "Leitet die Digitalisierung im Büro des Oberbürgermeisters und verantwortet die Digitalstrategie der Stadt.", cdoatlas.CheckYes, "check.whole_organisation"},
		{"AdOpeningIsNoTask", "Die Stadt Musterhausen (ca. 85.000 Einwohner) sucht eine Leitung Digitalisierung. Sie verantworten die Digitalisierung der Stadtverwaltung und die Digitalstrategie.", cdoatlas.CheckNo, "check.no_cross"},
		{"KeywordList", "Digitalstrategie der Stadt | Stadtwerke | Verwaltungsvorstand | Budget", cdoatlas.CheckYes, "check.whole_organisation"},

		// Narrow jobs, also when they serve everyone.
		{"SocialMediaOnly", "Betreuung der Social-Media-Kanäle (Instagram, Facebook) und der Website der Stadt, digitale Öffentlichkeitsarbeit.", cdoatlas.CheckNo, ""},
		{"SchoolIT", "Digitalisierung der Schulen: Umsetzung des DigitalPakts, Medienentwicklungsplan, Betreuung der Schul-IT.", cdoatlas.CheckNo, ""},
		{"ITOperations", "IT-Support, Betreuung der Server und Clients, Hardware-Beschaffung und Telefonie für alle Fachbereiche.", cdoatlas.CheckNo, ""},
		{"ServiceDeskForAll", "IT-Servicedesk für alle Ämter: Annahme von Störungen, Installation von Software, Betreuung der Arbeitsplatzrechner.", cdoatlas.CheckNo, "check.cross_but_narrow"},
		{"SecurityForAll", "Informationssicherheitsbeauftragter der gesamten Stadtverwaltung: ISMS, BSI-Grundschutz, Notfallmanagement.", cdoatlas.CheckNo, ""},
		{"GISForAll", "Betreut das verwaltungsweite Geoinformationssystem und die Geodaten aller Fachämter.", cdoatlas.CheckNo, ""},
		{"OneSystemForAll", "Projektleitung E-Akte: Einführung der E-Akte in allen Ämtern nach einheitlichem Rollout-Plan.", cdoatlas.CheckNo, "check.cross_but_narrow"},
		{"DataForAll", "Leitet das Open-Data-Team und veröffentlicht Datensätze aller Ämter.", cdoatlas.CheckNo, "check.cross_not_digital"},
		{"DataStrategy", "Verantwortet die Datenstrategie der Stadt und das Open-Data-Portal.", cdoatlas.CheckNo, ""},
		{"SingleUnit", "Verantwortet die Digitalisierung im Jugendamt und berichtet an die Amtsleitung.", cdoatlas.CheckNo, "check.single_unit"},
		{"SingleDepartmentEN", "Leads the digital transformation of the customer service department: new portal and chatbot.", cdoatlas.CheckNo, "check.single_unit"},
		{"SingleProject", "Mitarbeit im Projekt zur Einführung der E-Akte im Bauamt, Digitalisierung von Bauanträgen.", cdoatlas.CheckNo, ""},
		{"NotDigital", "Leitung des Ordnungsamts, Personalführung, Gewerbeaufsicht.", cdoatlas.CheckNo, "check.not_digital"},
		{"Helper", "Unterstützung der Stabsstelle Digitalisierung, Zuarbeit und Sachbearbeitung.", cdoatlas.CheckNo, "check.support_only"},
		{"HelperCoordinating", "Referentin des CDO: Koordination der Digitalisierungsprojekte aller Dezernate, Zuarbeit zur Digitalstrategie.", cdoatlas.CheckNo, "check.support_only"},
		{"BegleitungIsNoLead", "Mitarbeit im Team Digitale Verwaltung: Begleitung von Digitalisierungsprojekten in allen Ämtern.", cdoatlas.CheckNo, "check.support_only"},
		{"SupportingBusinessIsNoHelper", "Koordiniert die Digitalisierungsstrategie des Kreises über alle Fachbereiche, vor allem Breitband und die Unterstützung des Mittelstands; berät den Landrat.", cdoatlas.CheckYes, "check.essential"},
		{"StrategyElsewhere", "Verantwortet Rechenzentrum und Netzwerk für alle Ämter; die Digitalisierungsstrategie liegt bei der Stabsstelle des Oberbürgermeisters.", cdoatlas.CheckNo, "check.strategy_elsewhere"},
		{"StrategyElsewherePassive", "Leitet die Abteilung IT und Organisation. Die Digitalstrategie der Stadt wird vom Chief Digital Officer verantwortet, der an die Oberbürgermeisterin berichtet.", cdoatlas.CheckNo, "check.strategy_elsewhere"},
		{"StrategyWithMe", "Als Leiter des Hauptamts: Die Digitalstrategie der Gemeinde liegt bei mir; ich berate den Bürgermeister.", cdoatlas.CheckYes, "check.whole_organisation"},
		{"DataProtection", "Datenschutz-Beratung, Pflege des Verarbeitungsverzeichnisses, DSGVO-Schulungen, Datenschutz-Folgenabschätzungen für digitale Verfahren.", cdoatlas.CheckNo, "check.data_protection"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Check(tc.tasks)
			if r.Verdict != tc.want {
				t.Errorf("Check = %s (%.2f %v), want %s", r.Verdict, r.Confidence, r.Reasons, tc.want)
			}
			if len(r.Reasons) == 0 {
				t.Fatal("no reasons")
			}
			if tc.reason != "" && r.Reasons[0].Code != tc.reason {
				t.Errorf("first reason %s, want %s", r.Reasons[0].Code, tc.reason)
			}
			for _, rs := range r.Reasons {
				if rs.DE == "" || rs.EN == "" {
					t.Errorf("reason %s lacks a text: %+v", rs.Code, rs)
				}
			}
			if r.Confidence < 0 || r.Confidence > 1 {
				t.Errorf("confidence %v", r.Confidence)
			}
		})
	}
}

func TestCheckAdOpeningIsNoCommunity(t *testing.T) {
	r := Check("Die Stadt Musterhausen (ca. 85.000 Einwohner) sucht eine Leitung Digitalisierung.")
	for _, rs := range r.Reasons {
		if rs.Code == "check.community" {
			t.Errorf("reasons %v take the ad's opening for work with the community", r.Reasons)
		}
	}
	r = Check("Die Stadt Musterhausen sucht eine Leitung, die die Digitalstrategie mit der Stadtgesellschaft entwickelt.")
	found := false
	for _, rs := range r.Reasons {
		found = found || rs.Code == "check.community"
	}
	if !found {
		t.Errorf("reasons %v lose the task that follows the opening", r.Reasons)
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
		{"OneMentionIsNoFocus", "Verantwortet die Digitalisierung der Verwaltung und stimmt sich mit den Stadtwerken ab.", "administration"},
		{"MixedUnequal", "E-Government, OZG, E-Akte und Prozessmanagement; dazu Breitbandausbau und Wirtschaftsförderung.", "mixed"},
		{"MixedThreeFoci", "Digitalstrategie für Verwaltung (E-Government), Wirtschaft und Stadtgesellschaft.", "mixed"},
		{"EconomyNotUtility", "Breitbandversorgung der Randregionen, Innovationsparks und Förderprogramme für KMU.", "economy"},
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

func BenchmarkCheck(b *testing.B) {
	tasks := []string{
		"Verantwortet die Digitalisierungsstrategie der gesamten Stadtverwaltung und steuert die Umsetzung des Onlinezugangsgesetzes (OZG) über alle Fachbereiche hinweg. Berichtet direkt an den Oberbürgermeister und verfügt über ein eigenes Digitalisierungsbudget.",
		"Betreut die Social-Media-Kanäle der Stadt (Instagram, Facebook, LinkedIn) und erstellt Content für die städtische Website.",
		"Owns the e-government roadmap for the whole city administration and coordinates all departments in moving services online. Reports directly to the mayor and manages a dedicated transformation budget.",
		"IT-Support, Betreuung der Server und Clients, Hardware-Beschaffung und Telefonie für alle Fachbereiche.",
		"Leitung des Ordnungsamts, Personalführung, Gewerbeaufsicht.",
		"Koordiniert die Digitalisierung der Stadtverwaltung und der städtischen Beteiligungen mit Fokus auf vernetzte Mobilität, smarte Straßenbeleuchtung und ein digitales Stadtquartier. Berät den Bürgermeister und leitet den Digitalbeirat mit Bürgerinnen und Bürgern.",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r := Check(tasks[i%len(tasks)])
		if r.Verdict == cdoatlas.CheckYes {
			Archetype(tasks[i%len(tasks)])
		}
	}
}
