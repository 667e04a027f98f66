package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
)

// columnLabels returns the labels of a table's column headers, without
// their sort marks and hints.
func columnLabels(w *httptest.ResponseRecorder) string {
	var out []string
	for _, h := range headerRE.FindAllString(w.Body.String(), -1) {
		label, _, _ := strings.Cut(text(h), " (")
		out = append(out, strings.TrimRight(label, " ▲▼"))
	}
	return strings.Join(out, " ")
}

var appNameRE = regexp.MustCompile(`<th scope="row"><bdi>([^<]*)</bdi>`)

// appNames returns the applicants' names of the list's rows, in order.
func appNames(w *httptest.ResponseRecorder) string {
	var out []string
	for _, m := range appNameRE.FindAllStringSubmatch(w.Body.String(), -1) {
		out = append(out, text(m[1]))
	}
	return strings.Join(out, ", ")
}

// applicationsCall makes a call of a new network and returns it with its
// coordinator.
func applicationsCall(t *testing.T, e *pageEnv, capacity int) (*cdoatlas.Call, *browser) {
	t.Helper()
	ctx := context.Background()
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := e.store.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: capacity}
	if err := e.store.CreateCircle(ctx, core); err != nil {
		t.Fatal(err)
	}
	call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
	if err := e.store.CreateCall(ctx, call); err != nil {
		t.Fatal(err)
	}
	return call, e.coordinator(n.ID)
}

const cdoTasks = "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."

