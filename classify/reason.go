package classify

// Reason explains one step of a verdict, in German and English, for the
// coordinator who reviews it.
type Reason struct {
	Code string `json:"code"`
	DE   string `json:"de"`
	EN   string `json:"en"`
}

func withWord(r Reason, w string) Reason {
	r.DE += ": " + w
	r.EN += ": " + w
	return r
}

// Reasons for Title.
var (
	rEmpty          = Reason{"title.empty", "Kein Titel angegeben", "no title given"}
	rChief          = Reason{"title.chief_officer", "Titel der Form „Chief … Officer“", "title of the form 'Chief … Officer'"}
	rChiefOther     = Reason{"title.chief_other", "„Chief … Officer“ für ein anderes Gebiet (z. B. Diversity, Finanzen, Sicherheit)", "'Chief … Officer' of another field (e.g. diversity, finance, security)"}
	rAbbrev         = Reason{"title.abbreviation", "Abkürzung im Titel", "abbreviation in the title"}
	rAbbrevOther    = Reason{"title.abbreviation_other", "Abkürzung steht hier für ein anderes Gebiet (z. B. Chief Diversity Officer)", "abbreviation stands for another field here (e.g. Chief Diversity Officer)"}
	rDomainLead     = Reason{"title.domain_lead", "Leitung oder Beauftragung für ein Digitalgebiet (Digitalisierung, IT, Daten, Innovation, Smart City)", "leads or is commissioned for a digital field (digitalisation, IT, data, innovation, smart city)"}
	rStab           = Reason{"title.staff_unit", "Stabsstelle für ein Digitalgebiet", "staff unit for a digital field"}
	rPolitical      = Reason{"title.political", "Wahlamt oder Dezernat mit Digitalzuständigkeit", "elected office or department head with a digital portfolio"}
	rWeakLead       = Reason{"title.manager", "Manager- oder Koordinationsrolle für ein Digitalgebiet", "manager or coordinator of a digital field"}
	rCombined       = Reason{"title.combined", "Kombinierte Stelle; Digitalverantwortung hat Vorrang", "combined post; digital responsibility takes precedence"}
	rTypo           = Reason{"title.typo", "Schreibfehler toleriert", "typo tolerated"}
	rSecondPart     = Reason{"title.second_part", "Aus einem weiteren Teil des Titels gelesen", "read from another part of the title"}
	rParty          = Reason{"title.party", "Partei (z. B. CDU), keine Funktion", "political party (e.g. CDU), not a post"}
	rHelper         = Reason{"title.helper", "Unterstützende Rolle (Referent, Sachbearbeitung, Lotse, Mitarbeit), keine Leitung", "supporting role (officer, clerk, pilot, staff), not a lead"}
	rDeputy         = Reason{"title.deputy", "Stellvertretung, nicht die Stelle selbst", "deputy, not the post itself"}
	rFormer         = Reason{"title.former", "Ehemalige Funktion", "former post"}
	rProject        = Reason{"title.project", "Leitung eines einzelnen Projekts oder Produkts", "lead of a single project or product"}
	rNarrow         = Reason{"title.single_department", "Nur ein Fachgebiet oder Medium (z. B. Schule, Social Media, OZG)", "a single field or medium only (e.g. schools, social media, OZG)"}
	rSecurity       = Reason{"title.security", "Informationssicherheit, nicht IT- oder Digitalleitung", "information security, not IT or digital lead"}
	rPrivacy        = Reason{"title.data_protection", "Datenschutz, nicht Chief Data Officer", "data protection, not chief data officer"}
	rForeign        = Reason{"title.other_office", "Leitung oder Beauftragung für ein anderes Gebiet", "lead or commissioner of another field"}
	rPoliticalOther = Reason{"title.political_other", "Wahlamt oder Dezernat ohne Digitalzuständigkeit im Titel", "elected office or department head without a digital portfolio in the title"}
	rNoLead         = Reason{"title.no_lead", "Nennt ein Digitalgebiet, aber keine Leitungsrolle", "names a digital field but no leading role"}
	rNoRole         = Reason{"title.no_role", "Keine Digitalleitungsrolle im Titel", "no digital leadership role in the title"}
)
