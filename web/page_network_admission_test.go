package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

func TestPageProposal(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		ctx := context.Background()
		n := &cdoatlas.Network{Name: "CDO-Kreis"}
		if err := e.store.CreateNetwork(ctx, n); err != nil {
			t.Fatal(err)
		}
		core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 2}
		if err := e.store.CreateCircle(ctx, core); err != nil {
			t.Fatal(err)
		}
		call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
		if err := e.store.CreateCall(ctx, call); err != nil {
			t.Fatal(err)
		}
		cross := "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."
		pop := func(n int64) *int64 { return &n }
		for _, a := range []*cdoatlas.Application{
			{PersonName: "Anna Groß", Email: "a@example.org", OrganizationName: "Großstadt", Kind: "municipality", Country: "DE", Region: "DE-BY", Population: pop(600000), Gender: "f", Title: "CDO", Tasks: cross},
			{PersonName: "Bernd Groß", Email: "b@example.org", OrganizationName: "Großstadt Zwei", Kind: "municipality", Country: "DE", Region: "DE-BY", Population: pop(500000), Gender: "m", Title: "CDO", Tasks: cross},
			{PersonName: "Clara Klein", Email: "c@example.org", OrganizationName: "Kleindorf", Kind: "municipality", Country: "DE", Region: "DE-SN", Population: pop(4000), Gender: "f", Title: "CDO", Tasks: cross},
			{PersonName: "Dieter Web", Email: "d@example.org", OrganizationName: "Webstadt", Kind: "municipality", Country: "DE", Region: "DE-NW", Population: pop(30000), Title: "Chief Digital Officer", Tasks: "Pflege der Website und der Social-Media-Kanäle"},
		} {
			a.CallID, a.Consent = call.ID, true
			if _, err := createApplication(ctx, e.store, a); err != nil {
				t.Fatal(err)
			}
		}
		ed := e.coordinator(n.ID)
		path := fmt.Sprintf("/calls/%d/proposal", call.ID)
		w := ed.get(path)
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "Kernkreis: 2 Plätze, 0 besetzt, 2 frei.", "Aufnehmen (2)", "Warteliste (in Reihenfolge der nächsten Angebote) (1)", "Clara Klein", "Schon entschieden (1)", "Dieter Web")
		// The small municipality in Saxony is among the admitted.
		body := text(w.Body.String())
		admit := body[strings.Index(body, "Aufnehmen (2)"):strings.Index(body, "Warteliste (in")]
		if !strings.Contains(admit, "Clara Klein") {
			t.Errorf("the only small municipality and eastern state is not proposed:\n%s", admit)
		}
		w = ed.follow(ed.submit(path, path, url.Values{}))
		wantText(t, w, "Vorschlag übernommen.", "Kernkreis: 2 Plätze, 2 besetzt, 0 frei.")
		members, _ := e.store.FindMemberships(ctx, core.ID, false)
		if len(members) != 2 {
			t.Fatalf("%d members, want 2", len(members))
		}
		apps, _ := e.store.FindApplications(ctx, call.ID)
		var waiting *cdoatlas.Application
		for _, a := range apps {
			if a.Status == cdoatlas.ApplicationWaitlisted {
				waiting = a
			}
		}
		if waiting == nil {
			t.Fatalf("nobody on the waitlist: %+v", apps)
		}
		ds, _ := e.store.FindDecisions(ctx, waiting.ID)
		if len(ds) != 1 || ds[0].UserID != ed.user.ID {
			t.Errorf("waitlist decision: %+v", ds)
		}
		// Admitting one more into the full circle is refused.
		w = ed.follow(ed.submit(path, fmt.Sprintf("/applications/%d/decide", waiting.ID), url.Values{"action": {"admit"}}))
		wantText(t, w, "Nicht möglich: Der Kreis ist voll")
		w = ed.follow(ed.submit(path, fmt.Sprintf("/applications/%d/decide", waiting.ID), url.Values{"action": {"decline"}}))
		wantText(t, w, "Entscheidung gespeichert.")
		if w := e.as(cdoatlas.UserMember).get(path); w.Code != http.StatusForbidden {
			t.Errorf("member: %d", w.Code)
		}
	})
}

// TestPageOffer: a member leaves, the best waitlisted applicant sees the
// offered seat on the private status page and takes it.
func TestPageOffer(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := e.store.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 1}
	if err := e.store.CreateCircle(ctx, core); err != nil {
		t.Fatal(err)
	}
	call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
	if err := e.store.CreateCall(ctx, call); err != nil {
		t.Fatal(err)
	}
	cross := "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."
	member := e.as(cdoatlas.UserMember)
	first := &cdoatlas.Application{CallID: call.ID, PersonName: "Erste", Email: member.user.Email, OrganizationName: "Astadt", Kind: "municipality", Country: "DE", Title: "CDO", Tasks: cross, Consent: true}
	second := &cdoatlas.Application{CallID: call.ID, PersonName: "Zweite", Email: "z@example.org", OrganizationName: "Bstadt", Kind: "municipality", Country: "DE", Title: "CDO", Tasks: cross, Consent: true}
	if _, err := createApplication(ctx, e.store, first); err != nil {
		t.Fatal(err)
	}
	secret, err := createApplication(ctx, e.store, second)
	if err != nil {
		t.Fatal(err)
	}
	m, err := e.store.Admit(ctx, first.ID, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.Decide(ctx, second.ID, cdoatlas.DecisionWaitlist, 0, ""); err != nil {
		t.Fatal(err)
	}
	anon := e.anon()
	wantText(t, anon.get("/applications/"+secret), "Auf der Warteliste.")
	// The member leaves through the page; the seat is offered at once.
	member.follow(member.submit("/members", fmt.Sprintf("/members/%d/leave", m.ID), url.Values{"reason": {"Wechsel"}}))
	w := anon.get("/applications/" + secret)
	wantText(t, w, "Ihnen wird ein Platz im Kreis angeboten.", "Platz annehmen")
	// The coordinator sees the open offer and the address to tell the person.
	wantText(t, e.coordinator(n.ID).get(fmt.Sprintf("/calls/%d/applications", call.ID)), "Platz angeboten bis", "z@example.org")
	w = anon.follow(anon.submit("/applications/"+secret, "/applications/"+secret, url.Values{"answer": {"accept"}}))
	wantText(t, w, "Ihre Antwort ist gespeichert.", "Aufgenommen.")
	wantNoText(t, w, "Platz annehmen")
	members, _ := e.store.FindMemberships(ctx, core.ID, false)
	if len(members) != 1 || members[0].PersonName != "Zweite" {
		t.Errorf("members: %+v", members)
	}
	w = anon.follow(anon.submit(fmt.Sprintf("/calls/%d", call.ID), "/applications/"+secret, url.Values{"answer": {"decline"}}))
	wantText(t, w, "Das Angebot gilt nicht mehr.")
}
