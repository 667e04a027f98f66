package sqldb_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

const crossApplication = "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."

// openCall makes a network with a circle of capacity seats and an open
// call, and n applications to it.
func openCall(t *testing.T, db *sqldb.DB, capacity, n int) (*cdoatlas.Call, []*cdoatlas.Application) {
	t.Helper()
	nw := &cdoatlas.Network{Name: "Netz"}
	if err := db.CreateNetwork(ctx, nw); err != nil {
		t.Fatal(err)
	}
	c := &cdoatlas.Circle{NetworkID: nw.ID, Name: "Kern", Capacity: capacity}
	if err := db.CreateCircle(ctx, c); err != nil {
		t.Fatal(err)
	}
	call := &cdoatlas.Call{CircleID: c.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
	if err := db.CreateCall(ctx, call); err != nil {
		t.Fatal(err)
	}
	var apps []*cdoatlas.Application
	for i := range n {
		a := &cdoatlas.Application{CallID: call.ID, PersonName: fmt.Sprintf("Person %d", i), Email: fmt.Sprintf("p%d@example.org", i),
			OrganizationName: fmt.Sprintf("Gemeinde %d", i), Kind: "municipality", Country: "DE", Title: "CDO", Tasks: crossApplication, Consent: true}
		if _, err := createApplication(ctx, db, a); err != nil {
			t.Fatal(err)
		}
		apps = append(apps, a)
	}
	return call, apps
}

func TestAdmitAndDecide(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		user := &cdoatlas.User{Email: "koordination@example.org", Role: cdoatlas.UserEditor}
		if err := db.CreateUser(ctx, user, "a long enough password"); err != nil {
			t.Fatal(err)
		}
		call, apps := openCall(t, db, 2, 4)
		m, err := db.Admit(ctx, apps[0].ID, user.ID, "erste Wahl")
		if err != nil {
			t.Fatal(err)
		}
		if m.PersonName != "Person 0" || m.CircleID != call.CircleID {
			t.Errorf("membership %+v", m)
		}
		_, err = db.Admit(ctx, apps[0].ID, user.ID, "")
		wantCode(t, err, cdoatlas.ECONFLICT)
		if _, err := db.Admit(ctx, apps[1].ID, user.ID, ""); err != nil {
			t.Fatal(err)
		}
		_, err = db.Admit(ctx, apps[2].ID, user.ID, "")
		wantCode(t, err, cdoatlas.ECONFLICT) // full
		if err := db.Decide(ctx, apps[2].ID, cdoatlas.DecisionWaitlist, user.ID, "Warteliste"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.Decide(ctx, apps[0].ID, cdoatlas.DecisionDecline, user.ID, ""), cdoatlas.ECONFLICT)
		wantField(t, db.Decide(ctx, apps[3].ID, "maybe", user.ID, ""), "action", "decision.invalid")
		a, _ := db.FindApplicationByID(ctx, apps[2].ID)
		if a.Status != cdoatlas.ApplicationWaitlisted {
			t.Errorf("status %q", a.Status)
		}
		ds, err := db.FindDecisions(ctx, apps[0].ID)
		if err != nil || len(ds) != 1 || ds[0].Action != cdoatlas.DecisionAdmit || ds[0].UserID != user.ID || ds[0].Note != "erste Wahl" || ds[0].DecidedAt.IsZero() {
			t.Errorf("decisions %+v, %v", ds, err)
		}
		ms, _ := db.FindMemberships(ctx, call.CircleID, false)
		if len(ms) != 2 {
			t.Errorf("%d members, want 2", len(ms))
		}
	})
}

// TestAdmitLastSeatConcurrently: two coordinators admit into the last
// seat at the same moment; exactly one person gets it, every time.
func TestAdmitLastSeatConcurrently(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		for round := range 10 {
			call, apps := openCall(t, db, 1, 2)
			var wg sync.WaitGroup
			errs := make([]error, 2)
			start := make(chan struct{})
			for i := range 2 {
				wg.Go(func() {
					<-start
					_, errs[i] = db.Admit(ctx, apps[i].ID, 0, "")
				})
			}
			close(start)
			wg.Wait()
			ok := 0
			for _, err := range errs {
				switch cdoatlas.ErrorCode(err) {
				case "":
					ok++
				case cdoatlas.ECONFLICT:
				default:
					t.Fatalf("round %d: %v", round, err)
				}
			}
			ms, _ := db.FindMemberships(ctx, call.CircleID, false)
			if ok != 1 || len(ms) != 1 {
				t.Fatalf("round %d: %d admissions succeeded, %d members; want 1 and 1", round, ok, len(ms))
			}
		}
	})
}

func TestMembersListAndLeave(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		call, apps := openCall(t, db, 2, 2)
		m, err := db.Admit(ctx, apps[0].ID, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		mine, err := db.FindMembershipsByEmail(ctx, "P0@Example.org")
		if err != nil || len(mine) != 1 || mine[0].ID != m.ID || mine[0].Listed {
			t.Fatalf("by e-mail: %+v, %v", mine, err)
		}
		if err := db.SetListed(ctx, m.ID, true); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.SetListed(ctx, 999999, true), cdoatlas.ENOTFOUND)
		if err := db.Leave(ctx, m.ID, "Wechsel in die Privatwirtschaft"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.Leave(ctx, m.ID, ""), cdoatlas.ECONFLICT)
		if ms, _ := db.FindMemberships(ctx, call.CircleID, false); len(ms) != 0 {
			t.Errorf("%d current members after leaving", len(ms))
		}
		all, _ := db.FindMemberships(ctx, call.CircleID, true)
		if len(all) != 1 || all[0].LeftAt == nil || all[0].LeaveReason != "Wechsel in die Privatwirtschaft" || !all[0].Listed {
			t.Errorf("former member: %+v", all)
		}
		// The seat is free again.
		if _, err := db.Admit(ctx, apps[1].ID, 0, ""); err != nil {
			t.Errorf("admit after leaving: %v", err)
		}
	})
}

func TestAddMember(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		call, apps := openCall(t, db, 1, 1)
		muc := mustCreateOrganization(t, db, munich())
		m := &cdoatlas.Membership{CircleID: call.CircleID, PersonName: "Alte Häsin", Email: "ALT@example.org", OrganizationID: &muc.ID}
		if err := db.AddMember(ctx, m); err != nil {
			t.Fatal(err)
		}
		if m.Region != "DE-BY" || m.Email != "alt@example.org" || m.ID == 0 {
			t.Errorf("member %+v", m)
		}
		wantCode(t, db.AddMember(ctx, &cdoatlas.Membership{CircleID: call.CircleID, PersonName: "Zu viel", OrganizationID: &muc.ID}), cdoatlas.ECONFLICT)
		_, err := db.Admit(ctx, apps[0].ID, 0, "")
		wantCode(t, err, cdoatlas.ECONFLICT)
		wantField(t, db.AddMember(ctx, &cdoatlas.Membership{CircleID: call.CircleID, OrganizationName: "X", Kind: "municipality", Country: "DE"}), "person_name", "required")
	})
}
