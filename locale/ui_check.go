package locale

// The strings of the CDO-Check page (/check), each {German, English}.
var checkCatalog = map[string][2]string{
	"check.title":        {"CDO-Check", "CDO check"},
	"check.title_result": {"Ergebnis: %s – CDO-Check", "Result: %s – CDO check"},
	"check.heading":      {"CDO-Check", "CDO check"},
	"check.intro": {
		"Ist das eine Stelle für einen Chief Digital Officer (CDO)? Geben Sie den Titel einer Stelle ein und fügen Sie die Stellenanzeige oder die Aufgabenbeschreibung ein. Der Check sagt Ihnen, was er darin erkennt.",
		"Is this a post for a Chief Digital Officer (CDO)? Enter the title of a post and paste the job ad or the task description. The check tells you what it finds in them.",
	},
	"check.intro_how": {
		"Der Titel zeigt, welche Rolle gemeint ist. Ob es wirklich eine CDO-Stelle ist, entscheiden die Aufgaben. Das wichtigste Merkmal: Die Stelle ist für die Digitalisierung über alle Ämter und Fachbereiche hinweg verantwortlich – nicht nur für ein Amt, ein Projekt oder die Social-Media-Kanäle.",
		"The title shows which role is meant. Whether it really is a CDO post is decided by the tasks. The key criterion: the post is responsible for digitalisation across all departments – not just for one office, one project or the social media channels.",
	},
	"check.intro_note": {
		"Der Check arbeitet automatisch mit Stichwörtern und ersetzt kein eigenes Urteil. Ihre Eingaben werden nicht gespeichert.",
		"The check works automatically with keywords and does not replace your own judgement. What you enter is not stored.",
	},

	// The form.
	"check.field.title":       {"Titel der Stelle", "Title of the post"},
	"check.hint.title":        {"Wie er in der Anzeige steht, z. B. „Chief Digital Officer (m/w/d)“. Höchstens 300 Zeichen.", "As it appears in the ad, e.g. \"Chief Digital Officer (m/f/d)\". At most 300 characters."},
	"check.field.kind":        {"Was fügen Sie ein?", "What are you pasting?"},
	"check.hint.kind":         {"Bei einer Stellenanzeige zeigt der Check auch, was ihr fehlt.", "For a job ad the check also shows what it lacks."},
	"check.kind.job_ad":       {"Stellenanzeige", "Job ad"},
	"check.kind.post":         {"Aufgabenbeschreibung einer bestehenden Stelle", "Task description of an existing post"},
	"check.field.tasks":       {"Text der Stellenanzeige oder Aufgabenbeschreibung", "Text of the job ad or task description"},
	"check.hint.tasks":        {"Freiwillig, aber ohne Aufgaben lässt sich nur die Rolle aus dem Titel bestimmen. Höchstens 20.000 Zeichen.", "Optional, but without tasks only the role can be read from the title. At most 20,000 characters."},
	"check.field.placement":   {"Verortung der Stelle", "Placement of the post"},
	"check.hint.placement":    {"Freiwillig: wo die Stelle in der Verwaltung angesiedelt ist, falls bekannt.", "Optional: where the post sits in the administration, if known."},
	"check.placement_none":    {"keine Angabe", "not given"},
	"check.submit":            {"Prüfen", "Check"},
	"check.title_too_long":    {"Der Titel darf höchstens 300 Zeichen lang sein.", "The title may be at most 300 characters long."},
	"check.tasks_too_long":    {"Der Text darf höchstens 20.000 Zeichen lang sein.", "The text may be at most 20,000 characters long."},
	"check.organization_long": {"Der Name darf höchstens 300 Zeichen lang sein.", "The name may be at most 300 characters long."},
	"check.country_invalid":   {"Bitte einen Ländercode mit zwei Buchstaben angeben (z. B. DE).", "Give a two-letter country code (e.g. DE)."},

	// The result.
	"check.verdict.yes":          {"Ja", "Yes"},
	"check.verdict.no":           {"Nein", "No"},
	"check.verdict.unknown":      {"Unklar", "Unclear"},
	"check.result.yes":           {"Ergebnis: Ja – nach den Aufgaben eine CDO-Stelle", "Result: Yes – a CDO post by its tasks"},
	"check.result.no":            {"Ergebnis: Nein – nach den Aufgaben keine CDO-Stelle", "Result: No – not a CDO post by its tasks"},
	"check.result.unknown":       {"Ergebnis: Unklar – keine Aufgaben angegeben", "Result: Unclear – no tasks given"},
	"check.note.unknown":         {"Ohne Aufgaben lässt sich nicht sagen, ob es eine CDO-Stelle ist. Fügen Sie den Text der Anzeige oder die Aufgabenbeschreibung ein und prüfen Sie noch einmal.", "Without tasks it cannot be said whether this is a CDO post. Paste the text of the ad or the task description and check again."},
	"check.note.title_not_tasks": {"Der Titel nennt eine CDO-Rolle, die Aufgaben tragen sie aber nicht.", "The title names a CDO role, but the tasks do not bear it out."},
	"check.note.tasks_not_title": {"Die Aufgaben sind die einer CDO-Stelle, auch wenn der Titel anders lautet.", "The tasks are those of a CDO post, even though the title says otherwise."},
	"check.fact.role":            {"Rolle laut Titel", "Role by the title"},
	"check.fact.verdict":         {"CDO-Stelle laut Aufgaben", "CDO post by the tasks"},
	"check.fact.archetype":       {"Schwerpunkt (Archetyp)", "Focus (archetype)"},
	"check.fact.confidence":      {"Sicherheit der Einschätzung", "Confidence"},
	"check.percent":              {"%d\u00a0%%", "%d%%"},
	"check.reasons_title":        {"Gründe zum Titel", "Reasons from the title"},
	"check.reasons_tasks":        {"Gründe zu den Aufgaben", "Reasons from the tasks"},
	"check.gaps":                 {"Was der Stellenanzeige fehlt", "What the job ad lacks"},
	"check.gaps_intro":           {"CDOs sind erfolgreich mit einem ämterübergreifenden Mandat, einer Anbindung an die Verwaltungsspitze, einem eigenen Budget, Erfahrung im Veränderungsmanagement und Kommunikationsstärke. Der Check stellt in dieser Anzeige fest:", "CDOs succeed with a cross-departmental mandate, a place near the head of administration, an own budget, change-management experience and communication skills. In this ad, the check finds:"},
	"check.gaps_none":            {"CDOs sind erfolgreich mit einem ämterübergreifenden Mandat, einer Anbindung an die Verwaltungsspitze, einem eigenen Budget, Erfahrung im Veränderungsmanagement und Kommunikationsstärke. Die Anzeige nennt all das.", "CDOs succeed with a cross-departmental mandate, a place near the head of administration, an own budget, change-management experience and communication skills. The ad mentions all of them."},
	"check.gaps_communication":   {"CDOs nennen Kommunikationsstärke als ihre wichtigste Fähigkeit – Stellenanzeigen verlangen sie selten.", "CDOs name communication skills as their most important skill – job ads rarely ask for them."},
}

func init() { add(checkCatalog) }
