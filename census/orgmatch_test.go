package census

import (
	"slices"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// matcherOrgs is a small registry: cities, a county of a city's name,
// a state, companies.
func matcherOrgs() []OrgRef {
	return []OrgRef{
		{ID: 1, Name: "Köln", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-NW", CodeKey: "05315000"},
		{ID: 2, Name: "Düsseldorf", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-NW"},
		{ID: 3, Name: "München", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-BY", CodeKey: "09162000"},
		{ID: 4, Name: "Landkreis München", Kind: cdoatlas.KindCounty, Country: "DE", Region: "DE-BY"},
		{ID: 5, Name: "Freistaat Bayern", Kind: cdoatlas.KindState, Country: "DE", Region: "DE-BY", CodeKey: "09"},
		{ID: 6, Name: "Allianz", Kind: cdoatlas.KindCompany, Country: "DE", Region: "DE-BY"},
		{ID: 7, Name: "Schweizerische Bundesbahnen SBB", Kind: cdoatlas.KindPublicCompany, Country: "CH", Region: "CH-BE"},
		{ID: 8, Name: "Neustadt", Kind: cdoatlas.KindMunicipality, Country: "DE"},
		{ID: 9, Name: "Neustadt", Kind: cdoatlas.KindMunicipality, Country: "DE"},
		{ID: 10, Name: "Deutsche Bahn", Kind: cdoatlas.KindUnknown, Country: "DE"},
	}
}

func TestOrgMatcher(t *testing.T) {
	m := NewOrgMatcher(matcherOrgs())
	for _, tc := range []struct {
		name      string
		q         OrgQuery
		want      int64
		wantAlso  []int64
		wantPlace string // the place's code when no stored organization fits
	}{
		{"Designation", OrgQuery{Name: "Stadt Köln", Country: "DE"}, 1, nil, ""},
		{"OfficialNameForm", OrgQuery{Name: "Köln, Stadt"}, 1, nil, ""},
		{"Landeshauptstadt", OrgQuery{Name: "Landeshauptstadt Düsseldorf", Country: "DE"}, 2, nil, ""},
		{"CodeFirst", OrgQuery{Name: "Irgendwas", Country: "DE", OfficialCode: "05315000"}, 1, nil, ""},
		{"ARSIsItsAGS", OrgQuery{Name: "München", Country: "DE", OfficialCode: "091620000000"}, 3, nil, ""},
		{"LandratsamtIsTheCounty", OrgQuery{Name: "Landratsamt München", Country: "DE"}, 4, nil, ""},
		{"BareNameIsTheCity", OrgQuery{Name: "München", Country: "DE"}, 3, nil, ""},
		{"GivenKindCounty", OrgQuery{Name: "München", Kind: cdoatlas.KindCounty, Country: "DE"}, 4, nil, ""},
		{"StateByRegion", OrgQuery{Name: "Bayerische Staatsregierung", Country: "DE"}, 5, nil, ""},
		{"LegalForm", OrgQuery{Name: "Allianz SE", Country: "DE"}, 6, nil, ""},
		{"Acronym", OrgQuery{Name: "SBB", Kind: cdoatlas.KindPublicCompany, Country: "CH"}, 7, nil, ""},
		{"ListedCompanyByOtherName", OrgQuery{Name: "DB AG", Country: "DE"}, 10, nil, ""},
		{"ListedCompanyByGroupName", OrgQuery{Name: "Deutsche Bahn Konzern"}, 10, nil, ""},
		{"SeveralFitAlike", OrgQuery{Name: "Neustadt", Kind: cdoatlas.KindMunicipality, Country: "DE"}, 8, []int64{9}, ""},
		{"OtherCountry", OrgQuery{Name: "Köln", Country: "AT"}, 0, nil, ""},
		{"GazetteerByName", OrgQuery{Name: "Gemeinde Ammerbuch", Country: "DE"}, 0, nil, "08416048"},
		{"GazetteerByCode", OrgQuery{Name: "Bonn", Country: "DE", OfficialCode: "05314000"}, 0, nil, "05314000"},
		{"CompanyIsNoPlace", OrgQuery{Name: "Ammerbuch Solar GmbH", Country: "DE"}, 0, nil, ""},
		{"AargauIsNoLegalForm", OrgQuery{Name: "Gemeinde Wettingen AG"}, 0, nil, "4045"},
		{"AargauTownAlone", OrgQuery{Name: "Baden AG", Country: "CH"}, 0, nil, "4021"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := m.Match(tc.q)
			if got.ID != tc.want || !slices.Equal(got.Also, tc.wantAlso) {
				t.Errorf("Match(%+v) = %d also %v, want %d also %v", tc.q, got.ID, got.Also, tc.want, tc.wantAlso)
			}
			code := ""
			if got.Place != nil {
				code = got.Place.Code
			}
			if code != tc.wantPlace {
				t.Errorf("place %q, want %q", code, tc.wantPlace)
			}
		})
	}
}

// TestOrgMatcherAgreesWithResolver: what the matcher finds stored, the
// census resolves to; where it finds nothing stored, the census creates.
func TestOrgMatcherAgreesWithResolver(t *testing.T) {
	m := NewOrgMatcher(matcherOrgs())
	for _, q := range []OrgQuery{
		{Name: "Stadt Köln", Country: "DE"}, {Name: "Landratsamt München"}, {Name: "München", Region: "DE-BY"},
		{Name: "Allianz SE"}, {Name: "SBB", Country: "CH"}, {Name: "Gemeinde Ammerbuch"}, {Name: "Bonn", OfficialCode: "05314000"},
		{Name: "Land Bremen"}, {Name: "Neuland GmbH"},
	} {
		r := newTestResolver(&Index{Orgs: matcherOrgs()})
		next := int64(100)
		r.NewID = func(string) int64 { next++; return next }
		got := r.organization(&cdoatlas.Observation{Organization: q.Name, Country: q.Country, Region: q.Region, OfficialCode: q.OfficialCode})
		want := m.Match(q).ID
		if want == 0 && got <= 100 || want != 0 && got != want {
			t.Errorf("%+v: resolver %d, matcher %d", q, got, want)
		}
	}
}

func TestOrgMatcherAdd(t *testing.T) {
	m := NewOrgMatcher(matcherOrgs())
	// Renamed: the old name no longer finds it, the new one does.
	m.Add(OrgRef{ID: 2, Name: "Landeshauptstadt Düsseldorf", OtherNames: []string{"Düsseldorf am Rhein"}, Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-NW", CodeKey: "05111000"})
	if got := m.Match(OrgQuery{Name: "Düsseldorf am Rhein", Country: "DE"}); got.ID != 2 {
		t.Errorf("other name: %+v", got)
	}
	if got := m.Match(OrgQuery{Name: "Irgendwas", OfficialCode: "05111000", Country: "DE"}); got.ID != 2 {
		t.Errorf("new code: %+v", got)
	}
	m.Add(OrgRef{ID: 2, Name: "Dorf am Rhein", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-NW"})
	if got := m.Match(OrgQuery{Name: "Düsseldorf am Rhein", Country: "DE"}); got.ID == 2 {
		t.Errorf("a name it no longer has still finds it")
	}
	if got := m.Match(OrgQuery{Name: "Irgendwas", OfficialCode: "05111000", Country: "DE"}); got.ID == 2 {
		t.Errorf("a code it no longer has still finds it")
	}
}

func TestMatchOrganization(t *testing.T) {
	m := NewOrgMatcher(matcherOrgs())
	// A record with a code is not the stored organization of another code.
	// Nor does it take the gazetteer's facts: an export imported into an
	// empty registry gives the same registry.
	if got := m.MatchOrganization(&cdoatlas.Organization{Name: "Köln", Kind: "municipality", Country: "DE", OfficialCode: "05314000"}); got.ID != 0 || got.Place != nil {
		t.Errorf("other code: %+v", got)
	}
	// Without one, "Stadt Köln" is Köln.
	if got := m.MatchOrganization(&cdoatlas.Organization{Name: "Stadt Köln", Kind: "municipality", Country: "DE"}); got.ID != 1 {
		t.Errorf("by name: %+v", got)
	}
}

func TestFillFromPlace(t *testing.T) {
	ammerbuch, ok := gazetteer.ByCode("DE", "08416048")
	if !ok || ammerbuch.Population <= 0 {
		t.Fatalf("the gazetteer lacks Ammerbuch: %+v", ammerbuch)
	}
	pop := int64(12000)
	for _, tc := range []struct {
		name   string
		org    cdoatlas.Organization
		filled bool
		want   cdoatlas.Organization
	}{
		{"EmptyFieldsFilled", cdoatlas.Organization{Name: "Gemeinde Ammerbuch", Kind: "municipality", Country: "DE"}, true,
			cdoatlas.Organization{Name: "Gemeinde Ammerbuch", Kind: "municipality", Country: "DE", Region: "DE-BW", OfficialCode: "08416048",
				Population: &ammerbuch.Population, PopulationDate: ammerbuch.PopulationDate}},
		{"GivenPopulationKept", cdoatlas.Organization{Name: "Ammerbuch", Kind: "municipality", Country: "DE", Population: &pop}, true,
			cdoatlas.Organization{Name: "Ammerbuch", Kind: "municipality", Country: "DE", Region: "DE-BW", OfficialCode: "08416048", Population: &pop}},
		{"OtherKind", cdoatlas.Organization{Name: "Ammerbuch", Kind: "county", Country: "DE"}, false,
			cdoatlas.Organization{Name: "Ammerbuch", Kind: "county", Country: "DE"}},
		{"Company", cdoatlas.Organization{Name: "Ammerbuch", Kind: "company", Country: "DE"}, false,
			cdoatlas.Organization{Name: "Ammerbuch", Kind: "company", Country: "DE"}},
		{"OtherCountry", cdoatlas.Organization{Name: "Ammerbuch", Kind: "municipality", Country: "AT"}, false,
			cdoatlas.Organization{Name: "Ammerbuch", Kind: "municipality", Country: "AT"}},
		{"OtherRegion", cdoatlas.Organization{Name: "Ammerbuch", Kind: "municipality", Country: "DE", Region: "DE-BY"}, false,
			cdoatlas.Organization{Name: "Ammerbuch", Kind: "municipality", Country: "DE", Region: "DE-BY"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.org
			if got := FillFromPlace(&o, &ammerbuch); got != tc.filled {
				t.Errorf("filled %v, want %v", got, tc.filled)
			}
			tc.want.Normalize()
			if o.OfficialCode != tc.want.OfficialCode || o.Region != tc.want.Region || o.PopulationDate != tc.want.PopulationDate ||
				(o.Population == nil) != (tc.want.Population == nil) || o.Population != nil && *o.Population != *tc.want.Population ||
				o.SizeClass != tc.want.SizeClass && tc.filled {
				t.Errorf("got %+v, want %+v", o, tc.want)
			}
		})
	}
}
