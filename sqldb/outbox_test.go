package sqldb_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// plainLetters writes bare mails that carry the link secrets, so that the
// tests can follow them as a recipient would.
type plainLetters struct{}

func (plainLetters) ApplicationMail(n *cdoatlas.ApplicationNotice) *cdoatlas.Mail {
	return &cdoatlas.Mail{To: n.Application.Email, Subject: n.Kind + " " + n.CallTitle,
		Body: "secret=" + n.Secret + "\nexpires=" + n.Expires.Format(time.RFC3339) + "\ncircle=" + n.CircleName + "\nnetwork=" + n.NetworkName}
}

func (plainLetters) PasswordResetMail(to, lang, token string, expires time.Time) *cdoatlas.Mail {
	return &cdoatlas.Mail{To: to, Subject: "reset " + lang, Body: "secret=" + token}
}

func (plainLetters) DataLinkMail(to, lang, token string, expires time.Time) *cdoatlas.Mail {
	return &cdoatlas.Mail{To: to, Subject: "data " + lang, Body: "secret=" + token}
}

// secretIn returns the secret a plainLetters mail carries.
func secretIn(t *testing.T, m *cdoatlas.Mail) string {
	t.Helper()
	_, rest, ok := strings.Cut(m.Body, "secret=")
	secret, _, _ := strings.Cut(rest, "\n")
	if !ok || secret == "" {
		t.Fatalf("mail %q carries no secret: %q", m.Subject, m.Body)
	}
	return secret
}

// mailsTo returns the outbox's mails to the address, oldest first.
func mailsTo(t *testing.T, db *sqldb.DB, to string) []*cdoatlas.Mail {
	t.Helper()
	all, _, err := db.FindMails(ctx, cdoatlas.MailFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []*cdoatlas.Mail
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].To == to {
			out = append(out, all[i])
		}
	}
	return out
}

func TestOutboxClaimRetryAndLease(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		m := &cdoatlas.Mail{Kind: cdoatlas.MailAdmitted, To: " Erika@Example.org ", Subject: "Willkommen", Body: "Hallo"}
		if err := db.QueueMail(ctx, m); err != nil {
			t.Fatal(err)
		}
		if m.To != "erika@example.org" || m.State != cdoatlas.MailQueued {
			t.Errorf("queued %+v", m)
		}
		wantCode(t, db.QueueMail(ctx, &cdoatlas.Mail{Kind: "x", To: "no address", Subject: "a\nb", Body: "x"}), cdoatlas.EINVALID)

		got, err := db.ClaimMails(ctx, 5, time.Minute)
		if err != nil || len(got) != 1 || got[0].ID != m.ID || got[0].Attempts != 1 || got[0].State != cdoatlas.MailSending || got[0].Body != "Hallo" {
			t.Fatalf("claim: %+v, %v", got, err)
		}
		// Claimed: no other sender gets it while the lease lasts.
		if again, err := db.ClaimMails(ctx, 5, time.Minute); err != nil || len(again) != 0 {
			t.Fatalf("claimed twice: %+v, %v", again, err)
		}
		// The first attempt fails: retried after the wait, not before.
		if err := db.FinishMail(ctx, m.ID, 1, cdoatlas.MailOutcome{State: cdoatlas.MailRetrying, Error: "451 4.7.1 try\r\nlater", RetryIn: 5 * time.Minute}); err != nil {
			t.Fatal(err)
		}
		ms, _, _ := db.FindMails(ctx, cdoatlas.MailFilter{State: cdoatlas.MailRetrying})
		if len(ms) != 1 || ms[0].LastError != "451 4.7.1 try later" || !ms[0].NextAttemptAt.Equal(now.Add(5*time.Minute)) {
			t.Fatalf("retrying: %+v", ms)
		}
		now = now.Add(4 * time.Minute)
		if again, _ := db.ClaimMails(ctx, 5, time.Minute); len(again) != 0 {
			t.Fatal("claimed before its retry was due")
		}
		now = now.Add(time.Minute)
		got, err = db.ClaimMails(ctx, 5, time.Minute)
		if err != nil || len(got) != 1 || got[0].Attempts != 2 {
			t.Fatalf("retry claim: %+v, %v", got, err)
		}
		// The sender stops without a word: after the lease another takes
		// the mail, and the first can no longer record an outcome.
		now = now.Add(time.Minute)
		got, err = db.ClaimMails(ctx, 5, time.Minute)
		if err != nil || len(got) != 1 || got[0].Attempts != 3 {
			t.Fatalf("claim after the lease: %+v, %v", got, err)
		}
		wantCode(t, db.FinishMail(ctx, m.ID, 2, cdoatlas.MailOutcome{State: cdoatlas.MailSent}), cdoatlas.ECONFLICT)
		if err := db.FinishMail(ctx, m.ID, 3, cdoatlas.MailOutcome{State: cdoatlas.MailSent}); err != nil {
			t.Fatal(err)
		}
		ms, total, _ := db.FindMails(ctx, cdoatlas.MailFilter{State: cdoatlas.MailSent})
		if total != 1 || ms[0].Body != "" || !ms[0].SentAt.Equal(now) || ms[0].LastError != "" {
			t.Fatalf("sent: %+v (%d)", ms, total)
		}
		wantCode(t, db.ResendMail(ctx, m.ID), cdoatlas.ECONFLICT)
		wantCode(t, db.ResendMail(ctx, m.ID+100), cdoatlas.ENOTFOUND)
	})
}

