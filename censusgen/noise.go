package censusgen

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Noise kinds, counted over the rows of tracked people (Truth.Noise).
const (
	noiseAcademic       = "academic_title"
	noiseTranslit       = "transliterated_name"
	noiseLastFirst      = "last_first"
	noiseCase           = "case_chaos"
	noiseSpaces         = "extra_spaces"
	noiseOrgVariant     = "organization_variant"
	noiseOrgTranslit    = "organization_transliterated"
	noiseNoCode         = "no_official_code"
	noiseCodeNoZero     = "official_code_lost_zero"
	noiseARS            = "official_code_ars"
	noiseTitleVariant   = "title_variant"
	noiseNoRegion       = "no_region"
	noiseRegionForm     = "region_name_or_abbreviation"
	noiseRegionOfficial = "region_official_name"
	noiseAmbiguous      = "ambiguous_place_name"
	noiseCompanyForm    = "company_legal_form_varies"
	// "organization_form_" + a form family counts the rows that write an
	// organization in that family's form.
	noiseOrgForm = "organization_form_"
)

var (
	translitAE = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss")
	translitA  = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "Ä", "A", "Ö", "O", "Ü", "U", "ß", "ss")
)

func transliterate(s string) string { return translitAE.Replace(s) }

func hasUmlaut(s string) bool { return strings.ContainsAny(s, "äöüÄÖÜß") }

// nameForm says how a row writes a name.
type nameForm struct {
	academic  string // written before the given name, or ""
	translit  int    // 0 as is, 1 ae/oe/ue/ss, 2 umlauts dropped
	lastFirst bool   // "Müller, Anna"
	caseChaos int    // 0 none, 1 surname upper, 2 all upper, 3 all lower
	spaces    int    // 0 none, 1 double inside, 2 around
}

// pickNameForm draws the noise of one written name; translitP and
// lastFirstP are percentages that depend on the source.
func pickNameForm(rng *rand.Rand, academic string, academicP, translitP, lastFirstP int, umlauts bool) nameForm {
	var f nameForm
	if academic != "" && rng.IntN(100) < academicP {
		f.academic = academic
	}
	if umlauts && rng.IntN(100) < translitP {
		f.translit = 1
		if rng.IntN(4) == 0 {
			f.translit = 2
		}
	}
	f.lastFirst = rng.IntN(100) < lastFirstP
	switch n := rng.IntN(100); {
	case n < 3:
		f.caseChaos = 1
	case n < 4:
		f.caseChaos = 2
	case n < 5:
		f.caseChaos = 3
	}
	switch n := rng.IntN(100); {
	case n < 3:
		f.spaces = 1
	case n < 5:
		f.spaces = 2
	}
	return f
}

func (f nameForm) write(given, surname string) string {
	switch f.translit {
	case 1:
		given, surname = translitAE.Replace(given), translitAE.Replace(surname)
	case 2:
		given, surname = translitA.Replace(given), translitA.Replace(surname)
	}
	if f.caseChaos == 1 {
		surname = strings.ToUpper(surname)
	}
	sep := " "
	if f.spaces == 1 {
		sep = "  "
	}
	var s string
	switch {
	case f.lastFirst && f.academic != "":
		s = surname + "," + sep + f.academic + " " + given
	case f.lastFirst:
		s = surname + "," + sep + given
	case f.academic != "":
		s = f.academic + " " + given + sep + surname
	default:
		s = given + sep + surname
	}
	switch f.caseChaos {
	case 2:
		s = strings.ToUpper(s)
	case 3:
		s = strings.ToLower(s)
	}
	if f.spaces == 2 {
		s = " " + s + "  "
	}
	return s
}

// count adds the kinds of noise of a written name to n.
func (f nameForm) count(n map[string]int) {
	if f.academic != "" {
		n[noiseAcademic]++
	}
	if f.translit != 0 {
		n[noiseTranslit]++
	}
	if f.lastFirst {
		n[noiseLastFirst]++
	}
	if f.caseChaos != 0 {
		n[noiseCase]++
	}
	if f.spaces != 0 {
		n[noiseSpaces]++
	}
}

// writtenOrg is the organization's name as a row gives it: the registry's
// name or another form (weighted by family), now and then transliterated
// ("Duesseldorf", or "Dusseldorf" with the umlauts dropped), upper-cased
// or with extra space. It returns the form as picked, before that noise.
func writtenOrg(rng *rand.Rand, o *org, translitP int) (string, form, bool) {
	f := form{text: o.Name, level: o.level}
	if len(o.forms) > 0 && rng.IntN(100) >= 35 {
		n := rng.IntN(o.cum[len(o.cum)-1])
		i, _ := slices.BinarySearch(o.cum, n+1)
		f = o.forms[i]
	}
	s := f.text
	translit := false
	if hasUmlaut(s) && rng.IntN(100) < translitP {
		s, translit = transliterate(s), true
		if rng.IntN(4) == 0 {
			s = translitA.Replace(f.text)
		}
	}
	switch n := rng.IntN(100); {
	case n < 2:
		s = strings.ToUpper(s)
	case n < 4:
		s = strings.Replace(s, " ", "  ", 1) + " "
	}
	return s, f, translit
}

// writtenTitle adds case chaos and extra space to a title now and then.
func writtenTitle(rng *rand.Rand, t string) string {
	switch n := rng.IntN(100); {
	case n < 2:
		return strings.ToUpper(t)
	case n < 4:
		return strings.ToLower(t)
	case n < 6:
		return " " + strings.Replace(t, " ", "  ", 1)
	}
	return t
}
