package sqldb_test

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func obs(name, title, org, profile string) cdoatlas.Observation {
	o := cdoatlas.Observation{PersonName: name, Title: title, Organization: org, ProfileURL: profile}
	if err := o.Validate(); err != nil {
		panic(err)
	}
	return o
}

// TestImportObservations imports two waves from two sources and checks
// what the resolution made of them and the figures.
func TestImportObservations(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		mustCreateOrganization(t, db, munich())
		mustCreateOrganization(t, db, cologne())
		mustCreateOrganization(t, db, wesel())
		w22 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2022", Date: "2022-06-30"}, Rows: cdoatlas.WithSource("linkedin", []cdoatlas.Observation{
			obs("Dr. Jörg Müller", "Chief Digital Officer", "Landeshauptstadt München", "https://www.linkedin.com/in/jmueller"),
			obs("Anna Schmidt", "Digitalisierungsbeauftragte", "Stadt Köln", "https://www.linkedin.com/in/aschmidt"),
			obs("Karl Klein", "Sachbearbeiter Bauamt", "Stadt Köln", ""),
			obs("Eva Weber", "CIO", "Kreis Wesel", ""),
		})}
		sum, err := db.ImportObservations(ctx, w22)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rows != 4 || sum.Leadership != 3 || sum.PeopleCreated != 3 || sum.PostsCreated != 3 || sum.OrganizationsCreated != 0 {
			t.Errorf("first import: %+v", sum)
		}
		// Again: nothing changes.
		again, err := db.ImportObservations(ctx, w22)
		if err != nil || again.Unchanged != 4 || again.PeopleCreated != 0 {
			t.Errorf("second import: %+v, %v", again, err)
		}
		// Press in the same wave, without profiles, names written otherwise.
		press := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2022"}, Rows: cdoatlas.WithSource("press", []cdoatlas.Observation{
			obs("Mueller, Joerg", "CDO", "Stadt München", ""),
		})}
		if sum, err := db.ImportObservations(ctx, press); err != nil || sum.PeopleCreated != 0 {
			t.Errorf("press: %+v, %v", sum, err)
		}
		// 2023: Müller moved to Köln (same profile), Schmidt left, a
		// namesake of Müller with another profile in Wesel, a new person
		// at an organization the registry lacks.
		w23 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2023", Date: "2023-06-30"}, Rows: cdoatlas.WithSource("linkedin", []cdoatlas.Observation{
			obs("Jörg Müller", "Chief Digital Officer (CDO)", "Köln", "https://de.linkedin.com/in/jmueller/"),
			obs("Jörg Müller", "Chief Digital Officer", "Kreis Wesel", "https://www.linkedin.com/in/joerg-mueller-2"),
			obs("Anna Schmidt", "Referentin", "Stadt Köln", "https://www.linkedin.com/in/aschmidt"),
			obs("Lena Neu", "Chief Digital Officer", "Gemeinde Irgendwo", ""),
		})}
		sum, err = db.ImportObservations(ctx, w23)
		if err != nil {
			t.Fatal(err)
		}
		if sum.PeopleCreated != 2 || sum.OrganizationsCreated != 1 {
			t.Errorf("2023: %+v", sum)
		}
		if _, err := db.ImportObservations(ctx, cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2023", Date: "2024-01-01"}}); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
			t.Errorf("another date for a wave: %v", err)
		}

		waves, err := db.FindWaves(ctx)
		if err != nil || len(waves) != 2 {
			t.Fatalf("waves %v, %v", waves, err)
		}
		facts, err := db.CensusFacts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ws := make([]cdoatlas.Wave, len(waves))
		for i, w := range waves {
			ws[i] = *w
		}
		st := census.Figures(ws, facts)
		f22, f23 := st.Waves[0], st.Waves[1]
		if f22.CDOs != 2 || f22.ByRole["cio"] != 1 {
			t.Errorf("2022: %+v", f22)
		}
		// Müller stayed and moved; Schmidt left; the namesake and Neu entered.
		if f23.CDOs != 3 || f23.Stayed != 1 || f23.Moved != 1 || f23.Exits != 1 || f23.Entries != 2 || f23.ByKind["municipality"] != 2 || f23.BySizeClass["unknown"] != 1 {
			t.Errorf("2023: %+v", f23)
		}
	})
}

