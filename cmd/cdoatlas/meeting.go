package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas/breakout"
	"github.com/cdoatlas/cdoatlas/tabular"
)

const meetingUsage = "meeting rounds (--people N | --people-file FILE) --group-size K --rounds R [--history FILE] [--seed S] [--format json|text|csv]"

// runMeeting plans breakout rounds.
func (m *Main) runMeeting(ctx context.Context, args []string) error {
	if err := m.subcommand(args, "meeting", "rounds", meetingUsage); err != nil {
		return err
	}
	fs := m.flagSet("meeting")
	people := fs.Int("people", 0, "number the people 1…N")
	peopleFile := fs.String("people-file", "", "CSV with a column id and optional size_class, country, region, new (yes/no)")
	k := fs.Int("group-size", 0, "people per group: groups have K or K−1 (required)")
	rounds := fs.Int("rounds", 0, "number of rounds (required)")
	historyFile := fs.String("history", "", "earlier rounds, JSON as this command writes it: {\"rounds\": [[[id, …], …], …]}")
	seed := fs.Uint64("seed", 1, "seed of the search: the same seed gives the same plan")
	format := fs.String("format", "json", "json, text or csv")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case (*people > 0) == (*peopleFile != ""):
		return errors.New("give either --people N or --people-file FILE")
	case *k < 2:
		return errors.New("give the group size: --group-size K (2 or more)")
	case *rounds < 1:
		return errors.New("give the number of rounds: --rounds R")
	case *format != "json" && *format != "text" && *format != "csv":
		return fmt.Errorf("unknown --format %q: json, text or csv", *format)
	}
	var ps []breakout.Person
	numeric := *people > 0
	if numeric {
		if *people > breakout.MaxPeople {
			return fmt.Errorf("--people: at most %d", breakout.MaxPeople)
		}
		for i := 1; i <= *people; i++ {
			ps = append(ps, breakout.Person{ID: strconv.Itoa(i)})
		}
	} else {
		var err error
		if ps, err = readMeetingPeople(*peopleFile); err != nil {
			return err
		}
	}
	o := breakout.Options{People: ps, GroupSize: *k, Rounds: *rounds, Seed: *seed}
	if !numeric {
		o.Weights = breakout.DefaultWeights
	}
	if *historyFile != "" {
		h, err := readMeetingHistory(*historyFile)
		if err != nil {
			return err
		}
		o.History = h
	}
	p, err := breakout.Make(o)
	if err != nil {
		return err
	}
	switch *format {
	case "text":
		return writeRoundsText(m.Stdout, p)
	case "csv":
		return writeRoundsCSV(m.Stdout, p)
	}
	return writeRoundsJSON(m.Stdout, p, numeric)
}

// readMeetingPeople reads a people file: CSV (or XLSX) with id and the
// optional attributes.
func readMeetingPeople(path string) ([]breakout.Person, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tab, err := tabular.Read(f, path)
	if err != nil {
		return nil, nameFile(err, path)
	}
	col := map[string]int{}
	for i, h := range tab.Header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	idCol, ok := col["id"]
	if !ok {
		return nil, fmt.Errorf("%s: no column id", path)
	}
	cell := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	var ps []breakout.Person
	for _, r := range tab.Rows {
		row := r.Cells
		p := breakout.Person{SizeClass: cell(row, "size_class"), Country: strings.ToUpper(cell(row, "country")), Region: cell(row, "region")}
		if idCol < len(row) {
			p.ID = strings.TrimSpace(row[idCol])
		}
		switch strings.ToLower(cell(row, "new")) {
		case "", "no", "nein", "n", "false", "0":
		case "yes", "ja", "j", "y", "true", "1", "x":
			p.New = true
		default:
			return nil, fmt.Errorf("%s:%d: column new: yes or no, got %q", path, r.Line, cell(row, "new"))
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// readMeetingHistory reads earlier rounds; IDs may be numbers or text.
func readMeetingHistory(path string) ([][][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Rounds [][][]json.RawMessage `json:"rounds"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: not the JSON this command writes ({\"rounds\": [[[id, …], …], …]}): %v", path, err)
	}
	out := make([][][]string, len(doc.Rounds))
	for r, round := range doc.Rounds {
		for _, group := range round {
			var ids []string
			for _, raw := range group {
				var s string
				if json.Unmarshal(raw, &s) != nil {
					var n json.Number
					if err := json.Unmarshal(raw, &n); err != nil {
						return nil, fmt.Errorf("%s: round %d: an id is neither a number nor a text", path, r+1)
					}
					s = n.String()
				}
				ids = append(ids, s)
			}
			out[r] = append(out[r], ids)
		}
	}
	return out, nil
}

func writeRoundsJSON(w io.Writer, p *breakout.Plan, numeric bool) error {
	out := map[string]any{"repeats": p.Repeats, "within_repeats": p.WithinRepeats, "history_repeats": p.HistoryRepeats,
		"bound": p.Bound, "violations": p.Violations, "mixing": p.Mixing}
	if p.Design != "" {
		out["design"] = p.Design
	}
	if numeric {
		rounds := make([][][]int, len(p.Rounds))
		for r, round := range p.Rounds {
			for _, g := range round {
				ids := make([]int, len(g))
				for i, id := range g {
					ids[i], _ = strconv.Atoi(id)
				}
				rounds[r] = append(rounds[r], ids)
			}
		}
		out["rounds"] = rounds
	} else {
		out["rounds"] = p.Rounds
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeRoundsText(w io.Writer, p *breakout.Plan) error {
	for r, round := range p.Rounds {
		fmt.Fprintf(w, "Round %d\n", r+1)
		for g, members := range round {
			fmt.Fprintf(w, "  group %d: %s\n", g+1, strings.Join(members, ", "))
		}
	}
	_, err := fmt.Fprintf(w, "\n%d repeats (%d within this meeting, %d from earlier meetings); without repeats at most %d rounds are possible\n",
		p.Repeats, p.WithinRepeats, p.HistoryRepeats, p.Bound)
	return err
}

func writeRoundsCSV(w io.Writer, p *breakout.Plan) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"round", "group", "id"})
	for r, round := range p.Rounds {
		for g, members := range round {
			for _, id := range members {
				cw.Write([]string{strconv.Itoa(r + 1), strconv.Itoa(g + 1), id})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
