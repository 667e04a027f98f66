package locale

// The texts of disclosure control and the static report, each {German,
// English}.
func init() {
	add(map[string][2]string{
		"disclosure.legend":       {"%s = Wert unter %d oder zum Schutz anderer Werte geheim gehalten", "%s = value below %d, or withheld to protect other values"},
		"disclosure.primary":      {"Wert unter %d geheim gehalten", "value below %d withheld"},
		"report.dcat_title":       {"Erhebung der Digitalverantwortlichen (CDOs)", "Census of digital leadership (CDOs)"},
		"report.dcat_description": {"Anzahl der CDOs je Erhebungswelle, Neue, Ex-CDOs, Wechsel und Aufschlüsselungen nach Staat, Land, Größenklasse, Art, Geschlecht, Alter, Archetyp; mit Geheimhaltung kleiner Fallzahlen.", "Number of CDOs per census wave, entries, exits, movers and breakdowns by country, state, size class, kind, gender, age and archetype; small counts withheld."},
		"disclosure.secondary":    {"zum Schutz anderer Werte geheim gehalten", "withheld to protect other values"},
	})
}
