package gazetteer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

const (
	muni   = cdoatlas.KindMunicipality
	county = cdoatlas.KindCounty
	cityst = cdoatlas.KindCityState
)

func TestFind(t *testing.T) {
	for _, c := range []struct {
		name, country, region string
		code, kind            string
	}{
		// official forms and honorifics
		{"Hanse- und Universitätsstadt Rostock", "", "", "13003000", muni},
		{"Rostock, Hanse- und Universitätsstadt", "", "", "13003000", muni},
		{"Landeshauptstadt Düsseldorf", "", "", "05111000", muni},
		{"Freie und Hansestadt Hamburg", "", "", "02000000", cityst},
		{"Freie Hansestadt Bremen", "", "", "04011000", cityst},
		{"Stadt Bremen", "", "", "04011000", cityst},
		{"Berlin", "", "", "11000000", cityst},
		{"Stadt Köln", "", "", "05315000", muni},
		{"Köln, Stadt", "", "", "05315000", muni},
		{"Hansestadt Lübeck", "", "", "01003000", muni},
		{"Universitätsstadt Tübingen", "", "", "08416041", muni},
		{"Wissenschaftsstadt Darmstadt", "", "", "06411000", muni},
		{"Bundesstadt Bonn", "", "", "05314000", muni},
		{"Kreisstadt Siegburg", "", "", "05382060", muni},
		{"Große Kreisstadt Freiberg", "", "", "14522180", muni},
		{"Kreisfreie Stadt Kaufbeuren", "", "", "09762000", muni},
		{"Markt Lam", "", "", "09372138", muni},
		{"Lam, M", "", "", "09372138", muni},
		// Swiss canton abbreviations, Aargau's too ("AG" is also a legal form)
		{"Buchs SG", "", "", "3271", muni},
		{"Baden AG", "", "", "4021", muni},
		{"Gemeinde Wettingen AG", "CH", "", "4045", muni},
		{"Stadt Aarau AG", "", "Aargau", "4001", muni},
		{"Weismain, St", "", "", "09478176", muni},
		{"Gemeinde Rückersdorf", "", "DE-BY", "09574154", muni},
		{"Stadtgemeinde Freistadt", "", "", "40601", muni},
		{"Marktgemeinde Lustenau", "", "", "80303", muni},
		{"Statutarstadt Wels", "", "", "40301", muni},
		// administrations
		{"Stadtverwaltung Köln", "", "", "05315000", muni},
		{"Köln Stadtverwaltung", "", "", "05315000", muni},
		{"Gemeindeverwaltung Sankt Augustin", "", "", "05382056", muni},
		{"Magistrat der Stadt Wien", "", "", "90001", cityst},
		{"Magistrat Kassel", "", "", "06611000", muni},
		// counties
		{"Landratsamt München", "", "", "09184", county},
		{"Kreis Wesel", "", "", "05170", county},
		{"Kreisverwaltung Wesel", "", "", "05170", county},
		{"LK München", "", "", "09184", county},
		{"Landkreis München", "", "", "09184", county},
		{"München, Landkreis", "", "", "09184", county},
		{"Region Hannover", "", "", "03241", county},
		{"Städteregion Aachen", "", "", "05334", county},
		{"Regionalverband Saarbrücken", "", "", "10041", county},
		{"Rhein-Sieg-Kreis", "", "", "05382", county},
		{"Ennepe-Ruhr-Kreis", "", "", "05954", county},
		{"Hochsauerlandkreis", "", "", "05958", county},
		{"Kreis Rhein-Sieg", "", "", "05382", county},
		{"Bezirk Freistadt", "", "", "406", county},
		{"Bezirkshauptmannschaft Freistadt", "", "", "406", county},
		{"BH Krems", "", "", "313", county},
		// the city, not the county
		{"Stadt Wesel", "", "", "05170048", muni},
		{"Wesel", "", "", "05170048", muni},
		{"München", "", "", "09162000", muni},
		{"Landeshauptstadt München", "", "", "09162000", muni},
		{"Stadt Aachen", "", "", "05334002", muni},
		{"Hannover", "", "", "03241001", muni},
		{"Freistadt", "AT", "", "40601", muni},
		{"Wien", "", "", "90001", cityst},
		{"Land Berlin", "", "", "11000000", cityst},
		// other spellings
		{"St. Gallen", "CH", "", "3203", muni},
		{"St. Gallen", "", "", "3203", muni},      // spelled as the Swiss city is; the Austrian one is Sankt Gallen
		{"Stadt Bünde", "", "", "05758004", muni}, // not Bunde (Niedersachsen), which folds alike
		{"Bunde", "", "", "03457024", muni},
		{"Stadt Fürth", "", "", "09563000", muni},
		{"Sankt Gallen", "", "CH-SG", "3203", muni},
		{"St Gallen", "CH", "", "3203", muni},
		{"Sankt Augustin", "", "", "05382056", muni},
		{"St. Augustin", "", "", "05382056", muni},
		{"Frankfurt a.M.", "", "", "06412000", muni},
		{"Frankfurt am Main", "", "", "06412000", muni},
		{"Frankfurt/Main", "", "", "06412000", muni},
		{"Frankfurt", "", "DE-HE", "06412000", muni},
		{"Frankfurt (Oder)", "", "", "12053000", muni},
		{"Frankfurt an der Oder", "", "", "12053000", muni},
		{"Mülheim a.d. Ruhr", "", "", "05117000", muni},
		{"Neumarkt in der Oberpfalz", "", "", "09373147", muni},
		{"Neumarkt i.d.OPf.", "", "", "09373147", muni},
		{"Weiden in der Oberpfalz", "", "", "09363000", muni},
		{"Halle (Saale)", "", "", "15002000", muni},
		{"Halle an der Saale", "", "", "15002000", muni},
		{"Halle/Saale", "", "", "15002000", muni},
		{"Halle", "", "DE-ST", "15002000", muni},
		{"Rückersdorf (Landkreis Nürnberger Land)", "", "", "09574154", muni},
		{"Altenkirchen (Westerwald)", "", "", "07132501", muni},
		{"Muenchen", "", "", "09162000", muni},
		{"MÜNCHEN", "", "", "09162000", muni},
		{"düsseldorf", "", "", "05111000", muni},
		{"Bad Homburg vor der Höhe", "", "", "06434001", muni},
		{"Bad Homburg v.d.H.", "", "", "06434001", muni},
		{"Baden-Baden", "", "", "08211000", muni},
		{"Baden Baden", "", "", "08211000", muni},
		// French, Italian, bilingual
		{"Ville de Genève", "", "", "6621", muni},
		{"Genf", "", "", "6621", muni},
		{"Stadt Genf", "", "", "6621", muni},
		{"Commune de Lausanne", "", "", "5586", muni},
		{"Città di Lugano", "", "", "5192", muni},
		{"Comune di Bellinzona", "", "", "5002", muni},
		{"Biel/Bienne", "", "", "371", muni},
		{"Biel", "CH", "", "371", muni},
		{"Ville de Bienne", "", "", "371", muni},
		{"Ville du Locle", "", "", "6436", muni},
		{"Commune du Lieu", "", "", "5873", muni},
		{"Commune des Genevez (JU)", "", "", "6748", muni},
		{"Einwohnergemeinde Rüdtligen-Alchenflüh", "", "", "420", muni},
		// designations the list does not know, and town rights
		{"Flecken Harsefeld", "", "", "03359023", muni},
		{"Gemeinde Sankt Johann am Walde", "", "", "40436", muni}, // not St. Johann im Walde
		{"Die Mähdrescherstadt Harsewinkel", "", "", "05754016", muni},
		{"Stadt Offenbach", "", "", "06413000", muni}, // Offenbach an der Queich is no town
		{"Offenbach", "", "", "", ""},                 // but the bare name is not guessed
		{"Kreisverwaltung Neuss", "", "", "05162", county},
		// region or country narrows down
		{"Neustadt an der Weinstraße", "", "", "07316000", muni},
		{"Neustadt", "", "DE-RP", "", ""}, // still several in Rheinland-Pfalz
		{"Rückersdorf", "", "Bayern", "09574154", muni},
		{"Rückersdorf", "", "DE-BB", "12062417", muni},
	} {
		t.Run(c.name+"/"+c.country+c.region, func(t *testing.T) {
			r := Find(Query{Name: c.name, Country: c.country, Region: c.region})
			if c.code == "" {
				if r.Place != nil {
					t.Fatalf("got %s %s, want no single place", r.Place.Code, r.Place.Name)
				}
				return
			}
			if r.Place == nil {
				t.Fatalf("no place; candidates %v", names(r.Candidates))
			}
			if r.Place.Code != c.code || r.Place.Kind != c.kind {
				t.Errorf("got %s %s (%s), want %s (%s)", r.Place.Code, r.Place.Name, r.Place.Kind, c.code, c.kind)
			}
		})
	}
}

