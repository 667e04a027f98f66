package classify

import (
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Words of the scope rules (scope.go), folded like the task text, and how
// they match: German nouns as the end of a compound with an inflection
// ending, English words whole.

// Organisational nouns, folded. A unit is a part of the organisation; a
// whole is the organisation itself. Nouns match as the end of a word, so
// compounds count: "magistratsabteilungen", "verwaltungsbereiche",
// "kreisverwaltung".
var (
	unitStems = foldWords("amt", "fachbereich", "geschaftsbereich", "verwaltungsbereich",
		"organisationsbereich", "aufgabenbereich", "arbeitsbereich", "dezernat", "ressort",
		"abteilung", "referat", "fachdienst", "dienststelle", "direktion", "departement",
		"organisationseinheit", "verwaltungseinheit", "sachgebiet", "fachgebiet", "behorde", "sektion")
	// Nouns that name one unit in "Digitalisierung im Bürgerbüro" but are
	// too loose for "alle …" ("alle Stellen" are jobs).
	unitStemsScope = foldWords("stelle", "buro", "team")
	unitEN         = foldWords("department", "directorate", "division", "agency", "agencie", "ministry", "ministrie")
	wholeStems     = foldWords("verwaltung", "stadt", "gemeinde", "kommune", "organisation",
		"organization", "konzern", "behorde", "landratsamt", "bezirksamt", "bürgermeisteramt",
		"gemeindeamt", "bezirkshauptmannschaft", "rathaus", "magistrat", "kanton",
		"bezirk", "haus", "kreis")
	// Words ending in a whole-organisation noun that name something else.
	wholeNot = foldWords("innenstadt", "altstadt", "lenkungskreis", "arbeitskreis", "fuhrungskreis",
		"teilnehmerkreis", "personenkreis", "kundenkreis", "freundeskreis")
	wholeEN = foldWords("city", "council", "county", "municipality", "administration", "organisation",
		"organization", "authority", "enterprise", "group", "company", "canton", "town", "borough",
		"government", "agency")
	// Fronts of "…übergreifend" and "…grenzen" that are not nouns of a unit
	// but name one: "fachübergreifend", "bereichsübergreifend", "über
	// Zuständigkeitsgrenzen hinweg".
	crossFronts = foldWords("fach", "bereich", "zustandigkeit", "ebene", "sparte", "sektor")
	// Link words between a digital noun and its object.
	linkWords = foldWords("der", "des", "von", "vom", "fur", "im", "in", "innerhalb", "bei", "beim",
		"of", "for", "within", "at")
)

// inflected reports whether rest is a German inflection ending (and, for
// English, a plural s). plural is set when the ending marks a plural.
func inflected(rest string) (ok, plural bool) {
	switch rest {
	case "", "s", "es":
		return true, false
	case "e", "en", "er", "ern", "n":
		return true, true
	}
	return false, false
}

// stemEnd reports whether word ends with one of stems plus an inflection
// ending, and whether that ending is a plural.
func stemEnd(word string, stems []string) (ok, plural bool) {
	for _, s := range stems {
		i := strings.LastIndex(word, s)
		if i < 0 {
			continue
		}
		if s == "amt" && (strings.HasSuffix(word[:i], "ges") || word[:i] == "be") {
			continue // gesamt, insgesamt, Beamte
		}
		if ok, pl := inflected(word[i+len(s):]); ok {
			return true, pl
		}
	}
	return false, false
}

func isUnit(word string) (ok, plural bool) {
	if ok, pl := stemEnd(word, unitStems); ok {
		return true, pl
	}
	if ok, pl := subAdministration(word); ok {
		return true, pl
	}
	for _, s := range unitEN {
		if strings.HasPrefix(word, s) {
			switch word[len(s):] {
			case "":
				return true, false
			case "s", "al": // departments, departmental
				return true, word[len(s):] == "s"
			}
		}
	}
	return false, false
}

// isUnitPair reads English two-word units: "service areas", "business units".
func isUnitPair(prev, word string) bool {
	switch word {
	case "area", "areas", "unit", "units", "line", "lines":
		return prev == "service" || prev == "business" || prev == "organisational" || prev == "organizational"
	}
	return false
}

func isWhole(word string) (ok, plural bool) {
	for _, n := range wholeNot {
		if strings.HasSuffix(word, n) {
			return false, false
		}
	}
	if ok, _ := subAdministration(word); ok {
		return false, false
	}
	if ok, pl := stemEnd(word, wholeStems); ok {
		return true, pl
	}
	for _, s := range wholeEN {
		if word == s {
			return true, false
		}
	}
	return false, false
}

// subAdministration reports whether word names the administration of
// one subject, which is a unit: "Personalverwaltung", "Schulverwaltung",
// "Finanzverwaltung"; not "Stadtverwaltung", "Kernverwaltung".
func subAdministration(word string) (ok, plural bool) {
	front, found := suffixPrefix(word, "verwaltung")
	if !found || front == "" {
		return false, false
	}
	_, pl := inflected(word[len(front)+len("verwaltung"):])
	f := strings.TrimSuffix(front, "s")
	if slices.Contains(adminFronts, f) || slices.Contains(adminFronts, front) {
		return false, false
	}
	for _, stem := range wholeStems {
		if stem != "verwaltung" && (strings.HasSuffix(f, stem) || strings.HasSuffix(front, stem)) {
			return false, false // Stadt-, Kreis-, Gemeinde-, Bezirksverwaltung
		}
	}
	return true, pl
}

// suffixPrefix returns the part of word before suffix (plus inflection)
// and whether word ends so.
func suffixPrefix(word, suffix string) (string, bool) {
	i := strings.LastIndex(word, suffix)
	if i < 0 {
		return "", false
	}
	if ok, _ := inflected(word[i+len(suffix):]); !ok {
		return "", false
	}
	return word[:i], true
}

// wholeFront reports whether p, the front of a compound, names the
// organisation: "kreis", "verwaltungs", "unternehmens".
func wholeFront(p string) bool {
	if ok, _ := isWhole(p); ok {
		return true
	}
	q, cut := strings.CutSuffix(p, "s")
	ok, _ := isWhole(q)
	return cut && ok
}

// orgFront reports whether p, the front of a compound, names a unit
// ("amts", "ämter", "fachbereichs", "dezernate"), one of fronts, or, with
// whole, the organisation ("stadtverwaltungs", "haus").
func orgFront(p string, whole bool, fronts []string) bool {
	s := strings.TrimSuffix(p, "s") // linking s: "amts", "verwaltungs"
	for _, q := range []string{p, s, strings.TrimSuffix(s, "n"), strings.TrimSuffix(s, "en"),
		strings.TrimSuffix(s, "e"), strings.TrimSuffix(s, "er")} {
		if q == "" {
			continue
		}
		if ok, _ := isUnit(q); ok {
			return true
		}
		if ok, _ := isWhole(q); ok && whole {
			return true
		}
		for _, f := range fronts {
			if strings.HasSuffix(q, f) {
				return true
			}
		}
	}
	return false
}

// isAnchor reports whether a word names digital responsibility whose
// object ("… der Stadtverwaltung", "… im Jugendamt") gives its reach.
func isAnchor(w string) bool {
	for _, a := range anchorAffixes {
		if strings.Contains(w, a) {
			return true
		}
	}
	return slices.Contains(anchorWords, w)
}

var (
	allWords      = foldWords("alle", "allen", "aller", "sämtliche", "sämtlichen", "sämtlicher", "jede", "jedem", "jeden", "jeder", "jedes", "all", "every", "each")
	totalWords    = foldWords("gesamte", "gesamten", "gesamtes", "gesamter", "gesamtem", "ganze", "ganzen", "ganzes", "ganzer", "ganzem", "whole", "entire")
	partWords     = foldWords("bereiche", "bereichen", "teile", "teilen", "einheiten", "ebenen", "parts", "areas")
	coordVerbs    = foldWords("koordin", "steuer", "bündel", "vernetz", "coordinat", "orchestr", "align")
	supportVerbs  = foldWords("unterstütz", "support", "assists", "assisting", "ansprechpartner", "ansprechperson", "kontaktperson")
	aides         = foldWords("leitung", "leiter", "leiterin", "stabsstelle", "cdo", "chief", "head", "manager", "director", "dezernent", "kolleg", "colleague", "mitarbeitend", "beschäftigt", "nutzer", "anwender", "user", "staff")
	ownAdjectives = foldWords("städtisch", "kommunal", "kantonal", "gesamtstädtisch")
	anchorAffixes = foldWords("digital", "transformation", "modernisierung")
	// A strategy of its own ("Datenstrategie", "Gigabitstrategie") is no
	// digital responsibility; "Smart-City-Strategie", "die Strategie der
	// Stadt" and "Digitalisierungsstrategie" are.
	// "CDO der Stadt" names the city's CDO.
	anchorWords    = foldWords("strategie", "strategien", "strategy", "strategies", "agenda", "egovernment", "cdo")
	strategyFronts = foldWords("transformation", "innovation", "smart", "egovernment", "gesamt", "verwaltung", "modernisierung")
	leadNotFronts  = foldWords("beg", "weiter", "ein", "an", "ab", "um", "zu", "aus", "fort", "her", "hin", "über", "ver", "ge", "wasser", "rohr", "strom", "gas", "fern")
	headWords      = foldWords("oberbürgermeister", "bürgermeister", "landrat", "landrätin", "regierungsrat", "stadtpräsident", "gemeindepräsident", "mayor", "ob", "chief", "ceo")
)

// Fronts of "…verwaltung" that name the whole administration.
var adminFronts = foldWords("kern", "kommunal", "landes", "bundes", "staats", "gesamt", "zentral", "haupt")

// Words of isElsewhere.
var (
	liesWords    = foldWords("liegt", "liegen", "obliegt", "lies", "rests", "sits")
	withWords    = foldWords("bei", "beim", "with", "in")
	selfWords    = foldWords("mir", "uns", "ihr", "ihm", "me", "us")
	passiveWords = foldWords("wird", "werden", "is", "are")
	participles  = foldWords("gesteuert", "verantwortet", "koordiniert", "geleitet", "geführt",
		"entwickelt", "erarbeitet", "owned", "led", "managed", "steered", "coordinated")
	dutyWords = foldWords("zuständig", "verantwortlich", "responsible")
)

// foldWords folds a list of words like the task text.
func foldWords(ws ...string) []string {
	for i, w := range ws {
		ws[i] = cdoatlas.Fold(w)
	}
	return ws
}

func hasPrefix(w string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func isAll(w string) bool       { return slices.Contains(allWords, w) }
func isTotal(w string) bool     { return slices.Contains(totalWords, w) } // "gesamte", "ganze", "whole"
func isPart(w string) bool      { return slices.Contains(partWords, w) }  // "alle Bereiche / Teile der Verwaltung"
func isCoordVerb(w string) bool { return hasPrefix(w, coordVerbs) }

// isOwnAdjective: "städtische Digitalstrategie", "kommunale Digitalisierung".
func isOwnAdjective(w string) bool { return hasPrefix(w, ownAdjectives) }

// isAide: the people a helper supports.
func isAide(w string) bool {
	for _, p := range aides {
		if strings.HasSuffix(w, p) || strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
