package cdoatlas

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

func TestLineErrorText(t *testing.T) {
	for _, tc := range []struct {
		name     string
		e        LineError
		de, en   string
		reasonEN bool // Reason is the English text
	}{
		{"Args", NewLineError(1, "organization", "file.column_missing", "organization", "Organisation, Organization"),
			"Pflichtspalte fehlt: organization (oder Organisation, Organization)",
			"required column missing: organization (or Organisation, Organization)", true},
		{"Words", NewLineError(3, "name", "file.differs", 2, "file.word.organization", `"Köln"`, "file.word.empty"),
			`Weicht von Zeile 2 zur selben Organisation ab: dort "Köln", hier leer`,
			`differs from line 2 about the same organization: "Köln" there, empty here`, true},
		{"Quoted", NewLineError(2, "kind", "file.kind_unknown", `Dorf "A"`),
			`Unbekannte Art „Dorf "A"“`, `unknown kind "Dorf \"A\""`, true},
		{"ValidationKey", NewLineError(2, "kind", "kind.invalid"), "Unbekannte Art.", "Unknown kind.", true},
		{"CountWithD", NewLineError(1, "", "check.percent", 42), "42\u00a0%", "42%", true},
		{"NoKey", LineError{Line: 1, Reason: "cannot open"}, "cannot open", "cannot open", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			de, en := tc.e.Text("de"), tc.e.Text("en")
			if len(de) < len(tc.de) || de[:len(tc.de)] != tc.de {
				t.Errorf("German %q, want it to start %q", de, tc.de)
			}
			if len(en) < len(tc.en) || en[:len(tc.en)] != tc.en {
				t.Errorf("English %q, want it to start %q", en, tc.en)
			}
			if tc.reasonEN && tc.e.Reason != en {
				t.Errorf("Reason %q, want the English text %q", tc.e.Reason, en)
			}
		})
	}
}

func TestFileErrorList(t *testing.T) {
	l := &FileErrorList{File: "f.csv"}
	l.AddKey(3, "id", "file.id_twice", "7", 1)
	l.AddKey(3, "id", "file.id_twice", "7", 1) // the same problem: once
	l.AddKey(3, "id", "file.id_twice", "8", 2) // other arguments: another problem
	l.AddKey(0, "", "file.no_header")          // line 0 counts as 1
	l.AddAll(FileErrors{NewLineError(2, "x", "file.id_required")})
	var fe FileErrors
	if !errors.As(l.Err(), &fe) {
		t.Fatalf("Err() = %v", l.Err())
	}
	var got []string
	for _, e := range fe {
		if e.File != "f.csv" {
			t.Errorf("%v: file %q", e, e.File)
		}
		got = append(got, e.String())
	}
	want := []string{
		"f.csv:1: the file holds no table: no header row found",
		"f.csv:2: column x: required: every row needs an id",
		`f.csv:3: column id: the id "7" is already on line 1`,
		`f.csv:3: column id: the id "8" is already on line 2`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n%q\nwant\n%q", got, want)
	}
	if fe[2].Text("de") != "Die ID „7“ steht schon in Zeile 1" {
		t.Errorf("German %q", fe[2].Text("de"))
	}

	// Key and arguments go into JSON (the census job keeps its warnings
	// so) and come back.
	b, err := json.Marshal(fe[2])
	if err != nil {
		t.Fatal(err)
	}
	var back LineError
	if err := json.Unmarshal(b, &back); err != nil || back.Text("de") != fe[2].Text("de") {
		t.Errorf("JSON %s read back as %+v (%v)", b, back, err)
	}
}

func TestFileErrorListFull(t *testing.T) {
	l := &FileErrorList{File: "f.csv"}
	for i := range MaxFileErrors + 5 {
		l.AddKey(MaxFileErrors+5-i, "", "file.id_required")
	}
	fe := l.Err().(FileErrors)
	last := fe[len(fe)-1]
	if len(fe) != MaxFileErrors+1 || last.Line != 1 || last.Reason != "5 further problems not listed" ||
		last.Text("de") != "5 weitere Probleme nicht aufgeführt" {
		t.Errorf("%d problems, last %+v (%q)", len(fe), last, last.Text("de"))
	}
}
