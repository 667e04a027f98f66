package census_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/censusio"
	"github.com/cdoatlas/cdoatlas/internal/indepcensus"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestIndependentCensus imports census waves written apart from the
// resolver (package internal/indepcensus: an export generator, a
// press-review generator and hand-written cases, by an author who never
// saw this code) and compares every published figure — cdos, entries,
// exits, stayed, moved, by country and by region, per wave — with their
// truth, and counts the review questions per 100 counted CDOs.
//
// The goal (issue #9) is every figure exact with at most 1 question per
// 100 CDOs; the questions are below it, the exact figures not yet. The test logs every figure that
// differs and fails when a set falls below the share of exact figures
// and above the questions reached so far (BENCHMARKS.md), so that a
// change that makes resolution worse on data it was not written for
// shows at once.
func TestIndependentCensus(t *testing.T) {
	sets := []struct {
		name string
		gen  func(dir string) (*indepcensus.Truth, error)
		// Reached so far: the least share of exact figures, the most
		// questions per 100 counted CDOs; where the set names each row's
		// person and organization, the most people and organizations
		// split and merged (peopleErrors, orgErrors).
		minExact, maxQuestions    float64
		maxSplit, maxMerged       int
		maxOrgSplit, maxOrgMerged int
	}{
		{"export", func(dir string) (*indepcensus.Truth, error) {
			return indepcensus.GenerateExport(indepcensus.Options{People: 2000, Waves: 5, Seed: 1, NoiseRows: 20000}, dir)
		}, 0.91, 0.3, 22, 22, 0, 0},
		{"press", func(dir string) (*indepcensus.Truth, error) {
			return indepcensus.GeneratePress(indepcensus.Options{People: 300, Waves: 5, Seed: 2}, dir)
		}, 0.97, 0.1, 3, 8, 0, 0},
		{"hand", indepcensus.HandWritten, 0.98, 0.1, 0, 0, 0, 0},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			dir := t.TempDir()
			truth, err := set.gen(dir)
			if err != nil {
				t.Fatal(err)
			}
			db := sqldbtest.Open(t)
			questions := importIndependent(t, db, dir, truth)
			st := figures(t, db)
			exact, total, counted := 0, 0, 0
			check := func(wave, what string, got, want int) {
				total++
				if got == want {
					exact++
				} else {
					t.Logf("wave %s %s: %d, truth %d", wave, what, got, want)
				}
			}
			if len(st.Waves) != len(truth.Waves) {
				t.Fatalf("%d waves, truth %d", len(st.Waves), len(truth.Waves))
			}
			for i, tw := range truth.Waves {
				w := st.Waves[i]
				counted += tw.CDOs
				check(tw.Wave, "cdos", w.CDOs, tw.CDOs)
				check(tw.Wave, "entries", w.Entries, tw.Entries)
				check(tw.Wave, "exits", w.Exits, tw.Exits)
				check(tw.Wave, "stayed", w.Stayed, tw.Stayed)
				check(tw.Wave, "moved", w.Moved, tw.Moved)
				for _, b := range []struct {
					name       string
					got, truth map[string]int
				}{{"by_country", w.ByCountry, tw.ByCountry}, {"by_region", w.ByRegion, tw.ByRegion}} {
					keys := map[string]bool{}
					for k, v := range b.got {
						if v != 0 {
							keys[k] = true
						}
					}
					for k := range b.truth {
						keys[k] = true
					}
					for k := range keys {
						check(tw.Wave, b.name+"."+k, b.got[k], b.truth[k])
					}
				}
			}
			share, per100 := float64(exact)/float64(total), float64(questions)*100/float64(counted)
			t.Logf("%s: %d of %d figures exact (%.3f); %d review questions for %d counted CDOs (%.2f per 100)",
				set.name, exact, total, share, questions, counted, per100)
			if share < set.minExact {
				t.Errorf("%s: %.3f of the figures exact, down from %.2f", set.name, share, set.minExact)
			}
			if per100 > set.maxQuestions {
				t.Errorf("%s: %.2f questions per 100 counted CDOs, up from %.1f", set.name, per100, set.maxQuestions)
			}
			if len(truth.Files) > 0 && truth.Files[0].Rows != nil {
				split, merged := peopleErrors(t, db, truth)
				t.Logf("%s: %d CDOs split into several people, %d people made of several", set.name, split, merged)
				if split > set.maxSplit || merged > set.maxMerged {
					t.Errorf("%s: %d split, %d merged; up from %d and %d", set.name, split, merged, set.maxSplit, set.maxMerged)
				}
				split, merged = orgErrors(t, db, truth)
				t.Logf("%s: %d organizations of CDOs split into several, %d made of several", set.name, split, merged)
				if split > set.maxOrgSplit || merged > set.maxOrgMerged {
					t.Errorf("%s: %d organizations split, %d merged; up from %d and %d", set.name, split, merged, set.maxOrgSplit, set.maxOrgMerged)
				}
			}
		})
	}
}

