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
		w22 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2022", Date: "2022-06-30"}, Source: "linkedin", Rows: []cdoatlas.Observation{
			obs("Dr. Jörg Müller", "Chief Digital Officer", "Landeshauptstadt München", "https://www.linkedin.com/in/jmueller"),
			obs("Anna Schmidt", "Digitalisierungsbeauftragte", "Stadt Köln", "https://www.linkedin.com/in/aschmidt"),
			obs("Karl Klein", "Sachbearbeiter Bauamt", "Stadt Köln", ""),
			obs("Eva Weber", "CIO", "Kreis Wesel", ""),
		}}
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
		press := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2022"}, Source: "press", Rows: []cdoatlas.Observation{
			obs("Mueller, Joerg", "CDO", "Stadt München", ""),
		}}
		if sum, err := db.ImportObservations(ctx, press); err != nil || sum.PeopleCreated != 0 {
			t.Errorf("press: %+v, %v", sum, err)
		}
		// 2023: Müller moved to Köln (same profile), Schmidt left, a
		// namesake of Müller with another profile in Wesel, a new person
		// at an organization the registry lacks.
		w23 := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2023", Date: "2023-06-30"}, Source: "linkedin", Rows: []cdoatlas.Observation{
			obs("Jörg Müller", "Chief Digital Officer (CDO)", "Köln", "https://de.linkedin.com/in/jmueller/"),
			obs("Jörg Müller", "Chief Digital Officer", "Kreis Wesel", "https://www.linkedin.com/in/joerg-mueller-2"),
			obs("Anna Schmidt", "Referentin", "Stadt Köln", "https://www.linkedin.com/in/aschmidt"),
			obs("Lena Neu", "Chief Digital Officer", "Gemeinde Irgendwo", ""),
		}}
		sum, err = db.ImportObservations(ctx, w23)
		if err != nil {
			t.Fatal(err)
		}
		if sum.PeopleCreated != 2 || sum.OrganizationsCreated != 1 {
			t.Errorf("2023: %+v", sum)
		}
		if _, err := db.ImportObservations(ctx, cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: "2023", Date: "2024-01-01"}, Source: "web"}); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
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
