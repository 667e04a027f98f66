package censusgen

import (
	"math/rand/v2"
	"strings"
)

// gendered is a title in its female and male form; a neutral title has
// the same text in both.
type gendered struct{ f, m string }

func (g gendered) For(gender string, rng *rand.Rand) string {
	switch gender {
	case "f":
		return g.f
	case "m":
		return g.m
	}
	// Diverse people write one of the forms or a gender-neutral one.
	if n := g.neutral(); n != g.f && rng.IntN(3) == 0 {
		return n
	}
	if rng.IntN(2) == 0 {
		return g.f
	}
	return g.m
}

// neutral is the colon form of the first word ("Leiter:in",
// "Beauftragte:r"), or the female form when there is none.
func (g gendered) neutral() string {
	f, rest, _ := strings.Cut(g.f, " ")
	m, _, _ := strings.Cut(g.m, " ")
	switch {
	case f == m+"in":
		f = m + ":in"
	case m == f+"r":
		f += ":r"
	default:
		return g.f
	}
	if rest == "" {
		return f
	}
	return f + " " + rest
}

func both(s string) gendered { return gendered{s, s} }

// The titles of tracked people say their role unambiguously under the role
// rules of classify/testdata/README.md. An org's base name is put where a
// title names the organization ("… der Stadt %s").

// cdoTitles name the organization-wide digital role.
var cdoTitles = []gendered{
	both("Chief Digital Officer"),
	both("CDO"),
	both("Chief Digital Officer (CDO)"),
	{"Leiterin Stabsstelle Digitalisierung", "Leiter Stabsstelle Digitalisierung"},
	{"Beauftragte für Digitalisierung", "Beauftragter für Digitalisierung"},
	{"Digitalisierungsbeauftragte", "Digitalisierungsbeauftragter"},
	both("Head of Digital Transformation"),
	{"Leiterin Stabsstelle Digitale Verwaltung", "Leiter Stabsstelle Digitale Verwaltung"},
	{"Dezernentin für Digitalisierung", "Dezernent für Digitalisierung"},
	{"Beigeordnete für Digitalisierung", "Beigeordneter für Digitalisierung"},
	both("Chief Digital and Innovation Officer"),
	{"Amtsleiterin Digitalisierung und IT", "Amtsleiter Digitalisierung und IT"},
}

// cdoTitleOfOrg names the organization in the title, as press releases do.
var cdoTitleOfOrg = gendered{"Digitalisierungsbeauftragte", "Digitalisierungsbeauftragter"}

// cdoTitleCH is the Swiss form.
var cdoTitleCH = gendered{"Delegierte für Digitalisierung", "Delegierter für Digitalisierung"}

// promotedCIOTitle is the combined post a CIO who becomes CDO holds; the
// digital role wins.
var promotedCIOTitle = both("CIO & CDO")

// otherRoleTitles are the digital-leadership roles that are not CDO.
var otherRoleTitles = map[string][]gendered{
	"cio": {
		both("Chief Information Officer"), both("CIO"),
		{"IT-Leiterin", "IT-Leiter"},
		{"Leiterin Amt für Informationstechnik", "Leiter Amt für Informationstechnik"},
	},
	"cto": {both("Chief Technology Officer"), both("CTO"), both("Head of Technology")},
	"chief_data_officer": {
		both("Chief Data Officer"), both("CDO (Chief Data Officer)"), both("Head of Data"),
		{"Datenbeauftragte", "Datenbeauftragter"},
	},
	"innovation": {
		both("Chief Innovation Officer"),
		{"Innovationsmanagerin", "Innovationsmanager"},
		{"Innovationsbeauftragte", "Innovationsbeauftragter"},
	},
	"smart_city": {
		{"Smart City Managerin", "Smart City Manager"},
		both("Programmleitung Smart City"), both("Head of Smart City"),
		{"Smart-City-Beauftragte", "Smart-City-Beauftragter"},
	},
}

// otherRoles are the keys of otherRoleTitles in a fixed order, with weights.
var otherRoles = []struct {
	role   string
	weight int
}{{"cio", 30}, {"cto", 15}, {"chief_data_officer", 20}, {"innovation", 20}, {"smart_city", 15}}

// exCompanyTitles are what former CDOs do at a company.
var exCompanyTitles = []gendered{
	{"Beraterin Digitalisierung", "Berater Digitalisierung"},
	both("Senior Manager Public Sector"),
	{"Geschäftsführerin", "Geschäftsführer"},
	{"Partnerin Public Sector", "Partner Public Sector"},
}

// exOrgTitles are what former CDOs do in an administration.
var exOrgTitles = []gendered{
	{"Leiterin Hauptamt", "Leiter Hauptamt"},
	{"Referentin Digitalisierung", "Referent Digitalisierung"},
	{"Fachbereichsleiterin Bürgerservice", "Fachbereichsleiter Bürgerservice"},
	{"Dozentin für Verwaltungsinformatik", "Dozent für Verwaltungsinformatik"},
}

