package locale

// The explanations of a proposal whom to admit (package network), each
// {German, English}: network.explain.<code>, the names of the balanced
// attributes (network.attr.*) and of their values (network.value.*).
func init() {
	add(map[string][2]string{
		"network.explain.women":              {"hält den Frauenanteil der Aufgenommenen (%d von %d) nicht unter dem der Geeigneten (%d von %d)", "keeps the women's share of the admitted (%d of %d) at or above that of the eligible (%d of %d)"},
		"network.explain.id":                 {"unter gleich Geeigneten am selben Tag beworben; die kleinere ID geht vor", "among those as suitable, applied the same day; the smaller id goes first"},
		"network.explain.date":               {"unter gleich Geeigneten zuerst beworben (%s)", "among those as suitable, applied first (%s)"},
		"network.explain.coverage":           {"deckt eine fehlende Gruppe ab", "covers a missing group"},
		"network.explain.and":                {"%s und %s", "%s and %s"},
		"network.explain.only_size_class":    {"einzige geeignete Bewerbung aus der Größenklasse %s", "only eligible applicant from size class %s"},
		"network.explain.covers_size_class":  {"deckt die Größenklasse %s ab, die im Kreis noch fehlt", "covers size class %s, not yet in the circle"},
		"network.explain.only_country":       {"einzige geeignete Bewerbung aus dem Staat %s", "only eligible applicant from %s"},
		"network.explain.covers_country":     {"deckt den Staat %s ab, der im Kreis noch fehlt", "covers %s, not yet in the circle"},
		"network.explain.only_east":          {"einzige geeignete Bewerbung aus den ostdeutschen Ländern (%s)", "only eligible applicant from the eastern German states (%s)"},
		"network.explain.covers_east":        {"deckt %s ab und damit die ostdeutschen Länder, die im Kreis noch fehlen", "covers %s and with it the eastern German states, not yet in the circle"},
		"network.explain.balance":            {"verbessert den Ausgleich des Kreises", "improves the balance of the circle"},
		"network.explain.balance_by":         {"verbessert den Ausgleich nach %s", "improves the balance by %s"},
		"network.explain.balance_by_value":   {"verbessert den Ausgleich nach %s (%s)", "improves the balance by %s (%s)"},
		"network.explain.last":               {"sonst wartet niemand", "no one else is waiting"},
		"network.explain.admit.all_fit":      {"Alle geeigneten Bewerbungen passen auf die freien Plätze", "all eligible applicants fit the free seats"},
		"network.explain.admit.date":         {"Aufgenommen in der Reihenfolge der Bewerbung (%s)", "admitted in application order (applied %s)"},
		"network.explain.waitlist.place":     {"Platz %d der Warteliste: %s", "place %d on the waitlist: %s"},
		"network.explain.waitlist.date":      {"Platz %d der Warteliste, in der Reihenfolge der Bewerbung (%s)", "place %d on the waitlist, in application order (applied %s)"},
		"network.explain.declined.cdo_check": {"CDO-Prüfung nein: %s", "CDO check no: %s"},
		"network.explain.review.no_tasks":    {"CDO-Prüfung offen, weil keine Aufgaben angegeben sind: zuerst entscheidet die Koordination", "CDO check unknown because no tasks are given: the coordinator decides first"},
		"network.explain.review.undecided":   {"CDO-Prüfung offen, weil die Aufgaben sie nicht entscheiden: zuerst entscheidet die Koordination", "CDO check unknown because the tasks do not decide it: the coordinator decides first"},
		"network.date_unknown":               {"Datum unbekannt", "date unknown"},

		"network.attr.size_class": {"Größenklasse", "size class"},
		"network.attr.country":    {"Staat", "country"},
		"network.attr.region":     {"Region", "region"},
		"network.attr.kind":       {"Art", "kind"},
		"network.attr.gender":     {"Geschlecht", "gender"},
		"network.attr.archetype":  {"Archetyp", "archetype"},

		"network.value.municipality":   {"Gemeinde / Stadt", "municipality"},
		"network.value.county":         {"Kreis", "county"},
		"network.value.city_state":     {"Stadtstaat", "city state"},
		"network.value.state":          {"Land", "state"},
		"network.value.federal":        {"Bund", "federal"},
		"network.value.public_company": {"öffentliches Unternehmen", "public company"},
		"network.value.company":        {"Unternehmen", "company"},
		"network.value.association":    {"Verband", "association"},
		"network.value.f":              {"Frau", "woman"},
		"network.value.m":              {"Mann", "man"},
		"network.value.d":              {"divers", "diverse"},
		"network.value.administration": {"Verwaltung", "administration"},
		"network.value.smart_city":     {"Smart City", "smart city"},
		"network.value.economy":        {"Wirtschaft", "economy"},
		"network.value.mixed":          {"gemischt", "mixed"},
	})
}
