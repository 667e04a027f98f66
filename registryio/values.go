package registryio

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// vocab maps the words people write for a value (German or English, any
// case, umlauts or not) to the value stored.
type vocab map[string]string

// newVocab builds a vocabulary from value: words pairs; every value also
// stands for itself. Words are matched as written (ignoring case), then in
// their folded form, so that symbols such as "?" and "-" work too.
func newVocab(pairs map[string][]string) vocab {
	v := vocab{}
	for value, words := range pairs {
		for _, w := range append([]string{value}, words...) {
			v["="+strings.ToLower(w)] = value
			if k := headerKey(w); k != "" {
				v[k] = value
			}
		}
	}
	return v
}

// lookup returns the value s stands for, and whether it is known.
func (v vocab) lookup(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if val, ok := v["="+strings.ToLower(s)]; ok {
		return val, true
	}
	if k := headerKey(s); k != "" {
		val, ok := v[k]
		return val, ok
	}
	return "", false
}

// normalize returns the value s stands for; an unknown word is returned
// trimmed and lower-cased, for Validate to refuse with its message.
func (v vocab) normalize(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if val, ok := v.lookup(s); ok {
		return val
	}
	return strings.ToLower(s)
}

var kindVocab = newVocab(map[string][]string{
	cdoatlas.KindMunicipality: {"Gemeinde", "Stadt", "Kommune", "Markt", "Marktgemeinde", "Stadtgemeinde",
		"Kreisfreie Stadt", "Große Kreisstadt", "Kreisangehörige Stadt", "Landeshauptstadt", "Hansestadt",
		"Einheitsgemeinde", "Municipality", "City", "Town"},
	cdoatlas.KindCounty:        {"Kreis", "Landkreis", "Städteregion", "Regionalverband", "County", "District"},
	cdoatlas.KindCityState:     {"Stadtstaat", "City state"},
	cdoatlas.KindState:         {"Land", "Bundesland", "Freistaat", "Kanton", "State", "Canton"},
	cdoatlas.KindFederal:       {"Bund", "Bundesverwaltung", "Bundesbehörde", "Federal"},
	cdoatlas.KindPublicCompany: {"Öffentliches Unternehmen", "Kommunales Unternehmen", "Stadtwerke", "Eigenbetrieb", "Anstalt des öffentlichen Rechts", "AöR", "Public company"},
	cdoatlas.KindCompany:       {"Unternehmen", "Firma", "Konzern", "Company"},
	cdoatlas.KindAssociation:   {"Verband", "Verein", "Zweckverband", "Kommunaler Spitzenverband", "Association"},
	cdoatlas.KindUnknown:       {"Unbekannt", "Art unbekannt"},
})

var countryVocab = newVocab(map[string][]string{
	"DE": {"Deutschland", "Germany", "Bundesrepublik Deutschland", "BRD", "D"},
	"AT": {"Österreich", "Austria", "A"},
	"CH": {"Schweiz", "Switzerland", "Suisse", "Svizzera", "Confoederatio Helvetica"},
})

// country returns the ISO code a country cell names; other two-letter
// codes pass upper-cased, for Validate to check.
func country(s string) string {
	if c, ok := countryVocab.lookup(s); ok {
		return c
	}
	return strings.ToUpper(strings.TrimSpace(s))
}

var roleVocab = newVocab(map[string][]string{
	cdoatlas.RoleCDO:              {"Chief Digital Officer", "Digitalisierungsbeauftragte", "Digitalisierungsbeauftragter", "CDO"},
	cdoatlas.RoleCIO:              {"Chief Information Officer", "CIO"},
	cdoatlas.RoleCTO:              {"Chief Technology Officer", "CTO"},
	cdoatlas.RoleChiefDataOfficer: {"Chief Data Officer", "Chief data officer", "CDaO"},
	cdoatlas.RoleInnovation:       {"Innovation", "Chief Innovation Officer", "Innovationsbeauftragte", "Innovationsbeauftragter"},
	cdoatlas.RoleSmartCity:        {"Smart City", "Smart-City", "SmartCity"},
	cdoatlas.RoleOther:            {"Sonstige", "Andere", "Other"},
})

var checkVocab = newVocab(map[string][]string{
	cdoatlas.CheckYes:     {"ja", "j", "y", "true", "wahr", "1", "x"},
	cdoatlas.CheckNo:      {"nein", "n", "false", "falsch", "0"},
	cdoatlas.CheckUnknown: {"unbekannt", "offen", "?", "k.A."},
})

var archetypeVocab = newVocab(map[string][]string{
	"administration": {"Verwaltung", "Verwaltungsdigitalisierung", "E-Government", "OZG"},
	"smart_city":     {"Smart City", "Smart Region", "Daseinsvorsorge"},
	"economy":        {"Wirtschaft", "Wirtschaftsförderung"},
	"mixed":          {"Gemischt", "Hybrid"},
})

var placementVocab = newVocab(map[string][]string{
	"staff_unit_head": {"Stabsstelle", "Stabsstelle HVB", "Stabsstelle beim HVB", "Stabsstelle beim Hauptverwaltungsbeamten", "Staff unit"},
	"board":           {"Dezernat", "Vorstand", "Verwaltungsvorstand", "Geschäftsführung", "Beigeordnete", "Beigeordneter"},
	"department":      {"Fachbereich", "Abteilung", "Geschäftsbereich"},
	"office":          {"Amt"},
	"subsidiary":      {"Tochter", "Tochtergesellschaft", "Beteiligung"},
	"other":           {"Sonstige", "Andere"},
})

