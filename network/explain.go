package network

import (
	"github.com/cdoatlas/cdoatlas/locale"
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
		return say("women", st.women, st.size, s.ef, len(s.elig))
	}
	return s.balancePhrase(st, x, y)
}

// datePhrase says that x goes before y, who is as suitable, by date; y < 0
// when no one is as suitable.
func (s *solver) datePhrase(x, y int) phrase {
	a := s.elig[x]
	if y >= 0 && a.AppliedOn == s.elig[y].AppliedOn {
		return say("id")
	}
	return say("date", appliedOn(a.AppliedOn))
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
		return say("coverage")
	}
	p := parts[0]
	for _, q := range parts[1:] {
		p.de = locale.Text(locale.German, "network.explain.and", p.de, q.de)
		p.en = locale.Text(locale.English, "network.explain.and", p.en, q.en)
	}
	return p
}

func (s *solver) targetPhrase(t target, c Candidate) phrase {
	only := t.n == 1
	switch t.kind {
	case AttrSizeClass:
		if only {
			return say("only_size_class", t.value)
		}
		return say("covers_size_class", t.value)
	case AttrCountry:
		country := both{cdoatlas.CountryName(locale.German, t.value), cdoatlas.CountryName(locale.English, t.value)}
		if only {
			return say("only_country", country)
		}
		return say("covers_country", country)
	}
	r := both{cdoatlas.RegionNameIn(locale.German, c.Region), cdoatlas.RegionNameIn(locale.English, c.Region)}
	if only {
		return say("only_east", r)
	}
	return say("covers_east", r)
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
		return say("balance")
	}
	name := Attributes[best]
	v := s.elig[x].Value(name)
	attr := both{locale.Text(locale.German, "network.attr."+name), locale.Text(locale.English, "network.attr."+name)}
	if v == "" {
		return say("balance_by", attr).as("balance_" + name)
	}
	value := both{valueLabel(locale.German, name, v), valueLabel(locale.English, name, v)}
	return say("balance_by_value", attr, value).as("balance_" + name)
}

// valueLabel names a value of a balance attribute in lang.
func valueLabel(lang, attribute, v string) string {
	switch attribute {
	case AttrCountry:
		return cdoatlas.CountryName(lang, v)
	case AttrRegion:
		return cdoatlas.RegionNameIn(lang, v)
	case AttrKind, AttrGender, AttrArchetype:
		if key := "network.value." + v; locale.Has(key) {
			return locale.Text(lang, key)
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
		locale.Text(locale.German, "network.explain.declined.cdo_check", strings.Join(de, "; ")),
		locale.Text(locale.English, "network.explain.declined.cdo_check", strings.Join(en, "; "))}, check
}

func reviewReason(c Candidate) Explanation {
	if strings.TrimSpace(c.Tasks) == "" {
		return explanation("review.cdo_check", "review.no_tasks")
	}
	return explanation("review.cdo_check", "review.undecided")
}

// appliedOn is an application date in each language: 31.12.2024 in
// German, ISO 8601 in English.
func appliedOn(d cdoatlas.PartialDate) both {
	if d == "" {
		return both{locale.Text(locale.German, "network.date_unknown"), locale.Text(locale.English, "network.date_unknown")}
	}
	return both{d.German(), string(d)}
}

// both is an argument of a phrase given in German and in English.
type both [2]string

// say makes the phrase of code from the catalog (network.explain.<code>),
// formatting args into it; a both argument is given in each language.
func say(code string, args ...any) phrase {
	de, en := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		if b, ok := a.(both); ok {
			de[i], en[i] = b[0], b[1]
		} else {
			de[i], en[i] = a, a
		}
	}
	key := "network.explain." + code
	return phrase{code, locale.Text(locale.German, key, de...), locale.Text(locale.English, key, en...)}
}

// as gives p another code.
func (p phrase) as(code string) phrase {
	p.code = code
	return p
}

// explanation is the explanation code with the text of key
// (network.explain.<key>) and args; a both argument is given in each
// language.
func explanation(code, key string, args ...any) Explanation {
	p := say(key, args...)
	return Explanation{Code: code, DE: p.de, EN: p.en}
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
