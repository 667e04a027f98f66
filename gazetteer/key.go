package gazetteer

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/cdoatlas/cdoatlas"
)

// Key returns the comparison key of a place name as written, and the kind
// its wording implies ("" when it says nothing). It is the one place where
// the wording of place names is understood:
//
//   - designations and honorifics go and tell the kind: "Stadt Köln",
//     "Köln, Stadt", "Hanse- und Universitätsstadt Rostock", "Lam, M",
//     "Stadtverwaltung X", "Magistrat der Stadt X", "Ville de Genève",
//     "Città di Lugano" → municipality; "Freie und Hansestadt Hamburg" →
//     city state; "Kreis Wesel", "Landratsamt München", "Rhein-Sieg-Kreis",
//     "Region Hannover", "Bezirkshauptmannschaft Freistadt" → county;
//     "Freistaat Bayern", "Kanton Zürich", "Land Berlin" → state;
//   - spellings are brought together: case, umlauts and their
//     transliterations, hyphens, "St."/"Sankt", "a.M."/"am Main",
//     "i.d.OPf."/"in der Oberpfalz", "(Saale)"/"an der Saale";
//   - legal forms and federal bodies ("Allianz SE", "Deutsche Bahn AG",
//     "Bundesministerium des Innern") give the kinds company, association,
//     public_company or federal, which no place has.
//
// Two names with the same key and compatible kinds name the same place.
func Key(name string) (key, kind string) {
	p := parseName(name)
	return p.key(), p.kind
}

// parsedName is a place name taken apart.
type parsedName struct {
	words []string // the name's folded words, designations gone, connectors kept
	paren []string // folded words of disambiguators in parentheses
	kind  string
	// company is the kind a legal form in parentheses says ("Otto (GmbH
	// & Co KG)"), for a name whose wording says no other.
	company string
	town    bool // the name says the place is a town ("Stadt Offenbach")
}

// key joins the words without connectors, then the disambiguators.
func (p parsedName) key() string {
	return joinKey(p.words, p.paren)
}

// base is the key without the disambiguators ("Halle (Saale)" → "halle").
func (p parsedName) base() string { return joinKey(p.words, nil) }

// head is the part before the first connector ("Frankfurt am Main" →
// "frankfurt"), or "" when there is none.
func (p parsedName) head() string {
	for i := 1; i < len(p.words); i++ {
		if connectors[p.words[i]] {
			return joinKey(p.words[:i], nil)
		}
	}
	return ""
}

