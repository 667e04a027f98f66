package cdoatlas

import "strings"

// Vocab maps the words people write for a value – in German or English,
// in any case, with or without umlauts – to the value stored. Files and
// forms read kinds, placements, genders and the like through one: every
// reader knows the same words.
type Vocab map[string]string

// NewVocab builds a vocabulary from value: words pairs; every value also
// stands for itself. A word matches as written (ignoring case), then in
// its folded form without spaces (WordKey), so that "k. A." matches
// "k.A." and symbols such as "?" and "-", which fold to nothing, work too.
// A word naming two values is a programming error and panics.
func NewVocab(pairs map[string][]string) Vocab {
	v := Vocab{}
	set := func(k, value, w string) {
		if prev, ok := v[k]; ok && prev != value {
			panic("cdoatlas: the word " + w + " means " + prev + " and " + value)
		}
		v[k] = value
	}
	for value, words := range pairs {
		for _, w := range append([]string{value}, words...) {
			set("="+strings.ToLower(w), value, w)
			if k := WordKey(w); k != "" {
				set(k, value, w)
			}
		}
	}
	return v
}

// WordKey is the form words (and column names) are compared in: folded
// (Fold: case, umlauts, punctuation), without spaces.
func WordKey(s string) string { return strings.ReplaceAll(Fold(s), " ", "") }

// Lookup returns the value s stands for, and whether it is known; an
// empty or blank s is not.
func (v Vocab) Lookup(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if val, ok := v["="+strings.ToLower(s)]; ok {
		return val, true
	}
	if k := WordKey(s); k != "" {
		val, ok := v[k]
		return val, ok
	}
	return "", false
}

// ParseKind reads the kind of an organization (one of Kinds) as people
// write it: Gemeinde, Stadt, Landkreis, Bundesland, Stadtwerke, Verband …
// An empty cell gives "" and ok; an unknown word "" and not ok.
func ParseKind(s string) (kind string, ok bool) { return parse(kindVocab, s) }

// ParsePlacement reads where a post sits (one of Placements) as people
// write it: Stabsstelle, Dezernat, Fachbereich, Amt, Tochter …
// An empty cell gives "" and ok; an unknown word "" and not ok.
func ParsePlacement(s string) (placement string, ok bool) { return parse(placementVocab, s) }

func parse(v Vocab, s string) (string, bool) {
	if strings.TrimSpace(s) == "" {
		return "", true
	}
	return v.Lookup(s)
}

var kindVocab = NewVocab(map[string][]string{
	KindMunicipality: {"Gemeinde", "Stadt", "Kommune", "Markt", "Marktgemeinde", "Stadtgemeinde",
		"Kreisfreie Stadt", "Große Kreisstadt", "Kreisangehörige Stadt", "Landeshauptstadt", "Hansestadt",
		"Einheitsgemeinde", "Municipality", "City", "Town"},
	KindCounty:        {"Kreis", "Landkreis", "Städteregion", "Regionalverband", "County", "District"},
	KindCityState:     {"Stadtstaat", "City state"},
	KindState:         {"Land", "Bundesland", "Freistaat", "Kanton", "State", "Canton"},
	KindFederal:       {"Bund", "Bundesverwaltung", "Bundesbehörde", "Federal"},
	KindPublicCompany: {"Öffentliches Unternehmen", "Kommunales Unternehmen", "Stadtwerke", "Eigenbetrieb", "Anstalt des öffentlichen Rechts", "AöR", "Public company"},
	KindCompany:       {"Unternehmen", "Firma", "Konzern", "Company"},
	KindAssociation:   {"Verband", "Verein", "Zweckverband", "Kommunaler Spitzenverband", "Association"},
	KindUnknown:       {"Unbekannt", "Art unbekannt"},
})

var placementVocab = NewVocab(map[string][]string{
	"staff_unit_head": {"Stabsstelle", "Stabsstelle HVB", "Stabsstelle beim HVB", "Stabsstelle beim Hauptverwaltungsbeamten", "Staff unit"},
	"board":           {"Dezernat", "Vorstand", "Verwaltungsvorstand", "Geschäftsführung", "Beigeordnete", "Beigeordneter"},
	"department":      {"Fachbereich", "Abteilung", "Geschäftsbereich"},
	"office":          {"Amt"},
	"subsidiary":      {"Tochter", "Tochtergesellschaft", "Beteiligung"},
	"other":           {"Sonstige", "Andere"},
})
