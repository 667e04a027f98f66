package classify

import (
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Scope rules read a task text word by word to find out how far a post's
// digital responsibility reaches. Fixed phrases cannot do this: German
// builds "verwaltungsweit", "stadtverwaltungsweit" or
// "dezernatsübergreifend" from any organisational noun, and "alle",
// "sämtliche" or "gesamte" may stand a few words before the noun they
// quantify ("allen städtischen Ämtern"). The rules work on folded words
// (cdoatlas.Fold: lower case, no diacritics, ä → a) and never look across
// a clause boundary (. ; : ! ? brackets, line breaks).

// scope counts the word rules that fired.
type scope struct {
	cross int // an explicit mandate across units or for the whole organisation
	whole int // digitalisation or strategy "of the city / administration / county"
	unit  int // digitalisation "in / of" one unit (Jugendamt, Bauamt, one department)
	towns int // all municipalities of a county or association (coordination)
	helps int // supports a person or colleagues ("unterstützt die Leitung")
	strat int // an overall or digital strategy ("Digitalstrategie", "strategische Ziele")
	lead  int // "leitet", "Leitung", "Amtsleiterin" (not "Begleitung")
	topic int // words of digitalisation: digital, transformation, strategy, agenda
}

const boundary = "|"

// foldClauses folds each clause of s and joins them with " | ", so that
// the text starts and ends with a space and phrases match inside one
// clause only. Clauses that give the digital responsibility to someone
// else are left out (see elsewhere).
func foldClauses(s string) string {
	text, _ := foldTasks(s)
	return text
}

// foldTasks is foldClauses that also counts the clauses left out.
func foldTasks(s string) (text string, elsewhere int) {
	var b strings.Builder
	s = dropSelfDescription(s)
	b.Grow(len(s) + 16)
	b.WriteByte(' ')
	for seg := range strings.FieldsFuncSeq(s, isClauseBreak) {
		f := cdoatlas.Fold(seg)
		if f == "" {
			continue
		}
		if isElsewhere(strings.Fields(f)) {
			elsewhere++
			continue
		}
		b.WriteString(f)
		b.WriteString(" | ")
	}
	return b.String(), elsewhere
}

func hasAny(ws, of []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return slices.Contains(of, w) })
}

