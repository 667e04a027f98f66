package classify

import (
	"slices"

	"github.com/cdoatlas/cdoatlas"
)

// phrases folds task phrases like the task text and registers them in
// the index; a leading or trailing space asks for a word boundary.
func phrases(ps ...string) phraseGroup {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		f := cdoatlas.Fold(p)
		if p[0] == ' ' {
			f = " " + f
		}
		if p[len(p)-1] == ' ' {
			f += " "
		}
		if !slices.Contains(out, f) {
			out = append(out, f) // "smart-city" and "smart city" fold alike
		}
	}
	return index.group(out)
}

var (
	pDigital = phrases("digital", "e-government", "egovernment", "ozg", "onlinezugang", " it ",
		"informationstechn", "e-akte", "eakte", "elektronische akte", "transformation",
		"smart city", "smart region", "innovation", "daten", " data", "informatik", " ikt ", "software",
		"online", "automatisierung", " ki ", "künstliche intelligenz", " ai ", "smart")
	// Words of digitalisation besides those read in scope.go.
	pTopic = phrases("e-government", "egovernment", " ozg", "onlinezugang", "smart", "innovation",
		"e-akte", "elektronische akte")
	// Cross-unit mandates the word rules in scope.go do not read.
	pCross = phrases("querschnitt", "konzern stadt", "kernverwaltung", "whole of government",
		"whole-of-government")
	// Strategy words are also read in scope.go ("Digitalstrategie", not
	// "Datenstrategie").
	pStrategy = phrases("digitale agenda", "digitalen agenda", "digitalagenda",
		"digital agenda", "roadmap", "masterplan", "leitbild")
	pCoord = phrases("koordin", "coordinat", "steuerung", " steuern", " steuert", "gesteuert",
		"governance", "portfolio", "vernetz", "schnittstelle", "orchestr", "programmmanagement",
		"lenkung", "steering", "bündel", "align", "priorisier", "prioritis", "prioritiz",
		"interkommunal", "kreisangehörig", "moderier", "moderat")
	pCompanies = phrases("stadtwerke", " beteiligungen", "beteiligungsgesellschaft",
		"beteiligungsunternehmen", "städtischen gesellschaften", "städtischen unternehmen",
		"städtischen töchter", "tochtergesellschaft", "tochterunternehmen", "eigenbetrieb",
		"kommunale unternehmen", "kommunalen unternehmen", "konzern stadt", "municipal companies",
		"municipal enterprises", "utilities", "verkehrsbetriebe", "wohnungsbaugesellschaft",
		"kommunale gesellschaften", "kommunalen gesellschaften", "versorger", "holding",
		"municipal group", "verkehrsgesellschaft", "eigenbetriebe", "industriellen werke")
	pCommunity = phrases("stadtgesellschaft", "zivilgesellschaft", "bürgerschaft", " bürger ",
		" bürgerinnen", "einwohner", "citizen", "community", "civil society", "stakeholder",
		"akteur", "verein", "hochschul", "universit", "wissenschaft", "kreisgesellschaft",
		"local partners", "lokale partner", "regionale partner", "residents",
		"bürgerbeteiligung", "participation", " kammer", "handelskammer", "handwerkskammer", " ihk ",
		" kommunen")
	pHead = phrases("oberbürgermeister", "bürgermeister", " landrat ", " landrates ", " landrats ",
		" landrätin", "verwaltungsvorstand", "behördenleitung", "verwaltungsspitze", "verwaltungsleitung", "hauptverwaltungsbeamt",
		"stadtpräsident", "gemeindepräsident", "stadtdirektor", "kreisdirektor", "magistratsdirektor",
		"stadtamtsdirektor", "bezirkshauptmann", "gemeindeschreiber", "stadtschreiber", " mayor",
		"head of administration", "chief executive", "city manager", "stabsstelle",
		"direkt unterstellt", "unmittelbar unterstellt", "reports to", "reporting to",
		"direct report", "staff unit", "regierungsrat", "stadtrat", "gemeinderat", "kreistag",
		"kreisausschuss", "staatskanzlei", "state chancellery", "staatsschreiber", "landesamtsdirektor",
		"beim ob ", "dem ob ", "den ob ", " ceo ", "county manager", "municipal secretary",
		"city council")
	pBudget = phrases("budget", "haushaltsmittel", "eigene mittel", "eigenen mitteln", "finanzmittel",
		" etat", "finanzverantwortung", "ressourcenverantwortung", "sachmittel", "mittelbewirtschaftung")
	pBoard = phrases("verwaltungsvorstand", "vorstand", " board", "dezernentenkonferenz",
		"verwaltungskonferenz", "geschäftsleitung", "leitungsrunde", "leitungskonferenz",
		"führungskreis", "executive team", "leadership team", "senior leadership", "direct access",
		"direkten zugang", "direkter zugang", "verwaltungsspitze", "executive committee",
		"geschäftsführung", "corporate leadership", "verwaltungsleitung", "leiterkonferenz",
		"leiterrunde")
	// Verbs of leading; "Einführung", "durchführen" and "betreibt" are not.
	// "leiten", "Leitung" and their compounds are read in scope.go
	// ("Begleitung" and "weiterleiten" are no lead).
	pLead = phrases("verantwort", " lead", "responsib", " führung", "beauftragt", "personalführung",
		"mitarbeiterführung", " führen", " führt", "steuerung", "steuern", " steuert", "federführ",
		"gestalt", "entwickl", "entwickel", "develop", " own ", " owns", " treib", "vorantreib", "drive",
		"driving", "runs the", " run the", "sets the", " set the", "koordin", "coordinat", "zuständig",
		"accountable", "bündel", "chair", "vorsitz", "owner")
	pOps = phrases("it-betrieb", "it betrieb", "betrieb der it", "betrieb und wartung", "betrieb des",
		"betrieb der", "betrieb von", "informatikbetrieb", "rechenzentrum", " it-infrastruktur",
		" it infrastructure", "infrastruktur der it", "helpdesk", "service desk", "servicedesk",
		" it service", "first level", "first-level", "second level", "2nd level", "1st level",
		"it-support", "user support", "technischer support", "technical support", "anwendersupport",
		"support für", "server", "netzwerkadministration", "netzwerktechnik", "clients", "hardware",
		"endgerät", "drucker", "telefonie", "installation", "wartung", "patch", "backup",
		"active directory", "anwenderbetreuung", "benutzerbetreuung", "anwendungsbetreuung",
		"fachverfahrensbetreuung", "betreuung der fachverfahren", "betreuung der it", "störung",
		"troubleshooting", "it operations", "administration der", "administration von",
		"administrieren", "lizenz", "licence", "license", "arbeitsplatzrechner", "uptime")
	pSecurity = phrases("informationssicherheit", "it-sicherheit", "sicherheit der it", "cyber",
		"security", "isms", "grundschutz", "incident", "notfallmanagement")
	pGIS = phrases(" gis ", "geoinformation", "geodaten", "geoportal", "vermessung", "kataster",
		"stadtmodell", " karten")
	pSocial = phrases("social media", "social-media", "instagram", "facebook", "linkedin", "tiktok",
		"redaktion", "website", "internetauftritt", "homepage", "newsletter", "pressearbeit",
		"öffentlichkeitsarbeit", "content", " marketing", "kampagne", "campaign", " seo ",
		"social channel", "sozialen netzwerk", "soziale netzwerk", "online-auftritt", "app store")
	pSchool = phrases(" schule", " schul ", "schulträger", "schulverwalt", "grundschul",
		"berufsschul", "schulleitung", "medienentwicklungsplan", "digitalpakt", "lehrkräfte", "lehrer",
		"unterricht", "kita", "schüler")
	pProject = phrases("im projekt", "projektmitarbeit", "mitarbeit im projekt", "teilprojekt",
		"einzelprojekt", "für das projekt", "des projekts", "des projektes", "projektlaufzeit",
		"förderprojekt", "in the project", "for the project", "single project", "projektleitung",
		"projektleiter", "project lead", "project manager", "rollout", "roll-out", "pilotprojekt",
		"product owner", "backlog", "einführung von", "einführung der", "einführung des",
		"einführung eines", "einführung einer", "implementation of", "introduction of")
	// Helper work; supporting a person is read in scope.go.
	pHelper = phrases("zuarbeit", "assistenz", "sachbearbeitung", "sachbearbeiter", "mitarbeit ",
		"projektmitarbeit", "unterstützung bei", " referent", "des cdo", "der cdo", "of the cdo",
		"to the cdo", "stellvertret", "werkstudent", "praktikant", "trainee", "mitwirkung")
	pPrivacy = phrases("datenschutz", "dsgvo", "data protection", "gdpr", "verarbeitungsverzeichnis",
		"datenschutz-folgenabschätzung")

	pAdmin = phrases(" ozg", "onlinezugang", "e-government", "egovernment", "e-akte", "eakte",
		"elektronische akte", "elektronischen akt", "elektronischer akt", "aktenführung", "prozess",
		"process", "verwaltungsdigitalisierung", "verwaltungsmodernisierung", "dokumentenmanagement",
		" dms", "digitale verwaltung", "digitalen verwaltung", "bürgerservice", "bürgerdienst",
		"verwaltungsleistung", "online-dienst", "onlinedienst", "serviceportal", "service-portal",
		"e-rechnung", "workflow", "fachverfahren", "online services", "e-services", "register",
		"once only", "bürgerportal", "antrag", "papierlos", "paperless", "case management",
		"automatisierung", "automation", "e-id ")
	pSmart = phrases(" smart", "stadtwerke", "utilities", "versorger", "energieversorg",
		"daseinsvorsorge", "energie", "energy", "mobilität", "mobility", " verkehr", "datenplattform",
		"data platform", "datenraum", "data space", "data ecosystem", "datenökosystem", "open data",
		"stadtgesellschaft", "sensor", " iot", "lorawan", "digitaler zwilling", "digitalen zwilling",
		"digital twin", "quartier", "klima", "climate", " dorf", "mitfahr", "ehrenamt", "verein",
		"beteiligung", "participation", "parken", "parkraum", "parking", "beleuchtung", "lighting")
	pEconomy = phrases("wirtschaft", "breitband", "glasfaser", "gigabit", "start-up", "startup",
		"start up", "gründer", "gründung", "einzelhandel", " handel", "händler", "innenstadt",
		"standort", "gewerbe", "mittelstand", " kmu", "coworking", "co-working", "ansiedlung",
		"innovationspark", "gastronomie", "econom", "retail", "broadband", "business", "tourismus",
		"unternehmen vor ort", "unternehmen der region", "fachkräfte", " ihk ", " kammer", " hub")

	// Names of a focus weigh double: "Smart City", "E-Government",
	// "Wirtschaftsförderung".
	pAdminName = phrases("e-government", "egovernment", "verwaltungsdigitalisierung",
		"digitale verwaltung", "digitalen verwaltung", "verwaltungsmodernisierung")
	pSmartName = phrases("smart city", "smart region", "smarte region", "smart village", "smarte stadt",
		"smarte städte", "smart cities")
	pEconomyName = phrases("wirtschaftsförderung", "digitale wirtschaft", "digitalen wirtschaft",
		"economic development", "digital economy")

	pChange = phrases("change management", "change-management", "changemanagement",
		"veränderungsmanagement", "veränderungsprozess", "veränderungsprozesse", "kulturwandel",
		"organisationsentwicklung", "transformationserfahrung", "change manag", "leading change",
		"transformationsprozesse", "transformationsprozess")
	pCommunication = phrases("kommunikationsstark", "kommunikationsfähig", "kommunikationskompetenz",
		"kommunikationsgeschick", "kommunikative", "kommunikativ", "kommunikationsstärke",
		"communication skill", "communicator", "communicative", "strong communication",
		"excellent communication", "überzeugungskraft", "verhandlungsgeschick", "moderationsfähig",
		"moderationskompetenz")
)

