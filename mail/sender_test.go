package mail_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"log/slog"
	"net"
	netmail "net/mail"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/mail"
	"github.com/cdoatlas/cdoatlas/mail/mailtest"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

var ctx = context.Background()

// clock is the store's time, moved on by the tests.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func setClock(db *sqldb.DB) *clock {
	c := &clock{now: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	db.Now = c.Now
	return c
}

// smtpFor returns the configuration that reaches the test server.
func smtpFor(t *testing.T, srv *mailtest.Server) *mail.SMTP {
	t.Helper()
	host, port, err := net.SplitHostPort(srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	return &mail.SMTP{Host: host, Port: port, From: &netmail.Address{Name: "cdoatlas Büro", Address: "atlas@example.org"},
		TLSConfig: &tls.Config{RootCAs: srv.RootCAs}, Timeout: 10 * time.Second}
}

func newSender(db *sqldb.DB, smtp *mail.SMTP, log *bytes.Buffer) *mail.Sender {
	if log == nil {
		log = &bytes.Buffer{}
	}
	return &mail.Sender{Store: db, SMTP: smtp, Logger: slog.New(slog.NewTextHandler(log, nil))}
}

func queue(t *testing.T, db *sqldb.DB, to, subject, body string) *cdoatlas.Mail {
	t.Helper()
	m := &cdoatlas.Mail{Kind: cdoatlas.MailAdmitted, To: to, Subject: subject, Body: body}
	if err := db.QueueMail(ctx, m); err != nil {
		t.Fatal(err)
	}
	return m
}

func findMail(t *testing.T, db *sqldb.DB, id int64) *cdoatlas.Mail {
	t.Helper()
	all, _, err := db.FindMails(ctx, cdoatlas.MailFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("mail %d is not in the outbox", id)
	return nil
}

func sendDue(t *testing.T, s *mail.Sender) mail.Result {
	t.Helper()
	r, err := s.SendDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A server that answers 451 (try again later) twice gets the mail on the
// third attempt, after the waits of the backoff; the message reads as
// written, umlauts and long lines included.
func TestSendRetriesUntilDelivered(t *testing.T) {
	db := sqldbtest.Open(t)
	c := setClock(db)
	srv := mailtest.Start(t, mailtest.Options{})
	srv.Refuse(451, 451)
	s := newSender(db, smtpFor(t, srv), nil)
	long := strings.Repeat("Digitalisierung über Ämtergrenzen hinweg ", 10)
	m := queue(t, db, "erika@example.org", "Willkommen im Netzwerk „Süd“ – Größe GK1", "Guten Tag Erika,\n\n"+long+"\n.\nEnde")

	if r := sendDue(t, s); r.Retrying != 1 || r.Sent != 0 {
		t.Fatalf("first pass %+v", r)
	}
	got := findMail(t, db, m.ID)
	if got.State != cdoatlas.MailRetrying || got.Attempts != 1 || !strings.Contains(got.LastError, "451") || !got.NextAttemptAt.Equal(c.Now().Add(time.Minute)) {
		t.Fatalf("after the first refusal: %+v", got)
	}
	if r := sendDue(t, s); r != (mail.Result{}) {
		t.Fatalf("tried again before the wait: %+v", r)
	}
	c.add(time.Minute)
	if r := sendDue(t, s); r.Retrying != 1 {
		t.Fatalf("second pass %+v", r)
	}
	c.add(4 * time.Minute)
	if r := sendDue(t, s); r != (mail.Result{}) {
		t.Fatalf("the second wait is 5 minutes, tried after 4: %+v", r)
	}
	c.add(time.Minute)
	if r := sendDue(t, s); r.Sent != 1 {
		t.Fatalf("third pass %+v", r)
	}
	if n := srv.Attempts(); n != 3 {
		t.Errorf("%d attempts at the server, want 3", n)
	}
	got = findMail(t, db, m.ID)
	if got.State != cdoatlas.MailSent || got.Attempts != 3 || got.Body != "" || got.LastError != "" {
		t.Errorf("after delivery: %+v", got)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(msgs))
	}
	msg := msgs[0]
	if msg.From != "atlas@example.org" || len(msg.To) != 1 || msg.To[0] != "erika@example.org" {
		t.Errorf("envelope %s → %v", msg.From, msg.To)
	}
	if msg.Subject != m.Subject {
		t.Errorf("subject %q, want %q", msg.Subject, m.Subject)
	}
	if strings.TrimSuffix(msg.Body, "\n") != m.Body {
		t.Errorf("body %q, want %q", msg.Body, m.Body)
	}
	from, err := msg.Header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Name != "cdoatlas Büro" {
		t.Errorf("From %v, %v", from, err)
	}
	if msg.Header.Get("Auto-Submitted") != "auto-generated" || !strings.HasSuffix(msg.Header.Get("Message-ID"), "@example.org>") {
		t.Errorf("headers %v", msg.Header)
	}
	header, body, _ := strings.Cut(string(msg.Raw), "\r\n\r\n")
	for i, line := range strings.Split(header+"\r\n\r\n"+body, "\r\n") {
		if max := 998; i > strings.Count(header, "\r\n") {
			max = 76 // quoted-printable keeps the body's lines short
			if len(line) > max {
				t.Errorf("body line of %d characters: %q", len(line), line)
			}
		} else if len(line) > max {
			t.Errorf("header line of %d characters: %q", len(line), line)
		}
	}
}

// A refusal for good (550: no such user) fails at once; a server that
// refuses every time gets MaxMailAttempts tries.
func TestSendFails(t *testing.T) {
	db := sqldbtest.Open(t)
	c := setClock(db)
	srv := mailtest.Start(t, mailtest.Options{})
	s := newSender(db, smtpFor(t, srv), nil)

	srv.Refuse(550)
	m := queue(t, db, "gone@example.org", "Absage", "Leider")
	if r := sendDue(t, s); r.Failed != 1 {
		t.Fatalf("550: %+v", r)
	}
	if got := findMail(t, db, m.ID); got.State != cdoatlas.MailFailed || got.Attempts != 1 || !strings.Contains(got.LastError, "RCPT TO: 550") {
		t.Fatalf("after 550: %+v", got)
	}

	codes := make([]int, cdoatlas.MaxMailAttempts)
	for i := range codes {
		codes[i] = 421
	}
	srv.Refuse(codes...)
	m = queue(t, db, "busy@example.org", "Aufnahme", "Willkommen")
	for i := 1; i <= cdoatlas.MaxMailAttempts; i++ {
		r := sendDue(t, s)
		got := findMail(t, db, m.ID)
		if got.Attempts != i {
			t.Fatalf("attempt %d: %+v (%+v)", i, got, r)
		}
		if i < cdoatlas.MaxMailAttempts && got.State != cdoatlas.MailRetrying {
			t.Fatalf("attempt %d: state %s", i, got.State)
		}
		c.add(24 * time.Hour)
	}
	if got := findMail(t, db, m.ID); got.State != cdoatlas.MailFailed {
		t.Fatalf("after %d attempts: %+v", cdoatlas.MaxMailAttempts, got)
	}
	if len(srv.Messages()) != 0 {
		t.Error("a refused mail arrived")
	}
}

// Without a mail server every mail goes to the log, whole, and stays as
// unsent until an admin sends it again once a server is there.
func TestSendWithoutServer(t *testing.T) {
	db := sqldbtest.Open(t)
	setClock(db)
	var log bytes.Buffer
	m := queue(t, db, "erika@example.org", "Ihre Bewerbung", "Ihr Link: https://atlas.example.org/applications/geheim")
	if r := sendDue(t, newSender(db, nil, &log)); r.Unsent != 1 {
		t.Fatalf("pass %+v", r)
	}
	for _, want := range []string{"no SMTP server configured", "erika@example.org", "Ihre Bewerbung", "/applications/geheim"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
	if got := findMail(t, db, m.ID); got.State != cdoatlas.MailUnsent || got.Body == "" {
		t.Fatalf("unsent: %+v", got)
	}
	if err := db.ResendMail(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	srv := mailtest.Start(t, mailtest.Options{})
	if r := sendDue(t, newSender(db, smtpFor(t, srv), nil)); r.Sent != 1 || len(srv.Find("erika@example.org")) != 1 {
		t.Fatalf("sent again: %+v, %d messages", r, len(srv.Messages()))
	}
}

// A new server on the same database sends what was queued before, and what
// a sender had claimed when it stopped, once its lease ran out.
func TestSendAfterRestart(t *testing.T) {
	path := "sqlite:" + filepath.Join(t.TempDir(), "cdoatlas.db")
	open := func() *sqldb.DB {
		db, err := sqldb.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return db
	}
	db := open()
	c := setClock(db)
	claimed := queue(t, db, "a@example.org", "Zuerst", "eins")
	if got, err := db.ClaimMails(ctx, 1, 5*time.Minute); err != nil || len(got) != 1 {
		t.Fatalf("claim: %v, %v", got, err)
	}
	waiting := queue(t, db, "b@example.org", "Danach", "zwei")
	db.Close() // stops without a word, mid-send

	db = open()
	defer db.Close()
	db.Now = c.Now
	srv := mailtest.Start(t, mailtest.Options{})
	s := newSender(db, smtpFor(t, srv), nil)
	if r := sendDue(t, s); r.Sent != 1 || len(srv.Find("b@example.org")) != 1 {
		t.Fatalf("after the restart: %+v, %d messages", r, len(srv.Messages()))
	}
	c.add(5 * time.Minute)
	if r := sendDue(t, s); r.Sent != 1 || len(srv.Find("a@example.org")) != 1 {
		t.Fatalf("after the lease: %+v, %d messages", r, len(srv.Messages()))
	}
	for _, m := range []*cdoatlas.Mail{claimed, waiting} {
		if got := findMail(t, db, m.ID); got.State != cdoatlas.MailSent {
			t.Errorf("%s: %s", m.Subject, got.State)
		}
	}
}

// Two senders at once, as on two instances of one database, deliver each
// mail exactly once.
func TestTwoSendersDeliverOnce(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		const n = 40
		for i := range n {
			queue(t, db, "p"+string(rune('a'+i%26))+"@example.org", "Nachricht", "Nummer "+string(rune('A'+i)))
		}
		srv := mailtest.Start(t, mailtest.Options{})
		var wg sync.WaitGroup
		results := make([]mail.Result, 2)
		for i := range results {
			s := newSender(db, smtpFor(t, srv), nil)
			s.Batch = 3
			wg.Go(func() {
				r, err := s.SendDue(ctx)
				if err != nil {
					t.Error(err)
				}
				results[i] = r
			})
		}
		wg.Wait()
		if got := results[0].Sent + results[1].Sent; got != n {
			t.Errorf("senders sent %d + %d, want %d", results[0].Sent, results[1].Sent, n)
		}
		seen := map[string]int{}
		for _, m := range srv.Messages() {
			seen[m.Header.Get("Message-ID")]++
		}
		if len(seen) != n || srv.Attempts() != n {
			t.Errorf("%d distinct messages in %d attempts, want %d", len(seen), srv.Attempts(), n)
		}
		for id, k := range seen {
			if k != 1 {
				t.Errorf("%s delivered %d times", id, k)
			}
		}
		if _, sent, _ := db.FindMails(ctx, cdoatlas.MailFilter{State: cdoatlas.MailSent}); sent != n {
			t.Errorf("%d sent in the outbox, want %d", sent, n)
		}
	})
}

// STARTTLS when offered, and the login only over TLS; smtps speaks TLS
// from the start.
func TestSendTLSAndLogin(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts mailtest.Options
	}{
		{"STARTTLS", mailtest.Options{TLS: true, Username: "atlas", Password: "s3cret:/@"}},
		{"implicit", mailtest.Options{ImplicitTLS: true, Username: "atlas", Password: "s3cret:/@"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := sqldbtest.Open(t)
			c := setClock(db)
			srv := mailtest.Start(t, tc.opts)
			conf := smtpFor(t, srv)
			conf.ImplicitTLS = tc.opts.ImplicitTLS
			conf.Username, conf.Password = "atlas", "wrong"
			m := queue(t, db, "erika@example.org", "Hallo", "Welt")
			if r := sendDue(t, newSender(db, conf, nil)); r.Retrying != 1 {
				t.Fatalf("wrong password: %+v", r)
			}
			if got := findMail(t, db, m.ID); !strings.Contains(got.LastError, "AUTH") || strings.Contains(got.LastError, "wrong") {
				t.Errorf("last error %q", got.LastError)
			}
			c.add(time.Minute)
			conf.Password = tc.opts.Password
			if r := sendDue(t, newSender(db, conf, nil)); r.Sent != 1 || len(srv.Messages()) != 1 {
				t.Fatalf("right password: %+v", r)
			}
		})
	}
}

func TestConfigure(t *testing.T) {
	for _, tc := range []struct {
		name, url, from string
		want            *mail.SMTP // nil with wantErr: an error
		wantErr         string
	}{
		{name: "none", url: "", from: ""},
		{name: "submission", url: "smtp://atlas:p%40ss@mail.example.org", from: "cdoatlas <atlas@example.org>",
			want: &mail.SMTP{Host: "mail.example.org", Port: "587", Username: "atlas", Password: "p@ss"}},
		{name: "implicit TLS", url: "smtps://mail.example.org", from: "atlas@example.org",
			want: &mail.SMTP{Host: "mail.example.org", Port: "465", ImplicitTLS: true}},
		{name: "relay", url: "smtp://127.0.0.1:25", from: "atlas@example.org", want: &mail.SMTP{Host: "127.0.0.1", Port: "25"}},
		{name: "ErrScheme", url: "http://atlas:geheim@mail.example.org", from: "a@example.org", wantErr: "smtp://"},
		{name: "ErrFrom", url: "smtp://atlas:geheim@mail.example.org", from: "", wantErr: "CDOATLAS_MAIL_FROM"},
		{name: "ErrBadFrom", url: "smtp://atlas:geheim@mail.example.org", from: "kein Absender", wantErr: "CDOATLAS_MAIL_FROM"},
		{name: "ErrURL", url: "smtp://atlas:geheim@mail.example.org:port", from: "a@example.org", wantErr: "CDOATLAS_SMTP_URL"},
		{name: "ErrPath", url: "smtp://atlas:geheim@mail.example.org/x?y", from: "a@example.org", wantErr: "CDOATLAS_SMTP_URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := mail.Configure(tc.url, tc.from)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || strings.Contains(err.Error(), "geheim") {
					t.Fatalf("error %v, want one about %s without the password", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil {
				if got != nil {
					t.Fatalf("got %+v, want no server", got)
				}
				return
			}
			if got.Host != tc.want.Host || got.Port != tc.want.Port || got.ImplicitTLS != tc.want.ImplicitTLS ||
				got.Username != tc.want.Username || got.Password != tc.want.Password || got.From.Address == "" {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			if strings.Contains(got.String(), "p@ss") || strings.Contains(got.String(), "p%40ss") {
				t.Errorf("String shows the password: %s", got)
			}
		})
	}
}
