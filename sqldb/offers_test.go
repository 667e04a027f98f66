package sqldb_test

import (
	"sync"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// fullCircle admits the first two of four applications to a circle of two
// and waitlists the others.
func fullCircle(t *testing.T, db *sqldb.DB) (*cdoatlas.Call, []*cdoatlas.Application, []*cdoatlas.Membership) {
	t.Helper()
	call, apps := openCall(t, db, 2, 4)
	var ms []*cdoatlas.Membership
	for _, a := range apps[:2] {
		m, err := db.Admit(ctx, a.ID, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	for _, a := range apps[2:] {
		if err := db.Decide(ctx, a.ID, cdoatlas.DecisionWaitlist, 0, ""); err != nil {
			t.Fatal(err)
		}
	}
	return call, apps, ms
}

func TestOffers(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Now()
		db.Now = func() time.Time { return now }
		_, apps, ms := fullCircle(t, db)
		if offered, expired, err := db.RunOffers(ctx, 0); err != nil || offered != 0 || expired != 0 {
			t.Fatalf("full circle: offered %d, expired %d, %v", offered, expired, err)
		}
		if err := db.Leave(ctx, ms[0].ID, "Ruhestand"); err != nil {
			t.Fatal(err)
		}
		if offered, _, err := db.RunOffers(ctx, 0); err != nil || offered != 1 {
			t.Fatalf("after leaving: offered %d, %v", offered, err)
		}
		first := -1
		for i, a := range apps[2:] {
			if o, err := db.FindOpenOffer(ctx, a.ID); err == nil {
				first = i + 2
				if !o.ExpiresAt.Equal(now.Add(cdoatlas.DefaultOfferTime).UTC().Truncate(time.Microsecond)) {
					t.Errorf("expires %v, want 14 days on", o.ExpiresAt)
				}
			}
		}
		if first < 0 {
			t.Fatal("no open offer")
		}
		second := 5 - first // the other waitlisted one
		// The offer holds the seat against a coordinator.
		_, err := db.Admit(ctx, apps[second].ID, 0, "")
		wantCode(t, err, cdoatlas.ECONFLICT)
		// Declined: the seat goes to the next.
		if err := db.AnswerOffer(ctx, apps[first].ID, false); err != nil {
			t.Fatal(err)
		}
		if offered, _, _ := db.RunOffers(ctx, 0); offered != 1 {
			t.Fatalf("after a decline: offered %d, want 1", offered)
		}
		if _, err := db.FindOpenOffer(ctx, apps[second].ID); err != nil {
			t.Fatalf("the next has no offer: %v", err)
		}
		// Expired after 14 days: declined, and nobody is left to offer.
		now = now.Add(15 * 24 * time.Hour)
		wantCode(t, db.AnswerOffer(ctx, apps[second].ID, true), cdoatlas.ECONFLICT)
		if offered, expired, err := db.RunOffers(ctx, 0); err != nil || expired != 1 || offered != 0 {
			t.Fatalf("expiry: offered %d, expired %d, %v", offered, expired, err)
		}
		a, _ := db.FindApplicationByID(ctx, apps[second].ID)
		ds, _ := db.FindDecisions(ctx, a.ID)
		if a.Status != cdoatlas.ApplicationDeclined || ds[len(ds)-1].Action != "offer_expired" {
			t.Errorf("expired applicant: %s, %+v", a.Status, ds)
		}
		_, err = db.FindOpenOffer(ctx, apps[second].ID)
		wantCode(t, err, cdoatlas.ENOTFOUND)
	})
}

// TestOfferAcceptedWhileAdmitting: an applicant accepts an offered seat
// while a coordinator admits someone else into it; exactly one gets it.
func TestOfferAcceptedWhileAdmitting(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		for round := range 5 {
			call, apps, ms := fullCircle(t, db)
			if err := db.Leave(ctx, ms[0].ID, ""); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.RunOffers(ctx, 0); err != nil {
				t.Fatal(err)
			}
			offeredTo, other := apps[2], apps[3]
			if _, err := db.FindOpenOffer(ctx, offeredTo.ID); err != nil {
				offeredTo, other = apps[3], apps[2]
			}
			var wg sync.WaitGroup
			errs := make([]error, 2)
			start := make(chan struct{})
			wg.Go(func() { <-start; errs[0] = db.AnswerOffer(ctx, offeredTo.ID, true) })
			wg.Go(func() { <-start; _, errs[1] = db.Admit(ctx, other.ID, 0, "") })
			close(start)
			wg.Wait()
			members, _ := db.FindMemberships(ctx, call.CircleID, false)
			if len(members) != 2 {
				t.Fatalf("round %d: %d members in a circle of 2 (errors %v)", round, len(members), errs)
			}
			if errs[0] != nil || cdoatlas.ErrorCode(errs[1]) != cdoatlas.ECONFLICT {
				t.Errorf("round %d: accept %v, admit %v; want the offer to hold the seat", round, errs[0], errs[1])
			}
		}
	})
}