func joinKey(words, paren []string) string {
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	for _, w := range paren {
		n += len(w) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, w := range words {
		if i > 0 && i < len(words)-1 && connectors[w] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	for _, w := range paren {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func parseName(name string) (p parsedName) {
	main, desig, hasDesig := strings.Cut(name, ",")
	main, parens := splitParens(companyWriting(main))
	// Words in parentheses that only qualify a company: its acronym
	// ("Berliner Verkehrsbetriebe (BVG) AöR") or the country of a
	// subsidiary ("Swisscom (Schweiz) AG"); left out once the name is a
	// company's.
	var qualifiers []string
	for _, par := range parens {
		f := cdoatlas.Fold(par)
		switch {
		case f == "":
		case f == "stadt":
			p.kind = cdoatlas.KindMunicipality
		case f == "land":
			p.kind = cdoatlas.KindCounty
			main += " Land"
		case len(f) > 2 && legalFormPhrase(f) != "":
			// "Otto (GmbH & Co KG)"; "Buchs (AG)" is in Aargau.
			p.company = legalFormPhrase(f)
		case countryWords[f] || isAcronym(strings.TrimSpace(par)):
			qualifiers = append(qualifiers, f)
			p.paren = append(p.paren, f)
		default:
			p.paren = append(p.paren, canonical(strings.Fields(f))...)
		}
	}
	defer func() {
		if p.kind == "" {
			p.kind = p.company
		}
		if len(qualifiers) > 0 && (p.kind == cdoatlas.KindCompany || p.kind == cdoatlas.KindPublicCompany) {
			p.paren = slices.DeleteFunc(p.paren, func(w string) bool { return slices.Contains(qualifiers, w) })
		}
	}()
	words := canonical(strings.Fields(cdoatlas.Fold(main)))
	if len(words) == 0 && len(p.paren) > 0 {
		words, p.paren = p.paren, nil
	}
	if sw, ok := stateBody(words); ok {
		p.words, p.kind = sw, cdoatlas.KindState
		return p
	}
	p.town = len(words) > 1 && townDesignation(words)
	words, kind := stripDesignations(words)
	if kind != "" {
		p.kind = kind
	}
	p.words = words
	if hasDesig && p.kind == "" {
		p.kind = designationKind(desig)
	}
	words, k := stripLegalForms(p.words)
	if k != "" {
		p.kind = k
	}
	p.words = words
	return p
}

// splitParens takes out the parenthesised parts, nested ones included:
// "Rückersdorf (Landkreis Nürnberger Land)" → "Rückersdorf ", ["Landkreis Nürnberger Land"].
func splitParens(s string) (string, []string) {
	if strings.IndexByte(s, '(') < 0 {
		return s, nil
	}
	var main strings.Builder
	var parens []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			if depth == 0 {
				start = i + 1
				main.WriteByte(' ')
			}
			depth++
		case ')':
			if depth > 0 {
				depth--
				if depth == 0 {
					parens = append(parens, s[start:i])
				}
			}
		default:
			if depth == 0 {
				main.WriteByte(s[i])
			}
		}
	}
	if depth > 0 {
		parens = append(parens, s[start:])
	}
	return main.String(), parens
}

// connectors are left out of keys (except as first or last word):
// "Frankfurt am Main" and "Frankfurt/Main" have the same key.
var connectors = setOf("a", "am", "an", "d", "der", "dem", "den", "des", "i", "im", "in", "b", "bei", "v", "vor", "o", "ob", "u", "und", "zu", "zum", "zur", "auf", "unter")

// abbreviations are expanded wherever they stand after the first word.
var abbreviations = map[string]string{
	"opf": "oberpfalz", "obb": "oberbayern", "nb": "niederbayern", "ofr": "oberfranken",
	"ufr": "unterfranken", "mfr": "mittelfranken", "bay": "bayern", "erzgeb": "erzgebirge",
	"vogtl": "vogtland", "rhld": "rheinland", "odw": "odenwald", "westf": "westfalen",
	"thur": "thuringen", "sa": "sachsen", "sachs": "sachsische", "schw": "schweiz",
	"hl": "heiligen", "oldb": "oldenburg", "wurtt": "wurttemberg", "opr": "oberprignitz",
}

// canonical writes abbreviations out, in place.
func canonical(w []string) []string {
	for i := range w {
		last := i == len(w)-1
		prev := ""
		if i > 0 {
			prev = w[i-1]
		}
		switch {
		case w[i] == "st" && !last:
			w[i] = "sankt"
		case i == 0:
		case w[i] == "m" && (prev == "a" || prev == "am"):
			w[i] = "main"
		case w[i] == "ob" && (prev == "i" || prev == "in"):
			w[i] = "oberbayern"
		case w[i] == "h" && (prev == "d" || prev == "der"):
			w[i] = "hohe"
		case w[i] == "l" && (prev == "o"):
			w[i] = "oberlausitz"
		default:
			if long, ok := abbreviations[w[i]]; ok {
				w[i] = long
			}
		}
	}
	return w
}

type phrase struct {
	words []string
	kind  string
}

// prefixes and suffixes are the wordings around a place's name, longest first.
var prefixes, suffixes = func() ([]phrase, []phrase) {
	m, c, s, cs := cdoatlas.KindMunicipality, cdoatlas.KindCounty, cdoatlas.KindState, cdoatlas.KindCityState
	pre := map[string]string{
		"Stadt": m, "Gemeinde": m, "Markt": m, "Stadtgemeinde": m, "Marktgemeinde": m, "Ortsgemeinde": m,
		"Landeshauptstadt": m, "LH": m, "Bundeshauptstadt": m, "Hansestadt": m, "Hanse- und Universitätsstadt": m,
		"Universitäts- und Hansestadt": m, "Universitätsstadt": m, "Wissenschaftsstadt": m, "Bundesstadt": m,
		"Kreisstadt": m, "Große Kreisstadt": m, "Kreisfreie Stadt": m, "Statutarstadt": m, "Stadt mit eigenem Statut": m,
		"Freie und Hansestadt": cs,
		// Bremen's state is the Freie Hansestadt; the city is the Stadtgemeinde.
		"Freie Hansestadt": s, "Freien Hansestadt": s, "Freien und Hansestadt": s,
		"Stadtverwaltung": m, "Gemeindeverwaltung": m, "Marktverwaltung": m, "Magistrat": m, "Verwaltung der Stadt": m,
		"Stadt und Landeshauptstadt": m, "Rathaus": m, "Bürgermeisteramt": m, "Stadtrat": m, "Gemeinderat": m,
		"Einwohnergemeinde": m, "Politische Gemeinde": m, "Einheitsgemeinde": m, "Flecken": m,
		"Ville": m, "Commune": m, "Municipalité": m, "Città": m, "Comune": m, "Municipio": m, "City of": m,
		"Landkreis": c, "Landkreises": c, "Kreis": c, "Kreises": c, "LK": c, "LKr": c, "Lkrs": c,
		"Landratsamt": c, "Kreisverwaltung": c, "Kreisverwaltung des": c, "Verwaltung des Landkreises": c,
		"Region": c, "Städteregion": c, "Regionalverband": c, "Bezirk": c, "Politischer Bezirk": c,
		"Bezirkshauptmannschaft": c, "BH": c,
		"Freistaat": s, "Land": s, "Bundesland": s, "Kanton": s, "Canton": s, "Cantone": s,
		"Canton de": s, "Canton du": s, "République et canton de": s, "Republik und Kanton": s,
		"Landes": s, "Freistaates": s, "Freistaats": s, "Kantons": s,
		"Landesregierung": s, "Staatsregierung": s, "Staatskanzlei": s, "Senatskanzlei": s, "Senat": s,
		"Landesverwaltung": s,
	}
	for _, h := range []string{"Lutherstadt", "Barbarossastadt", "Barlachstadt", "Berg- und Universitätsstadt", "Bergringstadt",
		"Bernsteinstadt", "Blumenstadt", "Blütenstadt", "Brüder-Grimm-Stadt", "Büchnerstadt", "documenta-Stadt",
		"Dom- und Kaiserstadt", "Einhardstadt", "Garnisonsstadt", "Glockenstadt", "Goethestadt", "Hochschulstadt",
		"Inselstadt", "Karolingerstadt", "Klingenstadt", "Kolpingstadt", "Konfirmationsstadt", "Konrad-Zuse-Stadt",
		"Kreis- und Hochschulstadt", "Kupferstadt", "Loreleystadt", "Motorradstadt", "Münchhausenstadt",
		"Nationalparkstadt", "Oranienstadt", "Orgelstadt", "Peenestadt", "Reformationsstadt", "Residenzstadt",
		"Reuterstadt", "Schliemannstadt", "Schöfferstadt", "Sickingenstadt", "Solestadt", "Welterbestadt",
		"Widukindstadt", "Windmühlenstadt", "Warbelstadt", "Liebenbachstadt", "Vier-Tore-Stadt", "Kurstadt",
		"Messestadt", "Domstadt", "Kaiserstadt", "Reichsstadt", "Freie Reichsstadt", "Festspielstadt",
		"Fontanestadt", "Händelstadt", "Schillerstadt"} {
		pre[h] = m
	}
	suf := map[string]string{
		"Stadt": m, "Gemeinde": m, "Stadtverwaltung": m, "Gemeindeverwaltung": m, "Marktgemeinde": m, "Stadtgemeinde": m,
		"Landkreis": c, "Kreis": c, "Kreisverwaltung": c, "Landratsamt": c, "Bezirk": c,
	}
	return phrases(pre), phrases(suf)
}()

func phrases(m map[string]string) []phrase {
	var out []phrase
	for text, kind := range m {
		w := strings.Fields(cdoatlas.Fold(text))
		if len(w) > 0 {
			out = append(out, phrase{w, kind})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].words) != len(out[j].words) {
			return len(out[i].words) > len(out[j].words)
		}
		return strings.Join(out[i].words, " ") < strings.Join(out[j].words, " ")
	})
	return out
}

