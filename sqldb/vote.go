package sqldb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

// Topic votes. The rules (who votes when, what a change may do, how a
// merge rewrites ballots) are the domain's (topicvote.go); this file reads
// and writes.

const voteColumns = "id, network_id, circle_id, question, method, anonymous, hide_results, opens_at, closes_at, sealed_at, created_at"

func scanVote(s scanner) (*cdoatlas.Vote, error) {
	var v cdoatlas.Vote
	var sealed timeColNull
	if err := s.Scan(&v.ID, &v.NetworkID, &v.CircleID, &v.Question, &v.Method, &v.Anonymous, &v.HideResults,
		timeCol{&v.OpensAt}, timeCol{&v.ClosesAt}, &sealed, timeCol{&v.CreatedAt}); err != nil {
		return nil, err
	}
	v.Sealed = sealed.valid
	v.Options = []*cdoatlas.VoteOption{}
	return &v, nil
}

// timeColNull scans a nullable timestamp and tells only whether it is set.
type timeColNull struct{ valid bool }

func (c *timeColNull) Scan(src any) error {
	c.valid = src != nil
	return nil
}

// CreateVote validates and stores a vote with its options.
func (db *DB) CreateVote(ctx context.Context, v *cdoatlas.Vote) error {
	if err := v.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		err := t.queryRow(ctx, "SELECT network_id FROM circles WHERE id = ?", v.CircleID).Scan(&v.NetworkID)
		if noRows(err) {
			return cdoatlas.FieldErrors{"circle_id": "circle.unknown"}.Err()
		} else if err != nil {
			return mapError(err)
		}
		for _, o := range v.Options {
			o.ID = 0 // every option is new
		}
		if err := checkOptionTopics(ctx, t, v); err != nil {
			return err
		}
		err = t.queryRow(ctx, `INSERT INTO votes (network_id, circle_id, question, method, anonymous, hide_results, opens_at, closes_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, v.NetworkID, v.CircleID, v.Question, v.Method, v.Anonymous, v.HideResults,
			t.ts(v.OpensAt), t.ts(v.ClosesAt), t.ts(t.now)).Scan(&v.ID)
		if err != nil {
			return mapError(err)
		}
		v.CreatedAt = t.now
		for i, o := range v.Options {
			if err := t.queryRow(ctx, "INSERT INTO vote_options (vote_id, topic_id, label, position) VALUES (?, ?, ?, ?) RETURNING id",
				v.ID, nullInt64(o.TopicID), o.Label, i).Scan(&o.ID); err != nil {
				return mapError(err)
			}
		}
		return t.audit(ctx, cdoatlas.AuditVote, v.ID, cdoatlas.AuditCreate, "question", "options", "method", "anonymous", "hide_results", "opens_at", "closes_at")
	})
}

// loadOptions fills in the options of votes.
func loadOptions(ctx context.Context, t *tx, votes ...*cdoatlas.Vote) error {
	byID := map[int64]*cdoatlas.Vote{}
	var w where
	var ids []any
	for _, v := range votes {
		byID[v.ID] = v
		ids = append(ids, v.ID)
	}
	if len(ids) == 0 {
		return nil
	}
	w.add("vote_id IN ("+placeholders(len(ids))+")", ids...)
	return eachRow(ctx, t, "SELECT id, vote_id, topic_id, label FROM vote_options"+w.String()+" ORDER BY vote_id, position, id", func(s scanner) error {
		var o cdoatlas.VoteOption
		var voteID int64
		var topic nullInt
		if err := s.Scan(&o.ID, &voteID, &topic, &o.Label); err != nil {
			return err
		}
		o.TopicID = topic.ptr()
		byID[voteID].Options = append(byID[voteID].Options, &o)
		return nil
	}, w.args...)
}

func placeholders(n int) string {
	b := make([]byte, 0, 2*n)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '?')
	}
	return string(b)
}

func findVote(ctx context.Context, t *tx, id int64, lock bool) (*cdoatlas.Vote, error) {
	if lock && t.postgres() {
		// Ballots share the vote's lock; the seal takes it alone, so that
		// no ballot slips in after the seal. An advisory lock rather than
		// FOR SHARE on the vote's row, which would write a multixact to
		// the row for every group of ballots at once.
		if _, err := t.exec(ctx, "SELECT pg_advisory_xact_lock_shared(?, ?)", voteLockSpace, int32(id)); err != nil {
			return nil, mapError(err)
		}
	}
	v, err := scanVote(t.queryRow(ctx, "SELECT "+voteColumns+" FROM votes WHERE id = ?", id))
	if noRows(err) {
		return nil, notFound("vote")
	} else if err != nil {
		return nil, mapError(err)
	}
	return v, loadOptions(ctx, t, v)
}

// FindVoteByID returns a vote with its options.
func (db *DB) FindVoteByID(ctx context.Context, id int64) (*cdoatlas.Vote, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Vote, error) { return findVote(ctx, t, id, false) })
}

// FindVotes returns a network's votes, the latest close first.
func (db *DB) FindVotes(ctx context.Context, networkID int64) ([]*cdoatlas.Vote, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Vote, error) {
		out := []*cdoatlas.Vote{}
		err := eachRow(ctx, t, "SELECT "+voteColumns+" FROM votes WHERE network_id = ? ORDER BY closes_at DESC, id DESC", func(s scanner) error {
			v, err := scanVote(s)
			if err == nil {
				out = append(out, v)
			}
			return err
		}, networkID)
		if err != nil {
			return nil, err
		}
		return out, loadOptions(ctx, t, out...)
	})
}

// UpdateVote changes a vote under cdoatlas.Vote.CheckChange; before the
// opening that includes its circle and options.
func (db *DB) UpdateVote(ctx context.Context, v *cdoatlas.Vote) error {
	return db.write(ctx, func(t *tx) error {
		old, err := findVote(ctx, t, v.ID, false)
		if err != nil {
			return err
		}
		v.NetworkID = old.NetworkID
		if v.CircleID == 0 {
			v.CircleID = old.CircleID
		}
		if v.Options == nil {
			v.Options = old.Options
		}
		if err := old.CheckChange(v, t.now); err != nil {
			return err
		}
		changes := old.Changes(v)
		if len(changes) == 0 {
			return nil
		}
		if v.CircleID != old.CircleID {
			var network int64
			err := t.queryRow(ctx, "SELECT network_id FROM circles WHERE id = ?", v.CircleID).Scan(&network)
			if noRows(err) || err == nil && network != old.NetworkID {
				return cdoatlas.FieldErrors{"circle_id": "circle.unknown"}.Err()
			} else if err != nil {
				return mapError(err)
			}
		}
		if slices.Contains(changes, "options") {
			if err := replaceOptions(ctx, t, old, v); err != nil {
				return err
			}
		}
		// The condition repeats the rule, so that no path around
		// CheckChange switches anonymity or hidden results off.
		q := "UPDATE votes SET question = ?, circle_id = ?, method = ?, anonymous = ?, hide_results = ?, opens_at = ?, closes_at = ? WHERE id = ?"
		args := []any{v.Question, v.CircleID, v.Method, v.Anonymous, v.HideResults, t.ts(v.OpensAt), t.ts(v.ClosesAt), v.ID}
		if !v.Anonymous {
			q += " AND anonymous = ?"
			args = append(args, false)
		}
		if !v.HideResults {
			q += " AND hide_results = ?"
			args = append(args, false)
		}
		res, err := t.exec(ctx, q, args...)
		if err != nil {
			return mapError(err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return &cdoatlas.Error{Code: cdoatlas.ECONFLICT, Message: "votes.anonymity_kept", Err: cdoatlas.ErrAnonymityKept}
		}
		return t.audit(ctx, cdoatlas.AuditVote, v.ID, cdoatlas.AuditUpdate, changes...)
	})
}

// replaceOptions stores the options of v in place of those of old: kept
// options are renamed and moved, dropped ones deleted, new ones inserted.
// CheckChange allows it only before the opening; the count of ballots
// guards against any that exist anyway.
func replaceOptions(ctx context.Context, t *tx, old, v *cdoatlas.Vote) error {
	if n, err := countBallots(ctx, t, v.ID); err != nil {
		return err
	} else if n > 0 {
		return cdoatlas.Errorf(cdoatlas.ECONFLICT, "votes.started")
	}
	if err := checkOptionTopics(ctx, t, v); err != nil {
		return err
	}
	kept := map[int64]bool{}
	for _, o := range v.Options {
		kept[o.ID] = true
	}
	for _, o := range old.Options {
		if !kept[o.ID] {
			if _, err := t.exec(ctx, "DELETE FROM vote_options WHERE id = ? AND vote_id = ?", o.ID, v.ID); err != nil {
				return mapError(err)
			}
		}
	}
	for i, o := range v.Options {
		if o.ID != 0 {
			if _, err := t.exec(ctx, "UPDATE vote_options SET label = ?, position = ? WHERE id = ? AND vote_id = ?", o.Label, i, o.ID, v.ID); err != nil {
				return mapError(err)
			}
			continue
		}
		if err := t.queryRow(ctx, "INSERT INTO vote_options (vote_id, topic_id, label, position) VALUES (?, ?, ?, ?) RETURNING id",
			v.ID, nullInt64(o.TopicID), o.Label, i).Scan(&o.ID); err != nil {
			return mapError(err)
		}
	}
	return nil
}

// checkOptionTopics checks that the new options of v (those without an
// ID) that name a topic name an active topic of its network. EINVALID.
func checkOptionTopics(ctx context.Context, t *tx, v *cdoatlas.Vote) error {
	for _, o := range v.Options {
		if o.ID != 0 || o.TopicID == nil {
			continue
		}
		tp, err := findTopic(ctx, t, *o.TopicID)
		if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND || err == nil && (tp.NetworkID != v.NetworkID || tp.Archived || tp.MergedInto != nil) {
			return cdoatlas.FieldErrors{"options": "votes.options_invalid"}.Err()
		} else if err != nil {
			return err
		}
	}
	return nil
}

func countBallots(ctx context.Context, t *tx, voteID int64) (int, error) {
	var n int
	err := t.queryRow(ctx, "SELECT COUNT(*) FROM ballots WHERE vote_id = ?", voteID).Scan(&n)
	return n, mapError(err)
}

// DeleteVote deletes a vote that has not opened and holds no ballot; its
// options go with it.
func (db *DB) DeleteVote(ctx context.Context, id int64) error {
	return db.write(ctx, func(t *tx) error {
		v, err := findVote(ctx, t, id, false)
		if err != nil {
			return err
		}
		n, err := countBallots(ctx, t, id)
		if err != nil {
			return err
		}
		if err := v.CheckDelete(t.now, n); err != nil {
			return err
		}
		if _, err := t.exec(ctx, "DELETE FROM votes WHERE id = ?", id); err != nil {
			return mapError(err)
		}
		return t.audit(ctx, cdoatlas.AuditVote, id, cdoatlas.AuditDelete)
	})
}

// CloseVote closes an open vote now and seals its ballots.
func (db *DB) CloseVote(ctx context.Context, id int64) error {
	return db.write(ctx, func(t *tx) error {
		v, err := findVote(ctx, t, id, false)
		if err != nil {
			return err
		}
		if v.Closed(t.now) {
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "votes.closed")
		}
		opens := v.OpensAt
		if opens.After(t.now) {
			opens = t.now
		}
		if _, err := t.exec(ctx, "UPDATE votes SET closes_at = ?, opens_at = ? WHERE id = ?", t.ts(t.now), t.ts(opens), id); err != nil {
			return mapError(err)
		}
		v.ClosesAt = t.now
		if err := seal(ctx, t, v); err != nil {
			return err
		}
		return t.audit(ctx, cdoatlas.AuditVote, id, cdoatlas.AuditClose, "closes_at")
	})
}

// voteLockSpace is the first key of the PostgreSQL advisory locks of
// votes; the second is the vote's ID.
const voteLockSpace int32 = 0x766f7465 // "vote"

// seal removes the members of the ballots of v when it is anonymous and
// closed; it takes the vote's row first (PostgreSQL), waiting for ballots
// being cast.
func seal(ctx context.Context, t *tx, v *cdoatlas.Vote) error {
	if !v.Anonymous || v.Sealed || !v.Closed(t.now) {
		return nil
	}
	if t.postgres() {
		if _, err := t.exec(ctx, "SELECT pg_advisory_xact_lock(?, ?)", voteLockSpace, int32(v.ID)); err != nil {
			return mapError(err)
		}
	}
	res, err := t.exec(ctx, "UPDATE votes SET sealed_at = ? WHERE id = ? AND sealed_at IS NULL", t.ts(t.now), v.ID)
	if err != nil {
		return mapError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil // sealed meanwhile
	}
	// The ballots lose their members and are stored anew in the order of
	// their random IDs, so that not even their place in the table tells
	// the order in which they were cast (SQLite keeps them in ID order
	// anyway: the table has no row IDs).
	unlink := "UPDATE ballots SET member_id = NULL WHERE vote_id = ?"
	if t.postgres() {
		unlink = `WITH unlinked AS (DELETE FROM ballots WHERE vote_id = ? RETURNING id, vote_id, ranks)
			INSERT INTO ballots (id, vote_id, member_id, ranks) SELECT id, vote_id, NULL, ranks FROM unlinked ORDER BY id`
	}
	if _, err := t.exec(ctx, unlink, v.ID); err != nil {
		return mapError(err)
	}
	v.Sealed = true
	return nil
}

// SealVotes seals every anonymous vote that closed.
func (db *DB) SealVotes(ctx context.Context) (int, error) {
	var n int
	err := db.write(ctx, func(t *tx) error {
		var ids []int64
		err := eachRow(ctx, t, "SELECT id FROM votes WHERE anonymous = ? AND sealed_at IS NULL AND closes_at <= ?", func(s scanner) error {
			var id int64
			err := s.Scan(&id)
			ids = append(ids, id)
			return err
		}, true, t.ts(t.now))
		if err != nil {
			return err
		}
		for _, id := range ids {
			v, err := findVote(ctx, t, id, false)
			if err != nil {
				return err
			}
			if err := seal(ctx, t, v); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// sealIfDue seals v first when it is anonymous, closed and not sealed:
// the first read after the close unlinks the ballots.
func (db *DB) sealIfDue(ctx context.Context, id int64) error {
	v, err := db.FindVoteByID(ctx, id)
	if err != nil {
		return err
	}
	if !v.Anonymous || v.Sealed || !v.Closed(db.Now()) {
		return nil
	}
	return db.write(ctx, func(t *tx) error {
		v, err := findVote(ctx, t, id, false)
		if err != nil {
			return err
		}
		return seal(ctx, t, v)
	})
}

// newBallotID is a random ballot ID: it tells nothing of when or by whom.
func newBallotID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", cdoatlas.Internal(err)
	}
	return hex.EncodeToString(b), nil
}

// CastBallot records or replaces a member's ballot: one per member and
// vote by the unique index, written as an upsert.
func (db *DB) CastBallot(ctx context.Context, voteID, memberID int64, r cdoatlas.Ranks) error {
	id, err := newBallotID()
	if err != nil {
		return err
	}
	if r == nil {
		r = cdoatlas.Ranks{}
	}
	ranks, err := json.Marshal(r)
	if err != nil {
		return cdoatlas.Internal(err)
	}
	return db.write(ctx, func(t *tx) error {
		v, err := findVote(ctx, t, voteID, true)
		if err != nil {
			return err
		}
		var circle int64
		err = t.queryRow(ctx, "SELECT circle_id FROM memberships WHERE id = ? AND left_at IS NULL", memberID).Scan(&circle)
		if noRows(err) || err == nil && circle != v.CircleID {
			return cdoatlas.Errorf(cdoatlas.EFORBIDDEN, "votes.not_member")
		} else if err != nil {
			return mapError(err)
		}
		if !v.Open(t.now) {
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "votes.not_open")
		}
		if err := v.CheckBallot(r); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `INSERT INTO ballots (id, vote_id, member_id, ranks) VALUES (?, ?, ?, ?)
			ON CONFLICT (vote_id, member_id) DO UPDATE SET ranks = excluded.ranks`, id, voteID, memberID, string(ranks)); err != nil {
			return mapError(err)
		}
		_, err = t.exec(ctx, "INSERT INTO vote_participation (vote_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING", voteID, memberID)
		return mapError(err)
	})
}

// FindBallot returns the member's own ballot while it is linked to them.
func (db *DB) FindBallot(ctx context.Context, voteID, memberID int64) (cdoatlas.Ranks, error) {
	if err := db.sealIfDue(ctx, voteID); err != nil {
		return nil, err
	}
	return read(ctx, db, func(t *tx) (cdoatlas.Ranks, error) {
		var ranks string
		err := t.queryRow(ctx, "SELECT ranks FROM ballots WHERE vote_id = ? AND member_id = ?", voteID, memberID).Scan(&ranks)
		if noRows(err) {
			return nil, notFound("ballot")
		} else if err != nil {
			return nil, mapError(err)
		}
		var r cdoatlas.Ranks
		if err := json.Unmarshal([]byte(ranks), &r); err != nil {
			return nil, cdoatlas.Internal(err)
		}
		return r, nil
	})
}

// HasVoted reports whether the member cast a ballot in the vote.
func (db *DB) HasVoted(ctx context.Context, voteID, memberID int64) (bool, error) {
	return read(ctx, db, func(t *tx) (bool, error) {
		var n int
		err := t.queryRow(ctx, "SELECT COUNT(*) FROM vote_participation WHERE vote_id = ? AND member_id = ?", voteID, memberID).Scan(&n)
		return n > 0, mapError(err)
	})
}

// FindBallots returns the ballots of a vote without their members, and
// the participation.
func (db *DB) FindBallots(ctx context.Context, voteID int64) ([]cdoatlas.Ranks, int, int, error) {
	if err := db.sealIfDue(ctx, voteID); err != nil {
		return nil, 0, 0, err
	}
	type out struct {
		ballots         []cdoatlas.Ranks
		voted, eligible int
	}
	o, err := read(ctx, db, func(t *tx) (out, error) {
		var o out
		// Ordered by the random ID: no order of casting shows.
		err := eachRow(ctx, t, "SELECT ranks FROM ballots WHERE vote_id = ? ORDER BY id", func(s scanner) error {
			var ranks string
			if err := s.Scan(&ranks); err != nil {
				return err
			}
			var r cdoatlas.Ranks
			if err := json.Unmarshal([]byte(ranks), &r); err != nil {
				return err
			}
			o.ballots = append(o.ballots, r)
			return nil
		}, voteID)
		if err != nil {
			return o, err
		}
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM vote_participation WHERE vote_id = ?", voteID).Scan(&o.voted); err != nil {
			return o, mapError(err)
		}
		err = t.queryRow(ctx, `SELECT COUNT(*) FROM memberships m JOIN votes v ON v.circle_id = m.circle_id
			WHERE v.id = ? AND m.left_at IS NULL`, voteID).Scan(&o.eligible)
		return o, mapError(err)
	})
	return o.ballots, o.voted, o.eligible, err
}

// FindNamedBallots returns who ranked what in a vote that is not
// anonymous.
func (db *DB) FindNamedBallots(ctx context.Context, voteID int64) (map[string]cdoatlas.Ranks, error) {
	return read(ctx, db, func(t *tx) (map[string]cdoatlas.Ranks, error) {
		v, err := findVote(ctx, t, voteID, false)
		if err != nil {
			return nil, err
		}
		if v.Anonymous {
			return nil, cdoatlas.Errorf(cdoatlas.EFORBIDDEN, "votes.anonymous")
		}
		out := map[string]cdoatlas.Ranks{}
		err = eachRow(ctx, t, `SELECT m.person_name, m.id, b.ranks FROM ballots b JOIN memberships m ON m.id = b.member_id
			WHERE b.vote_id = ?`, func(s scanner) error {
			var name, ranks string
			var id int64
			if err := s.Scan(&name, &id, &ranks); err != nil {
				return err
			}
			var r cdoatlas.Ranks
			if err := json.Unmarshal([]byte(ranks), &r); err != nil {
				return err
			}
			if _, dup := out[name]; dup {
				name += " (" + strconv.FormatInt(id, 10) + ")"
			}
			out[name] = r
			return nil
		}, voteID)
		return out, err
	})
}
