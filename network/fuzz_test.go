package network

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// FuzzReadApplications reads arbitrary bytes as an applications file. It
// must not panic; what it accepts must be usable by Propose (ids present
// and unique, known kinds, placements and genders, valid dates and
// populations), and what it refuses must come with line-numbered problems.
// Interesting inputs are kept in testdata/fuzz/FuzzReadApplications.
func FuzzReadApplications(f *testing.F) {
	for _, s := range []string{
		"id,person_name,organization,kind,country,region,population,title,tasks,placement,gender,applied_on\n" +
			"1,Anna Beispiel,Stadt Ulm,municipality,DE,DE-BW,126329,CDO,Ämterübergreifende Digitalstrategie,staff_unit_head,f,2025-03-01\n",
		"\ufeffNr;Name;Organisation;Art;Staat;Bundesland;Einwohner;Titel;Aufgaben;Verortung;Geschlecht;Beworben am\r\n" +
			"A;Jörg;Kreis Wesel;Landkreis;Deutschland;NRW;459.809;Leiter Digitalisierung;;Dezernat;m;01.02.2025\r\n",
		"id,tasks,Land\n1,x,Bayern\n2,x,DE\n",
		"id,tasks\n1,x\n1,y\n",
		"id,tasks,population,applied_on\n1,x,1.2.3,2025-13-01\n",
		"id,tasks\n\"1\n2\",x\n",
		"id;tasks\r\nK\xf6ln;x\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ReadCandidates(bytes.NewReader(data), "fuzz.csv")
		if err != nil {
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) || len(fe) == 0 {
				t.Fatalf("error %v is not a list of file problems", err)
			}
			for _, e := range fe {
				if e.Line < 1 || e.Reason == "" || e.Key == "" || e.Text("en") != e.Reason {
					t.Fatalf("problem without line, reason or message key: %+v", e)
				}
			}
			if cs != nil {
				t.Fatalf("refused file gave %d candidates", len(cs))
			}
			return
		}
		seen := map[string]bool{}
		for _, c := range cs {
			if c.ID == "" || seen[c.ID] {
				t.Fatalf("empty or repeated id %q", c.ID)
			}
			seen[c.ID] = true
			if c.Kind != "" && !slices.Contains(cdoatlas.Kinds, c.Kind) ||
				c.Placement != "" && !slices.Contains(cdoatlas.Placements, c.Placement) ||
				!slices.Contains(cdoatlas.Genders, c.Gender) || !c.AppliedOn.Valid() ||
				c.Population != nil && *c.Population < 0 {
				t.Fatalf("accepted an invalid candidate: %+v", c)
			}
		}
		if len(cs) <= 8 {
			if _, err := Propose(len(cs), nil, cs, DefaultGoals()); err != nil {
				t.Fatalf("Propose refuses what ReadCandidates accepted: %v", err)
			}
		}
	})
}
