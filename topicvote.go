package cdoatlas

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Topic is a subject a network's members propose to work on. Coordinators
// merge duplicates (MergedInto names the topic that keeps its votes) and
// archive topics that are done.
type Topic struct {
	ID          int64     `json:"id"`
	NetworkID   int64     `json:"network_id"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	ProposerID  int64     `json:"-"`        // the account that proposed it
	Proposer    string    `json:"proposer"` // the name shown for them
	Archived    bool      `json:"archived"`
	MergedInto  *int64    `json:"merged_into"`
	CreatedAt   time.Time `json:"created_at"`
}

// Validate trims t and checks it: EINVALID with a key per field.
func (t *Topic) Validate() error {
	t.Title = strings.TrimSpace(t.Title)
	t.Description = strings.TrimSpace(t.Description)
	t.Proposer = strings.TrimSpace(t.Proposer)
	fe := FieldErrors{}
	switch {
	case t.Title == "":
		fe.Add("title", "required")
	case utf8.RuneCountInString(t.Title) > 200:
		fe.Add("title", TooLong(200))
	}
	fe.CheckLine("title", t.Title)
	if utf8.RuneCountInString(t.Description) > 5000 {
		fe.Add("description", TooLong(5000))
	}
	fe.CheckText("description", t.Description)
	if t.NetworkID <= 0 {
		fe.Add("network_id", "required")
	}
	return fe.Err()
}

// Vote is a topic vote of a circle: members rank its options between
// OpensAt and ClosesAt (UTC). Anonymous and HideResults are chosen when it
// is made and can be switched on later, never off.
type Vote struct {
	ID        int64  `json:"id"`
	NetworkID int64  `json:"network_id"`
	CircleID  int64  `json:"circle_id"`
	Question  string `json:"question"`
	Method    string `json:"method"` // one of VoteMethods
	// Anonymous: nobody, coordinators and admins included, ever sees who
	// ranked what; after the close the ballots lose their member.
	Anonymous bool `json:"anonymous"`
	// HideResults keeps the results from everyone until the close.
	HideResults bool          `json:"hide_results"`
	OpensAt     time.Time     `json:"opens_at"`
	ClosesAt    time.Time     `json:"closes_at"`
	Sealed      bool          `json:"-"` // the ballots no longer name their members
	CreatedAt   time.Time     `json:"created_at"`
	Options     []*VoteOption `json:"options"`
}

// VoteOption is one option of a vote: a topic of the network, or a free
// option (TopicID nil).
type VoteOption struct {
	ID      int64  `json:"id"`
	TopicID *int64 `json:"topic_id"`
	Label   string `json:"label"`
}

// VoteMethods are the counting methods of package vote, the default
// (Schulze) first; a test there keeps the two lists alike.
var VoteMethods = []string{"schulze", "borda", "approval", "plurality"}

// MaxVoteOptions is the most options a vote may have.
const MaxVoteOptions = 50

// Validate trims v and checks it: EINVALID with a key per field.
func (v *Vote) Validate() error {
	v.Question = strings.TrimSpace(v.Question)
	if v.Method == "" {
		v.Method = VoteMethods[0]
	}
	fe := FieldErrors{}
	switch {
	case v.Question == "":
		fe.Add("question", "required")
	case utf8.RuneCountInString(v.Question) > 300:
		fe.Add("question", TooLong(300))
	}
	fe.CheckLine("question", v.Question)
	if !slices.Contains(VoteMethods, v.Method) {
		fe.Add("method", "votes.method_invalid")
	}
	if v.CircleID <= 0 {
		fe.Add("circle_id", "required")
	}
	if v.OpensAt.IsZero() {
		fe.Add("opens_at", "votes.time_invalid")
	}
	if v.ClosesAt.IsZero() {
		fe.Add("closes_at", "votes.time_invalid")
	} else if !v.ClosesAt.After(v.OpensAt) {
		fe.Add("closes_at", "votes.closes_before_opens")
	}
	seen := map[string]bool{}
	for _, o := range v.Options {
		o.Label = strings.TrimSpace(o.Label)
		if o.Label == "" || utf8.RuneCountInString(o.Label) > 200 || seen[strings.ToLower(o.Label)] {
			fe.Add("options", "votes.options_invalid")
		}
		fe.CheckLine("options", o.Label)
		seen[strings.ToLower(o.Label)] = true
	}
	if len(v.Options) < 2 || len(v.Options) > MaxVoteOptions {
		fe.Add("options", "votes.options_count")
	}
	return fe.Err()
}

// Open reports whether members may cast or change ballots at now.
func (v *Vote) Open(now time.Time) bool {
	return !now.Before(v.OpensAt) && now.Before(v.ClosesAt) && !v.Sealed
}

// Closed reports whether the vote has closed at now.
func (v *Vote) Closed(now time.Time) bool { return !now.Before(v.ClosesAt) }

// ResultsVisible reports whether the results may be shown at now.
func (v *Vote) ResultsVisible(now time.Time) bool { return v.Closed(now) || !v.HideResults }

// ErrAnonymityKept is the cause of the ECONFLICT error of a change that
// would switch anonymity or hidden results off.
var ErrAnonymityKept = errors.New("anonymity and hidden results cannot be switched off")

// Started reports whether the vote has opened at now (it may have closed
// since): from then on ballots may exist, and only its close can move.
func (v *Vote) Started(now time.Time) bool { return !now.Before(v.OpensAt) || v.Sealed }

// CheckChange checks a change of old into v at now. Anonymity and hidden
// results can never be switched off (they can be switched on until the
// close). Before the opening everything may change: the question, the
// circle, the options (an option of v that has the ID of an option of old
// keeps that option's topic; an option without an ID is new), the times
// and the method. Once the vote opened only a later close may be set, so
// that no ballot cast changes its meaning. A closed vote stays as it is.
// ECONFLICT (ErrAnonymityKept for anonymity), EINVALID.
func (old *Vote) CheckChange(v *Vote, now time.Time) error {
	if old.Anonymous && !v.Anonymous || old.HideResults && !v.HideResults {
		return &Error{Code: ECONFLICT, Message: "votes.anonymity_kept", Err: ErrAnonymityKept}
	}
	if old.Closed(now) || old.Sealed {
		return Errorf(ECONFLICT, "votes.closed")
	}
	if !old.Started(now) {
		byID := map[int64]*VoteOption{}
		for _, o := range old.Options {
			byID[o.ID] = o
		}
		for _, o := range v.Options {
			if o.ID == 0 {
				continue
			}
			was, ok := byID[o.ID]
			if !ok {
				return FieldErrors{"options": "votes.options_invalid"}.Err()
			}
			o.TopicID = was.TopicID
			delete(byID, o.ID) // an option named twice is refused
		}
		return v.Validate()
	}
	if err := v.Validate(); err != nil {
		return err
	}
	if v.Question != old.Question || v.CircleID != old.CircleID || v.Method != old.Method ||
		!sameInstant(v.OpensAt, old.OpensAt) || !sameOptions(v.Options, old.Options) {
		return Errorf(ECONFLICT, "votes.started")
	}
	if truncUS(v.ClosesAt).Before(truncUS(old.ClosesAt)) {
		return FieldErrors{"closes_at": "votes.closes_earlier"}.Err()
	}
	return nil
}

// CheckDelete checks that v may be deleted at now: only before it opened
// and while no ballot was cast. ECONFLICT.
func (v *Vote) CheckDelete(now time.Time, ballots int) error {
	if v.Started(now) || ballots > 0 {
		return Errorf(ECONFLICT, "votes.delete_started")
	}
	return nil
}

// Changes names the fields that differ between old and v, for the audit
// log.
func (old *Vote) Changes(v *Vote) []string {
	var out []string
	add := func(name string, changed bool) {
		if changed {
			out = append(out, name)
		}
	}
	add("question", old.Question != v.Question)
	add("circle_id", old.CircleID != v.CircleID)
	add("options", !sameOptions(old.Options, v.Options))
	add("method", old.Method != v.Method)
	add("anonymous", old.Anonymous != v.Anonymous)
	add("hide_results", old.HideResults != v.HideResults)
	add("opens_at", !sameInstant(old.OpensAt, v.OpensAt))
	add("closes_at", !sameInstant(old.ClosesAt, v.ClosesAt))
	return out
}

// truncUS cuts t to the microseconds both databases keep.
func truncUS(t time.Time) time.Time { return t.Truncate(time.Microsecond) }

func sameInstant(a, b time.Time) bool { return truncUS(a).Equal(truncUS(b)) }

// sameOptions reports whether a and b are the same options in the same
// order with the same labels and topics.
func sameOptions(a, b []*VoteOption) bool {
	return slices.EqualFunc(a, b, func(x, y *VoteOption) bool {
		return x.ID == y.ID && x.Label == y.Label && (x.TopicID == nil) == (y.TopicID == nil) &&
			(x.TopicID == nil || *x.TopicID == *y.TopicID)
	})
}

// Ranks is a ballot as stored: groups of tied option IDs, the highest
// first; options it does not name rank below all.
type Ranks [][]int64

// RanksFromPlaces turns the rank a member chose for each option (1 the
// highest, 0 not chosen) into Ranks. Equal numbers tie; gaps close up.
// EINVALID for an option of another vote or a rank outside 0…len(options).
func (v *Vote) RanksFromPlaces(places map[int64]int) (Ranks, error) {
	byPlace := map[int][]int64{}
	for id, p := range places {
		if !v.hasOption(id) || p < 0 || p > len(v.Options) {
			return nil, FieldErrors{"ranks": "votes.ballot_invalid"}.Err()
		}
		if p > 0 {
			byPlace[p] = append(byPlace[p], id)
		}
	}
	var out Ranks
	for p := 1; p <= len(v.Options); p++ {
		if g := byPlace[p]; len(g) > 0 {
			slices.Sort(g)
			out = append(out, g)
		}
	}
	return out, nil
}

// Places is the inverse of RanksFromPlaces: each ranked option's place.
func (r Ranks) Places() map[int64]int {
	out := map[int64]int{}
	for i, g := range r {
		for _, id := range g {
			out[id] = i + 1
		}
	}
	return out
}

func (v *Vote) hasOption(id int64) bool {
	return slices.ContainsFunc(v.Options, func(o *VoteOption) bool { return o.ID == id })
}

// CheckBallot checks a ballot for v: each option of v at most once, no
// empty group. EINVALID.
func (v *Vote) CheckBallot(r Ranks) error {
	seen := map[int64]bool{}
	for _, g := range r {
		if len(g) == 0 {
			return FieldErrors{"ranks": "votes.ballot_invalid"}.Err()
		}
		for _, id := range g {
			if seen[id] || !v.hasOption(id) {
				return FieldErrors{"ranks": "votes.ballot_invalid"}.Err()
			}
			seen[id] = true
		}
	}
	return nil
}

// Voter returns the membership with which someone of memberships votes in
// v: a current seat in the vote's circle. ok is false for anyone else.
func (v *Vote) Voter(memberships []*Membership) (m *Membership, ok bool) {
	return SeatIn(memberships, v.CircleID)
}

// SeatIn returns the current seat among memberships in the circle: who
// votes in its votes and is invited to its meetings.
func SeatIn(memberships []*Membership, circleID int64) (*Membership, bool) {
	for _, m := range memberships {
		if m.CircleID == circleID && m.LeftAt == nil {
			return m, true
		}
	}
	return nil, false
}

// MergeRanks rewrites a ballot when option drop merges into option keep:
// keep takes the better of the two ranks, drop disappears, and a group
// left empty closes up.
func MergeRanks(r Ranks, keep, drop int64) Ranks {
	best := -1
	for i, g := range r {
		if slices.Contains(g, keep) || slices.Contains(g, drop) {
			best = i
			break
		}
	}
	var out Ranks
	for i, g := range r {
		var ng []int64
		for _, id := range g {
			if id != keep && id != drop {
				ng = append(ng, id)
			}
		}
		if i == best {
			ng = append(ng, keep)
			slices.Sort(ng)
		}
		if len(ng) > 0 {
			out = append(out, ng)
		}
	}
	return out
}

// Audited vote entities.
const (
	AuditVote  = "vote"
	AuditTopic = "topic"
	AuditClose = "close"
	AuditMerge = "merge"
)

// VoteService stores topics, votes and ballots. Ballots of anonymous votes
// are never returned with their member to anyone but that member before
// the close, and lose their member at the close.
type VoteService interface {
	// CreateTopic validates and stores a topic. EINVALID.
	CreateTopic(ctx context.Context, t *Topic) error
	// FindTopicByID returns a topic. ENOTFOUND.
	FindTopicByID(ctx context.Context, id int64) (*Topic, error)
	// FindTopics returns a network's topics that are not merged, oldest
	// first: the active ones, or the archived ones.
	FindTopics(ctx context.Context, networkID int64, archived bool) ([]*Topic, error)
	// MergeTopics merges topic drop into keep: options of drop now refer
	// to keep (a ballot ranking both keeps the better rank), drop is
	// archived. EINVALID for topics of different networks or the same
	// topic, ENOTFOUND, ECONFLICT when one was merged before.
	MergeTopics(ctx context.Context, keepID, dropID int64) error
	// ArchiveTopic archives a topic or brings it back. ENOTFOUND.
	ArchiveTopic(ctx context.Context, id int64, archived bool) error

	// CreateVote validates and stores a vote with its options; an
	// option's topic must be an active topic of the circle's network.
	// EINVALID.
	CreateVote(ctx context.Context, v *Vote) error
	// FindVoteByID returns a vote with its options. ENOTFOUND.
	FindVoteByID(ctx context.Context, id int64) (*Vote, error)
	// FindVotes returns a network's votes with their options, the latest
	// close first.
	FindVotes(ctx context.Context, networkID int64) ([]*Vote, error)
	// UpdateVote changes a vote under CheckChange: before it opens its
	// question, circle (of the same network), options, times, method and
	// visibility; once open only a later close. v.Options nil keeps the
	// options; a new option's topic must be an active topic of the
	// network. ECONFLICT, EINVALID, ENOTFOUND.
	UpdateVote(ctx context.Context, v *Vote) error
	// DeleteVote deletes a vote that has not opened and holds no ballot,
	// with its options. ENOTFOUND, ECONFLICT otherwise.
	DeleteVote(ctx context.Context, id int64) error
	// CloseVote closes an open vote now (its ballots are sealed).
	// ENOTFOUND, ECONFLICT when it is closed.
	CloseVote(ctx context.Context, id int64) error
	// CastBallot records or replaces the ballot of the member (a
	// membership ID) in the vote: only a current member of its circle,
	// only while it is open. ENOTFOUND, EFORBIDDEN for another member,
	// ECONFLICT when the vote is not open, EINVALID.
	CastBallot(ctx context.Context, voteID, memberID int64, r Ranks) error
	// FindBallot returns the member's own ballot; ENOTFOUND when there is
	// none or it can no longer be linked to them (an anonymous vote after
	// the close).
	FindBallot(ctx context.Context, voteID, memberID int64) (Ranks, error)
	// HasVoted reports whether the member cast a ballot in the vote.
	HasVoted(ctx context.Context, voteID, memberID int64) (bool, error)
	// FindBallots returns the ballots of a vote, without their members
	// and in no meaningful order (vote.TallyVote counts them), and the
	// participation: how many members voted, and how many current
	// members the circle has.
	FindBallots(ctx context.Context, voteID int64) (ballots []Ranks, voted, eligible int, err error)
	// FindNamedBallots returns who ranked what in a vote that is not
	// anonymous: member name → ballot. EFORBIDDEN for an anonymous vote.
	FindNamedBallots(ctx context.Context, voteID int64) (map[string]Ranks, error)
	// SealVotes removes the member of every ballot of the anonymous votes
	// that closed, and returns how many votes it sealed.
	SealVotes(ctx context.Context) (int, error)
}

// NetworkSeats returns the current seats among memberships in the circles
// of a network: who is a member of the network and may propose topics.
func NetworkSeats(circles []*Circle, memberships []*Membership) []*Membership {
	var out []*Membership
	for _, m := range memberships {
		if m.LeftAt == nil && slices.ContainsFunc(circles, func(c *Circle) bool { return c.ID == m.CircleID }) {
			out = append(out, m)
		}
	}
	return out
}
