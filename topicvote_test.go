package cdoatlas

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func testVote() *Vote {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	return &Vote{CircleID: 1, Question: "Woran arbeiten wir?", OpensAt: now, ClosesAt: now.Add(time.Hour),
		Options: []*VoteOption{{ID: 1, Label: "KI"}, {ID: 2, Label: "OZG"}, {ID: 3, Label: "Open Data"}}}
}

func TestVoteValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(v *Vote)
		field  string
	}{
		{"OK", func(v *Vote) {}, ""},
		{"ErrQuestion", func(v *Vote) { v.Question = " " }, "question"},
		{"ErrMethod", func(v *Vote) { v.Method = "condorcet" }, "method"},
		{"ErrClosesBeforeOpens", func(v *Vote) { v.ClosesAt = v.OpensAt }, "closes_at"},
		{"ErrOneOption", func(v *Vote) { v.Options = v.Options[:1] }, "options"},
		{"ErrDuplicateOption", func(v *Vote) { v.Options[1].Label = "ki" }, "options"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := testVote()
			tc.change(v)
			err := v.Validate()
			if tc.field == "" {
				if err != nil || v.Method != "schulze" {
					t.Errorf("Validate: %v, method %q; want nil and schulze", err, v.Method)
				}
				return
			}
			if e, ok := err.(*Error); !ok || e.Fields[tc.field] == "" {
				t.Errorf("Validate: %v, want a message for %s", err, tc.field)
			}
		})
	}
}

func TestVoteCheckChange(t *testing.T) {
	old := testVote()
	old.Anonymous, old.Method = true, "schulze"
	before := old.OpensAt.Add(-time.Minute)
	off := *old
	off.Anonymous = false
	if ErrorCode(old.CheckChange(&off, before)) != ECONFLICT {
		t.Error("anonymity switched off")
	}
	hidden := *old
	hidden.HideResults = true
	if err := old.CheckChange(&hidden, before); err != nil {
		t.Errorf("hiding results: %v", err)
	}
	shown := *old
	shown.HideResults = false
	if ErrorCode(hidden.CheckChange(&shown, before)) != ECONFLICT {
		t.Error("hidden results shown before the close")
	}
	borda := *old
	borda.Method = "borda"
	if ErrorCode(old.CheckChange(&borda, old.OpensAt.Add(time.Minute))) != ECONFLICT {
		t.Error("method changed while open")
	}
	if ErrorCode(old.CheckChange(old, old.ClosesAt)) != ECONFLICT {
		t.Error("a closed vote changed")
	}
}

