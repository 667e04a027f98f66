package cdoatlas

import (
	"fmt"
	"strconv"
	"strings"
)

// Validation messages are keys into this catalog, so that the web UI can show
// them in German or English and the CLI in English. Each entry is {de, en}.
var messages = map[string][2]string{
	"required":                         {"Bitte ausfüllen.", "Please fill in."},
	"too_long":                         {"Zu lang.", "Too long."},
	"text.control":                     {"Enthält unzulässige Steuerzeichen.", "Contains control characters that are not allowed."},
	"text.encoding":                    {"Enthält ungültig kodierte Zeichen.", "Contains characters that are not validly encoded."},
	"token.expiry_past":                {"Das Ablaufdatum liegt in der Vergangenheit.", "The expiry date is in the past."},
	"kind.invalid":                     {"Unbekannte Art.", "Unknown kind."},
	"kind.required_new":                {"Nötig, da die Organisation noch nicht im Atlas steht.", "Needed as the organization is not in the atlas yet."},
	"country.required_new":             {"Nötig, da die Organisation noch nicht im Atlas steht.", "Needed as the organization is not in the atlas yet."},
	"country.invalid":                  {"Bitte einen Staat als ISO-Code angeben (DE, AT, CH …).", "Give a country as ISO code (DE, AT, CH …)."},
	"region.invalid":                   {"Unbekannte Region für diesen Staat (ISO 3166-2, z. B. DE-NW, AT-9, CH-ZH).", "Unknown region for this country (ISO 3166-2, e.g. DE-NW, AT-9, CH-ZH)."},
	"code.de_municipality":             {"Amtlicher Gemeindeschlüssel: 8 Ziffern (AGS) oder 12 Ziffern (ARS).", "Official municipality key: 8 digits (AGS) or 12 digits (ARS)."},
	"code.de_county":                   {"Kreisschlüssel: 5 Ziffern.", "District key: 5 digits."},
	"code.de_state":                    {"Länderschlüssel: 2 Ziffern (01–16).", "State key: 2 digits (01–16)."},
	"code.de_land":                     {"Die ersten beiden Ziffern müssen ein Land (01–16) bezeichnen.", "The first two digits must name a Land (01–16)."},
	"code.de_region":                   {"Der Schlüssel gehört zu einem anderen Land als die Region.", "The key belongs to another Land than the region."},
	"code.ars_mismatch":                {"ARS ungültig: Stellen 6–9 (Verbandsschlüssel) passen nicht.", "Invalid ARS."},
	"code.at":                          {"Gemeindekennziffer: 5 Ziffern (Bezirk: 3), erste Ziffer 1–9.", "Austrian code: 5 digits for a municipality (3 for a district), first digit 1–9."},
	"code.at_region":                   {"Die erste Ziffer der Gemeindekennziffer passt nicht zum Bundesland.", "The first digit of the code does not match the state."},
	"code.ch":                          {"BFS-Gemeindenummer: 1 bis 4 Ziffern.", "BFS number: 1 to 4 digits."},
	"code.other":                       {"Amtlicher Schlüssel: nur Ziffern und Buchstaben.", "Official code: digits and letters only."},
	"population.invalid":               {"Einwohnerzahl muss eine ganze Zahl ab 0 sein.", "Population must be a whole number from 0."},
	"population_date.needs_population": {"Stichtag nur zusammen mit einer Einwohnerzahl.", "Reference date only together with a population."},
	"population.needs_date":            {"Bitte den Stichtag der Einwohnerzahl angeben.", "Give the reference date of the population."},
	"date.invalid":                     {"Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT (auch TT.MM.JJJJ).", "Date as YYYY, YYYY-MM or YYYY-MM-DD."},
	"date.full_required":               {"Bitte ein vollständiges Datum (JJJJ-MM-TT) angeben.", "Give a full date (YYYY-MM-DD)."},
	"date.future":                      {"Datum liegt in der Zukunft.", "Date lies in the future."},
	"role.invalid":                     {"Unbekannte Rolle.", "Unknown role."},
	"cdo_check.invalid":                {"CDO-Prüfung: ja, nein oder unbekannt.", "CDO check: yes, no or unknown."},
	"archetype.invalid":                {"Unbekannter Archetyp.", "Unknown archetype."},
	"placement.invalid":                {"Unbekannte Verortung.", "Unknown placement."},
	"abolished.before_created":         {"Abschaffung liegt vor der Einrichtung.", "Abolished before created."},
	"gender.invalid":                   {"Geschlecht: f, m, d oder unbekannt.", "Gender: f, m, d or unknown."},
	"wave.invalid":                     {"Welle: Buchstaben, Ziffern, - _ . (höchstens 40 Zeichen), z. B. 2024.", "Wave: letters, digits, - _ . (at most 40 characters), e.g. 2024."},
	"wave.other_date":                  {"Diese Welle hat schon einen anderen Stichtag.", "This wave already has another reference date."},
	"network.unknown":                  {"Netzwerk nicht gefunden.", "Network not found."},
	"circle.full":                      {"Der Kreis ist voll.", "The circle is full."},
	"circle.unknown":                   {"Kreis nicht gefunden.", "Circle not found."},
	"decision.invalid":                 {"Unbekannte Entscheidung.", "Unknown decision."},
	"consent.required":                 {"Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.", "Please consent to the processing of your details."},
	"goals.invalid":                    {"Unbekanntes Merkmal oder Gewicht außerhalb von 0 bis 100.", "Unknown attribute or a weight outside 0 to 100."},
	"capacity.invalid":                 {"Plätze: eine ganze Zahl ab 0 (0 = ohne Begrenzung).", "Seats: a whole number from 0 (0 = no cap)."},
	"call.closed":                      {"Die Bewerbungsfrist ist abgelaufen.", "The call is closed."},
	"answer.invalid":                   {"Antwort: gleich, verschieden oder unsicher.", "Answer: same, different or unsure."},
	"source.invalid":                   {"Unbekannte Quelle.", "Unknown source."},
	"birth_year.invalid":               {"Geburtsjahr zwischen 1900 und heute.", "Birth year between 1900 and today."},
	"basis.invalid":                    {"Unbekannte Grundlage für die Veröffentlichung.", "Unknown basis for publication."},
	"status.invalid":                   {"Status: aktuell, beendet oder unbekannt.", "Status: current, ended or unknown."},
	"hire.invalid":                     {"Besetzung: intern, extern oder unbekannt.", "Hire: internal, external or unknown."},
	"end.before_start":                 {"Das Ende liegt vor dem Beginn.", "The end lies before the start."},
	"end.current":                      {"Eine aktuelle Besetzung hat kein Ende.", "A current tenure has no end."},
	"tenure.overlap":                   {"Überschneidet sich mit einer anderen Besetzung dieser Stelle.", "Overlaps another tenure of this post."},
	"organization.unknown":             {"Organisation nicht gefunden.", "Organization not found."},
	"post.unknown":                     {"Stelle nicht gefunden.", "Post not found."},
	"person.unknown":                   {"Person nicht gefunden.", "Person not found."},
	"parent.self":                      {"Eine Organisation kann nicht ihre eigene übergeordnete sein.", "An organization cannot be its own parent."},
	"email.invalid":                    {"Bitte eine gültige E-Mail-Adresse angeben.", "Give a valid e-mail address."},
	"user_role.invalid":                {"Rolle: admin, editor oder member.", "Role: admin, editor or member."},
	"password.weak":                    {"Passwort: mindestens 12 Zeichen.", "Password: at least 12 characters."},
	"password.simple":                  {"Passwort zu leicht zu erraten: nicht nur Leerzeichen, Wiederholungen („abcabcabcabc“) oder Tastenfolgen („123456789012“).", "Password too easy to guess: not just spaces, repetitions (\"abcabcabcabc\") or key runs (\"123456789012\")."},
	"url.invalid":                      {"Bitte eine vollständige Adresse (https://…) angeben.", "Give a full address (https://…)."},
	"number.invalid":                   {"Bitte eine ganze Zahl angeben.", "Give a whole number."},
	"bool.invalid":                     {"Bitte ja oder nein angeben.", "Give yes or no."},
	"size_class.invalid":               {"Unbekannte Größenklasse.", "Unknown size class."},
	"row.unreadable":                   {"Zeile nicht lesbar (Anführungszeichen) und übersprungen.", "Line unreadable (quotes) and skipped."},
	"row.short":                        {"Weniger Felder als Spalten im Kopf: die fehlenden sind leer.", "Fewer fields than the header has columns: the missing ones are empty."},
	"row.extra":                        {"Werte in Spalten ohne Überschrift: nur im Rohwert behalten.", "Values in columns without a header: kept only as raw value."},
	"value.invalid":                    {"Kein Text und keine Zahl: nur im Rohwert behalten.", "Neither text nor a number: kept only as raw value."},
	"employees.invalid":                {"Beschäftigtenzahl muss eine ganze Zahl ab 0 sein.", "Employees must be a whole number from 0."},
}

// tooLongPrefix starts the message key of a value over its limit: the
// limit follows, as TooLong writes it.
const tooLongPrefix = "too_long."

// TooLong is the message key of a value longer than max characters; its
// text names the limit ("Höchstens 200 Zeichen.").
func TooLong(max int) string { return tooLongPrefix + strconv.Itoa(max) }

// Message returns the text of a validation message key in lang ("de" or
// "en"). Unknown keys are returned unchanged.
func Message(lang, key string) string {
	if n, ok := strings.CutPrefix(key, tooLongPrefix); ok {
		if max, err := strconv.Atoi(n); err == nil && max > 0 {
			if lang == "en" {
				return fmt.Sprintf("At most %s characters.", groupDigits(max, ","))
			}
			return fmt.Sprintf("Höchstens %s Zeichen.", groupDigits(max, "."))
		}
	}
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return m[1]
	}
	return m[0]
}

// groupDigits writes n with sep between groups of three digits.
func groupDigits(n int, sep string) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}