var genderVocab = newVocab(map[string][]string{
	"f":       {"w", "weiblich", "Frau", "female", "woman"},
	"m":       {"männlich", "Mann", "male", "man"},
	"d":       {"divers", "diverse", "x"},
	"unknown": {"unbekannt", "k.A.", "?"},
})

var basisVocab = newVocab(map[string][]string{
	cdoatlas.BasisConsent:    {"Einwilligung", "Zustimmung", "Einverständnis"},
	cdoatlas.BasisPublicRole: {"Öffentliche Rolle", "Öffentliches Amt", "public role", "öffentlich"},
})

var statusVocab = newVocab(map[string][]string{
	cdoatlas.StatusCurrent: {"aktuell", "aktiv", "laufend", "im Amt"},
	cdoatlas.StatusEnded:   {"beendet", "ehemalig", "ausgeschieden", "Ex"},
	cdoatlas.StatusUnknown: {"unbekannt"},
})

var hireVocab = newVocab(map[string][]string{
	"internal": {"intern"},
	"external": {"extern"},
	"unknown":  {"unbekannt"},
})

// boolVocab holds the words for yes and no; an empty cell means no.
var boolVocab = newVocab(map[string][]string{
	"yes": {"ja", "j", "y", "true", "wahr", "1", "x", "✓"},
	"no":  {"nein", "n", "false", "falsch", "0", "-"},
})

// parseBool reads a mandate flag.
func parseBool(s string) (bool, bool) {
	if strings.TrimSpace(s) == "" {
		return false, true
	}
	v, ok := boolVocab.lookup(s)
	return v == "yes", ok
}

// parseInt reads a whole number as people write it: 1510378, 1.510.378,
// 1,510,378, 1 510 378, 1'510'378, or as a spreadsheet wrote a whole float
// (1510378.0, 1.510.378,00). ok is false for anything else.
func parseInt(s string) (n int64, ok bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '\'', '’':
			return -1
		}
		return r
	}, s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	// A fraction of zeros, other than three (1.000 is a thousand).
	if i := strings.LastIndexAny(s, ".,"); i > 0 {
		if frac := s[i+1:]; frac != "" && len(frac) != 3 && strings.Trim(frac, "0") == "" {
			s = s[:i]
		}
	}
	if sep := strings.IndexAny(s, ".,"); sep > 0 {
		if !grouped(s, s[sep]) {
			return 0, false
		}
		s = strings.ReplaceAll(s, string(s[sep]), "")
	}
	if !digits(s) {
		return 0, false
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// grouped reports whether s is digits in groups of three after a first
// group of one to three, separated by sep.
func grouped(s string, sep byte) bool {
	groups := strings.Split(s, string(sep))
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// officialCode cleans a code cell: spaces go, and a code a spreadsheet
// turned into a number gets back the leading zero it lost, where the
// length shows it (DE: 7 digits for an AGS, 11 for an ARS, 4 for a
// Kreisschlüssel, 1 for a Land). Swiss BFS numbers lose padding zeros.
func officialCode(countryCode, kind, s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
	if i := strings.IndexByte(s, '.'); i > 0 && digits(s[:i]) && strings.Trim(s[i+1:], "0") == "" {
		s = s[:i] // 5315000.0
	}
	if !digits(s) {
		return s
	}
	switch countryCode {
	case "DE":
		if s[0] == '0' {
			return s
		}
		var lost bool
		switch kind {
		case cdoatlas.KindCounty:
			lost = len(s) == 4
		case cdoatlas.KindState:
			lost = len(s) == 1
		case cdoatlas.KindMunicipality, cdoatlas.KindCityState:
			lost = len(s) == 7 || len(s) == 11
		default:
			lost = len(s) == 1 || len(s) == 4 || len(s) == 7 || len(s) == 11
		}
		if lost {
			return "0" + s
		}
	case "CH":
		if t := strings.TrimLeft(s, "0"); t != "" {
			return t
		}
	}
	return s
}

// otherNames splits a cell of other names at "|".
func otherNames(s string) []string {
	var names []string
	for _, n := range strings.Split(s, "|") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// date expands a German date with a two-digit year (31.12.23, as Excel
// shows dates formatted TT.MM.JJ) to four digits: years up to the current
// one are in this century, later ones in the last. Other forms are left
// for cdoatlas.ParsePartialDate.
func date(s string) string {
	parts := strings.Split(s, ".")
	if len(parts) != 3 || len(parts[2]) != 2 || !digits(parts[0]) || !digits(parts[1]) || !digits(parts[2]) {
		return s
	}
	yy, _ := strconv.Atoi(parts[2])
	century := 2000
	if yy > time.Now().Year()%100 {
		century = 1900
	}
	return fmt.Sprintf("%s.%s.%d", parts[0], parts[1], century+yy)
}

// PopulationDate returns the reference date of a population given without
// one: the gazetteer's date when its figure for the place with the
// official code is the same, else "" (the date stays unknown).
var PopulationDate = func(country, code string, population int64) string {
	if p, ok := gazetteer.ByCode(country, code); ok && p.Population == population {
		return p.PopulationDate
	}
	return ""
}
