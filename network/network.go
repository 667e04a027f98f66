// Package network proposes whom to admit to a capped peer network of CDOs
// (issue #5): given the capacity, the current members and the applicants,
// which applicants take the free seats, in which order the others wait,
// who is declined and who goes to the coordinator first — each with a
// reason in German and English. It is pure logic without a database;
// ReadCandidates reads the CSV or XLSX files of `cdoatlas network propose`.
//
// Admission checks what a person is responsible for, not the title: the
// CDO check of classify.Classify on the applicant's tasks decides whether
// an applicant is eligible (yes), declined (no) or reviewed by the
// coordinator first (unknown). Among the eligible, Propose fills the free
// seats by these priorities, each deciding only among the choices equal
// by the ones before it:
//
//  1. Coverage: every size class and every country found among the
//     eligible gets a seat when the circle has none of it yet, and so do
//     the eastern German states (EastRegions) when one of their applicants
//     is eligible. With fewer seats than uncovered groups, as many groups
//     as possible are covered.
//  2. Women: the share of women (gender f) among the admitted is not below
//     their share among the eligible, as far as coverage allows.
//  3. Balance: the Imbalance of the whole circle (members and admitted)
//     over the weighted Goals is as small as possible.
//  4. Application date: earlier first, then the smaller ID.
package network

import (
	"github.com/cdoatlas/cdoatlas/locale"
	"sort"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
)

// Candidate is an applicant or a current member of the circle, as one row
// of an applications or members file.
type Candidate struct {
	ID           string `json:"id"`
	PersonName   string `json:"person_name"`
	Organization string `json:"organization"`
	Kind         string `json:"kind"`    // cdoatlas.Kinds
	Country      string `json:"country"` // ISO 3166-1 alpha-2
	Region       string `json:"region"`  // ISO 3166-2
	// Population of the organization; nil when unknown. With Kind it gives
	// the size class.
	Population *int64 `json:"population"`
	Title      string `json:"title"`
	Tasks      string `json:"tasks"`
	Placement  string `json:"placement"` // cdoatlas.Placements
	// Gender as recorded (f, m, d, unknown), never guessed.
	Gender    string               `json:"gender"`
	AppliedOn cdoatlas.PartialDate `json:"applied_on"`
}

// SizeClass is the KGSt size class of the candidate's organization, ""
// when it has none (states, companies) or the population is unknown.
func (c Candidate) SizeClass() string {
	return cdoatlas.SizeClassOf(c.Kind, c.Population, nil)
}

// Archetype is the focus the candidate's tasks show (classify.Archetype),
// "" without tasks.
func (c Candidate) Archetype() string { return classify.Archetype(c.Tasks) }

// Value returns the candidate's value of a balance attribute (see
// Attributes); "" when it is unknown, which includes gender "unknown".
func (c Candidate) Value(attribute string) string {
	switch attribute {
	case AttrSizeClass:
		return c.SizeClass()
	case AttrCountry:
		return c.Country
	case AttrRegion:
		return c.Region
	case AttrKind:
		if c.Kind == cdoatlas.KindUnknown {
			return ""
		}
		return c.Kind
	case AttrGender:
		if c.Gender == cdoatlas.GenderUnknown {
			return ""
		}
		return c.Gender
	case AttrArchetype:
		return c.Archetype()
	}
	return ""
}

// East reports whether the candidate's organization lies in one of
// EastRegions.
func (c Candidate) East() bool {
	for _, r := range EastRegions {
		if c.Region == r {
			return true
		}
	}
	return false
}

// EastRegions are the eastern German states whose representation the
// proposal seeks: the five "neue Bundesländer" Brandenburg,
// Mecklenburg-Vorpommern, Sachsen, Sachsen-Anhalt and Thüringen. Berlin
// (DE-BE) is left out: it is counted on its own in the usual statistics of
// the new Länder, and as a city state and metropolis it is not among the
// eastern municipalities the network finds underrepresented; its size
// class (GK1) and region are balanced like any other.
var EastRegions = []string{"DE-BB", "DE-MV", "DE-SN", "DE-ST", "DE-TH"}

