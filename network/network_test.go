package network

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func pop(n int64) *int64 { return &n }

// cand is an eligible applicant of a municipality of population p in
// region (a German region unless it says otherwise).
func cand(id, region string, p int64, gender, applied string) Candidate {
	country, _, _ := strings.Cut(region, "-")
	return Candidate{ID: id, PersonName: "Person " + id, Organization: "Stadt " + id, Kind: cdoatlas.KindMunicipality,
		Country: country, Region: region, Population: pop(p), Title: "Leitung Digitalisierung",
		Tasks: yesTasks[0], Gender: gender, AppliedOn: cdoatlas.PartialDate(applied)}
}

func mustPropose(t *testing.T, capacity int, members, applicants []Candidate, goals Goals) *Proposal {
	t.Helper()
	p, err := Propose(capacity, members, applicants, goals)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProposeDeclinesNo(t *testing.T) {
	it := cand("A1", "DE-NW", 60000, "m", "2025-01-01")
	it.Tasks = "IT-Betrieb und Support für das Rathaus"
	p := mustPropose(t, 5, nil, []Candidate{it, cand("A2", "DE-NW", 60000, "f", "2025-02-01")}, DefaultGoals())
	if len(p.Declined) != 1 || p.Declined[0].ID != "A1" {
		t.Fatalf("declined %+v, want A1", p.Declined)
	}
	if r := p.Declined[0].Reason; !strings.Contains(r, "IT operations and support") {
		t.Errorf("reason %q does not name the check's finding", r)
	}
	if e := p.Explain["A1"]; e.Code != "declined.cdo_check" || !strings.HasPrefix(e.EN, "CDO check no: ") || !strings.HasPrefix(e.DE, "CDO-Prüfung nein: ") {
		t.Errorf("explanation %+v", e)
	}
	if slices.Contains(p.Admit, "A1") || slices.Contains(p.Waitlist, "A1") {
		t.Errorf("a declined applicant is admitted or waits: %+v", p)
	}
	if !slices.Equal(p.Admit, []string{"A2"}) {
		t.Errorf("admit %v, want [A2]", p.Admit)
	}
}

func TestProposeUnknownGoesToReview(t *testing.T) {
	u := cand("A1", "DE-ST", 8000, "f", "2025-01-01") // would cover a lot
	u.Tasks = ""
	p := mustPropose(t, 3, nil, []Candidate{u, cand("A2", "DE-NW", 60000, "m", "2025-02-01")}, DefaultGoals())
	if !slices.Equal(p.Review, []string{"A1"}) {
		t.Errorf("review %v, want [A1]", p.Review)
	}
	if slices.Contains(p.Admit, "A1") || slices.Contains(p.Waitlist, "A1") || len(p.Declined) > 0 {
		t.Errorf("an applicant for review is admitted, waits or is declined: %+v", p)
	}
	if e := p.Explain["A1"]; e.Code != "review.cdo_check" || !strings.Contains(e.EN, "coordinator") {
		t.Errorf("explanation %+v", e)
	}
}

func TestProposeFullCircle(t *testing.T) {
	members := []Candidate{cand("M1", "DE-NW", 60000, "m", ""), cand("M2", "DE-BY", 600000, "f", "")}
	applicants := []Candidate{cand("A1", "DE-ST", 8000, "f", "2025-01-02"), cand("A2", "AT-9", 1900000, "m", "2025-01-01")}
	t.Run("AdmitsNobody", func(t *testing.T) {
		p := mustPropose(t, 2, members, applicants, DefaultGoals())
		if len(p.Admit) != 0 || p.Free != 0 {
			t.Errorf("admit %v (free %d), want nobody in a full circle", p.Admit, p.Free)
		}
		if len(p.Waitlist) != 2 {
			t.Errorf("waitlist %v, want both eligible applicants", p.Waitlist)
		}
		for _, id := range p.Waitlist {
			if !strings.HasPrefix(p.Explain[id].Code, "waitlist.") {
				t.Errorf("%s: explanation %+v", id, p.Explain[id])
			}
		}
	})
	t.Run("ErrOverCapacity", func(t *testing.T) {
		_, err := Propose(1, members, applicants, DefaultGoals())
		if !errors.Is(err, cdoatlas.ErrInvalid) || !strings.Contains(err.Error(), "more than its capacity") {
			t.Errorf("error %v, want EINVALID about the capacity", err)
		}
	})
	t.Run("ErrDuplicateID", func(t *testing.T) {
		_, err := Propose(5, members, append(applicants, cand("M1", "DE-NW", 1, "m", "")), DefaultGoals())
		if !errors.Is(err, cdoatlas.ErrInvalid) || !strings.Contains(err.Error(), `"M1"`) {
			t.Errorf("error %v, want EINVALID naming M1", err)
		}
	})
}

func TestProposeDeterministic(t *testing.T) {
	capacity, members, applicants := benchInstance(t, 7)
	want := mustPropose(t, capacity, members, applicants, DefaultGoals())
	if len(want.Admit) != capacity-len(members) {
		t.Fatalf("%d admitted, want %d", len(want.Admit), capacity-len(members))
	}
	// Every applicant has exactly one place and one explanation.
	seen := map[string]int{}
	for _, id := range slices.Concat(want.Admit, want.Waitlist, want.Review) {
		seen[id]++
	}
	for _, d := range want.Declined {
		seen[d.ID]++
	}
	for _, c := range applicants {
		if seen[c.ID] != 1 || want.Explain[c.ID].EN == "" || want.Explain[c.ID].DE == "" {
			t.Errorf("%s: %d places, explanation %+v", c.ID, seen[c.ID], want.Explain[c.ID])
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2 {
		rng.Shuffle(len(applicants), func(i, j int) { applicants[i], applicants[j] = applicants[j], applicants[i] })
		rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
		got := mustPropose(t, capacity, members, applicants, DefaultGoals())
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffled input gives another proposal:\nadmit %v\nwant  %v", got.Admit, want.Admit)
		}
	}
}

func TestProposeTiesByDate(t *testing.T) {
	members := []Candidate{cand("M1", "DE-NW", 60000, "m", "")}
	// Alike in every attribute: only the date (then the id) decides.
	applicants := []Candidate{
		cand("C", "DE-NW", 60000, "m", "2025-03-01"),
		cand("B", "DE-NW", 60000, "m", "2025-02-01"),
		cand("A", "DE-NW", 60000, "m", "2025-03-01"),
		cand("D", "DE-NW", 60000, "m", ""),
	}
	p := mustPropose(t, 2, members, applicants, DefaultGoals())
	if !slices.Equal(p.Admit, []string{"B"}) || !slices.Equal(p.Waitlist, []string{"A", "C", "D"}) {
		t.Errorf("admit %v, waitlist %v; want [B], [A C D] (by date, then id, unknown date last)", p.Admit, p.Waitlist)
	}
	if e := p.Explain["B"]; e.Code != "admit.date" || !strings.Contains(e.EN, "2025-02-01") || !strings.Contains(e.DE, "01.02.2025") {
		t.Errorf("B: %+v", e)
	}
	if e := p.Explain["A"]; e.Code != "waitlist.id" {
		t.Errorf("A: %+v, want the id to decide the tie with C", e)
	}
}

func TestProposeWomenShare(t *testing.T) {
	// The members are all women from Bavaria; balance by region alone
	// would take the men from new regions. Women are 3 of 6 eligible, so
	// at least 2 of the 4 admitted must be women.
	members := []Candidate{cand("M1", "DE-BY", 60000, "f", ""), cand("M2", "DE-BY", 60000, "f", "")}
	applicants := []Candidate{
		cand("W1", "DE-BY", 60000, "f", "2025-01-01"), cand("W2", "DE-BY", 60000, "f", "2025-01-02"),
		cand("W3", "DE-BY", 60000, "f", "2025-01-03"),
		cand("X1", "DE-NW", 60000, "m", "2025-02-01"), cand("X2", "DE-HE", 60000, "m", "2025-02-02"),
		cand("X3", "DE-BW", 60000, "m", "2025-02-03"),
	}
	goals := Goals{Weights: map[string]float64{AttrRegion: 1}}
	p := mustPropose(t, 6, members, applicants, goals)
	women := 0
	for _, id := range p.Admit {
		if id[0] == 'W' {
			women++
		}
	}
	if women != 2 {
		t.Errorf("admit %v: %d women, want 2 (their share of the eligible, no more: balance takes the rest)", p.Admit, women)
	}
	found := false
	for _, id := range p.Admit {
		if p.Explain[id].Code == "admit.women" {
			found = strings.Contains(p.Explain[id].EN, "2 of 4") && strings.Contains(p.Explain[id].EN, "3 of 6")
		}
	}
	if !found {
		t.Errorf("no admitted woman is explained by the share (2 of 4, 3 of 6): %v", p.Explain)
	}
	// Without the rule, the balance alone would admit fewer women.
	if fewer := Imbalance(slices.Concat(members, applicants[3:], applicants[:1]), slices.Concat(members, applicants), goals); fewer >= p.Imbalance {
		t.Errorf("test is moot: one woman (imbalance %.4f) is not better balanced than the proposal (%.4f)", fewer, p.Imbalance)
	}
}

func TestProposeCoverage(t *testing.T) {
	members := []Candidate{cand("M1", "DE-NW", 60000, "m", ""), cand("M2", "DE-BY", 60000, "f", "")}
	t.Run("East", func(t *testing.T) {
		applicants := []Candidate{cand("A1", "DE-NW", 60000, "m", "2025-01-01"), cand("A2", "DE-BY", 60000, "f", "2025-01-02"),
			cand("A3", "DE-ST", 60000, "m", "2025-06-30")}
		p := mustPropose(t, 3, members, applicants, Goals{})
		if !slices.Equal(p.Admit, []string{"A3"}) {
			t.Fatalf("admit %v, want the applicant from Sachsen-Anhalt, though the last", p.Admit)
		}
		if e := p.Explain["A3"]; e.Code != "admit.only_east" || !strings.Contains(e.EN, "Saxony-Anhalt") || !strings.Contains(e.DE, "Sachsen-Anhalt") {
			t.Errorf("explanation %+v", e)
		}
	})
	t.Run("BerlinIsNotEast", func(t *testing.T) {
		applicants := []Candidate{cand("A1", "DE-BE", 60000, "m", "2025-06-30"), cand("A3", "DE-ST", 60000, "m", "2025-06-30")}
		p := mustPropose(t, 3, members, applicants, Goals{})
		if !slices.Equal(p.Admit, []string{"A3"}) {
			t.Fatalf("admit %v, want A3 (Berlin does not cover the eastern states)", p.Admit)
		}
	})
	t.Run("SizeClassAndCountry", func(t *testing.T) {
		applicants := []Candidate{cand("A1", "DE-NW", 60000, "m", "2025-01-01"), cand("A2", "DE-NW", 7000, "f", "2025-05-02"),
			cand("A3", "AT-9", 60000, "m", "2025-06-30"), cand("A4", "AT-2", 60000, "m", "2025-06-30")}
		p := mustPropose(t, 4, members, applicants, DefaultGoals())
		if !slices.Contains(p.Admit, "A2") || slices.Contains(p.Admit, "A1") || len(p.Admit) != 2 {
			t.Fatalf("admit %v, want A2 (GK7) and one Austrian", p.Admit)
		}
		if e := p.Explain["A2"]; e.Code != "admit.only_size_class" || !strings.Contains(e.EN, "GK7") {
			t.Errorf("A2: %+v", e)
		}
		for _, id := range p.Admit {
			if id != "A2" && p.Explain[id].Code != "admit.covers_country" {
				t.Errorf("%s: %+v, want covers_country (two Austrians applied)", id, p.Explain[id])
			}
		}
	})
}

func TestImbalance(t *testing.T) {
	de, at, ch := cand("1", "DE-NW", 1, "m", ""), cand("2", "AT-9", 1, "m", ""), cand("3", "CH-ZH", 1, "m", "")
	country := Goals{Weights: map[string]float64{AttrCountry: 1}}
	pool := []Candidate{de, at, ch}
	for _, tc := range []struct {
		name   string
		circle []Candidate
		want   float64
	}{
		{"Even", []Candidate{de, at, ch}, 0},
		{"AllAlike", []Candidate{de, de}, 1},
		{"TwoOfThree", []Candidate{de, de, at}, 1.0 / 3}, // (3·5 − 9) / (9·2)
		{"Empty", nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Imbalance(tc.circle, pool, country); math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("Weighted", func(t *testing.T) {
		g := Goals{Weights: map[string]float64{AttrCountry: 3, AttrGender: 1}}
		w := cand("4", "DE-NW", 1, "f", "")
		// country (2 DE, 1 AT of 3 values): 1/3; gender (2 m, 1 f of 2): (2·5 − 9)/(9·1) = 1/9.
		want := (3*(1.0/3) + 1*(1.0/9)) / 4
		if got := Imbalance([]Candidate{de, at, w}, []Candidate{de, at, ch, w}, g); math.Abs(got-want) > 1e-12 {
			t.Errorf("got %v, want %v", got, want)
		}
	})
}

func TestGoalsValidate(t *testing.T) {
	for _, g := range []Goals{{Weights: map[string]float64{"age": 1}}, {Weights: map[string]float64{AttrRegion: -1}}, {Weights: map[string]float64{AttrRegion: math.NaN()}}} {
		if err := g.Validate(); !errors.Is(err, cdoatlas.ErrInvalid) {
			t.Errorf("%v: error %v, want EINVALID", g.Weights, err)
		}
	}
	if err := DefaultGoals().Validate(); err != nil {
		t.Error(err)
	}
}
