package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// voteFixture is a network with a circle of members and topics.
type voteFixture struct {
	network *cdoatlas.Network
	circle  *cdoatlas.Circle
	other   *cdoatlas.Circle
	members []*cdoatlas.Membership
	topics  []*cdoatlas.Topic
}

func newVoteFixture(tb testing.TB, db *sqldb.DB, members int) *voteFixture {
	tb.Helper()
	ctx := context.Background()
	f := &voteFixture{network: &cdoatlas.Network{Name: "CDO-Kreis"}}
	if err := db.CreateNetwork(ctx, f.network); err != nil {
		tb.Fatal(err)
	}
	f.circle = &cdoatlas.Circle{NetworkID: f.network.ID, Name: "Kernkreis"}
	f.other = &cdoatlas.Circle{NetworkID: f.network.ID, Name: "Offener Kreis"}
	for _, c := range []*cdoatlas.Circle{f.circle, f.other} {
		if err := db.CreateCircle(ctx, c); err != nil {
			tb.Fatal(err)
		}
	}
	for i := range members {
		m := &cdoatlas.Membership{CircleID: f.circle.ID, PersonName: fmt.Sprintf("Mitglied %03d", i), Email: fmt.Sprintf("m%03d@example.org", i),
			OrganizationName: "Stadt Ulm", Kind: "municipality", Country: "DE"}
		if err := db.AddMember(ctx, m); err != nil {
			tb.Fatal(err)
		}
		f.members = append(f.members, m)
	}
	for _, title := range []string{"KI in der Verwaltung", "OZG-Umsetzung", "Künstliche Intelligenz", "Open Data"} {
		tp := &cdoatlas.Topic{NetworkID: f.network.ID, Title: title, Proposer: "Mitglied 000"}
		if err := db.CreateTopic(ctx, tp); err != nil {
			tb.Fatal(err)
		}
		f.topics = append(f.topics, tp)
	}
	return f
}

// newVote opens a vote over the first three topics and a free option.
func (f *voteFixture) newVote(tb testing.TB, db *sqldb.DB, anonymous bool, opens, closes time.Time) *cdoatlas.Vote {
	tb.Helper()
	v := &cdoatlas.Vote{CircleID: f.circle.ID, Question: "Woran arbeiten wir 2027?", Anonymous: anonymous, OpensAt: opens, ClosesAt: closes}
	for _, tp := range f.topics[:3] {
		v.Options = append(v.Options, &cdoatlas.VoteOption{TopicID: &tp.ID, Label: tp.Title})
	}
	v.Options = append(v.Options, &cdoatlas.VoteOption{Label: "Freie Option"})
	if err := db.CreateVote(context.Background(), v); err != nil {
		tb.Fatal(err)
	}
	return v
}

func opt(v *cdoatlas.Vote, i int) int64 { return v.Options[i].ID }

func equalRanks(a, b cdoatlas.Ranks) bool {
	return slices.EqualFunc(a, b, func(x, y []int64) bool { return slices.Equal(x, y) })
}

