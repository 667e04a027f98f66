package sqldb

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/network"
)

// offersLock is the PostgreSQL advisory lock key of RunOffers: with
// several instances, one runs it and the others skip.
const offersLock = 0x6364_6f6f_6666_6572 // "cdooffer"

// Decision actions of offers.
const (
	decisionOffer        = "offer"
	decisionOfferExpired = "offer_expired"
	decisionOfferDecline = "offer_declined"
)

// RunOffers expires offers past their time and offers free seats.
func (db *DB) RunOffers(ctx context.Context, validFor time.Duration) (offered, expired int, err error) {
	if validFor <= 0 {
		validFor = cdoatlas.DefaultOfferTime
	}
	err = db.write(ctx, func(t *tx) error {
		offered, expired = 0, 0
		if t.postgres() {
			var got bool
			if err := t.queryRow(ctx, "SELECT pg_try_advisory_xact_lock(?)", int64(offersLock)).Scan(&got); err != nil {
				return mapError(err)
			}
			if !got {
				return nil // another instance is at it
			}
		}
		var stale []int64
		err := eachRow(ctx, t, "SELECT application_id FROM offers WHERE state = ? AND expires_at < ? ORDER BY id", func(s scanner) error {
			var id int64
			err := s.Scan(&id)
			stale = append(stale, id)
			return err
		}, cdoatlas.OfferOpen, t.ts(t.now))
		if err != nil {
			return err
		}
		for _, id := range stale {
			if _, err := t.exec(ctx, "UPDATE offers SET state = ?, answered_at = ? WHERE application_id = ? AND state = ?",
				cdoatlas.OfferExpired, t.ts(t.now), id, cdoatlas.OfferOpen); err != nil {
				return mapError(err)
			}
			if err := decide(ctx, t, id, decisionOfferExpired, cdoatlas.ApplicationDeclined, 0, ""); err != nil {
				return err
			}
			if err := notifyApplicant(ctx, t, cdoatlas.MailOfferExpired, id, "", time.Time{}); err != nil {
				return err
			}
			expired++
		}
		type circle struct {
			id, network int64
			capacity    int
		}
		var circles []circle
		err = eachRow(ctx, t, "SELECT id, network_id, capacity FROM circles WHERE capacity > 0 ORDER BY id", func(s scanner) error {
			var c circle
			err := s.Scan(&c.id, &c.network, &c.capacity)
			circles = append(circles, c)
			return err
		})
		if err != nil {
			return err
		}
		for _, c := range circles {
			n, err := offerSeats(ctx, t, c.id, c.network, c.capacity, validFor)
			if err != nil {
				return err
			}
			offered += n
		}
		return nil
	})
	return offered, expired, err
}