func TestFindAmbiguous(t *testing.T) {
	for _, c := range []struct {
		name, country string
		want          []string // codes among the candidates
	}{
		{"Neustadt", "", []string{"07316000"}},
		{"Halle", "", []string{"15002000", "05754012"}},
		{"Frankfurt", "", []string{"06412000", "12053000"}},
		{"Rückersdorf", "", []string{"09574154", "12062417", "16076062"}},
		{"Buchs", "CH", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Find(Query{Name: c.name, Country: c.country})
			if r.Place != nil {
				t.Fatalf("got %s %s, want no single place", r.Place.Code, r.Place.Name)
			}
			if len(r.Candidates) < 2 || len(r.Candidates) > 5 {
				t.Fatalf("got %d candidates %v, want 2 to 5", len(r.Candidates), names(r.Candidates))
			}
			for _, code := range c.want {
				found := false
				for _, p := range r.Candidates {
					found = found || p.Code == code
				}
				if !found {
					t.Errorf("candidates %v lack %s", names(r.Candidates), code)
				}
			}
			for i := 1; i < len(r.Candidates); i++ {
				if r.Candidates[i].Population > r.Candidates[i-1].Population {
					t.Errorf("candidates not most populous first: %v", names(r.Candidates))
				}
			}
		})
	}
}

