package mail

import (
	"context"
	"log/slog"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Sender delivers the due mails of the outbox. Several senders, in one
// process or on several instances sharing a PostgreSQL database, may run
// at once: each mail is claimed by one (ClaimMails).
type Sender struct {
	Store cdoatlas.MailService
	// SMTP is the mail server; nil when none is configured: each mail is
	// then written to the log and kept as unsent, for an admin to send
	// again once a server is set up.
	SMTP   *SMTP
	Logger *slog.Logger
	// Batch is how many mails a sender claims at once; 0 means 10.
	Batch int
}

// DefaultEvery is how often Run looks for due mails: an applicant waits
// for the confirmation at most about that long.
const DefaultEvery = 10 * time.Second

// Result counts the outcomes of a pass.
type Result struct {
	Sent, Retrying, Failed, Unsent int
}

// Run sends the due mails every interval (DefaultEvery when 0) until ctx
// ends, and once an hour deletes the mails finished MailKeep ago.
func (s *Sender) Run(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = DefaultEvery
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	var pruned time.Time
	for {
		if time.Since(pruned) >= time.Hour {
			if n, err := s.Store.PruneMails(ctx, cdoatlas.MailKeep); err != nil && ctx.Err() == nil {
				s.logger().Error("mail: pruning the outbox", "error", err)
			} else if n > 0 {
				s.logger().Info("mail: old mails deleted from the outbox", "deleted", n)
			}
			pruned = time.Now()
		}
		if r, err := s.SendDue(ctx); err != nil && ctx.Err() == nil {
			s.logger().Error("mail", "error", err)
		} else if r != (Result{}) {
			s.logger().Info("mail", "sent", r.Sent, "retrying", r.Retrying, "failed", r.Failed, "unsent", r.Unsent)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// SendDue sends the mails that are due until none is left, and counts
// what became of them.
func (s *Sender) SendDue(ctx context.Context) (Result, error) {
	var r Result
	batch := s.Batch
	if batch <= 0 {
		batch = 10
	}
	// The lease covers the slowest batch: every delivery timing out.
	lease := time.Minute
	if s.SMTP != nil {
		lease += time.Duration(batch) * s.SMTP.timeout()
	}
	for ctx.Err() == nil {
		ms, err := s.Store.ClaimMails(ctx, batch, lease)
		if err != nil || len(ms) == 0 {
			return r, err
		}
		for _, m := range ms {
			o := s.attempt(ctx, m)
			// The outcome is recorded also when ctx ended meanwhile
			// (shutdown): the mail is then due again at once, for the
			// next sender.
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			err := s.Store.FinishMail(fctx, m.ID, m.Attempts, o)
			cancel()
			switch {
			case cdoatlas.ErrorCode(err) == cdoatlas.ECONFLICT:
				s.logger().Warn("mail: claim lost, another sender took the mail", "id", m.ID, "attempt", m.Attempts)
				continue
			case err != nil:
				return r, err
			}
			switch o.State {
			case cdoatlas.MailSent:
				r.Sent++
			case cdoatlas.MailRetrying:
				r.Retrying++
			case cdoatlas.MailFailed:
				r.Failed++
			case cdoatlas.MailUnsent:
				r.Unsent++
			}
		}
	}
	return r, ctx.Err()
}

// attempt tries to deliver m once and tells the outcome.
func (s *Sender) attempt(ctx context.Context, m *cdoatlas.Mail) cdoatlas.MailOutcome {
	log := s.logger().With("id", m.ID, "kind", m.Kind, "attempt", m.Attempts)
	if s.SMTP == nil {
		// The whole mail goes to the log: an operator can still pass
		// it on by hand.
		log.Warn("mail not sent: no SMTP server configured (CDOATLAS_SMTP_URL)", "to", m.To, "subject", m.Subject, "body", m.Body)
		return cdoatlas.MailOutcome{State: cdoatlas.MailUnsent}
	}
	err := s.SMTP.Send(ctx, m.To, Message(s.SMTP.From, m, time.Now()))
	if err == nil {
		log.Info("mail sent")
		return cdoatlas.MailOutcome{State: cdoatlas.MailSent}
	}
	if ctx.Err() != nil {
		return cdoatlas.MailOutcome{State: cdoatlas.MailRetrying, Error: "interrupted: the server stopped"}
	}
	wait, again := cdoatlas.MailRetryDelay(m.Attempts)
	if Permanent(err) || !again {
		log.Warn("mail failed", "error", err)
		return cdoatlas.MailOutcome{State: cdoatlas.MailFailed, Error: err.Error()}
	}
	log.Info("mail not delivered, will try again", "error", err, "in", wait)
	return cdoatlas.MailOutcome{State: cdoatlas.MailRetrying, Error: err.Error(), RetryIn: wait}
}

func (s *Sender) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.Default()
	}
	return s.Logger
}
