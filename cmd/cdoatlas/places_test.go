package main

import (
	"errors"
	"flag"
	"strings"
	"testing"
)

func TestPlacesFind(t *testing.T) {
	a := newApp(t)
	t.Run("Names", func(t *testing.T) {
		out, _, err := a.run("", "places", "find", "Kreis Wesel", "Neustadt", "Allianz SE")
		if err != nil {
			t.Fatal(err)
		}
		got := classifyLines(t, out)
		if len(got) != 3 {
			t.Fatalf("%d lines, want 3:\n%s", len(got), out)
		}
		w := got[0]
		if w["query"] != "Kreis Wesel" || w["official_code"] != "05170" || w["kind"] != "county" || w["region"] != "DE-NW" ||
			w["country"] != "DE" || w["size_class"] != "KGK1" || w["population_date"] != "2022-05-15" || w["population"].(float64) < 400000 {
			t.Errorf("Kreis Wesel: %v", w)
		}
		if c := got[0]["candidates"].([]any); len(c) != 0 {
			t.Errorf("a match has no candidates: %v", c)
		}
		n := got[1]
		if n["official_code"] != "" || len(n["candidates"].([]any)) != 5 {
			t.Errorf("Neustadt: want no match and five candidates, got %v", n)
		}
		first := n["candidates"].([]any)[0].(map[string]any)
		for _, key := range []string{"official_code", "name", "kind", "country", "region", "population", "population_date", "size_class"} {
			if _, ok := first[key]; !ok {
				t.Errorf("candidate lacks %q: %v", key, first)
			}
		}
		if got[2]["official_code"] != "" || len(got[2]["candidates"].([]any)) != 0 {
			t.Errorf("Allianz SE: %v", got[2])
		}
	})
	t.Run("RegionFlag", func(t *testing.T) {
		out, _, err := a.run("", "places", "find", "--region", "Bayern", "Rückersdorf")
		if err != nil {
			t.Fatal(err)
		}
		if got := classifyLines(t, out); got[0]["official_code"] != "09574154" {
			t.Errorf("Rückersdorf in Bayern: %v", got[0])
		}
	})
	t.Run("Stdin", func(t *testing.T) {
		out, _, err := a.run("Stadt Köln\n\nWien\r\n", "places", "find")
		if err != nil {
			t.Fatal(err)
		}
		got := classifyLines(t, out)
		if len(got) != 2 || got[0]["official_code"] != "05315000" || got[1]["official_code"] != "90001" || got[1]["size_class"] != "GK1" {
			t.Errorf("got %v, want Köln then Wien (GK1)", got)
		}
	})
	t.Run("JSONLBadLinesGoOn", func(t *testing.T) {
		in := `{"query":"Neustadt an der Weinstraße"}` + "\nkein JSON\n" + `{"country":"DE"}` + "\n" + `{"query":"Halle","region":"DE-ST"}`
		out, _, err := a.run(in, "places", "find", "--jsonl")
		if err == nil || !strings.Contains(err.Error(), "2 line(s)") {
			t.Errorf("error %v, want 2 bad lines counted", err)
		}
		got := classifyLines(t, out)
		if len(got) != 4 {
			t.Fatalf("%d lines, want 4:\n%s", len(got), out)
		}
		if got[0]["official_code"] != "07316000" || got[3]["official_code"] != "15002000" {
			t.Errorf("good lines: %v / %v", got[0], got[3])
		}
		if got[1]["line"] != 2.0 || got[1]["error"] == nil || got[2]["line"] != 3.0 {
			t.Errorf("bad lines: %v / %v", got[1], got[2])
		}
		if got[2]["error"] != `"query" is missing` || got[2]["key"] != "file.query_missing" {
			t.Errorf("line 3: %v, want the missing query with its key", got[2])
		}
	})
	t.Run("Help", func(t *testing.T) {
		_, stderr, err := a.run("", "places", "find", "--help")
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "--region") {
			t.Errorf("err %v, stderr %q", err, stderr)
		}
		if _, _, err := a.run("", "places", "lookup"); err == nil {
			t.Error("unknown subcommand accepted")
		}
		_, stderr, _ = a.run("", "help")
		if !strings.Contains(stderr, "places find") {
			t.Error("usage lacks places find")
		}
	})
}