// fillerTitles are ordinary jobs in an administration (role other).
var fillerTitles = []gendered{
	{"Sachbearbeiterin Bauamt", "Sachbearbeiter Bauamt"},
	{"Leiterin Kämmerei", "Leiter Kämmerei"},
	{"Erzieherin", "Erzieher"},
	{"Projektmanagerin", "Projektmanager"},
	{"Referentin Digitalisierung", "Referent Digitalisierung"},
	{"Verwaltungsfachangestellte", "Verwaltungsfachangestellter"},
	{"Sachbearbeiterin Bürgerbüro", "Sachbearbeiter Bürgerbüro"},
	{"Mitarbeiterin Ordnungsamt", "Mitarbeiter Ordnungsamt"},
	{"Leiterin Personalamt", "Leiter Personalamt"},
	{"Stadtplanerin", "Stadtplaner"},
	{"Bauingenieurin Tiefbauamt", "Bauingenieur Tiefbauamt"},
	{"Bibliothekarin", "Bibliothekar"},
	{"Pressesprecherin", "Pressesprecher"},
	{"Standesbeamtin", "Standesbeamter"},
	{"Teamleiterin Bürgerservice", "Teamleiter Bürgerservice"},
	{"Kämmerin", "Kämmerer"},
	{"Amtsleiterin Ordnungsamt", "Amtsleiter Ordnungsamt"},
	{"Systemadministratorin", "Systemadministrator"},
	{"Werkstudentin", "Werkstudent"},
	{"Auszubildende Verwaltungsfachangestellte", "Auszubildender Verwaltungsfachangestellter"},
	{"Digitallotsin", "Digitallotse"},
	{"Mitarbeiterin Stabsstelle Digitalisierung", "Mitarbeiter Stabsstelle Digitalisierung"},
	{"Datenschutzbeauftragte", "Datenschutzbeauftragter"},
	{"Sachgebietsleiterin Schulverwaltung", "Sachgebietsleiter Schulverwaltung"},
	{"Hausmeisterin", "Hausmeister"},
	{"Sozialarbeiterin", "Sozialarbeiter"},
	{"Klimaschutzmanagerin", "Klimaschutzmanager"},
	{"Leiterin Hauptamt", "Leiter Hauptamt"},
	{"Controllerin", "Controller"},
	{"Sachbearbeiterin Elterngeld", "Sachbearbeiter Elterngeld"},
	{"Fachinformatikerin Systemintegration", "Fachinformatiker Systemintegration"},
	{"Personalreferentin", "Personalreferent"},
	{"Stadtarchivarin", "Stadtarchivar"},
	{"Mitarbeiterin Jugendamt", "Mitarbeiter Jugendamt"},
	{"Verkehrsplanerin", "Verkehrsplaner"},
	{"Sachbearbeiterin Wohngeld", "Sachbearbeiter Wohngeld"},
	{"Projektleiterin E-Akte", "Projektleiter E-Akte"},
	{"Brandmeisterin", "Brandmeister"},
	{"Gleichstellungsbeauftragte", "Gleichstellungsbeauftragter"},
	{"Wirtschaftsförderin", "Wirtschaftsförderer"},
	both("Project Manager"),
	both("Office Manager"),
}

// fillerCompanyTitles are jobs at companies near the public sector.
var fillerCompanyTitles = []gendered{
	{"Softwareentwicklerin", "Softwareentwickler"},
	{"Vertriebsleiterin Öffentlicher Sektor", "Vertriebsleiter Öffentlicher Sektor"},
	both("Key Account Manager Public Sector"),
	{"Beraterin", "Berater"},
	both("Software Engineer"),
	both("HR Business Partner"),
}

// Tasks as people describe them in self-registrations and surveys.
var (
	cdoTasks = []string{
		"Verantwortung für die Digitalisierungsstrategie der gesamten Verwaltung; Koordination aller Fachbereiche; berichtet an den Oberbürgermeister",
		"Steuerung der Digitalen Agenda über alle Dezernate, gemeinsam mit den Stadtwerken und der Stadtgesellschaft; eigenes Budget",
		"Leitung der Stabsstelle Digitalisierung, OZG-Umsetzung in allen Ämtern, Mitglied im Verwaltungsvorstand",
		"Smart-City-Strategie und Verwaltungsdigitalisierung für die gesamte Stadt, Beratung der Verwaltungsspitze",
	}
	otherTasks = map[string]string{
		"cio":                "Betrieb und Weiterentwicklung der IT-Infrastruktur, Leitung des IT-Amts",
		"cto":                "Technische Architektur und Plattformbetrieb",
		"chief_data_officer": "Datenstrategie, Open-Data-Portal und Datenmanagement",
		"innovation":         "Innovationslabor, Ideenmanagement und Pilotprojekte",
		"smart_city":         "Programmleitung Modellprojekt Smart Cities",
		"other":              "",
	}
	exTasks = "Beratung von Kommunen zu Digitalisierung und Organisation"
)
