package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

// A job ad opens with the employer describing itself: "Die Stadt
// Musterhausen (ca. 85.000 Einwohner) sucht …", "The City of Riverton, home
// to 95,000 residents, is looking for …". That is no task: the inhabitants
// counted there are not the local community the post works with, and a
// "Hochschulstandort" is not a university it cooperates with. dropSelfDescription
// removes, in each sentence whose subject is the employer, the words before
// the verb of hiring, and everywhere the population counts ("mit 12.500
// Einwohnern", "220'000 Einwohnerinnen und Einwohner", "95,000 residents").
func dropSelfDescription(s string) string {
	if !strings.ContainsFunc(s, unicode.IsDigit) && !hasHiringVerb(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		n := sentenceEnd(s)
		b.WriteString(dropInSentence(s[:n]))
		s = s[n:]
	}
	return b.String()
}

func hasHiringVerb(s string) bool {
	for _, w := range strings.Fields(cdoatlas.Fold(s)) {
		if hiringVerbs[w] {
			return true
		}
	}
	return false
}

// sentenceEnd returns the length of the first sentence of s with its end
// mark: a line break, or . ! ? : before white space and a capital letter.
// "ca. 85.000" and "z. B. die" go on.
func sentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i + 1
		case '.', '!', '?', ':':
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j == len(s) {
				return len(s)
			}
			if r, _ := utf8.DecodeRuneInString(s[j:]); (j > i+1 && unicode.IsUpper(r)) || s[j] == '\n' {
				return j
			}
		}
	}
	return len(s)
}

var hiringVerbs = setOf("sucht", "suchen", "stellt", "besetzen", "looking", "seeking", "seeks",
	"hiring", "recruiting", "recruits")

// employerWords are an employer speaking of itself, besides the words that
// start an organization's name.
var employerWords = setOf("wir", "we", "unsere", "unser", "our", "borough", "council", "city", "town",
	"konzern", "unternehmen", "company")

var populationWords = setOf("burger", "burgern", "burgerinnen", "residents", "inhabitants", "population", "ew")

func dropInSentence(sent string) string {
	raw := strings.Fields(sent)
	folded := make([]string, len(raw))
	for i, w := range raw {
		folded[i] = strings.ReplaceAll(cdoatlas.Fold(w), " ", "")
	}
	keep := make([]bool, len(raw))
	for i := range keep {
		keep[i] = true
	}
	// the employer's own clause before "sucht"
	for k := 1; k < len(folded) && k < 40; k++ {
		if !hiringVerbs[folded[k]] {
			continue
		}
		employer := false
		for _, w := range folded[:min(k, 4)] {
			employer = employer || orgStart[w] || orgWord[w] || employerWords[w]
		}
		if employer {
			for i := range k {
				keep[i] = false
			}
		}
		break
	}
	// population counts: a number, up to two words, then the inhabitants
	for i, w := range raw {
		if !strings.ContainsFunc(w, unicode.IsDigit) {
			continue
		}
		for j := i + 1; j < len(raw) && j <= i+3; j++ {
			if !isPopulation(folded[j]) {
				continue
			}
			if j+2 < len(raw) && (folded[j+1] == "und" || folded[j+1] == "and") && isPopulation(folded[j+2]) {
				j += 2 // "Einwohnerinnen und Einwohner"
			}
			for k := i; k <= j; k++ {
				keep[k] = false
			}
			break
		}
	}
	var b strings.Builder
	for i, w := range raw {
		if keep[i] {
			b.WriteString(w)
			b.WriteByte(' ')
		}
	}
	if b.Len() == 0 {
		return "\n"
	}
	if strings.HasSuffix(sent, "\n") {
		b.WriteByte('\n')
	}
	return b.String()
}

func isPopulation(w string) bool {
	return strings.HasPrefix(w, "einwohner") || populationWords[w]
}
