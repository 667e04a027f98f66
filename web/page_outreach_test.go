package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"
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
	if _, err := createApplication(ctx, e.store, a); err != nil {
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

// TestPageOutreachPages pages the outreach list, names size classes in
// words and offers the whole list as a download.
func TestPageOutreachPages(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	for i := 1; i <= 30; i++ {
		o := &cdoatlas.Organization{Name: fmt.Sprintf("Stadt %02d", i), Kind: "municipality", Country: "DE", Region: "DE-SN",
			Population: pageInt64(8000), PopulationDate: "2023-12-31", OfficialCode: fmt.Sprintf("145220%02d", i)}
		if i == 1 {
			o.Name = "=Formelstadt"
		}
		if err := e.store.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
		if err := e.store.CreatePost(ctx, &cdoatlas.Post{OrganizationID: o.ID, Title: "Digitalisierungsbeauftragter", Role: "cdo", CDOCheck: "yes"}); err != nil {
			t.Fatal(err)
		}
	}
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := e.store.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	ed := e.coordinator(n.ID)
	path := fmt.Sprintf("/networks/%d/outreach", n.ID)
	label := cdoatlas.SizeClassLabel("de", "GK7") // 8,000 inhabitants

	w := ed.get(path)
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "30 Stellen.", "Seite 1 von 2", "Stadt 02", "Stadt 25", label)
	wantNoText(t, w, "Stadt 26")
	body := w.Body.String()
	if got := strings.Count(body, `<th scope="row">`); got != 25 {
		t.Errorf("%d rows on page 1, want 25", got)
	}
	if strings.Contains(tableText(body), "GK7 Sachsen") || !strings.Contains(tableText(body), label) {
		t.Errorf("size class not in words:\n%s", tableText(body))
	}
	w = ed.get(path + "?page=2")
	wantText(t, w, "Stadt 26", "Stadt 30", "Seite 2 von 2")
	wantNoText(t, w, "Stadt 25")
	// The group filter stays in the page links, and past the last page
	// leads to the last one.
	w = ed.get(path + "?group=east")
	if !strings.Contains(w.Body.String(), "group=east&amp;page=2") {
		t.Error("the page links lose the filter")
	}
	w = ed.get(path + "?group=east&page=9")
	if w.Code != http.StatusFound || w.Header().Get("Location") != path+"?group=east&page=2" {
		t.Errorf("past the last page: %d %q", w.Code, w.Header().Get("Location"))
	}

	// The download has every row, with formulas defused.
	if !strings.Contains(body, path+"?format=csv") {
		t.Error("no download link")
	}
	w = ed.get(path + "?format=csv")
	wantCode(t, w, http.StatusOK)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(w.Body.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 31 || strings.Join(recs[0], ",") != strings.Join(outreachColumns, ",") {
		t.Fatalf("csv: %d records, header %q", len(recs), recs[0])
	}
	for _, rec := range recs[1:] {
		if rec[0] == "=Formelstadt" {
			t.Errorf("a formula went out as it is: %q", rec)
		}
	}
	if recs[5][4] != "GK7" || recs[5][5] != "DE-SN" {
		t.Errorf("row: %q", recs[5])
	}
	wantCode(t, ed.get(path+"?format=pdf"), http.StatusBadRequest)
	if w := e.as(cdoatlas.UserMember).get(path + "?format=csv"); w.Code != http.StatusForbidden {
		t.Errorf("member download: %d", w.Code)
	}
	if w := e.as(cdoatlas.UserEditor).get(path + "?format=csv"); w.Code != http.StatusForbidden {
		t.Errorf("other editor's download: %d", w.Code)
	}
}
