package classify

import (
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Result is what a title says.
type Result struct {
	Role       string   `json:"role"`       // one of cdoatlas.Roles
	Confidence float64  `json:"confidence"` // 0 … 1
	Reasons    []Reason `json:"reasons"`
	Normalized string   `json:"normalized"` // the title as Normalize reads it
}

// Title returns the role a job title names: cdo, cio, cto,
// chief_data_officer, innovation, smart_city or other. It reads word parts
// ("digital", "beauftragt", "leit", "stabsstelle", "chief … officer",
// "informationstechn", "smart city", "innovation", "daten" …), resolves
// abbreviations (CDO, CIO, CTO) against a spelled-out "Chief … Officer",
// tolerates small typos and treats helpers (Referent, Sachbearbeiter,
// Digitallotse), deputies, project leads (except of smart-city projects)
// and other offices (Datenschutzbeauftragte, Technischer Beigeordneter,
// CDU) as other. Corporate vice presidents ("SVP Digital", "Executive Vice
// President IT") lead their field; membership of a board ("CDO & Mitglied
// des Verwaltungsvorstands") neither helps nor overrides the role beside it;
// a state's commissioners are read past the state's name ("Beauftragte der
// Landesregierung für Informationstechnik").
// Words of organization, when the title repeats them, are ignored; country
// is accepted for country-specific rules and does not change the result yet.
func Title(title, organization, country string) Result {
	primary, rest := segments(title)
	primary = dropOrganization(primary, organization)
	o := decide(primary)
	if o.named && len(rest) > 0 && len(primary) <= 2 && hasAbbreviation(primary) {
		// "CDO – Data & Analytics": the other part says what CDO stands for
		o = decide(append(primary[:len(primary):len(primary)], rest...))
	} else if !o.named && len(rest) > 0 {
		if o2 := decide(rest); o2.named {
			o2.conf *= 0.85
			o2.reasons = append(o2.reasons, rSecondPart)
			o = o2
		}
	}
	if len(primary) == 0 {
		o = outcome{role: cdoatlas.RoleOther, reasons: []Reason{rEmpty}}
	}
	return Result{Role: o.role, Confidence: round2(o.conf), Reasons: o.reasons, Normalized: strings.Join(primary, " ")}
}

func hasAbbreviation(toks []string) bool {
	for _, t := range toks {
		if _, ok := abbreviations[t]; ok {
			return true
		}
	}
	return false
}

// dropOrganization removes the organization's name when the title ends
// with it ("CDO Köln" for "Stadt Köln").
func dropOrganization(toks []string, organization string) []string {
	if organization == "" || len(toks) < 2 {
		return toks
	}
	org := strings.Fields(cdoatlas.Fold(organization))
	for len(org) > 0 && len(toks) > 1 {
		last := toks[len(toks)-1]
		found := false
		for _, w := range org {
			if w == last && len(w) > 2 && !orgStart[w] {
				found = true
			}
		}
		if !found || wordStems[last]&(positiveDomains|fSmartWord|fPlace) != 0 {
			break
		}
		toks = toks[:len(toks)-1]
	}
	return toks
}

type outcome struct {
	role    string
	conf    float64
	reasons []Reason
	named   bool // the title names one of the roles (before overrides)
}

// rolePriority decides combined posts: "CIO & CDO" is a CDO post.
var rolePriority = []string{cdoatlas.RoleCDO, cdoatlas.RoleCIO, cdoatlas.RoleChiefDataOfficer,
	cdoatlas.RoleCTO, cdoatlas.RoleSmartCity, cdoatlas.RoleInnovation}

var abbreviations = map[string]string{
	"cdo": cdoatlas.RoleCDO, "cdio": cdoatlas.RoleCDO, "cido": cdoatlas.RoleCDO, "cdto": cdoatlas.RoleCDO,
	"cio": cdoatlas.RoleCIO, "cto": cdoatlas.RoleCTO, "cino": cdoatlas.RoleInnovation,
	"cdao": cdoatlas.RoleChiefDataOfficer,
}

type candidate struct {
	role   string
	conf   float64
	reason Reason
	strong bool // from "Chief … Officer" or an abbreviation
}

func decide(toks []string) outcome {
	a := analyze(toks)
	var cands []candidate
	acronyms := ""
	var rest flag // flags of the words outside phrases and abbreviations
	for i := 0; i < len(toks); i++ {
		if a.flags[i]&fChief == 0 {
			rest |= a.flags[i]
			continue
		}
		if c, acr, j, ok := chiefPhrase(a, i); ok {
			cands = append(cands, c)
			acronyms += " " + acr
			i = j
		}
	}
	for i, t := range toks {
		role, ok := abbreviations[t]
		if !ok {
			continue
		}
		rest &^= fOtherChief
		if strings.Contains(acronyms, " "+t) {
			continue
		}
		cands = append(cands, abbreviation(a, i, role))
	}
	if c, ok := domainLead(rest); ok {
		cands = append(cands, c)
	}
	o := pick(cands)
	o.named = len(cands) > 0 && o.role != cdoatlas.RoleOther
	if len(a.fuzzy) > 0 && o.named {
		o.conf *= 0.9
		o.reasons = append(o.reasons, withWord(rTypo, strings.Join(a.fuzzy, ", ")))
	}
	return override(a, o, cands)
}

// chiefPhrase reads "chief <words> officer" starting at i.
// It returns the index of "officer".
func chiefPhrase(a analysis, i int) (candidate, string, int, bool) {
	end := min(len(a.toks), i+7)
	j := i + 1
	for j < end && a.flags[j]&fOfficer == 0 {
		j++
	}
	if j >= end || j == i+1 {
		return candidate{}, "", i, false
	}
	var mid flag
	acr := "c"
	for k := i + 1; k < j; k++ {
		if a.flags[k]&fFiller != 0 && a.flags[k]&^fFiller == 0 {
			continue
		}
		mid |= a.flags[k]
		acr += a.toks[k][:1]
	}
	acr += "o"
	c := candidate{conf: 0.95, strong: true, reason: rChief}
	switch {
	case mid&fDigital != 0:
		c.role = cdoatlas.RoleCDO
	case mid&(fPrivacy|fSecurity) != 0:
		c.role, c.reason = cdoatlas.RoleOther, rChiefOther
	case mid&fData != 0:
		c.role = cdoatlas.RoleChiefDataOfficer
	case mid&(fIT|fInfo) != 0:
		c.role = cdoatlas.RoleCIO
	case mid&fTech != 0:
		c.role = cdoatlas.RoleCTO
	case mid&fInnovation != 0:
		c.role = cdoatlas.RoleInnovation
	case mid&(fSmart|fSmartWord) != 0:
		c.role = cdoatlas.RoleSmartCity
	case mid&fDigitalWeak != 0:
		c.role, c.conf = cdoatlas.RoleCDO, 0.6
	default:
		c.role, c.reason, c.conf = cdoatlas.RoleOther, rChiefOther, 0.9
	}
	return c, acr, j, true
}

// abbreviation reads CDO, CIO, CTO … in the light of the other words:
// "CDO Daten" is a chief data officer, "CDO Diversity" is other.
func abbreviation(a analysis, i int, role string) candidate {
	c := candidate{role: role, conf: 0.9, strong: true, reason: withWord(rAbbrev, a.toks[i])}
	other := a.all &^ a.flags[i]
	switch {
	case role == cdoatlas.RoleCDO && other&fOtherChief != 0 && other&fDigital == 0:
		c.role, c.reason = cdoatlas.RoleOther, rAbbrevOther
	case role == cdoatlas.RoleCDO && other&fData != 0 && other&fDigital == 0:
		c.role = cdoatlas.RoleChiefDataOfficer
	case role == cdoatlas.RoleCIO && other&fInnovation != 0 && other&(fIT|fInfo) == 0:
		c.role = cdoatlas.RoleInnovation
	}
	return c
}

// domainLead combines a domain (digital, IT, data …) with a leading role
// (Leiter, Beauftragte, head, Manager, Stabsstelle, Dezernent …).
func domainLead(d flag) (candidate, bool) {
	strong := d&(fLead|fAssign|fOfficer|fChief) != 0
	weak := d&fWeakLead != 0
	stab := d&fStab != 0
	pol := d&fPolitical != 0
	if !strong && !weak && !stab && !pol {
		return candidate{}, false
	}
	c := candidate{conf: 0.9, reason: rDomainLead}
	switch {
	case strong:
	case stab:
		c.conf, c.reason = 0.7, rStab
	case pol:
		c.conf, c.reason = 0.65, rPolitical
	default:
		c.conf, c.reason = 0.75, rWeakLead
	}
	switch {
	case d&fDigital != 0:
		c.role = cdoatlas.RoleCDO
	case d&fIT != 0:
		c.role = cdoatlas.RoleCIO
		if d&fSecurity != 0 {
			c.role, c.reason = cdoatlas.RoleOther, rSecurity
		}
	case d&fData != 0 && d&fPrivacy == 0 && (strong || stab):
		c.role = cdoatlas.RoleChiefDataOfficer
		if d&fSecurity != 0 {
			c.role, c.reason = cdoatlas.RoleOther, rSecurity
		}
	case d&fTech != 0 && strong:
		c.role = cdoatlas.RoleCTO
	case d&fSmart != 0:
		c.role = cdoatlas.RoleSmartCity
	case d&fInnovation != 0:
		c.role = cdoatlas.RoleInnovation
	case d&fDigitalWeak != 0:
		c.role = cdoatlas.RoleCDO
		c.conf -= 0.15
	default:
		return candidate{}, false
	}
	return c, true
}

func pick(cands []candidate) outcome {
	o := outcome{role: cdoatlas.RoleOther}
	best := len(rolePriority)
	for _, c := range cands {
		for p, r := range rolePriority {
			if r == c.role && p < best {
				best = p
			}
		}
	}
	if best < len(rolePriority) {
		o.role = rolePriority[best]
	}
	for _, c := range cands {
		if c.role == o.role && c.conf > o.conf {
			o.conf = c.conf
		}
		o.reasons = append(o.reasons, c.reason)
	}
	for _, c := range cands {
		if c.role != o.role && o.role != cdoatlas.RoleOther {
			o.reasons = append(o.reasons, rCombined)
			break
		}
	}
	return o
}

// override turns a role into other when the title names a helper, a
// deputy, a former holder, a project, a party or a single department.
func override(a analysis, o outcome, cands []candidate) outcome {
	set := func(conf float64, r Reason) outcome {
		return outcome{role: cdoatlas.RoleOther, conf: conf, reasons: append(o.reasons, r), named: o.named}
	}
	strong := false
	for _, c := range cands {
		strong = strong || c.strong
	}
	switch {
	case a.all&fParty != 0:
		return set(0.9, rParty)
	case a.all&fHelper != 0:
		return set(0.85, rHelper)
	case a.all&fDeputy != 0:
		return set(0.8, rDeputy)
	case a.all&fFormer != 0:
		return set(0.75, rFormer)
	case a.all&fProject != 0 && o.role != cdoatlas.RoleSmartCity:
		return set(0.8, rProject)
	case a.all&fNarrow != 0 && !strong && !a.hasAnd && o.role != cdoatlas.RoleOther:
		return set(0.7, rNarrow)
	}
	if o.role != cdoatlas.RoleOther {
		return o
	}
	if len(o.reasons) > 0 {
		if o.conf == 0 {
			o.conf = 0.85
		}
		return o
	}
	switch {
	case a.all&fPrivacy != 0:
		return set(0.9, rPrivacy)
	case a.all&fForeign != 0:
		return set(0.8, rForeign)
	case a.all&fPolitical != 0:
		return set(0.8, rPoliticalOther)
	case a.all&(positiveDomains|fSmartWord) != 0:
		return set(0.55, rNoLead)
	}
	return set(0.75, rNoRole)
}

func round2(x float64) float64 {
	if x > 1 {
		x = 1
	}
	if x < 0 {
		x = 0
	}
	return float64(int(x*100+0.5)) / 100
}
