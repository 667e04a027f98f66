package censusio

import (
	"errors"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestReadCSVGermanHeaders(t *testing.T) {
	in := "\ufeffName;Funktion;Organisation;Land;AGS;Profil-URL;Geschlecht;Geburtsjahr;Aufgaben\n" +
		"Müller, Jörg;Chief Digital Officer;Landeshauptstadt München;Bayern;09162000;https://www.linkedin.com/in/jm;männlich;1975;\n" +
		"Eva Weber;Sachbearbeiterin;Kreis Wesel;NRW;;;w;;\n"
	obs, err := Read(strings.NewReader(in), "w.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(obs) != 2 {
		t.Fatalf("%d rows", len(obs))
	}
	o := obs[0]
	if o.PersonName != "Müller, Jörg" || o.Region != "DE-BY" || o.Gender != "m" || o.BirthYear == nil || *o.BirthYear != 1975 ||
		o.OfficialCode != "09162000" || o.Line != 2 || o.File != "w.csv" {
		t.Errorf("row 1: %+v", o)
	}
	if obs[1].Region != "DE-NW" || obs[1].Gender != "f" || obs[1].Line != 3 {
		t.Errorf("row 2: %+v", obs[1])
	}
}

func TestReadRefusesWithEveryProblem(t *testing.T) {
	in := "person_name,title,organization,country,gender,birth_year,profile_url\n" +
		"Anna,CDO,Ulm,DE,f,1980,https://x.example/a\n" +
		",CDO,Ulm,DE,f,1980,\n" +
		"Bert,,Ulm,XYZ,q,19x0,nourl\n"
	_, err := Read(strings.NewReader(in), "bad.csv")
	var fe cdoatlas.FileErrors
	if !errors.As(err, &fe) {
		t.Fatalf("error %v, want FileErrors", err)
	}
	want := []string{"bad.csv:3: column person_name", "bad.csv:4: column title", "bad.csv:4: column country", "bad.csv:4: column gender",
		"bad.csv:4: column birth_year", "bad.csv:4: column profile_url"}
	msg := err.Error()
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("errors lack %q:\n%s", w, msg)
		}
	}
}

func TestReadMissingColumns(t *testing.T) {
	_, err := Read(strings.NewReader("Name,Land\nA,DE\n"), "x.csv")
	if err == nil || !strings.Contains(err.Error(), "required column missing: title") || !strings.Contains(err.Error(), "required column missing: organization") {
		t.Errorf("error %v", err)
	}
}

func TestReadJSONL(t *testing.T) {
	in := `{"person_name":"Anna Beispiel","title":"CDO","organization":"Stadt Ulm","birth_year":1980,"extra":1}` + "\n\n" +
		`not json` + "\n" +
		`{"person_name":"B","title":"CDO","organization":"Ulm","birth_year":true}` + "\n"
	_, err := Read(strings.NewReader(in), "x.jsonl")
	if err == nil || !strings.Contains(err.Error(), "x.jsonl:3: not a JSON object") || !strings.Contains(err.Error(), "x.jsonl:4: column birth_year: must be a string") {
		t.Fatalf("error %v", err)
	}
	obs, err := Read(strings.NewReader(strings.SplitN(in, "\n", 2)[0]), "x.jsonl")
	if err != nil || len(obs) != 1 || *obs[0].BirthYear != 1980 || obs[0].Line != 1 {
		t.Fatalf("%+v, %v", obs, err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add("person_name,title,organization\nA,B,C\n", false)
	f.Add("Name;Funktion;Organisation;Land\nA;B;C;Bayern\n", false)
	f.Add(`{"person_name":"A","title":"B","organization":"C"}`+"\n", true)
	f.Fuzz(func(t *testing.T, in string, jsonl bool) {
		name := "f.csv"
		if jsonl {
			name = "f.jsonl"
		}
		obs, err := Read(strings.NewReader(in), name)
		if err != nil {
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) || len(fe) == 0 {
				t.Fatalf("error %v is not FileErrors", err)
			}
			return
		}
		for _, o := range obs {
			if o.PersonName == "" || o.Title == "" || o.Organization == "" || o.Gender == "" {
				t.Fatalf("accepted an incomplete row %+v", o)
			}
		}
	})
}
