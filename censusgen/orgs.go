package censusgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// org is an organization of the registry with the ways sources write it.
type org struct {
	cdoatlas.Organization
	prefix string       // "Stadt ", "Landkreis " … or ""
	base   string       // the name without prefix: "Köln", "Wesel"
	level  int          // ambiguity of the official name: unique, needsRegion, needsCode
	forms  []form       // other written names: "Köln", "Köln, Stadt", "Stadtverwaltung Köln" …
	cum    []int        // cumulative weights of forms
	slug   string       // for invented URLs
	region [2][4]string // see regionForms
	// source says where o comes from: the demo data set and places.csv,
	// the gazetteer or demo.Synthetic (invented).
	source    int
	synthetic bool // source == fromSynthetic
}

// Sources of organizations.
const (
	fromDemo = iota
	fromGazetteer
	fromSynthetic
)

// form is a written name of an organization.
type form struct {
	text   string
	family string // one of the form families below
	level  int    // unique, needsRegion or needsCode
}

// Form families: how a written name differs from the registry's.
const (
	formShort       = "short"          // "Köln", "Bayern"
	formDesignation = "designation"    // "Stadt Köln", "Gemeinde X", "Markt X", "Landkreis X", "Land Berlin"
	formDestatis    = "destatis"       // "Köln, Stadt", "Haßfurt, St", "Lam, M", "Wesel, Kreis"
	formHonorific   = "honorific"      // "Landeshauptstadt Düsseldorf", "Hanse- und Universitätsstadt Rostock"
	formAdmin       = "administration" // "Stadtverwaltung X", "Landratsamt X", "Magistrat der Stadt X"
	formSpelling    = "spelling"       // "St. Augustin", "Frankfurt a.M.", "Selters" for "Selters (Westerwald)"
	formLanguage    = "language"       // "Ville de Genève", "Città di Lugano", "Canton de Genève"
	formLegal       = "legal_form"     // a company with or without "GmbH", "AöR" …
)

// formWeights are the shares of the families among rows that do not write
// the registry's name.
var formWeights = map[string]int{
	formShort: 30, formDesignation: 18, formDestatis: 12, formHonorific: 10,
	formAdmin: 12, formSpelling: 10, formLanguage: 8, formLegal: 30,
}

// tracked reports whether people of the census can hold posts at o: it
// has an official code, by which the truth names it.
func (o *org) tracked() bool { return o.OfficialCode != "" }

// municipal reports whether o is a municipality or city state: its written
// names reduce to a place name that other municipalities may share.
func (o *org) municipal() bool {
	return o.Kind == cdoatlas.KindMunicipality || o.Kind == cdoatlas.KindCityState
}

// prefixes are the parts of official names that sources often leave out,
// longest first.
var prefixes = []string{
	"Hanse- und Universitätsstadt ", "Freie und Hansestadt ", "Freie Hansestadt ", "Universitätsstadt ",
	"Landeshauptstadt ", "Wissenschaftsstadt ", "Große Kreisstadt ", "Marktgemeinde ", "Stadtgemeinde ",
	"Bundesstadt ", "Hansestadt ", "Kreisstadt ", "Freistadt ", "Città di ", "Ville de ", "Gemeinde ",
	"Landkreis ", "Freistaat ", "Cantone ", "Canton de ", "Bezirk ", "Kanton ", "Markt ", "Stadt ",
	"Kreis ", "Land ",
}

