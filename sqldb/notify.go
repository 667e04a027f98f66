package sqldb

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Mails to applicants are queued by the changes that cause them, in their
// transaction (see outbox.go): the confirmation when an application comes
// in, the offer of a seat, its expiry, the admission and the decline.

// notifyApplicant queues the mail of kind to the applicant of the
// application within t, when the store writes mails (DB.Letters). secret,
// when given, opens the private status link the mail carries; expires is
// the deadline of an offered seat.
func notifyApplicant(ctx context.Context, t *tx, kind string, applicationID int64, secret string, expires time.Time) error {
	if t.db.Letters == nil {
		return nil
	}
	a, err := findApplicationByID(ctx, t, applicationID)
	if err != nil {
		return err
	}
	n := &cdoatlas.ApplicationNotice{Kind: kind, Application: a, Secret: secret, Expires: expires}
	err = t.queryRow(ctx, `SELECT c.title, ci.name, n.name FROM calls c JOIN circles ci ON ci.id = c.circle_id
		JOIN networks n ON n.id = c.network_id WHERE c.id = ?`, a.CallID).Scan(&n.CallTitle, &n.CircleName, &n.NetworkName)
	if err != nil {
		return mapError(err)
	}
	m := t.db.Letters.ApplicationMail(n)
	if m == nil {
		return nil
	}
	m.Kind = kind
	return queueMail(ctx, t, m)
}

// newLinkSecret returns the random secret of a private status link.
func newLinkSecret() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", cdoatlas.Internal(err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// newApplicationLink makes a further private status link of the
// application, for a mail that needs one, and returns its secret. Only
// its hash is kept, like that of the first link.
func newApplicationLink(ctx context.Context, t *tx, applicationID int64) (string, error) {
	if t.db.Letters == nil {
		return "", nil // no mail to send it with
	}
	secret, err := newLinkSecret()
	if err != nil {
		return "", err
	}
	_, err = t.exec(ctx, "INSERT INTO application_links (secret_hash, application_id, created_at) VALUES (?, ?, ?)",
		secretHash(secret), applicationID, t.ts(t.now))
	return secret, mapError(err)
}
