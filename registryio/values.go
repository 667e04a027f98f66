package registryio

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// vocab reads the words people write for a value (German or English, any
// case, umlauts or not): a cdoatlas.Vocab, or one of the domain's parsers
// (cdoatlas.ParseKind …) that every reader shares.
type vocab struct {
	parse func(string) (string, bool)
}

// newVocab builds a vocabulary of the registry's own from value: words
// pairs (cdoatlas.NewVocab).
func newVocab(pairs map[string][]string) vocab {
	return vocab{cdoatlas.NewVocab(pairs).Lookup}
}

// lookup returns the value s stands for, and whether it is known.
func (v vocab) lookup(s string) (string, bool) { return v.parse(s) }

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

// The vocabularies of kinds, placements and genders are the domain's,
// shared with the other readers.
var (
	kindVocab      = vocab{cdoatlas.ParseKind}
	placementVocab = vocab{cdoatlas.ParsePlacement}
	genderVocab    = vocab{cdoatlas.ParseGender}
)

// country returns the ISO code a country cell names
// (cdoatlas.NormalizeCountry, the rule of every reader); other values pass
// upper-cased, for Validate to refuse.
func country(s string) string {
	if c := cdoatlas.NormalizeCountry(s); c != "" {
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
