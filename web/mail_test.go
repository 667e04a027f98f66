package web

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	netmail "net/mail"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/mail"
	"github.com/cdoatlas/cdoatlas/mail/mailtest"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// mailBase is the public address of the test server in mails.
const mailBase = "https://atlas.example.org"

// mailEnv is a server whose store writes mails with the real letters,
// a real SMTP server in the test and the sender that delivers to it.
type mailEnv struct {
	*pageEnv
	db      *sqldb.DB
	smtp    *mailtest.Server
	sender  *mail.Sender
	mailLog *bytes.Buffer
}

func newMailEnv(t *testing.T) *mailEnv {
	t.Helper()
	db := sqldbtest.Open(t)
	db.Letters = NewLetters(mailBase + "/")
	srv := mailtest.Start(t, mailtest.Options{})
	host, port, err := net.SplitHostPort(srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	e := &mailEnv{pageEnv: newPageEnvOn(t, db), db: db, smtp: srv, mailLog: &bytes.Buffer{}}
	e.sender = &mail.Sender{Store: db, Logger: slog.New(slog.NewTextHandler(e.mailLog, nil)),
		SMTP: &mail.SMTP{Host: host, Port: port, From: &netmail.Address{Name: "cdoatlas", Address: "atlas@example.org"}, Timeout: 10 * time.Second}}
	return e
}

// deliver runs the sender once, as the background job of serve does.
func (e *mailEnv) deliver() mail.Result {
	e.t.Helper()
	r, err := e.sender.SendDue(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return r
}

// lastMail returns the last message the SMTP server got for to.
func (e *mailEnv) lastMail(to string) mailtest.Message {
	e.t.Helper()
	got := e.smtp.Find(to)
	if len(got) == 0 {
		e.t.Fatalf("no mail to %s; the server has %d", to, len(e.smtp.Messages()))
	}
	return got[len(got)-1]
}

// linkIn returns the path of the link under mailBase/prefix in a mail.
func linkIn(t *testing.T, m mailtest.Message, prefix string) string {
	t.Helper()
	re := regexp.MustCompile(regexp.QuoteMeta(mailBase+prefix) + `[A-Za-z0-9_-]+`)
	link := re.FindString(m.Body)
	if link == "" {
		t.Fatalf("no link %s… in the mail:\n%s", prefix, m.Body)
	}
	return strings.TrimPrefix(link, mailBase)
}

// networkWithCall makes a network with a core circle of capacity and an
// open call to it.
func networkWithCall(t *testing.T, e *mailEnv, capacity int) (*cdoatlas.Network, *cdoatlas.Circle, *cdoatlas.Call) {
	t.Helper()
	ctx := context.Background()
	n := &cdoatlas.Network{Name: "CDO-Kreis Süd"}
	if err := e.store.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: capacity}
	if err := e.store.CreateCircle(ctx, core); err != nil {
		t.Fatal(err)
	}
	call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf Kernkreis 2027", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
	if err := e.store.CreateCall(ctx, call); err != nil {
		t.Fatal(err)
	}
	return n, core, call
}

const mailTasks = "Ich verantworte die Digitalstrategie der gesamten Stadtverwaltung, koordiniere alle Fachbereiche und berichte an den Oberbürgermeister."

// TestMailApplicationConfirmation: an application through the public form
// sends its confirmation, German first and English below, with the full
// private link, which opens the application's status.
func TestMailApplicationConfirmation(t *testing.T) {
	e := newMailEnv(t)
	_, _, call := networkWithCall(t, e, 40)
	anon := e.anon()
	callPath := fmt.Sprintf("/calls/%d", call.ID)
	w := anon.submit(callPath, callPath, url.Values{"person_name": {"Erika Beispiel"}, "email": {"Erika@Example.org"},
		"organization_name": {"Musterstadt"}, "kind": {"municipality"}, "country": {"DE"}, "title": {"Chief Digital Officer"},
		"tasks": {mailTasks}, "consent": {"1"}})
	wantCode(t, w, http.StatusSeeOther)
	redirect, _, _ := strings.Cut(w.Header().Get("Location"), "?")
	wantText(t, anon.follow(w), "Sie erhalten ihn auch per E-Mail.")

	if r := e.deliver(); r.Sent != 1 {
		t.Fatalf("delivery %+v; log:\n%s", r, e.mailLog)
	}
	m := e.lastMail("erika@example.org")
	if m.Subject != "Ihre Bewerbung: Aufruf Kernkreis 2027 / Your application: Aufruf Kernkreis 2027" {
		t.Errorf("subject %q", m.Subject)
	}
	de, en, ok := strings.Cut(m.Body, "Hello Erika Beispiel,")
	if !ok || !strings.Contains(de, "Guten Tag Erika Beispiel,") || !strings.Contains(de, "„Aufruf Kernkreis 2027“ des Netzwerks „CDO-Kreis Süd“") ||
		!strings.Contains(de, "Stand Ihrer Bewerbung – Eingegangen") || !strings.Contains(en, "Status of your application – Received") {
		t.Errorf("body, German then English:\n%s", m.Body)
	}
	link := linkIn(t, m, "/applications/")
	if link != redirect {
		t.Errorf("the mail's link %s is not the page's %s", link, redirect)
	}
	if strings.Count(m.Body, mailBase+link) != 2 {
		t.Errorf("the link should be in both languages:\n%s", m.Body)
	}
	wantText(t, anon.get(link), "Stand Ihrer Bewerbung", "Eingegangen: Ihre Aufgaben erfüllen die Kriterien.")
	// Once sent, the outbox keeps no body: it held the private link.
	ms, _, _ := e.store.FindMails(context.Background(), cdoatlas.MailFilter{})
	if len(ms) != 1 || ms[0].State != cdoatlas.MailSent || ms[0].Body != "" {
		t.Errorf("outbox %+v", ms)
	}
}

// TestMailOfferAndAdmission: a coordinator's admission, and a seat that
// comes free and is offered to the next, send their mails; the offer's
// mail has its deadline and a link to take the seat.
func TestMailOfferAndAdmission(t *testing.T) {
	e := newMailEnv(t)
	ctx := context.Background()
	n, core, call := networkWithCall(t, e, 1)
	member := e.as(cdoatlas.UserMember)
	first := &cdoatlas.Application{CallID: call.ID, PersonName: "Erste Person", Email: member.user.Email, OrganizationName: "Astadt",
		Kind: "municipality", Country: "DE", Title: "CDO", Tasks: mailTasks, Consent: true}
	second := &cdoatlas.Application{CallID: call.ID, PersonName: "Zweite Person", Email: "zweite@example.org", OrganizationName: "Bstadt",
		Kind: "municipality", Country: "DE", Title: "CDO", Tasks: mailTasks, Consent: true}
	for _, a := range []*cdoatlas.Application{first, second} {
		if _, err := createApplication(ctx, e.store, a); err != nil {
			t.Fatal(err)
		}
	}
	coord := e.coordinator(n.ID)
	proposal := fmt.Sprintf("/calls/%d/proposal", call.ID)
	wantText(t, coord.follow(coord.submit(proposal, fmt.Sprintf("/applications/%d/decide", first.ID), url.Values{"action": {"admit"}})), "Entscheidung gespeichert.")
	if err := e.store.Decide(ctx, second.ID, cdoatlas.DecisionWaitlist, 0, ""); err != nil {
		t.Fatal(err)
	}
	e.deliver()
	m := e.lastMail(first.Email)
	if !strings.HasPrefix(m.Subject, "Willkommen im Netzwerk CDO-Kreis Süd") ||
		!strings.Contains(m.Body, "Sie sind in den Kreis „Kernkreis“ des Netzwerks „CDO-Kreis Süd“ aufgenommen.") ||
		!strings.Contains(m.Body, "you have been admitted to the circle “Kernkreis”") {
		t.Errorf("admission mail %q:\n%s", m.Subject, m.Body)
	}

	// The member leaves: the seat is offered to the second at once.
	ms, _ := e.store.FindMemberships(ctx, core.ID, false)
	member.follow(member.submit("/members", fmt.Sprintf("/members/%d/leave", ms[0].ID), url.Values{"reason": {"Wechsel"}}))
	e.deliver()
	m = e.lastMail(second.Email)
	o, err := e.store.FindOpenOffer(ctx, second.ID)
	if err != nil {
		t.Fatal(err)
	}
	deadline := o.ExpiresAt.UTC().Format("02.01.2006")
	if !strings.HasPrefix(m.Subject, "Ein Platz für Sie: CDO-Kreis Süd") || !strings.Contains(m.Body, "Bitte antworten Sie bis zum "+deadline) ||
		!strings.Contains(m.Body, "Please answer by "+o.ExpiresAt.UTC().Format("2006-01-02")) {
		t.Errorf("offer mail %q:\n%s", m.Subject, m.Body)
	}
	// The offer's link leads to the seat; taking it sends the admission.
	link := linkIn(t, m, "/applications/")
	anon := e.anon()
	wantText(t, anon.get(link), "Ihnen wird ein Platz im Kreis angeboten.")
	wantText(t, anon.follow(anon.submit(link, link, url.Values{"answer": {"accept"}})), "Aufgenommen.")
	e.deliver()
	if m := e.lastMail(second.Email); !strings.HasPrefix(m.Subject, "Willkommen im Netzwerk") {
		t.Errorf("after accepting: %q", m.Subject)
	}
	// A decline is told too.
	third := &cdoatlas.Application{CallID: call.ID, PersonName: "Dritte Person", Email: "dritte@example.org", OrganizationName: "Cstadt",
		Kind: "municipality", Country: "DE", Title: "CDO", Tasks: mailTasks, Consent: true}
	if _, err := createApplication(ctx, e.store, third); err != nil {
		t.Fatal(err)
	}
	coord.follow(coord.submit(proposal, fmt.Sprintf("/applications/%d/decide", third.ID), url.Values{"action": {"decline"}}))
	e.deliver()
	if m := e.lastMail(third.Email); !strings.HasPrefix(m.Subject, "Antwort auf Ihre Bewerbung") || !strings.Contains(m.Body, "Leider können wir Ihre Bewerbung") {
		t.Errorf("decline mail %q:\n%s", m.Subject, m.Body)
	}
}

// TestMailAdminView: without a mail server the mail goes to the log and
// admins see it as not sent; a refused one as failed with the server's
// error, and both can be sent again. Only admins see the outbox.
func TestMailAdminView(t *testing.T) {
	e := newMailEnv(t)
	ctx := context.Background()
	_, _, call := networkWithCall(t, e, 40)
	a := &cdoatlas.Application{CallID: call.ID, PersonName: "Erika Beispiel", Email: "erika@example.org", OrganizationName: "Astadt",
		Kind: "municipality", Country: "DE", Title: "CDO", Tasks: mailTasks, Consent: true}
	if _, err := createApplication(ctx, e.store, a); err != nil {
		t.Fatal(err)
	}
	server := e.sender.SMTP
	e.sender.SMTP = nil // not configured
	if r := e.deliver(); r.Unsent != 1 {
		t.Fatalf("unconfigured: %+v", r)
	}
	for _, want := range []string{"no SMTP server configured", "erika@example.org", mailBase + "/applications/"} {
		if !strings.Contains(e.mailLog.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, e.mailLog)
		}
	}
	admin := e.as(cdoatlas.UserAdmin)
	w := admin.get("/admin/mail")
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "E-Mail-Ausgang", "Es ist kein Mailserver eingerichtet", "erika@example.org",
		"Ihre Bewerbung: Aufruf Kernkreis 2027", "Bewerbung eingegangen", "nicht gesendet – kein Mailserver eingerichtet", "Erneut senden")
	body := w.Body.String()
	for _, want := range []string{`<caption id="mail-caption">`, `<th scope="col">Stand</th>`, `<th scope="row">`} {
		if !strings.Contains(body, want) {
			t.Errorf("the table lacks %s", want)
		}
	}
	for _, b := range []*browser{e.as(cdoatlas.UserEditor), e.as(cdoatlas.UserMember)} {
		if w := b.get("/admin/mail"); w.Code != http.StatusForbidden {
			t.Errorf("%s: %d", b.user.Role, w.Code)
		}
	}
	if w := e.anon().get("/admin/mail"); w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/login") {
		t.Errorf("anonymous: %d %s", w.Code, w.Header().Get("Location"))
	}

	// Send again, to a server that refuses for good: failed, with its
	// error for the admin.
	ms, _, _ := e.store.FindMails(ctx, cdoatlas.MailFilter{})
	resend := fmt.Sprintf("/admin/mail/%d/resend", ms[0].ID)
	if w := e.as(cdoatlas.UserEditor).submit("/calls", resend, nil); w.Code != http.StatusForbidden {
		t.Errorf("an editor sends again: %d", w.Code)
	}
	wantText(t, admin.follow(admin.submit("/admin/mail", resend, nil)), "Die E-Mail wird erneut gesendet.", "in der Warteschlange")
	e.sender.SMTP = server
	e.smtp.Refuse(550)
	if r := e.deliver(); r.Failed != 1 {
		t.Fatalf("refused: %+v", r)
	}
	w = admin.get("/admin/mail?state=failed")
	wantText(t, w, "fehlgeschlagen", "RCPT TO: 550", "Erneut senden")
	wantText(t, admin.follow(admin.submit("/admin/mail?state=failed", resend, url.Values{"state": {"failed"}})), "Die E-Mail wird erneut gesendet.")
	if r := e.deliver(); r.Sent != 1 || len(e.smtp.Find("erika@example.org")) != 1 {
		t.Fatalf("sent at last: %+v", r)
	}
	w = admin.get("/admin/mail?state=sent")
	wantText(t, w, "erika@example.org", "gesendet")
	wantNoText(t, w, "Erneut senden")
	wantText(t, admin.follow(admin.submit("/admin/mail", resend, nil)), "Diese E-Mail kann nicht erneut gesendet werden.")
	wantText(t, admin.get("/admin/mail?state=queued"), "Keine E-Mails.")
	// English too.
	admin.cookies[langCookie] = "en"
	wantText(t, admin.get("/admin/mail"), "Outgoing mail", "Application received", "sent")
}

