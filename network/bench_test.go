package network

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
)

// Task texts the CDO check answers no.
var noTasks = []string{
	"IT-Betrieb und Support für das Rathaus",
	"Social-Media-Kanäle der Stadt pflegen",
	"Digitalisierung im Jugendamt",
}

// Fictional first names with their gender; surnames are drawn apart.
var benchGiven = []struct{ name, gender string }{
	{"Anna", "f"}, {"Julia", "f"}, {"Sabine", "f"}, {"Katrin", "f"}, {"Eva", "f"},
	{"Thomas", "m"}, {"Michael", "m"}, {"Stefan", "m"}, {"Andreas", "m"}, {"Jörg", "m"},
	{"Markus", "m"}, {"Frank", "m"}, {"Kim", "d"}, {"Alex", "unknown"},
}
var benchSurnames = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hofer", "Huber", "Keller"}

// benchInstance makes a circle of capacity 40 with 10 members and 400
// applicants from the real organizations of the demo data set, with
// fictional people: about a quarter women, three quarters of the tasks a
// CDO's, one in six a no, one in ten without tasks; applied over half a
// year.
func benchInstance(tb testing.TB, seed uint64) (capacity int, members, applicants []Candidate) {
	tb.Helper()
	orgs, err := demo.Organizations()
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 40))
	person := func(id string, tasks string) Candidate {
		o := orgs[rng.IntN(len(orgs))]
		var g struct{ name, gender string }
		switch r := rng.IntN(100); {
		case r < 25:
			g = benchGiven[rng.IntN(5)]
		case r < 93:
			g = benchGiven[5+rng.IntN(7)]
		case r < 95:
			g = benchGiven[12]
		default:
			g = benchGiven[13]
		}
		return Candidate{ID: id, PersonName: g.name + " " + benchSurnames[rng.IntN(len(benchSurnames))],
			Organization: o.Name, Kind: o.Kind, Country: o.Country, Region: o.Region, Population: o.Population,
			Title: "Leitung Digitalisierung", Tasks: tasks,
			Placement: []string{"staff_unit_head", "board", "department", "office"}[rng.IntN(4)], Gender: g.gender,
			AppliedOn: cdoatlas.PartialDate(fmt.Sprintf("2025-%02d-%02d", 1+rng.IntN(6), 1+rng.IntN(28)))}
	}
	for i := range 10 {
		members = append(members, person(fmt.Sprintf("M%02d", i), yesTasks[rng.IntN(len(yesTasks))]))
	}
	for i := range 400 {
		tasks := yesTasks[rng.IntN(len(yesTasks))]
		switch r := rng.IntN(100); {
		case r < 15:
			tasks = noTasks[rng.IntN(len(noTasks))]
		case r < 25:
			tasks = ""
		}
		applicants = append(applicants, person(fmt.Sprintf("A%03d", i), tasks))
	}
	return 40, members, applicants
}

// quality reports what the benchmark measures of a proposal: the
// imbalance, the women's share of the admitted and of the eligible, and
// how many of the size classes, countries and eastern states found among
// members and eligible the circle holds.
func quality(b *testing.B, members, applicants []Candidate, p *Proposal) {
	byID := map[string]Candidate{}
	for _, c := range applicants {
		byID[c.ID] = c
	}
	circle := append([]Candidate(nil), members...)
	women := 0
	for _, id := range p.Admit {
		circle = append(circle, byID[id])
		if byID[id].Gender == "f" {
			women++
		}
	}
	pool := append([]Candidate(nil), members...)
	eligibleWomen := 0
	for _, id := range append(append([]string(nil), p.Admit...), p.Waitlist...) {
		pool = append(pool, byID[id])
		if byID[id].Gender == "f" {
			eligibleWomen++
		}
	}
	groups := func(cs []Candidate, f func(Candidate) string) int {
		set := map[string]bool{}
		for _, c := range cs {
			if v := f(c); v != "" {
				set[v] = true
			}
		}
		return len(set)
	}
	east := func(c Candidate) string {
		if c.East() {
			return c.Region
		}
		return ""
	}
	b.ReportMetric(Imbalance(circle, pool, DefaultGoals()), "imbalance")
	b.ReportMetric(100*float64(women)/float64(len(p.Admit)), "%women_admitted")
	b.ReportMetric(100*float64(eligibleWomen)/float64(len(pool)-len(members)), "%women_eligible")
	for _, g := range []struct {
		name string
		f    func(Candidate) string
	}{{"size_classes", Candidate.SizeClass}, {"countries", func(c Candidate) string { return c.Country }}, {"east_states", east}} {
		b.ReportMetric(float64(groups(circle, g.f)), g.name+"_in_circle")
		b.ReportMetric(float64(groups(pool, g.f)), g.name+"_in_pool")
	}
}

// BenchmarkPropose and BenchmarkGreedy: 400 applicants for the 30 free
// seats of a circle of 40; besides time they report the quality of the
// proposal (see quality). Results in BENCHMARKS.md.
func BenchmarkPropose(b *testing.B) {
	capacity, members, applicants := benchInstance(b, 1)
	var p *Proposal
	for b.Loop() {
		var err error
		if p, err = Propose(capacity, members, applicants, DefaultGoals()); err != nil {
			b.Fatal(err)
		}
	}
	quality(b, members, applicants, p)
}

func BenchmarkGreedy(b *testing.B) {
	capacity, members, applicants := benchInstance(b, 1)
	var p *Proposal
	for b.Loop() {
		var err error
		if p, err = Greedy(capacity, members, applicants, DefaultGoals()); err != nil {
			b.Fatal(err)
		}
	}
	quality(b, members, applicants, p)
}
