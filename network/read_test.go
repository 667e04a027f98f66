package network

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

func TestReadCandidatesGermanHeaders(t *testing.T) {
	in := "\ufeffNr;Name;Organisation;Art;Land;Bundesland;Einwohner;Funktion;Aufgaben;Verortung;Geschlecht;Beworben am\r\n" +
		"B-1;Erika  Beispiel;Stadt Köthen (Anhalt);Stadt;Deutschland;Sachsen-Anhalt;25.241;Digitalisierungsbeauftragte;Ämterübergreifende Steuerung der Digitalisierung;Stabsstelle;weiblich;01.03.2025\r\n" +
		"B-2;Max Muster;Wien;Stadtstaat;Österreich;Wien;1 931 593;CDO;;Amt;;2025-02\r\n"
	cs, err := ReadCandidates(strings.NewReader(in), "bewerbungen.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("%d candidates, want 2", len(cs))
	}
	c := cs[0]
	if c.ID != "B-1" || c.PersonName != "Erika Beispiel" || c.Kind != "municipality" || c.Country != "DE" || c.Region != "DE-ST" ||
		c.Population == nil || *c.Population != 25241 || c.Placement != "staff_unit_head" || c.Gender != "f" || c.AppliedOn != "2025-03-01" {
		t.Errorf("row 1: %+v", c)
	}
	if c.SizeClass() != "GK5" {
		t.Errorf("size class %q, want GK5", c.SizeClass())
	}
	c = cs[1]
	if c.Kind != "city_state" || c.Country != "AT" || c.Region != "AT-9" || *c.Population != 1931593 || c.Gender != "unknown" ||
		c.AppliedOn != "2025-02" || c.Placement != "office" {
		t.Errorf("row 2: %+v", c)
	}
}

func TestReadCandidatesXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := tabular.WriteXLSX(&buf, "Bewerbungen", []string{"id", "organization", "kind", "region", "population", "tasks", "gender", "applied_on"},
		[][]string{{"7", "Ulm", "municipality", "BW", "126329", yesTasks[0], "m", "2025-04-30"}}); err != nil {
		t.Fatal(err)
	}
	cs, err := ReadCandidates(&buf, "b.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Region != "DE-BW" || cs[0].Country != "DE" || cs[0].SizeClass() != "GK3" {
		t.Errorf("got %+v", cs)
	}
}

func TestReadCandidatesRefusesWithEveryProblem(t *testing.T) {
	in := "id,kind,country,region,population,tasks,placement,gender,applied_on\n" +
		"1,municipality,DE,NRW,1000,x,,f,2025-01-01\n" +
		",Burg,Mond,Mars,viele,x,Keller,q,31.02.2025\n" +
		"1,county,AT,Bayern,-5,x,,m,\n"
	_, err := ReadCandidates(strings.NewReader(in), "bad.csv")
	var fe cdoatlas.FileErrors
	if !errors.As(err, &fe) {
		t.Fatalf("error %v, want FileErrors", err)
	}
	msg := err.Error()
	for _, w := range []string{
		"bad.csv:3: column id: required", "bad.csv:3: column kind: unknown kind", "bad.csv:3: column country: unknown country",
		"bad.csv:3: column region", "bad.csv:3: column population", "bad.csv:3: column placement", "bad.csv:3: column gender",
		"bad.csv:3: column applied_on", `bad.csv:4: column id: the id "1" is already on line 2`, "bad.csv:4: column region: unknown region",
		"bad.csv:4: column population",
	} {
		if !strings.Contains(msg, w) {
			t.Errorf("errors lack %q:\n%s", w, msg)
		}
	}
}

func TestReadCandidatesHeader(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"MissingRequired", "Name,Land\nA,DE\n", "required column missing: id"},
		{"MissingTasks", "id,Name\n1,A\n", "required column missing: tasks"},
		{"Twice", "id,Nr,tasks\n1,2,x\n", `the column "id" already gives id`},
		{"AmbiguousLand", "id,tasks,Land\n1,x,DE\n2,x,Bayern\n", `"Land" can mean the country or the state`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCandidates(strings.NewReader(tc.in), "h.csv")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "h.csv:1") {
				t.Errorf("error %v, want %q on line 1", err, tc.want)
			}
		})
	}
	t.Run("LandAsState", func(t *testing.T) {
		cs, err := ReadCandidates(strings.NewReader("id,tasks,Land\n1,x,Bayern\n2,x,Tirol\n"), "l.csv")
		if err != nil || len(cs) != 2 || cs[0].Region != "DE-BY" || cs[0].Country != "DE" || cs[1].Region != "AT-7" {
			t.Errorf("got %+v, %v", cs, err)
		}
	})
}
