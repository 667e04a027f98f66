package main

import (
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