// Balance attributes: what the circle should be spread over.
const (
	AttrSizeClass = "size_class"
	AttrCountry   = "country"
	AttrRegion    = "region"
	AttrKind      = "kind"
	AttrGender    = "gender"
	AttrArchetype = "archetype"
)

// Attributes lists the balance attributes in a fixed order.
var Attributes = cdoatlas.BalanceAttributes

// Goals weigh the balance attributes in the Imbalance of a circle. A
// missing attribute or a weight of 0 leaves it out; with no weights at all
// only coverage, the women's share and the application date decide.
type Goals struct {
	Weights map[string]float64 `json:"weights"`
}

// DefaultGoals weigh size class 3, region 2, country 2, gender 2, kind 1
// and archetype 1: the network is built around the size classes first
// (every size class at the table), then where its members come from and
// the share of women, the underrepresented groups; the kind of
// body and the focus of the post come last.
func DefaultGoals() Goals { return Goals{Weights: cdoatlas.DefaultGoals()} }

// Validate checks that every weight names an attribute and is a finite
// number of at least 0: EINVALID otherwise.
func (g Goals) Validate() error {
	names := make([]string, 0, len(g.Weights))
	for a := range g.Weights {
		names = append(names, a)
	}
	sort.Strings(names)
	for _, a := range names {
		w := g.Weights[a]
		if attrIndex(a) < 0 {
			return cdoatlas.Errorf(cdoatlas.EINVALID, "unknown balance goal %q (known: size_class, country, region, kind, gender, archetype)", a)
		}
		if !(w >= 0) || w > 1e6 {
			return cdoatlas.Errorf(cdoatlas.EINVALID, "the weight of %s must be a number from 0 to 1000000, got %v", a, w)
		}
	}
	return nil
}

func attrIndex(a string) int {
	for i, x := range Attributes {
		if x == a {
			return i
		}
	}
	return -1
}

// Proposal is the answer of Propose: whom to admit, who waits in which
// order, who is declined and who goes to the coordinator first.
type Proposal struct {
	// Free is the number of free seats: capacity minus members.
	Free int `json:"free"`
	// Admit lists the applicants to admit, by application date.
	Admit []string `json:"admit"`
	// Waitlist lists the other eligible applicants in offer order: the
	// first would take one more seat, the second the next, and so on.
	Waitlist []string `json:"waitlist"`
	// Declined lists the applicants whose CDO check is no.
	Declined []Declined `json:"declined"`
	// Review lists the applicants whose CDO check is unknown: the
	// coordinator decides on them before they can be admitted.
	Review []string `json:"review"`
	// Explain gives one reason per applicant.
	Explain map[string]Explanation `json:"explain"`
	// Imbalance of the circle with the admitted (see Imbalance), measured
	// over the values of the members and the eligible applicants.
	Imbalance float64 `json:"imbalance"`
}

// Declined is an applicant whose CDO check is no, with the check's reasons.
type Declined struct {
	ID string `json:"id"`
	// Reason joins the English texts of Reasons.
	Reason  string            `json:"reason"`
	Reasons []classify.Reason `json:"-"`
}

// Explanation is the reason for one applicant's place in a proposal, in
// German and English, with a code for programs (admit.covers_size_class,
// waitlist.balance, declined.cdo_check …).
type Explanation struct {
	Code string `json:"code"`
	DE   string `json:"de"`
	EN   string `json:"en"`
}

// Text returns the explanation in lang ("en", otherwise German).
func (e Explanation) Text(lang string) string {
	if lang == locale.English {
		return e.EN
	}
	return e.DE
}

// checkIDs refuses empty and repeated IDs among members and applicants.
func checkIDs(members, applicants []Candidate) error {
	seen := map[string]string{}
	for _, list := range []struct {
		what string
		cs   []Candidate
	}{{"member", members}, {"applicant", applicants}} {
		for i, c := range list.cs {
			if c.ID == "" {
				return cdoatlas.Errorf(cdoatlas.EINVALID, "%s %d has no id", list.what, i+1)
			}
			if prev, ok := seen[c.ID]; ok {
				return cdoatlas.Errorf(cdoatlas.EINVALID, "the id %q is given twice (%s and %s)", c.ID, prev, list.what)
			}
			seen[c.ID] = list.what
		}
	}
	return nil
}

