// Package census resolves census observations across waves and sources to
// the same people, posts and organizations, and computes the census
// figures of DESIGN §4 from what was resolved.
package census

import (
	"net/url"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// PersonName returns a person's name as it is displayed and stored: "Last,
// First" turned round, academic and honorific titles ("Dr.", "Prof. Dr.",
// "Dipl.-Ing.", "Mag.", "MBA" …) and salutations removed, spaces
// collapsed. Case is kept unless the name is all upper case.
func PersonName(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if first, last, ok := lastFirst(name); ok {
		name = first + " " + last
	}
	var kept []string
	for _, w := range strings.Fields(name) {
		if !honorific(w) {
			kept = append(kept, w)
		}
	}
	out := strings.Trim(strings.Join(kept, " "), " ,;")
	if out == "" {
		return name
	}
	if strings.ToUpper(out) == out && strings.ToLower(out) != out {
		out = titleCase(out)
	}
	return out
}

// NameKey returns the comparison form of a person's name: PersonName,
// folded (case, umlauts, transliteration, accents, hyphens), so that "Dr.
// Jörg Müller", "Mueller, Joerg" and "JÖRG MÜLLER" share a key.
func NameKey(name string) string {
	return cdoatlas.Fold(PersonName(name))
}

// lastFirst splits "Müller, Jörg" into first and last name. A comma before
// a title ("Jörg Müller, MBA") or a name with more than one comma is not
// turned round.
func lastFirst(name string) (first, last string, ok bool) {
	last, first, found := strings.Cut(name, ",")
	if !found || strings.Contains(first, ",") {
		return "", "", false
	}
	first, last = strings.TrimSpace(first), strings.TrimSpace(last)
	if first == "" || last == "" {
		return "", "", false
	}
	allTitles := true
	for _, w := range strings.Fields(first) {
		if !honorific(w) {
			allTitles = false
		}
	}
	if allTitles {
		return "", "", false
	}
	return first, last, true
}

// honorific reports whether w is an academic title, degree or salutation.
func honorific(w string) bool {
	k := strings.ToLower(strings.Trim(w, ",;()"))
	if honorifics[k] {
		return true
	}
	// Dotted forms: "Dipl.-Ing.", "Dr.-Ing.", "Dr.rer.nat.", "M.Sc.".
	if strings.Contains(k, ".") {
		bare := strings.NewReplacer(".", "", "-", "").Replace(k)
		switch {
		case strings.HasPrefix(bare, "dipl"), strings.HasPrefix(bare, "dr") && len(bare) <= 10,
			strings.HasPrefix(bare, "mag") && len(bare) <= 8, honorifics[bare]:
			return true
		}
	}
	return false
}

var honorifics = map[string]bool{
	"dr.": true, "dr": true, "prof.": true, "prof": true, "professor": true, "professorin": true,
	"mag.": true, "mag": true, "dipl.-ing.": true, "ing.": true, "di": true, "dkfm.": true,
	"mba": true, "llm": true, "ll.m.": true, "msc": true, "m.sc.": true, "bsc": true, "b.sc.": true,
	"ma": true, "m.a.": true, "ba": true, "b.a.": true, "phd": true, "ph.d.": true, "emba": true,
	"herr": true, "frau": true, "hr.": true, "fr.": true, "mr": true, "mr.": true, "mrs": true, "mrs.": true,
	"ms": true, "ms.": true, "h.c.": true, "habil.": true, "med.": true, "rer.": true, "nat.": true,
	"pol.": true, "jur.": true, "oec.": true, "phil.": true, "mdl": true, "mdb": true,
}

// titleCase writes an all-caps name in title case: "JÖRG MÜLLER-LÜDENSCHEIDT"
// → "Jörg Müller-Lüdenscheidt".
func titleCase(s string) string {
	rs := []rune(strings.ToLower(s))
	start := true
	for i, r := range rs {
		if start {
			rs[i] = []rune(strings.ToUpper(string(r)))[0]
		}
		start = r == ' ' || r == '-' || r == '\''
	}
	return string(rs)
}

// ProfileKey returns the comparison form of a profile URL: without scheme,
// "www.", query, fragment and trailing slash, host in lower case, the path
// as given (profile paths are case-insensitive on the networks, so it is
// lower-cased too). "" when u is not an http(s) address with a path.
func ProfileKey(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(p.Host), "www.")
	// Country subdomains of LinkedIn ("de.linkedin.com") are the same site.
	if strings.HasSuffix(host, ".linkedin.com") {
		host = "linkedin.com"
	}
	path := strings.TrimRight(strings.ToLower(p.EscapedPath()), "/")
	if path == "" {
		return ""
	}
	return host + path
}