// isElsewhere reports whether a clause puts the digital strategy or
// digitalisation with another post: "die Digitalisierungsstrategie liegt
// bei der Stabsstelle", "… wird im Dezernat des Oberbürgermeisters
// gesteuert", "für die Digitalstrategie ist die Stabsstelle zuständig",
// "the digital strategy is owned by the CDO". The digital noun comes
// first; "Sie ist für die Digitalstrategie zuständig" is the post's own.
func isElsewhere(ws []string) bool {
	for i, w := range ws {
		if !isAnchor(w) {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+4; j++ {
			rest := ws[j+1:]
			switch v := ws[j]; {
			case slices.Contains(liesWords, v):
				if len(rest) > 0 && slices.Contains(withWords, rest[0]) && !(len(rest) > 1 && slices.Contains(selfWords, rest[1])) {
					return true // "liegt bei der Stabsstelle", not "liegt bei mir"
				}
			case slices.Contains(passiveWords, v):
				if hasAny(rest, participles) && !hasAny(rest, selfWords) {
					return true // not "wird von mir gesteuert"
				}
			case v == "ist" || v == "sind":
				if hasAny(rest, dutyWords) && !hasAny(rest, selfWords) {
					return true
				}
			}
		}
	}
	return false
}

func isClauseBreak(r rune) bool {
	switch r {
	case '.', ';', ':', '!', '?', '(', ')', '[', ']', '\n', '\r', '•', '|':
		return true
	}
	return false
}

// readScope applies the word rules to a text from foldClauses.
func readScope(text string) scope {
	var sc scope
	ws := strings.Fields(text)
	// ahead calls f on up to n words after i, within the clause, until f
	// returns true; it reports whether f did.
	ahead := func(i, n int, f func(j int) bool) bool {
		for j := i + 1; j < len(ws) && j <= i+n && ws[j] != boundary; j++ {
			if f(j) {
				return true
			}
		}
		return false
	}
	unitAt := func(j int) (ok, plural bool) {
		if ok, pl := isUnit(ws[j]); ok {
			return true, pl
		}
		if j > 0 && isUnitPair(ws[j-1], ws[j]) {
			return true, strings.HasSuffix(ws[j], "s")
		}
		return false, false
	}
	for i, w := range ws {
		switch {
		case w == boundary:
			continue

		// "ämterübergreifend", "fachbereichs- und dezernatsübergreifend",
		// "ämter-übergreifend", "über Fachgrenzen hinweg".
		case strings.Contains(w, "ubergreifend"):
			p, ok := suffixPrefix(w, "ubergreifend")
			if ok && p == "" && i > 0 {
				p = ws[i-1] // "ämter-übergreifend"
			}
			if ok && p != "" && orgFront(p, true, crossFronts) {
				sc.cross++
			}
		case strings.Contains(w, "grenze"):
			if p, ok := suffixPrefix(w, "grenze"); ok && p != "" && orgFront(p, false, crossFronts) {
				sc.cross++
			}

		// "verwaltungsweit", "hausweit", "konzernweiten", "group-wide".
		case strings.Contains(w, "weit") || strings.HasSuffix(w, "wide"):
			p, ok := suffixPrefix(w, "weit")
			if !ok {
				// "weiter" alone is "further"; only English splits the noun
				// off: "group-wide".
				if p, ok = strings.CutSuffix(w, "wide"); ok && p == "" && i > 0 {
					p = ws[i-1]
				}
			}
			if ok && p != "" && wholeFront(p) {
				sc.cross++
			}

		// "alle Fachbereiche", "allen städtischen Ämtern", "sämtlicher
		// Organisationseinheiten", "jedes Amt", "every directorate";
		// "alle Gemeinden des Kreises" is coordination of towns.
		case isAll(w):
			ahead(i, 3, func(j int) bool {
				if ok, _ := unitAt(j); ok {
					sc.cross++
					return true
				}
				if ok, pl := isWhole(ws[j]); ok && pl {
					sc.towns++
					return true
				}
				if isPart(ws[j]) && ahead(j, 2, func(k int) bool { ok, _ := isWhole(ws[k]); return ok }) {
					sc.cross++ // "alle Bereiche der Verwaltung"
					return true
				}
				return false
			})

		// "gesamte Stadtverwaltung", "im ganzen Haus", "the whole council".
		case isTotal(w):
			ahead(i, 2, func(j int) bool {
				if ok, _ := isWhole(ws[j]); ok {
					sc.cross++
					return true
				}
				return false
			})
		case strings.HasPrefix(w, "gesamt") && len(w) > len("gesamt"):
			if ok, _ := isWhole(w[len("gesamt"):]); ok || strings.HasPrefix(w, "gesamtstadt") {
				sc.cross++ // Gesamtverwaltung, gesamtstädtisch
			}

		// "cross-departmental", "interdepartmental", "across all departments",
		// "across the organisation".
		case w == "cross" || w == "inter" || w == "across":
			n := 1
			if w == "across" {
				n = 5
			}
			ahead(i, n, func(j int) bool {
				if ok, pl := unitAt(j); ok && (pl || w != "across") {
					sc.cross++
					return true
				}
				// "across the city" is a place, not the organisation.
				if ok, _ := isWhole(ws[j]); ok && ws[j] != "city" {
					sc.cross++
					return true
				}
				return false
			})
		case strings.HasPrefix(w, "interdepartment") || strings.HasPrefix(w, "crossdepartment"):
			sc.cross++

		// "koordiniert die Departemente", "steuert die Fachbereiche".
		case isCoordVerb(w):
			ahead(i, 3, func(j int) bool {
				if ok, pl := unitAt(j); ok && pl {
					sc.cross++
					return true
				}
				return false
			})
		}

		// Signs read whatever rule above fired.
		switch {
		// "unterstützt die Leitung der Stabsstelle", "supports the CDO";
		// supporting businesses or departments is no helper job.
		case hasPrefix(w, supportVerbs):
			ahead(i, 3, func(j int) bool {
				if isAide(ws[j]) {
					sc.helps++
					return true
				}
				return false
			})

		// A strategy of the organisation or of its digitalisation, not of
		// one subject ("IT-Infrastrukturstrategie", "Datenstrategie").
		case strings.Contains(w, "strateg"):
			front := w[:strings.Index(w, "strateg")]
			if front == "" || hasPrefix(front, strategyFronts) || strings.Contains(front, "digital") {
				sc.strat++
			} else if wholeFront(front) {
				sc.strat++ // Unternehmensstrategie, Stadtstrategie
			}

		// "leitet", "Leitung", "Teamleiterin"; not "Begleitung",
		// "weiterleiten", "Anleitung", "ableiten".
		case strings.Contains(w, "leit"):
			k := strings.Index(w, "leit")
			switch rest := w[k+len("leit"):]; {
			case strings.HasPrefix(rest, "ung"), strings.HasPrefix(rest, "en"), strings.HasPrefix(rest, "et"),
				strings.HasPrefix(rest, "er"), rest == "e", rest == "t", rest == "st":
				if !slices.Contains(leadNotFronts, w[:k]) {
					sc.lead++
				}
			}
		}

		// The object of digital responsibility: "Digitalisierung der
		// Stadtverwaltung", "Digitalstrategie der Gemeinde", "the city's
		// digital strategy" (whole); "Digitalisierung im Jugendamt",
		// "digital transformation of the customer service department"
		// (unit); "Digitalisierungsprojekte der Fachbereiche" (all units).
		if isAnchor(w) {
			sc.topic++
			if i >= 1 && (isAll(ws[i-1]) || i >= 2 && isAll(ws[i-2])) {
				// "alle Digitalisierungsvorhaben", "sämtliche digitalen Projekte":
				// all digital matters, unless a unit follows.
				if !ahead(i, 4, func(j int) bool { ok, pl := unitAt(j); return ok && !pl }) {
					sc.whole++
				}
			}
			if i >= 2 && ws[i-1] == "s" {
				if ok, _ := isWhole(ws[i-2]); ok {
					sc.whole++
					continue
				}
			}
			if i >= 1 && isOwnAdjective(ws[i-1]) {
				sc.whole++
				continue
			}
			linked, total := false, false
			ahead(i, 6, func(j int) bool {
				v := ws[j]
				if isAnchor(v) {
					return true // the next digital noun reads its own object
				}
				if slices.Contains(linkWords, v) {
					linked = true
					return false
				}
				if isAll(v) || isTotal(v) {
					total = true // "in allen Ämtern" is read above
					return false
				}
				if !linked {
					return false
				}
				if ok, pl := isWhole(v); ok && !pl {
					sc.whole++
					return true
				}
				ok, pl := unitAt(j)
				if !ok {
					ok, pl = stemEnd(v, unitStemsScope)
				}
				switch {
				case !ok:
					return false
				case !pl && j+2 < len(ws) && slices.Contains(linkWords, ws[j+1]) && hasPrefix(ws[j+2], headWords):
					// "im Büro des Oberbürgermeisters" is the head's own office.
				case pl && !total:
					sc.cross++ // "Digitalisierungsprojekte der Fachbereiche"
				case !pl && !total:
					sc.unit++
				}
				return true
			})
		}
	}
	return sc
}
