package registryio_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/registryio"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
	"github.com/cdoatlas/cdoatlas/tabular"
)

func export(t *testing.T, store cdoatlas.Store, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := registryio.Export(context.Background(), store, format, &buf); err != nil {
		t.Fatalf("Export %s: %v", format, err)
	}
	return buf.Bytes()
}

func parseExport(t *testing.T, data []byte, name string) []cdoatlas.RegistryRecord {
	t.Helper()
	table, err := tabular.Read(bytes.NewReader(data), name)
	if err != nil {
		t.Fatalf("tabular.Read %s: %v", name, err)
	}
	if !reflect.DeepEqual(table.Header, registryio.Columns) {
		t.Errorf("header = %q, want %q", table.Header, registryio.Columns)
	}
	recs, err := registryio.ParseRegistry(table, name)
	if err != nil {
		t.Fatalf("ParseRegistry %s: %v", name, err)
	}
	return recs
}

func TestExportParseRoundTrip(t *testing.T) {
	for _, format := range []string{"csv", "csv-de", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			store := sqldbtest.Open(t)
			f := createFixture(t, store)
			got := parseExport(t, export(t, store, format), "registry."+format)
			if len(got) != len(f.records) {
				t.Fatalf("got %d records, want %d", len(got), len(f.records))
			}
			// The order of organizations depends on the store's collation.
			g, w := sortedFacts(got), sortedFacts(f.records)
			for i := range w {
				if !reflect.DeepEqual(g[i], w[i]) {
					t.Errorf("record %d:\n got %s\nwant %s", i, dump(g[i]), dump(w[i]))
				}
			}
		})
	}
}

func TestExportImportChangesNothing(t *testing.T) {
	ctx := context.Background()
	store := sqldbtest.Open(t)
	createFixture(t, store)
	first := export(t, store, "csv")
	recs := parseExport(t, first, "registry.csv")

	// Into the same store: everything is matched, nothing created.
	sum, err := store.ImportRegistry(ctx, recs)
	if err != nil {
		t.Fatalf("ImportRegistry into the same store: %v", err)
	}
	if want := (cdoatlas.ImportSummary{OrganizationsUnchanged: sum.OrganizationsUnchanged}); *sum != want || sum.OrganizationsUnchanged == 0 {
		t.Errorf("import into the same store: %+v, want only unchanged organizations", *sum)
	}
	if again := export(t, store, "csv"); !bytes.Equal(again, first) {
		t.Errorf("export after re-import differs:\n%s\nwant\n%s", again, first)
	}

	// Into an empty store: the same export comes out.
	fresh := sqldbtest.Open(t)
	if _, err := fresh.ImportRegistry(ctx, recs); err != nil {
		t.Fatalf("ImportRegistry into a fresh store: %v", err)
	}
	if got := export(t, fresh, "csv"); !bytes.Equal(got, first) {
		t.Errorf("export of the imported registry:\n%s\nwant\n%s", got, first)
	}
}

func TestExportCSVDialects(t *testing.T) {
	store := sqldbtest.Open(t)
	createFixture(t, store)
	csv := string(export(t, store, "csv"))
	de := string(export(t, store, "csv-de"))
	if !strings.HasPrefix(csv, "name,other_names,kind,country,") || strings.HasPrefix(csv, "\uFEFF") {
		t.Errorf("csv starts %q, want the columns, comma-separated, without BOM", csv[:40])
	}
	if !strings.HasPrefix(de, "\uFEFFname;other_names;kind;country;") {
		t.Errorf("csv-de starts %q, want BOM and semicolons", de[:40])
	}
	for _, want := range []string{"05315000", "05170", "Köln,Stadt Köln | Cologne,municipality,DE,DE-NW,05315000,1084831,2023-12-31"} {
		if !strings.Contains(csv, want) {
			t.Errorf("csv lacks %q", want)
		}
	}
	if !strings.HasSuffix(csv, "\r\n") {
		t.Errorf("csv lines do not end with CRLF")
	}
}