// offerSeats offers the free seats of a circle to the waitlisted
// applicants the admission proposal would admit next; those holding an
// open offer count as members.
func offerSeats(ctx context.Context, t *tx, circleID, networkID int64, capacity int, validFor time.Duration) (int, error) {
	var inCircle, waiting []network.Candidate
	err := eachRow(ctx, t, `SELECT id, person_name, organization_name, kind, country, region, population, title, tasks,
		placement, gender FROM memberships WHERE circle_id = ? AND left_at IS NULL`, func(s scanner) error {
		var m cdoatlas.Membership
		err := s.Scan(&m.ID, &m.PersonName, &m.OrganizationName, &m.Kind, &m.Country, &m.Region, &m.Population,
			&m.Title, &m.Tasks, &m.Placement, &m.Gender)
		inCircle = append(inCircle, network.FromMembership(&m))
		return err
	}, circleID)
	if err != nil {
		return 0, err
	}
	err = eachRow(ctx, t, `SELECT `+prefixed("a.", applicationColumns)+`, EXISTS (SELECT 1 FROM offers o WHERE o.application_id = a.id AND o.state = ?)
		FROM applications a JOIN calls c ON c.id = a.call_id WHERE c.circle_id = ? AND a.status = ? ORDER BY a.id`, func(s scanner) error {
		var held bool
		a, err := scanApplication(scanFunc(func(dest ...any) error { return s.Scan(append(dest, &held)...) }))
		if err != nil {
			return err
		}
		c := network.FromApplication(a)
		if held {
			inCircle = append(inCircle, c)
		} else {
			waiting = append(waiting, c)
		}
		return nil
	}, cdoatlas.OfferOpen, circleID, cdoatlas.ApplicationWaitlisted)
	if err != nil {
		return 0, err
	}
	free := capacity - len(inCircle)
	if free <= 0 || len(waiting) == 0 {
		return 0, nil
	}
	var goalsJSON string
	if err := t.queryRow(ctx, "SELECT goals FROM networks WHERE id = ?", networkID).Scan(&goalsJSON); err != nil {
		return 0, mapError(err)
	}
	var goals network.Goals
	if err := json.Unmarshal([]byte(goalsJSON), &goals.Weights); err != nil {
		return 0, cdoatlas.Internal(err)
	}
	p, err := network.Propose(capacity, inCircle, waiting, goals)
	if err != nil {
		return 0, err
	}
	for _, id := range p.Admit {
		appID, _ := strconv.ParseInt(id, 10, 64)
		if _, err := t.exec(ctx, "INSERT INTO offers (application_id, circle_id, state, offered_at, expires_at) VALUES (?, ?, ?, ?, ?)",
			appID, circleID, cdoatlas.OfferOpen, t.ts(t.now), t.ts(t.now.Add(validFor))); err != nil {
			return 0, mapError(err)
		}
		if err := decide(ctx, t, appID, decisionOffer, cdoatlas.ApplicationWaitlisted, 0, p.Explain[id].DE); err != nil {
			return 0, err
		}
		// The offer is answered on the status page: the mail brings a
		// link to it.
		secret, err := newApplicationLink(ctx, t, appID)
		if err != nil {
			return 0, err
		}
		if err := notifyApplicant(ctx, t, cdoatlas.MailSeatOffered, appID, secret, t.now.Add(validFor)); err != nil {
			return 0, err
		}
	}
	return len(p.Admit), nil
}

// prefixed qualifies a list of columns with a table alias.
func prefixed(alias, cols string) string {
	out := []byte{}
	start := true
	for i := 0; i < len(cols); i++ {
		c := cols[i]
		if start && c != ' ' && c != '\n' && c != '\t' {
			out = append(out, alias...)
			start = false
		}
		out = append(out, c)
		if c == ',' {
			start = true
		}
	}
	return string(out)
}

// FindOpenOffer returns the open offer of an application.
func (db *DB) FindOpenOffer(ctx context.Context, applicationID int64) (*cdoatlas.Offer, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Offer, error) { return findOpenOffer(ctx, t, applicationID) })
}

func findOpenOffer(ctx context.Context, t *tx, applicationID int64) (*cdoatlas.Offer, error) {
	var o cdoatlas.Offer
	err := t.queryRow(ctx, "SELECT id, application_id, circle_id, state, offered_at, expires_at FROM offers WHERE application_id = ? AND state = ?",
		applicationID, cdoatlas.OfferOpen).Scan(&o.ID, &o.ApplicationID, &o.CircleID, &o.State, timeCol{&o.OfferedAt}, timeCol{&o.ExpiresAt})
	if noRows(err) {
		return nil, notFound("offer")
	}
	return &o, mapError(err)
}

// AnswerOffer accepts or declines an application's open offer.
func (db *DB) AnswerOffer(ctx context.Context, applicationID int64, accept bool) error {
	return db.write(ctx, func(t *tx) error {
		o, err := findOpenOffer(ctx, t, applicationID)
		if err != nil {
			return err
		}
		if t.now.After(o.ExpiresAt) {
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the offer expired")
		}
		if accept {
			_, err := admit(ctx, t, applicationID, 0, "offer accepted")
			return err
		}
		if _, err := t.exec(ctx, "UPDATE offers SET state = ?, answered_at = ? WHERE id = ?", cdoatlas.OfferDeclined, t.ts(t.now), o.ID); err != nil {
			return mapError(err)
		}
		return decide(ctx, t, applicationID, decisionOfferDecline, cdoatlas.ApplicationDeclined, 0, "")
	})
}
