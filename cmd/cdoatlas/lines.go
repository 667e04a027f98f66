package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"

	"github.com/cdoatlas/cdoatlas"
)

// Commands that read stdin one item a line (classify, places find) answer
// each line with one JSON object, and a line they cannot read with
// {"line": N, "error": "…", "key": "file.…"} (the error in English and its
// message key), going on with the rest.

// maxInputLine caps one input line; longer lines get an error object.
const maxInputLine = 1 << 20

// answerLines reads in line by line and writes the answer to each with
// enc. answer gets the line (without its end; tooLong when it exceeded
// maxInputLine) and returns the value to write, or a problem to report
// for the line; nil and no problem skip it (a blank line). It returns
// how many lines had a problem.
func answerLines(ctx context.Context, in io.Reader, enc *json.Encoder, answer func(line []byte, tooLong bool) (any, *cdoatlas.LineError)) (bad int, err error) {
	r := bufio.NewReaderSize(in, 64<<10)
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return bad, ctx.Err()
		}
		line, tooLong, err := readLine(r)
		if err == io.EOF && line == nil {
			return bad, nil
		} else if err != nil && err != io.EOF {
			return bad, err
		}
		v, problem := answer(line, tooLong)
		switch {
		case problem != nil:
			bad++
			enc.Encode(struct {
				Line  int    `json:"line"`
				Error string `json:"error"`
				Key   string `json:"key,omitempty"`
			}{n, problem.Reason, problem.Key})
		case v != nil:
			enc.Encode(v)
		}
		if err == io.EOF {
			return bad, nil
		}
	}
}

// lineProblem is the problem key with args of an input line.
func lineProblem(key string, args ...any) *cdoatlas.LineError {
	e := cdoatlas.NewLineError(0, "", key, args...)
	return &e
}

// readLine returns the next line without its line end, reading past (and
// dropping) what exceeds maxInputLine.
func readLine(r *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := r.ReadLine()
		if err != nil {
			if line == nil && !tooLong {
				return nil, false, err
			}
			return line, tooLong, io.EOF
		}
		if !tooLong {
			line = append(line, chunk...)
			if len(line) > maxInputLine {
				line, tooLong = []byte{}, true
			}
		}
		if !isPrefix {
			if line == nil {
				line = []byte{}
			}
			return line, tooLong, nil
		}
	}
}