func TestExportJSON(t *testing.T) {
	store := sqldbtest.Open(t)
	f := createFixture(t, store)
	var doc struct {
		Organizations []map[string]any `json:"organizations"`
		Posts         []map[string]any `json:"posts"`
		People        []map[string]any `json:"people"`
		Tenures       []map[string]any `json:"tenures"`
	}
	if err := json.Unmarshal(export(t, store, "json"), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Organizations) != len(f.orgs) || len(doc.Posts) != len(f.posts) || len(doc.People) != len(f.people) || len(doc.Tenures) != len(f.tenures) {
		t.Fatalf("json holds %d/%d/%d/%d items, want %d/%d/%d/%d", len(doc.Organizations), len(doc.Posts), len(doc.People), len(doc.Tenures),
			len(f.orgs), len(f.posts), len(f.people), len(f.tenures))
	}
	fields := map[string][]string{
		"organization": {"id", "name", "other_names", "kind", "country", "region", "official_code", "population", "population_date", "size_class", "sector", "parent_id"},
		"post":         {"id", "organization_id", "title", "role", "cdo_check", "archetype", "placement", "cross_departmental", "budget", "board_access", "created", "abolished"},
		"person":       {"id", "name", "gender", "birth_year", "fictional"},
		"tenure":       {"id", "person_id", "post_id", "start", "end", "status", "hire"},
	}
	for kind, items := range map[string][]map[string]any{"organization": doc.Organizations, "post": doc.Posts, "person": doc.People, "tenure": doc.Tenures} {
		for _, field := range fields[kind] {
			if _, ok := items[0][field]; !ok {
				t.Errorf("%s lacks field %q: %v", kind, field, items[0])
			}
		}
	}
	for _, o := range doc.Organizations {
		if o["name"] == "Köln" && (o["official_code"] != "05315000" || o["size_class"] != "GK1") {
			t.Errorf("Köln = %v, want official_code 05315000 (text) and size_class GK1", o)
		}
	}
}

func TestExportPopolo(t *testing.T) {
	store := sqldbtest.Open(t)
	f := createFixture(t, store)
	var doc struct {
		Persons []struct {
			ID, Name, Gender string
		} `json:"persons"`
		Organizations []struct {
			ID, Name, Classification string
			AreaID                   string `json:"area_id"`
			Identifiers              []struct{ Scheme, Identifier string }
		} `json:"organizations"`
		Posts []struct {
			ID, Label, Role string
			OrganizationID  string `json:"organization_id"`
		} `json:"posts"`
		Memberships []struct {
			ID             string
			PersonID       string `json:"person_id"`
			PostID         string `json:"post_id"`
			OrganizationID string `json:"organization_id"`
			StartDate      string `json:"start_date"`
			EndDate        string `json:"end_date"`
		} `json:"memberships"`
	}
	if err := json.Unmarshal(export(t, store, "popolo"), &doc); err != nil {
		t.Fatal(err)
	}
	schemes := map[string]string{}
	for _, o := range doc.Organizations {
		for _, id := range o.Identifiers {
			schemes[o.Name] = id.Scheme + ":" + id.Identifier
		}
		if o.Name == "Köln" && (o.Classification != "municipality" || o.AreaID != "DE-NW") {
			t.Errorf("Köln classification %q area %q, want municipality DE-NW", o.Classification, o.AreaID)
		}
	}
	wantSchemes := map[string]string{"Köln": "AGS:05315000", "Kreis Wesel": "Kreisschlüssel:05170", "Wien": "GKZ:90001", "St. Gallen": "BFS:3203"}
	for name, want := range wantSchemes {
		if schemes[name] != want {
			t.Errorf("identifier of %s = %q, want %q", name, schemes[name], want)
		}
	}
	koeln := fmt.Sprintf("organization/%d", f.orgs["koeln"].ID)
	anna := fmt.Sprintf("person/%d", f.people["anna"].ID)
	cdo := fmt.Sprintf("post/%d", f.posts["koeln-cdo"].ID)
	found := false
	for _, m := range doc.Memberships {
		if m.PersonID == anna {
			found = true
			if m.PostID != cdo || m.OrganizationID != koeln || m.StartDate != "2017-03" || m.EndDate != "2020-12-31" {
				t.Errorf("Anna's membership = %+v, want post %s, organization %s, 2017-03 to 2020-12-31", m, cdo, koeln)
			}
		}
	}
	if !found || len(doc.Memberships) != 3 || len(doc.Posts) != 3 || len(doc.Persons) != 3 {
		t.Errorf("popolo holds %d memberships, %d posts, %d persons; want 3 each with Anna's", len(doc.Memberships), len(doc.Posts), len(doc.Persons))
	}
	for _, p := range doc.Persons {
		if p.Name == "Anna Beispiel" && p.Gender != "female" {
			t.Errorf("Anna's gender = %q, want female", p.Gender)
		}
	}
	for _, p := range doc.Posts {
		if p.ID == cdo && (p.OrganizationID != koeln || p.Label != "Chief Digital Officer" || p.Role != "cdo") {
			t.Errorf("post = %+v, want Köln's Chief Digital Officer, role cdo", p)
		}
	}
}

