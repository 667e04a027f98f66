package cdoatlas_test

import (
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

func TestMailRetryDelay(t *testing.T) {
	want := []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour}
	var total time.Duration
	for i, w := range want {
		got, again := cdoatlas.MailRetryDelay(i + 1)
		if got != w || !again {
			t.Errorf("after attempt %d: %v, %v; want %v", i+1, got, again, w)
		}
		total += got
	}
	if _, again := cdoatlas.MailRetryDelay(len(want) + 1); again || cdoatlas.MaxMailAttempts != len(want)+1 {
		t.Errorf("attempt %d of %d is retried", len(want)+1, cdoatlas.MaxMailAttempts)
	}
	if total < 40*time.Hour || total > 3*24*time.Hour {
		t.Errorf("a mail is tried for %v; about two days are meant", total)
	}
}

func TestMailValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		mail  cdoatlas.Mail
		field string // "" when valid
	}{
		{"OK", cdoatlas.Mail{Kind: "admitted", To: " Erika@Example.org", Subject: "Willkommen", Body: "Hallo\nWelt"}, ""},
		{"ErrTo", cdoatlas.Mail{Kind: "admitted", To: "Erika <erika@example.org>", Subject: "x", Body: "x"}, "to"},
		{"ErrSubjectLine", cdoatlas.Mail{Kind: "admitted", To: "a@example.org", Subject: "Bcc: x\r\nmehr", Body: "x"}, "subject"},
		{"ErrSubjectEmpty", cdoatlas.Mail{Kind: "admitted", To: "a@example.org", Subject: " ", Body: "x"}, "subject"},
		{"ErrBody", cdoatlas.Mail{Kind: "admitted", To: "a@example.org", Subject: "x", Body: "\n"}, "body"},
		{"ErrKind", cdoatlas.Mail{To: "a@example.org", Subject: "x", Body: "x"}, "kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.mail.Validate()
			if tc.field == "" {
				if err != nil || tc.mail.To != "erika@example.org" {
					t.Fatalf("%v, to %q", err, tc.mail.To)
				}
				return
			}
			e, ok := err.(*cdoatlas.Error)
			if !ok || e.Code != cdoatlas.EINVALID || e.Fields[tc.field] == "" {
				t.Fatalf("error %v, want one for %s", err, tc.field)
			}
		})
	}
}
