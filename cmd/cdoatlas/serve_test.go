package main

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServeDemo runs the README's first command as a user would: serve
// --demo on an empty database, then look at the home page and the API.
// Its cleanup checks the graceful shutdown.
func TestServeDemo(t *testing.T) {
	a := newApp(t)
	base := a.serve("--demo")
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Kennzahlen") {
		t.Errorf("home page: %s\n%s", resp.Status, body)
	}
	resp, err = http.Get(base + "/api/v1/organizations?country=AT&per_page=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	if list.Total < 10 || len(list.Items) != 1 {
		t.Errorf("Austrian demo organizations: total %d, %d items; want at least 10 and one item a page", list.Total, len(list.Items))
	}
	// The schema serve --demo made is current.
	if out, _, err := a.run("", "migrate"); err != nil || !strings.Contains(out, "applied 0 migration(s)") {
		t.Errorf("migrate after serve --demo: %q, %v", out, err)
	}
}

// TestServeSettings checks that serve's settings reach the pages: a
// disclosure threshold above every count withholds every count of the
// public statistics but the zeros every first wave has (no exits), and settings that would publish single people or
// hold no offer are refused.
func TestServeSettings(t *testing.T) {
	counts := func(base string) (shown, withheld int) {
		resp, err := http.Get(base + "/statistics?format=csv")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		rows, err := csv.NewReader(resp.Body).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			switch v := row[len(row)-1]; {
			case v == ".":
				withheld++
			case v != "" && v != "0" && strings.Trim(v, "0123456789") == "":
				shown++
			}
		}
		return shown, withheld
	}
	shown, _ := counts(newApp(t).serve("--demo"))
	if shown == 0 {
		t.Fatal("default threshold: no count shown in the statistics download")
	}
	shown, withheld := counts(newApp(t).serve("--demo", "--disclosure-k", "100000"))
	if shown != 0 || withheld == 0 {
		t.Errorf("--disclosure-k 100000: %d counts shown, %d withheld; want none shown", shown, withheld)
	}
	for _, args := range [][]string{{"--disclosure-k", "1"}, {"--offer-days", "0"}} {
		if _, _, err := newApp(t).run("", append([]string{"serve"}, args...)...); err == nil || !strings.Contains(err.Error(), args[0]) {
			t.Errorf("serve %v: %v, want an error naming the flag", args, err)
		}
	}
}
