package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestVoteTally(t *testing.T) {
	a := newApp(t)
	out, _, err := a.run("", "vote", "tally", "--method", "schulze", "--format", "json", "../../vote/testdata/wikipedia-schulze.txt")
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Method   string                    `json:"method"`
		Ballots  int                       `json:"ballots"`
		Options  []string                  `json:"options"`
		Ranking  [][]string                `json:"ranking"`
		Pairwise map[string]map[string]int `json:"pairwise"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if r.Method != "schulze" || r.Ballots != 45 || len(r.Options) != 5 || r.Pairwise["E"]["A"] != 23 ||
		!reflect.DeepEqual(r.Ranking, [][]string{{"E"}, {"A"}, {"C"}, {"B"}, {"D"}}) {
		t.Errorf("result %+v", r)
	}

	// Plurality from stdin, as text; tied first places share the ballot.
	out, _, err = a.run("2: A = B > C\n1: C # a comment\n", "vote", "tally", "--method", "plurality", "-")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"plurality: 3 ballots, 3 options", "1      A       1", "1      B       1", "1      C       1"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}

	// A malformed file is refused with every bad line.
	_, _, err = a.run("A > B\n0: A\nA > > B\nB = B\n", "vote", "tally", "-")
	if err == nil {
		t.Fatal("a malformed file is tallied")
	}
	for _, want := range []string{"-:2:", "-:3:", "-:4:", `"B" is ranked twice`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
	if _, _, err := a.run("", "vote", "tally", "--method", "irv", "-"); err == nil || !strings.Contains(err.Error(), "--method") {
		t.Errorf("unknown method: %v", err)
	}
}