// TestMatchQuestions: the same name at another organization in a wave
// where the known person is seen at their own is asked about, once;
// "same" merges the two people, which the figures then count as one who
// stayed and moved (to a second organization).
func TestMatchQuestions(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		mustCreateOrganization(t, db, munich())
		mustCreateOrganization(t, db, cologne())
		w22 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2022", Date: "2022-06-30"}, Rows: cdoatlas.WithSource("press", []cdoatlas.Observation{obs("Petra Lang", "Chief Digital Officer", "München", "")})}
		w23 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2023", Date: "2023-06-30"}, Rows: cdoatlas.WithSource("press", []cdoatlas.Observation{obs("Petra Lang", "CDO", "Stadt München", ""), obs("Dr. Petra Lang", "CDO", "Stadt Köln", "")})}
		for _, imp := range []cdoatlas.ObservationImport{w22, w23} {
			if _, err := db.ImportObservations(ctx, imp); err != nil {
				t.Fatal(err)
			}
		}
		qs, n, err := db.FindMatchQuestions(ctx, false, 0, 10)
		if err != nil || n != 1 || len(qs) != 1 {
			t.Fatalf("questions: %v, %d, %v", qs, n, err)
		}
		q := qs[0]
		a, obsA, err := db.PersonObservations(ctx, q.PersonA)
		if err != nil || a.Name != "Petra Lang" || len(obsA) != 2 || obsA[0].Organization != "München" {
			t.Fatalf("evidence A: %+v %+v %v", a, obsA, err)
		}
		// A third source later does not ask again.
		w23b := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2023"}, Rows: cdoatlas.WithSource("web", []cdoatlas.Observation{obs("Petra Lang", "Chief Digital Officer", "Köln", "")})}
		if sum, err := db.ImportObservations(ctx, w23b); err != nil || sum.ReviewQuestions != 0 || sum.PeopleCreated != 0 {
			t.Errorf("third source: %+v, %v", sum, err)
		}
		wantCode(t, db.AnswerMatchQuestion(ctx, q.ID, "maybe", 0), cdoatlas.EINVALID)
		if err := db.AnswerMatchQuestion(ctx, q.ID, cdoatlas.MatchSame, 0); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.AnswerMatchQuestion(ctx, q.ID, cdoatlas.MatchDifferent, 0), cdoatlas.ECONFLICT)
		if _, _, err := db.PersonObservations(ctx, q.PersonB); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			t.Errorf("merged person still there: %v", err)
		}
		_, obsA, _ = db.PersonObservations(ctx, q.PersonA)
		if len(obsA) != 4 {
			t.Errorf("merged person has %d observations, want 4", len(obsA))
		}
		if _, open, _ := db.FindMatchQuestions(ctx, false, 0, 10); open != 0 {
			t.Errorf("%d open questions after the answer", open)
		}
		facts, _ := db.CensusFacts(ctx)
		waves, _ := db.FindWaves(ctx)
		st := census.Figures([]cdoatlas.Wave{*waves[0], *waves[1]}, facts)
		if w := st.Waves[1]; w.CDOs != 1 || w.Stayed != 1 || w.Moved != 1 || w.Entries != 0 {
			t.Errorf("2023 after the merge: %+v", w)
		}
	})
}

