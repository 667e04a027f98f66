package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

func TestPageOutreach(t *testing.T) {
	e := newPageEnv(t)
	s := e.seed() // München has a CDO post held by Erika Beispiel (f)
	ctx := context.Background()
	pop := func(n int64) *int64 { return &n }
	small := &cdoatlas.Organization{Name: "Kleinstadt", Kind: "municipality", Country: "DE", Region: "DE-SN", Population: pop(8000), PopulationDate: "2023-12-31"}
	if err := e.store.CreateOrganization(ctx, small); err != nil {
		t.Fatal(err)
	}
	post := &cdoatlas.Post{OrganizationID: small.ID, Title: "Digitalisierungsbeauftragter", Role: "cdo", CDOCheck: "yes"}
	if err := e.store.CreatePost(ctx, post); err != nil {
		t.Fatal(err)
	}
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := e.store.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	ed := e.coordinator(n.ID)
	path := fmt.Sprintf("/networks/%d/outreach", n.ID)
	w := ed.get(path)
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "2 Stellen.", "Landeshauptstadt München", "Erika Beispiel", "Kleinstadt", "unbesetzt oder unbekannt")
	w = ed.get(path + "?group=women")
	wantText(t, w, "1 Stellen.", "Erika Beispiel")
	wantNoText(t, w, "Kleinstadt")
	w = ed.get(path + "?group=east")
	wantText(t, w, "Kleinstadt")
	wantNoText(t, w, "Landeshauptstadt München")
	wantText(t, ed.get(path+"?group=small"), "Kleinstadt")

	// Once München's CDO is a member, München drops out.
	core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kern", Capacity: 40}
	if err := e.store.CreateCircle(ctx, core); err != nil {
		t.Fatal(err)
	}
	call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
	if err := e.store.CreateCall(ctx, call); err != nil {
		t.Fatal(err)
	}
	a := &cdoatlas.Application{CallID: call.ID, PersonName: "Erika Beispiel", Email: "erika@example.org", OrganizationID: &s.muc.ID,
		Title: "CDO", Tasks: "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung und koordiniert alle Fachbereiche.", Consent: true}
	if _, err := e.store.CreateApplication(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.Admit(ctx, a.ID, 0, ""); err != nil {
		t.Fatal(err)
	}
	w = ed.get(path)
	wantText(t, w, "1 Stellen.", "Kleinstadt")
	wantNoText(t, w, "Landeshauptstadt München")
	if w := e.as(cdoatlas.UserMember).get(path); w.Code != http.StatusForbidden {
		t.Errorf("member: %d", w.Code)
	}
}
