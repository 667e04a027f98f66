package sqldb

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

// The outbox. Mails are queued in the transaction of the change they tell
// of (queueMail), and senders claim them with one atomic UPDATE …
// RETURNING: on PostgreSQL its subquery locks the rows it picks with FOR
// UPDATE SKIP LOCKED, so that senders of several instances pass each
// other's rows by instead of waiting for them or taking them too; SQLite
// has one writer anyway. A claim is a lease: the mail is "sending" until
// next_attempt_at, and a sender that stopped before it finished leaves it
// to the next after that. The attempt count of the claim fences the
// outcome: a sender whose lease ran out cannot overwrite a later claim.

const mailColumns = `id, kind, recipient, subject, body, state, attempts, created_at, next_attempt_at, sent_at, expires_at, last_error`

func scanMail(s scanner) (*cdoatlas.Mail, error) {
	var m cdoatlas.Mail
	err := s.Scan(&m.ID, &m.Kind, &m.To, &m.Subject, &m.Body, &m.State, &m.Attempts, timeCol{&m.CreatedAt},
		timeCol{&m.NextAttemptAt}, timeCol{&m.SentAt}, timeCol{&m.ExpiresAt}, &m.LastError)
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// QueueMail validates m and writes it to the outbox.
func (db *DB) QueueMail(ctx context.Context, m *cdoatlas.Mail) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error { return queueMail(ctx, t, m) })
}

// queueMail writes m to the outbox within t, due at once.
func queueMail(ctx context.Context, t *tx, m *cdoatlas.Mail) error {
	if err := m.Validate(); err != nil {
		return cdoatlas.Internal(err) // the letters wrote a mail that cannot be sent
	}
	var expires any
	if !m.ExpiresAt.IsZero() {
		expires = t.ts(m.ExpiresAt)
	}
	m.State, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.LastError = cdoatlas.MailQueued, 0, t.now, t.now, ""
	err := t.queryRow(ctx, `INSERT INTO outbox (kind, recipient, subject, body, state, attempts, created_at, next_attempt_at, expires_at)
		VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id`, m.Kind, m.To, m.Subject, m.Body, m.State, t.ts(t.now), t.ts(t.now), expires).Scan(&m.ID)
	return mapError(err)
}

// claimable is the condition of a mail a sender may take: waiting, or
// claimed by a sender whose lease ran out.
const claimable = "state IN ('queued', 'sending', 'retrying') AND next_attempt_at <= ?"

