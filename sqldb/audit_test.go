package sqldb_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestAudit: changes to personal data are logged by their actor, in the
// transaction that makes them; imports are logged once, with their counts.
func TestAudit(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		editor := createUser(t, db, "editor@example.org")
		actx := cdoatlas.WithActor(ctx, cdoatlas.Actor{UserID: editor.ID, Label: editor.Email})
		p := &cdoatlas.Person{Name: "Erika Beispiel", Gender: "f", Fictional: true}
		if err := db.CreatePerson(actx, p); err != nil {
			t.Fatal(err)
		}
		p.Name, p.PublicationBasis = "Erika Muster", cdoatlas.BasisConsent
		if err := db.UpdatePerson(actx, p); err != nil {
			t.Fatal(err)
		}
		// A refused change leaves no entry.
		p.Gender = "nonsense"
		if err := db.UpdatePerson(actx, p); err == nil {
			t.Fatal("bad gender accepted")
		}
		if err := db.DeletePerson(cdoatlas.WithActor(ctx, cdoatlas.Actor{Label: "cli"}), p.ID); err != nil {
			t.Fatal(err)
		}
		entries, total, err := db.FindAuditEntries(ctx, cdoatlas.AuditFilter{Entity: cdoatlas.AuditPerson})
		if err != nil || total != 3 {
			t.Fatalf("%d person entries, %v", total, err)
		}
		want := []struct{ actor, action, fields string }{
			{"cli", "delete", ""},
			{"editor@example.org", "update", "name, publication_basis"},
			{"editor@example.org", "create", "name, gender, fictional"},
		}
		for i, w := range want {
			if e := entries[i]; e.Actor != w.actor || e.Action != w.action || e.Fields != w.fields || e.EntityID != p.ID {
				t.Errorf("entry %d: %+v, want %+v", i, e, w)
			}
		}

		if _, err := db.ImportRegistry(cdoatlas.WithActor(ctx, cdoatlas.Actor{Label: "cli"}), demo.Synthetic(1, 5, 5, 5)); err != nil {
			t.Fatal(err)
		}
		w22 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2022", Date: "2022-06-30"}, Rows: cdoatlas.WithSource("linkedin", []cdoatlas.Observation{
			obs("Anna Schmidt", "Digitalisierungsbeauftragte", "Stadt Köln", ""),
		})}
		if _, err := db.ImportObservations(actx, w22); err != nil {
			t.Fatal(err)
		}
		entries, _, _ = db.FindAuditEntries(ctx, cdoatlas.AuditFilter{Action: cdoatlas.AuditImport})
		if len(entries) != 2 || entries[0].Entity != "census" || !strings.Contains(entries[0].Fields, "wave 2022, 1 observations") ||
			entries[1].Entity != "registry" || entries[1].Actor != "cli" || !strings.Contains(entries[1].Fields, "people created") {
			for _, e := range entries {
				t.Logf("%+v", e)
			}
			t.Error("imports are not logged once each")
		}
		if _, n, _ := db.FindAuditEntries(ctx, cdoatlas.AuditFilter{Actor: "EDITOR@"}); n != 3 {
			t.Errorf("by actor: %d entries, want 3", n)
		}
	})
}

// TestRetention: declined and withdrawn applications go once their last
// decision is older than the period; others stay; each deletion is logged.
func TestRetention(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		real := db.Now
		defer func() { db.Now = real }()
		n := &cdoatlas.Network{Name: "CDO-Kreis"}
		if err := db.CreateNetwork(ctx, n); err != nil {
			t.Fatal(err)
		}
		core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 5}
		if err := db.CreateCircle(ctx, core); err != nil {
			t.Fatal(err)
		}
		call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf", Deadline: "2030-01-01"}
		if err := db.CreateCall(ctx, call); err != nil {
			t.Fatal(err)
		}
		// Two years ago: one declined (web design, the check says no),
		// one admitted. Now: one declined.
		db.Now = func() time.Time { return real().AddDate(-2, 0, 0) }
		apply := func(name, tasks string) *cdoatlas.Application {
			a := &cdoatlas.Application{CallID: call.ID, PersonName: name, Email: strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.org",
				OrganizationName: "Stadt Ulm", Kind: "municipality", Country: "DE", Region: "DE-BW", Title: "Chief Digital Officer", Tasks: tasks, Consent: true}
			if _, err := createApplication(ctx, db, a); err != nil {
				t.Fatal(err)
			}
			return a
		}
		cross := "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."
		old := apply("Alt Abgelehnt", "Pflege der Website und der Social-Media-Kanäle")
		admitted := apply("Alt Aufgenommen", cross)
		if _, err := db.Admit(ctx, admitted.ID, 0, ""); err != nil {
			t.Fatal(err)
		}
		db.Now = real
		recent := apply("Neu Abgelehnt", "Pflege der Website und der Social-Media-Kanäle")
		for _, a := range []*cdoatlas.Application{old, recent} {
			got, err := db.FindApplicationByID(ctx, a.ID)
			if err != nil || got.Status != cdoatlas.ApplicationDeclined {
				t.Fatalf("%s: %+v %v (want declined)", a.PersonName, got, err)
			}
		}
		deleted, err := db.DeleteExpiredApplications(ctx, real().AddDate(-1, 0, 0))
		if err != nil || deleted != 1 {
			t.Fatalf("deleted %d, %v; want 1", deleted, err)
		}
		if _, err := db.FindApplicationByID(ctx, old.ID); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			t.Errorf("the old declined application is still there: %v", err)
		}
		for _, a := range []*cdoatlas.Application{admitted, recent} {
			if _, err := db.FindApplicationByID(ctx, a.ID); err != nil {
				t.Errorf("%s was deleted: %v", a.PersonName, err)
			}
		}
		if _, n, _ := db.FindAuditEntries(ctx, cdoatlas.AuditFilter{Entity: cdoatlas.AuditApplication, Action: cdoatlas.AuditDelete}); n != 1 {
			t.Errorf("%d deletions logged, want 1", n)
		}
	})
}

