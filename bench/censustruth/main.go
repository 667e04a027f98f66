// Command censustruth compares a census imported into a SQLite database
// with the truth `cdoatlas gen` wrote for it (truth.json): the true people
// whose rows were resolved to several people (split), the resolved people
// whose rows are of several true people (merged), and the published
// figures (cdos, entries, exits, stayed, moved, by country and by region,
// per wave) that equal the truth. It reads the database as the store
// wrote it, so it measures what `cdoatlas import observations` did.
//
//	go run ./bench/censustruth DB TRUTH.json
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/censusgen"
	"github.com/cdoatlas/cdoatlas/sqldb"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: censustruth DB TRUTH.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "censustruth:", err)
		os.Exit(1)
	}
}

func run(dbPath, truthPath string) error {
	ctx := context.Background()
	b, err := os.ReadFile(truthPath)
	if err != nil {
		return err
	}
	var truth censusgen.Truth
	if err := json.Unmarshal(b, &truth); err != nil {
		return err
	}
	type line struct {
		file string
		n    int
	}
	person := map[line]string{}
	for _, o := range truth.Observations {
		person[line{o.File, o.Line}] = o.Person
	}
	db, err := sqldb.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	waves, err := db.FindWaves(ctx)
	if err != nil {
		return err
	}
	resolved := map[string]map[int64]bool{} // true person → resolved people
	made := map[int64]map[string]bool{}     // resolved person → true people
	for _, w := range waves {
		obs, _, err := db.FindObservations(ctx, w.ID, true, 0, 1<<30)
		if err != nil {
			return err
		}
		for _, o := range obs {
			p, ok := person[line{o.File, o.Line}]
			if !ok || o.PersonID == 0 {
				continue
			}
			if resolved[p] == nil {
				resolved[p] = map[int64]bool{}
			}
			resolved[p][o.PersonID] = true
			if made[o.PersonID] == nil {
				made[o.PersonID] = map[string]bool{}
			}
			made[o.PersonID][p] = true
		}
	}
	split, merged := 0, 0
	for _, m := range resolved {
		if len(m) > 1 {
			split++
		}
	}
	for _, m := range made {
		if len(m) > 1 {
			merged++
		}
	}
	fmt.Printf("true people with resolved rows %d: split %d, merged %d\n", len(resolved), split, merged)

	facts, err := db.CensusFacts(ctx)
	if err != nil {
		return err
	}
	var ws []cdoatlas.Wave
	for _, w := range waves {
		ws = append(ws, *w)
	}
	st := census.Figures(ws, facts)
	if len(st.Waves) != len(truth.Waves) {
		return fmt.Errorf("%d waves stored, truth has %d", len(st.Waves), len(truth.Waves))
	}
	exact, total := 0, 0
	for i, tw := range truth.Waves {
		w := st.Waves[i]
		for _, f := range []struct {
			name      string
			got, want int
		}{{"cdos", w.CDOs, tw.CDOs}, {"entries", w.Entries, tw.Entries}, {"exits", w.Exits, tw.Exits},
			{"stayed", w.Stayed, tw.Stayed}, {"moved", w.Moved, tw.Moved}} {
			total++
			if f.got == f.want {
				exact++
			}
			fmt.Printf("wave %s %-8s %6d  truth %6d\n", tw.Wave, f.name, f.got, f.want)
		}
		for _, b := range []struct{ got, want map[string]int }{{w.ByCountry, tw.ByCountry}, {w.ByRegion, tw.ByRegion}} {
			keys := map[string]bool{}
			for k, v := range b.got {
				if v != 0 {
					keys[k] = true
				}
			}
			for k := range b.want {
				keys[k] = true
			}
			for k := range keys {
				total++
				if b.got[k] == b.want[k] {
					exact++
				}
			}
		}
	}
	fmt.Printf("figures exact: %d of %d\n", exact, total)
	return nil
}