// loadOrgs returns the real organizations of the demo data set and of
// places.csv, then, with places, the gazetteer's municipalities and
// counties not among them, and, when fewer than wantTracked of all these
// have an official code, invented German municipalities from
// demo.Synthetic. Every one is validated.
func loadOrgs(seed int64, wantTracked int, places bool) ([]*org, error) {
	real, err := demo.Organizations()
	if err != nil {
		return nil, err
	}
	extra, forms, err := extraOrgs()
	if err != nil {
		return nil, err
	}
	dforms, err := demoForms()
	if err != nil {
		return nil, err
	}
	for k, f := range dforms {
		forms[k] = f
	}
	real = append(real, extra...)
	fromPlaces := len(real) // real[fromPlaces:] come from the gazetteer
	all := gazetteer.All()
	names, codes := map[string]bool{}, map[string]bool{}
	for _, o := range real {
		names[o.Name], codes[o.OfficialCode] = true, true
	}
	if places {
		gorgs, gforms := gazetteerOrgs(all, codes, rand.New(rand.NewPCG(uint64(seed), 0x67617a)))
		for _, o := range gorgs {
			if names[o.Name] {
				continue
			}
			names[o.Name], codes[o.OfficialCode] = true, true
			real = append(real, o)
			forms[formKey(o)] = gforms[formKey(o)]
		}
	}
	var orgs []*org
	tracked := 0
	for i, o := range real {
		source := fromDemo
		if i >= fromPlaces {
			source = fromGazetteer
		}
		orgs = append(orgs, newOrg(o, forms[formKey(o)], source))
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
			switch pop := *o.Population; {
			case pop > 20000 || pop > 5000 && pop%2 == 0:
				o.Name = "Stadt " + o.Name
			case o.Region == "DE-BY" && pop%5 == 0:
				o.Name = "Markt " + o.Name
			default:
				o.Name = "Gemeinde " + o.Name
			}
			if names[o.Name] {
				continue
			}
			names[o.Name], codes[o.OfficialCode] = true, true
			so := newOrg(o, nil, fromSynthetic)
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
	settleForms(orgs, placeNamesakes(all))
	return orgs, nil
}

func newOrg(o cdoatlas.Organization, forms []string, source int) *org {
	g := &org{Organization: o, base: o.Name, source: source, synthetic: source == fromSynthetic}
	for _, p := range prefixes {
		if strings.HasPrefix(o.Name, p) {
			g.prefix, g.base = p, strings.TrimPrefix(o.Name, p)
			break
		}
	}
	g.base = landkreisNote.ReplaceAllString(g.base, "")
	g.slug = strings.ReplaceAll(cdoatlas.Fold(g.base), " ", "-")
	for _, f := range append(forms, g.nameVariants()...) {
		g.addForm(f)
	}
	return g
}

func (o *org) addForm(s string) {
	if s == o.Name || s == "" {
		return
	}
	for _, f := range o.forms {
		if f.text == s {
			return
		}
	}
	o.forms = append(o.forms, form{text: s, family: o.family(s)})
}

// family tells the form family of a written name of o.
func (o *org) family(s string) string {
	if o.Kind == cdoatlas.KindCompany || o.Kind == cdoatlas.KindPublicCompany || o.Kind == cdoatlas.KindAssociation {
		return formLegal
	}
	switch {
	case strings.Contains(s, ", "):
		return formDestatis
	case hasAnyPrefix(s, "Ville de ", "Città di ", "Canton ", "Cantone ", "République ", "Repubblica ", "Etat de "):
		return formLanguage
	case hasAnyPrefix(s, "Stadtverwaltung ", "Gemeindeverwaltung ", "Kreisverwaltung ", "Landratsamt ", "Magistrat ",
		"Stadtmagistrat ", "Amt der ", "Landesregierung ", "Bezirkshauptmannschaft ", "Einwohnergemeinde ") ||
		strings.Contains(s, "regierung"):
		return formAdmin
	case cdoatlas.Fold(s) == cdoatlas.Fold(o.base):
		return formShort
	case hasAnyPrefix(s, "Stadt ", "Gemeinde ", "Markt ", "Marktgemeinde ", "Stadtgemeinde ", "Kreis ", "Landkreis ",
		"LK ", "Land ", "Freistaat ", "Kanton ", "BH ", "Region "):
		return formDesignation
	case strings.Contains(coreName(s), " ") && cdoatlas.Fold(coreName(s)) == cdoatlas.Fold(o.base) ||
		hasAnyPrefix(s, "LH ", "Statutarstadt ", "Bundeshauptstadt ", "Freie "):
		return formHonorific
	case strings.HasSuffix(s, "stadt "+o.base) || strings.HasSuffix(s, "Stadt "+o.base):
		return formHonorific
	}
	return formSpelling
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// settleForms drops the written names two organizations share, sets how
// ambiguous each remaining name of a municipality is (among the DACH
// municipalities n counts and the organizations of the registry), and the
// weights by which rows pick them.
func settleForms(orgs []*org, n namesakes) {
	owners := map[string]int{} // folded written name → organizations
	cores := namesakes{}       // core names of the registry's municipalities
	for _, o := range orgs {
		owners[cdoatlas.Fold(o.Name)]++
		for _, f := range o.forms {
			owners[cdoatlas.Fold(f.text)]++
		}
		if o.municipal() {
			cores.add(coreName(o.base), o.Region)
		}
	}
	for _, o := range orgs {
		level := func(s string) int {
			if !o.municipal() {
				return unique
			}
			c := coreName(s)
			return max(n.level(c, o.Region, !o.synthetic), cores.level(c, o.Region, cdoatlas.Fold(c) == cdoatlas.Fold(coreName(o.base))))
		}
		o.level = level(o.Name)
		kept := o.forms[:0]
		for _, f := range o.forms {
			if owners[cdoatlas.Fold(f.text)] > 1 {
				continue
			}
			f.level = level(f.text)
			kept = append(kept, f)
		}
		o.forms = kept
		count := map[string]int{}
		for _, f := range o.forms {
			count[f.family]++
		}
		o.cum = o.cum[:0]
		sum := 0
		for _, f := range o.forms {
			sum += max(1, 120*formWeights[f.family]/count[f.family])
			o.cum = append(o.cum, sum)
		}
	}
}

// nameVariants are the names sources use besides the official one, by
// rule: "München", "Stadt München", "Stadtverwaltung München", "München,
// Stadt"; "Kreisverwaltung Wesel", "Landratsamt München" …
func (o *org) nameVariants() []string {
	var v []string
	add := func(s ...string) { v = append(v, s...) }
	b := o.base
	switch o.Kind {
	case cdoatlas.KindMunicipality, cdoatlas.KindCityState:
		add(b)
		switch {
		case o.base == "Berlin":
		case o.prefix == "Gemeinde " || o.prefix == "Stadtgemeinde " || o.prefix == "Marktgemeinde " || o.prefix == "Markt ":
			add("Gemeinde "+b, "Gemeindeverwaltung "+b)
			if o.prefix == "Markt " {
				add("Marktgemeinde " + b)
				if o.Country == "DE" {
					add(b + ", M")
				}
			}
			if o.Country == "CH" && o.Region == "CH-BE" {
				add("Einwohnergemeinde " + b)
			}
		default:
			add("Stadt "+b, "Stadtverwaltung "+b)
			switch {
			case o.Country == "AT" || o.Region == "DE-HE":
				add("Magistrat der Stadt " + b)
			case o.Country == "DE" && o.Region == "DE-BY" && o.synthetic:
				add(b + ", St")
			case o.Country == "DE" && o.synthetic:
				add(b + ", Stadt")
			}
		}
		for _, s := range spellings(b) {
			add(s, o.prefixed(s))
		}
	case cdoatlas.KindCounty:
		switch o.prefix {
		case "Kreis ":
			add("Kreisverwaltung "+b, b+", Kreis")
		case "Landkreis ":
			if o.Region == "DE-NW" || o.Region == "DE-RP" || o.Region == "DE-SH" || o.Region == "DE-ST" {
				add("Kreisverwaltung " + b)
			} else {
				add("Landratsamt " + b)
			}
			add("LK "+b, b+", Landkreis")
		case "Bezirk ":
			add("Bezirkshauptmannschaft "+b, "BH "+b)
		default:
			if strings.HasSuffix(o.base, "kreis") || strings.HasSuffix(o.base, "Kreis") {
				add("Landratsamt " + b)
			}
		}
	case cdoatlas.KindState:
		add(b)
		if o.Country == "DE" {
			add("Landesregierung " + b)
		}
	}
	return v
}

// prefixed is s with the designation of o: "Stadt St. Augustin".
func (o *org) prefixed(s string) string {
	switch o.prefix {
	case "Gemeinde ", "Markt ", "Marktgemeinde ", "Stadtgemeinde ":
		return o.prefix + s
	}
	return "Stadt " + s
}

// spellings are other ways to write a place name: "Sankt" and "St.",
// "am Main" and "a.M.", without the parenthesis ("Selters" for "Selters
// (Westerwald)").
func spellings(s string) []string {
	var v []string
	switch {
	case strings.HasPrefix(s, "Sankt "):
		v = append(v, "St. "+strings.TrimPrefix(s, "Sankt "))
	case strings.HasPrefix(s, "St. "):
		v = append(v, "Sankt "+strings.TrimPrefix(s, "St. "), "St."+strings.TrimPrefix(s, "St. "))
	}
	if strings.Contains(s, " am Main") {
		v = append(v, strings.Replace(s, " am Main", " a.M.", 1), strings.Replace(s, " am Main", " a. M.", 1))
	}
	if strings.Contains(s, " an der ") {
		v = append(v, strings.Replace(s, " an der ", " a.d. ", 1))
	}
	if short := anyNote.ReplaceAllString(s, ""); short != s {
		v = append(v, short)
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
	case "Land ", "Freie Hansestadt ":
		return "des Landes " + o.base
	case "Markt ":
		return "des Marktes " + o.base
	case "Marktgemeinde ":
		return "der Marktgemeinde " + o.base
	case "Bezirk ":
		return "der Bezirkshauptmannschaft " + o.base
	case "Kanton ", "Canton de ", "Cantone ":
		return "des Kantons " + o.base
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
func (o *org) regionForms() [2][4]string {
	var forms [2][4]string
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
		forms[i][3] = officialRegion[r.Code]
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
	case n < 35:
		return o.region[i][0]
	case n < 53:
		return o.region[i][1]
	case n < 65:
		return o.region[i][2]
	case n < 75:
		return o.region[i][3]
	}
	return ""
}

// officialRegion is the official name of each region, as the region column
// of some exports gives it.
var officialRegion = map[string]string{
	"DE-SH": "Land Schleswig-Holstein", "DE-HH": "Freie und Hansestadt Hamburg", "DE-NI": "Land Niedersachsen",
	"DE-HB": "Freie Hansestadt Bremen", "DE-NW": "Land Nordrhein-Westfalen", "DE-HE": "Land Hessen",
	"DE-RP": "Land Rheinland-Pfalz", "DE-BW": "Land Baden-Württemberg", "DE-BY": "Freistaat Bayern",
	"DE-SL": "Saarland", "DE-BE": "Land Berlin", "DE-BB": "Land Brandenburg", "DE-MV": "Land Mecklenburg-Vorpommern",
	"DE-SN": "Freistaat Sachsen", "DE-ST": "Land Sachsen-Anhalt", "DE-TH": "Freistaat Thüringen",
	"AT-1": "Land Burgenland", "AT-2": "Land Kärnten", "AT-3": "Land Niederösterreich", "AT-4": "Land Oberösterreich",
	"AT-5": "Land Salzburg", "AT-6": "Land Steiermark", "AT-7": "Land Tirol", "AT-8": "Land Vorarlberg", "AT-9": "Land Wien",
	"CH-AG": "Kanton Aargau", "CH-AI": "Kanton Appenzell Innerrhoden", "CH-AR": "Kanton Appenzell Ausserrhoden",
	"CH-BE": "Kanton Bern", "CH-BL": "Kanton Basel-Landschaft", "CH-BS": "Kanton Basel-Stadt", "CH-FR": "Canton de Fribourg",
	"CH-GE": "Canton de Genève", "CH-GL": "Kanton Glarus", "CH-GR": "Kanton Graubünden", "CH-JU": "Canton du Jura",
	"CH-LU": "Kanton Luzern", "CH-NE": "Canton de Neuchâtel", "CH-NW": "Kanton Nidwalden", "CH-OW": "Kanton Obwalden",
	"CH-SG": "Kanton St. Gallen", "CH-SH": "Kanton Schaffhausen", "CH-SO": "Kanton Solothurn", "CH-SZ": "Kanton Schwyz",
	"CH-TG": "Kanton Thurgau", "CH-TI": "Cantone Ticino", "CH-UR": "Kanton Uri", "CH-VD": "Canton de Vaud",
	"CH-VS": "Canton du Valais", "CH-ZG": "Kanton Zug", "CH-ZH": "Kanton Zürich",
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