func hasPrefix(w, p []string) bool {
	if len(p) >= len(w) {
		return false
	}
	for i := range p {
		if w[i] != p[i] {
			return false
		}
	}
	return true
}

func hasSuffix(w, p []string) bool {
	if len(p) >= len(w) {
		return false
	}
	off := len(w) - len(p)
	for i := range p {
		if w[off+i] != p[i] {
			return false
		}
	}
	return true
}

// leading words that may stand between two designations: "Magistrat
// der Stadt", "Landratsamt des Landkreises".
var articles = setOf("der", "des", "die", "dem", "von", "de", "du", "di", "della", "d")

// stripDesignations takes designations off the front and back of the
// words, as long as a name remains, and returns the kind the first says.
func stripDesignations(w []string) ([]string, string) {
	if len(w) == 0 {
		return w, ""
	}
	kind := ""
	stripped, french := false, false
	for changed := true; changed && len(w) > 1; {
		changed = false
		if stripped && french && (w[0] == "du" || w[0] == "des") {
			// "Ville du Locle" is Le Locle, "Commune des Genevez" Les Genevez.
			w = append([]string{map[string]string{"du": "le", "des": "les"}[w[0]]}, w[1:]...)
			french = false
			continue
		}
		if stripped && articles[w[0]] {
			w, changed = w[1:], true
			continue
		}
		for _, p := range prefixes {
			if hasPrefix(w, p.words) {
				french = frenchDesignations[p.words[0]]
				w, changed, stripped = w[len(p.words):], true, true
				if kind == "" {
					kind = p.kind
				}
				break
			}
		}
		if changed {
			continue
		}
		for _, p := range suffixes {
			if hasSuffix(w, p.words) && !connectors[w[len(w)-len(p.words)-1]] {
				w, changed, stripped = w[:len(w)-len(p.words)], true, true
				if kind == "" {
					kind = p.kind
				}
				break
			}
		}
	}
	// "Rhein-Sieg-Kreis" is written as three words, "Hochsauerlandkreis" as
	// one; both are counties, unless a connector says the word is a place:
	// "Ried im Innkreis".
	if last := w[len(w)-1]; len(last) > 6 && strings.HasSuffix(last, "kreis") && (len(w) == 1 || !connectors[w[len(w)-2]]) {
		w = append(w[:len(w)-1:len(w)-1], strings.TrimSuffix(last, "kreis"))
		if kind == "" {
			kind = cdoatlas.KindCounty
		}
	}
	if kind == "" && len(w) > 1 && strings.HasPrefix(w[0], "bundes") && !bundesPlace[w[0]] {
		kind = cdoatlas.KindFederal
	}
	return w, kind
}

