package vote

import (
	"slices"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestVoteMethodsAlike(t *testing.T) {
	if !slices.Equal(cdoatlas.VoteMethods, Methods) {
		t.Errorf("cdoatlas.VoteMethods %q, vote.Methods %q", cdoatlas.VoteMethods, Methods)
	}
}

func topicVote(method string) *cdoatlas.Vote {
	t1, t2 := int64(11), int64(12)
	return &cdoatlas.Vote{Method: method, Options: []*cdoatlas.VoteOption{
		{ID: 1, TopicID: &t1, Label: "KI"}, {ID: 2, TopicID: &t2, Label: "OZG"}, {ID: 3, Label: "Frei"}}}
}

func TestTallyVote(t *testing.T) {
	ballots := []cdoatlas.Ranks{{{2}, {1}}, {{2, 3}}, {{1}, {2}}, {{2}}, {{9}, {1}}} // 9: merged away
	res, err := TallyVote(topicVote(Schulze), ballots)
	if err != nil {
		t.Fatal(err)
	}
	if res.Ballots != 5 {
		t.Errorf("ballots %d, want 5", res.Ballots)
	}
	if got := res.Ranked[0][0].Label; got != "OZG" {
		t.Errorf("winner %q, want OZG (ranking %v)", got, res.Ranking)
	}
	if !slices.Equal(res.TopicIDs, []int64{12, 11}) {
		t.Errorf("topic IDs %v, want [12 11]: free options left out", res.TopicIDs)
	}
	// The ballot that named the merged-away option 9 counts 1 above 3.
	if got := res.Pairwise[OptionKey(1)][OptionKey(3)]; got != 3 {
		t.Errorf("1 over 3 on %d ballots, want 3", got)
	}
}

func TestMergeRanks(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   cdoatlas.Ranks
		want cdoatlas.Ranks
	}{
		{"DropBetter", cdoatlas.Ranks{{5}, {2}, {1}}, cdoatlas.Ranks{{5}, {1}}},
		{"KeepBetter", cdoatlas.Ranks{{1}, {5}, {2}}, cdoatlas.Ranks{{1}, {5}}},
		{"OnlyDrop", cdoatlas.Ranks{{3}, {2}}, cdoatlas.Ranks{{3}, {1}}},
		{"Tied", cdoatlas.Ranks{{1, 2, 3}}, cdoatlas.Ranks{{1, 3}}},
		{"Neither", cdoatlas.Ranks{{3}}, cdoatlas.Ranks{{3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cdoatlas.MergeRanks(tc.in, 1, 2)
			if !slices.EqualFunc(got, tc.want, func(a, b []int64) bool { return slices.Equal(a, b) }) {
				t.Errorf("MergeRanks(%v, keep 1, drop 2) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
