package cdoatlas

import (
	"slices"
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
