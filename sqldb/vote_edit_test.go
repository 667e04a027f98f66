package sqldb_test

import (
	"context"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// auditFields returns the fields of the newest audit entry of a vote for
// action, and how many there are.
func auditFields(t *testing.T, db *sqldb.DB, id int64, action string) (string, int) {
	t.Helper()
	entries, n, err := db.FindAuditEntries(context.Background(), cdoatlas.AuditFilter{Entity: cdoatlas.AuditVote, EntityID: id, Action: action})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		return "", n
	}
	return entries[0].Fields, n
}

func TestUpdateVotePlanned(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 1)
		now := time.Now().Truncate(time.Second)
		v := f.newVote(t, db, false, now.Add(time.Hour), now.Add(2*time.Hour))
		other := f.newVote(t, db, false, now.Add(time.Hour), now.Add(2*time.Hour))

		t.Run("ErrForeignOption", func(t *testing.T) {
			upd := *v
			upd.Options = []*cdoatlas.VoteOption{{ID: v.Options[0].ID, Label: "A"}, {ID: other.Options[1].ID, Label: "B"}}
			wantCode(t, db.UpdateVote(ctx, &upd), cdoatlas.EINVALID)
		})
		t.Run("ErrArchivedTopic", func(t *testing.T) {
			if err := db.ArchiveTopic(ctx, f.topics[3].ID, true); err != nil {
				t.Fatal(err)
			}
			defer db.ArchiveTopic(ctx, f.topics[3].ID, false)
			upd := *v
			upd.Options = append(append([]*cdoatlas.VoteOption{}, v.Options...), &cdoatlas.VoteOption{TopicID: &f.topics[3].ID, Label: f.topics[3].Title})
			wantCode(t, db.UpdateVote(ctx, &upd), cdoatlas.EINVALID)
		})
		t.Run("ErrCircleOfAnotherNetwork", func(t *testing.T) {
			g := newVoteFixture(t, db, 0)
			upd := *v
			upd.CircleID = g.circle.ID
			wantCode(t, db.UpdateVote(ctx, &upd), cdoatlas.EINVALID)
		})

		t.Run("OK", func(t *testing.T) {
			free := f.topics[3]
			upd := *v
			upd.Question, upd.CircleID, upd.Method, upd.Anonymous = "Was zuerst?", f.other.ID, "borda", true
			upd.OpensAt, upd.ClosesAt = now.Add(3*time.Hour), now.Add(5*time.Hour)
			// The free option renamed and moved first, the first topic
			// renamed (it stays linked), the second topic dropped, the
			// third kept, a topic and a free option added. A topic ID sent
			// for a kept option is ignored.
			upd.Options = []*cdoatlas.VoteOption{
				{ID: v.Options[3].ID, Label: "Freie Option, umbenannt"},
				{ID: v.Options[0].ID, Label: "KI", TopicID: &free.ID},
				{ID: v.Options[2].ID, Label: v.Options[2].Label},
				{TopicID: &free.ID, Label: free.Title},
				{Label: "Noch eine"},
			}
			if err := db.UpdateVote(ctx, &upd); err != nil {
				t.Fatal(err)
			}
			got, err := db.FindVoteByID(ctx, v.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Question != "Was zuerst?" || got.CircleID != f.other.ID || got.Method != "borda" || !got.Anonymous ||
				!got.OpensAt.Equal(now.Add(3*time.Hour)) || !got.ClosesAt.Equal(now.Add(5*time.Hour)) {
				t.Errorf("after the change: %+v", got)
			}
			type row struct {
				label string
				topic int64
			}
			want := []row{{"Freie Option, umbenannt", 0}, {"KI", f.topics[0].ID}, {f.topics[2].Title, f.topics[2].ID}, {free.Title, free.ID}, {"Noch eine", 0}}
			if len(got.Options) != len(want) {
				t.Fatalf("options %d, want %d", len(got.Options), len(want))
			}
			for i, o := range got.Options {
				var topic int64
				if o.TopicID != nil {
					topic = *o.TopicID
				}
				if (row{o.Label, topic}) != want[i] {
					t.Errorf("option %d: %q topic %d, want %v", i, o.Label, topic, want[i])
				}
			}
			if got.Options[0].ID != v.Options[3].ID {
				t.Errorf("the renamed option has ID %d, want %d (kept)", got.Options[0].ID, v.Options[3].ID)
			}
			fields, n := auditFields(t, db, v.ID, cdoatlas.AuditUpdate)
			if n != 1 || fields != "question, circle_id, options, method, anonymous, opens_at, closes_at" {
				t.Errorf("audit: %d entries, fields %q", n, fields)
			}
		})
	})
}

