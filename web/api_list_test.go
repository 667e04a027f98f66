package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestAPIOrganizationIndex(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		orgs, _ := e.seedOrganizations()
		for _, tc := range []struct {
			name  string
			query string
			want  []string // names in any order: collations differ
		}{
			{"All", "", []string{"Köln", "Kreis Wesel", "Landeshauptstadt München", "Paderborn", "Wien"}},
			{"SearchFolded", "q=muenchen", []string{"Landeshauptstadt München"}},
			{"SearchCaseAndAccents", "q=K%C3%96LN", []string{"Köln"}},
			{"SearchCode", "q=05170", []string{"Kreis Wesel"}},
			{"Country", "country=at", []string{"Wien"}},
			{"RegionCode", "region=DE-NW", []string{"Köln", "Kreis Wesel", "Paderborn"}},
			{"RegionAbbreviation", "region=NRW", []string{"Köln", "Kreis Wesel", "Paderborn"}},
			{"Kind", "kind=county", []string{"Kreis Wesel"}},
			{"SizeClass", "size_class=GK1", []string{"Köln", "Landeshauptstadt München", "Wien"}},
			{"SizeClassLowerCase", "size_class=gk3", []string{"Paderborn"}},
			{"Role", "role=cdo", []string{"Landeshauptstadt München"}},
			{"OfficialCode", "official_code=09162000", []string{"Landeshauptstadt München"}},
			{"OfficialCodeARS", "official_code=091620000000", []string{"Landeshauptstadt München"}},
			{"Combined", "country=DE&kind=municipality&q=o", []string{"Köln", "Paderborn"}},
			{"NoMatch", "q=atlantis", nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				l := e.list("/api/v1/organizations?" + tc.query)
				got, want := l.names(), slices.Clone(tc.want)
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("got %q, want %q", got, tc.want)
				}
				if l.Total != len(tc.want) {
					t.Errorf("total %d, want %d", l.Total, len(tc.want))
				}
			})
		}
		t.Run("ItemsNeverNull", func(t *testing.T) {
			w := e.get("/api/v1/organizations?q=atlantis")
			if got := strings.TrimSpace(w.Body.String()); got != `{"items":[],"total":0}` {
				t.Errorf("body %s", got)
			}
		})
		t.Run("Fields", func(t *testing.T) {
			l := e.list("/api/v1/organizations?q=muenchen")
			it := l.Items[0]
			want := map[string]any{"id": float64(orgs["muc"].ID), "kind": "municipality", "country": "DE", "region": "DE-BY",
				"official_code": "09162000", "population": float64(1510378), "size_class": "GK1", "parent_id": nil}
			for k, v := range want {
				if it[k] != v {
					t.Errorf("%s = %#v, want %#v", k, it[k], v)
				}
			}
			if names, ok := it["other_names"].([]any); !ok || len(names) != 0 {
				t.Errorf("other_names = %#v, want []", it["other_names"])
			}
		})
	})
}

func TestAPIListFilters(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		orgs, _ := e.seedOrganizations()
		cgnPost := &cdoatlas.Post{OrganizationID: orgs["cgn"].ID, Title: "Leiter Stabsstelle Digitalisierung", Role: "cdo", CDOCheck: "unknown", Placement: "staff_unit_head"}
		pbPost := &cdoatlas.Post{OrganizationID: orgs["pb"].ID, Title: "CIO", Role: "cio", CDOCheck: "no"}
		anna := &cdoatlas.Person{Name: "Anna Beispiel", Gender: "f", Fictional: true, PublicationBasis: cdoatlas.BasisConsent}
		bernd := &cdoatlas.Person{Name: "Bernd Muster", Gender: "m", PublicationBasis: cdoatlas.BasisPublicRole}
		for _, err := range []error{e.store.CreatePost(ctx, cgnPost), e.store.CreatePost(ctx, pbPost),
			e.store.CreatePerson(ctx, anna), e.store.CreatePerson(ctx, bernd)} {
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, tn := range []*cdoatlas.Tenure{
			{PersonID: anna.ID, PostID: cgnPost.ID, Start: "2019", End: "2021", Status: "ended", Hire: "external"},
			{PersonID: bernd.ID, PostID: cgnPost.ID, Start: "2022-03", Status: "current", Hire: "internal"},
			{PersonID: anna.ID, PostID: pbPost.ID, Start: "2021-06", Status: "current"},
		} {
			if err := e.store.CreateTenure(ctx, tn); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			name, path string
			total      int
		}{
			{"PostsByOrganization", fmt.Sprintf("/api/v1/posts?organization_id=%d", orgs["cgn"].ID), 1},
			{"PostsByRole", "/api/v1/posts?role=cdo", 2},
			{"PostsByCheck", "/api/v1/posts?cdo_check=yes", 1},
			{"PostsByArchetype", "/api/v1/posts?archetype=administration", 1},
			{"PostsByPlacement", "/api/v1/posts?placement=staff_unit_head", 1},
			{"PostsByRegion", "/api/v1/posts?country=DE&region=Nordrhein-Westfalen", 2},
			{"PostsByCountry", "/api/v1/posts?country=AT", 0},
			{"PostsSearchTitle", "/api/v1/posts?q=stabsstelle", 1},
			{"PeopleByGender", "/api/v1/people?gender=f", 1},
			{"PeopleFictional", "/api/v1/people?fictional=true", 1},
			{"PeopleReal", "/api/v1/people?fictional=false", 1},
			{"PeopleSearch", "/api/v1/people?q=muster", 1},
			{"TenuresByPerson", fmt.Sprintf("/api/v1/tenures?person_id=%d", anna.ID), 2},
			{"TenuresByPost", fmt.Sprintf("/api/v1/tenures?post_id=%d", cgnPost.ID), 2},
			{"TenuresByOrganization", fmt.Sprintf("/api/v1/tenures?organization_id=%d", orgs["pb"].ID), 1},
			{"TenuresByStatus", "/api/v1/tenures?status=current", 2},
			{"TenuresByHire", "/api/v1/tenures?hire=external", 1},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if l := e.list(tc.path); l.Total != tc.total || len(l.Items) != tc.total {
					t.Errorf("total %d with %d items, want %d", l.Total, len(l.Items), tc.total)
				}
			})
		}
	})
}

