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

// TestPageCallApplications is the coordinators' list of a call's
// applications: neutral headers, full dates, long tasks folded away, a
// status filter and a download.
func TestPageCallApplications(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := e.store.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 5}
	if err := e.store.CreateCircle(ctx, core); err != nil {
		t.Fatal(err)
	}
	call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
	if err := e.store.CreateCall(ctx, call); err != nil {
		t.Fatal(err)
	}
	long := "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister. " +
		strings.Repeat("Leitet außerdem das Programm zur Verwaltungsmodernisierung. ", 6) + "ENDE-DER-AUFGABEN"
	for _, a := range []*cdoatlas.Application{
		{PersonName: "Anna Groß", Email: "a@example.org", OrganizationName: "Großstadt", Kind: "municipality", Country: "DE", Region: "DE-BY", Title: "CDO", Tasks: long},
		{PersonName: "=HYPERLINK(\"x\")", Email: "d@example.org", OrganizationName: "Webstadt", Kind: "municipality", Country: "DE", Region: "DE-NW", Title: "Chief Digital Officer", Tasks: "Pflege der Website und der Social-Media-Kanäle"},
	} {
		a.CallID, a.Consent = call.ID, true
		if _, err := createApplication(ctx, e.store, a); err != nil {
			t.Fatal(err)
		}
	}
	today := time.Now().UTC().Format("02.01.2006")
	ed := e.coordinator(n.ID)
	path := fmt.Sprintf("/calls/%d/applications", call.ID)

	w := ed.get(path)
	wantCode(t, w, http.StatusOK)
	if got, want := columnLabels(w), "Name E-Mail Organisation Stellenbezeichnung Aufgaben CDO-Prüfung Stand Eingang"; got != want {
		t.Errorf("headers %q, want %q", got, want)
	}
	table := tableText(w.Body.String())
	for _, want := range []string{"Anna Groß", "a@example.org", today, "Abgelehnt"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	wantNoText(t, w, "Ihr Name", "Ihre Aufgaben", "Ihre Stellenbezeichnung", "Leider nicht berücksichtigt")
	wantText(t, w, "2 Bewerbungen.", "Liste herunterladen:")
	// Long tasks come folded, with their beginning as the summary.
	body := w.Body.String()
	if !strings.Contains(body, "<details><summary><bdi class=\"tasks__short\">Verantwortet die Digitalstrategie") {
		t.Errorf("long tasks are not folded:\n%s", body)
	}
	summary := body[strings.Index(body, "<summary>"):strings.Index(body, "</summary>")]
	if strings.Contains(summary, "ENDE-DER-AUFGABEN") || !strings.Contains(summary, "…") {
		t.Errorf("the summary is not the beginning of the tasks: %s", summary)
	}
	wantText(t, w, "ENDE-DER-AUFGABEN", "(weiterlesen)")
	// Short tasks are shown as they are.
	if strings.Count(body, "<details><summary><bdi") != 1 {
		t.Errorf("short tasks are folded too")
	}

	// The status filter works without JavaScript: a GET form.
	if !strings.Contains(body, `<select id="status" name="status">`) {
		t.Error("no status filter")
	}
	w = ed.get(path + "?status=declined")
	wantCode(t, w, http.StatusOK)
	table = tableText(w.Body.String())
	if !strings.Contains(table, "HYPERLINK") || strings.Contains(table, "Anna Groß") {
		t.Errorf("status filter declined:\n%s", table)
	}
	wantText(t, w, "1 Bewerbungen.", "Filter zurücksetzen")
	w = ed.get(path + "?status=admitted")
	wantText(t, w, "Keine Bewerbung mit diesem Stand.")
	wantNoText(t, w, "Anna Groß")
	// An unknown status does not filter.
	wantText(t, ed.get(path+"?status=bogus"), "2 Bewerbungen.")

	// In English, the headers are neutral too.
	if got := columnLabels(ed.follow(ed.get(path + "?lang=en"))); !strings.HasPrefix(got, "Name E-mail Organization Job title Tasks") {
		t.Errorf("English headers: %s", got)
	}

	// The download: all rows (or the filtered ones), formulas defused.
	w = ed.get(path + "?format=csv")
	wantCode(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("content type %q", ct)
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, fmt.Sprintf("applications-%d.csv", call.ID)) {
		t.Errorf("content disposition %q", cd)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(w.Body.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || strings.Join(recs[0], ",") != strings.Join(applicationColumns, ",") {
		t.Fatalf("csv: %q", recs)
	}
	for _, rec := range recs[1:] {
		if rec[0] == "=HYPERLINK(\"x\")" {
			t.Errorf("a formula went out as it is: %q", rec)
		}
		if rec[0] == "Anna Groß" && (rec[4] != long || rec[7] != time.Now().UTC().Format("2006-01-02")) {
			t.Errorf("Anna's row: %q", rec)
		}
	}
	w = ed.get(path + "?format=csv&status=declined")
	if recs, _ := csv.NewReader(strings.NewReader(strings.TrimPrefix(w.Body.String(), "\ufeff"))).ReadAll(); len(recs) != 2 {
		t.Errorf("filtered download: %q", recs)
	}
	wantCode(t, ed.get(path+"?format=xlsx"), http.StatusOK)
	wantCode(t, ed.get(path+"?format=csv-de"), http.StatusOK)
	wantCode(t, ed.get(path+"?format=pdf"), http.StatusBadRequest)

	// Only the network's coordinators get the list or the file.
	for _, b := range []*browser{e.as(cdoatlas.UserEditor), e.as(cdoatlas.UserMember)} {
		for _, p := range []string{path, path + "?format=csv"} {
			if w := b.get(p); w.Code != http.StatusForbidden {
				t.Errorf("%s %s: %d", b.user.Role, p, w.Code)
			}
		}
	}
	if w := e.anon().get(path + "?format=csv"); w.Code == http.StatusOK {
		t.Errorf("anonymous download: %d", w.Code)
	}
}

// TestPageNavMembers shows "Mein Netzwerk" only to who has a seat.
func TestPageNavMembers(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	link := `<a href="/members"`
	ed := e.as(cdoatlas.UserEditor)
	w := ed.get("/")
	wantText(t, w, "Aufrufe", "Import", "Abgleich", "Konto")
	wantNoText(t, w, "Mein Netzwerk", "Netzwerk-Aufrufe")
	if strings.Contains(w.Body.String(), link) {
		t.Error("an editor without a seat sees the link to /members")
	}
	// The short labels keep a full name for screen readers.
	if !strings.Contains(w.Body.String(), `Import<span class="visually-hidden"> der Erhebung</span>`) {
		t.Error("the import link has no full name")
	}
	if w := e.as(cdoatlas.UserMember).get("/"); !strings.Contains(w.Body.String(), link) {
		t.Error("a member does not see the link to /members")
	}
	// An editor who also sits in a network sees it.
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := e.store.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 5}
	if err := e.store.CreateCircle(ctx, core); err != nil {
		t.Fatal(err)
	}
	if err := e.store.AddMember(ctx, &cdoatlas.Membership{CircleID: core.ID, PersonName: "Eva Editor", Email: ed.user.Email,
		OrganizationName: "Großstadt", Kind: "municipality", Country: "DE", Region: "DE-BY", Title: "CDO"}); err != nil {
		t.Fatal(err)
	}
	w = ed.get("/")
	wantText(t, w, "Mein Netzwerk")
	if w := e.anon().get("/"); strings.Contains(w.Body.String(), link) {
		t.Error("a visitor sees the link to /members")
	}
}
