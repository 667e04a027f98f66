package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// placeLine is one line of `places find`: the query, the place it means
// (official_code "" when none) and, when none, up to five candidates.
type placeLine struct {
	Query          string            `json:"query"`
	OfficialCode   string            `json:"official_code"`
	Name           string            `json:"name"`
	Kind           string            `json:"kind"`
	Country        string            `json:"country"`
	Region         string            `json:"region"`
	Population     *int64            `json:"population"`
	PopulationDate string            `json:"population_date"`
	SizeClass      string            `json:"size_class"`
	Candidates     []gazetteer.Place `json:"candidates"`
}

func findPlace(q gazetteer.Query) placeLine {
	r := gazetteer.Find(q)
	line := placeLine{Query: q.Name, Candidates: r.Candidates}
	if line.Candidates == nil {
		line.Candidates = []gazetteer.Place{}
	}
	if p := r.Place; p != nil {
		line.OfficialCode, line.Name, line.Kind, line.Country, line.Region = p.Code, p.Name, p.Kind, p.Country, p.Region
		line.PopulationDate, line.SizeClass = p.PopulationDate, p.SizeClass()
		if p.Population > 0 {
			pop := p.Population
			line.Population = &pop
		}
	}
	return line
}

// runPlaces runs `places find`: the gazetteer of every DACH municipality
// and county, without a database. Names come as arguments, or from stdin
// one a line; with --jsonl stdin holds {"query", "country", "region"}
// objects, and a line that cannot be read gives {"line": N, "error": "…"}.
func (m *Main) runPlaces(ctx context.Context, args []string) error {
	if err := m.subcommand(args, "places", "find", "places find [--country C] [--region R] [--jsonl] [NAME…]"); err != nil {
		return err
	}
	fs := m.flagSet("places")
	country := fs.String("country", "", "only places in this country (DE, AT, CH)")
	region := fs.String("region", "", "only places in this region (DE-NW, Bayern, NRW, AT-9, CH-ZH …)")
	jsonl := fs.Bool("jsonl", false, `read {"query", "country", "region"} objects from stdin, one a line`)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if fs.NArg() > 0 {
		if *jsonl {
			return errors.New("--jsonl reads stdin: give no names as arguments")
		}
		for _, name := range fs.Args() {
			enc.Encode(findPlace(gazetteer.Query{Name: name, Country: *country, Region: *region}))
		}
		return nil
	}
	bad, err := answerLines(ctx, m.Stdin, enc, func(line []byte, tooLong bool) (any, *cdoatlas.LineError) {
		q, problem := parsePlaceLine(line, tooLong, *jsonl)
		if q == nil {
			return nil, problem
		}
		if q.Country == "" {
			q.Country = *country
		}
		if q.Region == "" {
			q.Region = *region
		}
		return findPlace(*q), nil
	})
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d line(s) could not be read; the others were looked up", bad)
	}
	return nil
}

// parsePlaceLine reads one input line; blank lines are skipped (nil, nil).
func parsePlaceLine(line []byte, tooLong, jsonl bool) (*gazetteer.Query, *cdoatlas.LineError) {
	switch {
	case tooLong:
		return nil, lineProblem("file.line_too_long")
	case !utf8.Valid(line):
		return nil, lineProblem("file.not_utf8")
	}
	s := strings.TrimSpace(strings.TrimPrefix(string(line), "\ufeff"))
	if s == "" {
		return nil, nil
	}
	if !jsonl {
		return &gazetteer.Query{Name: s}, nil
	}
	var in struct {
		Query   *string `json:"query"`
		Country string  `json:"country"`
		Region  string  `json:"region"`
	}
	dec := json.NewDecoder(strings.NewReader(s))
	if err := dec.Decode(&in); err != nil {
		return nil, lineProblem("file.not_json_object_because", err)
	}
	if in.Query == nil {
		return nil, lineProblem("file.query_missing")
	}
	return &gazetteer.Query{Name: *in.Query, Country: in.Country, Region: in.Region}, nil
}
