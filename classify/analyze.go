package classify

import "strings"

// analysis holds what the words of a normalized title say.
type analysis struct {
	toks   []string
	flags  []flag
	all    flag
	fuzzy  []string // words read with a typo tolerance
	hasAnd bool
}

func analyze(toks []string) analysis {
	a := analysis{toks: toks, flags: make([]flag, len(toks))}
	for i, t := range toks {
		f, fz := analyzeToken(t)
		a.flags[i] = f
		if fz {
			a.fuzzy = append(a.fuzzy, t)
		}
		if t == "und" || t == "and" {
			a.hasAnd = true
		}
	}
	corporateLeads(&a)
	boardMembership(&a)
	// "smart city", "smarte Region"; "information technology"
	for i := 0; i+1 < len(toks); i++ {
		if a.flags[i]&fSmartWord != 0 && a.flags[i+1]&fPlace != 0 {
			a.flags[i] |= fSmart
		}
		if a.flags[i]&fInfo != 0 && a.flags[i+1]&fTech != 0 {
			a.flags[i] |= fIT
			a.flags[i+1] &^= fTech
		}
		if toks[i] == "e" && toks[i+1] == "government" {
			a.flags[i+1] |= fDigitalWeak
		}
		if a.flags[i]&fData != 0 && a.flags[i+1]&fPrivacy != 0 {
			a.flags[i] &^= fData
		}
	}
	for _, f := range a.flags {
		a.all |= f
	}
	return a
}

// analyzeToken returns the flags of one word and whether a typo tolerance
// was needed to read it.
func analyzeToken(t string) (flag, bool) {
	if f, ok := wordStems[t]; ok {
		return f, false
	}
	if len(t) == 0 {
		return 0, false
	}
	var f, prefix, foreignLead flag
	var covered uint64 // bit i: byte i belongs to a known part (first 64 bytes)
	unknownPrefix := false
	for i := 0; i < len(t); {
		var hit *stem
		for k := range partStems[t[i]] {
			if strings.HasPrefix(t[i:], partStems[t[i]][k].text) {
				hit = &partStems[t[i]][k]
				break
			}
		}
		if hit == nil {
			if !(t[i] == 's' && i > 0) { // linking s: "Digitalisierungs-beauftragter"
				unknownPrefix = true
			}
			i++
			continue
		}
		sf := hit.flags
		if i > 0 && sf&(fLead|fAssign|fWeakLead|fPolitical) != 0 && sf&fHelper == 0 {
			neutral := prefix&positiveDomains != 0 ||
				(!unknownPrefix && prefix&(fNarrow|fPrivacy|fSecurity) == 0)
			if !neutral {
				foreignLead |= sf & (fLead | fAssign | fWeakLead | fPolitical)
				sf = sf&^(fLead|fAssign|fWeakLead|fPolitical) | fForeign
			}
		}
		f |= sf
		prefix |= sf
		for j := i; j < i+len(hit.text) && j < 64; j++ {
			covered |= 1 << uint(j)
		}
		i += len(hit.text)
	}
	if len(t) > 64 {
		return f, false
	}
	g, used := fuzzyResidue(t, covered, f)
	if used && foreignLead != 0 && (g&^f)&positiveDomains != 0 {
		// "Innovatonsmanager": the misspelt prefix was a domain after all
		g = g&^fForeign | foreignLead
	}
	return g, used
}

// fuzzyResidue reads the uncovered runs of t (5 bytes or more) against the
// typo-tolerant stems.
func fuzzyResidue(t string, covered uint64, f flag) (flag, bool) {
	used := false
	for i := 0; i < len(t); {
		if covered&(1<<uint(i)) != 0 {
			i++
			continue
		}
		j := i
		for j < len(t) && covered&(1<<uint(j)) == 0 {
			j++
		}
		run := t[i:j]
		i = j
		if len(run) < 5 {
			continue
		}
		for _, s := range fuzzyStems {
			if f&s.flags == s.flags {
				continue
			}
			if len(s.text) < 6 { // short stems only as whole words
				if len(run) != len(t) || abs(len(run)-len(s.text)) > 1 {
					continue
				}
			} else if len(run) < len(s.text)-s.fuzzy {
				continue
			}
			if approxContains(run, s.text, s.fuzzy) {
				f |= s.flags
				used = true
			}
		}
	}
	return f, used
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// corporateLeads reads the vice presidents of companies as leads:
// "(Senior|Executive) Vice President IT", "VP Digital", "SVP Technology".
// A vice president heads a function, unlike a Vizepräsident, who deputises
// for a president. SVP and EVP are also Swiss parties; they read as a
// corporate rank only beside a field a company has a head for (digital, IT,
// data, sales …) and no political office.
func corporateLeads(a *analysis) {
	var fields, politics flag
	for i, t := range a.toks {
		if t != "svp" && t != "evp" {
			fields |= a.flags[i]
		}
	}
	politics = fields & fPolitical
	fields &= positiveDomains | fOtherChief
	for i, t := range a.toks {
		rank := false
		switch {
		case t == "vice" && i+1 < len(a.toks) && a.toks[i+1] == "president":
			a.flags[i] = fFiller
			a.flags[i+1] = fLead
			rank = true
		case t == "vp" || t == "vicepresident":
			a.flags[i] = fLead
			rank = true
		case (t == "svp" || t == "evp") && fields != 0 && politics == 0:
			a.flags[i] = fLead
			rank = true
		}
		// "Executive", "Senior", "Group" before the rank qualify it
		for j := i - 1; rank && j >= 0 && corporateRank[a.toks[j]]; j-- {
			a.flags[j] = fFiller
		}
	}
}

var corporateRank = setOf("executive", "senior", "group", "corporate", "global", "regional", "area")

// boardMembership reads "Mitglied der Geschäftsleitung", "Mitglied des
// Verwaltungsvorstands", "Member of the Executive Board": membership of a
// leading body is neither a helper's post nor a role of its own, so it
// neither overrides the role the title names beside it ("CDO & Mitglied
// der Konzernleitung") nor lends it a lead. Membership of anything else
// ("Mitglied im Digitalausschuss") stays a helper's post.
func boardMembership(a *analysis) {
	for i, t := range a.toks {
		if t != "mitglied" && t != "member" && t != "mitglieder" && t != "members" {
			continue
		}
		end := -1
		for j := i + 1; j < len(a.toks) && j <= i+4; j++ {
			if leadingBody(a.toks[j]) {
				end = j
				// "Member of the Board of Directors"
				for end+2 < len(a.toks) && (a.toks[end+1] == "of" || a.toks[end+1] == "der" || a.toks[end+1] == "des") && leadingBody(a.toks[end+2]) {
					end += 2
				}
				break
			}
			if a.flags[j]&(positiveDomains|fSmartWord|leadFlags|fStab|fUnit|fHelper) != 0 {
				break
			}
		}
		if end < 0 {
			continue
		}
		for k := i; k <= end; k++ {
			a.flags[k] = fFiller
		}
	}
}

// leadingBody reports whether w names a leading body: a board, an
// executive committee, the management.
func leadingBody(w string) bool {
	for _, b := range leadingBodies {
		if strings.Contains(w, b) {
			return true
		}
	}
	return false
}

var leadingBodies = []string{"vorstand", "leitung", "fuhrung", "direktion", "direktorium", "prasidium",
	"spitze", "board", "executive", "management", "directors", "kollegium", "verwaltungsrat"}
