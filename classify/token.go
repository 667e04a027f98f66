package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanToken handles one whitespace-separated raw word: it drops academic
// and honorific titles and gender lists ("m/w/d"), joins dotted acronyms
// ("C.D.O." → "CDO") and removes gender endings inside the word.
func cleanToken(tok string) string {
	core := strings.TrimRight(tok, ",;")
	trail := tok[len(core):]
	if academic(core) || genderList(core) {
		return trail
	}
	if a, ok := dottedAcronym(core); ok {
		return a + trail
	}
	return stripGenderMarks(core) + trail
}

var academicAlways = setOf("dr", "prof", "profdr", "dring", "ddr", "mag", "maga", "mmag", "phd",
	"mba", "emba", "mpa", "mpp", "msc", "bsc", "llm", "llb", "mas", "meng", "beng", "habil",
	"honprof", "apl", "bakk", "herr", "frau", "drhc", "drrernat", "drphil", "drmed", "drjur")
var academicDotted = setOf("ma", "ba", "ing", "hc", "rer", "nat", "pol", "oec", "soc", "phil",
	"med", "jur", "iur", "techn", "sc", "ad", "mr", "mrs", "ms", "des", "publ", "mult")

// academic reports whether w is an academic or honorific title.
func academic(w string) bool {
	if w == "DI" || w == "(FH)" {
		return true
	}
	dotted := strings.ContainsAny(w, ".-")
	var kb [24]byte
	k := kb[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			k = append(k, c)
		case c >= 'A' && c <= 'Z':
			k = append(k, c+'a'-'A')
		case c == '.' || c == '-' || c == '(' || c == ')':
		default:
			return false
		}
		if len(k) == cap(kb) {
			return false
		}
	}
	key := string(k)
	switch {
	case key == "":
		return false
	case academicAlways[key]:
		return true
	case strings.HasPrefix(key, "dipl") && dotted:
		return true
	case strings.HasPrefix(key, "dr") && dotted && len(key) <= 10:
		return true
	case strings.HasPrefix(key, "mag") && dotted && len(key) <= 8:
		return true
	}
	return dotted && strings.Contains(w, ".") && academicDotted[key]
}

// genderList reports whether w is a bare gender list like "m/w/d" or "w|m".
func genderList(w string) bool {
	w = strings.Trim(w, "()[],;")
	if !strings.ContainsAny(w, "/|") {
		return false
	}
	return genderGroup(w)
}

// dottedAcronym joins "C.D.O." to "CDO".
func dottedAcronym(w string) (string, bool) {
	if len(w) < 3 || len(w) > 12 || w[1] != '.' {
		return "", false
	}
	var b [6]byte
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		isL := (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		switch {
		case i%2 == 0 && isL && n < len(b):
			b[n] = c
			n++
		case i%2 == 1 && c == '.':
		default:
			return "", false
		}
	}
	if n < 2 {
		return "", false
	}
	return string(b[:n]), true
}

// stripGenderMarks removes gender endings inside one word: "Leiter:in",
// "Referent*innen", "Leiter_in", "Leiter/in", "Leiter/-in",
// "Digitallotse/-lotsin", "Beauftragte/r", "Leiter·in", "Leiter-in",
// Binnen-I ("LeiterIn", "BeauftragteR").
func stripGenderMarks(w string) string {
	if !strings.ContainsAny(w, ":*_/·-IR") {
		return w
	}
	if strings.HasPrefix(strings.ToLower(w), "linkedin") {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRuneInString(w[i:])
		if i > 0 && lastIsLetter(w[:i]) {
			switch r {
			case ':', '*', '_', '/', '·', '-':
				j := i + n
				hy := false
				if r != '-' && j < len(w) && w[j] == '-' {
					j++
					hy = true
				}
				if m := endingAt(w, j, r != '-'); m > 0 {
					i = j + m
					continue
				}
				if hy && r == '/' && j < len(w) && w[j] >= 'a' && w[j] <= 'z' {
					for j < len(w) && isWordByte(w[j]) {
						j++
					}
					i = j // "/-lotsin": an alternative ending
					continue
				}
			case 'I':
				if prevLower(w[:i]) {
					if m := capEnding(w, i); m > 0 {
						i += m
						continue
					}
				}
			case 'R':
				if w[i-1] == 'e' && endOfWord(w, i+1) {
					i++
					continue
				}
			}
		}
		b.WriteString(w[i : i+n])
		i += n
	}
	return b.String()
}

// endingAt returns the length of a gender ending ("in", "innen", and when
// short is true also "r", "e", "n"; in any of the cases "in", "In", "IN")
// at w[j:] that ends the word, or 0.
func endingAt(w string, j int, short bool) int {
	for _, e := range []string{"innen", "Innen", "INNEN", "in", "In", "IN"} {
		if strings.HasPrefix(w[j:], e) && endOfWord(w, j+len(e)) {
			return len(e)
		}
	}
	if short && j < len(w) && strings.IndexByte("renREN", w[j]) >= 0 && endOfWord(w, j+1) {
		return 1
	}
	return 0
}

// capEnding returns the length of a Binnen-I ending at w[i:] ("In", "Innen").
func capEnding(w string, i int) int {
	for _, e := range []string{"Innen", "In"} {
		if strings.HasPrefix(w[i:], e) && endOfWord(w, i+len(e)) {
			return len(e)
		}
	}
	return 0
}

func endOfWord(w string, j int) bool {
	if j >= len(w) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w[j:])
	return !unicode.IsLetter(r)
}

func prevLower(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLower(r)
}

func isWordByte(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80
}