// TestVoteCheckChangeByState checks what may change before the opening,
// while the vote is open, and after the close.
func TestVoteCheckChangeByState(t *testing.T) {
	old := testVote()
	old.Method = "schulze"
	topic := int64(7)
	old.Options[0].TopicID = &topic
	planned := old.OpensAt.Add(-time.Minute)
	open := old.OpensAt.Add(time.Minute)
	for _, tc := range []struct {
		name   string
		at     time.Time
		change func(v *Vote)
		code   string
	}{
		{"PlannedQuestion", planned, func(v *Vote) { v.Question = "Was zuerst?" }, ""},
		{"PlannedMethodAndTimes", planned, func(v *Vote) {
			v.Method, v.OpensAt, v.ClosesAt = "borda", v.OpensAt.Add(time.Hour), v.ClosesAt.Add(time.Hour)
		}, ""},
		{"PlannedOptions", planned, func(v *Vote) {
			v.Options = []*VoteOption{{ID: 3, Label: "Offene Daten"}, {ID: 1, Label: "KI"}, {Label: "Neu"}}
		}, ""},
		{"PlannedForeignOption", planned, func(v *Vote) { v.Options = []*VoteOption{{ID: 1, Label: "A"}, {ID: 9, Label: "B"}} }, EINVALID},
		{"PlannedOptionTwice", planned, func(v *Vote) { v.Options = []*VoteOption{{ID: 1, Label: "A"}, {ID: 1, Label: "B"}} }, EINVALID},
		{"PlannedTooFewOptions", planned, func(v *Vote) { v.Options = v.Options[:1] }, EINVALID},
		{"OpenExtend", open, func(v *Vote) { v.ClosesAt = v.ClosesAt.Add(time.Hour) }, ""},
		{"OpenHideResults", open, func(v *Vote) { v.HideResults = true }, ""},
		{"OpenEarlierClose", open, func(v *Vote) { v.ClosesAt = v.ClosesAt.Add(-time.Minute) }, EINVALID},
		{"OpenQuestion", open, func(v *Vote) { v.Question = "Was zuerst?" }, ECONFLICT},
		{"OpenMethod", open, func(v *Vote) { v.Method = "borda" }, ECONFLICT},
		{"OpenOpens", open, func(v *Vote) { v.OpensAt = v.OpensAt.Add(-time.Hour) }, ECONFLICT},
		{"OpenCircle", open, func(v *Vote) { v.CircleID = 2 }, ECONFLICT},
		{"OpenRenameOption", open, func(v *Vote) { v.Options[1] = &VoteOption{ID: 2, Label: "Onlinezugang"} }, ECONFLICT},
		{"OpenRemoveOption", open, func(v *Vote) { v.Options = v.Options[:2] }, ECONFLICT},
		{"ClosedExtend", old.ClosesAt, func(v *Vote) { v.ClosesAt = v.ClosesAt.Add(time.Hour) }, ECONFLICT},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := *old
			v.Options = nil
			for _, o := range old.Options {
				c := *o
				v.Options = append(v.Options, &c)
			}
			tc.change(&v)
			if code := ErrorCode(old.CheckChange(&v, tc.at)); code != tc.code {
				t.Errorf("CheckChange: code %q, want %q", code, tc.code)
			}
		})
	}
	t.Run("TopicKept", func(t *testing.T) {
		v := *old
		other := int64(8)
		v.Options = []*VoteOption{{ID: 1, Label: "Künstliche Intelligenz", TopicID: &other}, {Label: "Neu"}}
		if err := old.CheckChange(&v, planned); err != nil {
			t.Fatal(err)
		}
		if v.Options[0].TopicID == nil || *v.Options[0].TopicID != topic {
			t.Errorf("the renamed option's topic: %v, want %d", v.Options[0].TopicID, topic)
		}
	})
}

func TestVoteCheckDelete(t *testing.T) {
	v := testVote()
	if err := v.CheckDelete(v.OpensAt.Add(-time.Second), 0); err != nil {
		t.Errorf("a planned vote: %v", err)
	}
	if ErrorCode(v.CheckDelete(v.OpensAt, 0)) != ECONFLICT {
		t.Error("a vote that opened was deletable")
	}
	if ErrorCode(v.CheckDelete(v.OpensAt.Add(-time.Second), 1)) != ECONFLICT {
		t.Error("a vote with a ballot was deletable")
	}
}

func TestVoteChanges(t *testing.T) {
	old := testVote()
	v := *old
	v.ClosesAt = v.ClosesAt.Add(time.Hour)
	v.Options = []*VoteOption{old.Options[1], old.Options[0], old.Options[2]}
	if got := strings.Join(old.Changes(&v), ", "); got != "options, closes_at" {
		t.Errorf("Changes: %q, want options, closes_at", got)
	}
	if got := old.Changes(old); len(got) != 0 {
		t.Errorf("Changes of no change: %v", got)
	}
}

func TestRanksFromPlaces(t *testing.T) {
	v := testVote()
	r, err := v.RanksFromPlaces(map[int64]int{1: 3, 2: 0, 3: 3})
	if err != nil || len(r) != 1 || !slices.Equal(r[0], []int64{1, 3}) {
		t.Errorf("ties on rank 3 with a gap: %v, %v; want [[1 3]]", r, err)
	}
	if _, err := v.RanksFromPlaces(map[int64]int{9: 1}); ErrorCode(err) != EINVALID {
		t.Errorf("an option of another vote: %v", err)
	}
	if _, err := v.RanksFromPlaces(map[int64]int{1: 4}); ErrorCode(err) != EINVALID {
		t.Errorf("rank 4 of 3 options: %v", err)
	}
	if got := (Ranks{{2}, {1, 3}}).Places(); got[2] != 1 || got[1] != 2 || got[3] != 2 {
		t.Errorf("Places %v", got)
	}
}
