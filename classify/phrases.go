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
	rNoTasks        = reason("check.no_tasks")
	rEssential      = reason("check.essential")
	rImplicitCross  = reason("check.implicit_cross")
	rCross          = reason("check.cross_departmental")
	rStrategy       = reason("check.strategy")
	rCoord          = reason("check.coordination")
	rCompanies      = reason("check.companies")
	rCommunity      = reason("check.community")
	rHead           = reason("check.head")
	rBudget         = reason("check.budget")
	rBoard          = reason("check.board")
	rNotDigital     = reason("check.not_digital")
	rSupportOnly    = reason("check.support_only")
	rPrivacyTasks   = reason("check.data_protection")
	rCrossButNarrow = reason("check.cross_but_narrow")
	rWholeOrg       = reason("check.whole_organisation")
	rSingleUnit     = reason("check.single_unit")
	rElsewhere      = reason("check.strategy_elsewhere")
	rSecurityTasks  = reason("check.security")
	rGISTasks       = reason("check.gis")
	rCrossNoLead    = reason("check.cross_not_digital")
	rNoCross        = reason("check.no_cross")
	rOps            = reason("check.it_operations")
	rSocial         = reason("check.social_media")
	rSchool         = reason("check.school")
	rProjectTasks   = reason("check.single_project")
	rHelperTasks    = reason("check.supporting")

	gCross         = reason("gap.cross_departmental")
	gHead          = reason("gap.head")
	gBudget        = reason("gap.budget")
	gChange        = reason("gap.change_management")
	gCommunication = reason("gap.communication")
)
