package censusgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
)

// org is an organization of the registry with the ways sources write it.
type org struct {
	cdoatlas.Organization
	prefix   string       // "Stadt ", "Landkreis " … or ""
	base     string       // the name without prefix: "Köln", "Wesel"
	variants []string     // other written names: "Köln", "Stadtverwaltung Köln" …
	slug     string       // for invented URLs
	region   [2][3]string // see regionForms
	// synthetic marks an invented municipality from demo.Synthetic.
	synthetic bool
}

// tracked reports whether people of the census can hold posts at o: it
// has an official code, by which the truth names it.
func (o *org) tracked() bool { return o.OfficialCode != "" }

// prefixes are the parts of official names that sources often leave out,
// longest first.
var prefixes = []string{
	"Freie und Hansestadt ", "Landeshauptstadt ", "Wissenschaftsstadt ", "Bundesstadt ", "Hansestadt ",
	"Stadtgemeinde ", "Freistadt ", "Stadt ", "Gemeinde ", "Landkreis ", "Kreis ", "Freistaat ", "Land ",
}

// loadOrgs returns the real organizations of the demo data set and, when
// fewer than wantTracked of them have an official code, invented German
// municipalities from demo.Synthetic. Every one is validated.
func loadOrgs(seed int64, wantTracked int) ([]*org, error) {
	real, err := demo.Organizations()
	if err != nil {
		return nil, err
	}
	var orgs []*org
	names, codes := map[string]bool{}, map[string]bool{}
	tracked := 0
	for _, o := range real {
		orgs = append(orgs, newOrg(o))
		names[o.Name], codes[o.OfficialCode] = true, true
		if o.OfficialCode != "" {
			tracked++
		}
	}
	if need := wantTracked - tracked; need > 0 {
		// Synthetic names repeat after a few thousand; those get a number
		// in brackets, which no source would write, so they are left out.
		recs := demo.Synthetic(uint64(seed), 2*need+16, 0, 0)
		for _, r := range recs {
			if need == 0 {
				break
			}
			o := r.Organization
			// City states have no municipalities of their own.
			cityState := o.Region == "DE-HH" || o.Region == "DE-BE" || o.Region == "DE-HB"
			if strings.Contains(o.Name, "(") || codes[o.OfficialCode] || cityState {
				continue
			}
			o.Name = titleWords(o.Name)
			if *o.Population > 20000 || *o.Population > 5000 && *o.Population%2 == 0 {
				o.Name = "Stadt " + o.Name
			} else {
				o.Name = "Gemeinde " + o.Name
			}
			if names[o.Name] {
				continue
			}
			names[o.Name], codes[o.OfficialCode] = true, true
			so := newOrg(o)
			so.synthetic = true
			orgs = append(orgs, so)
			need--
		}
	}
	for _, o := range orgs {
		if err := o.Validate(); err != nil {
			return nil, fmt.Errorf("organization %s: %w", o.Name, err)
		}
		o.region = o.regionForms()
	}
	return orgs, nil
}

func newOrg(o cdoatlas.Organization) *org {
	g := &org{Organization: o, base: o.Name}
	for _, p := range prefixes {
		if strings.HasPrefix(o.Name, p) {
			g.prefix, g.base = p, strings.TrimPrefix(o.Name, p)
			break
		}
	}
	g.slug = strings.ReplaceAll(cdoatlas.Fold(g.base), " ", "-")
	g.variants = g.nameVariants()
	return g
}

// nameVariants are the names sources use besides the official one:
// "Stadt München", "München", "LH München"; "Kreisverwaltung Wesel" …
func (o *org) nameVariants() []string {
	var v []string
	add := func(s string) {
		if s != o.Name {
			for _, x := range v {
				if x == s {
					return
				}
			}
			v = append(v, s)
		}
	}
	switch o.Kind {
	case cdoatlas.KindMunicipality, cdoatlas.KindCityState:
		add(o.base)
		switch {
		case o.prefix == "Gemeinde " || o.prefix == "Stadtgemeinde ":
			add("Gemeinde " + o.base)
			add("Gemeindeverwaltung " + o.base)
		case o.base == "Berlin":
			add("Land Berlin")
		default:
			add("Stadt " + o.base)
			add("Stadtverwaltung " + o.base)
			if o.prefix == "Landeshauptstadt " {
				add("LH " + o.base)
			}
			if o.Country == "AT" {
				add("Magistrat der Stadt " + o.base)
			}
		}
	case cdoatlas.KindCounty:
		switch o.prefix {
		case "Kreis ":
			add("Kreisverwaltung " + o.base)
		case "Landkreis ":
			add("Landratsamt " + o.base)
			add("LK " + o.base)
		default:
			if strings.HasSuffix(o.base, "kreis") {
				add("Landratsamt " + o.base)
			}
		}
	case cdoatlas.KindState:
		add(o.base)
		add("Landesregierung " + o.base)
	}
	return v
}

// genitive names o the way a title does: "der Stadt Köln", "des Kreises
// Wesel".
func (o *org) genitive() string {
	switch o.prefix {
	case "Gemeinde ", "Stadtgemeinde ":
		return "der Gemeinde " + o.base
	case "Kreis ":
		return "des Kreises " + o.base
	case "Landkreis ":
		return "des Landkreises " + o.base
	case "Freistaat ":
		return "des Freistaats " + o.base
	case "Land ":
		return "des Landes " + o.base
	case "":
		switch {
		case o.Kind == cdoatlas.KindCounty && strings.HasPrefix(o.Name, "Region "):
			return "der " + o.Name
		case o.Kind == cdoatlas.KindCounty:
			return "im " + o.Name
		case o.Kind == cdoatlas.KindMunicipality || o.Kind == cdoatlas.KindCityState:
			return "der Stadt " + o.Name
		}
		return "bei " + o.Name
	}
	return "der Stadt " + o.base
}

// regionForms are the ways a source writes the region of o, without and
// with the country written: ISO code, name, abbreviation. A form the
// application could not read back (an abbreviation shared by two
// countries, when the country is not written) is the ISO code instead.
func (o *org) regionForms() [2][3]string {
	var forms [2][3]string
	r := cdoatlas.FindRegion(o.Region)
	if r == nil {
		return forms
	}
	for i, country := range []string{"", o.Country} {
		for j, s := range []string{r.Code, r.Name, r.Abbrev} {
			if cdoatlas.NormalizeRegion(country, s) != r.Code {
				s = r.Code
			}
			forms[i][j] = s
		}
	}
	return forms
}

// writtenRegion is the region of o as a row gives it: ISO code, name,
// abbreviation or nothing.
func writtenRegion(rng *rand.Rand, o *org, countryWritten bool) string {
	i := 0
	if countryWritten {
		i = 1
	}
	switch n := rng.IntN(100); {
	case n < 40:
		return o.region[i][0]
	case n < 60:
		return o.region[i][1]
	case n < 75:
		return o.region[i][2]
	}
	return ""
}

// titleWords upper-cases the first letter of each word: demo.Synthetic
// writes "Bad lindenhausen".
func titleWords(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if r, n := utf8.DecodeRuneInString(w); n > 0 {
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
	}
	return strings.Join(words, " ")
}
