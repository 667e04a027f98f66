package indepcensus

import (
	"fmt"
	"math/rand/v2"
	"sort"
)

// simParams steer the life of the tracked digital leaders across waves.
type simParams struct {
	People     int
	Waves      int
	PExit      float64 // a CDO leaves the role
	PMove      float64 // a CDO moves to another organization
	PDual      float64 // a CDO holds two municipal CDO posts (shared CDO of neighbours)
	PCIOSwitch float64 // a tracked CIO becomes CDO at the same organization
	PReturn    float64 // a former CDO comes back (at another organization)
	PExRow     float64 // a leaver still shows up as "Ex-CDO" at the old organization
	CIOs       int     // tracked CIOs (other digital leadership, not counted)
	CompanyCap int     // CDO-titled people per company ("Head of Digital" of divisions)
	PIDPrefix  string
}

// simResult is the ground truth of who holds which post in which wave.
type simResult struct {
	persons map[string]*person
	cdo     []map[string][]*org // wave -> person -> organizations (CDO title)
	cio     []map[string]*org   // wave -> person -> organization (CIO-type title, not counted)
	ex      []map[string]*org   // wave -> person -> old organization ("Ex-CDO" row)
	names   map[string]map[string]bool
	xing    map[string]bool // the XING profile URLs given
}

// stable tells whether the person's CDO organizations in wave w equal those of the
// neighbouring waves where the person is counted, so that name+organization identify them.
func (s *simResult) stable(pid string, w int) bool {
	cur := s.cdo[w][pid]
	for _, v := range []int{w - 1, w + 1} {
		if v < 0 || v >= len(s.cdo) {
			continue
		}
		if o, ok := s.cdo[v][pid]; ok && !sameOrgs(o, cur) {
			return false
		}
		if o, ok := s.cio[v][pid]; ok && (len(cur) != 1 || o != cur[0]) {
			return false
		}
	}
	return true
}

func sameOrgs(a, b []*org) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[*org]bool{}
	for _, o := range a {
		m[o] = true
	}
	for _, o := range b {
		if !m[o] {
			return false
		}
	}
	return true
}

