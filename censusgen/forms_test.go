package censusgen_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusgen"
)

// TestRealWorldForms checks that the forms real exports use occur in the
// rows, that the truth still names the right organization for them, and
// that every written name (with the region and code of its row) tells one
// organization of the truth.
func TestRealWorldForms(t *testing.T) {
	for _, opts := range []censusgen.Options{
		{People: 300, Waves: 5, Seed: 7},
		{People: 600, Waves: 3, Seed: 8, Gazetteer: true},
	} {
		dir, truth := generate(t, opts)
		files := readFiles(t, dir)
		orgs := registryOrgs(t, dir)

		// Where a tracked row's organization must be, by how it is written.
		want := map[*regexp.Regexp]string{
			regexp.MustCompile(`^(Landratsamt München|LK München|München, Landkreis|Landkreis München)$`): "09184",
			regexp.MustCompile(`^(München|Stadt München|LH München|München, Landeshauptstadt)$`):          "09162000",
			regexp.MustCompile(`^(Kreisverwaltung Wesel|Wesel, Kreis|Kreis Wesel)$`):                      "05170",
			regexp.MustCompile(`^(Wesel|Stadt Wesel|Wesel, Stadt)$`):                                      "05170048",
			regexp.MustCompile(`^(Region Hannover)$`):                                                     "03241",
			regexp.MustCompile(`^(Hannover|LH Hannover|Landeshauptstadt Hannover)$`):                      "03241001",
		}
		families := map[string]*regexp.Regexp{
			"Destatis form":     regexp.MustCompile(`, (Stadt|Landeshauptstadt|St|M|Kreis|Landkreis|GKSt|Universitätsstadt)$`),
			"honorific":         regexp.MustCompile(`^(Landeshauptstadt|Hanse- und Universitätsstadt|Freie und Hansestadt|Universitätsstadt|Wissenschaftsstadt|Bundesstadt|Große Kreisstadt|Kreisstadt|Statutarstadt) `),
			"administration":    regexp.MustCompile(`^(Stadtverwaltung|Gemeindeverwaltung|Kreisverwaltung|Landratsamt|Magistrat der Stadt) `),
			"designation":       regexp.MustCompile(`^(Stadt|Gemeinde|Markt|Marktgemeinde|Stadtgemeinde|Landkreis|Kreis) `),
			"county and city":   regexp.MustCompile(`^(Landratsamt München|Kreisverwaltung Wesel|Kreis Wesel)$`),
			"French or Italian": regexp.MustCompile(`^(Ville de|Città di) `),
			"St. or Sankt":      regexp.MustCompile(`(^|\s)(St\.|Sankt) `),
			"transliterated":    regexp.MustCompile(`(ue|oe|ae)`),
		}
		if opts.Gazetteer {
			families = map[string]*regexp.Regexp{"Destatis form": families["Destatis form"], "designation": families["designation"]}
		}
		found := map[string]int{}
		byText := map[string]map[string]bool{} // folded name, region, code → organizations
		for _, o := range truth.Observations {
			_, row := rowOf(t, files, o.File, o.Line)
			name := strings.Join(strings.Fields(row["organization"]), " ")
			if o.Organization == "" {
				continue
			}
			for re, code := range want {
				if re.MatchString(name) && o.Organization != code {
					t.Errorf("%s line %d: %q is %s in the truth, want %s", o.File, o.Line, name, o.Organization, code)
				}
			}
			for fam, re := range families {
				if re.MatchString(name) {
					found[fam]++
				}
			}
			region := cdoatlas.NormalizeRegion(row["country"], row["region"])
			if region == "" && row["region"] != "" {
				region = row["region"]
			}
			key := cdoatlas.Fold(name) + "|" + region + "|" + codeKey(row["official_code"])
			if byText[key] == nil {
				byText[key] = map[string]bool{}
			}
			byText[key][o.Organization] = true
		}
		for fam := range families {
			if found[fam] == 0 {
				t.Errorf("gazetteer %v: no tracked row writes an organization in %s", opts.Gazetteer, fam)
			}
		}
		for key, codes := range byText {
			if len(codes) > 1 {
				t.Errorf("gazetteer %v: %q names %d organizations: %v", opts.Gazetteer, key, len(codes), codes)
			}
		}
		// Both a county and the city of its name have a CDO.
		cdoAt := map[string]bool{}
		for _, o := range truth.Observations {
			if o.Role == cdoatlas.RoleCDO {
				cdoAt[o.Organization] = true
			}
		}
		if !opts.Gazetteer && !(cdoAt["09184"] && cdoAt["09162000"] && cdoAt["05170"] && cdoAt["05170048"]) {
			t.Errorf("CDOs at Landkreis München %v, München %v, Kreis Wesel %v, Wesel %v; want all",
				cdoAt["09184"], cdoAt["09162000"], cdoAt["05170"], cdoAt["05170048"])
		}
		if opts.Gazetteer && len(orgs) < 10000 {
			t.Errorf("registry with the gazetteer has %d organizations, want every municipality and county", len(orgs))
		}
		for _, kind := range []string{"organization_form_destatis", "organization_form_administration", "region_official_name", "ambiguous_place_name", "company_legal_form_varies"} {
			if truth.Noise[kind] == 0 {
				t.Errorf("gazetteer %v: noise %s never counted", opts.Gazetteer, kind)
			}
		}
	}
}

