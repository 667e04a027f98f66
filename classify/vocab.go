package classify

import (
	"sort"

	"github.com/cdoatlas/cdoatlas"
)

// flag marks what a word part says about a title.
type flag uint64

// Domains a title can name.
const (
	fDigital     flag = 1 << iota // digital, Digitalisierung, digitization
	fDigitalWeak                  // e-government, transformation
	fIT                           // IT, Informationstechnik, Informatik, EDV
	fData                         // Daten, data
	fInnovation                   // Innovation
	fSmart                        // smart city / region
	fSmartWord                    // "smart", needs a place word after it
	fPlace                        // city, region, village, country
	fTech                         // technology
	fInfo                         // "information" as a word
	fPrivacy                      // Datenschutz, data protection
	fSecurity                     // Sicherheit, security
	fNarrow                       // one department or medium: Schule, Social Media, OZG
	fOtherChief                   // diversity, financial … (other chief officers)
	fParty                        // CDU, SPD …

	// What the holder does.
	fLead      // Leiter, Leitung, head, director, Chef, Vorstand
	fAssign    // Beauftragte(r)
	fWeakLead  // Manager, Koordinator
	fStab      // Stabsstelle
	fOfficer   // officer
	fChief     // chief
	fPolitical // Dezernent, Beigeordneter, Bürgermeister, Minister
	fHelper    // Referent, Sachbearbeiter, Lotse, Mitarbeiter …
	fProject   // Projekt
	fDeputy    // stellvertretend, deputy
	fFormer    // ehemalig, former
	fUnit      // Amt, Abteilung, Fachbereich: a neutral prefix of Leiter
	fFiller    // known word without meaning here
	fForeign   // a lead or assignment for something else (Gleichstellungsbeauftragte)
)

const (
	positiveDomains = fDigital | fDigitalWeak | fIT | fData | fInnovation | fSmart | fTech
	leadFlags       = fLead | fAssign | fWeakLead | fOfficer | fChief | fPolitical
)

// stem is a word part. Word stems must be the whole word.
type stem struct {
	text  string
	flags flag
	fuzzy int // edits tolerated in a typo match, 0 for none
}

var wordStems = map[string]flag{}

// partStems by first byte, longest first.
var partStems [256][]stem

// fuzzyStems are the stems a misspelt word part is compared with.
var fuzzyStems []stem

func addWords(f flag, words ...string) {
	for _, w := range words {
		wordStems[cdoatlas.Fold(w)] |= f
	}
}

func addParts(f flag, parts ...string) {
	for _, p := range parts {
		p = cdoatlas.Fold(p)
		partStems[p[0]] = append(partStems[p[0]], stem{text: p, flags: f})
	}
}

func addFuzzy(f flag, parts ...string) {
	for _, p := range parts {
		k := 1
		if len(p) >= 12 {
			k = 2
		}
		fuzzyStems = append(fuzzyStems, stem{text: cdoatlas.Fold(p), flags: f, fuzzy: k})
	}
}

