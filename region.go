package cdoatlas

import (
	"slices"
	"strings"
)

// Region is a first-level subdivision (ISO 3166-2) of a DACH country.
type Region struct {
	Code    string // ISO 3166-2, e.g. DE-NW
	Name    string // German name
	Abbrev  string // common abbreviation, e.g. NRW
	KeyPart string // DE: Land key 01–16; AT: Bundesland digit 1–9
}

// Regions lists the regions of DE, AT and CH in a stable order.
var Regions = []Region{
	{"DE-SH", "Schleswig-Holstein", "SH", "01"},
	{"DE-HH", "Hamburg", "HH", "02"},
	{"DE-NI", "Niedersachsen", "NDS", "03"},
	{"DE-HB", "Bremen", "HB", "04"},
	{"DE-NW", "Nordrhein-Westfalen", "NRW", "05"},
	{"DE-HE", "Hessen", "HE", "06"},
	{"DE-RP", "Rheinland-Pfalz", "RLP", "07"},
	{"DE-BW", "Baden-Württemberg", "BW", "08"},
	{"DE-BY", "Bayern", "BY", "09"},
	{"DE-SL", "Saarland", "SL", "10"},
	{"DE-BE", "Berlin", "BE", "11"},
	{"DE-BB", "Brandenburg", "BB", "12"},
	{"DE-MV", "Mecklenburg-Vorpommern", "MV", "13"},
	{"DE-SN", "Sachsen", "SN", "14"},
	{"DE-ST", "Sachsen-Anhalt", "LSA", "15"},
	{"DE-TH", "Thüringen", "TH", "16"},
	{"AT-1", "Burgenland", "Bgld.", "1"},
	{"AT-2", "Kärnten", "Ktn.", "2"},
	{"AT-3", "Niederösterreich", "NÖ", "3"},
	{"AT-4", "Oberösterreich", "OÖ", "4"},
	{"AT-5", "Salzburg", "Sbg.", "5"},
	{"AT-6", "Steiermark", "Stmk.", "6"},
	{"AT-7", "Tirol", "T", "7"},
	{"AT-8", "Vorarlberg", "Vbg.", "8"},
	{"AT-9", "Wien", "W", "9"},
	{"CH-AG", "Aargau", "AG", ""},
	{"CH-AI", "Appenzell Innerrhoden", "AI", ""},
	{"CH-AR", "Appenzell Ausserrhoden", "AR", ""},
	{"CH-BE", "Bern", "BE", ""},
	{"CH-BL", "Basel-Landschaft", "BL", ""},
	{"CH-BS", "Basel-Stadt", "BS", ""},
	{"CH-FR", "Freiburg", "FR", ""},
	{"CH-GE", "Genf", "GE", ""},
	{"CH-GL", "Glarus", "GL", ""},
	{"CH-GR", "Graubünden", "GR", ""},
	{"CH-JU", "Jura", "JU", ""},
	{"CH-LU", "Luzern", "LU", ""},
	{"CH-NE", "Neuenburg", "NE", ""},
	{"CH-NW", "Nidwalden", "NW", ""},
	{"CH-OW", "Obwalden", "OW", ""},
	{"CH-SG", "St. Gallen", "SG", ""},
	{"CH-SH", "Schaffhausen", "SH", ""},
	{"CH-SO", "Solothurn", "SO", ""},
	{"CH-SZ", "Schwyz", "SZ", ""},
	{"CH-TG", "Thurgau", "TG", ""},
	{"CH-TI", "Tessin", "TI", ""},
	{"CH-UR", "Uri", "UR", ""},
	{"CH-VD", "Waadt", "VD", ""},
	{"CH-VS", "Wallis", "VS", ""},
	{"CH-ZG", "Zug", "ZG", ""},
	{"CH-ZH", "Zürich", "ZH", ""},
}

// Countries are the countries the atlas knows regions and codes for.
var Countries = []struct{ Code, Name, NameEN string }{
	{"DE", "Deutschland", "Germany"},
	{"AT", "Österreich", "Austria"},
	{"CH", "Schweiz", "Switzerland"},
}

// NormalizeCountry returns the ISO code a country cell names: a code of
// two letters (any case), or the name of Germany, Austria or Switzerland
// in German, English, French or Italian; "" otherwise.
func NormalizeCountry(s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 2 && isLetters(s) {
		return strings.ToUpper(s)
	}
	switch Fold(s) {
	case "deutschland", "germany", "bundesrepublik deutschland", "brd", "allemagne", "d":
		return "DE"
	case "osterreich", "austria", "autriche", "a":
		return "AT"
	case "schweiz", "switzerland", "suisse", "svizzera", "confoederatio helvetica":
		return "CH"
	}
	return ""
}