func TestCastBallot(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 3)
		now := time.Now()
		v := f.newVote(t, db, false, now.Add(-time.Hour), now.Add(time.Hour))
		m := f.members[0]
		first := cdoatlas.Ranks{{opt(v, 1)}, {opt(v, 0), opt(v, 3)}}
		if err := db.CastBallot(ctx, v.ID, m.ID, first); err != nil {
			t.Fatal(err)
		}
		second := cdoatlas.Ranks{{opt(v, 2)}}
		if err := db.CastBallot(ctx, v.ID, m.ID, second); err != nil {
			t.Fatal(err)
		}
		if got, err := db.FindBallot(ctx, v.ID, m.ID); err != nil || !equalRanks(got, second) {
			t.Errorf("own ballot %v, %v; want the changed one %v", got, err, second)
		}
		ballots, voted, eligible, err := db.FindBallots(ctx, v.ID)
		if err != nil || len(ballots) != 1 || voted != 1 || eligible != 3 {
			t.Errorf("ballots %v, voted %d of %d, %v; want one ballot, 1 of 3", ballots, voted, eligible, err)
		}
		t.Run("ErrOtherCircle", func(t *testing.T) {
			outsider := &cdoatlas.Membership{CircleID: f.other.ID, PersonName: "Außen", OrganizationName: "Stadt Ulm", Kind: "municipality", Country: "DE"}
			if err := db.AddMember(ctx, outsider); err != nil {
				t.Fatal(err)
			}
			wantCode(t, db.CastBallot(ctx, v.ID, outsider.ID, first), cdoatlas.EFORBIDDEN)
		})
		t.Run("ErrLeft", func(t *testing.T) {
			if err := db.Leave(ctx, f.members[2].ID, "Wechsel"); err != nil {
				t.Fatal(err)
			}
			wantCode(t, db.CastBallot(ctx, v.ID, f.members[2].ID, first), cdoatlas.EFORBIDDEN)
		})
		t.Run("ErrOption", func(t *testing.T) {
			wantCode(t, db.CastBallot(ctx, v.ID, m.ID, cdoatlas.Ranks{{999999}}), cdoatlas.EINVALID)
			wantCode(t, db.CastBallot(ctx, v.ID, m.ID, cdoatlas.Ranks{{opt(v, 0)}, {opt(v, 0)}}), cdoatlas.EINVALID)
		})
		t.Run("ErrNotOpen", func(t *testing.T) {
			later := f.newVote(t, db, false, now.Add(time.Hour), now.Add(2*time.Hour))
			wantCode(t, db.CastBallot(ctx, later.ID, m.ID, nil), cdoatlas.ECONFLICT)
			if err := db.CloseVote(ctx, v.ID); err != nil {
				t.Fatal(err)
			}
			wantCode(t, db.CastBallot(ctx, v.ID, m.ID, first), cdoatlas.ECONFLICT)
			if got, err := db.FindBallot(ctx, v.ID, m.ID); err != nil || !equalRanks(got, second) {
				t.Errorf("after the close of a vote that is not anonymous: own ballot %v, %v; want %v", got, err, second)
			}
		})
	})
}

func TestAnonymityKept(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 1)
		now := time.Now()
		v := f.newVote(t, db, true, now.Add(time.Hour), now.Add(2*time.Hour))
		off := *v
		off.Anonymous = false
		wantCode(t, db.UpdateVote(ctx, &off), cdoatlas.ECONFLICT)
		got, err := db.FindVoteByID(ctx, v.ID)
		if err != nil || !got.Anonymous {
			t.Fatalf("the vote is no longer anonymous: %+v %v", got, err)
		}
		hidden := *got
		hidden.HideResults = true
		hidden.Question = "Neue Frage?"
		if err := db.UpdateVote(ctx, &hidden); err != nil {
			t.Fatalf("switching hidden results on: %v", err)
		}
		shown := hidden
		shown.HideResults = false
		wantCode(t, db.UpdateVote(ctx, &shown), cdoatlas.ECONFLICT)
		if got, _ := db.FindVoteByID(ctx, v.ID); !got.HideResults || got.Question != "Neue Frage?" {
			t.Errorf("after the refused change: %+v", got)
		}
	})
}

// TestAnonymousSeal checks that after the close of an anonymous vote no
// ballot in the database names its member, while the count stays.
func TestAnonymousSeal(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 3)
		now := time.Now()
		v := f.newVote(t, db, true, now.Add(-time.Hour), now.Add(time.Hour))
		named := f.newVote(t, db, false, now.Add(-time.Hour), now.Add(time.Hour))
		for i, m := range f.members {
			for _, x := range []*cdoatlas.Vote{v, named} {
				if err := db.CastBallot(ctx, x.ID, m.ID, cdoatlas.Ranks{{opt(x, i)}}); err != nil {
					t.Fatal(err)
				}
			}
		}
		linked := func(voteID int64) int {
			var n int
			if err := db.ReadPool().QueryRowContext(ctx, fmt.Sprintf("SELECT COUNT(*) FROM ballots WHERE vote_id = %d AND member_id IS NOT NULL", voteID)).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := linked(v.ID); n != 3 {
			t.Fatalf("%d ballots linked before the close, want 3 (members change them until then)", n)
		}
		// The close time passes; the first read seals.
		db.Now = func() time.Time { return now.Add(2 * time.Hour) }
		defer func() { db.Now = time.Now }()
		ballots, voted, _, err := db.FindBallots(ctx, v.ID)
		if err != nil || len(ballots) != 3 || voted != 3 {
			t.Fatalf("ballots %v, voted %d, %v", ballots, voted, err)
		}
		if n := linked(v.ID); n != 0 {
			t.Errorf("%d ballots of the closed anonymous vote still name their member", n)
		}
		if _, err := db.FindBallot(ctx, v.ID, f.members[0].ID); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			t.Errorf("own ballot after the seal: %v, want ENOTFOUND", err)
		}
		if voted, err := db.HasVoted(ctx, v.ID, f.members[0].ID); err != nil || !voted {
			t.Errorf("participation lost: %v %v", voted, err)
		}
		if _, err := db.FindNamedBallots(ctx, v.ID); cdoatlas.ErrorCode(err) != cdoatlas.EFORBIDDEN {
			t.Errorf("named ballots of an anonymous vote: %v, want EFORBIDDEN", err)
		}
		if n := linked(named.ID); n != 3 {
			t.Errorf("the vote that is not anonymous lost its names: %d linked", n)
		}
		if got, err := db.FindNamedBallots(ctx, named.ID); err != nil || len(got) != 3 {
			t.Errorf("named ballots %v, %v", got, err)
		}
		// The audit log has the vote's creation, nothing of the ballots.
		entries, _, err := db.FindAuditEntries(ctx, cdoatlas.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var created int
		for _, e := range entries {
			if e.Entity == cdoatlas.AuditVote && e.EntityID == v.ID && e.Action == cdoatlas.AuditCreate {
				created++
			}
			if e.Entity != cdoatlas.AuditVote && e.Entity != cdoatlas.AuditTopic && e.Entity != cdoatlas.AuditMembership {
				t.Errorf("audit entry of a %s (%s): ballots are not audited", e.Entity, e.Fields)
			}
		}
		if created != 1 {
			t.Errorf("%d audit entries of the vote's creation, want 1", created)
		}
		// The close job finds nothing left to seal.
		if n, err := db.SealVotes(ctx); err != nil || n != 0 {
			t.Errorf("SealVotes: %d, %v", n, err)
		}
	})
}

