package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
)

func classifyLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var got []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("output line %q is no JSON object: %v", line, err)
		}
		got = append(got, v)
	}
	return got
}

func TestClassify(t *testing.T) {
	a := newApp(t)
	t.Run("TitlesFromStdin", func(t *testing.T) {
		out, _, err := a.run("Chief Digital Officer der Stadt Ulm\n\nDatenschutzbeauftragte (m/w/d)\r\n", "classify")
		if err != nil {
			t.Fatal(err)
		}
		got := classifyLines(t, out)
		if len(got) != 2 || got[0]["role"] != "cdo" || got[1]["role"] != "other" {
			t.Errorf("got %v, want cdo then other (blank line skipped)", got)
		}
		for _, key := range []string{"title", "role", "cdo_check", "archetype", "confidence", "reasons"} {
			if _, ok := got[0][key]; !ok {
				t.Errorf("output lacks %q: %v", key, got[0])
			}
		}
	})
	t.Run("JSONLBadLinesGoOn", func(t *testing.T) {
		in := `{"title":"Leiter Stabsstelle Digitalisierung","tasks":"Verantwortet die Digitalisierung der gesamten Stadtverwaltung und berät den Oberbürgermeister."}` + "\n" +
			"kein JSON\n" +
			`{"tasks":"ohne Titel"}` + "\n" +
			strings.Repeat("x", maxInputLine+10) + "\n" +
			`{"title":"Chief Information Officer"}`
		out, _, err := a.run(in, "classify", "--jsonl")
		if err == nil || !strings.Contains(err.Error(), "3 line(s)") {
			t.Errorf("error %v, want a count of 3 bad lines", err)
		}
		got := classifyLines(t, out)
		if len(got) != 5 {
			t.Fatalf("%d output lines, want 5:\n%s", len(got), out)
		}
		if got[0]["cdo_check"] != "yes" || got[4]["role"] != "cio" {
			t.Errorf("good lines: %v / %v", got[0], got[4])
		}
		for i, line := range []float64{2, 3, 4} {
			if got[i+1]["line"] != line || got[i+1]["error"] == "" {
				t.Errorf("bad line %v: got %v", line, got[i+1])
			}
		}
		// Each problem in English with its message key.
		if got[2]["error"] != "title is required" || got[2]["key"] != "file.title_required" ||
			got[3]["error"] != fmt.Sprintf("line longer than %d bytes", maxInputLine) || got[3]["key"] != "file.line_longer" {
			t.Errorf("bad lines 3 and 4: %v / %v", got[2], got[3])
		}
	})
}

// TestClassifyWithConfirmedTitles checks that `classify --db` recognises a
// title an editor confirmed in that database, and that without --db the
// rules alone decide.
func TestClassifyWithConfirmedTitles(t *testing.T) {
	a := newApp(t)
	if _, _, err := a.run("", "migrate"); err != nil {
		t.Fatal(err)
	}
	db, err := sqldb.Open(context.Background(), a.db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	org := &cdoatlas.Organization{Name: "Ulm", Kind: cdoatlas.KindMunicipality, Country: "DE"}
	post := &cdoatlas.Post{Title: "Gestalterin Digitale Kommune"}
	if err = db.CreateOrganization(ctx, org); err == nil {
		post.OrganizationID = org.ID
		err = db.CreatePost(ctx, post)
	}
	if err == nil {
		_, err = db.ReviewPost(ctx, post.ID, cdoatlas.PostReview{Role: cdoatlas.RoleSmartCity, CDOCheck: cdoatlas.CheckUnknown})
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := a.run("", "classify", "--db", a.db, "Gestalter:in digitale Kommune (m/w/d)")
	if err != nil {
		t.Fatal(err)
	}
	if got := classifyLines(t, out)[0]; got["role"] != "smart_city" || got["confidence"] != 1.0 {
		t.Errorf("with --db: %v, want the confirmed smart_city with confidence 1", got)
	}
	out, _, _ = a.run("", "classify", "Gestalter:in digitale Kommune (m/w/d)")
	if got := classifyLines(t, out)[0]; got["role"] == "smart_city" {
		t.Errorf("without --db: %v, want the rules' answer", got)
	}
}

// TestClassifyJSONLPassesFieldsThrough: fields classify does not read,
// such as an id, come back in the line's result; malformed lines are still
// refused with their line numbers.
func TestClassifyJSONLPassesFieldsThrough(t *testing.T) {
	a := newApp(t)
	in := `{"id":17,"title":"Chief Digital Officer","source":{"file":"a.csv","row":3},"role":"mine"}` + "\n" +
		`{"id":"x-2","Title":"Datenschutzbeauftragte","country":"DE"}` + "\n" +
		`{"id":3,"title":"CDO"` + "\n" +
		`{"id":4,"title":5}` + "\n" +
		`{"id":5,"title":"CIO"} {"id":6}` + "\n" +
		`["title"]` + "\n" +
		`{"id":7}` + "\n"
	out, _, err := a.run(in, "classify", "--jsonl")
	if err == nil || !strings.Contains(err.Error(), "5 line(s)") {
		t.Errorf("error %v, want a count of 5 bad lines", err)
	}
	got := classifyLines(t, out)
	if len(got) != 7 {
		t.Fatalf("%d output lines, want 7:\n%s", len(got), out)
	}
	if got[0]["id"] != 17.0 || got[0]["role"] != "cdo" || got[0]["title"] != "Chief Digital Officer" {
		t.Errorf("line 1: %v, want id 17 and the result's role", got[0])
	}
	if src, _ := got[0]["source"].(map[string]any); src["file"] != "a.csv" || src["row"] != 3.0 {
		t.Errorf("line 1: source %v, want it passed through", got[0]["source"])
	}
	if !strings.HasPrefix(out, `{"id":17,`) {
		t.Errorf("the id should lead the result: %s", out)
	}
	if got[1]["id"] != "x-2" || got[1]["role"] != "other" || got[1]["country"] != nil {
		t.Errorf("line 2: %v", got[1])
	}
	for i, line := range []float64{3, 4, 5, 6, 7} {
		if got[i+2]["line"] != line || got[i+2]["error"] == "" {
			t.Errorf("bad line %v: got %v", line, got[i+2])
		}
	}
}
