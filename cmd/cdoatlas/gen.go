package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/cdoatlas/cdoatlas/censusgen"
)

// runGen writes synthetic census waves and their ground truth into --out.
func (m *Main) runGen(ctx context.Context, args []string) error {
	fs := m.flagSet("gen")
	people := fs.Int("people", 200, "tracked people (CDOs and other digital leaders over all waves)")
	waves := fs.Int("waves", 5, "yearly waves")
	seed := fs.Int64("seed", 1, "random seed: the same seed gives the same files")
	rows := fs.Int("rows", 0, "observation rows over all waves, filler included (0: 10 per person and wave)")
	first := fs.Int("first-wave", 2021, "year of the first wave")
	leaders := fs.Int("filler-leaders", 50, "percentage of filler rows with CIO, CTO or chief data officer titles")
	places := fs.Bool("gazetteer", false, "add every municipality and county of the gazetteer to the registry, for CDO posts in real places of all sizes")
	out := fs.String("out", "", "directory to write into (required; created when missing)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("--out is required")
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	fillerLeaders := *leaders
	if fillerLeaders <= 0 {
		fillerLeaders = -1 // Options reads 0 as the default
	}
	truth, err := censusgen.Generate(censusgen.Options{
		People: *people, Waves: *waves, Seed: *seed, Rows: *rows, FirstWave: *first, Gazetteer: *places,
		FillerLeaders: fillerLeaders,
		Progress:      func(file string) { m.progress("writing %s …", file) },
	}, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%d observation rows in %d files (%d of tracked people), truth.json in %s\n",
		truth.Rows, *waves*len(censusgen.Sources), truth.TrackedRows, *out)
	for _, w := range truth.Waves {
		fmt.Fprintf(m.Stdout, "wave %s: %d CDOs, %d entries, %d exits, %d stayed, %d moved\n", w.Wave, w.CDOs, w.Entries, w.Exits, w.Stayed, w.Moved)
	}
	return nil
}
