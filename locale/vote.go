package locale

// The texts of topic votes (package vote), each {German, English}.
func init() {
	add(map[string][2]string{
		"vote.file.count":                {"Die Anzahl vor dem Doppelpunkt muss eine ganze Zahl ab 1 sein, nicht „%s“.", "the count before the colon must be a whole number from 1, not %q"},
		"vote.file.no_options":           {"Der Stimmzettel nennt keine Option.", "the ballot names no option"},
		"vote.file.empty_option":         {"Leere Option: zwischen „>“ und „=“ fehlt ein Name.", "empty option: a name is missing between \">\" and \"=\""},
		"vote.file.twice":                {"Die Option „%s“ steht zweimal auf dem Stimmzettel.", "the option %q is ranked twice on the ballot"},
		"vote.file.unreadable":           {"Zeile zu lang oder Datei nicht lesbar.", "line too long or file unreadable"},
		"vote.file.no_ballots":           {"Die Datei enthält keinen Stimmzettel.", "the file holds no ballot"},
		"vote.file.preflib_alternatives": {"Die Zahl der Alternativen fehlt oder ist keine ganze Zahl ab 1.", "the number of alternatives is missing or not a whole number from 1"},
		"vote.file.preflib_names":        {"Die Datei endet vor den Namen der %d Alternativen.", "the file ends before the names of its %d alternatives"},
		"vote.file.preflib_name_line":    {"Keine Zeile „Nummer,Name“ einer Alternative.", "not a line \"number,name\" of an alternative"},
		"vote.file.preflib_count":        {"Keine Zeile „Anzahl: Reihenfolge“.", "not a line \"count: order\""},
		"vote.file.preflib_braces":       {"Klammern { } einer Gleichplatzierung nicht paarweise.", "braces { } of a tie do not pair"},
		"vote.file.preflib_alternative":  {"„%s“ ist keine Nummer einer Alternative der Datei.", "%q is not the number of one of the file's alternatives"},
	})
}