func simulate(r *rand.Rand, pool []*org, p simParams) *simResult {
	s := &simResult{persons: map[string]*person{}, names: map[string]map[string]bool{}, xing: map[string]bool{}}
	load := map[*org]int{}
	capOf := func(o *org) int {
		if o.Kind == kindCompany {
			return p.CompanyCap
		}
		return 1
	}
	byRegion := map[string][]*org{}
	for _, o := range pool {
		if o.Kind == kindMunicipality {
			byRegion[o.Region] = append(byRegion[o.Region], o)
		}
	}
	nameFree := func(o *org, pe *person) bool {
		return !s.names[o.ID][nameKey(pe.First, pe.Last)]
	}
	claimName := func(o *org, pe *person) {
		if s.names[o.ID] == nil {
			s.names[o.ID] = map[string]bool{}
		}
		s.names[o.ID][nameKey(pe.First, pe.Last)] = true
	}
	// freeOrg finds an organization with a free CDO slot where the person's name is new.
	freeOrg := func(pe *person, from []*org, avoid *org) *org {
		if len(from) == 0 {
			return nil
		}
		for try := 0; try < 60; try++ {
			o := from[r.IntN(len(from))]
			if o != avoid && load[o] < capOf(o) && (pe == nil || nameFree(o, pe)) {
				return o
			}
		}
		start := r.IntN(len(from))
		for i := range from {
			o := from[(start+i)%len(from)]
			if o != avoid && load[o] < capOf(o) && (pe == nil || nameFree(o, pe)) {
				return o
			}
		}
		return nil
	}
	seq := 0
	newP := func(country string) *person {
		seq++
		pe := newPerson(r, fmt.Sprintf("%s%05d", p.PIDPrefix, seq), country, s.xing)
		s.persons[pe.ID] = pe
		return pe
	}
	// place a new person at a free organization
	enter := func(cur map[string][]*org) *person {
		o := freeOrg(nil, pool, nil)
		if o == nil {
			return nil
		}
		for try := 0; try < 20; try++ {
			pe := newP(o.Country)
			if nameFree(o, pe) {
				claimName(o, pe)
				load[o]++
				cur[pe.ID] = []*org{o}
				if o.Kind == kindMunicipality && r.Float64() < p.PDual {
					if o2 := freeOrg(pe, byRegion[o.Region], o); o2 != nil {
						claimName(o2, pe)
						load[o2]++
						cur[pe.ID] = append(cur[pe.ID], o2)
					}
				}
				return pe
			}
			delete(s.persons, pe.ID)
		}
		return nil
	}
	cioLoad := map[*org]bool{}
	addCIO := func(cur map[string]*org) {
		for try := 0; try < 30; try++ {
			o := pool[r.IntN(len(pool))]
			if o.Kind == kindCompany || cioLoad[o] {
				continue
			}
			pe := newP(o.Country)
			if !nameFree(o, pe) {
				delete(s.persons, pe.ID)
				continue
			}
			claimName(o, pe)
			cioLoad[o] = true
			cur[pe.ID] = o
			return
		}
	}
	former := map[string]bool{}
	for w := 0; w < p.Waves; w++ {
		cur := map[string][]*org{}
		cio := map[string]*org{}
		ex := map[string]*org{}
		if w == 0 {
			for i := 0; i < p.People; i++ {
				enter(cur)
			}
			for i := 0; i < p.CIOs; i++ {
				addCIO(cio)
			}
		} else {
			prev := s.cdo[w-1]
			fids := make([]string, 0, len(former))
			for id := range former {
				fids = append(fids, id)
			}
			sort.Strings(fids)
			ids := make([]string, 0, len(prev))
			for id := range prev {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			exits := 0
			for _, id := range ids {
				orgs := prev[id]
				pe := s.persons[id]
				u := r.Float64()
				switch {
				case u < p.PExit:
					for _, o := range orgs {
						load[o]--
					}
					former[id] = true
					exits++
					if r.Float64() < p.PExRow {
						ex[id] = orgs[0]
					}
				case u < p.PExit+p.PMove:
					from := pool
					if r.IntN(100) < 85 {
						from = countryPool(pool, orgs[0].Country)
					}
					o := freeOrg(pe, from, orgs[0])
					if o == nil {
						cur[id] = orgs
						continue
					}
					for _, old := range orgs {
						load[old]--
					}
					claimName(o, pe)
					load[o]++
					cur[id] = []*org{o}
				case len(orgs) > 1 && u < p.PExit+p.PMove+0.2:
					load[orgs[1]]--
					cur[id] = orgs[:1]
				case len(orgs) == 1 && orgs[0].Kind == kindMunicipality && u < p.PExit+p.PMove+p.PDual/2:
					cur[id] = orgs
					if o2 := freeOrg(pe, byRegion[orgs[0].Region], orgs[0]); o2 != nil {
						claimName(o2, pe)
						load[o2]++
						cur[id] = []*org{orgs[0], o2}
					}
				default:
					cur[id] = orgs
				}
			}
			// tracked CIOs: some become CDO of their organization
			cids := make([]string, 0, len(s.cio[w-1]))
			for id := range s.cio[w-1] {
				cids = append(cids, id)
			}
			sort.Strings(cids)
			for _, id := range cids {
				o := s.cio[w-1][id]
				switch u := r.Float64(); {
				case u < p.PCIOSwitch && load[o] < capOf(o):
					load[o]++
					cur[id] = []*org{o}
					delete(cioLoad, o)
				case u < 0.93:
					cio[id] = o
				default:
					delete(cioLoad, o)
				}
			}
			for len(cio) < p.CIOs {
				n := len(cio)
				addCIO(cio)
				if len(cio) == n {
					break
				}
			}
			// former CDOs come back somewhere else
			for _, id := range fids {
				if _, ok := cur[id]; !ok && r.Float64() < p.PReturn {
					pe := s.persons[id]
					if o := freeOrg(pe, pool, nil); o != nil {
						claimName(o, pe)
						load[o]++
						cur[id] = []*org{o}
						delete(former, id)
					}
				}
			}
			target := p.People + r.IntN(p.People/20+1) - p.People/40
			for len(cur) < target {
				if enter(cur) == nil {
					break
				}
			}
		}
		s.cdo = append(s.cdo, cur)
		s.cio = append(s.cio, cio)
		s.ex = append(s.ex, ex)
	}
	return s
}

func countryPool(pool []*org, c string) []*org {
	var out []*org
	for _, o := range pool {
		if o.Country == c {
			out = append(out, o)
		}
	}
	return out
}

func sortedPersonIDs[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
