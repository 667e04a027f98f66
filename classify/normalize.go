// Package classify reads job titles and task descriptions of digital
// leadership posts: which role a title names (Title), whether the tasks make
// a post a Chief Digital Officer post (Check), the focus of such a post
// (Archetype) and what a job advertisement lacks (Gaps). It works from rules
// over word parts, not from a list of known titles, so it copes with German
// compounds, gender forms, honorifics and small typos. Every verdict comes
// with reasons in German and English for the coordinator who reviews it.
package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

// Normalize returns the comparison form of a job title: folded like
// cdoatlas.Fold (lower case, umlauts, ß and accents folded, punctuation,
// hyphens and slashes as single spaces), without gender forms ("-in",
// ":innen", "*in", "/-in", Binnen-I, "Beauftragte(r)", "(m/w/d)" in any
// order, "(all genders)" …), without academic and honorific titles ("Dr.",
// "Prof.", "Dipl.-Ing.", "Mag.", "MBA", "M.A." …) and without the
// organization it names ("der Stadt X", "des Landkreises X", ", City of X",
// "at X", "bei der Stadt X", "| X", "– X"). It runs in linear time and
// returns valid UTF-8 of at most three times the length of title.
func Normalize(title string) string {
	return strings.Join(normalizeTokens(title), " ")
}

// normalizeTokens returns the words of the normalized title.
func normalizeTokens(title string) []string {
	primary, _ := segments(title)
	return primary
}

// segments cleans title and returns the words of its title segment and the
// words of the other segments that do not merely name an organization.
func segments(title string) (primary, rest []string) {
	s := cleanRaw(title)
	parts := splitSegments(s)
	chosen := -1
	for i, p := range parts {
		if strings.TrimSpace(p) == "" || orgLike(p) {
			continue
		}
		if chosen < 0 {
			chosen = i
			primary = words(p)
			continue
		}
		rest = append(rest, words(p)...)
	}
	if chosen < 0 && len(parts) > 0 {
		primary = words(parts[0])
	}
	return primary, rest
}

// words folds a segment and returns its words without feminine endings,
// repeated words and a trailing organization.
func words(seg string) []string {
	toks := strings.Fields(cdoatlas.Fold(seg))
	out := toks[:0]
	for _, t := range toks {
		t = stripFeminine(t)
		if len(out) > 0 && out[len(out)-1] == t {
			continue // "Leiter/Leiterin"
		}
		out = append(out, t)
	}
	return cutOrganization(out)
}

// splitSegments splits at the separators people put between a title and
// an employer: | – — • · @ ; and " - ".
func splitSegments(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		sep := false
		switch r {
		case '|', '–', '—', '•', '·', '@', ';':
			sep = true
		case '-':
			sep = i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' '
		}
		if sep {
			parts = append(parts, s[start:i])
			start = i + n
		}
		i += n
	}
	return append(parts, s[start:])
}

// orgLike reports whether a segment starts like the name of an organization
// ("Stadt Ulm", "Landkreis Harz", "City of Vienna").
func orgLike(seg string) bool {
	f := strings.Fields(cdoatlas.Fold(firstWords(seg, 2)))
	if len(f) == 0 {
		return false
	}
	if orgStart[f[0]] {
		return true
	}
	return len(f) > 1 && f[1] == "of" && (f[0] == "city" || f[0] == "town" || f[0] == "county" || f[0] == "municipality")
}

// firstWords returns the first n words of s, cheaply.
func firstWords(s string, n int) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			n--
			if n == 0 {
				return s[:i]
			}
		}
	}
	return s
}

var orgStart = setOf("stadt", "gemeinde", "landkreis", "kreis", "markt", "marktgemeinde",
	"landeshauptstadt", "hansestadt", "kanton", "bezirk", "bezirksamt", "landratsamt",
	"stadtverwaltung", "kreisverwaltung", "gemeindeverwaltung", "verbandsgemeinde",
	"samtgemeinde", "universitatsstadt", "kreisstadt", "grosse", "freie", "magistrat", "municipality")

// orgWord are words that start an organization after an article or a
// preposition ("der Stadt", "im Landkreis", "of the City").
var orgWord = setOf("stadt", "stadtverwaltung", "gemeinde", "gemeindeverwaltung", "landkreis",
	"landkreises", "kreis", "kreises", "kreisverwaltung", "kreisstadt", "landeshauptstadt",
	"hansestadt", "markt", "marktes", "marktgemeinde", "stadtgemeinde", "verbandsgemeinde",
	"samtgemeinde", "landratsamt", "landratsamtes", "bezirk", "bezirks", "bezirksamt",
	"bezirksamtes", "kanton", "kantons", "land", "landes", "landesregierung", "landesverwaltung",
	"staatsregierung", "senat", "senats", "freistaat", "freistaates", "freistaats", "bundesregierung", "region", "city", "town", "county",
	"municipality", "council", "magistrat", "magistrats", "universitatsstadt", "grossen", "freien")

