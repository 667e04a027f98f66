package vote

import (
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

// TopicResult is the outcome of a network's topic vote: the tally by the
// vote's method over its options (named by OptionKey), the ranking as
// options, and the participation.
type TopicResult struct {
	*Result
	// Ranked lists groups of tied options, the winners first.
	Ranked [][]*cdoatlas.VoteOption `json:"-"`
	// TopicIDs are the topics of the options in ranking order, the winners
	// first (free options left out): what a meeting's agenda takes over.
	TopicIDs []int64 `json:"topic_ids"`
	Voted    int     `json:"voted"`    // members who cast a ballot
	Eligible int     `json:"eligible"` // current members of the circle
}

// OptionKey names an option of a topic vote in a TopicResult's tally.
func OptionKey(id int64) string { return "o" + strconv.FormatInt(id, 10) }

// TallyVote counts the stored ballots of v by its method. Options a ballot
// names that v no longer has (merged away) are left out.
func TallyVote(v *cdoatlas.Vote, ballots []cdoatlas.Ranks) (*TopicResult, error) {
	options := make([]string, len(v.Options))
	byKey := map[string]*cdoatlas.VoteOption{}
	for i, o := range v.Options {
		options[i] = OptionKey(o.ID)
		byKey[options[i]] = o
	}
	counted := make([]Ballot, 0, len(ballots))
	for _, b := range ballots {
		vb := Ballot{Count: 1}
		for _, g := range b {
			var group []string
			for _, id := range g {
				if k := OptionKey(id); byKey[k] != nil {
					group = append(group, k)
				}
			}
			if len(group) > 0 {
				vb.Ranks = append(vb.Ranks, group)
			}
		}
		counted = append(counted, vb)
	}
	res, err := Tally(v.Method, options, counted)
	if err != nil {
		return nil, cdoatlas.Internal(err)
	}
	out := &TopicResult{Result: res, TopicIDs: []int64{}}
	for _, g := range res.Ranking {
		var group []*cdoatlas.VoteOption
		for _, k := range g {
			o := byKey[k]
			group = append(group, o)
			if o.TopicID != nil {
				out.TopicIDs = append(out.TopicIDs, *o.TopicID)
			}
		}
		out.Ranked = append(out.Ranked, group)
	}
	return out, nil
}
