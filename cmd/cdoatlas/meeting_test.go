package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMeetingRounds(t *testing.T) {
	a := newApp(t)
	out, _, err := a.run("", "meeting", "rounds", "--people", "16", "--group-size", "4", "--rounds", "3", "--seed", "2")
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		Rounds  [][][]int `json:"rounds"`
		Repeats int       `json:"repeats"`
		Bound   int       `json:"bound"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(plan.Rounds) != 3 || len(plan.Rounds[0]) != 4 || plan.Repeats != 0 || plan.Bound != 5 {
		t.Errorf("plan %+v", plan)
	}
	// The plan is the history of the next two rounds: no pair meets again.
	dir := t.TempDir()
	history := filepath.Join(dir, "history.json")
	if err := os.WriteFile(history, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = a.run("", "meeting", "rounds", "--people", "16", "--group-size", "4", "--rounds", "2", "--history", history, "--format", "text")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Round 2\n  group 1:") || !strings.Contains(out, "0 repeats (0 within this meeting, 0 from earlier meetings); without repeats at most 5 rounds") {
		t.Errorf("text plan:\n%s", out)
	}

	// A people file with attributes; CSV out.
	people := filepath.Join(dir, "people.csv")
	os.WriteFile(people, []byte("id,country,new\nanna,DE,yes\nbeat,CH,no\ncarl,AT,no\ndora,DE,no\nemil,CH,ja\nfrida,AT,no\n"), 0o644)
	out, _, err = a.run("", "meeting", "rounds", "--people-file", people, "--group-size", "3", "--rounds", "2", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 13 || lines[0] != "round,group,id" {
		t.Errorf("CSV plan:\n%s", out)
	}
	os.WriteFile(people, []byte("id,new\nanna,vielleicht\n"), 0o644)
	if _, _, err := a.run("", "meeting", "rounds", "--people-file", people, "--group-size", "3", "--rounds", "2"); err == nil || !strings.Contains(err.Error(), "people.csv:2") {
		t.Errorf("bad new value: %v", err)
	}
	if _, _, err := a.run("", "meeting", "rounds", "--people", "10", "--rounds", "2"); err == nil || !strings.Contains(err.Error(), "--group-size") {
		t.Errorf("missing group size: %v", err)
	}
}