var bundesPlace = setOf("bundesstadt", "bundeshauptstadt", "bundesland")

// frenchDesignations are designations after which "du" and "des" hold
// the article of the place's name.
var frenchDesignations = setOf("ville", "commune", "municipalite", "canton")

// designationKind reads the Destatis designation after the comma:
// "Stadt", "M", "St", "GKSt", "Landeshauptstadt", "Landkreis".
func designationKind(desig string) string {
	for _, w := range strings.Fields(cdoatlas.Fold(desig)) {
		switch {
		case w == "landkreis" || w == "kreis" || w == "lk" || w == "bezirk" && !strings.Contains(desig, "gemfr"):
			return cdoatlas.KindCounty
		case w == "hansestadt" && strings.Contains(cdoatlas.Fold(desig), "freie"):
			return cdoatlas.KindCityState
		case w == "m" || w == "st" || w == "markt" || w == "gkst" || w == "krst" || w == "flecken" || w == "gemeinde" ||
			strings.HasSuffix(w, "stadt") || strings.HasSuffix(w, "gemeinde") || strings.HasSuffix(w, "flecken") || strings.HasSuffix(w, "bad"):
			return cdoatlas.KindMunicipality
		}
	}
	return ""
}

// legalForms are the legal forms that end company, association and
// public-undertaking names, as folded words, with the kind they imply;
// the longest first where one ends another ("gmbh co kg" before "kg").
var legalForms = func() []phrase {
	co, as, pc := cdoatlas.KindCompany, cdoatlas.KindAssociation, cdoatlas.KindPublicCompany
	m := map[string]string{
		"GmbH": co, "mbH": co, "gGmbH": co, "GesmbH": co, "AG": co, "SE": co, "KG": co, "KGaA": co, "OHG": co, "GbR": co,
		"UG": co, "UG (haftungsbeschränkt)": co, "eG": co, "e.G.": co, "PLC": co, "Ltd": co, "Inc": co, "LLC": co,
		"SARL": co, "SA": co, "S.A.": co, "SpA": co, "S.p.A.": co, "BV": co, "B.V.": co, "NV": co, "N.V.": co, "Sagl": co,
		"S.à r.l.": co, "S.r.l.": co, "Genossenschaft": co, "Società cooperativa": co, "Société coopérative": co,
		"GmbH & Co. KG": co, "GmbH & Co. KGaA": co, "GmbH & Co. OHG": co, "AG & Co. KG": co, "AG & Co. KGaA": co,
		"SE & Co. KG": co, "SE & Co. KGaA": co, "Aktiengesellschaft": co, "Gesellschaft mit beschränkter Haftung": co,
		"e.V.": as, "eV": as,
		"AöR": pc, "KdöR": pc, "Anstalt des öffentlichen Rechts": pc, "Körperschaft des öffentlichen Rechts": pc,
	}
	return phrases(m)
}()

