package census

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestFigures(t *testing.T) {
	waves := []cdoatlas.Wave{{ID: "2022", Date: "2022-06-30"}, {ID: "2023", Date: "2023-06-30"}, {ID: "2024", Date: "2024-06-30"}}
	y := func(n int) *int { return &n }
	muc := cdoatlas.CensusFact{Org: 1, OfficialCode: "09162000", Country: "DE", Region: "DE-BY", SizeClass: "GK1", Kind: "municipality"}
	cgn := cdoatlas.CensusFact{Org: 2, OfficialCode: "05315000", Country: "DE", Region: "DE-NW", SizeClass: "GK1", Kind: "municipality"}
	wien := cdoatlas.CensusFact{Org: 3, OfficialCode: "90001", Country: "AT", Region: "AT-9", SizeClass: "GK1", Kind: "city_state"}
	at := func(f cdoatlas.CensusFact, wave string, person int64, role, gender string, birth *int) cdoatlas.CensusFact {
		f.Wave, f.Person, f.Role, f.Gender, f.BirthYear = wave, person, role, gender, birth
		return f
	}
	facts := []cdoatlas.CensusFact{
		at(muc, "2022", 1, "cdo", "f", y(1975)),
		at(muc, "2022", 1, "cdo", "f", y(1975)), // a second source
		at(cgn, "2022", 2, "cdo", "m", nil),
		at(wien, "2022", 3, "cio", "d", nil), // not a CDO
		// 2023: 1 stays, 2 moves to Wien, 4 enters; 3 still CIO
		at(muc, "2023", 1, "cdo", "f", y(1975)),
		at(wien, "2023", 2, "cdo", "m", nil),
		at(cgn, "2023", 4, "cdo", "unknown", y(1990)),
		at(wien, "2023", 3, "cio", "d", nil),
		// 2024: only 4 is left, also at München (two organizations: the first by code counts)
		at(muc, "2024", 4, "cdo", "unknown", y(1990)),
		at(cgn, "2024", 4, "cdo", "unknown", y(1990)),
		{Wave: "1999", Person: 9, Role: "cdo"}, // a wave not asked for
	}
	st := Figures(waves, facts)
	want := []struct{ cdos, entries, exits, stayed, moved int }{{2, 2, 0, 0, 0}, {3, 1, 0, 2, 1}, {1, 0, 2, 1, 1}}
	for i, w := range want {
		got := st.Waves[i]
		if got.CDOs != w.cdos || got.Entries != w.entries || got.Exits != w.exits || got.Stayed != w.stayed || got.Moved != w.moved {
			t.Errorf("wave %s: cdos %d entries %d exits %d stayed %d moved %d; want %+v", got.Wave, got.CDOs, got.Entries, got.Exits, got.Stayed, got.Moved, w)
		}
	}
	w23 := st.Waves[1]
	if w23.ByCountry["DE"] != 2 || w23.ByCountry["AT"] != 1 || w23.ByGender["unknown"] != 1 || w23.ByKind["city_state"] != 1 || w23.ByRole["cio"] != 1 || w23.ByRole["cdo"] != 3 {
		t.Errorf("2023 breakdowns: %+v", w23)
	}
	if w23.ByAgeBand["40_49"] != 1 || w23.ByAgeBand["under_40"] != 1 || w23.ByAgeBand[None] != 1 {
		t.Errorf("2023 age bands: %v", w23.ByAgeBand)
	}
	// 4 is counted once, at the first organization by code (05315000 Köln).
	if w24 := st.Waves[2]; w24.ByRegion["DE-NW"] != 1 || len(w24.ByRegion) != 1 || w24.ByPublic["public"] != 1 {
		t.Errorf("2024 regions: %v", w24.ByRegion)
	}
	for _, wf := range st.Waves {
		for _, b := range wf.Breakdowns() {
			sum := 0
			for _, n := range b.Cells {
				sum += n
			}
			if sum != wf.CDOs {
				t.Errorf("wave %s %s sums to %d, want %d", wf.Wave, b.Name, sum, wf.CDOs)
			}
		}
	}
}