func TestUpdateVoteOpen(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 1)
		now := time.Now().Truncate(time.Second)
		v := f.newVote(t, db, false, now.Add(-time.Hour), now.Add(time.Hour))
		ballot := cdoatlas.Ranks{{opt(v, 1)}, {opt(v, 0)}}
		if err := db.CastBallot(ctx, v.ID, f.members[0].ID, ballot); err != nil {
			t.Fatal(err)
		}
		for name, change := range map[string]func(u *cdoatlas.Vote){
			"Question": func(u *cdoatlas.Vote) { u.Question = "Andere Frage?" },
			"Method":   func(u *cdoatlas.Vote) { u.Method = "approval" },
			"Opens":    func(u *cdoatlas.Vote) { u.OpensAt = now.Add(-2 * time.Hour) },
			"Circle":   func(u *cdoatlas.Vote) { u.CircleID = f.other.ID },
			"Options":  func(u *cdoatlas.Vote) { u.Options = u.Options[:3] },
			"Rename": func(u *cdoatlas.Vote) {
				u.Options = []*cdoatlas.VoteOption{{ID: opt(v, 0), Label: "X"}, {ID: opt(v, 1), Label: "Y"}}
			},
		} {
			t.Run("Err"+name, func(t *testing.T) {
				upd := *v
				change(&upd)
				wantCode(t, db.UpdateVote(ctx, &upd), cdoatlas.ECONFLICT)
			})
		}
		t.Run("ErrEarlierClose", func(t *testing.T) {
			upd := *v
			upd.ClosesAt = now.Add(30 * time.Minute)
			wantCode(t, db.UpdateVote(ctx, &upd), cdoatlas.EINVALID)
		})
		t.Run("ErrDelete", func(t *testing.T) {
			wantCode(t, db.DeleteVote(ctx, v.ID), cdoatlas.ECONFLICT)
		})
		t.Run("Extend", func(t *testing.T) {
			upd := *v
			upd.Options = nil // kept
			upd.ClosesAt = now.Add(48 * time.Hour)
			if err := db.UpdateVote(ctx, &upd); err != nil {
				t.Fatal(err)
			}
			got, err := db.FindVoteByID(ctx, v.ID)
			if err != nil || !got.ClosesAt.Equal(now.Add(48*time.Hour)) || len(got.Options) != 4 {
				t.Fatalf("after extending: %+v, %v", got, err)
			}
			if own, err := db.FindBallot(ctx, v.ID, f.members[0].ID); err != nil || !equalRanks(own, ballot) {
				t.Errorf("the ballot after extending: %v, %v; want %v", own, err, ballot)
			}
			if fields, n := auditFields(t, db, v.ID, cdoatlas.AuditUpdate); n != 1 || fields != "closes_at" {
				t.Errorf("audit: %d entries, fields %q; want one of closes_at", n, fields)
			}
		})
		t.Run("ErrClosed", func(t *testing.T) {
			if err := db.CloseVote(ctx, v.ID); err != nil {
				t.Fatal(err)
			}
			got, _ := db.FindVoteByID(ctx, v.ID)
			got.ClosesAt = now.Add(72 * time.Hour)
			wantCode(t, db.UpdateVote(ctx, got), cdoatlas.ECONFLICT)
		})
	})
}

func TestDeleteVote(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 1)
		now := time.Now()
		planned := f.newVote(t, db, true, now.Add(time.Hour), now.Add(2*time.Hour))
		open := f.newVote(t, db, false, now.Add(-time.Hour), now.Add(time.Hour))
		if err := db.DeleteVote(ctx, planned.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.DeleteVote(ctx, planned.ID), cdoatlas.ENOTFOUND)
		if _, err := db.FindVoteByID(ctx, planned.ID); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			t.Errorf("the deleted vote: %v, want ENOTFOUND", err)
		}
		if _, n := auditFields(t, db, planned.ID, cdoatlas.AuditDelete); n != 1 {
			t.Errorf("audit entries of the delete: %d, want 1", n)
		}
		// An open vote without ballots is not deleted either: it can be
		// closed.
		wantCode(t, db.DeleteVote(ctx, open.ID), cdoatlas.ECONFLICT)
		if votes, err := db.FindVotes(ctx, f.network.ID); err != nil || len(votes) != 1 || votes[0].ID != open.ID {
			t.Errorf("votes after the delete: %v, %v; want the open one", votes, err)
		}
	})
}