// Reasons for Check and Gaps.
var (
	rNoTasks        = Reason{"check.no_tasks", "Keine Aufgaben angegeben", "no tasks given"}
	rEssential      = Reason{"check.essential", "Verantwortung für die Digitalisierung über Ämter hinweg", "responsible for digitalisation across departments"}
	rImplicitCross  = Reason{"check.implicit_cross", "Übergreifende Verantwortung nicht wörtlich, aber aus Strategie, Koordination und Nähe zur Verwaltungsspitze erkennbar", "cross-departmental responsibility not stated, but implied by strategy, coordination and closeness to the head of administration"}
	rCross          = Reason{"check.cross_departmental", "Ämter-/fachbereichsübergreifend", "across departments"}
	rStrategy       = Reason{"check.strategy", "Digitalstrategie oder -agenda", "digital strategy or agenda"}
	rCoord          = Reason{"check.coordination", "Koordination und Steuerung", "coordination and steering"}
	rCompanies      = Reason{"check.companies", "Einbindung städtischer Gesellschaften (Stadtwerke, Beteiligungen)", "involves municipal companies (utilities, holdings)"}
	rCommunity      = Reason{"check.community", "Zusammenarbeit mit der Stadtgesellschaft", "works with the local community"}
	rHead           = Reason{"check.head", "Berät oder berichtet an die Verwaltungsspitze", "advises or reports to the head of administration"}
	rBudget         = Reason{"check.budget", "Eigenes Budget", "own budget"}
	rBoard          = Reason{"check.board", "Zugang zum Verwaltungsvorstand", "access to the executive board"}
	rNotDigital     = Reason{"check.not_digital", "Aufgaben betreffen keine Digitalisierung", "tasks are not about digitalisation"}
	rSupportOnly    = Reason{"check.support_only", "Nur unterstützende Aufgaben, keine Verantwortung", "supporting tasks only, no responsibility"}
	rPrivacyTasks   = Reason{"check.data_protection", "Aufgaben des Datenschutzes", "data-protection tasks"}
	rCrossButNarrow = Reason{"check.cross_but_narrow", "Übergreifend, aber nur Betrieb oder ein Fachthema", "across departments, but operations or a single subject only"}
	rWholeOrg       = Reason{"check.whole_organisation", "Verantwortet die Digitalisierung oder Digitalstrategie der ganzen Organisation (Stadt, Kreis, Verwaltung)", "responsible for the digitalisation or digital strategy of the whole organisation (city, county, administration)"}
	rSingleUnit     = Reason{"check.single_unit", "Digitalisierung nur einer Organisationseinheit (z. B. Jugendamt, Bauamt)", "digitalisation of a single unit only (e.g. youth office, building authority)"}
	rElsewhere      = Reason{"check.strategy_elsewhere", "Digitalstrategie oder Digitalisierung liegt bei einer anderen Stelle", "the digital strategy or digitalisation lies with another post"}
	rSecurityTasks  = Reason{"check.security", "Informations- oder IT-Sicherheit", "information or IT security"}
	rGISTasks       = Reason{"check.gis", "Geoinformation (GIS)", "geographic information (GIS)"}
	rCrossNoLead    = Reason{"check.cross_not_digital", "Übergreifend, aber keine Verantwortung für die Digitalisierung erkennbar", "across departments, but no responsibility for digitalisation shown"}
	rNoCross        = Reason{"check.no_cross", "Keine Verantwortung für die Digitalisierung über Ämter hinweg", "no responsibility for digitalisation across departments"}
	rOps            = Reason{"check.it_operations", "IT-Betrieb und Support", "IT operations and support"}
	rSocial         = Reason{"check.social_media", "Social Media, Web oder Öffentlichkeitsarbeit", "social media, web or public relations"}
	rSchool         = Reason{"check.school", "Schul-IT oder Bildung", "school IT or education"}
	rProjectTasks   = Reason{"check.single_project", "Ein einzelnes Projekt", "a single project"}
	rHelperTasks    = Reason{"check.supporting", "Unterstützende Tätigkeit", "supporting work"}

	gCross         = Reason{"gap.cross_departmental", "Kein ämterübergreifendes Mandat", "no cross-departmental mandate"}
	gHead          = Reason{"gap.head", "Keine Anbindung an die Verwaltungsspitze (Stabsstelle, Verwaltungsvorstand)", "no place near the head of administration (staff unit, executive board)"}
	gBudget        = Reason{"gap.budget", "Kein eigenes Budget", "no own budget"}
	gChange        = Reason{"gap.change_management", "Erfahrung im Veränderungsmanagement nicht verlangt", "change-management experience not asked for"}
	gCommunication = Reason{"gap.communication", "Kommunikationsstärke nicht verlangt", "communication skills not asked for"}
)