// TestRunOffersConcurrently: two instances run the job at once; each
// free seat is offered once.
func TestRunOffersConcurrently(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		call, _, ms := fullCircle(t, db)
		for _, m := range ms {
			if err := db.Leave(ctx, m.ID, ""); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		offered := make([]int, 2)
		errs := make([]error, 2)
		for i := range 2 {
			wg.Go(func() { offered[i], _, errs[i] = db.RunOffers(ctx, 0) })
		}
		wg.Wait()
		if errs[0] != nil || errs[1] != nil || offered[0]+offered[1] != 2 {
			t.Fatalf("offered %v, errors %v; want 2 offers in all", offered, errs)
		}
		apps, _ := db.FindApplications(ctx, call.ID)
		open := 0
		for _, a := range apps {
			if _, err := db.FindOpenOffer(ctx, a.ID); err == nil {
				open++
			}
		}
		if open != 2 {
			t.Errorf("%d open offers, want 2", open)
		}
	})
}

// TestWithdrawApplication: an applicant withdraws a waitlisted application
// through its link; its open offer ends with it. A decided application
// stays as it is.
func TestWithdrawApplication(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		call, apps := openCall(t, db, 1, 1)
		m, err := db.Admit(ctx, apps[0].ID, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		apply := func(email string) (*cdoatlas.Application, string) {
			a := &cdoatlas.Application{CallID: call.ID, PersonName: "Erika", Email: email, OrganizationName: "Gemeinde",
				Kind: "municipality", Country: "DE", Title: "CDO", Tasks: crossApplication, Consent: true}
			secret, err := createApplication(ctx, db, a)
			if err != nil {
				t.Fatal(err)
			}
			return a, secret
		}
		waiting, secret := apply("w@example.org")
		if err := db.Decide(ctx, waiting.ID, cdoatlas.DecisionWaitlist, 0, ""); err != nil {
			t.Fatal(err)
		}
		if err := db.Leave(ctx, m.ID, ""); err != nil {
			t.Fatal(err)
		}
		if offered, _, err := db.RunOffers(ctx, 0); err != nil || offered != 1 {
			t.Fatalf("offered %d, %v", offered, err)
		}
		if err := db.WithdrawApplication(ctx, secret); err != nil {
			t.Fatal(err)
		}
		a, _ := db.FindApplicationByID(ctx, waiting.ID)
		ds, _ := db.FindDecisions(ctx, a.ID)
		if a.Status != cdoatlas.ApplicationWithdrawn || ds[len(ds)-1].Action != "withdraw" {
			t.Errorf("withdrawn: %s, %+v", a.Status, ds)
		}
		_, err = db.FindOpenOffer(ctx, waiting.ID)
		wantCode(t, err, cdoatlas.ENOTFOUND)
		log, _, err := db.FindAuditEntries(ctx, cdoatlas.AuditFilter{Entity: cdoatlas.AuditApplication, EntityID: a.ID})
		if err != nil || len(log) == 0 || log[0].Action != cdoatlas.AuditUpdate || log[0].Fields != "status" {
			t.Errorf("audit %+v, %v", log, err)
		}
		wantCode(t, db.WithdrawApplication(ctx, secret), cdoatlas.ECONFLICT)
		wantCode(t, db.WithdrawApplication(ctx, "not-a-secret"), cdoatlas.ENOTFOUND)

		admitted, secret := apply("a@example.org")
		if _, err := db.Admit(ctx, admitted.ID, 0, ""); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.WithdrawApplication(ctx, secret), cdoatlas.ECONFLICT)
		if a, _ := db.FindApplicationByID(ctx, admitted.ID); a.Status != cdoatlas.ApplicationAdmitted {
			t.Errorf("admitted application became %s", a.Status)
		}
	})
}
