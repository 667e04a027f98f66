package outreach

import (
	"slices"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// saxon returns the gazetteer's place called name in Saxony.
func saxon(t *testing.T, name string) gazetteer.Place {
	t.Helper()
	r := gazetteer.Find(gazetteer.Query{Name: name, Region: "DE-SN"})
	if r.Place == nil {
		t.Fatalf("no %s in Saxony", name)
	}
	return *r.Place
}

func TestUncovered(t *testing.T) {
	freiberg, bautzen, hoyerswerda, pirna := saxon(t, "Freiberg"), saxon(t, "Bautzen"), saxon(t, "Hoyerswerda"), saxon(t, "Pirna")
	posts := []cdoatlas.HeldPost{
		// By code, a CDO by the title.
		{Role: cdoatlas.RoleCDO, CDOCheck: cdoatlas.CheckUnknown, Name: "Universitätsstadt Freiberg", Kind: "municipality", Country: "DE", Region: "DE-SN", OfficialCode: freiberg.Code},
		// Without a code, by name; a CIO post that is a CDO post by its tasks.
		{Role: cdoatlas.RoleCIO, CDOCheck: cdoatlas.CheckYes, Name: "Stadt Bautzen", Kind: "municipality", Country: "DE", Region: "DE-SN"},
		// A CIO without the CDO's tasks is no digital lead.
		{Role: cdoatlas.RoleCIO, CDOCheck: cdoatlas.CheckNo, Name: "Hoyerswerda", Kind: "municipality", Country: "DE", Region: "DE-SN", OfficialCode: hoyerswerda.Code},
		// A 12-digit ARS counts as its AGS.
		{Role: cdoatlas.RoleCDO, Name: "Große Kreisstadt Pirna", Kind: "municipality", Country: "DE", Region: "DE-SN",
			OfficialCode: pirna.Code[:5] + "0000" + pirna.Code[5:]},
	}
	covered := CoveredPlaces(posts)
	for _, p := range []gazetteer.Place{freiberg, bautzen, pirna} {
		if !covered[Key(p)] {
			t.Errorf("%s has a lead, but is not covered", p.Name)
		}
	}
	classes := []string{"GK5", "GK6", "GK7"}
	got := Uncovered(gazetteer.All(), covered, Filter{Region: "DE-SN", SizeClasses: classes})
	has := func(p gazetteer.Place) bool {
		return slices.ContainsFunc(got, func(q gazetteer.Place) bool { return Key(q) == Key(p) })
	}
	for _, p := range []gazetteer.Place{freiberg, bautzen, pirna} {
		if has(p) {
			t.Errorf("%s has a lead, but is listed", p.Name)
		}
	}
	if !has(hoyerswerda) {
		t.Error("Hoyerswerda has no lead, but is not listed")
	}
	if len(got) < 100 {
		t.Errorf("%d Saxon municipalities GK5–GK7 without a lead, want hundreds", len(got))
	}
	for i, p := range got {
		if p.Region != "DE-SN" || !slices.Contains(classes, p.SizeClass()) {
			t.Errorf("listed %s (%s, %s)", p.Name, p.Region, p.SizeClass())
		}
		if i > 0 && got[i-1].Population < p.Population {
			t.Errorf("%s (%d) after %s (%d): not the most populous first", p.Name, p.Population, got[i-1].Name, got[i-1].Population)
		}
	}

	counties := Uncovered(gazetteer.All(), covered, Filter{Country: "DE", Kind: cdoatlas.KindCounty})
	if len(counties) < 290 || counties[0].Kind != cdoatlas.KindCounty {
		t.Errorf("%d German counties without a lead", len(counties))
	}
	if all := Uncovered(gazetteer.All(), nil, Filter{}); len(all) != len(gazetteer.All()) {
		t.Errorf("nothing covered, no filter: %d places, want all %d", len(all), len(gazetteer.All()))
	}
}