func TestSealVotesJob(t *testing.T) {
	db := sqldbtest.Open(t)
	ctx := context.Background()
	f := newVoteFixture(t, db, 1)
	now := time.Now()
	v := f.newVote(t, db, true, now.Add(-time.Hour), now.Add(time.Minute))
	if err := db.CastBallot(ctx, v.ID, f.members[0].ID, cdoatlas.Ranks{{opt(v, 0)}}); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return now.Add(time.Hour) }
	if n, err := db.SealVotes(ctx); err != nil || n != 1 {
		t.Fatalf("SealVotes: %d, %v; want 1", n, err)
	}
	var n int
	db.ReadPool().QueryRowContext(ctx, "SELECT COUNT(*) FROM ballots WHERE member_id IS NOT NULL").Scan(&n)
	if n != 0 {
		t.Errorf("%d ballots linked after the close job", n)
	}
}

func TestMergeTopics(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 3)
		now := time.Now()
		v := f.newVote(t, db, false, now.Add(-time.Hour), now.Add(time.Hour))
		ki, ozg, ki2 := opt(v, 0), opt(v, 1), opt(v, 2) // topics 0, 1, 2; 2 duplicates 0
		free := opt(v, 3)
		casts := []cdoatlas.Ranks{
			{{ki2}, {ozg}, {ki}}, // the duplicate ranked better: KI takes its rank
			{{ozg}, {ki2}},       // only the duplicate: KI takes its rank
			{{ki, free}, {ki2}},  // KI better already
		}
		for i, r := range casts {
			if err := db.CastBallot(ctx, v.ID, f.members[i].ID, r); err != nil {
				t.Fatal(err)
			}
		}
		// Another vote has only the duplicate: its option moves to KI.
		w := &cdoatlas.Vote{CircleID: f.circle.ID, Question: "Und danach?", OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(time.Hour),
			Options: []*cdoatlas.VoteOption{{TopicID: &f.topics[2].ID, Label: f.topics[2].Title}, {TopicID: &f.topics[3].ID, Label: f.topics[3].Title}}}
		if err := db.CreateVote(ctx, w); err != nil {
			t.Fatal(err)
		}
		if err := db.MergeTopics(ctx, f.topics[0].ID, f.topics[2].ID); err != nil {
			t.Fatal(err)
		}
		want := []cdoatlas.Ranks{{{ki}, {ozg}}, {{ozg}, {ki}}, {{ki, free}}}
		for i := range casts {
			if got, err := db.FindBallot(ctx, v.ID, f.members[i].ID); err != nil || !equalRanks(got, want[i]) {
				t.Errorf("ballot %d after the merge: %v, %v; want %v", i, got, err, want[i])
			}
		}
		got, err := db.FindVoteByID(ctx, v.ID)
		if err != nil || len(got.Options) != 3 {
			t.Fatalf("options after the merge: %v", err)
		}
		got, _ = db.FindVoteByID(ctx, w.ID)
		if *got.Options[0].TopicID != f.topics[0].ID || got.Options[0].Label != f.topics[0].Title {
			t.Errorf("the other vote's option: topic %d %q, want the kept topic", *got.Options[0].TopicID, got.Options[0].Label)
		}
		active, _ := db.FindTopics(ctx, f.network.ID, false)
		for _, tp := range active {
			if tp.ID == f.topics[2].ID {
				t.Error("the merged topic is still active")
			}
		}
		wantCode(t, db.MergeTopics(ctx, f.topics[0].ID, f.topics[2].ID), cdoatlas.ECONFLICT)
		wantCode(t, db.MergeTopics(ctx, f.topics[0].ID, f.topics[0].ID), cdoatlas.EINVALID)
		if err := db.ArchiveTopic(ctx, f.topics[3].ID, true); err != nil {
			t.Fatal(err)
		}
		if archived, _ := db.FindTopics(ctx, f.network.ID, true); len(archived) != 1 || archived[0].ID != f.topics[3].ID {
			t.Errorf("archived topics %v", archived)
		}
	})
}

