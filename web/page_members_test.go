package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

func TestPageMembers(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := e.store.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 40}
	if err := e.store.CreateCircle(ctx, core); err != nil {
		t.Fatal(err)
	}
	call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
	if err := e.store.CreateCall(ctx, call); err != nil {
		t.Fatal(err)
	}
	me := e.as(cdoatlas.UserMember)
	cross := "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."
	pop := func(n int64) *int64 { return &n }
	var ids []int64
	for _, a := range []*cdoatlas.Application{
		{PersonName: "Ich Selbst", Email: me.user.Email, OrganizationName: "Kleinstadt", Kind: "municipality", Country: "DE", Region: "DE-SN", Population: pop(20000)},
		{PersonName: "Petra Peer", Email: "peer@example.org", OrganizationName: "Nachbarstadt", Kind: "municipality", Country: "DE", Region: "DE-SN", Population: pop(21000)},
		{PersonName: "Gustav Groß", Email: "gross@example.org", OrganizationName: "Großstadt", Kind: "municipality", Country: "DE", Region: "DE-BY", Population: pop(900000)},
		{PersonName: "Ute Unsichtbar", Email: "ute@example.org", OrganizationName: "Stillstadt", Kind: "municipality", Country: "DE", Region: "DE-SN", Population: pop(20000)},
	} {
		a.CallID, a.Title, a.Tasks, a.Consent = call.ID, "CDO", cross, true
		if _, err := createApplication(ctx, e.store, a); err != nil {
			t.Fatal(err)
		}
		m, err := e.store.Admit(ctx, a.ID, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	for _, id := range ids[1:3] {
		if err := e.store.SetListed(ctx, id, true); err != nil {
			t.Fatal(err)
		}
	}
	// The directory is mutual: unlisted, I see nobody.
	w := me.get("/members")
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "CDO-Kreis – Kernkreis", "Mitglied seit", "Das Verzeichnis ist gegenseitig")
	wantNoText(t, w, "Petra Peer", "Gustav Groß", "Ute Unsichtbar")

	w = me.follow(me.submit("/members", fmt.Sprintf("/members/%d/listed", ids[0]), url.Values{"listed": {"1"}}))
	wantText(t, w, "Die Änderungen wurden gespeichert.")
	w = me.get("/members")
	wantText(t, w, "Petra Peer", "Gustav Groß")
	wantNoText(t, w, "Ute Unsichtbar", "Das Verzeichnis ist gegenseitig")
	w = me.get("/members?peers=size_class")
	wantText(t, w, "Petra Peer")
	wantNoText(t, w, "Gustav Groß", "Ute Unsichtbar")
	mine, _ := e.store.FindMembershipsByEmail(ctx, me.user.Email)
	if !mine[0].Listed {
		t.Error("the listing choice was not saved")
	}
	// Another member's membership cannot be changed.
	if w := me.submit("/members", fmt.Sprintf("/members/%d/listed", ids[2]), url.Values{}); w.Code != http.StatusNotFound {
		t.Errorf("someone else's membership: %d", w.Code)
	}

	// The coordinator sees the circle's make-up.
	w = e.coordinator(n.ID).get(fmt.Sprintf("/networks/%d", n.ID))
	wantText(t, w, "Zusammensetzung: Kernkreis", "Unausgewogenheit nach den Zielen des Netzwerks", "Mitglieder nach Größenklasse (Gewicht 3)", "Sachsen")

	w = me.follow(me.submit("/members", fmt.Sprintf("/members/%d/leave", ids[0]), url.Values{"reason": {"Ruhestand"}}))
	wantText(t, w, "Ihre Mitgliedschaft ist beendet.", "Unter der E-Mail-Adresse Ihres Kontos ist keine Mitgliedschaft eingetragen.")
	all, _ := e.store.FindMemberships(ctx, core.ID, true)
	for _, m := range all {
		if m.ID == ids[0] && (m.LeftAt == nil || m.LeaveReason != "Ruhestand") {
			t.Errorf("left membership: %+v", m)
		}
	}
	if w := e.anon().get("/members"); w.Code != http.StatusSeeOther && w.Code != http.StatusFound {
		t.Errorf("anonymous /members: %d", w.Code)
	}
}