func TestAPIListBadParameters(t *testing.T) {
	e := newAPIEnv(t, openTestStore(t))
	for _, tc := range []struct{ path, param string }{
		{"/api/v1/organizations?kind=city", "kind"},
		{"/api/v1/organizations?country=Germany", "country"},
		{"/api/v1/organizations?region=Atlantis", "region"},
		{"/api/v1/organizations?size_class=GK9", "size_class"},
		{"/api/v1/organizations?parent_id=-1", "parent_id"},
		{"/api/v1/organizations?page=0", "page"},
		{"/api/v1/organizations?page=x", "page"},
		{"/api/v1/organizations?per_page=0", "per_page"},
		{"/api/v1/organizations?per_page=many", "per_page"},
		{"/api/v1/organizations?kind=county&kind=municipality", "kind"},
		{"/api/v1/organizations?colour=red", "colour"},
		{"/api/v1/posts?organization_id=abc", "organization_id"},
		{"/api/v1/posts?cdo_check=maybe", "cdo_check"},
		{"/api/v1/people?fictional=perhaps", "fictional"},
		{"/api/v1/people?gender=x", "gender"},
		{"/api/v1/tenures?status=former", "status"},
		{"/api/v1/tenures?q=anna", "q"},
	} {
		t.Run(tc.param, func(t *testing.T) {
			w := e.get(tc.path)
			wantStatus(t, w, http.StatusBadRequest)
			body := decodeBody[apiErrorBody](t, w)
			if body.Code != apiCodeBadRequest || !strings.Contains(body.Error, tc.param) || body.Fields[tc.param] == "" {
				t.Errorf("%s: body %+v does not name %q", tc.path, body, tc.param)
			}
		})
	}
}

func TestAPIPagination(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		const n = apiMaxPerPage + 5
		records := make([]cdoatlas.RegistryRecord, n)
		for i := range records {
			records[i] = cdoatlas.RegistryRecord{Line: i + 2, Organization: cdoatlas.Organization{
				Name: fmt.Sprintf("Verein %04d", i), Kind: "association", Country: "DE"}}
		}
		if _, err := e.store.ImportRegistry(context.Background(), records); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name, query string
			count       int
			first       string
		}{
			{"Default", "", apiDefaultPerPage, "Verein 0000"},
			{"SecondPage", "page=2&per_page=10", 10, "Verein 0010"},
			{"LastPage", "page=101&per_page=10", 5, "Verein 1000"},
			{"PastTheEnd", "page=200&per_page=10", 0, ""},
			{"Cap", "per_page=5000", apiMaxPerPage, "Verein 0000"},
			{"CapSecondPage", "per_page=5000&page=2", 5, "Verein 1000"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				l := e.list("/api/v1/organizations?" + tc.query)
				if len(l.Items) != tc.count || l.Total != n {
					t.Fatalf("%d items of %d, want %d of %d", len(l.Items), l.Total, tc.count, n)
				}
				if tc.count > 0 && l.names()[0] != tc.first {
					t.Errorf("first %q, want %q", l.names()[0], tc.first)
				}
			})
		}
	})
}