// TestPageCallApplicationsSort sorts the applications list by each column
// through links in its headers, keeping the status filter.
func TestPageCallApplicationsSort(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	call, ed := applicationsCall(t, e, 5)
	now := time.Now()
	// In order of arrival, a minute apart.
	apps := []*cdoatlas.Application{
		{PersonName: "Bea Berg", Email: "z@example.org", OrganizationName: "Ahausen", Title: "CDO", Tasks: cdoTasks},
		{PersonName: "Ömer Acar", Email: "m@example.org", OrganizationName: "Cstadt", Title: "Leiter IT", Tasks: "Betreut die Drucker und das Netzwerk der Schulen."},
		{PersonName: "anna Zeller", Email: "a@example.org", OrganizationName: "Bdorf", Title: "Chief Digital Officer", Tasks: "Pflege der Website und der Social-Media-Kanäle"},
	}
	for i, a := range apps {
		a.CallID, a.Consent, a.Kind, a.Country, a.Region = call.ID, true, "municipality", "DE", "DE-BY"
		e.store.(*sqldb.DB).Now = func() time.Time { return now.Add(time.Duration(i) * time.Minute) }
		if _, err := createApplication(ctx, e.store, a); err != nil {
			t.Fatal(err)
		}
	}
	// Checked yes, no, no; the second waits for a seat, the third is
	// declined.
	if err := e.store.Decide(ctx, apps[1].ID, cdoatlas.DecisionWaitlist, 0, ""); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/calls/%d/applications", call.ID)
	const bea, oemer, anna = "Bea Berg", "Ömer Acar", "anna Zeller"
	for _, tc := range []struct {
		query  string
		want   []string
		header string // the sorted column's header, as aria-sort: text
	}{
		{"", []string{bea, oemer, anna}, "ascending: Eingang ▲ (absteigend sortieren)"},
		{"sort=bogus&order=desc", []string{bea, oemer, anna}, "ascending: Eingang ▲ (absteigend sortieren)"},
		{"sort=applied&order=desc", []string{anna, oemer, bea}, "descending: Eingang ▼ (aufsteigend sortieren)"},
		// Case and umlauts aside: anna before Bea before Ömer.
		{"sort=name", []string{anna, bea, oemer}, "ascending: Name ▲ (absteigend sortieren)"},
		{"sort=name&order=desc", []string{oemer, bea, anna}, "descending: Name ▼ (aufsteigend sortieren)"},
		{"sort=email", []string{anna, oemer, bea}, "ascending: E-Mail ▲ (absteigend sortieren)"},
		{"sort=organization", []string{bea, anna, oemer}, "ascending: Organisation ▲ (absteigend sortieren)"},
		{"sort=organization&order=desc", []string{oemer, anna, bea}, "descending: Organisation ▼ (aufsteigend sortieren)"},
		{"sort=title", []string{bea, anna, oemer}, "ascending: Stellenbezeichnung ▲ (absteigend sortieren)"},
		// The check: yes before no, equal ones in order of arrival either
		// way; the status in its course: received, declined, waitlisted.
		{"sort=check", []string{bea, oemer, anna}, "ascending: CDO-Prüfung ▲ (absteigend sortieren)"},
		{"sort=check&order=desc", []string{oemer, anna, bea}, "descending: CDO-Prüfung ▼ (aufsteigend sortieren)"},
		{"sort=status", []string{bea, anna, oemer}, "ascending: Stand ▲ (absteigend sortieren)"},
		{"sort=status&order=desc", []string{oemer, anna, bea}, "descending: Stand ▼ (aufsteigend sortieren)"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			w := ed.get(path + "?" + tc.query)
			wantCode(t, w, http.StatusOK)
			if got, want := appNames(w), strings.Join(tc.want, ", "); got != want {
				t.Errorf("order\n got %s\nwant %s", got, want)
			}
			if got := sortedHeaders(w); len(got) != 1 || got[0] != tc.header {
				t.Errorf("headers with aria-sort: %q, want only %q", got, tc.header)
			}
		})
	}

	// The links keep the status filter and start at the first page; the
	// tasks do not sort.
	w := ed.get(path + "?status=declined&sort=name&order=desc&page=1")
	if got := appNames(w); got != anna {
		t.Errorf("declined, by name: %s", got)
	}
	wantCode(t, w, http.StatusOK)
	body := w.Body.String()
	for _, link := range []string{
		`<a class="sort-link" href="` + path + `?order=asc&amp;sort=name&amp;status=declined">Name`,
		`<a class="sort-link" href="` + path + `?order=asc&amp;sort=applied&amp;status=declined">Eingang`,
		`<th scope="col">Aufgaben</th>`,
		// The filter form and the downloads keep the order.
		`<input type="hidden" name="sort" value="name">`,
		`<input type="hidden" name="order" value="desc">`,
		`href="` + path + `?format=csv&amp;order=desc&amp;sort=name&amp;status=declined"`,
	} {
		if !strings.Contains(body, link) {
			t.Errorf("page has no %s", link)
		}
	}
	if strings.Contains(ed.get(path).Body.String(), `name="sort"`) {
		t.Error("the form sends an order nobody chose")
	}
	// The download comes in the chosen order.
	w = ed.get(path + "?format=csv&sort=name")
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(w.Body.String()), "\n")[1:] {
		names = append(names, strings.SplitN(line, ",", 2)[0])
	}
	if got, want := strings.Join(names, ", "), strings.Join([]string{anna, bea, oemer}, ", "); got != want {
		t.Errorf("CSV by name: %s, want %s", got, want)
	}
}

// TestPageCallApplicationsPages pages a long list; the page links keep
// the status filter and the order.
func TestPageCallApplicationsPages(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	call, ed := applicationsCall(t, e, 50)
	for i := 1; i <= 30; i++ {
		a := &cdoatlas.Application{CallID: call.ID, PersonName: fmt.Sprintf("Person %02d", i), Email: fmt.Sprintf("p%d@example.org", i),
			OrganizationName: "Gemeinde", Kind: "municipality", Country: "DE", Title: "CDO", Tasks: cdoTasks, Consent: true}
		if _, err := createApplication(ctx, e.store, a); err != nil {
			t.Fatal(err)
		}
	}
	path := fmt.Sprintf("/calls/%d/applications", call.ID)
	w := ed.get(path + "?status=received&sort=name&order=desc")
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "30 Bewerbungen.", "Seite 1 von 2", "Person 30", "Person 06")
	wantNoText(t, w, "Person 05")
	if !strings.Contains(w.Body.String(), "order=desc&amp;page=2&amp;sort=name&amp;status=received") {
		t.Error("the page links lose the filter or the order")
	}
	w = ed.get(path + "?status=received&sort=name&order=desc&page=2")
	wantText(t, w, "Person 05", "Person 01", "Seite 2 von 2")
	wantNoText(t, w, "Person 06")
	if w := ed.get(path + "?page=9"); w.Code != http.StatusFound || w.Header().Get("Location") != path+"?page=2" {
		t.Errorf("past the last page: %d %q", w.Code, w.Header().Get("Location"))
	}
}