func TestOutboxFailedResendAndExpiry(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		failed := &cdoatlas.Mail{Kind: cdoatlas.MailDeclined, To: "a@example.org", Subject: "Absage", Body: "Leider"}
		expiring := &cdoatlas.Mail{Kind: cdoatlas.MailPasswordReset, To: "b@example.org", Subject: "Reset", Body: "Link", ExpiresAt: now.Add(time.Hour)}
		for _, m := range []*cdoatlas.Mail{failed, expiring} {
			if err := db.QueueMail(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.ClaimMails(ctx, 1, time.Minute)
		if err != nil || len(got) != 1 || got[0].ID != failed.ID {
			t.Fatalf("claim one, the oldest: %+v, %v", got, err)
		}
		if err := db.FinishMail(ctx, failed.ID, 1, cdoatlas.MailOutcome{State: cdoatlas.MailFailed, Error: "550 no such user"}); err != nil {
			t.Fatal(err)
		}
		// The reset link's mail waits past its hour: it fails unsent.
		now = now.Add(2 * time.Hour)
		if got, err := db.ClaimMails(ctx, 5, time.Minute); err != nil || len(got) != 0 {
			t.Fatalf("an expired mail was claimed: %+v, %v", got, err)
		}
		ms, _, _ := db.FindMails(ctx, cdoatlas.MailFilter{State: cdoatlas.MailFailed})
		if len(ms) != 2 || ms[0].ID != expiring.ID || ms[0].LastError != cdoatlas.MailExpired || ms[0].Attempts != 0 {
			t.Fatalf("failed mails: %+v", ms)
		}
		wantCode(t, db.ResendMail(ctx, expiring.ID), cdoatlas.ECONFLICT)
		// A failed mail is sent again on an admin's word, attempts anew.
		if err := db.ResendMail(ctx, failed.ID); err != nil {
			t.Fatal(err)
		}
		got, err = db.ClaimMails(ctx, 5, time.Minute)
		if err != nil || len(got) != 1 || got[0].ID != failed.ID || got[0].Attempts != 1 || got[0].LastError != "" {
			t.Fatalf("claim after resend: %+v, %v", got, err)
		}
		// Paging, newest first.
		page, total, err := db.FindMails(ctx, cdoatlas.MailFilter{Limit: 1, Offset: 1})
		if err != nil || total != 2 || len(page) != 1 || page[0].ID != failed.ID {
			t.Fatalf("page 2 of 1: %+v (%d), %v", page, total, err)
		}
		// Finished mails go after MailKeep; one still being sent stays.
		now = now.Add(cdoatlas.MailKeep)
		if n, err := db.PruneMails(ctx, cdoatlas.MailKeep); err != nil || n != 1 {
			t.Fatalf("pruned %d, %v", n, err)
		}
		if left, total, _ := db.FindMails(ctx, cdoatlas.MailFilter{}); total != 1 || left[0].ID != failed.ID {
			t.Fatalf("left after pruning: %+v", left)
		}
	})
}

