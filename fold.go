package cdoatlas

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold turns text into its search form, so that "München", "Muenchen",
// "munchen" and "MÜNCHEN" all become "munchen": lower case, ß as ss,
// diacritics removed, the transliterations ae/oe/ue read as a/o/u, and runs
// of punctuation and space as one space. Stored search columns and search
// terms are folded the same way, so a search is a substring match on both.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading space
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ß' || r == 'ẞ':
			b.WriteString("ss")
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	out := strings.TrimRight(b.String(), " ")
	if strings.Contains(out, "e") {
		out = translit.Replace(out)
	}
	return out
}

var translit = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")