// bareOrgWord are words that start an organization even without article.
var bareOrgWord = setOf("stadt", "gemeinde", "landkreis", "stadtverwaltung", "gemeindeverwaltung",
	"kreisverwaltung", "landeshauptstadt", "hansestadt", "marktgemeinde", "stadtgemeinde",
	"landratsamt", "magistrat", "verbandsgemeinde", "samtgemeinde", "bezirksamt", "kreisstadt",
	"universitatsstadt", "municipality")

var articles = setOf("der", "des", "dem", "die", "das", "the")
var orgPreps = setOf("im", "in", "fur", "von", "vom", "of", "am", "for")

// cutOrganization drops the organization a title names at its end.
func cutOrganization(t []string) []string {
	for i := 1; i < len(t); i++ {
		w := t[i]
		switch {
		case w == "at" || w == "bei":
			return t[:i]
		case bareOrgWord[w]:
			return t[:i]
		case (w == "city" || w == "town" || w == "county") && i+1 < len(t) && t[i+1] == "of":
			return t[:i]
		case articles[w] || orgPreps[w]:
			j := i + 1
			for k := 0; k < 2 && j < len(t) && articles[t[j]]; k++ {
				j++
			}
			if j < len(t) && j > i && orgWord[t[j]] && !(t[j] == "region" && w == "die") {
				return keepField(t, i, j)
			}
		}
	}
	return t
}

// keepField drops the organization t[i:] starts with (its name begins at
// t[j]) but keeps the field that follows it: "Beauftragter des Landes
// Brandenburg für Informationstechnik" → "Beauftragter für
// Informationstechnik".
func keepField(t []string, i, j int) []string {
	for k := j + 1; k < len(t) && k <= j+4; k++ {
		if t[k] == "fur" || t[k] == "for" {
			return append(t[:i:i], t[k:]...)
		}
	}
	return t[:i]
}

// stripFeminine removes the feminine ending -in/-innen from agent nouns
// ("leiterin", "referentinnen", "landratin"), leaving other words alone
// ("berlin", "termin", "medizin").
func stripFeminine(t string) string {
	if len(t) >= 9 && strings.HasSuffix(t, "innen") && agentStem(t[:len(t)-5]) {
		return t[:len(t)-5]
	}
	if len(t) >= 6 && strings.HasSuffix(t, "in") && agentStem(t[:len(t)-2]) {
		return t[:len(t)-2]
	}
	return t
}

var agentEndings = []string{"er", "or", "ent", "ant", "ist", "at", "ar", "ekt", "ert", "eur", "og", "ef", "ot", "amt", "ts", "eg"}

func agentStem(s string) bool {
	if len(s) < 4 {
		return false
	}
	for _, e := range agentEndings {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// cleanRaw removes gender markers and academic titles from the raw title,
// where case and punctuation still tell them apart.
func cleanRaw(s string) string {
	s = dropGroups(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, tok := range strings.Fields(s) {
		tok = cleanToken(tok)
		if tok == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tok)
	}
	return b.String()
}

// dropGroups removes bracketed gender groups "(m/w/d)", "[all genders]",
// bracketed endings "(in)", "(r)", "(-in)" and "(FH)". Only the next 48
// bytes are searched for the closing bracket, which keeps it linear.
func dropGroups(s string) string {
	if strings.IndexByte(s, '(') < 0 && strings.IndexByte(s, '[') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '(' || c == '[' {
			closer := byte(')')
			if c == '[' {
				closer = ']'
			}
			end := min(len(s), i+48)
			j := i + 1
			for j < end && s[j] != closer && s[j] != '(' && s[j] != '[' {
				j++
			}
			if j < end && s[j] == closer {
				inner := s[i+1 : j]
				afterLetter := i > 0 && lastIsLetter(s[:i])
				if genderGroup(inner) || (afterLetter && endingGroup(inner)) || strings.EqualFold(inner, "fh") {
					b.WriteByte(' ')
					i = j
					continue
				}
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func lastIsLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

var genderPart = setOf("m", "w", "d", "f", "x", "h", "i", "t", "a", "div", "divers", "diverse",
	"gn", "mwd", "wmd", "mfd", "all", "alle", "gender", "genders", "geschlechter", "any", "inter")
var genderKey = setOf("m", "w", "f", "h", "d", "div", "divers", "gn", "mwd", "wmd", "mfd",
	"gender", "genders", "geschlechter")

// genderGroup reports whether s only lists genders ("m/w/d", "all genders").
func genderGroup(s string) bool {
	key, n := false, 0
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		p = strings.ToLower(p)
		if !genderPart[p] {
			return false
		}
		key = key || genderKey[p]
		n++
	}
	return key && n > 0
}

// endingGroup reports whether s is a bracketed word ending ("in", "-in", "r").
func endingGroup(s string) bool {
	switch strings.TrimPrefix(strings.ToLower(s), "-") {
	case "in", "innen", "r", "e", "n", "er":
		return true
	}
	return false
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