// companyWords end the names of companies and groups.
var companyWords = setOf("group", "gruppe", "holding", "konzern")

// stripLegalForms takes legal forms off the end of the words, as long as
// a name remains ("Otto Group GmbH & Co. KG" → "otto group"), and returns
// the kind the last one says.
func stripLegalForms(w []string) ([]string, string) {
	kind := ""
	for changed := true; changed; {
		changed = false
		for _, l := range legalForms {
			if hasSuffix(w, l.words) {
				w, changed = w[:len(w)-len(l.words)], true
				if kind == "" {
					kind = l.kind
				}
				break
			}
		}
	}
	// "Merck KGaA Darmstadt", "SAP SE Walldorf": a seat after the legal
	// form.
	if kind == "" && len(w) >= 3 {
		for _, l := range legalForms {
			if head := w[:len(w)-1]; hasSuffix(head, l.words) {
				w, kind = head[:len(head)-len(l.words)], l.kind
				break
			}
		}
	}
	// "Die Schweizerische Post AG", "D. Swarovski KG": an article or an
	// initial before a company's name.
	if kind != "" && len(w) >= 2 && (w[0] == "die" || w[0] == "der" || w[0] == "das" || len(strings.TrimSuffix(w[0], ".")) == 1) {
		w = w[1:]
	}
	// "Otto Group", "Würth-Gruppe", "X Holding": the group is the company.
	for len(w) > 1 && companyWords[w[len(w)-1]] {
		w = w[:len(w)-1]
		if kind == "" {
			kind = cdoatlas.KindCompany
		}
	}
	// "Fraunhofer-Gesellschaft", "Migros-Genossenschafts-Bund": the
	// society or federation is the organization of its name.
	for _, g := range societyWords {
		if hasSuffix(w, g) {
			w = w[:len(w)-len(g)]
			break
		}
	}
	return w, kind
}