// TestCompaniesAndRegions checks the written forms of companies (with and
// without legal form) and of regions (official names).
func TestCompaniesAndRegions(t *testing.T) {
	dir, _ := generate(t, censusgen.Options{People: 100, Waves: 2, Seed: 4, Rows: 20000})
	seen := map[string]bool{}
	for _, f := range readFiles(t, dir) {
		for _, row := range f.rows {
			seen["org "+row["organization"]] = true
			seen["region "+row["region"]] = true
		}
	}
	for _, s := range []string{"Allianz", "Allianz SE", "Deutsche Bahn", "Deutsche Bahn AG", "Otto Group", "Otto Group GmbH", "Merck KGaA", "DATEV eG"} {
		if !seen["org "+s] {
			t.Errorf("no row at %q", s)
		}
	}
	for _, suffix := range []string{" GmbH & Co. KG", " gGmbH", " AöR", " e.V.", " Anstalt des öffentlichen Rechts"} {
		ok := false
		for k := range seen {
			ok = ok || strings.HasPrefix(k, "org ") && strings.HasSuffix(k, suffix)
		}
		if !ok {
			t.Errorf("no organization ends in %q", suffix)
		}
	}
	for _, s := range []string{"Freistaat Bayern", "Land Nordrhein-Westfalen", "Kanton Zürich", "Land Wien", "DE-NW", "NRW", "Bayern"} {
		if !seen["region "+s] {
			t.Errorf("no row with region %q", s)
		}
	}
	for _, s := range []string{"Kanton Zürich", "Canton de Genève", "Cantone Ticino", "Land Niederösterreich", "Freistaat Thüringen"} {
		if !seen["org "+s] {
			t.Errorf("no row at the state %q", s)
		}
	}
}

// TestLoadShape checks the shape of the load scenario at a tenth of its
// size: common names shared by many people, and half the filler rows with
// CIO, CTO or chief data officer titles.
func TestLoadShape(t *testing.T) {
	dir, truth := generate(t, censusgen.Options{People: 2000, Waves: 5, Seed: 1, Rows: 100_000})
	names := map[string]int{}
	for _, p := range truth.Persons {
		names[p.Name]++
	}
	most, shared := 0, 0
	for _, n := range names {
		most = max(most, n)
		if n > 1 {
			shared += n
		}
	}
	if most < 10 || shared < len(truth.Persons)/3 {
		t.Errorf("the most common name is shared by %d people, %d of %d share one; want common names", most, shared, len(truth.Persons))
	}
	if share := fillerLeaderShare(t, dir, truth); share < 0.45 || share > 0.55 {
		t.Errorf("%.0f %% of filler rows have CIO, CTO or chief data officer titles; want half", 100*share)
	}

	t.Run("NoLeaders", func(t *testing.T) {
		dir, truth := generate(t, censusgen.Options{People: 50, Waves: 1, Seed: 1, Rows: 2000, FillerLeaders: -1})
		if share := fillerLeaderShare(t, dir, truth); share != 0 {
			t.Errorf("%.0f %% of filler rows have leadership titles with FillerLeaders -1", 100*share)
		}
	})
}

var leaderTitle = regexp.MustCompile(`(?i)chief information officer|\bcio\b|it-leiter|informationstechnik|chief technology officer|\bcto\b|head of technology|chief data officer|head of data|datenbeauftragte`)

// fillerLeaderShare is the share of filler rows with a CIO, CTO or chief
// data officer title.
func fillerLeaderShare(t *testing.T, dir string, truth *censusgen.Truth) float64 {
	t.Helper()
	tracked := map[string]bool{}
	for _, o := range truth.Observations {
		tracked[o.File+":"+strconv.Itoa(o.Line)] = true
	}
	filler, leaders := 0, 0
	for _, f := range readFiles(t, dir) {
		for i, row := range f.rows {
			if tracked[f.name+":"+strconv.Itoa(i+2)] {
				continue
			}
			filler++
			if leaderTitle.MatchString(row["title"]) {
				leaders++
			}
		}
	}
	return float64(leaders) / float64(filler)
}
