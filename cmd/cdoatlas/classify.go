package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
)

// runClassify writes role, CDO check and archetype for titles given as
// arguments, or read from stdin one a line; with --jsonl stdin holds JSON
// objects {"title", "tasks", "placement", "organization", "country"};
// other fields of a line (such as an id) are passed through to its result.
// Each result is one JSON object a line; a line that cannot be read gives
// {"line": N, "error": "…", "key": "…"} and the rest goes on.
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
	bad, err := answerLines(ctx, m.Stdin, enc, func(line []byte, tooLong bool) (any, *cdoatlas.LineError) {
		in, extra, problem := parseClassifyLine(line, tooLong, *jsonl)
		if in == nil {
			return nil, problem
		}
		out := vocab.Classify(*in)
		if len(extra) == 0 {
			return out, nil
		}
		v, err := withFields(out, extra)
		if err != nil {
			return nil, &cdoatlas.LineError{Reason: err.Error()} // cannot happen: out is JSON
		}
		return v, nil
	})
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d line(s) could not be read; the others were classified", bad)
	}
	return nil
}

// classifyFields are the input fields of a --jsonl line; their names are
// matched regardless of case, as encoding/json does.
var classifyFields = map[string]func(in *classify.Input) *string{
	"title":        func(in *classify.Input) *string { return &in.Title },
	"tasks":        func(in *classify.Input) *string { return &in.Tasks },
	"placement":    func(in *classify.Input) *string { return &in.Placement },
	"organization": func(in *classify.Input) *string { return &in.Organization },
	"country":      func(in *classify.Input) *string { return &in.Country },
}

// jsonField is a member of a JSON object, kept in the order of the line.
type jsonField struct {
	Name  string
	Value json.RawMessage
}

// parseClassifyLine reads one input line; nil and no problem for a blank
// one. With jsonl, the fields other than the input's (such as an id) are
// returned as extra, in their order, to be passed through.
func parseClassifyLine(line []byte, tooLong, jsonl bool) (in *classify.Input, extra []jsonField, problem *cdoatlas.LineError) {
	switch {
	case tooLong:
		return nil, nil, lineProblem("file.line_longer", maxInputLine)
	case !utf8.Valid(line):
		return nil, nil, lineProblem("file.not_utf8")
	case len(bytes.TrimSpace(line)) == 0:
		return nil, nil, nil
	case !jsonl:
		return &classify.Input{Title: strings.TrimSpace(string(line))}, nil, nil
	}
	in = &classify.Input{}
	notObject := func(err error) (*classify.Input, []jsonField, *cdoatlas.LineError) {
		if err != nil {
			return nil, nil, lineProblem("file.not_json_object_because", strings.TrimPrefix(err.Error(), "json: "))
		}
		return nil, nil, lineProblem("file.not_json_object")
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return notObject(err)
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return notObject(err)
		}
		name, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return notObject(err)
		}
		if seen[name] {
			return nil, nil, lineProblem("file.json_name_twice", name)
		}
		seen[name] = true
		if to := classifyFields[strings.ToLower(name)]; to != nil {
			if err := json.Unmarshal(value, to(in)); err != nil {
				return nil, nil, lineProblem("file.json_not_string", name)
			}
			continue
		}
		extra = append(extra, jsonField{name, value})
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return notObject(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, nil, lineProblem("file.json_more_values")
	}
	if strings.TrimSpace(in.Title) == "" {
		return nil, nil, lineProblem("file.title_required")
	}
	return in, extra, nil
}

// withFields returns out as a JSON object that starts with the extra
// fields of the input line; a field of the same name as one of out's
// gives way to it.
func withFields(out classify.Output, extra []jsonField) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	result := bytes.TrimSpace(b.Bytes())
	var own map[string]json.RawMessage
	if err := json.Unmarshal(result, &own); err != nil {
		return nil, err
	}
	var w bytes.Buffer
	w.WriteByte('{')
	for _, f := range extra {
		if _, ok := own[f.Name]; ok {
			continue
		}
		name, err := json.Marshal(f.Name)
		if err != nil {
			return nil, err
		}
		w.Write(name)
		w.WriteByte(':')
		w.Write(f.Value)
		w.WriteByte(',')
	}
	w.Write(result[1:])
	return w.Bytes(), nil
}
