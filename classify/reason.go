package classify

import "github.com/cdoatlas/cdoatlas/locale"

// Reason explains one step of a verdict, in German and English, for the
// coordinator who reviews it.
type Reason struct {
	Code string `json:"code"`
	DE   string `json:"de"`
	EN   string `json:"en"`
}

// reason makes the reason of code with its texts from the catalog
// (locale, key reason.<code>).
func reason(code string) Reason {
	key := "reason." + code
	if !locale.Has(key) {
		panic("classify: no text for reason " + code)
	}
	return Reason{Code: code, DE: locale.Text(locale.German, key), EN: locale.Text(locale.English, key)}
}

// Text returns the reason in lang ("en", otherwise German).
func (r Reason) Text(lang string) string {
	if lang == locale.English {
		return r.EN
	}
	return r.DE
}

func withWord(r Reason, w string) Reason {
	r.DE += ": " + w
	r.EN += ": " + w
	return r
}

// Reasons for Title.
var (
	rEmpty          = reason("title.empty")
	rChief          = reason("title.chief_officer")
	rChiefOther     = reason("title.chief_other")
	rAbbrev         = reason("title.abbreviation")
	rAbbrevOther    = reason("title.abbreviation_other")
	rDomainLead     = reason("title.domain_lead")
	rStab           = reason("title.staff_unit")
	rPolitical      = reason("title.political")
	rWeakLead       = reason("title.manager")
	rCombined       = reason("title.combined")
	rTypo           = reason("title.typo")
	rSecondPart     = reason("title.second_part")
	rParty          = reason("title.party")
	rHelper         = reason("title.helper")
	rDeputy         = reason("title.deputy")
	rFormer         = reason("title.former")
	rProject        = reason("title.project")
	rNarrow         = reason("title.single_department")
	rSecurity       = reason("title.security")
	rPrivacy        = reason("title.data_protection")
	rForeign        = reason("title.other_office")
	rPoliticalOther = reason("title.political_other")
	rNoLead         = reason("title.no_lead")
	rNoRole         = reason("title.no_role")
)
