package classify

import "github.com/cdoatlas/cdoatlas"

// phrases folds task phrases like the task text; a leading or trailing
// space asks for a word boundary.
func phrases(ps ...string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		f := cdoatlas.Fold(p)
		if p[0] == ' ' {
			f = " " + f
		}
		if p[len(p)-1] == ' ' {
			f += " "
		}
		out[i] = f
	}
	return out
}

var (
	pDigital = phrases("digital", "e-government", "egovernment", "ozg", "onlinezugang", " it ",
		"informationstechn", "e-akte", "eakte", "elektronische akte", "transformation",
		"smart city", "smart region", "innovation", "daten", " data", "informatik", " ikt ", "software",
		"online", "automatisierung", " ki ", "künstliche intelligenz", " ai ")
	pCross = phrases("ämterübergreifend", "amtsübergreifend", "fachbereichsübergreifend",
		"bereichsübergreifend", "dezernatsübergreifend", "ressortübergreifend",
		"abteilungsübergreifend", "organisationsübergreifend", "behördenübergreifend",
		"referatsübergreifend", "fachdienstübergreifend", "direktionsübergreifend",
		"departementsübergreifend", "dienststellenübergreifend", "ämter-übergreifend",
		"verwaltungsweit", "gesamtverwaltung", "gesamte verwaltung", "gesamten verwaltung",
		"gesamte stadtverwaltung", "gesamten stadtverwaltung", "gesamte kreisverwaltung",
		"gesamten kreisverwaltung", "gesamte gemeindeverwaltung", "gesamten gemeindeverwaltung",
		"ganze verwaltung", "ganzen verwaltung", "gesamte organisation", "gesamten organisation",
		"alle fachbereiche", "allen fachbereichen", "alle ämter", "allen ämtern", "alle dezernate",
		"allen dezernaten", "alle abteilungen", "allen abteilungen", "alle bereiche der verwaltung",
		"allen bereichen der verwaltung", "alle organisationseinheiten", "allen organisationseinheiten",
		"alle dienststellen", "allen dienststellen", "alle direktionen", "allen direktionen",
		"alle departemente", "allen departementen", "gesamtstädtisch", "konzernweit", "konzern stadt",
		"querschnitt", "stadtweit", "kreisweit", "across all departments", "across departments",
		"across the administration", "across the whole administration", "across the entire administration",
		"cross-departmental", "cross departmental", "interdepartmental", "administration-wide",
		"organisation-wide", "organization-wide", "city-wide", "citywide", "council-wide",
		"whole administration", "entire administration", "all departments", "whole of government")
	pStrategy = phrases("strateg", "digitale agenda", "digitalen agenda", "digitalagenda",
		"digital agenda", "roadmap", "masterplan", "leitbild")
	pCoord = phrases("koordin", "coordinat", "steuerung", " steuern", "gesteuert", "governance",
		"portfolio", "vernetz", "schnittstelle", "orchestr", "programmmanagement")
	pCompanies = phrases("stadtwerke", " beteiligungen", "beteiligungsgesellschaft",
		"beteiligungsunternehmen", "städtischen gesellschaften", "städtischen unternehmen",
		"städtischen töchter", "tochtergesellschaft", "tochterunternehmen", "eigenbetrieb",
		"kommunale unternehmen", "kommunalen unternehmen", "konzern stadt", "municipal companies",
		"municipal enterprises", "utilities", "verkehrsbetriebe", "wohnungsbaugesellschaft",
		"kommunale gesellschaften", "kommunalen gesellschaften")
	pCommunity = phrases("stadtgesellschaft", "zivilgesellschaft", "bürgerschaft", " bürger ",
		" bürgerinnen", "einwohner", "citizen", "community", "civil society", "stakeholder",
		"akteur", "vereine", "hochschul", "universit", "wissenschaft", "kreisgesellschaft",
		"local partners", "lokale partner", "regionale partner")
	pHead = phrases("oberbürgermeister", "bürgermeister", "landrat", "landrätin", "verwaltungsvorstand",
		"behördenleitung", "verwaltungsspitze", "verwaltungsleitung", "hauptverwaltungsbeamt",
		"stadtpräsident", "gemeindepräsident", "stadtdirektor", "kreisdirektor", "magistratsdirektor",
		"stadtamtsdirektor", "bezirkshauptmann", "gemeindeschreiber", "stadtschreiber", " mayor",
		"head of administration", "chief executive", "city manager", "stabsstelle",
		"direkt unterstellt", "unmittelbar unterstellt", "reports to", "reporting to",
		"direct report", "staff unit")
	pBudget = phrases("budget", "haushaltsmittel", "eigene mittel", "eigenen mitteln", "finanzmittel",
		" etat", "finanzverantwortung", "ressourcenverantwortung", "sachmittel", "mittelbewirtschaftung")
	pBoard = phrases("verwaltungsvorstand", "vorstand", " board", "dezernentenkonferenz",
		"verwaltungskonferenz", "geschäftsleitung", "leitungsrunde", "leitungskonferenz",
		"führungskreis", "executive team", "leadership team", "senior leadership", "direct access",
		"direkten zugang", "direkter zugang", "verwaltungsspitze")
	pLead = phrases("verantwort", "leitung", "leiten", " lead", "responsib", "führung", "führen",
		"steuerung", "steuern", "federführ", "gestalt", "entwickl", "develop", "own ", "owns",
		"treibt", "treiben", "drive")
	pOps = phrases("it-betrieb", "it betrieb", "betrieb der it", "betrieb und wartung",
		"helpdesk", "service desk", "servicedesk", "first level", "first-level", "second level",
		"2nd level", "1st level", "support", "server", "netzwerkadministration", "netzwerktechnik", "clients", "hardware",
		"endgerät", "drucker", "telefonie", "installation", "wartung", "patch", "backup",
		"active directory", "anwenderbetreuung", "benutzerbetreuung", "störungs", "troubleshooting",
		"it operations", "administration der", "administration von", "administrieren", "betreuung der it")
	pSocial = phrases("social media", "social-media", "instagram", "facebook", "linkedin", "tiktok",
		"redaktion", "website", "internetauftritt", "homepage", "newsletter", "pressearbeit",
		"öffentlichkeitsarbeit", "content")
	pSchool = phrases(" schule", "schulen", " schul-", "schulträger", "medienentwicklungsplan",
		"digitalpakt", "lehrkräfte", "unterricht", "kita", "schüler")
	pProject = phrases("im projekt", "projektmitarbeit", "mitarbeit im projekt", "teilprojekt",
		"einzelprojekt", "für das projekt", "des projekts", "des projektes", "projektlaufzeit",
		"förderprojekt", "in the project", "for the project", "single project")
	pHelper = phrases("unterstützung der", "unterstützung des", "unterstützen", "zuarbeit",
		"assistenz", "sachbearbeitung", "mitarbeit", "support the", "assist", "mitwirkung")
	pPrivacy = phrases("datenschutz", "dsgvo", "data protection", "gdpr", "verarbeitungsverzeichnis",
		"datenschutz-folgenabschätzung")

	pAdmin = phrases(" ozg", "onlinezugang", "e-government", "egovernment", "e-akte", "eakte",
		"elektronische akte", "prozess", "process", "verwaltungsdigitalisierung",
		"verwaltungsmodernisierung", "dokumentenmanagement", " dms", "digitale verwaltung",
		"bürgerservice", "verwaltungsleistungen", "online-dienst", "onlinedienst", "serviceportal",
		"service-portal", "e-rechnung", "workflow", "fachverfahren", "online services",
		"e-services", "register", "once only", "bürgerportal", "digitale antragsverfahren", "antrag")
	pSmart = phrases("smart city", "smart-city", "smart region", "smarte region", "smarte stadt",
		"smart village", "stadtwerke", "utilities", "versorgung", "energie", "mobilität", "mobility",
		" verkehr", "urbane datenplattform", "urban data platform", "datenplattform", "stadtgesellschaft",
		"sensor", " iot", "lorawan", "digitaler zwilling", "digital twin", "open data",
		"quartier", "klima", "smart-region")
	pEconomy = phrases("wirtschaftsförderung", "breitband", "glasfaser", "start-up", "startup",
		"start up", "gründer", "einzelhandel", "innenstadt", "händler", "wirtschaftsstandort",
		"standortmarketing", "gewerbe", "mittelstand", "coworking", "co-working", "ansiedlung",
		"economic development", "retail", "broadband", "tourismus", "lokale wirtschaft",
		"unternehmen vor ort", "unternehmen der region", "fachkräfte")

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
