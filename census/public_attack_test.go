package census_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/censusgen"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/disclosure"
	"github.com/cdoatlas/cdoatlas/refdata"
	"github.com/cdoatlas/cdoatlas/registryio"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// The tests here play a reader who wants to recompute withheld counts from
// everything the statistics publish (public_reader_test.go) and require
// that they cannot: no withheld count has a single possible value.

// checkPublic makes the public figures of facts with threshold k and
// attacks them.
func checkPublic(t *testing.T, waves []cdoatlas.Wave, facts []cdoatlas.CensusFact, k int) {
	t.Helper()
	st := census.Figures(waves, facts)
	start := time.Now()
	pub, err := census.MakePublic(st, k)
	if err != nil {
		t.Fatal(err)
	}
	made := time.Since(start)
	start = time.Now()
	determined, small, r := attackPublic(t, pub, st, waves, facts)
	t.Logf("k=%d: %d waves, %d withheld counts (%d of them 0), %d unknowns, %d equations; MakePublic %v, attack %v",
		k, len(waves), len(r.targets)+len(r.zeros), len(r.zeros), r.sys.Len(), r.sys.Equations(),
		made.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	if len(determined) > 0 {
		t.Errorf("a reader recomputes %d withheld count(s):%s", len(determined), describe(determined))
	}
	if len(small) > 0 {
		t.Errorf("a reader can tell that %d withheld count(s) are 1 … %d:%s", len(small), k-1, describe(small))
	}
}

// austria are facts of one wave with the shape of issue #10: Austria 5,
// Burgenland (AT-1) 1, Upper Austria (AT-4) 4, the other Austrian regions
// 0; and people in Germany, two of them in Bremen, so that Bremen and
// Burgenland keep each other company in by_region and nothing else there
// needs to be withheld.
func austria() ([]cdoatlas.Wave, []cdoatlas.CensusFact) {
	waves := []cdoatlas.Wave{{ID: "2024", Date: "2024-06-30"}}
	var facts []cdoatlas.CensusFact
	add := func(region, gender string) {
		p := int64(len(facts) + 1)
		facts = append(facts, cdoatlas.CensusFact{Wave: "2024", Person: p, Role: cdoatlas.RoleCDO, Org: p,
			Country: region[:2], Region: region, Kind: cdoatlas.KindMunicipality, Gender: gender})
	}
	add("AT-1", "f")
	for range 4 {
		add("AT-4", "m")
	}
	for range 20 {
		add("DE-BY", "m")
	}
	for range 10 {
		add("DE-NW", "f")
	}
	add("DE-HB", "m")
	add("DE-HB", "f")
	return waves, facts
}

// publishAll returns the figures as published with nothing withheld,
// densities included.
func publishAll(st *census.Stats) *census.Public {
	pub := &census.Public{K: 3}
	ptr := func(n int) *int { return &n }
	for i := range st.Waves {
		w := &st.Waves[i]
		pw := census.PublicWave{Wave: w.Wave, Date: w.Date, CDOs: ptr(w.CDOs), Entries: ptr(w.Entries), Exits: ptr(w.Exits),
			Stayed: ptr(w.Stayed), Moved: ptr(w.Moved), Breakdowns: map[string]map[string]*int{}, ByRole: map[string]*int{}}
		for _, b := range w.Breakdowns() {
			m := map[string]*int{}
			for key, n := range b.Cells {
				m[key] = ptr(n)
			}
			pw.Breakdowns[b.Name] = m
		}
		for role, n := range w.ByRole {
			pw.ByRole[role] = ptr(n)
		}
		for _, r := range refdata.Regions() {
			per100, perMillion := refdata.Density(w.ByRegion[r.Code], r)
			pw.Density = append(pw.Density, census.Density{Region: r.Code, CDOs: ptr(w.ByRegion[r.Code]),
				Per100Municipalities: &per100, PerMillion: &perMillion, Municipalities: r.Municipalities, Population: r.Population})
		}
		pub.Waves = append(pub.Waves, pw)
	}
	return pub
}

// withhold withholds a count of a breakdown of pub's wave i and, for a
// region, its count in the density table, not its densities.
func withhold(pub *census.Public, i int, breakdown, key string) {
	pw := &pub.Waves[i]
	pw.Breakdowns[breakdown][key] = nil
	for j := range pw.Density {
		if breakdown == "by_region" && pw.Density[j].Region == key {
			pw.Density[j].CDOs = nil
		}
	}
}

// TestReaderFindsCountryFromRegions shows that the attacker finds the
// leak of issue #10: with Austria and Upper Austria shown, Burgenland =
// Austria − Upper Austria = 1, although Bremen keeps it company in
// by_region.
func TestReaderFindsCountryFromRegions(t *testing.T) {
	waves, facts := austria()
	st := census.Figures(waves, facts)
	pub := publishAll(st)
	withhold(pub, 0, "by_region", "AT-1")
	withhold(pub, 0, "by_region", "DE-HB")
	for i := range pub.Waves[0].Density {
		if d := &pub.Waves[0].Density[i]; d.CDOs == nil {
			d.Per100Municipalities, d.PerMillion = nil, nil
		}
	}
	// Bremen, its company, then follows from by_region's sum.
	determined, _, _ := attackPublic(t, pub, st, waves, facts)
	found := false
	for _, f := range determined {
		found = found || f.Name == "2024/by_region/AT-1" && f.Min == 1 && f.Max == 1
	}
	if !found {
		t.Fatalf("got %s, want 2024/by_region/AT-1 determined as 1", describe(determined))
	}
}

// TestReaderFindsDensity: a density printed for a withheld count gives
// it back.
func TestReaderFindsDensity(t *testing.T) {
	waves, facts := austria()
	st := census.Figures(waves, facts)
	pub := publishAll(st)
	withhold(pub, 0, "by_region", "AT-1")
	withhold(pub, 0, "by_region", "AT-4")
	withhold(pub, 0, "by_country", "AT")
	for i := range pub.Waves[0].Density {
		if d := &pub.Waves[0].Density[i]; d.Region == "AT-4" {
			d.Per100Municipalities, d.PerMillion = nil, nil
		}
	}
	// AT-1's per-million density is printed.
	determined, _, _ := attackPublic(t, pub, st, waves, facts)
	names := map[string]bool{}
	for _, f := range determined {
		names[f.Name] = true
	}
	if !names["2024/by_region/AT-1"] {
		t.Fatalf("got %s, want 2024/by_region/AT-1 found from its density", describe(determined))
	}
}

// TestReaderFindsAcrossWaves: nobody came, left or moved, so the later
// wave is the earlier one, and a region withheld only in the later wave is
// read off the earlier.
func TestReaderFindsAcrossWaves(t *testing.T) {
	_, one := austria()
	waves := []cdoatlas.Wave{{ID: "2023", Date: "2023-06-30"}, {ID: "2024", Date: "2024-06-30"}}
	var facts []cdoatlas.CensusFact
	for _, w := range waves {
		for _, f := range one {
			f.Wave = w.ID
			facts = append(facts, f)
		}
	}
	st := census.Figures(waves, facts)
	pub := publishAll(st)
	withhold(pub, 1, "by_region", "AT-1")
	withhold(pub, 1, "by_region", "DE-HB")
	withhold(pub, 1, "by_country", "AT")
	withhold(pub, 1, "by_country", "DE")
	for i := range pub.Waves[1].Density {
		if d := &pub.Waves[1].Density[i]; d.CDOs == nil {
			d.Per100Municipalities, d.PerMillion = nil, nil
		}
	}
	determined, _, _ := attackPublic(t, pub, st, waves, facts)
	names := map[string]bool{}
	for _, f := range determined {
		names[f.Name] = true
	}
	if !names["2024/by_region/AT-1"] || !names["2024/by_region/DE-HB"] {
		t.Fatalf("got %s, want AT-1 and DE-HB of 2024 read off 2023", describe(determined))
	}
}

// TestPublicCountryFromRegions: the same figures through MakePublic give
// the reader nothing.
func TestPublicCountryFromRegions(t *testing.T) {
	waves, facts := austria()
	st := census.Figures(waves, facts)
	pub, err := census.MakePublic(st, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !pub.Withheld("2024", "by_region/AT-1") {
		t.Error("Burgenland's single CDO is shown")
	}
	if !pub.Withheld("2024", "by_country/AT") && !pub.Withheld("2024", "by_region/AT-4") {
		t.Error("Austria and Upper Austria are both shown: Burgenland = Austria − Upper Austria")
	}
	checkPublic(t, waves, facts, 3)
}

// TestPublicRegionUnknown: people of a country without region make up
// by_region's "unknown"; one Austrian without region must not be
// recomputed as Austria − its regions.
func TestPublicRegionUnknown(t *testing.T) {
	waves, facts := austria()
	facts = append(facts, cdoatlas.CensusFact{Wave: "2024", Person: 100, Role: cdoatlas.RoleCDO, Org: 100, Country: "AT",
		Kind: cdoatlas.KindMunicipality, Gender: "m"})
	for p := int64(101); p <= 104; p++ {
		facts = append(facts, cdoatlas.CensusFact{Wave: "2024", Person: p, Role: cdoatlas.RoleCDO, Org: p, Country: "DE",
			Kind: cdoatlas.KindMunicipality, Gender: "m"})
	}
	checkPublic(t, waves, facts, 3)
}

// TestPublicDemo attacks the figures of the demo (serve --demo: the demo
// organizations and a census of 60 people over three waves), imported as
// the server imports them.
func TestPublicDemo(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	if _, err := demo.Seed(ctx, db); err != nil {
		t.Fatal(err)
	}
	if _, err := censusgen.Load(ctx, db, censusgen.Options{People: 60, Waves: 3, Seed: 2024, FirstWave: 2023}); err != nil {
		t.Fatal(err)
	}
	stored, err := db.FindWaves(ctx)
	if err != nil {
		t.Fatal(err)
	}
	facts, err := db.CensusFacts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	waves := make([]cdoatlas.Wave, len(stored))
	for i, w := range stored {
		waves[i] = *w
	}
	for _, k := range []int{disclosure.DefaultK, 5} {
		checkPublic(t, waves, facts, k)
	}
}

// generated returns the waves and the facts of a generated census as its
// truth says they are (no import, so large censuses stay quick): every
// row of a tracked person with the organization's registry attributes
// and the person's gender and birth year.
func generated(t *testing.T, opts censusgen.Options) ([]cdoatlas.Wave, []cdoatlas.CensusFact) {
	t.Helper()
	dir := t.TempDir()
	opts.Rows = 1 // tracked rows only: no filler
	truth, err := censusgen.Generate(opts, dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "registry.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := registryio.ReadRegistry(f, "registry.csv")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	orgs := map[string]cdoatlas.Organization{}
	ids := map[string]int64{}
	for i, rec := range recs {
		o := rec.Organization
		o.Normalize()
		if o.OfficialCode != "" {
			orgs[o.OfficialCode], ids[o.OfficialCode] = o, int64(i+1)
		}
	}
	mf, err := os.Open(filepath.Join(dir, "waves.csv"))
	if err != nil {
		t.Fatal(err)
	}
	manifest, err := csv.NewReader(mf).ReadAll()
	mf.Close()
	if err != nil {
		t.Fatal(err)
	}
	waveOf := map[string]string{}
	var waves []cdoatlas.Wave
	for _, row := range manifest[1:] { // wave,date,source,file,rows
		waveOf[row[3]] = row[0]
		if len(waves) == 0 || waves[len(waves)-1].ID != row[0] {
			waves = append(waves, cdoatlas.Wave{ID: row[0], Date: cdoatlas.PartialDate(row[1])})
		}
	}
	persons := map[string]int{}
	for i, p := range truth.Persons {
		persons[p.Key] = i
	}
	var facts []cdoatlas.CensusFact
	for _, ob := range truth.Observations {
		if ob.Role == "" || ob.Role == cdoatlas.RoleOther {
			continue
		}
		pi, ok := persons[ob.Person]
		if !ok {
			t.Fatalf("observation of unknown person %s", ob.Person)
		}
		p := truth.Persons[pi]
		o := orgs[ob.Organization]
		facts = append(facts, cdoatlas.CensusFact{Wave: waveOf[ob.File], Person: int64(pi + 1), Role: ob.Role,
			Org: ids[ob.Organization], OfficialCode: o.OfficialCode, Country: o.Country, Region: o.Region,
			SizeClass: o.SizeClass, Kind: o.Kind, Sector: o.Sector, Gender: p.Gender, BirthYear: p.BirthYear})
	}
	// The facts must give the generator's own figures.
	st := census.Figures(waves, facts)
	for i, w := range truth.Waves {
		if got := st.Waves[i]; got.CDOs != w.CDOs || got.Entries != w.Entries || got.Exits != w.Exits || got.Stayed != w.Stayed || got.Moved != w.Moved {
			t.Fatalf("wave %s: facts give %+v, the truth %+v", w.Wave, got, w)
		}
	}
	return waves, facts
}

// TestPublicGenerated attacks generated censuses of 200, 2 000 and 20 000
// people over three waves.
func TestPublicGenerated(t *testing.T) {
	for _, people := range []int{200, 2000, 20000} {
		t.Run(strconv.Itoa(people), func(t *testing.T) {
			waves, facts := generated(t, censusgen.Options{People: people, Waves: 3, Seed: int64(people)})
			checkPublic(t, waves, facts, disclosure.DefaultK)
		})
	}
}

// TestPublicTwoWaves attacks a comparison of two waves: the statistics
// page shows a wave beside another, and the downloads both.
func TestPublicTwoWaves(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		waves, facts := generated(t, censusgen.Options{People: 150, Waves: 2, Seed: seed})
		checkPublic(t, waves, facts, disclosure.DefaultK)
	}
}

// randomCensus invents a small census of two or three waves: a few dozen
// people at organizations in five regions and without region, of four
// kinds with and without size class. With stay and move odds of 1 in n,
// a person is missing from a wave, or changes organization, once in n
// times: high odds make quiet years, where waves tie each other closely.
func randomCensus(rng *rand.Rand, stayOdds, moveOdds int) ([]cdoatlas.Wave, []cdoatlas.CensusFact) {
	var waves []cdoatlas.Wave
	for i := range 2 + rng.IntN(2) {
		waves = append(waves, cdoatlas.Wave{ID: fmt.Sprint(2021 + i), Date: cdoatlas.PartialDate(fmt.Sprintf("%d-06-30", 2021+i))})
	}
	regions := []string{"DE-BY", "DE-NW", "DE-HB", "AT-1", "AT-4", ""}
	kinds := []string{"municipality", "county", "company", "association"}
	type org struct{ country, region, kind, size, code string }
	orgs := make([]org, 6+rng.IntN(20))
	for i := range orgs {
		o := org{country: "DE", region: regions[rng.IntN(len(regions))], kind: kinds[rng.IntN(len(kinds))], code: fmt.Sprintf("%03d", i)}
		if o.region != "" {
			o.country = o.region[:2]
		}
		switch o.kind {
		case "municipality":
			o.size = []string{"GK1", "GK5", ""}[rng.IntN(3)]
		case "county":
			o.size = []string{"KGK1", "KGK3", ""}[rng.IntN(3)]
		case "company":
			o.size = []string{"E1", ""}[rng.IntN(2)]
		}
		orgs[i] = o
	}
	var facts []cdoatlas.CensusFact
	for p := int64(1); p <= int64(4+rng.IntN(30)); p++ {
		gender := []string{"f", "m", "d", "unknown"}[rng.IntN(4)]
		var born *int
		if rng.IntN(2) == 0 {
			y := 1960 + rng.IntN(40)
			born = &y
		}
		o := rng.IntN(len(orgs))
		for _, w := range waves {
			if rng.IntN(stayOdds) == 0 {
				continue
			}
			if rng.IntN(moveOdds) == 0 {
				o = rng.IntN(len(orgs))
			}
			x := orgs[o]
			facts = append(facts, cdoatlas.CensusFact{Wave: w.ID, Person: p, Role: cdoatlas.RoleCDO, Org: int64(o + 1), OfficialCode: x.code,
				Country: x.country, Region: x.region, Kind: x.kind, SizeClass: x.size, Gender: gender, BirthYear: born})
		}
	}
	return waves, facts
}

// TestPublicRandomCensuses attacks many small random censuses, most of
// them quiet. Without the relations between waves (declareAcrossWaves)
// the reader recomputes a count in one of them (age bands), without those
// of countries and regions in a dozen.
// That a reader can tell a withheld count is 1 … k−1 is only logged here:
// disclosure control does not promise to prevent it (it happens in about
// 1 of 200 censuses with k = 5).
func TestPublicRandomCensuses(t *testing.T) {
	n := 150
	if testing.Short() {
		n = 30
	}
	rng := rand.New(rand.NewPCG(20261203, 10))
	intervals := 0
	for i := range n {
		stay, move := 15, 40
		if i%3 == 0 {
			stay, move = 4, 5
		}
		waves, facts := randomCensus(rng, stay, move)
		k := 3 + 2*(i%2)
		st := census.Figures(waves, facts)
		pub, err := census.MakePublic(st, k)
		if err != nil {
			t.Fatal(err)
		}
		determined, small, _ := attackPublic(t, pub, st, waves, facts)
		if len(determined) > 0 {
			t.Errorf("census %d, k=%d: a reader recomputes%s", i, k, describe(determined))
		}
		if len(small) > 0 {
			intervals++
			t.Logf("census %d, k=%d: a reader can tell that a count is 1 … %d:%s", i, k, k-1, describe(small))
		}
	}
	t.Logf("%d censuses, %d with a withheld count known to be 1 … k−1", n, intervals)
}
