package locale

// The problems of files that are read (census observations, registry
// tables and JSON, applications), each {German, English}. The readers
// give the arguments as text, so every verb is %s (or %q in English).
// The English texts are also the Reason of a problem, which the command
// line prints. Keys under "file.word." are words that stand as arguments
// of other texts (cdoatlas.LineError.Args) and are translated with them.
var fileCatalog = map[string][2]string{
	// Reading a table: size, encoding, CSV and XLSX.
	"file.too_large":            {"Die Datei ist größer als %s MiB", "the file is larger than %s MiB"},
	"file.xls":                  {"Eine alte Excel-Datei (.xls) oder eine verschlüsselte Arbeitsmappe: bitte als .xlsx oder CSV speichern", "an old Excel file (.xls) or an encrypted workbook: save it as .xlsx or CSV"},
	"file.binary":               {"Keine Texttabelle: Die Datei enthält Binärdaten", "not a text table: the file holds binary data"},
	"file.utf16":                {"Nicht als UTF-16-Text lesbar", "not readable as UTF-16 text"},
	"file.encoding":             {"Weder UTF-8- noch Windows-1252-Text", "neither UTF-8 nor Windows-1252 text"},
	"file.utf8_bom":             {"Kein gültiges UTF-8, obwohl die Datei mit der UTF-8-Kennung (BOM) beginnt", "not valid UTF-8, although the file starts with a UTF-8 byte order mark"},
	"file.no_header":            {"Die Datei enthält keine Tabelle: keine Kopfzeile gefunden", "the file holds no table: no header row found"},
	"file.header_too_wide":      {"Die Kopfzeile hat %s Spalten, mehr als %s", "the header has %s columns, more than %s"},
	"file.value_without_header": {"Ein Wert in Spalte %s, die keine Überschrift hat (die Kopfzeile hat %s Spalten)", "a value in column %s, which has no header (the header has %s columns)"},
	"file.fields_fewer":         {"%s Felder, aber die Kopfzeile hat %s", "%s fields, but the header has %s"},
	"file.csv_too_many_fields":  {"Mehr als 16.384 Spalten", "more than 16384 columns"},
	"file.csv_stray_quote":      {"Ein Anführungszeichen (\") in einem Feld, das nicht mit einem beginnt: das ganze Feld in Anführungszeichen setzen und das Anführungszeichen verdoppeln", "a quote (\") inside a field that does not start with one: put the whole field in quotes and double the quote"},
	"file.csv_after_quote":      {"Text nach dem schließenden Anführungszeichen eines Felds in Anführungszeichen: Anführungszeichen darin verdoppeln (\"\")", "text after the closing quote of a quoted field: double quotes inside quotes (\"\")"},
	"file.csv_unclosed_quote":   {"Hier beginnt ein Feld in Anführungszeichen, aber das schließende Anführungszeichen fehlt", "a quoted field starts here but its closing quote is missing"},
	"file.xlsx_corrupt":         {"Eine beschädigte XLSX-Datei", "a corrupt XLSX file"},
	"file.xlsx_unreadable":      {"Keine lesbare XLSX-Datei", "not a readable XLSX file"},
	"file.xlsx_no_sheet":        {"Die Arbeitsmappe hat kein Tabellenblatt", "the workbook has no sheet"},
	"file.xlsx_corrupt_row":     {"Eine beschädigte Zeile im ersten Tabellenblatt", "a corrupt row in the first sheet"},
	"file.more_problems":        {"%s weitere Probleme nicht aufgeführt", "%s further problems not listed"},

	// The header.
	"file.column_missing": {"Pflichtspalte fehlt: %s (oder %s)", "required column missing: %s (or %s)"},
	"file.column_twice":   {"Die Spalte „%s“ steht schon für %s", "the column %q already gives %s"},
	"file.land_ambiguous": {"„Land“ kann den Staat oder das Bundesland meinen: Nennen Sie die Spalte „Staat“ (DE, AT, CH) oder „Bundesland“", "\"Land\" can mean the country or the state: name the column \"Staat\" (DE, AT, CH) or \"Bundesland\""},

	// Rows of census files, which are kept with a warning.
	"file.row_unreadable":  {"Zeile nicht lesbar und übersprungen: %s", "Line unreadable (quotes) and skipped. %s"},
	"file.row_short":       {"Weniger Felder als Spalten im Kopf: Die fehlenden sind leer (%s von %s).", "Fewer fields than the header has columns: the missing ones are empty. (%s of %s)"},
	"file.line_too_long":   {"Zeile zu lang", "line too long"},
	"file.not_json_object": {"Kein JSON-Objekt", "not a JSON object"},

	// Lines of standard input (classify, places find).
	"file.line_longer":             {"Zeile länger als %s Bytes", "line longer than %s bytes"},
	"file.not_utf8":                {"Kein gültiges UTF-8", "not valid UTF-8"},
	"file.not_json_object_because": {"Kein JSON-Objekt: %s", "not a JSON object: %s"},
	"file.json_name_twice":         {"Feld „%s“ doppelt angegeben", "field %q given twice"},
	"file.json_not_string":         {"%s muss ein Text sein", "%s must be a string"},
	"file.json_more_values":        {"Mehr als ein JSON-Wert in der Zeile", "more than one JSON value on the line"},
	"file.title_required":          {"Ein Titel ist nötig", "title is required"},
	"file.query_missing":           {"„query“ fehlt", "\"query\" is missing"},

	// Rows of applications and members files.
	"file.id_required":        {"Pflichtangabe: Jede Zeile braucht eine ID", "required: every row needs an id"},
	"file.id_too_long":        {"Eine ID hat höchstens 100 Zeichen", "an id of at most 100 characters"},
	"file.id_twice":           {"Die ID „%s“ steht schon in Zeile %s", "the id %q is already on line %s"},
	"file.kind_unknown":       {"Unbekannte Art „%s“: municipality (Gemeinde, Stadt), county (Kreis), city_state, state (Land), federal (Bund), public_company, company oder association", "unknown kind %q: municipality (Gemeinde, Stadt), county (Kreis), city_state, state (Land), federal (Bund), public_company, company or association"},
	"file.country_unknown":    {"Unbekannter Staat „%s“: Bitte den ISO-Code (DE, AT, CH …) oder den Namen angeben", "unknown country %q: give the ISO code (DE, AT, CH …) or the name"},
	"file.region_unknown":     {"Unbekannte Region „%s“: Bitte den ISO-Code (DE-NW, AT-9, CH-ZH) oder den Namen angeben", "unknown region %q: give the ISO code (DE-NW, AT-9, CH-ZH) or the name"},
	"file.region_unknown_in":  {"Unbekannte Region „%s“ in %s: Bitte den ISO-Code (DE-NW, AT-9, CH-ZH) oder den Namen angeben", "unknown region %q of %s: give the ISO code (DE-NW, AT-9, CH-ZH) or the name"},
	"file.population_invalid": {"Die Einwohnerzahl muss eine ganze Zahl ab 0 sein, nicht „%s“", "the population must be a whole number from 0, got %q"},
	"file.placement_unknown":  {"Unbekannte Verortung „%s“: staff_unit_head (Stabsstelle), board (Dezernat, Vorstand), department (Fachbereich), office (Amt), subsidiary oder other", "unknown placement %q: staff_unit_head (Stabsstelle), board (Dezernat, Vorstand), department (Fachbereich), office (Amt), subsidiary or other"},
	"file.gender_unknown":     {"Unbekanntes Geschlecht „%s“: f (w, weiblich), m (männlich), d (divers, x) oder unknown (unbekannt)", "unknown gender %q: f (w, weiblich), m (männlich), d (divers, x) or unknown"},
	"file.date_invalid":       {"Ein Datum als JJJJ-MM-TT, TT.MM.JJJJ, JJJJ-MM oder JJJJ, nicht „%s“", "a date as YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or YYYY, got %q"},

	// Rows of registry files.
	"file.tenure_overlap": {"Überschneidet sich mit einer anderen Besetzung dieser Stelle (Zeile %s).", "Overlaps another tenure of this post. (line %s)"},
	"file.differs":        {"Weicht von Zeile %s zur selben %s ab: dort %s, hier %s", "differs from line %s about the same %s: %s there, %s here"},

	// Registry files in JSON.
	"file.json_syntax":        {"Kein gültiges JSON (Zeichen %s): %s", "not valid JSON (character %s): %s"},
	"file.json_unknown_top":   {"Unbekanntes Feld: Die Felder heißen „organizations“, „posts“, „people“ und „tenures“", "unknown field: the fields are \"organizations\", \"posts\", \"people\" and \"tenures\""},
	"file.json_unknown_field": {"Unbekanntes Feld", "unknown field"},
	"file.json_field_twice":   {"Das Feld ist doppelt angegeben", "the field is given twice"},
	"file.json_want":          {"Erwartet %s, gefunden: %s", "want %s, found %s"},
	"file.json_want_list":     {"Erwartet eine Liste […]", "want a list […]"},
	"file.json_want_object":   {"Erwartet ein Objekt {…}, gefunden: %s", "want an object {…}, found %s"},
	"file.json_want_id":       {"Erwartet eine ID (eine ganze Zahl oder Text), gefunden: %s", "want an id (a whole number or text), found %s"},
	"file.json_id_twice":      {"Die ID %s ist doppelt vergeben (auch %s, Zeile %s)", "the id %s is given twice (also %s, line %s)"},
	"file.json_no_id":         {"Keine %s in der Datei hat die ID %s", "no %s in the file has the id %s"},
	"file.json_ref_required":  {"Pflichtangabe: die ID der %s in der Datei", "required: the id of the %s in the file"},
	"file.json_duplicate":     {"Dieselbe %s wie in Zeile %s (%s gleich)", "the same %s as line %s (same %s)"},
	"file.json_not_column":    {"Unbekanntes Feld: keine Spalte des Registers", "unknown field: not a registry column"},
	"file.json_same_column":   {"Das Feld %s steht schon für diese Spalte", "the field %s already gives this column"},
	"file.json_want_text":     {"Erwartet Text", "want text"},
	"file.json_want_cell":     {"Erwartet Text, eine Zahl, true oder false oder null; gefunden: %s", "want text, a number, true or false, or null; found %s"},

	// Words inside the texts above.
	"file.word.organization": {"Organisation", "organization"},
	"file.word.post":         {"Stelle", "post"},
	"file.word.person":       {"Person", "person"},
	"file.word.tenure":       {"Besetzung", "tenure"},
	"file.word.empty":        {"leer", "empty"},
	"file.word.by_tenure":    {"Stelle, Person und Beginn", "post, person and start"},
	"file.word.by_post":      {"Organisation und Titel", "organization and title"},
	"file.word.by_code":      {"amtlicher Schlüssel", "official code"},
	"file.word.by_name":      {"Name und Staat", "name and country"},
	"file.word.json_nothing": {"nichts", "nothing"},
	"file.word.json_object":  {"ein Objekt", "an object"},
	"file.word.json_list":    {"eine Liste", "a list"},
	"file.word.json_text":    {"Text", "text"},
	"file.word.json_bool":    {"true/false", "true/false"},
	"file.word.json_null":    {"null", "null"},
	"file.word.json_number":  {"eine Zahl", "a number"},
	"file.word.want_int":     {"eine ganze Zahl oder null", "a whole number or null"},
	"file.word.want_bool":    {"true oder false", "true or false"},
	"file.word.want_strings": {"eine Liste von Texten", "a list of strings"},
	"file.word.want_text":    {"Text oder null", "text or null"},
}

func init() { add(fileCatalog) }