// importIndependent imports the files of each wave together, as
// `cdoatlas import observations --wave W FILE…` does, and returns the
// number of review questions asked.
func importIndependent(t *testing.T, db *sqldb.DB, dir string, truth *indepcensus.Truth) int {
	t.Helper()
	ctx := context.Background()
	questions := 0
	for i := 0; i < len(truth.Files); {
		wave, date := truth.Files[i].Wave, truth.Files[i].Date
		var rows []cdoatlas.Observation
		for ; i < len(truth.Files) && truth.Files[i].Wave == wave; i++ {
			f := truth.Files[i]
			file, err := os.Open(filepath.Join(dir, f.Path))
			if err != nil {
				t.Fatal(err)
			}
			obs, _, err := censusio.Read(ctx, file, filepath.Base(f.Path))
			file.Close()
			if err != nil {
				t.Fatalf("%s refused: %v", f.Path, fmt.Sprint(err))
			}
			for j := range obs {
				obs[j].Source = f.Source
			}
			rows = append(rows, obs...)
		}
		sum, err := db.ImportObservations(ctx, cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: wave, Date: cdoatlas.PartialDate(date)}, Rows: rows})
		if err != nil {
			t.Fatalf("wave %s: %v", wave, err)
		}
		questions += sum.ReviewQuestions
	}
	return questions
}

// peopleErrors compares the people the rows were resolved to with the
// people the generator wrote them for (WaveFile.Rows): split counts the
// true people with a CDO row who became several people, merged the
// resolved people with a CDO row whose rows are of several true people.
// With -v it logs the rows of the first few of each.
func peopleErrors(t *testing.T, db *sqldb.DB, truth *indepcensus.Truth) (split, merged int) {
	t.Helper()
	type row = truthRow
	splitShared, mergedConflict := 0, 0
	resolved := map[string]map[int64][]row{} // true person → resolved person → rows
	made := map[int64]map[string][]row{}     // resolved person → true person → rows
	for _, r := range truthRows(t, db, truth) {
		o, tr := r.o, r.truth
		if o.PersonID == 0 {
			continue
		}
		if resolved[tr.Person] == nil {
			resolved[tr.Person] = map[int64][]row{}
		}
		resolved[tr.Person][o.PersonID] = append(resolved[tr.Person][o.PersonID], row{o, tr})
		if made[o.PersonID] == nil {
			made[o.PersonID] = map[string][]row{}
		}
		made[o.PersonID][tr.Person] = append(made[o.PersonID][tr.Person], row{o, tr})
	}
	cdo := func(rows ...[]row) bool {
		for _, rs := range rows {
			for _, r := range rs {
				if r.truth.CDO {
					return true
				}
			}
		}
		return false
	}
	show := func(kind string, n int, groups map[string][]row) {
		if n > 5 || !testing.Verbose() {
			return
		}
		t.Logf("%s %d:", kind, n)
		for who, rs := range groups {
			for _, r := range rs {
				t.Logf("  %s wave %s %q at %q (%s) %s, role %s, true person %s", who, r.o.Wave, r.o.PersonName, r.o.Organization,
					r.o.Region, r.o.ProfileURL, r.o.Role, r.truth.Person)
			}
		}
	}
	for _, m := range resolved {
		var all [][]row
		groups := map[string][]row{}
		for id, rs := range m {
			all = append(all, rs)
			groups[fmt.Sprint("person ", id)] = rs
		}
		if len(m) > 1 && cdo(all...) {
			split++
			show("split", split, groups)
			if shareEvidence(all) {
				splitShared++
			}
		}
	}
	for _, m := range made {
		var all [][]row
		for _, rs := range m {
			all = append(all, rs)
		}
		if len(m) > 1 && cdo(all...) {
			merged++
			show("merged", merged, m)
			if conflictEvidence(all) {
				mergedConflict++
			}
		}
	}
	t.Logf("of the split, %d had rows of one organization or one profile in two of their people; "+
		"of the merged, %d had rows with two profiles on one site, two genders or two birth years; "+
		"the others differ by organization alone, as namesakes do", splitShared, mergedConflict)
	return split, merged
}

// truthRow is an imported row with the truth the generator wrote for it.
type truthRow struct {
	o     *cdoatlas.Observation
	truth indepcensus.RowTruth
}