func TestExportUnknownFormat(t *testing.T) {
	err := registryio.Export(context.Background(), sqldbtest.Open(t), "ods", &bytes.Buffer{})
	if cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
		t.Errorf("Export ods: %v, want EINVALID", err)
	}
}

// countingStore counts the Find calls of an export.
type countingStore struct {
	cdoatlas.Store
	calls map[string]int
}

func (s *countingStore) FindOrganizations(ctx context.Context, f cdoatlas.OrganizationFilter) ([]*cdoatlas.Organization, int, error) {
	s.calls["organizations"]++
	return s.Store.FindOrganizations(ctx, f)
}

func (s *countingStore) FindPosts(ctx context.Context, f cdoatlas.PostFilter) ([]*cdoatlas.Post, int, error) {
	s.calls["posts"]++
	return s.Store.FindPosts(ctx, f)
}

func (s *countingStore) FindTenures(ctx context.Context, f cdoatlas.TenureFilter) ([]*cdoatlas.Tenure, int, error) {
	s.calls["tenures"]++
	return s.Store.FindTenures(ctx, f)
}

func (s *countingStore) FindPeople(ctx context.Context, f cdoatlas.PersonFilter) ([]*cdoatlas.Person, int, error) {
	s.calls["people"]++
	return s.Store.FindPeople(ctx, f)
}

func TestExportLargeRegistryInPages(t *testing.T) {
	const n = 2500
	db := sqldbtest.Open(t)
	recs := make([]cdoatlas.RegistryRecord, n)
	for i := range recs {
		recs[i] = cdoatlas.RegistryRecord{Line: i + 2, Organization: cdoatlas.Organization{
			Name: fmt.Sprintf("Gemeinde %04d", i), Kind: "municipality", Country: "DE", Region: "DE-BY",
			OfficialCode: fmt.Sprintf("09%06d", i+1)}}
		if i%2 == 0 {
			recs[i].Post = &cdoatlas.Post{Title: "CDO", Role: "cdo"}
			recs[i].Person = &cdoatlas.Person{Name: fmt.Sprintf("Person %d", i)}
			recs[i].Tenure = &cdoatlas.Tenure{Start: "2020"}
		}
	}
	if _, err := db.ImportRegistry(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	store := &countingStore{Store: db, calls: map[string]int{}}
	got := parseExport(t, export(t, store, "csv"), "big.csv")
	if len(got) != n {
		t.Fatalf("exported %d rows, want %d", len(got), n)
	}
	for i, r := range got {
		if r.Organization.Name != recs[i].Organization.Name || (r.Tenure != nil) != (recs[i].Tenure != nil) {
			t.Fatalf("row %d = %s, want %s", i, dump(r), dump(recs[i]))
		}
	}
	want := map[string]int{"organizations": 3, "posts": 2, "people": 2, "tenures": 2}
	if !reflect.DeepEqual(store.calls, want) {
		t.Errorf("Find calls = %v, want %v (pages of 1000, no query per row)", store.calls, want)
	}
}