// societyWords end the names of societies and federations, as folded
// words; they say nothing of the kind.
var societyWords = [][]string{{"genossenschafts", "bund"}, {"genossenschaftsbund"}, {"gesellschaft"}}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// townDesignation reports whether the folded words begin with a
// designation that makes the place a town: "Stadt", "Stadtverwaltung",
// "Hansestadt", "Große Kreisstadt", "Magistrat der Stadt".
func townDesignation(w []string) bool {
	for _, p := range prefixes {
		if hasPrefix(w, p.words) {
			for _, x := range p.words {
				if strings.Contains(x, "stadt") && x != "stadtgemeinde" || x == "magistrat" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// stateBodies are the governments and chancelleries of a Land, Bundesland
// or canton, named after its adjective: "Thüringer Landesregierung",
// "Sächsische Staatskanzlei", "Amt der Niederösterreichischen
// Landesregierung", "Berliner Senat".
var stateBodies = setOf("landesregierung", "staatsregierung", "staatskanzlei", "senatskanzlei", "senat",
	"landesverwaltung", "senatsverwaltung", "regierung")

// stateAdjectives map the folded adjective of a Land or Bundesland to its
// folded name.
var stateAdjectives = map[string]string{
	"baden wurttembergische": "baden wurttemberg", "bayerische": "bayern", "berliner": "berlin",
	"brandenburgische": "brandenburg", "brandenburger": "brandenburg", "bremer": "bremen", "hamburger": "hamburg",
	"hessische": "hessen", "mecklenburg vorpommersche": "mecklenburg vorpommern", "niedersachsische": "niedersachsen",
	"nordrhein westfalische": "nordrhein westfalen", "rheinland pfalzische": "rheinland pfalz", "saarlandische": "saarland",
	"sachsische": "sachsen", "sachsen anhaltische": "sachsen anhalt", "schleswig holsteinische": "schleswig holstein",
	"thuringer": "thuringen", "burgenlandische": "burgenland", "karntner": "karnten",
	"niederosterreichische": "niederosterreich", "oberosterreichische": "oberosterreich", "salzburger": "salzburg",
	"steiermarkische": "steiermark", "tiroler": "tirol", "vorarlberger": "vorarlberg", "wiener": "wien",
}

// stateAbbreviations are short names of Länder that stand for the Land
// alone or after "Land": "NRW", "Land RLP".
var stateAbbreviations = map[string]string{"nrw": "nordrhein westfalen", "rlp": "rheinland pfalz", "bawu": "baden wurttemberg"}

// stateBody reads the name of a state's government written with the
// state's adjective, and the state's abbreviations; it returns the
// state's folded name as words.
func stateBody(w []string) ([]string, bool) {
	if len(w) > 2 && w[0] == "amt" && w[1] == "der" {
		w = w[2:]
	}
	if len(w) >= 2 && stateBodies[w[len(w)-1]] {
		adj := strings.Join(w[:len(w)-1], " ")
		if name, ok := stateAdjectives[adj]; ok {
			return strings.Fields(name), true
		}
		if name, ok := stateAdjectives[strings.TrimSuffix(adj, "n")]; ok { // "der Niederösterreichischen"
			return strings.Fields(name), true
		}
	}
	if len(w) == 2 && (w[0] == "land" || w[0] == "bundesland") {
		w = w[1:]
	}
	if len(w) == 1 {
		if name, ok := stateAbbreviations[w[0]]; ok {
			return strings.Fields(name), true
		}
	}
	return nil, false
}

// companyWriting brings the ways company names are written apart from
// places' together before folding: a dotted name in capitals is one word
// ("E.ON" → "EON"), and a closing "SA" is the legal form, not Sachsen
// ("Nestle SA"; Saxony is written "Sa.").
func companyWriting(s string) string {
	if !strings.Contains(s, ".") && !strings.HasSuffix(s, "SA") {
		return s
	}
	f := strings.Fields(s)
	changed := false
	for i, w := range f {
		if dotted := strings.TrimSuffix(w, "."); strings.Contains(dotted, ".") && isAcronym(strings.ReplaceAll(dotted, ".", "")) {
			parts := strings.Split(dotted, ".")
			long := false
			for _, part := range parts {
				long = long || len([]rune(part)) > 1
			}
			if long {
				f[i], changed = strings.ReplaceAll(dotted, ".", ""), true
			}
		}
	}
	if n := len(f); n > 1 && f[n-1] == "SA" {
		f[n-1], changed = "S.A.", true
	}
	if !changed {
		return s
	}
	return strings.Join(f, " ")
}

// isAcronym reports whether a word is written in capitals, two to six
// letters: "BVG", "ÖBB", "EON".
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// countryWords are the countries that qualify a subsidiary's name in
// parentheses, folded: "Swisscom (Schweiz) AG", "Siemens (Deutschland)".
var countryWords = setOf("schweiz", "suisse", "svizzera", "switzerland", "deutschland", "germany", "osterreich",
	"austria", "autriche", "allemagne", "international", "europe", "europa", "dach")

// legalFormPhrase returns the kind of a folded legal form standing alone
// ("gmbh co kg"), "" when the words are not one.
func legalFormPhrase(f string) string {
	w := strings.Fields(f)
	for _, l := range legalForms {
		if slices.Equal(w, l.words) {
			return l.kind
		}
	}
	return ""
}