func init() {
	addWords(fIT, "it", "ikt", "ict", "iuk", "edv", "itk", "ikt")
	addWords(fInfo, "information", "informations")
	addWords(fData, "data", "daten", "analytics")
	addWords(fSmartWord, "smart", "smarte", "smarten")
	addWords(fPlace, "city", "cities", "region", "regions", "village", "villages", "country", "stadt", "land", "kommune", "kommunen", "dorf", "dorfer", "county")
	addWords(fTech, "technology", "technical", "tech")
	addWords(fPrivacy, "protection", "privacy")
	addWords(fSecurity, "security", "ciso")
	addWords(fOtherChief, "diversity", "diversitat", "vielfalt", "inclusion", "gleichstellung",
		"people", "executive", "operating", "operations", "financial", "finance", "marketing", "sustainability",
		"nachhaltigkeit", "strategy", "risk", "compliance", "legal", "medical", "procurement",
		"happiness", "heat", "experience", "revenue", "product", "human", "communications",
		"communication", "customer", "learning", "knowledge", "commercial", "investment",
		"administrative", "climate", "growth", "brand", "content", "culture", "business", "sales",
		"ethics", "health", "nursing", "quality", "talent", "ceo", "cfo", "coo", "cmo", "cpo",
		"cho", "cco", "cro", "cso", "chro", "cmio")
	addWords(fParty, "cdu", "csu", "spd", "fdp", "cvp", "svp", "ovp", "fpo", "afd", "neos", "grune", "grunen", "linke", "sp", "fdj")
	addWords(fLead, "head", "lead", "leader", "director", "direktor", "chef", "vorstand",
		"verantwortlicher", "verantwortliche", "verantwortlich", "zustandig", "gesamtverantwortung", "leitender", "leitende")
	addWords(fWeakLead, "manager", "koordinator", "koordination", "coordinator", "management")
	addWords(fOfficer, "officer", "officers")
	addWords(fChief, "chief")
	addWords(fDeputy, "stv", "stellv", "stellvertretender", "stellvertretende", "stellvertreter",
		"stellvertretung", "deputy", "vice", "vize", "assistant", "assistent")
	addWords(fFormer, "ehemaliger", "ehemalige", "ehemals", "former", "formerly", "ex", "retired", "vormals")
	addWords(fHelper, "junior", "intern", "trainee", "student", "praktikum", "member")
	addWords(fFiller, "und", "and", "fur", "for", "der", "die", "das", "des", "dem", "of", "the",
		"im", "in", "am", "e", "government", "senior", "group", "team")
	addWords(fNarrow, "marketing", "social", "media", "ozg", "sap", "support", "helpdesk",
		"server", "netzwerk", "netzwerke", "telefonie", "archiv", "bibliothek", "museum", "feuerwehr", "polizei", "kita", "kitas")

	addParts(fDigital, "digital", "digitization", "digitisation", "digitalization")
	addParts(fDigitalWeak, "egovernment", "transformations", "transformation")
	addParts(fIT, "informationstechn", "informatik", "datenverarbeitung", "informationsverarbeitung",
		"rechenzentrum", "kommunikationstechn", "informationsmanagement", "itdienst", "itleit")
	addParts(fData, "daten", "datenmanagement", "datenstrategie", "datenlabor")
	// freedom of information goes with data protection ("Landesbeauftragte
	// für Datenschutz und Informationsfreiheit"), not with Informatik
	addParts(fPrivacy, "datenschutz", "informationsfreiheit")
	addParts(fSecurity, "datensicherheit", "sicherheit", "security")
	addParts(fNarrow, "digitalfunk", "schul", "bildung", "socialmedia", "presse", "redaktion",
		"redakteur", "website", "webseite", "internet", "archiv", "bibliothek", "museum",
		"gesundheit", "pflege", "klinik", "krankenhaus", "feuerwehr", "leitstelle", "geodat",
		"geoinform", "servicedesk", "helpdesk", "marketing", "breitband", "glasfaser", "statistik")
	addParts(fInnovation, "innovation")
	addParts(fSmart, "smartcity", "smartcities", "smartregion")
	addParts(fTech, "technolog")
	addParts(fAssign, "beauftragt", "bevollmachtigt", "commissioner", "delegiert")
	addParts(fLead, "leiter", "leitung", "direktor", "director", "geschaftsfuhr", "vorstand",
		"verantwortlich", "chef")
	addParts(fWeakLead, "manager", "koordinator", "koordination", "coordinator")
	addParts(fStab, "stabsstelle", "stabstelle")
	addParts(fUnit, "amt", "amts", "abteilung", "fachbereich", "bereich", "referat", "fachdienst",
		"sachgebiet", "team", "gruppe", "dezernat", "geschaftsbereich", "dienststelle", "direktion",
		"sektion", "stabsstellen", "ressort", "haupt", "unit", "division", "department", "gesamt", "programm", "bereichs")
	addParts(fPolitical, "dezernent", "beigeordnet", "burgermeister", "minister", "staatssekretar",
		"senator", "stadtrat", "landesrat", "gemeinderat", "stadtprasident", "regierungsrat", "landrat")
	addParts(fHelper, "referent", "sachbearbeit", "mitarbeit", "assistent", "assistenz", "assistant",
		"lotse", "lotsin", "praktikant", "werkstudent", "trainee", "auszubild", "azubi", "volontar",
		"scout", "botschafter", "ambassador", "multiplikator", "coach", "trainer", "berater",
		"consultant", "advisor", "adviser", "specialist", "spezialist", "fachkraft", "expert",
		"analyst", "entwickler", "developer", "engineer", "ingenieur", "architekt", "designer",
		"programmierer", "administrator", "techniker", "sekretar", "kummerer", "helfer", "dozent",
		"tutor", "mitglied", "informatiker", "sachverstandig", "policy", "begleit", "pate", "patin",
		"owner", "scientist")
	addParts(fProject, "projekt", "project", "produkt", "product")
	addParts(fDeputy, "stellvertret", "stellv")
	// "Landesbeauftragte", "Bundesbeauftragter": the state's own commissioner
	addParts(fFiller, "landes", "bundes")
	addParts(fFiller, "anleitung", "weiterleit", "landratsamt", "begleitung", "verwaltung",
		"organisation", "modernisierung", "strategie", "entwicklung", "prozess", "service",
		"dienste", "zentral", "planung", "wirtschaft", "forderung", "kommunikation", "und",
		"steuerung", "infrastruktur", "stadtwerke", "agentur", "lab", "labor", "zentrum")

	for i := range partStems {
		sort.SliceStable(partStems[i], func(a, b int) bool {
			return len(partStems[i][a].text) > len(partStems[i][b].text)
		})
	}

	addFuzzy(fDigital, "digital", "digitalisierung")
	addFuzzy(fAssign, "beauftragt")
	addFuzzy(fIT, "informationstechn", "informatik")
	addFuzzy(fInnovation, "innovation")
	addFuzzy(fStab, "stabsstelle")
	addFuzzy(fOfficer, "officer")
	addFuzzy(fWeakLead, "koordinator", "manager")
	addFuzzy(fDigitalWeak, "transformation", "government")
	addFuzzy(fTech, "technology", "technologie")
	addFuzzy(fChief, "chief")
	addFuzzy(fSmart, "smartcity")
}