// checkApplicants checks the input and runs the CDO check of every
// applicant. It returns the eligible applicants by date and a proposal
// with the declined and the reviewed filled in.
func checkApplicants(capacity int, members, applicants []Candidate) ([]Candidate, *Proposal, error) {
	if capacity < 0 {
		return nil, nil, cdoatlas.Errorf(cdoatlas.EINVALID, "the capacity must be 0 or more, got %d", capacity)
	}
	if len(members) > capacity {
		return nil, nil, cdoatlas.Errorf(cdoatlas.EINVALID, "the circle has %d members, more than its capacity of %d", len(members), capacity)
	}
	if err := checkIDs(members, applicants); err != nil {
		return nil, nil, err
	}
	p := &Proposal{Free: capacity - len(members), Admit: []string{}, Waitlist: []string{}, Declined: []Declined{},
		Review: []string{}, Explain: map[string]Explanation{}}
	sorted := append([]Candidate(nil), applicants...)
	sortByDate(sorted)
	var eligible []Candidate
	for _, c := range sorted {
		out := classify.Classify(classify.Input{Title: c.Title, Tasks: c.Tasks, Placement: c.Placement,
			Organization: c.Organization, Country: c.Country})
		switch out.CDOCheck {
		case cdoatlas.CheckYes:
			eligible = append(eligible, c)
		case cdoatlas.CheckNo:
			e, rs := declinedReason(out.Explanations)
			p.Declined = append(p.Declined, Declined{ID: c.ID, Reason: strings.TrimPrefix(e.EN, "CDO check no: "), Reasons: rs})
			p.Explain[c.ID] = e
		default:
			p.Review = append(p.Review, c.ID)
			p.Explain[c.ID] = reviewReason(c)
		}
	}
	return eligible, p, nil
}

// sortByDate orders candidates by application date (unknown dates last,
// a partial date at its first day, then the shorter form), then by ID.
func sortByDate(cs []Candidate) {
	sort.SliceStable(cs, func(i, j int) bool { return earlier(cs[i], cs[j]) })
}

func earlier(a, b Candidate) bool {
	if (a.AppliedOn == "") != (b.AppliedOn == "") {
		return b.AppliedOn == ""
	}
	if a.AppliedOn != b.AppliedOn {
		ta, tb := a.AppliedOn.Earliest(), b.AppliedOn.Earliest()
		if !ta.Equal(tb) {
			return ta.Before(tb)
		}
		return len(a.AppliedOn) < len(b.AppliedOn)
	}
	return a.ID < b.ID
}

// Greedy is the baseline Propose is measured against: it checks the
// applicants the same way and admits the eligible in application order
// until the seats are full; the rest wait in that order.
func Greedy(capacity int, members, applicants []Candidate, goals Goals) (*Proposal, error) {
	if err := goals.Validate(); err != nil {
		return nil, err
	}
	eligible, p, err := checkApplicants(capacity, members, applicants)
	if err != nil {
		return nil, err
	}
	for i, c := range eligible {
		if i < p.Free {
			p.Admit = append(p.Admit, c.ID)
			p.Explain[c.ID] = explanation("admit.date", "admit.date", appliedOn(c.AppliedOn))
			continue
		}
		p.Waitlist = append(p.Waitlist, c.ID)
		p.Explain[c.ID] = explanation("waitlist.date", "waitlist.date", len(p.Waitlist), appliedOn(c.AppliedOn))
	}
	pool := append(append([]Candidate(nil), members...), eligible...)
	circle := append(append([]Candidate(nil), members...), eligible[:min(p.Free, len(eligible))]...)
	p.Imbalance = Imbalance(circle, pool, goals)
	return p, nil
}
