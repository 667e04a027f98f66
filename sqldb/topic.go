package sqldb

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

// Topics of a network and their merging. The merge rule for ballots is
// the domain's (cdoatlas.MergeRanks).

const topicColumns = "id, network_id, title, description, COALESCE(proposer_id, 0), proposer, archived, merged_into, created_at"

func scanTopic(s scanner) (*cdoatlas.Topic, error) {
	var tp cdoatlas.Topic
	var merged nullInt
	if err := s.Scan(&tp.ID, &tp.NetworkID, &tp.Title, &tp.Description, &tp.ProposerID, &tp.Proposer, &tp.Archived,
		&merged, timeCol{&tp.CreatedAt}); err != nil {
		return nil, err
	}
	tp.MergedInto = merged.ptr()
	return &tp, nil
}

// nullInt scans a nullable integer column.
type nullInt struct {
	v     int64
	valid bool
}

func (n *nullInt) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		n.valid = false
	case int64:
		n.v, n.valid = v, true
	default:
		i, err := strconv.ParseInt(string(asBytes(v)), 10, 64)
		n.v, n.valid = i, err == nil
		return err
	}
	return nil
}

func asBytes(v any) []byte {
	switch v := v.(type) {
	case []byte:
		return v
	case string:
		return []byte(v)
	}
	return nil
}

func (n nullInt) ptr() *int64 {
	if !n.valid {
		return nil
	}
	v := n.v
	return &v
}

// CreateTopic validates and stores a topic.
func (db *DB) CreateTopic(ctx context.Context, tp *cdoatlas.Topic) error {
	if err := tp.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		var proposer any
		if tp.ProposerID != 0 {
			proposer = tp.ProposerID
		}
		err := t.queryRow(ctx, `INSERT INTO topics (network_id, title, description, proposer_id, proposer, archived, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, tp.NetworkID, tp.Title, tp.Description, proposer, tp.Proposer, false,
			t.ts(t.now)).Scan(&tp.ID)
		tp.CreatedAt = t.now
		if err != nil {
			return mapWriteError(err, nil, "network_id", "network.unknown")
		}
		return t.audit(ctx, cdoatlas.AuditTopic, tp.ID, cdoatlas.AuditCreate, "title", "description")
	})
}

// FindTopicByID returns a topic, or ENOTFOUND.
func (db *DB) FindTopicByID(ctx context.Context, id int64) (*cdoatlas.Topic, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Topic, error) {
		return findTopic(ctx, t, id)
	})
}

func findTopic(ctx context.Context, t *tx, id int64) (*cdoatlas.Topic, error) {
	tp, err := scanTopic(t.queryRow(ctx, "SELECT "+topicColumns+" FROM topics WHERE id = ?", id))
	if noRows(err) {
		return nil, notFound("topic")
	}
	return tp, mapError(err)
}

// FindTopics returns a network's topics that are not merged, oldest first.
func (db *DB) FindTopics(ctx context.Context, networkID int64, archived bool) ([]*cdoatlas.Topic, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Topic, error) {
		out := []*cdoatlas.Topic{}
		err := eachRow(ctx, t, "SELECT "+topicColumns+" FROM topics WHERE network_id = ? AND archived = ? AND merged_into IS NULL ORDER BY id",
			func(s scanner) error {
				tp, err := scanTopic(s)
				if err == nil {
					out = append(out, tp)
				}
				return err
			}, networkID, archived)
		return out, err
	})
}

// ArchiveTopic archives a topic or brings it back.
func (db *DB) ArchiveTopic(ctx context.Context, id int64, archived bool) error {
	return db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, "UPDATE topics SET archived = ? WHERE id = ? AND merged_into IS NULL", archived, id)
		if err := affectedOne(res, err, "topic"); err != nil {
			return err
		}
		return t.audit(ctx, cdoatlas.AuditTopic, id, cdoatlas.AuditUpdate, "archived")
	})
}

// MergeTopics merges topic drop into keep: in every vote with an option
// of drop, that option now refers to keep, or where the vote has an
// option of keep as well, its ballots give keep the better of both ranks
// (cdoatlas.MergeRanks) and drop's option goes.
func (db *DB) MergeTopics(ctx context.Context, keepID, dropID int64) error {
	if keepID == dropID {
		return cdoatlas.FieldErrors{"keep": "votes.merge_same"}.Err()
	}
	return db.write(ctx, func(t *tx) error {
		keep, err := findTopic(ctx, t, keepID)
		if err != nil {
			return err
		}
		drop, err := findTopic(ctx, t, dropID)
		if err != nil {
			return err
		}
		if keep.NetworkID != drop.NetworkID {
			return cdoatlas.FieldErrors{"keep": "votes.merge_network"}.Err()
		}
		if keep.MergedInto != nil || drop.MergedInto != nil {
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "votes.merged_before")
		}
		type pair struct{ vote, dropOpt, keepOpt int64 }
		var pairs []pair
		err = eachRow(ctx, t, `SELECT d.vote_id, d.id, COALESCE(k.id, 0) FROM vote_options d
			LEFT JOIN vote_options k ON k.vote_id = d.vote_id AND k.topic_id = ? WHERE d.topic_id = ?`, func(s scanner) error {
			var p pair
			err := s.Scan(&p.vote, &p.dropOpt, &p.keepOpt)
			pairs = append(pairs, p)
			return err
		}, keepID, dropID)
		if err != nil {
			return err
		}
		for _, p := range pairs {
			if p.keepOpt == 0 {
				if _, err := t.exec(ctx, "UPDATE vote_options SET topic_id = ?, label = ? WHERE id = ?", keepID, keep.Title, p.dropOpt); err != nil {
					return mapError(err)
				}
				continue
			}
			if err := mergeBallots(ctx, t, p.vote, p.keepOpt, p.dropOpt); err != nil {
				return err
			}
			if _, err := t.exec(ctx, "DELETE FROM vote_options WHERE id = ?", p.dropOpt); err != nil {
				return mapError(err)
			}
		}
		if _, err := t.exec(ctx, "UPDATE topics SET merged_into = ? WHERE merged_into = ?", keepID, dropID); err != nil {
			return mapError(err)
		}
		if _, err := t.exec(ctx, "UPDATE topics SET merged_into = ?, archived = ? WHERE id = ?", keepID, true, dropID); err != nil {
			return mapError(err)
		}
		return t.audit(ctx, cdoatlas.AuditTopic, dropID, cdoatlas.AuditMerge, "merged_into")
	})
}

// mergeBallots rewrites the ballots of a vote that rank the dropped option.
func mergeBallots(ctx context.Context, t *tx, voteID, keepOpt, dropOpt int64) error {
	type row struct {
		id    string
		ranks cdoatlas.Ranks
	}
	var rows []row
	err := eachRow(ctx, t, "SELECT id, ranks FROM ballots WHERE vote_id = ?", func(s scanner) error {
		var r row
		var ranks string
		if err := s.Scan(&r.id, &ranks); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(ranks), &r.ranks); err != nil {
			return err
		}
		rows = append(rows, r)
		return nil
	}, voteID)
	if err != nil {
		return err
	}
	for _, r := range rows {
		b, err := json.Marshal(cdoatlas.MergeRanks(r.ranks, keepOpt, dropOpt))
		if err != nil {
			return cdoatlas.Internal(err)
		}
		if _, err := t.exec(ctx, "UPDATE ballots SET ranks = ? WHERE id = ?", string(b), r.id); err != nil {
			return mapError(err)
		}
	}
	return nil
}
