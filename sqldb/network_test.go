package sqldb_test

import (
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestNetworkCallsAndApplications(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		muc := mustCreateOrganization(t, db, munich())
		n := &cdoatlas.Network{Name: "CDO-Kreis", Description: "Austausch der Digitalverantwortlichen"}
		if err := db.CreateNetwork(ctx, n); err != nil {
			t.Fatal(err)
		}
		if got, err := db.FindNetworkByID(ctx, n.ID); err != nil || got.Goals["size_class"] != 3 || got.Name != "CDO-Kreis" {
			t.Fatalf("network: %+v, %v", got, err)
		}
		wantField(t, db.CreateNetwork(ctx, &cdoatlas.Network{Name: "x", Goals: map[string]float64{"shoe_size": 1}}), "goals", "goals.invalid")
		core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 40}
		if err := db.CreateCircle(ctx, core); err != nil {
			t.Fatal(err)
		}
		wantField(t, db.CreateCircle(ctx, &cdoatlas.Circle{NetworkID: 999999, Name: "x"}), "network_id", "network.unknown")
		tomorrow := cdoatlas.PartialDate(time.Now().Add(24 * time.Hour).Format("2006-01-02"))
		call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf 2027", Text: "Wir suchen CDOs.", Deadline: tomorrow}
		if err := db.CreateCall(ctx, call); err != nil {
			t.Fatal(err)
		}
		if call.NetworkID != n.ID {
			t.Errorf("call network %d, want %d", call.NetworkID, n.ID)
		}
		closed := &cdoatlas.Call{CircleID: core.ID, Title: "Alt", Deadline: "2020-01-31"}
		if err := db.CreateCall(ctx, closed); err != nil {
			t.Fatal(err)
		}

		cross := "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."
		a := &cdoatlas.Application{CallID: call.ID, PersonName: "Erika Beispiel", Email: "Erika@Example.org", OrganizationID: &muc.ID,
			Title: "Chief Digital Officer", Tasks: cross, Gender: "f", Consent: true}
		secret, err := createApplication(ctx, db, a)
		if err != nil {
			t.Fatal(err)
		}
		if a.Check != cdoatlas.CheckYes || a.Status != cdoatlas.ApplicationReceived || a.Country != "DE" || a.OrganizationName != muc.Name || len(secret) < 30 {
			t.Errorf("application: %+v (secret %q)", a, secret)
		}
		got, err := db.FindApplicationBySecret(ctx, secret)
		if err != nil || got.ID != a.ID || got.Email != "erika@example.org" || len(got.Reasons) == 0 {
			t.Errorf("by secret: %+v, %v", got, err)
		}
		_, err = db.FindApplicationBySecret(ctx, secret+"x")
		wantCode(t, err, cdoatlas.ENOTFOUND)

		social := &cdoatlas.Application{CallID: call.ID, PersonName: "Max Muster", Email: "max@example.org",
			OrganizationName: "Gemeinde Neuland", Kind: "municipality", Country: "DE", Region: "Sachsen",
			Title: "Chief Digital Officer", Tasks: "Pflege der Website und der Social-Media-Kanäle", Consent: true}
		if _, err := createApplication(ctx, db, social); err != nil {
			t.Fatal(err)
		}
		if social.Check != cdoatlas.CheckNo || social.Status != cdoatlas.ApplicationDeclined || social.Region != "DE-SN" {
			t.Errorf("social-media applicant: %+v", social)
		}
		_, err = createApplication(ctx, db, &cdoatlas.Application{CallID: closed.ID, PersonName: "Spät", Email: "s@example.org",
			OrganizationID: &muc.ID, Title: "CDO", Tasks: cross, Consent: true})
		wantField(t, err, "call_id", "call.closed")
		_, err = createApplication(ctx, db, &cdoatlas.Application{CallID: call.ID, PersonName: "Ohne", Email: "kein@", Title: "CDO", Tasks: cross})
		wantField(t, err, "consent", "consent.required")
		// The store decides nothing: an application without its check is
		// refused, and one naming an organization not in the registry.
		_, err = db.CreateApplication(ctx, &cdoatlas.Application{CallID: call.ID, PersonName: "Ungeprüft", Email: "u@example.org",
			OrganizationID: &muc.ID, Title: "CDO", Tasks: cross, Consent: true})
		wantCode(t, err, cdoatlas.EINTERNAL)
		_, err = createApplication(ctx, db, &cdoatlas.Application{CallID: call.ID, PersonName: "Woher", Email: "w@example.org",
			OrganizationID: ptr[int64](999999), Title: "CDO", Tasks: cross, Consent: true})
		wantField(t, err, "organization_id", "organization.unknown")

		apps, err := db.FindApplications(ctx, call.ID)
		if err != nil || len(apps) != 2 || apps[0].ID != a.ID {
			t.Errorf("applications: %v, %v", apps, err)
		}
		calls, _ := db.FindCalls(ctx, n.ID)
		if len(calls) != 2 || calls[0].ID != call.ID {
			t.Errorf("calls: %v", calls)
		}
	})
}