// truthRows reads the imported rows of every wave with the truth the
// generator wrote for each (WaveFile.Rows); rows without one are left out.
func truthRows(t *testing.T, db *sqldb.DB, truth *indepcensus.Truth) []truthRow {
	t.Helper()
	byLine := map[string]indepcensus.RowTruth{}
	for _, f := range truth.Files {
		for i, r := range f.Rows {
			byLine[fmt.Sprintf("%s:%d", filepath.Base(f.Path), i+2)] = r // line 1 is the header
		}
	}
	var rows []truthRow
	for _, w := range truth.Waves {
		obs, _, err := db.FindObservations(context.Background(), w.Wave, true, 0, 1<<30)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range obs {
			if tr, ok := byLine[fmt.Sprintf("%s:%d", o.File, o.Line)]; ok {
				rows = append(rows, truthRow{o, tr})
			}
		}
	}
	return rows
}

// shareEvidence reports whether two of the groups of rows share a true
// organization or a profile: evidence the resolver had to join them.
func shareEvidence(groups [][]truthRow) bool {
	seen := map[string]int{}
	for i, g := range groups {
		for _, r := range g {
			keys := []string{"org " + r.truth.Org}
			if p := census.ProfileKey(r.o.ProfileURL); p != "" {
				keys = append(keys, "profile "+p)
			}
			for _, k := range keys {
				if j, ok := seen[k]; ok && j != i {
					return true
				}
				seen[k] = i
			}
		}
	}
	return false
}

// conflictEvidence reports whether two of the groups of rows conflict:
// two profiles on one site, two known genders or two birth years, which
// the resolver had to keep apart.
func conflictEvidence(groups [][]truthRow) bool {
	type facts struct{ profiles, genders, years map[string]bool }
	all := make([]facts, len(groups))
	for i, g := range groups {
		all[i] = facts{map[string]bool{}, map[string]bool{}, map[string]bool{}}
		for _, r := range g {
			if p := census.ProfileKey(r.o.ProfileURL); p != "" {
				all[i].profiles[p] = true
			}
			if r.o.Gender != "" && r.o.Gender != cdoatlas.GenderUnknown {
				all[i].genders[r.o.Gender] = true
			}
			if r.o.BirthYear != nil {
				all[i].years[fmt.Sprint(*r.o.BirthYear)] = true
			}
		}
	}
	site := func(p string) string { h, _, _ := strings.Cut(p, "/"); return h }
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			for p := range all[i].profiles {
				for q := range all[j].profiles {
					if p != q && site(p) == site(q) {
						return true
					}
				}
			}
			for _, pair := range [][2]map[string]bool{{all[i].genders, all[j].genders}, {all[i].years, all[j].years}} {
				if len(pair[0]) > 0 && len(pair[1]) > 0 && !maps.Equal(pair[0], pair[1]) {
					return true
				}
			}
		}
	}
	return false
}

// orgErrors compares the organizations the CDO rows were resolved to with
// the organizations the generator wrote them for: split counts the true
// organizations that became several, merged the resolved organizations
// made of several true ones. With -v it logs the names written for each.
func orgErrors(t *testing.T, db *sqldb.DB, truth *indepcensus.Truth) (split, merged int) {
	t.Helper()
	resolved := map[string]map[int64]map[string]bool{} // true org → resolved org → names written
	made := map[int64]map[string]map[string]bool{}     // resolved org → true org → names written
	add := func(m map[string]bool, k string) map[string]bool {
		if m == nil {
			m = map[string]bool{}
		}
		m[k] = true
		return m
	}
	for _, r := range truthRows(t, db, truth) {
		o, tr := r.o, r.truth
		if !tr.CDO || o.OrganizationID == 0 {
			continue
		}
		written := fmt.Sprintf("%q (%s %s)", o.Organization, o.Country, o.Region)
		if resolved[tr.Org] == nil {
			resolved[tr.Org] = map[int64]map[string]bool{}
		}
		resolved[tr.Org][o.OrganizationID] = add(resolved[tr.Org][o.OrganizationID], written)
		if made[o.OrganizationID] == nil {
			made[o.OrganizationID] = map[string]map[string]bool{}
		}
		made[o.OrganizationID][tr.Org] = add(made[o.OrganizationID][tr.Org], written)
	}
	names := func(m map[string]bool) string { return strings.Join(slices.Sorted(maps.Keys(m)), ", ") }
	for org, m := range resolved {
		if len(m) > 1 {
			split++
			for id, written := range m {
				if testing.Verbose() {
					t.Logf("organization %s split: %d written %s", org, id, names(written))
				}
			}
		}
	}
	for id, m := range made {
		if len(m) > 1 {
			merged++
			for org, written := range m {
				if testing.Verbose() {
					t.Logf("organization %d made of several: %s written %s", id, org, names(written))
				}
			}
		}
	}
	return split, merged
}
