package indepcensus

import (
	"embed"
	"encoding/csv"
	"fmt"
	"strings"
)

//go:embed places/*.csv
var placeFS embed.FS

// Kinds of organization in the ground truth.
const (
	kindMunicipality = iota
	kindCounty
	kindCompany
)

// org is one canonical organization of the ground truth.
type org struct {
	ID        string // stable id, e.g. "de:13003000", "dek:09184", "at:90001", "ch:261", "co:allianz"
	Kind      int
	Country   string // DE, AT, CH
	Region    string // ISO 3166-2
	Code      string // AGS (8), Kreisschlüssel (5), GKZ (5), BFS; empty for companies
	ARS       string // DE municipalities only
	Base      string // the bare name: "Rostock", "Frankfurt am Main", "St. Gallen"
	Destatis  string // DE municipalities: the Destatis form "Rostock, Hanse- und Universitätsstadt"
	Desig     string // DE municipalities: designation after the comma ("Stadt", "M", "GKSt", …)
	Amb       string // "" unique in DACH; "r" needs the region (or code); "c" needs the code
	City      bool   // a town/city (Stadt, statutory city, Swiss Stadt/ville/città)
	Style     string // counties: L Landkreis, K Kreis, N name is the county, R Region, V Regionalverband
	Pop       int
	Companies []string // company written forms
}

type gazetteer struct {
	all      []*org
	byID     map[string]*org
	munis    []*org // DE, AT, CH municipalities
	counties []*org
	comps    []*org
}

var deLand = map[string]string{"01": "SH", "02": "HH", "03": "NI", "04": "HB", "05": "NW", "06": "HE", "07": "RP", "08": "BW", "09": "BY", "10": "SL", "11": "BE", "12": "BB", "13": "MV", "14": "SN", "15": "ST", "16": "TH"}

var chCanton = []string{"", "ZH", "BE", "LU", "UR", "SZ", "OW", "NW", "GL", "ZG", "FR", "SO", "BS", "BL", "SH", "AR", "AI", "SG", "GR", "AG", "TG", "TI", "VD", "VS", "NE", "GE", "JU"}

func readPlaceCSV(name string) ([][]string, error) {
	f, err := placeFS.Open("places/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("places/%s: %w", name, err)
	}
	return rows[1:], nil
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// loadGazetteer reads the embedded sample of real places and companies.
func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{byID: map[string]*org{}}
	add := func(o *org) {
		g.all = append(g.all, o)
		g.byID[o.ID] = o
		switch o.Kind {
		case kindMunicipality:
			g.munis = append(g.munis, o)
		case kindCounty:
			g.counties = append(g.counties, o)
		case kindCompany:
			g.comps = append(g.comps, o)
		}
	}
	de, err := readPlaceCSV("de.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range de {
		ars, name := r[0], r[1]
		base, desig := name, ""
		if i := strings.Index(name, ", "); i >= 0 {
			base, desig = name[:i], name[i+2:]
		}
		ags := ars[0:5] + ars[9:12]
		o := &org{ID: "de:" + ags, Kind: kindMunicipality, Country: "DE", Region: "DE-" + deLand[ars[:2]],
			Code: ags, ARS: ars, Base: base, Destatis: name, Desig: desig, Amb: r[3], Pop: atoi(r[2])}
		d := strings.ToLower(desig)
		o.City = strings.Contains(d, "stadt") || desig == "St" || desig == "GKSt" || strings.Contains(d, "krst") || ars[5:] == "0000000" // kreisfreie Stadt
		add(o)
	}
	at, err := readPlaceCSV("at.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range at {
		add(&org{ID: "at:" + r[0], Kind: kindMunicipality, Country: "AT", Region: "AT-" + r[0][:1], Code: r[0],
			Base: r[1], City: r[2] == "1", Amb: r[3]})
	}
	ch, err := readPlaceCSV("ch.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range ch {
		n := atoi(r[2])
		add(&org{ID: "ch:" + r[0], Kind: kindMunicipality, Country: "CH", Region: "CH-" + chCanton[n], Code: r[0],
			Base: r[1], City: r[3] == "1", Amb: r[4]})
	}
	ks, err := readPlaceCSV("counties.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range ks {
		add(&org{ID: "dek:" + r[0], Kind: kindCounty, Country: "DE", Region: "DE-" + deLand[r[0][:2]], Code: r[0],
			Base: r[1], Style: r[2]})
	}
	cs, err := readPlaceCSV("companies.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range cs {
		forms := strings.Split(r[3], "|")
		add(&org{ID: "co:" + r[0], Kind: kindCompany, Country: r[1], Region: r[2], Base: forms[0], Companies: forms})
	}
	return g, nil
}

