// Package census resolves census observations across waves and sources to
// the same people, posts and organizations, and computes the census
// figures of DESIGN §4 from what was resolved.
package census

import (
	"net/url"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
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

// lastFirst splits "Müller, Jörg" into first and last name, also with
// titles after a further comma, as exports write them ("Müller, Jörg,
// Dr.", "Müller, Jörg, Prof. Dr., MBA"). A comma before a title ("Jörg
// Müller, MBA") or a name with more than one comma otherwise is not turned
// round.
func lastFirst(name string) (first, last string, ok bool) {
	parts := strings.Split(name, ",")
	for len(parts) > 2 && allHonorific(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1]
	}
	if len(parts) != 2 {
		return "", "", false
	}
	last, first = parts[0], parts[1]
	first, last = strings.TrimSpace(first), strings.TrimSpace(last)
	if first == "" || last == "" {
		return "", "", false
	}
	if allHonorific(first) {
		return "", "", false
	}
	return first, last, true
}

// allHonorific reports whether every word of s is a title (honorific);
// true for no words.
func allHonorific(s string) bool {
	for _, w := range strings.Fields(s) {
		if !honorific(w) {
			return false
		}
	}
	return true
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

// OrgKey returns the comparison form of an organization's name and the
// kind its wording implies, as the gazetteer reads names (gazetteer.Key):
// "Landeshauptstadt München", "Stadt München", "LH München" and "München"
// share a key; "Landratsamt München" names the county; "Freistaat Bayern"
// the state; companies are compared without their legal form ("Allianz
// SE" = "Allianz", "Otto Group GmbH & Co. KG" = "Otto Group").
func OrgKey(name string) (key, kind string) {
	return gazetteer.Key(name)
}