// TestConsents: consents are recorded with their wording when given —
// applying, agreeing to the directory, an editor setting consent as a
// person's basis — and when withdrawn; a withdrawal acts at once.
func TestConsents(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		n := &cdoatlas.Network{Name: "CDO-Kreis"}
		if err := db.CreateNetwork(ctx, n); err != nil {
			t.Fatal(err)
		}
		core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 5}
		if err := db.CreateCircle(ctx, core); err != nil {
			t.Fatal(err)
		}
		call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf", Deadline: "2030-01-01"}
		if err := db.CreateCall(ctx, call); err != nil {
			t.Fatal(err)
		}
		cross := "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."
		a := &cdoatlas.Application{CallID: call.ID, PersonName: "Erika Beispiel", Email: "Erika@example.org", OrganizationName: "Stadt Ulm",
			Kind: "municipality", Country: "DE", Region: "DE-BW", Title: "CDO", Tasks: cross, Consent: true}
		if _, err := createApplication(ctx, db, a); err != nil {
			t.Fatal(err)
		}
		b := &cdoatlas.Application{CallID: call.ID, PersonName: "Max Muster", Email: "max@example.org", OrganizationName: "Stadt Aalen",
			Kind: "municipality", Country: "DE", Region: "DE-BW", Title: "CDO", Tasks: cross, Consent: true, NewsConsent: true}
		if _, err := createApplication(ctx, db, b); err != nil {
			t.Fatal(err)
		}
		d, err := db.FindSubjectData(ctx, "erika@example.org")
		if err != nil || len(d.Consents) != 1 || !d.HasConsent(cdoatlas.ConsentApplication) || d.HasConsent(cdoatlas.ConsentEmail) ||
			d.Consents[0].Wording != cdoatlas.WordingApplication {
			t.Fatalf("Erika's consents: %+v %v", d, err)
		}
		if d, _ := db.FindSubjectData(ctx, "max@example.org"); !d.HasConsent(cdoatlas.ConsentEmail) {
			t.Error("Max's e-mail consent is not recorded")
		}
		// Withdrawing the application's consent withdraws it at once.
		if err := db.WithdrawConsent(ctx, "ERIKA@example.org", cdoatlas.ConsentApplication); err != nil {
			t.Fatal(err)
		}
		got, _ := db.FindApplicationByID(ctx, a.ID)
		if got.Status != cdoatlas.ApplicationWithdrawn {
			t.Errorf("status after withdrawal: %s", got.Status)
		}
		if d, _ := db.FindSubjectData(ctx, "erika@example.org"); d.HasConsent(cdoatlas.ConsentApplication) || len(d.Consents) != 2 {
			t.Errorf("after withdrawal: %+v", d.Consents)
		}
		wantCode(t, db.WithdrawConsent(ctx, "erika@example.org", "nonsense"), cdoatlas.EINVALID)

		// An editor's consent basis for a registry person.
		p := &cdoatlas.Person{Name: "Petra Öffentlich", Gender: "f", PublicationBasis: cdoatlas.BasisConsent}
		if err := db.CreatePerson(cdoatlas.WithActor(ctx, cdoatlas.Actor{Label: "editor@example.org"}), p); err != nil {
			t.Fatal(err)
		}
		p.PublicationBasis = ""
		if err := db.UpdatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		pd, _ := db.FindSubjectData(ctx, "person:"+strconv.FormatInt(p.ID, 10))
		if pd == nil || len(pd.Consents) != 2 || !pd.Consents[0].Given || pd.Consents[1].Given || pd.Consents[0].Source != "editor: editor@example.org" {
			t.Errorf("publication consents: %+v", pd)
		}
	})
}
