package network

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
)

// phrase is the core of an explanation: a code suffix and the German and
// English text, both starting in lower case.
type phrase struct{ code, de, en string }

// diffPhrase says why the selection st, which holds x (score cur), is
// better than the same selection with y in place of x (score alt): by the
// first priority at which they differ.
func (s *solver) diffPhrase(st *state, x, y int, cur, alt score) phrase {
	switch {
	case cur.covered != alt.covered:
		return s.coverPhrase(st, x, y)
	case cur.short != alt.short:
		return phrase{"women",
			fmt.Sprintf("hält den Frauenanteil der Aufgenommenen (%d von %d) nicht unter dem der Geeigneten (%d von %d)", st.women, st.size, s.ef, len(s.elig)),
			fmt.Sprintf("keeps the women's share of the admitted (%d of %d) at or above that of the eligible (%d of %d)", st.women, st.size, s.ef, len(s.elig))}
	}
	return s.balancePhrase(st, x, y)
}

// datePhrase says that x goes before y, who is as suitable, by date; y < 0
// when no one is as suitable.
func (s *solver) datePhrase(x, y int) phrase {
	a := s.elig[x]
	if y >= 0 && a.AppliedOn == s.elig[y].AppliedOn {
		return phrase{"id", "unter gleich Geeigneten am selben Tag beworben; die kleinere ID geht vor",
			"among those as suitable, applied the same day; the smaller id goes first"}
	}
	return phrase{"date",
		fmt.Sprintf("unter gleich Geeigneten zuerst beworben (%s)", dateDE(a.AppliedOn)),
		fmt.Sprintf("among those as suitable, applied first (%s)", dateEN(a.AppliedOn))}
}

// coverPhrase names the groups only x covers in st and y does not.
func (s *solver) coverPhrase(st *state, x, y int) phrase {
	var parts []phrase
	for _, t := range s.covers[x] {
		if st.cover[t] != 1 || contains32(s.covers[y], t) {
			continue
		}
		parts = append(parts, s.targetPhrase(s.targets[t], s.elig[x]))
	}
	if len(parts) == 0 { // cannot happen: the coverage differs
		return phrase{"coverage", "deckt eine fehlende Gruppe ab", "covers a missing group"}
	}
	p := parts[0]
	for _, q := range parts[1:] {
		p.de += " und " + q.de
		p.en += " and " + q.en
	}
	return p
}

func (s *solver) targetPhrase(t target, c Candidate) phrase {
	only := t.n == 1
	switch t.kind {
	case AttrSizeClass:
		if only {
			return phrase{"only_size_class", "einzige geeignete Bewerbung aus der Größenklasse " + t.value,
				"only eligible applicant from size class " + t.value}
		}
		return phrase{"covers_size_class", "deckt die Größenklasse " + t.value + " ab, die im Kreis noch fehlt",
			"covers size class " + t.value + ", not yet in the circle"}
	case AttrCountry:
		de, en := cdoatlas.CountryName("de", t.value), cdoatlas.CountryName("en", t.value)
		if only {
			return phrase{"only_country", "einzige geeignete Bewerbung aus dem Staat " + de, "only eligible applicant from " + en}
		}
		return phrase{"covers_country", "deckt den Staat " + de + " ab, der im Kreis noch fehlt", "covers " + en + ", not yet in the circle"}
	}
	r := cdoatlas.RegionName(c.Region)
	if only {
		return phrase{"only_east", "einzige geeignete Bewerbung aus den ostdeutschen Ländern (" + r + ")",
			"only eligible applicant from the eastern German states (" + r + ")"}
	}
	return phrase{"covers_east", "deckt " + r + " ab und damit die ostdeutschen Länder, die im Kreis noch fehlen",
		"covers " + r + " and with it the eastern German states, not yet in the circle"}
}

