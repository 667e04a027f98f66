package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas/classify"
)

// runClassify writes role, CDO check and archetype for titles given as
// arguments, or read from stdin one a line; with --jsonl stdin holds JSON
// objects {"title", "tasks", "placement", "organization", "country"}. Each
// result is one JSON object a line; a line that cannot be read gives
// {"line": N, "error": "…"} and the rest goes on.
func (m *Main) runClassify(ctx context.Context, args []string) error {
	fs := m.flagSet("classify")
	jsonl := fs.Bool("jsonl", false, "read JSON objects from stdin, one a line")
	dsn := fs.String("db", "", "also recognise the titles editors confirmed in this database (file path, sqlite:PATH or postgres://…)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var vocab classify.Vocabulary
	if *dsn != "" {
		db, err := m.openDB(ctx, *dsn, false)
		if err != nil {
			return err
		}
		v, err := db.Vocabulary(ctx)
		db.Close()
		if err != nil {
			return err
		}
		vocab = v
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if fs.NArg() > 0 {
		if *jsonl {
			return errors.New("--jsonl reads stdin: give no titles as arguments")
		}
		for _, title := range fs.Args() {
			enc.Encode(vocab.Classify(classify.Input{Title: title}))
		}
		return nil
	}
	bad, err := answerLines(ctx, m.Stdin, enc, func(line []byte, tooLong bool) (any, string) {
		in, problem := parseClassifyLine(line, tooLong, *jsonl)
		if in == nil {
			return nil, problem
		}
		return vocab.Classify(*in), ""
	})
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d line(s) could not be read; the others were classified", bad)
	}
	return nil
}

// parseClassifyLine reads one input line; nil and no problem for a blank one.
func parseClassifyLine(line []byte, tooLong, jsonl bool) (*classify.Input, string) {
	switch {
	case tooLong:
		return nil, fmt.Sprintf("line longer than %d bytes", maxInputLine)
	case !utf8.Valid(line):
		return nil, "not valid UTF-8"
	case len(bytes.TrimSpace(line)) == 0:
		return nil, ""
	case !jsonl:
		return &classify.Input{Title: strings.TrimSpace(string(line))}, ""
	}
	var in classify.Input
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, "not a JSON object with title, tasks, placement, organization, country: " + strings.TrimPrefix(err.Error(), "json: ")
	}
	if dec.More() {
		return nil, "more than one JSON value on the line"
	}
	if strings.TrimSpace(in.Title) == "" {
		return nil, "title is required"
	}
	return &in, ""
}
