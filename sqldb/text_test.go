package sqldb_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusio"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestControlCharactersRefused: text with a NUL (which PostgreSQL cannot
// store) or a bidi override is refused with a field error on every
// database, never an internal error.
func TestControlCharactersRefused(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		org := mustCreateOrganization(t, db, cologne())
		o := cologne()
		o.Name, o.OfficialCode = "Köln\x00", ""
		wantField(t, db.CreateOrganization(ctx, o), "name", "text.control")
		upd := *org
		upd.OtherNames = []string{"\u202Enlök"}
		wantField(t, db.UpdateOrganization(ctx, &upd), "other_names", "text.control")
		wantField(t, db.CreatePerson(ctx, &cdoatlas.Person{Name: "Anna\x00"}), "name", "text.control")
		wantField(t, db.CreatePost(ctx, &cdoatlas.Post{OrganizationID: org.ID, Title: "CDO", Tasks: "Strategie\x00"}), "tasks", "text.control")
		wantField(t, db.CreateNetwork(ctx, &cdoatlas.Network{Name: "Netz\x00"}), "name", "text.control")
		wantField(t, db.Leave(ctx, 1, "Umzug\x00"), "leave_reason", "text.control")

		n := &cdoatlas.Network{Name: "CDO-Kreis"}
		if err := db.CreateNetwork(ctx, n); err != nil {
			t.Fatal(err)
		}
		circle := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kern", Capacity: 10}
		if err := db.CreateCircle(ctx, circle); err != nil {
			t.Fatal(err)
		}
		tomorrow := cdoatlas.PartialDate(time.Now().Add(24 * time.Hour).Format("2006-01-02"))
		wantField(t, db.CreateCall(ctx, &cdoatlas.Call{CircleID: circle.ID, Title: "Aufruf", Text: "\x00", Deadline: tomorrow}), "text", "text.control")
		call := &cdoatlas.Call{CircleID: circle.ID, Title: "Aufruf", Deadline: tomorrow}
		if err := db.CreateCall(ctx, call); err != nil {
			t.Fatal(err)
		}
		_, err := createApplication(ctx, db, &cdoatlas.Application{CallID: call.ID, PersonName: "Erika Beispiel", Email: "erika@example.org",
			OrganizationID: &org.ID, Title: "CDO", Tasks: "Digitalstrategie\x00", Consent: true})
		wantField(t, err, "tasks", "text.control")

		// A filter with a NUL finds nothing or is invalid, but never fails.
		_, _, err = db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Name: "Köln\x00", OfficialCode: "\x00"})
		if code := cdoatlas.ErrorCode(err); code != "" && code != cdoatlas.EINVALID {
			t.Errorf("filter with NUL: %v", err)
		}
	})
}

// TestImportRegistryControlCharacters: a registry record with a NUL is
// refused with its line and column; nothing is stored.
func TestImportRegistryControlCharacters(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		recs := []cdoatlas.RegistryRecord{
			{Line: 2, Organization: *cologne()},
			{Line: 3, Organization: cdoatlas.Organization{Name: "Ulm\x00", Kind: "municipality", Country: "DE"},
				Post: &cdoatlas.Post{Title: "CDO\u202E", Role: "cdo"}},
		}
		_, err := db.ImportRegistry(ctx, recs)
		var fe cdoatlas.FileErrors
		if !errors.As(err, &fe) {
			t.Fatalf("ImportRegistry = %v, want FileErrors", err)
		}
		var got []string
		for _, e := range fe {
			got = append(got, e.Column)
			if e.Line != 3 || e.Reason != cdoatlas.Message("en", "text.control") {
				t.Errorf("error %+v, want line 3, text.control", e)
			}
		}
		if strings.Join(got, ",") != "name,title" {
			t.Errorf("columns %q, want name and title", got)
		}
		if _, n, _ := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{}); n != 0 {
			t.Errorf("%d organizations stored, want none", n)
		}
	})
}

// TestImportObservationsControlCharacters: raw census cells with a NUL
// are stored without it and flagged with the raw value, also on
// PostgreSQL.
func TestImportObservationsControlCharacters(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		in := `{"person_name": "Anna\u0000 Beispiel", "title": "Chief Digital Officer", "organization": "Stadt Ulm", "tasks": "a\u0000b"}` + "\n" +
			`{"person_name": "Bert Bau", "title": "Chief Digital Officer\u0000", "organization": "Stadt \u202eUlm", "region": "DE-BW\u0000"}` + "\n"
		rows, warnings, err := censusio.Read(context.Background(), strings.NewReader(in), "roh\x00.jsonl")
		if err != nil || len(rows) != 2 || len(warnings) == 0 {
			t.Fatalf("Read: %d rows, %d warnings, %v", len(rows), len(warnings), err)
		}
		sum, err := db.ImportObservations(ctx, cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2024", Date: "2024-06-30"},
			Rows: cdoatlas.WithSource("web", rows)})
		if err != nil {
			t.Fatalf("ImportObservations: %v", err)
		}
		if sum.Rows != 2 {
			t.Errorf("summary %+v, want 2 rows", sum)
		}
		stored, _, err := db.FindObservations(ctx, "2024", false, 0, 10)
		if err != nil || len(stored) != 2 {
			t.Fatalf("FindObservations: %d, %v", len(stored), err)
		}
		for _, o := range stored {
			for _, v := range []string{o.PersonName, o.Title, o.Organization, o.Region, o.Tasks, o.File} {
				if strings.ContainsAny(v, "\x00\u202e") {
					t.Errorf("stored %q", v)
				}
			}
			if len(o.Flags) == 0 || !strings.Contains(o.Flags[0].Raw, "\x00") && !strings.Contains(o.Flags[0].Raw, "\u202e") {
				t.Errorf("row %q: flags %+v, want the raw value kept", o.PersonName, o.Flags)
			}
		}
	})
}