func TestFindNoPlace(t *testing.T) {
	for _, c := range []struct {
		name       string
		candidates bool
	}{
		{"Allianz SE", false},
		{"Deutsche Bahn AG", false},
		{"Siemens AG", false},
		{"Bundesministerium des Innern", false},
		{"Stadtwerke München GmbH", false},
		{"Freistaat Bayern", false},
		{"Förderverein Köln e.V.", false},
		{"", false},
		{"   ", false},
		{"Düsseldorff", true}, // a typo resembles Düsseldorf
		{"Kanton Zürich", true},
		{"Bad", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Find(Query{Name: c.name})
			if r.Place != nil {
				t.Fatalf("got %s %s, want none", r.Place.Code, r.Place.Name)
			}
			if got := len(r.Candidates) > 0; got != c.candidates {
				t.Errorf("candidates %v, want some: %v", names(r.Candidates), c.candidates)
			}
		})
	}
	// In Germany "Baden AG" is a company.
	if r := Find(Query{Name: "Baden AG", Country: "DE"}); r.Place != nil {
		t.Errorf("Baden AG in Germany: %s %s", r.Place.Code, r.Place.Name)
	}
	if r := Find(Query{Name: "Köln", Country: "FR"}); r.Place != nil || len(r.Candidates) > 0 {
		t.Errorf("Köln in France: %+v", r)
	}
	if r := Find(Query{Name: "Wesel", Kind: county}); r.Place == nil || r.Place.Code != "05170" {
		t.Errorf("Wesel as county: %+v", r)
	}
}

