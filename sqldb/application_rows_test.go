package sqldb_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestFindApplicationList reads a call's applications with their open
// offers and the check reasons stored when they came in.
func TestFindApplicationList(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Now()
		db.Now = func() time.Time { return now }
		call, apps, ms := fullCircle(t, db) // two admitted, two waitlisted
		if err := db.Leave(ctx, ms[0].ID, "Ruhestand"); err != nil {
			t.Fatal(err)
		}
		if offered, _, err := db.RunOffers(ctx, 0); err != nil || offered != 1 {
			t.Fatalf("offered %d, %v", offered, err)
		}
		items, err := db.FindApplicationList(ctx, call.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != len(apps) {
			t.Fatalf("%d applications, want %d", len(items), len(apps))
		}
		out := classify.Classify(classify.Input{Title: apps[0].Title, Tasks: apps[0].Tasks, Organization: apps[0].OrganizationName, Country: "DE"})
		var want []cdoatlas.CheckReason
		for _, e := range out.Explanations {
			want = append(want, cdoatlas.CheckReason{Code: e.Code, DE: e.DE, EN: e.EN})
		}
		offers := 0
		for i, it := range items {
			if it.ID != apps[i].ID {
				t.Errorf("item %d is application %d, want %d (oldest first)", i, it.ID, apps[i].ID)
			}
			if len(want) == 0 || !reflect.DeepEqual(it.CheckReasons, want) {
				t.Errorf("application %d: reasons %v, want %v", it.ID, it.CheckReasons, want)
			}
			if it.OfferExpires != nil {
				offers++
				if o, err := db.FindOpenOffer(ctx, it.ID); err != nil || !o.ExpiresAt.Equal(*it.OfferExpires) {
					t.Errorf("application %d: offer expires %v, open offer %v (%v)", it.ID, it.OfferExpires, o, err)
				}
			}
		}
		if offers != 1 {
			t.Errorf("%d applications with an open offer, want 1", offers)
		}
		waiting, err := db.FindApplicationList(ctx, call.ID, cdoatlas.ApplicationWaitlisted)
		if err != nil || len(waiting) != 2 {
			t.Fatalf("waitlisted: %d, %v", len(waiting), err)
		}

		// Erased, an application has no reasons until they are stored
		// again; stored reasons are never replaced.
		if _, err := db.EraseSubject(ctx, apps[3].Email); err != nil {
			t.Fatal(err)
		}
		reasonsOf := func(id int64) []cdoatlas.CheckReason {
			t.Helper()
			items, err := db.FindApplicationList(ctx, call.ID, "")
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				if it.ID == id {
					return it.CheckReasons
				}
			}
			t.Fatalf("no application %d", id)
			return nil
		}
		if rs := reasonsOf(apps[3].ID); rs != nil {
			t.Errorf("erased: reasons %v, want none stored", rs)
		}
		again := []cdoatlas.CheckReason{{Code: "x", DE: "neu", EN: "new"}}
		if err := db.SetCheckReasons(ctx, map[int64][]cdoatlas.CheckReason{apps[3].ID: again, apps[0].ID: again}); err != nil {
			t.Fatal(err)
		}
		if rs := reasonsOf(apps[3].ID); !reflect.DeepEqual(rs, again) {
			t.Errorf("stored again: %v", rs)
		}
		if rs := reasonsOf(apps[0].ID); !reflect.DeepEqual(rs, want) {
			t.Errorf("stored reasons replaced: %v", rs)
		}
		// None at all is stored as none, not as missing.
		if _, err := db.EraseSubject(ctx, apps[2].Email); err != nil {
			t.Fatal(err)
		}
		if err := db.SetCheckReasons(ctx, map[int64][]cdoatlas.CheckReason{apps[2].ID: nil}); err != nil {
			t.Fatal(err)
		}
		if rs := reasonsOf(apps[2].ID); rs == nil || len(rs) != 0 {
			t.Errorf("no reasons stored as %#v, want an empty list", rs)
		}
	})
}
