package census_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/cdoatlas/cdoatlas"
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
		// person, the most people split and merged (peopleErrors).
		minExact, maxQuestions float64
		maxSplit, maxMerged    int
	}{
		{"export", func(dir string) (*indepcensus.Truth, error) {
			return indepcensus.GenerateExport(indepcensus.Options{People: 2000, Waves: 5, Seed: 1, NoiseRows: 20000}, dir)
		}, 0.82, 0.3, 35, 27},
		{"press", func(dir string) (*indepcensus.Truth, error) {
			return indepcensus.GeneratePress(indepcensus.Options{People: 300, Waves: 5, Seed: 2}, dir)
		}, 0.85, 0.1, 7, 8},
		{"hand", indepcensus.HandWritten, 0.89, 0.1, 0, 0},
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
	type row struct {
		o     *cdoatlas.Observation
		truth indepcensus.RowTruth
	}
	byLine := map[string]indepcensus.RowTruth{}
	for _, f := range truth.Files {
		for i, r := range f.Rows {
			byLine[fmt.Sprintf("%s:%d", filepath.Base(f.Path), i+2)] = r // line 1 is the header
		}
	}
	resolved := map[string]map[int64][]row{} // true person → resolved person → rows
	made := map[int64]map[string][]row{}     // resolved person → true person → rows
	for _, w := range truth.Waves {
		obs, _, err := db.FindObservations(context.Background(), w.Wave, true, 0, 1<<30)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range obs {
			tr, ok := byLine[fmt.Sprintf("%s:%d", o.File, o.Line)]
			if o.PersonID == 0 || !ok {
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
		}
	}
	return split, merged
}