func TestKey(t *testing.T) {
	for _, c := range []struct{ name, key, kind string }{
		{"Köln, Stadt", "koln", muni},
		{"Stadt Köln", "koln", muni},
		{"Landratsamt München", "munchen", county},
		{"Kreis Wesel", "wesel", county},
		{"Rhein-Sieg-Kreis", "rhein sieg", county},
		{"Freie und Hansestadt Hamburg", "hamburg", cityst},
		{"Kanton Zürich", "zurich", cdoatlas.KindState},
		{"Allianz SE", "allianz", cdoatlas.KindCompany},
		{"Die Schweizerische Post AG", "schweizerische post", cdoatlas.KindCompany},
		{"Merck KGaA Darmstadt", "merck", cdoatlas.KindCompany},
		{"D. Swarovski KG", "swarovski", cdoatlas.KindCompany},
		{"Bosch Group", "bosch", cdoatlas.KindCompany},
		{"Nestle SA", "nestle", cdoatlas.KindCompany},
		{"Nestlé S.A.", "nestle", cdoatlas.KindCompany},
		{"E.ON SE", "eon", cdoatlas.KindCompany},
		{"E.ON", "eon", ""},
		{"Otto (GmbH & Co KG)", "otto", cdoatlas.KindCompany},
		{"Swisscom (Schweiz) AG", "swisscom", cdoatlas.KindCompany},
		{"Berliner Verkehrsbetriebe (BVG) AöR", "berliner verkehrsbetriebe", cdoatlas.KindPublicCompany},
		{"Lichtenstein/Sa.", "lichtenstein sachsen", ""},
		{"Buchs (AG)", "buchs ag", ""},
		{"Rheinfelden (Schweiz)", "rheinfelden schweiz", ""},
		{"Neumarkt i.d.OPf.", "neumarkt oberpfalz", ""},
		{"Bundesministerium des Innern", "bundesministerium innern", cdoatlas.KindFederal},
		{"Frankfurt a.M.", "frankfurt main", ""},
		{"St. Gallen", "sankt gallen", ""},
		{"Eisenstadt(Stadt)", "eisenstadt", muni},
		{"Krems(Land)", "krems land", county},
		{"Ried im Innkreis", "ried innkreis", ""},
		{"Stadt", "stadt", ""},
	} {
		key, kind := Key(c.name)
		if key != c.key || kind != c.kind {
			t.Errorf("Key(%q) = %q, %q; want %q, %q", c.name, key, kind, c.key, c.kind)
		}
	}
}

// TestFindEveryPlace: every place is found by its own name, alone or
// among candidates when it has namesakes, and by its name and region
// unless its region has a namesake too.
func TestFindEveryPlace(t *testing.T) {
	missed := 0
	for _, p := range All() {
		r := Find(Query{Name: p.Name, Region: p.Region, Kind: p.Kind})
		if r.Place != nil && r.Place.Code == p.Code {
			continue
		}
		found := false
		for _, c := range r.Candidates {
			found = found || c.Code == p.Code
		}
		if !found && len(r.Candidates) < maxCandidates {
			missed++
			if missed < 10 {
				t.Errorf("%s %s %s: not found (%v)", p.Country, p.Code, p.Name, names(r.Candidates))
			}
		}
	}
}

func names(ps []Place) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Code+" "+p.Name)
	}
	return out
}

var benchQueries = []Query{
	{Name: "Stadt Köln"}, {Name: "Landeshauptstadt München"}, {Name: "Landratsamt München"},
	{Name: "Kreis Wesel"}, {Name: "Neustadt"}, {Name: "Hanse- und Universitätsstadt Rostock"},
	{Name: "Allianz SE"}, {Name: "Deutsche Bahn AG"}, {Name: "Ville de Genève"}, {Name: "Frankfurt a.M."},
	{Name: "Rückersdorf", Region: "DE-BY"}, {Name: "Gemeinde Lam"}, {Name: "Bundesministerium des Innern"},
	{Name: "Stadtverwaltung Düsseldorf"}, {Name: "Rhein-Sieg-Kreis"}, {Name: "Wien"}, {Name: "St. Gallen", Country: "CH"},
	{Name: "Dusseldorff"}, {Name: "Freistadt"}, {Name: "Halle (Saale)"},
}

func BenchmarkFind(b *testing.B) {
	Find(Query{Name: "warm up"})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Find(benchQueries[i%len(benchQueries)])
		i++
	}
}

func FuzzKey(f *testing.F) {
	for _, q := range benchQueries {
		f.Add(q.Name)
	}
	f.Add("((a)")
	f.Add("Krems(Land),")
	f.Add("E.ON (GmbH & Co KG) SA")
	f.Add("Swisscom (Schweiz) (BVG) AG")
	f.Fuzz(func(t *testing.T, name string) {
		key, _ := Key(name)
		if strings.Contains(key, "  ") || strings.HasPrefix(key, " ") {
			t.Errorf("Key(%q) = %q: stray spaces", name, key)
		}
	})
}

func FuzzFind(f *testing.F) {
	for _, q := range benchQueries {
		f.Add(q.Name, q.Region)
	}
	f.Fuzz(func(t *testing.T, name, region string) {
		r := Find(Query{Name: name, Region: region})
		if r.Place != nil && len(r.Candidates) > 0 || len(r.Candidates) > maxCandidates {
			t.Errorf("Find(%q, %q): %v and %d candidates", name, region, r.Place, len(r.Candidates))
		}
	})
}

var _ = fmt.Sprint