// TestLateEvidenceMerges: a person seen at two places in one wave, once
// with a XING and once with a LinkedIn profile, is two people until the
// LinkedIn profile shows at the first place: then the two are one, the
// older keeping its ID and both profiles, and the figures count one CDO
// who stayed, on both databases.
func TestLateEvidenceMerges(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		mustCreateOrganization(t, db, munich())
		mustCreateOrganization(t, db, cologne())
		w22 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2022", Date: "2022-06-30"}, Rows: cdoatlas.WithSource("export", []cdoatlas.Observation{
			obs("Thomas Busch", "Chief Digital Officer", "München", "https://www.xing.com/profile/Thomas_Busch71"),
			obs("Thomas Busch", "Chief Digital Officer", "Köln", "https://www.linkedin.com/in/thomas-busch-5104a2"),
		})}
		sum, err := db.ImportObservations(ctx, w22)
		if err != nil || sum.PeopleCreated != 2 {
			t.Fatalf("2022: %+v, %v", sum, err)
		}
		w23 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2023", Date: "2023-06-30"}, Rows: cdoatlas.WithSource("export", []cdoatlas.Observation{
			obs("Thomas Busch", "Chief Digital Officer", "Stadt München", "https://www.linkedin.com/in/thomas-busch-5104a2"),
		})}
		if _, err := db.ImportObservations(ctx, w23); err != nil {
			t.Fatal(err)
		}
		people := map[int64]int{}
		for _, wave := range []string{"2022", "2023"} {
			got, _, err := db.FindObservations(ctx, wave, true, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range got {
				people[o.PersonID]++
			}
		}
		if len(people) != 1 {
			t.Fatalf("rows of %d people, want 1: %v", len(people), people)
		}
		for id := range people {
			p, rows, err := db.PersonObservations(ctx, id)
			if err != nil || len(rows) != 3 || p.Name != "Thomas Busch" {
				t.Errorf("person %d: %+v, %d rows, %v", id, p, len(rows), err)
			}
		}
		facts, _ := db.CensusFacts(ctx)
		waves, _ := db.FindWaves(ctx)
		st := census.Figures([]cdoatlas.Wave{*waves[0], *waves[1]}, facts)
		if w := st.Waves[1]; w.CDOs != 1 || w.Stayed != 1 || w.Exits != 0 || w.Entries != 0 {
			t.Errorf("2023: %+v", w)
		}
		// Both profiles stay with the person: a later XING row joins them.
		w24 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2024", Date: "2024-06-30"}, Rows: cdoatlas.WithSource("export", []cdoatlas.Observation{
			obs("Thomas Busch", "Chief Digital Officer", "Köln", "https://www.xing.com/profile/Thomas_Busch71"),
		})}
		if sum, err := db.ImportObservations(ctx, w24); err != nil || sum.PeopleCreated != 0 {
			t.Errorf("2024: %+v, %v", sum, err)
		}
	})
}

// TestObservationsStored: every field of a row comes back as it was
// imported, on both databases (PostgreSQL writes the rows as column
// arrays, SQLite as rows of values): a flagged cell, a birth year and
// none, tasks, source, date, file and line, the classification and the
// links of a resolved row.
func TestObservationsStored(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		mustCreateOrganization(t, db, munich())
		year := 1971
		lead := obs("Jörg Müller", "Chief Digital Officer", "Landeshauptstadt München", "https://www.linkedin.com/in/jmueller")
		lead.File, lead.Line, lead.BirthYear, lead.Gender = "export.csv", 7, &year, "m"
		lead.Tasks = "Verantwortet die Digitalstrategie der Stadtverwaltung."
		lead.SourceURL, lead.ObservedOn = "https://example.org/artikel", "2022-05-01"
		plain := obs("Karl Klein", "Sachbearbeiter Bauamt", "Stadt Köln", "")
		plain.File, plain.Line = "export.csv", 8
		plain.Flags = []cdoatlas.CellFlag{{Field: "region", Raw: "Nordrhein-Westfalen?", Reason: "region.invalid"}}
		imp := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2022", Date: "2022-06-30"},
			Rows: cdoatlas.WithSource("linkedin", []cdoatlas.Observation{lead, plain})}
		if _, err := db.ImportObservations(ctx, imp); err != nil {
			t.Fatal(err)
		}
		got, n, err := db.FindObservations(ctx, "2022", false, 0, 10)
		if err != nil || n != 2 || len(got) != 2 {
			t.Fatalf("%d observations (%d), %v", len(got), n, err)
		}
		byLine := map[int]*cdoatlas.Observation{}
		for _, o := range got {
			byLine[o.Line] = o
		}
		l, p := byLine[7], byLine[8]
		if l == nil || p == nil {
			t.Fatalf("lines %v", byLine)
		}
		if l.Wave != "2022" || l.Source != "linkedin" || l.File != "export.csv" || l.PersonName != lead.PersonName ||
			l.Title != lead.Title || l.Organization != lead.Organization || l.ProfileURL != lead.ProfileURL ||
			l.Gender != "m" || l.BirthYear == nil || *l.BirthYear != 1971 || l.Tasks != lead.Tasks ||
			l.SourceURL != lead.SourceURL || l.ObservedOn != "2022-05-01" || l.Role != cdoatlas.RoleCDO || l.Confidence <= 0 ||
			l.CDOCheck == "" || l.OrganizationID == 0 || l.PostID == 0 || l.PersonID == 0 || l.Match <= 0 || len(l.Flags) != 0 {
			t.Errorf("resolved row stored as %+v", l)
		}
		if p.BirthYear != nil || p.PersonID != 0 || p.OrganizationID != 0 || p.PostID != 0 || p.Role != cdoatlas.RoleOther ||
			len(p.Flags) != 1 || p.Flags[0] != plain.Flags[0] {
			t.Errorf("plain row stored as %+v", p)
		}
	})
}