// TestMailApplicationRepeated: a second application to the call from the
// same address stores nothing; the page says so without showing the first
// application, and a new link to the first one goes to the address.
func TestMailApplicationRepeated(t *testing.T) {
	e := newMailEnv(t)
	_, _, call := networkWithCall(t, e, 40)
	anon := e.anon()
	callPath := fmt.Sprintf("/calls/%d", call.ID)
	apply := func(name, email string) *httptest.ResponseRecorder {
		return anon.submit(callPath, callPath, url.Values{"person_name": {name}, "email": {email},
			"organization_name": {"Musterstadt"}, "kind": {"municipality"}, "country": {"DE"}, "title": {"Chief Digital Officer"},
			"tasks": {mailTasks}, "consent": {"1"}})
	}
	wantCode(t, apply("Erika Beispiel", "erika@example.org"), http.StatusSeeOther)
	e.deliver()
	first := linkIn(t, e.lastMail("erika@example.org"), "/applications/")

	w := apply("Jemand Fremdes", "ERIKA@example.org")
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Mit dieser E-Mail-Adresse liegt bereits eine Bewerbung auf diesen Aufruf vor.")
	if body := w.Body.String(); strings.Contains(body, "Erika") || strings.Contains(body, "/applications/") {
		t.Errorf("the page shows the first application:\n%s", body)
	}
	if apps, _ := e.store.FindApplications(context.Background(), call.ID); len(apps) != 1 || apps[0].PersonName != "Erika Beispiel" {
		t.Fatalf("applications: %+v", apps)
	}
	if r := e.deliver(); r.Sent != 1 {
		t.Fatalf("delivery %+v; log:\n%s", r, e.mailLog)
	}
	again := linkIn(t, e.lastMail("erika@example.org"), "/applications/")
	if again == first {
		t.Error("the mail carries the first link again")
	}
	wantText(t, anon.get(again), "Stand Ihrer Bewerbung", "Eingegangen: Ihre Aufgaben erfüllen die Kriterien.")
}
