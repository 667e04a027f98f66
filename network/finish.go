package network

import (
	"slices"
)

// finish writes the selection into p: the admitted by date, the waitlist
// in offer order, an explanation for each and the imbalance.
func (s *solver) finish(st *state, p *Proposal) {
	for i, c := range s.elig {
		if st.in[i] {
			p.Admit = append(p.Admit, c.ID)
			p.Explain[c.ID] = s.explainAdmit(st, i)
		}
	}
	p.Imbalance = s.m.imbalance(&st.t)
	s.waitlist(st, p)
}

// explainAdmit says why i is admitted: the selection with i is compared
// with the same selection with another waiting applicant in i's place.
// The improvement step left no exchange that is better, so the others are
// as good (and applied later) or worse; see explain.
func (s *solver) explainAdmit(st *state, i int) Explanation {
	s.remove(st, i)
	alts := s.alternatives(st, i)
	s.add(st, i)
	if len(alts) == 0 {
		return explanation("admit.all_fit", "admit.all_fit")
	}
	r := s.explain(st, i, s.score(st), alts)
	return Explanation{"admit." + r.code, upperFirst(r.de), r.en}
}

// alt is an applicant who could take a seat instead, with the score of
// the selection then.
type alt struct {
	j  int
	sc score
}

// alternatives scores st with each waiting applicant but skip added.
func (s *solver) alternatives(st *state, skip int) []alt {
	var alts []alt
	for j := range s.elig {
		if st.in[j] || j == skip {
			continue
		}
		s.add(st, j)
		alts = append(alts, alt{j, s.score(st)})
		s.remove(st, j)
	}
	return alts
}

// explain says why the selection st, which holds x and has score cur, is
// preferred to the alternatives, which put another applicant in x's
// place: by the first priority at which it beats the best alternative
// that scores differently, and, when others score the same, by date.
func (s *solver) explain(st *state, x int, cur score, alts []alt) phrase {
	tie, diff := -1, -1
	var ds score
	for _, a := range alts { // by date
		switch c := a.sc.cmp(cur); {
		case c == 0 && tie < 0:
			tie = a.j
		case c != 0 && (diff < 0 || a.sc.cmp(ds) < 0):
			diff, ds = a.j, a.sc
		}
	}
	if diff < 0 {
		return s.datePhrase(x, tie)
	}
	p := s.diffPhrase(st, x, diff, cur, ds)
	if tie >= 0 {
		d := s.datePhrase(x, tie)
		p.de += "; " + d.de
		p.en += "; " + d.en
	}
	return p
}

// waitlist orders the eligible applicants who are not admitted: each next
// place goes to the applicant who would be chosen for one more seat, by
// the same priorities, given that everyone before them took a seat.
func (s *solver) waitlist(st *state, p *Proposal) {
	var added []int
	for place := 1; ; place++ {
		alts := s.alternatives(st, -1)
		if len(alts) == 0 {
			break
		}
		best := 0
		for k, a := range alts { // by date: among equal scores the earlier stays
			if a.sc.cmp(alts[best].sc) < 0 {
				best = k
			}
		}
		x := alts[best].j
		var r phrase
		s.add(st, x)
		if len(alts) == 1 {
			r = say("last")
		} else {
			r = s.explain(st, x, alts[best].sc, slices.Delete(alts, best, best+1))
		}
		added = append(added, x)
		c := s.elig[x]
		p.Waitlist = append(p.Waitlist, c.ID)
		p.Explain[c.ID] = explanation("waitlist."+r.code, "waitlist.place", place, both{r.de, r.en})
	}
	for _, j := range added {
		s.remove(st, j)
	}
}