// ---- written forms of organizations ----

var stateCapitals = map[string]bool{"Düsseldorf": true, "München": true, "Stuttgart": true, "Wiesbaden": true, "Mainz": true,
	"Hannover": true, "Kiel": true, "Magdeburg": true, "Dresden": true, "Erfurt": true, "Potsdam": true, "Schwerin": true, "Saarbrücken": true}

// French- and Italian-speaking Swiss municipalities.
var chFrenchCanton = map[string]bool{"CH-GE": true, "CH-VD": true, "CH-NE": true, "CH-JU": true}
var chFrenchTowns = map[string]bool{"Fribourg": true, "Bulle": true, "Sion": true, "Sierre": true, "Martigny": true, "Monthey": true}

func chLang(o *org) string {
	switch {
	case o.Region == "CH-TI":
		return "it"
	case chFrenchCanton[o.Region] || chFrenchTowns[o.Base]:
		return "fr"
	case o.Region == "CH-FR" || o.Region == "CH-VS":
		return "mixed"
	}
	return "de"
}

// landratsamtLand: Länder where the county administration is called Landratsamt.
var landratsamtLand = map[string]bool{"DE-BY": true, "DE-BW": true, "DE-SN": true, "DE-TH": true}

// orgForms lists the ways people write the organization. The first form is the canonical one.
func orgForms(o *org) []string {
	var f []string
	switch o.Kind {
	case kindCompany:
		return o.Companies
	case kindCounty:
		switch o.Style {
		case "L":
			f = append(f, "Landkreis "+o.Base)
			if landratsamtLand[o.Region] {
				f = append(f, "Landratsamt "+o.Base)
			}
			if o.Region == "DE-RP" {
				f = append(f, "Kreisverwaltung "+o.Base)
			}
		case "K":
			f = append(f, "Kreis "+o.Base)
			if o.Region == "DE-NW" {
				f = append(f, "Kreisverwaltung "+o.Base)
			}
		case "N":
			f = append(f, o.Base)
			if landratsamtLand[o.Region] {
				f = append(f, "Landratsamt "+o.Base)
			}
		default: // R, V
			f = append(f, o.Base)
		}
		return f
	}
	b := o.Base
	switch o.Country {
	case "DE":
		switch {
		case b == "Hamburg":
			return []string{"Freie und Hansestadt Hamburg", "Hamburg", "Stadt Hamburg", "Hamburg, Freie und Hansestadt"}
		case b == "Berlin":
			return []string{"Land Berlin", "Berlin"}
		case b == "Bremen":
			return []string{"Stadt Bremen", "Bremen", "Stadtgemeinde Bremen"}
		case o.City:
			f = append(f, "Stadt "+b, b, "Stadtverwaltung "+b)
			d := o.Desig
			if i := strings.Index(d, ", "); i >= 0 {
				d = d[i+2:]
			}
			if stateCapitals[b] && d != "Landeshauptstadt" {
				f = append(f, "Landeshauptstadt "+b)
			}
			d = strings.Join(strings.Fields(d), " ")
			if strings.HasSuffix(d, "stadt") && !strings.Contains(d, ".") && !strings.Contains(d, "(") && d != "Stadt" {
				f = append(f, d+" "+b) // "Hanse- und Universitätsstadt Rostock", "Landeshauptstadt München"
			}
			if o.Desig != "" && o.Desig != "St" && o.Desig != "GKSt" && !strings.Contains(o.Desig, ".") {
				f = append(f, o.Destatis) // "Rostock, Hanse- und Universitätsstadt"
			}
			if o.Desig == "GKSt" {
				f = append(f, "Große Kreisstadt "+b)
			}
			if o.Region == "DE-HE" {
				f = append(f, "Magistrat der Stadt "+b)
			}
		case o.Desig == "M" || strings.HasPrefix(o.Desig, "Markt"):
			if strings.HasPrefix(b, "Markt ") { // "Markt Indersdorf" is the name itself
				f = append(f, b, "Gemeinde "+b)
			} else {
				f = append(f, "Markt "+b, b, "Marktgemeinde "+b)
			}
		case o.Desig == "Flecken":
			f = append(f, "Flecken "+b, b, "Gemeinde "+b)
		default:
			f = append(f, "Gemeinde "+b, b, "Gemeindeverwaltung "+b)
		}
	case "AT":
		short := b
		if b == "Klagenfurt am Wörthersee" {
			short = "Klagenfurt"
		}
		switch {
		case b == "Wien":
			f = append(f, "Stadt Wien", "Wien", "Magistrat der Stadt Wien")
		case o.City:
			f = append(f, "Stadt "+short, short, "Magistrat der Stadt "+short)
			if short != b {
				f = append(f, b, "Stadt "+b)
			}
		case strings.HasPrefix(b, "Markt "):
			f = append(f, b, "Marktgemeinde "+strings.TrimPrefix(b, "Markt "))
		default:
			f = append(f, "Gemeinde "+b, b)
		}
	case "CH":
		nm := b
		switch lang := chLang(o); {
		case lang == "it" && o.City:
			f = append(f, "Città di "+nm, nm)
		case lang == "it":
			f = append(f, "Comune di "+nm, nm)
		case lang == "fr" && o.City:
			f = append(f, frDe("Ville", nm), nm)
		case lang == "fr":
			f = append(f, frDe("Commune", nm), nm)
		case lang == "mixed":
			f = append(f, nm)
		case o.City:
			f = append(f, "Stadt "+nm, nm, "Stadtverwaltung "+nm)
		default:
			f = append(f, "Gemeinde "+nm, nm)
		}
		if i := strings.Index(b, " ("); i >= 0 { // "Wetzikon (ZH)" is also written "Wetzikon ZH"
			alt := b[:i] + " " + strings.Trim(b[i+2:], ")")
			n := len(f)
			for j := 0; j < n; j++ {
				f = append(f, strings.Replace(f[j], b, alt, 1))
			}
		}
	}
	// St. / Sankt and "am Main" variants
	n := len(f)
	for j := 0; j < n; j++ {
		s := f[j]
		if strings.Contains(s, "St. ") {
			f = append(f, strings.Replace(s, "St. ", "Sankt ", 1))
		} else if strings.Contains(s, "Sankt ") {
			f = append(f, strings.Replace(s, "Sankt ", "St. ", 1))
		}
		if strings.Contains(s, " am Main") && !strings.Contains(s, ",") {
			f = append(f, strings.Replace(s, " am Main", " a.M.", 1), strings.Replace(s, " am Main", " a. M.", 1))
		}
	}
	return f
}