func isLetters(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// CountryName returns the German (lang "de") or English name of an ISO code,
// or the code itself when it is not a DACH country.
func CountryName(lang, code string) string {
	for _, c := range Countries {
		if c.Code == code {
			if lang == "en" {
				return c.NameEN
			}
			return c.Name
		}
	}
	return code
}

// regionByCode and regionFolded index Regions by code and by folded name.
var regionByCode, regionFolded = func() (map[string]int, []string) {
	byCode := map[string]int{}
	folded := make([]string, len(Regions))
	for i, r := range Regions {
		byCode[r.Code] = i
		folded[i] = Fold(r.Name)
	}
	return byCode, folded
}()

// FindRegion returns the region with the ISO code, or nil.
func FindRegion(code string) *Region {
	for i := range Regions {
		if Regions[i].Code == code {
			return &Regions[i]
		}
	}
	return nil
}

// NormalizeRegion turns what people write into a region code: the ISO code
// in any case, the German name ("Nordrhein-Westfalen", "Bayern") or a common
// abbreviation ("NRW"), optionally restricted to a country. It returns ""
// when nothing matches; a code of a country without known regions is kept.
func NormalizeRegion(country, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	up := strings.ToUpper(s)
	if i, ok := regionByCode[up]; ok && (country == "" || strings.HasPrefix(up, country+"-")) {
		return Regions[i].Code
	}
	folded := regionWords(Fold(s))
	for i, r := range Regions {
		if country != "" && !strings.HasPrefix(r.Code, country+"-") {
			continue
		}
		if folded == regionFolded[i] || slices.Contains(regionOtherNames[r.Code], folded) {
			return r.Code
		}
	}
	for _, r := range Regions {
		if country != "" && !strings.HasPrefix(r.Code, country+"-") {
			continue
		}
		// Abbreviations collide across countries (BE: Berlin, Bern), so they
		// count only when the country is known or the abbreviation is unique.
		if strings.EqualFold(strings.TrimSuffix(s, "."), strings.TrimSuffix(r.Abbrev, ".")) && (country != "" || uniqueAbbrev(r.Abbrev)) {
			return r.Code
		}
	}
	if country != "" && !isDACH(country) && len(up) > len(country)+1 && strings.HasPrefix(up, country+"-") {
		return up
	}
	return ""
}

func uniqueAbbrev(a string) bool {
	n := 0
	for _, r := range Regions {
		if strings.EqualFold(r.Abbrev, a) {
			n++
		}
	}
	return n == 1
}

func isDACH(country string) bool {
	return country == "DE" || country == "AT" || country == "CH"
}

// RegionName returns the German name of a region code, or the code.
func RegionName(code string) string {
	if r := FindRegion(code); r != nil {
		return r.Name
	}
	return code
}

// regionNamesEN are the English names of the regions whose English name
// differs from the German one (for cantons, the name English uses: the
// canton's own language, or an English form).
var regionNamesEN = map[string]string{
	"DE-NI": "Lower Saxony", "DE-NW": "North Rhine-Westphalia", "DE-HE": "Hesse", "DE-RP": "Rhineland-Palatinate",
	"DE-BY": "Bavaria", "DE-MV": "Mecklenburg-Western Pomerania", "DE-SN": "Saxony", "DE-ST": "Saxony-Anhalt",
	"DE-TH": "Thuringia",
	"AT-2":  "Carinthia", "AT-3": "Lower Austria", "AT-4": "Upper Austria", "AT-6": "Styria", "AT-7": "Tyrol", "AT-9": "Vienna",
	"CH-FR": "Fribourg", "CH-GE": "Geneva", "CH-GR": "Grisons", "CH-LU": "Lucerne", "CH-NE": "Neuchâtel", "CH-TI": "Ticino",
	"CH-VD": "Vaud", "CH-VS": "Valais", "CH-ZH": "Zurich",
}

// RegionNameIn returns the name of a region in lang ("en", otherwise
// German), or the code when it is unknown.
func RegionNameIn(lang, code string) string {
	if lang == "en" {
		if n, ok := regionNamesEN[code]; ok {
			return n
		}
	}
	return RegionName(code)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// validateOfficialCode checks an official code for the country and kind of
// an organization and returns a message key, or "" when it is valid.
func validateOfficialCode(country, kind, region, code string) string {
	if code == "" {
		return ""
	}
	switch country {
	case "DE":
		switch kind {
		case KindCounty:
			if len(code) != 5 || !isDigits(code) {
				return "code.de_county"
			}
		case KindState:
			if len(code) != 2 || !isDigits(code) {
				return "code.de_state"
			}
		case KindMunicipality, KindCityState:
			if !isDigits(code) || (len(code) != 8 && len(code) != 12) {
				return "code.de_municipality"
			}
		default:
			if !isDigits(code) || (len(code) != 2 && len(code) != 5 && len(code) != 8 && len(code) != 12) {
				return "code.de_municipality"
			}
		}
		land := code[:2]
		if land < "01" || land > "16" {
			return "code.de_land"
		}
		if r := FindRegion(region); r != nil && r.KeyPart != land {
			return "code.de_region"
		}
	case "AT":
		// Municipalities have the 5-digit Gemeindekennziffer, districts
		// (Bezirke) their 3-digit code.
		want := 5
		if kind == KindCounty {
			want = 3
		}
		if len(code) != want || !isDigits(code) || code[0] == '0' {
			return "code.at"
		}
		if r := FindRegion(region); r != nil && r.KeyPart != code[:1] {
			return "code.at_region"
		}
	case "CH":
		if len(code) > 4 || !isDigits(code) || strings.TrimLeft(code, "0") == "" {
			return "code.ch"
		}
	default:
		for _, r := range code {
			if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
				return "code.other"
			}
		}
	}
	return ""
}

// AGS returns the 8-digit municipality key of a German official code: the
// code itself for an AGS, ARS[0:5]+ARS[9:12] for a 12-digit ARS, "" otherwise.
func AGS(code string) string {
	switch len(code) {
	case 8:
		return code
	case 12:
		return code[0:5] + code[9:12]
	}
	return ""
}