// TestPageCallApplicationsStoredReasons: the list shows the reasons of
// the check stored with the application, not the check made again; an
// erased application shows those of what is left of it, not the words it
// had, classified once when the list first shows it.
func TestPageCallApplicationsStoredReasons(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	call, ed := applicationsCall(t, e, 5)
	var apps []*cdoatlas.Application
	for _, name := range []string{"Anna Groß", "Bernd Klein"} {
		a := &cdoatlas.Application{CallID: call.ID, PersonName: name, Email: strings.Fields(name)[0] + "@example.org", OrganizationName: "Großstadt",
			Kind: "municipality", Country: "DE", Title: "CDO", Tasks: cdoTasks, Consent: true}
		if _, err := createApplication(ctx, e.store, a); err != nil {
			t.Fatal(err)
		}
		apps = append(apps, a)
	}
	path := fmt.Sprintf("/calls/%d/applications", call.ID)
	wantText(t, ed.get(path), "Abkürzung im Titel: cdo", "Digitalstrategie oder -agenda")
	wantText(t, ed.follow(ed.get(path+"?lang=en")), "abbreviation in the title: cdo", "digital strategy or agenda")
	for _, a := range apps {
		if _, err := e.store.EraseSubject(ctx, a.Email); err != nil {
			t.Fatal(err)
		}
	}
	stored := []cdoatlas.CheckReason{{Code: "test", DE: "Gespeicherter Grund", EN: "stored reason"}}
	if err := e.store.SetCheckReasons(ctx, map[int64][]cdoatlas.CheckReason{apps[0].ID: stored}); err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second classified once, then as stored
		w := ed.follow(ed.get(path + "?lang=de"))
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "Gespeicherter Grund")
		wantNoText(t, w, "Abkürzung im Titel: cdo", "Digitalstrategie oder -agenda")
	}
	items, err := e.store.FindApplicationList(ctx, call.ID, "")
	if err != nil || len(items) != 2 || items[1].CheckReasons == nil {
		t.Fatalf("after the list showed it, the erased application has no reasons stored: %v", err)
	}
}

// TestPageCallApplicationsStatements: the list costs the same number of
// SQL statements however many applications the call has (no query per
// row), once their reasons are stored.
func TestPageCallApplicationsStatements(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	db := e.store.(*sqldb.DB)
	call, ed := applicationsCall(t, e, 50)
	path := fmt.Sprintf("/calls/%d/applications", call.ID)
	statements := func() int64 {
		t.Helper()
		before := db.Statements()
		wantCode(t, ed.get(path), http.StatusOK)
		return db.Statements() - before
	}
	var counts []int64
	for i := 1; i <= 20; i++ {
		a := &cdoatlas.Application{CallID: call.ID, PersonName: fmt.Sprintf("Person %02d", i), Email: fmt.Sprintf("p%d@example.org", i),
			OrganizationName: "Gemeinde", Kind: "municipality", Country: "DE", Title: "CDO", Tasks: cdoTasks, Consent: true}
		if _, err := createApplication(ctx, e.store, a); err != nil {
			t.Fatal(err)
		}
		if i == 2 || i == 20 {
			if _, _, err := e.store.RunOffers(ctx, time.Hour); err != nil {
				t.Fatal(err)
			}
			counts = append(counts, statements())
		}
	}
	if counts[0] != counts[1] {
		t.Errorf("%d statements with 2 applications, %d with 20", counts[0], counts[1])
	}
}