// balancePhrase names the attribute whose weighted imbalance gains most by
// x rather than y.
func (s *solver) balancePhrase(st *state, x, y int) phrase {
	var with, without [nAttr]float64
	for a := range with {
		with[a] = s.m.w[a] * s.m.attr(&st.t, a)
	}
	s.remove(st, x)
	s.add(st, y)
	for a := range without {
		without[a] = s.m.w[a] * s.m.attr(&st.t, a)
	}
	s.remove(st, y)
	s.add(st, x)
	best := -1
	for a := range with {
		if d := without[a] - with[a]; d > 0 && (best < 0 || d > without[best]-with[best]) {
			best = a
		}
	}
	if best < 0 { // cannot happen: the imbalance differs
		return phrase{"balance", "verbessert den Ausgleich des Kreises", "improves the balance of the circle"}
	}
	name := Attributes[best]
	v := s.elig[x].Value(name)
	de, en := attrNames[name][0], attrNames[name][1]
	if v != "" {
		de += " (" + valueLabel("de", name, v) + ")"
		en += " (" + valueLabel("en", name, v) + ")"
	}
	return phrase{"balance_" + name, "verbessert den Ausgleich nach " + de, "improves the balance by " + en}
}

var attrNames = map[string][2]string{
	AttrSizeClass: {"Größenklasse", "size class"},
	AttrCountry:   {"Staat", "country"},
	AttrRegion:    {"Region", "region"},
	AttrKind:      {"Art", "kind"},
	AttrGender:    {"Geschlecht", "gender"},
	AttrArchetype: {"Archetyp", "archetype"},
}

var valueLabels = map[string][2]string{
	cdoatlas.KindMunicipality:  {"Gemeinde / Stadt", "municipality"},
	cdoatlas.KindCounty:        {"Kreis", "county"},
	cdoatlas.KindCityState:     {"Stadtstaat", "city state"},
	cdoatlas.KindState:         {"Land", "state"},
	cdoatlas.KindFederal:       {"Bund", "federal"},
	cdoatlas.KindPublicCompany: {"öffentliches Unternehmen", "public company"},
	cdoatlas.KindCompany:       {"Unternehmen", "company"},
	cdoatlas.KindAssociation:   {"Verband", "association"},
	"f":                        {"Frau", "woman"},
	"m":                        {"Mann", "man"},
	"d":                        {"divers", "diverse"},
	"administration":           {"Verwaltung", "administration"},
	"smart_city":               {"Smart City", "smart city"},
	"economy":                  {"Wirtschaft", "economy"},
	"mixed":                    {"gemischt", "mixed"},
}

// valueLabel names a value of a balance attribute in lang.
func valueLabel(lang, attribute, v string) string {
	i := 0
	if lang == "en" {
		i = 1
	}
	switch attribute {
	case AttrCountry:
		return cdoatlas.CountryName(lang, v)
	case AttrRegion:
		return cdoatlas.RegionName(v)
	case AttrKind, AttrGender, AttrArchetype:
		if l, ok := valueLabels[v]; ok {
			return l[i]
		}
	}
	return v
}

// declinedReason is the explanation of a CDO check no: its reasons from
// the tasks (the title does not decide admission).
func declinedReason(rs []classify.Reason) (Explanation, []classify.Reason) {
	var check []classify.Reason
	var de, en []string
	for _, r := range rs {
		if strings.HasPrefix(r.Code, "check.") {
			check = append(check, r)
			de = append(de, r.DE)
			en = append(en, r.EN)
		}
	}
	return Explanation{"declined.cdo_check",
		"CDO-Prüfung nein: " + strings.Join(de, "; "),
		"CDO check no: " + strings.Join(en, "; ")}, check
}

func reviewReason(c Candidate) Explanation {
	if strings.TrimSpace(c.Tasks) == "" {
		return Explanation{"review.cdo_check", "CDO-Prüfung offen, weil keine Aufgaben angegeben sind: zuerst entscheidet die Koordination",
			"CDO check unknown because no tasks are given: the coordinator decides first"}
	}
	return Explanation{"review.cdo_check", "CDO-Prüfung offen, weil die Aufgaben sie nicht entscheiden: zuerst entscheidet die Koordination",
		"CDO check unknown because the tasks do not decide it: the coordinator decides first"}
}

func dateDE(d cdoatlas.PartialDate) string {
	if d == "" {
		return "Datum unbekannt"
	}
	return d.German()
}

func dateEN(d cdoatlas.PartialDate) string {
	if d == "" {
		return "date unknown"
	}
	return string(d)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func contains32(list []int32, x int32) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}