func TestApplicationMails(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Now()
		db.Now = func() time.Time { return now }
		db.Letters = plainLetters{}
		_, apps, ms := fullCircle(t, db)
		// Each applicant has the confirmation, and its link opens the
		// application.
		for _, a := range apps {
			got := mailsTo(t, db, a.Email)
			if len(got) == 0 || got[0].Kind != cdoatlas.MailApplicationReceived || got[0].Subject != "application_received Aufruf" {
				t.Fatalf("mails to %s: %+v", a.Email, got)
			}
			if found, err := db.FindApplicationBySecret(ctx, secretIn(t, got[0])); err != nil || found.ID != a.ID {
				t.Fatalf("the confirmation's link: %+v, %v", found, err)
			}
		}
		for _, a := range apps[:2] {
			if got := mailsTo(t, db, a.Email); len(got) != 2 || got[1].Kind != cdoatlas.MailAdmitted || !strings.Contains(got[1].Body, "circle=Kern") {
				t.Fatalf("admitted: %+v", got)
			}
		}
		// A seat comes free: the offer's mail brings a further link that
		// opens the same application, and the deadline.
		if err := db.Leave(ctx, ms[0].ID, ""); err != nil {
			t.Fatal(err)
		}
		if offered, _, err := db.RunOffers(ctx, 0); err != nil || offered != 1 {
			t.Fatalf("offered %d, %v", offered, err)
		}
		var offeredTo *cdoatlas.Application
		for _, a := range apps[2:] {
			if got := mailsTo(t, db, a.Email); len(got) == 2 {
				offeredTo = a
				if got[1].Kind != cdoatlas.MailSeatOffered || !strings.Contains(got[1].Body, "expires="+now.Add(cdoatlas.DefaultOfferTime).UTC().Truncate(time.Second).Format(time.RFC3339)[:16]) {
					t.Fatalf("offer mail: %+v", got[1])
				}
				first, offer := secretIn(t, got[0]), secretIn(t, got[1])
				if first == offer {
					t.Error("the offer's link is the first link again")
				}
				if found, err := db.FindApplicationBySecret(ctx, offer); err != nil || found.ID != a.ID {
					t.Fatalf("the offer's link: %+v, %v", found, err)
				}
			}
		}
		if offeredTo == nil {
			t.Fatal("no offer mail")
		}
		// Unanswered, the offer expires: the applicant is told.
		now = now.Add(cdoatlas.DefaultOfferTime + time.Hour)
		if _, expired, err := db.RunOffers(ctx, 0); err != nil || expired != 1 {
			t.Fatalf("expired %d, %v", expired, err)
		}
		if got := mailsTo(t, db, offeredTo.Email); len(got) != 3 || got[2].Kind != cdoatlas.MailOfferExpired {
			t.Fatalf("after the expiry: %+v", got)
		}
		// A decline is told once, not again when it is repeated.
		other := apps[2]
		if other.ID == offeredTo.ID {
			other = apps[3]
		}
		for range 2 {
			if err := db.Decide(ctx, other.ID, cdoatlas.DecisionDecline, 0, ""); err != nil {
				t.Fatal(err)
			}
		}
		if got := mailsTo(t, db, other.Email); got[len(got)-1].Kind != cdoatlas.MailDeclined || len(got) != 3 {
			t.Fatalf("declined: %+v", got)
		}
	})
}

func TestNoLettersNoMails(t *testing.T) {
	db := sqldbtest.Open(t)
	openCall(t, db, 2, 2)
	if _, total, err := db.FindMails(ctx, cdoatlas.MailFilter{}); err != nil || total != 0 {
		t.Fatalf("a store without letters queued %d mails, %v", total, err)
	}
	wantCode(t, db.RequestPasswordReset(ctx, "x@example.org", "de"), cdoatlas.EINTERNAL)
}

func TestApplicationRepeated(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		db.Letters = plainLetters{}
		call, apps := openCall(t, db, 2, 1)
		first := apps[0]
		again := func(email string) (string, error) {
			return createApplication(ctx, db, &cdoatlas.Application{CallID: call.ID, PersonName: "Jemand Anderes", Email: email,
				OrganizationName: "Gemeinde X", Kind: "municipality", Country: "DE", Title: "CDO", Tasks: crossApplication, Consent: true})
		}
		// The same address in other case leads to the first application:
		// nothing is stored, a new link to it is mailed.
		secret, err := again("  P0@Example.ORG ")
		if !errors.Is(err, cdoatlas.ErrApplied) || cdoatlas.ErrorCode(err) != cdoatlas.ECONFLICT || secret != "" {
			t.Fatalf("repeat: %q, %v", secret, err)
		}
		if got, _ := db.FindApplications(ctx, call.ID); len(got) != 1 {
			t.Fatalf("applications after the repeat: %d, want 1", len(got))
		}
		ms := mailsTo(t, db, first.Email)
		if len(ms) != 2 || ms[1].Kind != cdoatlas.MailApplicationReceived {
			t.Fatalf("mails: %+v", ms)
		}
		if secretIn(t, ms[0]) == secretIn(t, ms[1]) {
			t.Error("the repeat's mail carries the first link again")
		}
		if found, err := db.FindApplicationBySecret(ctx, secretIn(t, ms[1])); err != nil || found.ID != first.ID || found.PersonName != "Person 0" {
			t.Fatalf("the repeat's link: %+v, %v", found, err)
		}
		// Two at once from a new address make one application.
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Go(func() { _, errs[i] = again("neu@example.org") })
		}
		wg.Wait()
		stored := 0
		for _, err := range errs {
			if err == nil {
				stored++
			} else if !errors.Is(err, cdoatlas.ErrApplied) {
				t.Fatal(err)
			}
		}
		if got, _ := db.FindApplications(ctx, call.ID); stored != 1 || len(got) != 2 {
			t.Fatalf("concurrent: %d stored, %d applications, want 1 and 2", stored, len(got))
		}
		// After a withdrawal, the address may apply anew.
		if err := db.WithdrawConsent(ctx, first.Email, cdoatlas.ConsentApplication); err != nil {
			t.Fatal(err)
		}
		if _, err := again(first.Email); err != nil {
			t.Fatalf("after the withdrawal: %v", err)
		}
	})
}