// TestConcurrentBallots lets 500 members cast and change their ballots
// at once in the last minute of a vote: afterwards each has exactly one
// ballot, the last one they wrote.
func TestConcurrentBallots(t *testing.T) {
	if testing.Short() {
		t.Skip("500 members")
	}
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		const n = 500
		f := newVoteFixture(t, db, n)
		now := time.Now()
		v := f.newVote(t, db, false, now.Add(-time.Hour), now.Add(time.Minute))
		last := make([]cdoatlas.Ranks, n)
		var wg sync.WaitGroup
		errs := make(chan error, 2*n)
		for i, m := range f.members {
			wg.Go(func() {
				// Three writes each: the last one counts.
				for k := range 3 {
					r := cdoatlas.Ranks{{opt(v, (i+k)%4)}, {opt(v, (i+k+1)%4), opt(v, (i+k+2)%4)}}
					if err := castRetrying(ctx, db, v.ID, m.ID, r); err != nil {
						errs <- err
						return
					}
					last[i] = r
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		ballots, voted, eligible, err := db.FindBallots(ctx, v.ID)
		if err != nil || len(ballots) != n || voted != n || eligible != n {
			t.Fatalf("%d ballots, %d voted of %d, %v; want %d each", len(ballots), voted, eligible, err, n)
		}
		for i, m := range f.members {
			if got, err := db.FindBallot(ctx, v.ID, m.ID); err != nil || !equalRanks(got, last[i]) {
				t.Fatalf("member %d: ballot %v, %v; want the last written %v", i, got, err, last[i])
			}
		}
	})
}

// castRetrying casts a ballot, trying again while the database is busy
// (ECONFLICT without a closed vote), as a member would press again.
func castRetrying(ctx context.Context, db *sqldb.DB, voteID, memberID int64, r cdoatlas.Ranks) error {
	var err error
	for range 20 {
		err = db.CastBallot(ctx, voteID, memberID, r)
		if cdoatlas.ErrorCode(err) != cdoatlas.ECONFLICT || cdoatlas.ErrorMessage(err) == "votes.not_open" {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
	return err
}

// TestSealedOrder checks that after the seal the ballots' order in the
// table is that of their random IDs, not the order of casting, which the
// participation could be matched against.
func TestSealedOrder(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := newVoteFixture(t, db, 8)
		now := time.Now()
		v := f.newVote(t, db, true, now.Add(-time.Hour), now.Add(time.Hour))
		for i, m := range f.members {
			if err := db.CastBallot(ctx, v.ID, m.ID, cdoatlas.Ranks{{opt(v, i%4)}}); err != nil {
				t.Fatal(err)
			}
		}
		db.Now = func() time.Time { return now.Add(2 * time.Hour) }
		defer func() { db.Now = time.Now }()
		if _, _, _, err := db.FindBallots(ctx, v.ID); err != nil { // the first read after the close seals
			t.Fatal(err)
		}
		// The physical order: PostgreSQL's ctid; SQLite reads a table
		// without row IDs in the order of its key.
		query := fmt.Sprintf("SELECT id FROM ballots WHERE vote_id = %d", v.ID)
		if db.Dialect() == "postgres" {
			query += " ORDER BY ctid"
		} else if _, err := db.ReadPool().ExecContext(ctx, "SELECT rowid FROM ballots"); err == nil {
			t.Fatal("the ballots table has row IDs, which keep the order of casting")
		}
		rows, err := db.ReadPool().QueryContext(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if len(ids) != 8 || !slices.IsSorted(ids) {
			t.Errorf("ballots stored in the order %v, want the order of their IDs (8)", ids)
		}
	})
}
