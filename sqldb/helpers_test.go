package sqldb_test

import (
	"context"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/network"
	"github.com/cdoatlas/cdoatlas/sqldb"
)

var ctx = context.Background()

func ptr[T any](v T) *T { return &v }

// wantCode fails unless err has the error code (nil for "").
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := cdoatlas.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// wantField fails unless err is EINVALID with message key on field.
func wantField(t *testing.T, err error, field, key string) {
	t.Helper()
	wantCode(t, err, cdoatlas.EINVALID)
	e := err.(*cdoatlas.Error)
	if got := e.Fields[field]; got != key {
		t.Fatalf("field %s: got %q, want %q (fields %v)", field, got, key, e.Fields)
	}
}

func munich() *cdoatlas.Organization {
	return &cdoatlas.Organization{Name: "Landeshauptstadt München", OtherNames: []string{"München"},
		Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-BY", OfficialCode: "09162000",
		Population: ptr[int64](1512491), PopulationDate: "2023-12-31"}
}

func cologne() *cdoatlas.Organization {
	return &cdoatlas.Organization{Name: "Köln", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-NW",
		OfficialCode: "05315000", Population: ptr[int64](1084831), PopulationDate: "2023-12-31"}
}

func wesel() *cdoatlas.Organization {
	return &cdoatlas.Organization{Name: "Kreis Wesel", Kind: cdoatlas.KindCounty, Country: "DE", Region: "DE-NW",
		OfficialCode: "05170", Population: ptr[int64](460000), PopulationDate: "2023-12-31"}
}

func vienna() *cdoatlas.Organization {
	return &cdoatlas.Organization{Name: "Wien", Kind: cdoatlas.KindCityState, Country: "AT", Region: "AT-9",
		OfficialCode: "90001", Population: ptr[int64](1982097), PopulationDate: "2024-01-01"}
}

func mustCreateOrganization(t *testing.T, db *sqldb.DB, o *cdoatlas.Organization) *cdoatlas.Organization {
	t.Helper()
	if err := db.CreateOrganization(ctx, o); err != nil {
		t.Fatalf("create organization %s: %v", o.Name, err)
	}
	return o
}

func mustCreatePost(t *testing.T, db *sqldb.DB, orgID int64, title, role string) *cdoatlas.Post {
	t.Helper()
	p := &cdoatlas.Post{OrganizationID: orgID, Title: title, Role: role}
	if err := db.CreatePost(ctx, p); err != nil {
		t.Fatalf("create post %s: %v", title, err)
	}
	return p
}

func mustCreatePerson(t *testing.T, db *sqldb.DB, name string) *cdoatlas.Person {
	t.Helper()
	p := &cdoatlas.Person{Name: name, Gender: "f", Fictional: true}
	if err := db.CreatePerson(ctx, p); err != nil {
		t.Fatalf("create person %s: %v", name, err)
	}
	return p
}

// createApplication does what the application form does before it stores
// an application: it fills in the registry organization and runs the CDO
// check (when a is valid; CreateApplication refuses it otherwise).
func createApplication(ctx context.Context, db *sqldb.DB, a *cdoatlas.Application) (string, error) {
	if a.Validate() == nil {
		if a.OrganizationID != nil {
			if o, err := db.FindOrganizationByID(ctx, *a.OrganizationID); err == nil {
				a.UseOrganization(o)
			}
		}
		network.CheckApplication(a)
	}
	return db.CreateApplication(ctx, a)
}
