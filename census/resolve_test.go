package census

import (
	"context"
	"fmt"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// resolveRows classifies nothing: it gives each row the role its title
// names (cdo unless the title says CIO) and resolves them in a wave.
func resolveRows(t *testing.T, r *Resolver, wave string, rows ...[3]string) []*cdoatlas.Observation {
	t.Helper()
	var obs []*cdoatlas.Observation
	for _, row := range rows {
		o := &cdoatlas.Observation{Wave: wave, PersonName: row[0], Title: "Chief Digital Officer", Organization: row[1], Region: row[2], Role: cdoatlas.RoleCDO}
		if err := o.Validate(); err != nil {
			t.Fatalf("%v: %v", row, err)
		}
		o.Role = cdoatlas.RoleCDO
		obs = append(obs, o)
	}
	if err := r.Resolve(context.Background(), obs); err != nil {
		t.Fatal(err)
	}
	return obs
}

func newTestResolver(ix *Index) *Resolver {
	r := NewResolver(ix)
	next := map[string]int64{}
	r.NewID = func(table string) int64 {
		next[table]++
		return 1000 + next[table]
	}
	return r
}

// TestResolveOrganizationsAsWritten: the ways sources write one
// organization resolve to one organization, which carries the gazetteer's
// code, kind, region and population; a county is not its city.
func TestResolveOrganizationsAsWritten(t *testing.T) {
	r := newTestResolver(&Index{Orgs: []OrgRef{{ID: 1, Name: "Allianz SE", Kind: cdoatlas.KindCompany, Country: "DE", Region: "DE-BY"}}})
	groups := [][][3]string{
		{{"A Eins", "Hamburg", ""}, {"A Eins", "Stadt Hamburg", ""}, {"A Eins", "Freie und Hansestadt Hamburg", "Land Hamburg"}},
		{{"B Zwei", "Rostock", ""}, {"B Zwei", "Hanse- und Universitätsstadt Rostock", ""}, {"B Zwei", "Rostock, Hanse- und Universitätsstadt", ""}},
		{{"C Drei", "Düsseldorf", ""}, {"C Drei", "Landeshauptstadt Düsseldorf", ""}, {"C Drei", "Stadtverwaltung Düsseldorf", "NRW"}},
		{{"D Vier", "Allianz", ""}, {"D Vier", "Allianz SE", ""}, {"D Vier", "ALLIANZ SE", "Freistaat Bayern"}},
		{{"E Fünf", "Otto Group", ""}, {"E Fünf", "Otto Group GmbH", ""}, {"E Fünf", "Otto Group GmbH & Co. KG", ""}},
		{{"F Sechs", "Deutsche Bahn", ""}, {"F Sechs", "Deutsche Bahn AG", ""}, {"F Sechs", "DB AG", ""}, {"F Sechs", "Deutsche Bahn Konzern", ""}},
		{{"T Zwanzig", "Bosch", ""}, {"T Zwanzig", "Robert Bosch GmbH", ""}, {"T Zwanzig", "Bosch Group", "DE-BW"}},
		{{"U Einundzwanzig", "Beiersdorf", ""}, {"U Einundzwanzig", "Beiersdorf AG", "Hamburg"}},
		{{"V Zweiundzwanzig", "Gemeinde Beiersdorf", ""}, {"V Zweiundzwanzig", "Beiersdorf", "Sachsen"}},
		{{"W Dreiundzwanzig", "Salzgitter", ""}, {"W Dreiundzwanzig", "Stadt Salzgitter", ""}},
		{{"G Sieben", "Landratsamt München", ""}, {"G Sieben", "Landkreis München", ""}},
		{{"H Acht", "Landeshauptstadt München", ""}, {"H Acht", "München", ""}, {"H Acht", "Muenchen", ""}},
		{{"I Neun", "Kreis Wesel", ""}, {"I Neun", "Kreisverwaltung Wesel", ""}},
		{{"J Zehn", "Stadt Wesel", ""}, {"J Zehn", "Wesel", ""}},
		{{"K Elf", "Ville de Genève", ""}, {"K Elf", "Genève", "Canton de Genève"}, {"K Elf", "Stadt Genf", ""}},
		{{"L Zwölf", "Land Bremen", ""}, {"L Zwölf", "Freie Hansestadt Bremen", ""}, {"L Zwölf", "Landesregierung Bremen", ""}, {"L Zwölf", "Bremer Senat", ""}},
		{{"M Dreizehn", "Thüringer Landesregierung", ""}, {"M Dreizehn", "Freistaat Thüringen", ""}, {"M Dreizehn", "Thüringen", "DE-TH"}},
		{{"N Vierzehn", "SBB", ""}, {"N Vierzehn", "Schweizerische Bundesbahnen SBB", ""}, {"N Vierzehn", "SBB CFF FFS", ""}},
		{{"O Fünfzehn", "ADAC", ""}, {"O Fünfzehn", "Allgemeiner Deutscher Automobil-Club e.V.", ""}},
		{{"P Sechzehn", "Migros", ""}, {"P Sechzehn", "Migros-Genossenschafts-Bund", ""}},
		{{"Q Siebzehn", "Nestlé", ""}, {"Q Siebzehn", "Nestlé S.A.", ""}},
		{{"R Achtzehn", "Gemeinde Homberg", "DE-RP"}, {"R Achtzehn", "Homberg", "DE-RP"}},
		{{"S Neunzehn", "Gemeindeverwaltung Hömberg", ""}, {"S Neunzehn", "Hömberg", "DE-RP"}},
	}
	orgOf := map[string]int64{}
	for _, g := range groups {
		obs := resolveRows(t, r, "2024", g...)
		for i, o := range obs {
			if o.OrganizationID != obs[0].OrganizationID {
				t.Errorf("%q: organization %d, but %q: %d", g[i][1], o.OrganizationID, g[0][1], obs[0].OrganizationID)
			}
			if o.PersonID != obs[0].PersonID {
				t.Errorf("%q: person %d, but %d at %q", g[i][1], o.PersonID, obs[0].PersonID, g[0][1])
			}
		}
		orgOf[g[0][1]] = obs[0].OrganizationID
	}
	if orgOf["Allianz"] != 1 {
		t.Errorf("Allianz resolved to %d, not to the registry's Allianz SE", orgOf["Allianz"])
	}
	if orgOf["Landratsamt München"] == orgOf["Landeshauptstadt München"] || orgOf["Kreis Wesel"] == orgOf["Stadt Wesel"] {
		t.Error("a county resolved to its city")
	}
	if orgOf["Land Bremen"] == orgOf["Stadt Bremen"] || orgOf["Gemeinde Homberg"] == orgOf["Gemeindeverwaltung Hömberg"] {
		t.Error("the Land Bremen is its city, or Hömberg is Homberg")
	}
	if orgOf["SBB"] == orgOf["ADAC"] || orgOf["Migros"] == orgOf["Nestlé"] {
		t.Error("companies merged")
	}
	want := map[string]struct{ code, kind, region, class string }{
		"Hamburg":                   {"02000000", cdoatlas.KindCityState, "DE-HH", "GK1"},
		"Rostock":                   {"13003000", cdoatlas.KindMunicipality, "DE-MV", "GK2"},
		"Düsseldorf":                {"05111000", cdoatlas.KindMunicipality, "DE-NW", "GK1"},
		"Landratsamt München":       {"09184", cdoatlas.KindCounty, "DE-BY", "KGK1"},
		"Kreis Wesel":               {"05170", cdoatlas.KindCounty, "DE-NW", "KGK1"},
		"Stadt Wesel":               {"05170048", cdoatlas.KindMunicipality, "DE-NW", "GK4"},
		"Landeshauptstadt München":  {"09162000", cdoatlas.KindMunicipality, "DE-BY", "GK1"},
		"Otto Group":                {"", cdoatlas.KindCompany, "DE-HH", ""},
		"Deutsche Bahn":             {"", cdoatlas.KindPublicCompany, "DE-BE", ""},
		"Bosch":                     {"", cdoatlas.KindCompany, "DE-BW", ""},
		"Beiersdorf":                {"", cdoatlas.KindCompany, "DE-HH", ""},
		"Gemeinde Beiersdorf":       {"14626020", cdoatlas.KindMunicipality, "DE-SN", "GK7"},
		"Salzgitter":                {"03102000", cdoatlas.KindMunicipality, "DE-NI", "GK3"},
		"Land Bremen":               {"04", cdoatlas.KindState, "DE-HB", ""},
		"Thüringer Landesregierung": {"16", cdoatlas.KindState, "DE-TH", ""},
		"Gemeinde Homberg":          {"07336044", cdoatlas.KindMunicipality, "DE-RP", "GK7"},
	}
	for name, w := range want {
		var org *cdoatlas.Organization
		for _, o := range r.NewOrgs {
			if o.ID == orgOf[name] {
				org = o
			}
		}
		if org == nil {
			t.Errorf("%s: not created", name)
			continue
		}
		if org.OfficialCode != w.code || org.Kind != w.kind || org.Region != w.region || org.SizeClass != w.class {
			t.Errorf("%s: created as %q %s %s %s, want %q %s %s %s", name, org.OfficialCode, org.Kind, org.Region, org.SizeClass,
				w.code, w.kind, w.region, w.class)
		}
	}
}

// TestResolveAmbiguousPlace: a name several municipalities share is not
// guessed without a region; a region tells them apart.
func TestResolveAmbiguousPlace(t *testing.T) {
	r := newTestResolver(&Index{})
	obs := resolveRows(t, r, "2024", [3]string{"A Eins", "Neustadt", ""}, [3]string{"B Zwei", "Stadt Neustadt an der Weinstraße", ""})
	for _, o := range r.NewOrgs {
		if o.ID == obs[0].OrganizationID && o.OfficialCode != "" {
			t.Errorf("bare Neustadt guessed as %s %s", o.OfficialCode, o.Name)
		}
		if o.ID == obs[1].OrganizationID && o.OfficialCode != "07316000" {
			t.Errorf("Neustadt an der Weinstraße: %q", o.OfficialCode)
		}
	}
}

// TestResolveCommonNamesLinearly: many namesakes at many organizations
// make no pairwise questions, and each stays who they are across waves.
func TestResolveCommonNamesLinearly(t *testing.T) {
	r := newTestResolver(&Index{})
	var w1, w2 [][3]string
	for i := range 300 {
		org := fmt.Sprintf("Firma %03d GmbH", i)
		w1 = append(w1, [3]string{"Thomas Müller", org, ""})
		w2 = append(w2, [3]string{"Thomas Mueller", org, ""})
	}
	a := resolveRows(t, r, "2023", w1...)
	b := resolveRows(t, r, "2024", w2...)
	for i := range a {
		if a[i].PersonID != b[i].PersonID {
			t.Fatalf("row %d: person %d in 2023, %d in 2024", i, a[i].PersonID, b[i].PersonID)
		}
	}
	if len(r.NewPeople) != 300 || len(r.Questions) != 0 {
		t.Errorf("%d people, %d questions; want 300, 0", len(r.NewPeople), len(r.Questions))
	}
}

// TestResolveMover: the one namesake not seen in the wave moved; when
// several could have, or the name is new in the role at several
// organizations, nobody is guessed, and as that is too little evidence rather than
// conflicting evidence, nobody is asked either.
func TestResolveMover(t *testing.T) {
	r := newTestResolver(&Index{})
	a := resolveRows(t, r, "2023", [3]string{"Petra Lang", "Stadt Ulm", ""}, [3]string{"Karl Berg", "Stadt Ulm", ""},
		[3]string{"Karl Berg", "Stadt Essen", ""}, [3]string{"Karl Berg", "Stadt Bonn", ""})
	b := resolveRows(t, r, "2024", [3]string{"Petra Lang", "Stadt Köln", ""}, [3]string{"Karl Berg", "Stadt Münster", ""},
		[3]string{"Karl Berg", "Stadt Bonn", ""})
	if b[0].PersonID != a[0].PersonID {
		t.Error("Petra Lang did not move to Köln")
	}
	if b[1].PersonID == a[1].PersonID || b[1].PersonID == a[2].PersonID {
		t.Error("a Karl Berg was guessed to have moved")
	}
	if b[2].PersonID != a[3].PersonID {
		t.Error("Karl Berg of Bonn is not the same")
	}
	if len(r.Questions) != 0 {
		t.Errorf("%d questions, want 0: %+v", len(r.Questions), r.Questions)
	}
	// A namesake in another role did not move: the CTO of Ulm is not the
	// new CDO of Köln.
	cto := []*cdoatlas.Observation{{Wave: "2024", PersonName: "Olga Stein", Title: "CTO", Organization: "Stadt Ulm", Role: cdoatlas.RoleCTO}}
	if err := r.Resolve(context.Background(), cto); err != nil {
		t.Fatal(err)
	}
	cdo := resolveRows(t, r, "2025", [3]string{"Olga Stein", "Stadt Köln", ""})
	if cdo[0].PersonID == cto[0].PersonID {
		t.Error("the CTO of Ulm was taken to have moved to Köln as CDO")
	}
	// Petra Lang of Köln is not seen in 2025, and her name is new at two
	// organizations: which of them she is, if either, is not guessed.
	two := resolveRows(t, r, "2025", [3]string{"Petra Lang", "Stadt Essen", ""}, [3]string{"Petra Lang", "Stadt Bonn", ""})
	if two[0].PersonID == a[0].PersonID || two[1].PersonID == a[0].PersonID || two[0].PersonID == two[1].PersonID {
		t.Errorf("Petra Lang guessed: people %d and %d, Köln's %d", two[0].PersonID, two[1].PersonID, a[0].PersonID)
	}
	// A namesake new in another role elsewhere leaves the move clear.
	first := resolveRows(t, r, "2025", [3]string{"Anna Roth", "Stadt Ulm", ""})
	next := []*cdoatlas.Observation{
		{Wave: "2026", PersonName: "Anna Roth", Title: "CDO", Organization: "Stadt Köln", Role: cdoatlas.RoleCDO},
		{Wave: "2026", PersonName: "Anna Roth", Title: "CIO", Organization: "Stadt Essen", Role: cdoatlas.RoleCIO},
	}
	if err := r.Resolve(context.Background(), next); err != nil {
		t.Fatal(err)
	}
	if next[0].PersonID != first[0].PersonID || next[1].PersonID == first[0].PersonID {
		t.Errorf("Anna Roth: CDO of Köln %d, CIO of Essen %d, CDO of Ulm %d", next[0].PersonID, next[1].PersonID, first[0].PersonID)
	}
}

// TestNameSimilarity: a typo links, an initial asks, and names that
// differ in more than a typo, or by a first name that extends the other,
// are different people.
func TestNameSimilarity(t *testing.T) {
	for _, c := range []struct {
		a, b string
		min  float64
		max  float64
	}{
		{"jorg muller", "jorg muller", 1, 1},
		{"jorg muller", "jorg mullr", Link, 1},
		{"j muller", "jorg muller", Ask, Link - 0.01},
		{"andrea weber", "andreas weber", 0, 0},
		{"sabine huber", "nadine huber", 0, 0},
		{"tobias gruber", "tobias huber", 0, 0},
		{"sabine muller", "sabine buhler", 0, 0},
	} {
		if s := nameSimilarity(c.a, c.b); s < c.min || s > c.max {
			t.Errorf("nameSimilarity(%q, %q) = %.2f, want %.2f–%.2f", c.a, c.b, s, c.min, c.max)
		}
	}
}

// TestResolveTwinOnlyInTheSameRole: a rare name seen at two organizations
// in one wave is asked about only when both rows hold the same role.
func TestResolveTwinOnlyInTheSameRole(t *testing.T) {
	for _, c := range []struct {
		org, role string
		questions int
	}{{"Stadt Schaffhausen", cdoatlas.RoleCTO, 0}, {"Stadt Thun", cdoatlas.RoleCDO, 1}} {
		r := newTestResolver(&Index{})
		resolveRows(t, r, "2023", [3]string{"Melanie Schmidbauer", "Krattigen", ""})
		resolveRows(t, r, "2024", [3]string{"Melanie Schmidbauer", "Krattigen", ""})
		obs := []*cdoatlas.Observation{{Wave: "2024", PersonName: "Melanie Schmidbauer", Title: "Chief Digital Officer", Organization: c.org, Role: c.role}}
		if err := r.Resolve(context.Background(), obs); err != nil {
			t.Fatal(err)
		}
		if len(r.Questions) != c.questions {
			t.Errorf("%s at %s: %d questions, want %d", c.role, c.org, len(r.Questions), c.questions)
		}
	}
}

// TestMergeLate: a profile that shows at the organization where a person
// of the same name and role was seen before, and not in this wave, makes
// the two one — the older keeps its ID — unless something says they are
// two: two profiles on one site, two birth years, a question asked about
// them, a post in the registry, or the namesake seen in this wave.
func TestMergeLate(t *testing.T) {
	year := func(y int) *int { return &y }
	orgs := []OrgRef{
		{ID: 1, Name: "München", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-BY", CodeKey: "09162000"},
		{ID: 2, Name: "Köln", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-NW", CodeKey: "05315000"},
	}
	// Person 10 was seen at München, person 11 (with the LinkedIn
	// profile) at Köln, both in 2022.
	stored := func() []PersonRef {
		return []PersonRef{
			{ID: 10, Name: "Thomas Busch", Gender: "m", Seen: []Sighting{{Org: 1, Wave: "2022", Role: cdoatlas.RoleCDO}},
				Profiles: []string{"xing.com/profile/thomas_busch71"}},
			{ID: 11, Name: "Thomas Busch", Gender: "m", Seen: []Sighting{{Org: 2, Wave: "2022", Role: cdoatlas.RoleCDO}},
				Profiles: []string{"linkedin.com/in/thomas-busch-5104a2"}},
		}
	}
	row := cdoatlas.Observation{Wave: "2023", PersonName: "Thomas Busch", Title: "CDO", Organization: "München",
		ProfileURL: "https://www.linkedin.com/in/thomas-busch-5104a2", Role: cdoatlas.RoleCDO}
	for _, c := range []struct {
		name   string
		change func(ix *Index, rows *[]cdoatlas.Observation)
		merged bool
	}{
		{"Merged", func(*Index, *[]cdoatlas.Observation) {}, true},
		{"TwoXingProfiles", func(ix *Index, _ *[]cdoatlas.Observation) {
			ix.People[1].Profiles = append(ix.People[1].Profiles, "xing.com/profile/thomas_busch12")
		}, false},
		{"TwoGenders", func(ix *Index, _ *[]cdoatlas.Observation) { ix.People[1].Gender = "f" }, false},
		{"TwoBirthYears", func(ix *Index, _ *[]cdoatlas.Observation) {
			ix.People[0].BirthYear, ix.People[1].BirthYear = year(1970), year(1981)
		}, false},
		{"AskedBefore", func(ix *Index, _ *[]cdoatlas.Observation) { ix.Asked = [][2]int64{{10, 11}} }, false},
		{"PostInRegistry", func(ix *Index, _ *[]cdoatlas.Observation) {
			ix.People[0].Seen = append(ix.People[0].Seen, Sighting{Org: 1, Role: cdoatlas.RoleCDO})
		}, false},
		{"OtherRole", func(ix *Index, _ *[]cdoatlas.Observation) { ix.People[0].Seen[0].Role = cdoatlas.RoleCIO }, false},
		{"NamesakeSeenInTheWave", func(_ *Index, rows *[]cdoatlas.Observation) {
			seen := row
			seen.ProfileURL = "https://www.xing.com/profile/Thomas_Busch71"
			*rows = append([]cdoatlas.Observation{seen}, *rows...)
		}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ix := &Index{Orgs: orgs, People: stored()}
			rows := []cdoatlas.Observation{row}
			c.change(ix, &rows)
			r := newTestResolver(ix)
			var obs []*cdoatlas.Observation
			for i := range rows {
				obs = append(obs, &rows[i])
			}
			if err := r.Resolve(context.Background(), obs); err != nil {
				t.Fatal(err)
			}
			last := obs[len(obs)-1]
			switch {
			case c.merged && (len(r.Merges) != 1 || r.Merges[0] != Merge{Keep: 10, Drop: 11} || last.PersonID != 10):
				t.Errorf("merges %v, row of person %d; want 11 into 10", r.Merges, last.PersonID)
			case !c.merged && (len(r.Merges) != 0 || last.PersonID != 11):
				t.Errorf("merges %v, row of person %d; want none, person 11", r.Merges, last.PersonID)
			}
		})
	}
	// People this run created are made one before they are written.
	r := newTestResolver(&Index{Orgs: orgs})
	resolveRows(t, r, "2022", [3]string{"Thomas Busch", "München", ""})
	if err := r.Resolve(context.Background(), []*cdoatlas.Observation{{Wave: "2022", PersonName: "Thomas Busch", Title: "CDO",
		Organization: "Köln", ProfileURL: "https://www.linkedin.com/in/tb", Role: cdoatlas.RoleCDO}}); err != nil {
		t.Fatal(err)
	}
	obs := []*cdoatlas.Observation{{Wave: "2023", PersonName: "Thomas Busch", Title: "CDO", Organization: "München",
		ProfileURL: "https://www.linkedin.com/in/tb", Role: cdoatlas.RoleCDO}}
	if err := r.Resolve(context.Background(), obs); err != nil {
		t.Fatal(err)
	}
	if len(r.NewPeople) != 1 || len(r.Merges) != 0 || obs[0].PersonID != r.NewPeople[0].ID {
		t.Errorf("new people %d, merges %v, row of %d", len(r.NewPeople), r.Merges, obs[0].PersonID)
	}
	for _, p := range r.NewProfiles {
		if p.PersonID != r.NewPeople[0].ID {
			t.Errorf("profile %s left with person %d", p.Key, p.PersonID)
		}
	}
}
