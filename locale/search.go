package locale

// The strings of the site search (/search), each {German, English}.
func init() {
	add(map[string][2]string{
		"nav.search":       {"Suche", "Search"},
		"search.title":     {"Suche", "Search"},
		"search.title_q":   {"Suche: %s", "Search: %s"},
		"search.heading":   {"Suche", "Search"},
		"search.label":     {"Organisationen, Stellen und Personen durchsuchen", "Search organizations, posts and people"},
		"search.field":     {"Suchbegriff", "Search term"},
		"search.hint":      {"Name einer Organisation, Titel oder Rolle einer Stelle (z. B. CDO), Name einer Person; Groß-/Kleinschreibung und Umlaute sind egal.", "Name of an organization, title or role of a post (e.g. CDO), name of a person; case and umlauts do not matter."},
		"search.intro":     {"Geben Sie einen Suchbegriff ein. Gezeigt werden nur Personen, deren Namen veröffentlicht werden dürfen.", "Enter a search term. Only people whose names may be published are shown."},
		"search.intro_all": {"Geben Sie einen Suchbegriff ein.", "Enter a search term."},
		"search.results":   {"Ergebnisse für „%s“", "Results for “%s”"},
		"search.back":      {"Alle Ergebnisse für „%s“", "All results for “%s”"},

		"search.organizations":           {"Organisationen", "Organizations"},
		"search.organizations.count_one": {"1 Organisation gefunden", "1 organization found"},
		"search.organizations.count":     {"%s Organisationen gefunden", "%s organizations found"},
		"search.organizations.all":       {"Alle %s Organisationen in der Liste der Organisationen zeigen", "Show all %s organizations in the list of organizations"},
		"search.organizations.none":      {"Keine Organisation gefunden.", "No organization found."},

		"search.posts":           {"Stellen", "Posts"},
		"search.posts.count_one": {"1 Stelle gefunden", "1 post found"},
		"search.posts.count":     {"%s Stellen gefunden", "%s posts found"},
		"search.posts.all":       {"Alle %s Stellen zeigen", "Show all %s posts"},
		"search.posts.none":      {"Keine Stelle gefunden.", "No post found."},
		"search.posts.at":        {"bei", "at"},

		"search.people":           {"Personen", "People"},
		"search.people.count_one": {"1 Person gefunden", "1 person found"},
		"search.people.count":     {"%s Personen gefunden", "%s people found"},
		"search.people.all":       {"Alle %s Personen zeigen", "Show all %s people"},
		"search.people.none":      {"Keine Person gefunden.", "No person found."},
	})
}
