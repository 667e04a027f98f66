package cdoatlas

import "strings"

// regionPrefixes are the official long forms and designations people put
// before a region's name, folded: "Freistaat Bayern", "Land Berlin",
// "Freie und Hansestadt Hamburg", "Kanton Zürich", "Canton de Genève",
// "Cantone Ticino", "Republik und Kanton Genf". Longest first where one
// begins another.
var regionPrefixes = []string{
	"republique et canton de ", "republique et canton du ", "republik und kanton ", "repubblica e cantone ",
	"freie und hansestadt ", "freie hansestadt ", "bundesland ", "freistaat ", "land ",
	"kanton ", "canton de ", "canton du ", "canton des ", "canton d ", "canton of ", "canton ",
	"cantone dei ", "cantone del ", "cantone di ", "cantone ", "chantun ", "state of ", "province of ",
}

// regionWords strips a designation from a folded region name, and the
// "Land"/"Kanton" written after it ("Bayern (Freistaat)", "Zürich Kanton").
func regionWords(folded string) string {
	for _, p := range regionPrefixes {
		if strings.HasPrefix(folded, p) && len(folded) > len(p) {
			folded = folded[len(p):]
			break
		}
	}
	for _, s := range []string{" freistaat", " kanton", " canton", " land", " bundesland"} {
		if strings.HasSuffix(folded, s) && len(folded) > len(s) {
			folded = folded[:len(folded)-len(s)]
			break
		}
	}
	return folded
}

// regionOtherNames are further names of the regions, folded: English,
// French, Italian and Romansh names, and short forms in use ("Basel" for
// Basel-Stadt would be ambiguous and is not listed).
var regionOtherNames = map[string][]string{
	"DE-BW": {"baden wurttemberg", "baden wuerttemberg"},
	"DE-BY": {"bavaria", "baviere", "baviera"},
	"DE-HB": {"bremen stadt"},
	"DE-HE": {"hesse", "assia"},
	"DE-MV": {"mecklenburg western pomerania", "mecklenburg vorpommern", "mecklembourg pomeranie occidentale", "meclemburgo pomerania anteriore"},
	"DE-NI": {"lower saxony", "basse saxe", "bassa sassonia"},
	"DE-NW": {"north rhine westphalia", "rhenanie du nord westphalie", "renania settentrionale vestfalia"},
	"DE-RP": {"rhineland palatinate", "rhenanie palatinat", "renania palatinato"},
	"DE-SN": {"saxony", "saxe", "sassonia"},
	"DE-ST": {"saxony anhalt", "saxe anhalt", "sassonia anhalt"},
	"DE-SH": {"schleswig holstein"},
	"DE-TH": {"thuringia", "thuringe", "turingia"},
	"DE-SL": {"sarre", "saar"},
	"DE-BB": {"brandebourg", "brandeburgo"},
	"DE-BE": {"berlino"},
	"DE-HH": {"hambourg", "amburgo"},
	"AT-1":  {"burgenland"},
	"AT-2":  {"carinthia", "carinthie", "carinzia"},
	"AT-3":  {"lower austria", "basse autriche", "bassa austria", "nieder osterreich"},
	"AT-4":  {"upper austria", "haute autriche", "alta austria", "ober osterreich"},
	"AT-5":  {"salzbourg", "salisburgo"},
	"AT-6":  {"styria", "styrie", "stiria"},
	"AT-7":  {"tyrol", "tirolo"},
	"AT-9":  {"vienna", "vienne"},
	"CH-AG": {"argovie", "argovia"},
	"CH-AI": {"appenzell rhodes interieures", "appenzello interno", "appenzell i rh", "appenzell innerrhoden"},
	"CH-AR": {"appenzell rhodes exterieures", "appenzello esterno", "appenzell a rh", "appenzell ausserrhoden"},
	"CH-BE": {"berne", "berna"},
	"CH-BL": {"bale campagne", "basilea campagna", "basel land", "baselland", "basel country"},
	"CH-BS": {"bale ville", "basilea citta", "basel city"},
	"CH-FR": {"fribourg", "friburgo"},
	"CH-GE": {"geneve", "geneva", "ginevra", "genf"},
	"CH-GL": {"glaris", "glarona"},
	"CH-GR": {"grisons", "grigioni", "grischun"},
	"CH-JU": {"jura"},
	"CH-LU": {"lucerne", "lucerna"},
	"CH-NE": {"neuchatel"},
	"CH-NW": {"nidwald", "nidvaldo"},
	"CH-OW": {"obwald", "obvaldo"},
	"CH-SG": {"saint gall", "san gallo", "sankt gallen", "st gallen"},
	"CH-SH": {"schaffhouse", "sciaffusa"},
	"CH-SO": {"soleure", "soletta"},
	"CH-SZ": {"schwytz", "svitto"},
	"CH-TG": {"thurgovie", "turgovia"},
	"CH-TI": {"ticino"},
	"CH-UR": {"uri"},
	"CH-VD": {"vaud"},
	"CH-VS": {"valais", "vallese"},
	"CH-ZG": {"zoug", "zugo"},
	"CH-ZH": {"zurich", "zurigo"},
}