// ClaimMails claims up to limit due mails for lease.
func (db *DB) ClaimMails(ctx context.Context, limit int, lease time.Duration) ([]*cdoatlas.Mail, error) {
	limit = max(limit, 1)
	// Most passes find nothing due: a look in a read transaction first
	// keeps them from taking SQLite's one writer.
	due, err := read(ctx, db, func(t *tx) (bool, error) {
		var id int64
		err := t.queryRow(ctx, "SELECT id FROM outbox WHERE "+claimable+" LIMIT 1", t.ts(t.now)).Scan(&id)
		if noRows(err) {
			return false, nil
		}
		return err == nil, mapError(err)
	})
	if err != nil || !due {
		return nil, err
	}
	var out []*cdoatlas.Mail
	err = db.write(ctx, func(t *tx) error {
		out = nil
		now := t.ts(t.now)
		if _, err := t.exec(ctx, "UPDATE outbox SET state = ?, last_error = ? WHERE "+claimable+" AND expires_at <= ?",
			cdoatlas.MailFailed, cdoatlas.MailExpired, now, now); err != nil {
			return mapError(err)
		}
		lock := ""
		if t.postgres() {
			lock = " FOR UPDATE SKIP LOCKED"
		}
		return eachRow(ctx, t, `UPDATE outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?
			WHERE id IN (SELECT id FROM outbox WHERE `+claimable+` ORDER BY next_attempt_at, id LIMIT ?`+lock+`)
			RETURNING `+mailColumns, func(s scanner) error {
			m, err := scanMail(s)
			if err == nil {
				out = append(out, m)
			}
			return err
		}, cdoatlas.MailSending, t.ts(t.now.Add(lease)), now, limit)
	})
	if err != nil {
		return nil, err
	}
	// RETURNING keeps no order: oldest first.
	slices.SortFunc(out, func(a, b *cdoatlas.Mail) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// maxMailError bounds the stored error of an attempt.
const maxMailError = 1000

// FinishMail records the outcome of a claimed attempt.
func (db *DB) FinishMail(ctx context.Context, id int64, attempt int, o cdoatlas.MailOutcome) error {
	switch o.State {
	case cdoatlas.MailSent, cdoatlas.MailRetrying, cdoatlas.MailFailed, cdoatlas.MailUnsent:
	default:
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no outcome state %q", o.State)
	}
	reason := cleanMailError(o.Error)
	return db.write(ctx, func(t *tx) error {
		set, args := "state = ?, last_error = ?", []any{o.State, reason}
		switch o.State {
		case cdoatlas.MailSent:
			// The body may hold a private link that the database
			// otherwise keeps only as a hash.
			set += ", sent_at = ?, body = ''"
			args = append(args, t.ts(t.now))
		case cdoatlas.MailRetrying:
			set += ", next_attempt_at = ?"
			args = append(args, t.ts(t.now.Add(max(o.RetryIn, 0))))
		}
		res, err := t.exec(ctx, "UPDATE outbox SET "+set+" WHERE id = ? AND state = ? AND attempts = ?",
			append(args, id, cdoatlas.MailSending, attempt)...)
		if err := affectedOne(res, err, "mail"); cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the claim of mail %d (attempt %d) was lost", id, attempt)
		} else if err != nil {
			return err
		}
		return nil
	})
}

// cleanMailError makes the error of an attempt one bounded line.
func cleanMailError(s string) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "?")), " ")
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > maxMailError {
		s = string([]rune(s)[:maxMailError]) + "…"
	}
	return s
}

// FindMails returns a page of the outbox, newest first, and the total.
func (db *DB) FindMails(ctx context.Context, f cdoatlas.MailFilter) ([]*cdoatlas.Mail, int, error) {
	return readPage(ctx, db, func(t *tx) ([]*cdoatlas.Mail, int, error) {
		var w where
		if f.State != "" {
			w.add("state = ?", f.State)
		}
		pageSQL, pageArgs := db.page(f.Offset, f.Limit)
		out := []*cdoatlas.Mail{}
		err := eachRow(ctx, t, "SELECT "+mailColumns+" FROM outbox"+w.String()+" ORDER BY id DESC"+pageSQL, func(s scanner) error {
			m, err := scanMail(s)
			if err == nil {
				out = append(out, m)
			}
			return err
		}, append(w.args[:len(w.args):len(w.args)], pageArgs...)...)
		if err != nil {
			return nil, 0, err
		}
		var n int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM outbox"+w.String(), w.args...).Scan(&n); err != nil {
			return nil, 0, mapError(err)
		}
		return out, n, nil
	})
}

// ResendMail queues a failed or unsent mail again.
func (db *DB) ResendMail(ctx context.Context, id int64) error {
	return db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, `UPDATE outbox SET state = ?, attempts = 0, next_attempt_at = ?, last_error = ''
			WHERE id = ? AND state IN (?, ?) AND (expires_at IS NULL OR expires_at > ?)`,
			cdoatlas.MailQueued, t.ts(t.now), id, cdoatlas.MailFailed, cdoatlas.MailUnsent, t.ts(t.now))
		if err := affectedOne(res, err, "mail"); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			return err
		}
		var n int
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM outbox WHERE id = ?", id).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return notFound("mail")
		}
		return cdoatlas.Errorf(cdoatlas.ECONFLICT, "only a failed or unsent mail that has not expired can be sent again")
	})
}

// PruneMails deletes the finished mails made more than age ago.
func (db *DB) PruneMails(ctx context.Context, age time.Duration) (int, error) {
	var n int64
	err := db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, "DELETE FROM outbox WHERE state IN (?, ?, ?) AND created_at < ?",
			cdoatlas.MailSent, cdoatlas.MailFailed, cdoatlas.MailUnsent, t.ts(t.now.Add(-age)))
		if err != nil {
			return mapError(err)
		}
		n, err = res.RowsAffected()
		return mapError(err)
	})
	return int(n), err
}
