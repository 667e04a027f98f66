package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// TestPageApplicationOrganization: an applicant types the organization's
// name as people write it; the application is linked to the registry's
// organization as the census would find it, and a place the registry
// lacks gets what the gazetteer knows where the form was left empty.
func TestPageApplicationOrganization(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		ctx := context.Background()
		s := e.seed()
		dus := &cdoatlas.Organization{Name: "Düsseldorf", Kind: "municipality", Country: "DE", Region: "DE-NW"}
		if err := e.store.CreateOrganization(ctx, dus); err != nil {
			t.Fatal(err)
		}
		n := &cdoatlas.Network{Name: "CDO-Kreis"}
		if err := e.store.CreateNetwork(ctx, n); err != nil {
			t.Fatal(err)
		}
		circle := &cdoatlas.Circle{NetworkID: n.ID, Name: "Offener Kreis"}
		if err := e.store.CreateCircle(ctx, circle); err != nil {
			t.Fatal(err)
		}
		call := &cdoatlas.Call{CircleID: circle.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
		if err := e.store.CreateCall(ctx, call); err != nil {
			t.Fatal(err)
		}
		callPath := fmt.Sprintf("/calls/%d", call.ID)
		anon := e.anon()
		apply := func(t *testing.T, org url.Values) *cdoatlas.Application {
			t.Helper()
			before, _ := e.store.FindApplications(ctx, call.ID)
			// One address applies once to a call.
			form := url.Values{"person_name": {"Erika Beispiel"}, "email": {fmt.Sprintf("erika%d@example.org", len(before))}, "title": {"CDO"},
				"tasks": {"Digitalstrategie der Verwaltung"}, "consent": {"1"}}
			for k, v := range org {
				form[k] = v
			}
			if w := anon.submit(callPath, callPath, form); w.Code != http.StatusSeeOther {
				t.Fatalf("apply with %v: %d\n%s", org, w.Code, w.Body)
			}
			apps, _ := e.store.FindApplications(ctx, call.ID)
			if len(apps) != len(before)+1 {
				t.Fatalf("%d applications stored, want %d", len(apps), len(before)+1)
			}
			return apps[len(apps)-1]
		}
		for _, tc := range []struct {
			name string
			org  url.Values
			want int64
		}{
			{"Landeshauptstadt", url.Values{"organization_name": {"Landeshauptstadt Düsseldorf"}}, dus.ID},
			{"OfficialNameForm", url.Values{"organization_name": {"Köln, Stadt"}}, s.cgn.ID},
			{"CodeFirst", url.Values{"organization_name": {"Stadtverwaltung"}, "official_code": {"09162000"}}, s.muc.ID},
			{"CountyWording", url.Values{"organization_name": {"Kreisverwaltung Wesel"}}, s.wesel.ID},
		} {
			t.Run(tc.name, func(t *testing.T) {
				a := apply(t, tc.org)
				if a.OrganizationID == nil || *a.OrganizationID != tc.want {
					t.Errorf("linked to %v, want %d", a.OrganizationID, tc.want)
				}
			})
		}
		t.Run("GazetteerFillsEmptyFields", func(t *testing.T) {
			place, _ := gazetteer.ByCode("DE", "08416048")
			a := apply(t, url.Values{"organization_name": {"Gemeinde Ammerbuch"}})
			if a.OrganizationID != nil || a.Kind != "municipality" || a.Country != "DE" || a.Region != "DE-BW" ||
				a.Population == nil || *a.Population != place.Population {
				t.Errorf("got %+v, want the gazetteer's %+v", a, place)
			}
			a = apply(t, url.Values{"organization_name": {"Ammerbuch"}, "kind": {"municipality"}, "country": {"DE"}, "population": {"12000"}})
			if a.Population == nil || *a.Population != 12000 || a.Region != "DE-BW" {
				t.Errorf("typed population replaced: %+v", a)
			}
		})
		t.Run("UnknownNeedsTheNewOrganizationFields", func(t *testing.T) {
			form := url.Values{"person_name": {"Erika Beispiel"}, "email": {"erika@example.org"}, "title": {"CDO"},
				"tasks": {"Digitalstrategie"}, "consent": {"1"}, "organization_name": {"Neuland Solar GmbH"}}
			wantCode(t, anon.submit(callPath, callPath, form), http.StatusUnprocessableEntity)
		})
	})
}
