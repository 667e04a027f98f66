package census

import (
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestMakePublic(t *testing.T) {
	waves := []cdoatlas.Wave{{ID: "2023", Date: "2023-06-30"}, {ID: "2024", Date: "2024-06-30"}}
	var facts []cdoatlas.CensusFact
	add := func(wave string, person int64, region, gender string) {
		facts = append(facts, cdoatlas.CensusFact{Wave: wave, Person: person, Role: "cdo", Org: person, Country: region[:2],
			Region: region, Kind: "municipality", Gender: gender})
	}
	for p := int64(1); p <= 20; p++ {
		add("2023", p, "DE-BY", "m")
		add("2024", p, "DE-BY", "m")
	}
	for p := int64(21); p <= 30; p++ {
		add("2023", p, "DE-NW", "f")
		add("2024", p, "DE-NW", "f")
	}
	add("2024", 31, "DE-HB", "d") // one person in Bremen, the only "d"
	pub, err := MakePublic(Figures(waves, facts), 3)
	if err != nil {
		t.Fatal(err)
	}
	w := pub.Waves[1]
	if w.Breakdowns["by_region"]["DE-HB"] != nil || w.Breakdowns["by_gender"]["d"] != nil {
		t.Errorf("a single person is shown: region %v gender %v", w.Breakdowns["by_region"]["DE-HB"], w.Breakdowns["by_gender"]["d"])
	}
	// Bremen withheld, so another region (or the total) must be too.
	shown := 0
	for _, v := range w.Breakdowns["by_region"] {
		if v != nil {
			shown++
		}
	}
	if w.CDOs != nil && shown == len(w.Breakdowns["by_region"])-1 {
		t.Errorf("only Bremen withheld while the total is shown: %v", w.Breakdowns["by_region"])
	}
	// One entry in 2024 (< 3): entries withheld, and with it what gives it away.
	if w.Entries != nil {
		t.Errorf("entries %d shown", *w.Entries)
	}
	if w.CDOs != nil && w.Stayed != nil {
		t.Errorf("cdos %d and stayed %d shown: entries follow", *w.CDOs, *w.Stayed)
	}
	if w0 := pub.Waves[0]; w0.Breakdowns["by_region"]["DE-BY"] == nil || *w0.Breakdowns["by_region"]["DE-BY"] != 20 {
		t.Errorf("2023 Bavaria %v", w0.Breakdowns["by_region"]["DE-BY"])
	}
	for _, d := range w.Density {
		if d.Region == "DE-HB" && (d.CDOs != nil || d.Per100Municipalities != nil) {
			t.Errorf("Bremen's density gives the person away: %+v", d)
		}
		if d.Region == "DE-BW" && (d.CDOs == nil || *d.CDOs != 0 || d.Per100Municipalities == nil || *d.Per100Municipalities != 0) {
			t.Errorf("a region without CDOs: %+v", d)
		}
	}
}

// The size classes MakePublic assumes of each kind are those
// cdoatlas.SizeClassOf gives: a reader who knows the KGSt classes knows
// which kinds can have them.
func TestSizeClassGroups(t *testing.T) {
	group := map[string]int{}
	for i, g := range sizeClassGroups {
		for _, k := range g.kinds {
			group[k] = i
		}
	}
	for _, kind := range cdoatlas.Kinds {
		for _, n := range []int64{0, 100, 9999, 10001, 30000, 60000, 120000, 160000, 260000, 500000, 250, 1000, 10000} {
			class := cdoatlas.SizeClassOf(kind, &n, &n)
			i, ok := group[kind]
			switch {
			case class == "" && ok:
				t.Errorf("%s with %d has no class", kind, n)
			case class != "" && !ok:
				t.Errorf("%s has class %s but no group", kind, class)
			case class != "":
				for j, other := range sizeClassGroups {
					if strings.HasPrefix(class, other.prefix) != (j == i) {
						t.Errorf("class %s of %s: prefix of group %s", class, kind, other.name)
					}
				}
			}
		}
	}
}

// Figures that contradict what a reader assumes (a region outside its
// country, a size class of the wrong kind; organizations are validated
// against both) are still published, without those relations.
func TestMakePublicInconsistent(t *testing.T) {
	waves := []cdoatlas.Wave{{ID: "2024", Date: "2024-06-30"}}
	var facts []cdoatlas.CensusFact
	for p := int64(1); p <= 12; p++ {
		f := cdoatlas.CensusFact{Wave: "2024", Person: p, Role: "cdo", Org: p, Country: "DE", Region: "DE-BY", Kind: "municipality",
			SizeClass: "GK5", Gender: "f"}
		switch p {
		case 1:
			f.Region = "AT-1"
		case 2:
			f.Kind, f.SizeClass = "association", "GK1"
		}
		facts = append(facts, f)
	}
	pub, err := MakePublic(Figures(waves, facts), 3)
	if err != nil {
		t.Fatal(err)
	}
	if pub.Waves[0].Breakdowns["by_region"]["AT-1"] != nil {
		t.Error("a single person's region is shown")
	}
}

// Stats not made by Figures (no people behind them) get no relations
// between waves, but are protected otherwise.
func TestMakePublicWithoutPeople(t *testing.T) {
	st := &Stats{Waves: []WaveFigures{
		{Wave: "2023", Date: "2023-06-30", CDOs: 10, Entries: 10, ByGender: map[string]int{"f": 9, "m": 1}},
		{Wave: "2024", Date: "2024-06-30", CDOs: 10, Stayed: 10, ByGender: map[string]int{"f": 9, "m": 1}},
	}}
	pub, err := MakePublic(st, 3)
	if err != nil {
		t.Fatal(err)
	}
	if pub.Waves[1].Breakdowns["by_gender"]["m"] != nil {
		t.Error("a single man is shown")
	}
}
