package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/cdoatlas/cdoatlas/vote"
)

const voteUsage = "vote tally [--method schulze|borda|approval|plurality] [--format json|text] FILE"

// runVote tallies a file of ballots.
func (m *Main) runVote(ctx context.Context, args []string) error {
	if err := m.subcommand(args, "vote", "tally", voteUsage); err != nil {
		return err
	}
	fs := m.flagSet("vote")
	method := fs.String("method", vote.Schulze, "schulze, borda, approval or plurality")
	format := fs.String("format", "text", "json or text")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	switch {
	case fs.NArg() != 1:
		return errors.New("give one file of ballots (- for stdin): one ballot a line, [COUNT:] A > B = C, or PrefLib .soc, .soi, .toc, .toi")
	case !slices.Contains(vote.Methods, *method):
		return fmt.Errorf("unknown --method %q: schulze, borda, approval or plurality", *method)
	case *format != "json" && *format != "text":
		return fmt.Errorf("unknown --format %q: json or text", *format)
	}
	path := fs.Arg(0)
	var in io.Reader = m.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	options, ballots, err := vote.Read(in, filepath.Base(path))
	if err != nil {
		return addFileProblems(nil, path, err)
	}
	r, err := vote.Tally(*method, options, ballots)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return writeTallyText(m.Stdout, r)
}

// writeTallyText writes a result for people: the ranking with places and,
// for Schulze, the pairwise matrix and the strongest paths.
func writeTallyText(w io.Writer, r *vote.Result) error {
	fmt.Fprintf(w, "%s: %d ballots, %d options\n\n", r.Method, r.Ballots, len(r.Options))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if r.Scores != nil {
		fmt.Fprintln(tw, "place\toption\tscore")
	} else {
		fmt.Fprintln(tw, "place\toption")
	}
	place := 1
	for _, group := range r.Ranking {
		for _, o := range group {
			if r.Scores != nil {
				fmt.Fprintf(tw, "%d\t%s\t%s\n", place, o, strconv.FormatFloat(r.Scores[o], 'f', -1, 64))
			} else {
				fmt.Fprintf(tw, "%d\t%s\n", place, o)
			}
		}
		place += len(group)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if r.Strongest == nil {
		return nil
	}
	order := slices.Concat(r.Ranking...)
	for _, m := range []struct {
		title string
		cells map[string]map[string]int
	}{{"pairwise: ballots that rank the row above the column", r.Pairwise}, {"strongest paths from the row to the column", r.Strongest}} {
		fmt.Fprintf(w, "\n%s\n", m.title)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "\t"+strings.Join(order, "\t")+"\t")
		for _, a := range order {
			fmt.Fprint(tw, a)
			for _, b := range order {
				if a == b {
					fmt.Fprint(tw, "\t–")
				} else {
					fmt.Fprintf(tw, "\t%d", m.cells[a][b])
				}
			}
			fmt.Fprintln(tw, "\t")
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