// translit writes umlauts the ASCII way ("Muenchen").
func translit(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss")
	return r.Replace(s)
}

func hasUmlaut(s string) bool { return strings.ContainsAny(s, "äöüÄÖÜß") }

// ---- region and country cells ----

// regionForms: the ways a region cell is written; a leading "!" marks a bare two-letter
// abbreviation that is only written together with a country cell (BE, SH, NW exist in DE and CH).
var regionForms = map[string][]string{
	"DE-SH": {"Schleswig-Holstein", "Land Schleswig-Holstein", "!SH"},
	"DE-HH": {"Hamburg", "Freie und Hansestadt Hamburg", "!HH"},
	"DE-NI": {"Niedersachsen", "Land Niedersachsen", "!NI"},
	"DE-HB": {"Bremen", "Freie Hansestadt Bremen", "!HB"},
	"DE-NW": {"Nordrhein-Westfalen", "Land Nordrhein-Westfalen", "NRW", "!NW"},
	"DE-HE": {"Hessen", "Land Hessen", "!HE"},
	"DE-RP": {"Rheinland-Pfalz", "Land Rheinland-Pfalz", "RLP", "!RP"},
	"DE-BW": {"Baden-Württemberg", "Land Baden-Württemberg", "!BW"},
	"DE-BY": {"Bayern", "Freistaat Bayern", "!BY"},
	"DE-SL": {"Saarland", "!SL"},
	"DE-BE": {"Berlin", "Land Berlin", "!BE"},
	"DE-BB": {"Brandenburg", "Land Brandenburg", "!BB"},
	"DE-MV": {"Mecklenburg-Vorpommern", "Land Mecklenburg-Vorpommern", "!MV"},
	"DE-SN": {"Sachsen", "Freistaat Sachsen", "!SN"},
	"DE-ST": {"Sachsen-Anhalt", "Land Sachsen-Anhalt", "!ST"},
	"DE-TH": {"Thüringen", "Freistaat Thüringen", "!TH"},
	"AT-1":  {"Burgenland", "Land Burgenland"},
	"AT-2":  {"Kärnten", "Land Kärnten"},
	"AT-3":  {"Niederösterreich", "Land Niederösterreich", "NÖ"},
	"AT-4":  {"Oberösterreich", "Land Oberösterreich", "OÖ"},
	"AT-5":  {"Salzburg", "Land Salzburg"},
	"AT-6":  {"Steiermark", "Land Steiermark"},
	"AT-7":  {"Tirol", "Land Tirol"},
	"AT-8":  {"Vorarlberg", "Land Vorarlberg"},
	"AT-9":  {"Wien"},
	"CH-ZH": {"Kanton Zürich", "Zürich", "!ZH"},
	"CH-BE": {"Kanton Bern", "Bern", "Canton de Berne", "!BE"},
	"CH-LU": {"Kanton Luzern", "Luzern", "!LU"},
	"CH-UR": {"Kanton Uri", "Uri", "!UR"},
	"CH-SZ": {"Kanton Schwyz", "Schwyz", "!SZ"},
	"CH-OW": {"Kanton Obwalden", "Obwalden", "!OW"},
	"CH-NW": {"Kanton Nidwalden", "Nidwalden", "!NW"},
	"CH-GL": {"Kanton Glarus", "Glarus", "!GL"},
	"CH-ZG": {"Kanton Zug", "Zug", "!ZG"},
	"CH-FR": {"Canton de Fribourg", "Kanton Freiburg", "Fribourg", "!FR"},
	"CH-SO": {"Kanton Solothurn", "Solothurn", "!SO"},
	"CH-BS": {"Kanton Basel-Stadt", "Basel-Stadt", "!BS"},
	"CH-BL": {"Kanton Basel-Landschaft", "Basel-Landschaft", "!BL"},
	"CH-SH": {"Kanton Schaffhausen", "Schaffhausen", "!SH"},
	"CH-AR": {"Kanton Appenzell Ausserrhoden", "Appenzell Ausserrhoden", "!AR"},
	"CH-AI": {"Kanton Appenzell Innerrhoden", "Appenzell Innerrhoden", "!AI"},
	"CH-SG": {"Kanton St. Gallen", "St. Gallen", "Kanton Sankt Gallen", "!SG"},
	"CH-GR": {"Kanton Graubünden", "Graubünden", "!GR"},
	"CH-AG": {"Kanton Aargau", "Aargau", "!AG"},
	"CH-TG": {"Kanton Thurgau", "Thurgau", "!TG"},
	"CH-TI": {"Cantone Ticino", "Ticino", "Kanton Tessin", "!TI"},
	"CH-VD": {"Canton de Vaud", "Vaud", "!VD"},
	"CH-VS": {"Canton du Valais", "Kanton Wallis", "Valais", "!VS"},
	"CH-NE": {"Canton de Neuchâtel", "Neuchâtel", "!NE"},
	"CH-GE": {"Canton de Genève", "Genève", "République et canton de Genève", "!GE"},
	"CH-JU": {"Canton du Jura", "Jura", "!JU"},
}

var countryForms = map[string][]string{
	"DE": {"DE", "Deutschland", "Germany"},
	"AT": {"AT", "Österreich", "Austria"},
	"CH": {"CH", "Schweiz", "Switzerland", "Suisse"},
}

// frDe writes "Ville de Genève" but "Ville d'Onex".
func frDe(word, name string) string {
	if strings.ContainsRune("AEIOUYÉÈÊaeiouyh", []rune(name)[0]) && !strings.HasPrefix(name, "H") {
		return word + " d'" + name
	}
	if strings.HasPrefix(name, "Le ") {
		return word + " du " + name[3:]
	}
	if strings.HasPrefix(name, "Les ") {
		return word + " des " + name[4:]
	}
	return word + " de " + name
}
