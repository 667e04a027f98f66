package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	"github.com/cdoatlas/cdoatlas/mail"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/web"
)

// mailConfig reads the mail settings of serve from the environment:
// $CDOATLAS_SMTP_URL and $CDOATLAS_MAIL_FROM (no server when the URL is
// unset) and $CDOATLAS_BASE_URL, the public address that links in mails
// start with ("" when unset).
func (m *Main) mailConfig() (*mail.SMTP, string, error) {
	smtp, err := mail.Configure(m.Getenv("CDOATLAS_SMTP_URL"), m.Getenv("CDOATLAS_MAIL_FROM"))
	if err != nil {
		return nil, "", err
	}
	base := strings.TrimRight(strings.TrimSpace(m.Getenv("CDOATLAS_BASE_URL")), "/")
	if base != "" {
		u, err := url.Parse(base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return nil, "", fmt.Errorf("CDOATLAS_BASE_URL must be an http:// or https:// address such as https://atlas.example.org, got %q", base)
		}
	}
	return smtp, base, nil
}

// startMail lets the store write mails with links under base (the address
// serve listens on when empty) and starts the sender, which runs until ctx
// ends; the returned channel closes then.
func startMail(ctx context.Context, db *sqldb.DB, smtp *mail.SMTP, base, listening string, logger *slog.Logger) <-chan struct{} {
	if base == "" {
		base = "http://" + listening
		logger.Info("links in mails point at the address served; set CDOATLAS_BASE_URL to the public one", "base_url", base)
	}
	db.Letters = web.NewLetters(base)
	if smtp == nil {
		logger.Warn("no SMTP server configured (CDOATLAS_SMTP_URL): mails are written to the log and kept as not sent")
	} else {
		logger.Info("mail", "smtp", smtp.String(), "from", smtp.From.String())
	}
	sender := &mail.Sender{Store: db, SMTP: smtp, Logger: logger}
	done := make(chan struct{})
	go func() {
		defer close(done)
		sender.Run(ctx, 0)
	}()
	return done
}