// profileSite is the site of a ProfileKey: two different profiles on the
// same site are two people.
func profileSite(key string) string {
	host, _, _ := strings.Cut(key, "/")
	return host
}

// OrgKey returns the comparison form of an organization's name and what
// its prefix says about its kind: "Landeshauptstadt München", "Stadt
// München", "LH München" and "München" share the key "munchen" with kind
// municipality (or "" for the bare name); "Kreis Wesel", "Landkreis Wesel"
// and "Kreisverwaltung Wesel" share "wesel" with kind county.
func OrgKey(name string) (key, kind string) {
	f := " " + cdoatlas.Fold(name) + " "
	for _, p := range orgPrefixes {
		if strings.HasPrefix(f, p.prefix) {
			f = " " + f[len(p.prefix):]
			kind = p.kind
			break
		}
	}
	for _, s := range orgSuffixes {
		if strings.HasSuffix(f, s) {
			f = f[:len(f)-len(s)] + " "
			break
		}
	}
	return strings.TrimSpace(f), kind
}

type orgPrefix struct{ prefix, kind string }

// orgPrefixes are folded, longest first where one begins another.
var orgPrefixes = []orgPrefix{
	{" landeshauptstadt ", cdoatlas.KindMunicipality}, {" lh ", cdoatlas.KindMunicipality},
	{" bundesstadt ", cdoatlas.KindMunicipality}, {" freie und hansestadt ", cdoatlas.KindCityState},
	{" freie hansestadt ", cdoatlas.KindCityState}, {" hansestadt ", cdoatlas.KindMunicipality},
	{" universitatsstadt ", cdoatlas.KindMunicipality}, {" wissenschaftsstadt ", cdoatlas.KindMunicipality},
	{" kreisfreie stadt ", cdoatlas.KindMunicipality}, {" grosse kreisstadt ", cdoatlas.KindMunicipality},
	{" kreisstadt ", cdoatlas.KindMunicipality}, {" stadtverwaltung ", cdoatlas.KindMunicipality},
	{" magistrat der stadt ", cdoatlas.KindMunicipality}, {" magistrat ", cdoatlas.KindMunicipality},
	{" stadtgemeinde ", cdoatlas.KindMunicipality}, {" marktgemeinde ", cdoatlas.KindMunicipality},
	{" gemeindeverwaltung ", cdoatlas.KindMunicipality}, {" gemeinde ", cdoatlas.KindMunicipality},
	{" markt ", cdoatlas.KindMunicipality}, {" freistadt ", cdoatlas.KindMunicipality},
	{" statutarstadt ", cdoatlas.KindMunicipality}, {" stadt ", cdoatlas.KindMunicipality},
	{" city of ", cdoatlas.KindMunicipality}, {" ville de ", cdoatlas.KindMunicipality},
	{" kreisverwaltung ", cdoatlas.KindCounty}, {" landratsamt ", cdoatlas.KindCounty},
	{" landkreis ", cdoatlas.KindCounty}, {" lk ", cdoatlas.KindCounty}, {" rhein kreis ", cdoatlas.KindCounty},
	{" kreis ", cdoatlas.KindCounty}, {" bezirk ", cdoatlas.KindCounty},
	{" landesregierung ", cdoatlas.KindState}, {" staatsregierung ", cdoatlas.KindState},
	{" staatskanzlei ", cdoatlas.KindState}, {" landesverwaltung ", cdoatlas.KindState},
	{" amt der landesregierung ", cdoatlas.KindState}, {" kanton ", cdoatlas.KindState}, {" canton ", cdoatlas.KindState},
	{" land ", cdoatlas.KindState}, {" freistaat ", cdoatlas.KindState},
}

var orgSuffixes = []string{" stadtverwaltung ", " verwaltung ", " city council "}

// CompanyName reports whether a name ends in a legal form of a company.
func CompanyName(name string) bool {
	f := " " + cdoatlas.Fold(name) + " "
	for _, s := range []string{" ag ", " gmbh ", " se ", " kg ", " kgaa ", " mbh ", " gmbh co kg ", " inc ", " ltd ", " plc ", " sa ", " sarl "} {
		if strings.HasSuffix(f, s) {
			return true
		}
	}
	return false
}
