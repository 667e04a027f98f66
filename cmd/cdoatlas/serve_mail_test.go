package main

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas/mail/mailtest"
)

// TestServeMail: serve configured with an SMTP server sends an applicant
// the confirmation, whose link (under the address served, as no base URL
// is set) opens the application.
func TestServeMail(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	a := newApp(t)
	env := map[string]string{"CDOATLAS_SMTP_URL": "smtp://" + srv.Addr, "CDOATLAS_MAIL_FROM": "cdoatlas <atlas@example.org>"}
	a.env = env
	base := a.serve("--demo")

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(base + "/calls/1")
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	page.ReadFrom(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`).FindStringSubmatch(page.String())
	if m == nil {
		t.Fatalf("no form on the call's page: %s", resp.Status)
	}
	resp, err = client.PostForm(base+"/calls/1", url.Values{"csrf_token": {html.UnescapeString(m[1])}, "person_name": {"Erika Beispiel"},
		"email": {"erika@example.org"}, "organization_name": {"Landeshauptstadt München"}, "title": {"Chief Digital Officer"},
		"tasks": {"Ich verantworte die Digitalstrategie der gesamten Stadtverwaltung und koordiniere alle Fachbereiche."}, "consent": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	status, _, _ := strings.Cut(resp.Header.Get("Location"), "?")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(status, "/applications/") {
		t.Fatalf("apply: %s %s", resp.Status, status)
	}
	// The sender looks every 10 seconds.
	deadline := time.Now().Add(30 * time.Second)
	for len(srv.Find("erika@example.org")) == 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	got := srv.Find("erika@example.org")
	if len(got) != 1 {
		t.Fatalf("%d mails to the applicant, want 1", len(got))
	}
	if !strings.Contains(got[0].Body, base+status) {
		t.Errorf("the mail lacks the link %s:\n%s", base+status, got[0].Body)
	}
	if len(srv.Messages()) != 1 {
		t.Errorf("%d mails in all; the demo's applicants get none", len(srv.Messages()))
	}
}

// TestServeMailConfig: a mail configuration that cannot work stops serve
// at once, saying why, and without showing the password.
func TestServeMailConfig(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"CDOATLAS_SMTP_URL": "smtp://atlas:geheim@mail.example.org"}, "CDOATLAS_MAIL_FROM"},
		{map[string]string{"CDOATLAS_SMTP_URL": "imap://atlas:geheim@mail.example.org", "CDOATLAS_MAIL_FROM": "a@example.org"}, "smtp://"},
		{map[string]string{"CDOATLAS_BASE_URL": "atlas.example.org"}, "CDOATLAS_BASE_URL"},
	} {
		a := newApp(t)
		var stdout, stderr bytes.Buffer
		m := &Main{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return tc.env[k] }}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := m.Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", a.db, "--demo"})
		cancel()
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "geheim") {
			t.Errorf("%v: error %v, want one naming %s", tc.env, err, tc.want)
		}
	}
}
