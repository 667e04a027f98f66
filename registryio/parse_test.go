package registryio

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// parse reads in as a file and parses it as a registry.
func parse(t *testing.T, in string) ([]cdoatlas.RegistryRecord, error) {
	t.Helper()
	table, err := tabular.Read(strings.NewReader(in), "reg.csv")
	if err != nil {
		t.Fatalf("tabular.Read: %v", err)
	}
	return ParseRegistry(table, "reg.csv")
}

func ptr[T any](v T) *T { return &v }

func TestParseRegistryGermanWindows1252(t *testing.T) {
	// Excel on German Windows: semicolons, Windows-1252 (ü = FC, ö = F6,
	// ä = E4), codes that lost their leading zero, German numbers and dates.
	in := "Körperschaft;Art;Staat;Bundesland;AGS;Einwohner;Stichtag;Andere Namen;Stellenbezeichnung;Rolle;Verortung;Querschnitt;Eigenes Budget;Vorstandszugang;Name der Person;Geschlecht;Geburtsjahr;Seit;Bis;Status;Herkunft;Quelle\r\n" +
		"Landeshauptstadt Düsseldorf;Stadt;Deutschland;NRW;5111000;629.047;31.12.2023;Düsseldorf;Chief Digital Officer;CDO;Stabsstelle;ja;nein;x;Erika Mustermann;w;1975;01.04.2019;;aktuell;extern;https://www.duesseldorf.de/\r\n" +
		"Stadt Köln;Gemeinde;Deutschland;Nordrhein-Westfalen;05315000;1 084 831;2023-12-31;;Leiterin Digitalisierung;Sonstige;Amt;;;;;;;;;;;\r\n" +
		"Kreis Wesel;Landkreis;Deutschland;DE-NW;5170;;;;;;;;;;;;;;;;;\r\n" +
		"Wien;Stadt;Österreich;Wien;90001;;;;;;;;;;;;;;;;;\r\n" +
		"St. Gallen;Gemeinde;Schweiz;SG;3203;;;;;;;;;;;;;;;;;\r\n"
	in = strings.NewReplacer("ü", "\xfc", "ö", "\xf6", "Ö", "\xd6", "ä", "\xe4").Replace(in)
	got, err := parse(t, in)
	if err != nil {
		t.Fatal(err)
	}
	want := []cdoatlas.RegistryRecord{
		{
			Line: 2,
			Organization: cdoatlas.Organization{Name: "Landeshauptstadt Düsseldorf", OtherNames: []string{"Düsseldorf"},
				Kind: "municipality", Country: "DE", Region: "DE-NW", OfficialCode: "05111000",
				Population: ptr(int64(629047)), PopulationDate: "2023-12-31", SizeClass: "GK1"},
			Post: &cdoatlas.Post{Title: "Chief Digital Officer", Role: "cdo", CDOCheck: "unknown", Placement: "staff_unit_head",
				CrossDepartmental: true, BoardAccess: true, SourceURL: "https://www.duesseldorf.de/"},
			Person: &cdoatlas.Person{Name: "Erika Mustermann", Gender: "f", BirthYear: ptr(1975)},
			Tenure: &cdoatlas.Tenure{Start: "2019-04-01", Status: "current", Hire: "external", SourceURL: "https://www.duesseldorf.de/"},
		},
		{
			Line: 3,
			Organization: cdoatlas.Organization{Name: "Stadt Köln", Kind: "municipality", Country: "DE",
				Region: "DE-NW", OfficialCode: "05315000", Population: ptr(int64(1084831)), PopulationDate: "2023-12-31", SizeClass: "GK1"},
			Post: &cdoatlas.Post{Title: "Leiterin Digitalisierung", Role: "other", CDOCheck: "unknown", Placement: "office"},
		},
		{
			Line:         4,
			Organization: cdoatlas.Organization{Name: "Kreis Wesel", Kind: "county", Country: "DE", Region: "DE-NW", OfficialCode: "05170"},
		},
		{
			Line:         5,
			Organization: cdoatlas.Organization{Name: "Wien", Kind: "municipality", Country: "AT", Region: "AT-9", OfficialCode: "90001"},
		},
		{
			Line:         6,
			Organization: cdoatlas.Organization{Name: "St. Gallen", Kind: "municipality", Country: "CH", Region: "CH-SG", OfficialCode: "3203"},
		},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("record %d:\n got %s\nwant %s", i, dump(got[i]), dump(want[i]))
		}
	}
}

func TestParseRegistryErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []cdoatlas.LineError
	}{
		{
			name: "EveryRowProblemWithLineAndColumn",
			in: "Name,Art,Staat,Bundesland,AGS,Einwohner,Stichtag,Titel,Rolle,Budget,Person,Geschlecht,Beginn,Ende,Status,Quelle\n" +
				"Köln,Stadt,DE,NRW,05315000,1084831,2023-12-31,CDO,cdo,ja,,,,,,\n" + // fine
				",Stadt,DE,NRW,05111000,,,,,,,,,,,\n" + // no name
				"Bonn,Dorf,DE,NRW,05314000,viele,2023-12-31,,,,,,,,,\n" + // kind, population
				"Essen,Stadt,DE,Bayern,05113000,,2023-12-31,CDO,Chef,vielleicht,,,,,,\n" + // region/code, date without population, role, budget
				"Ulm,Stadt,Deutschland,BW,08421000,,,,,,Max Muster,q,2030,2019,current,ftp://x\n" + // gender, start future, end before start, status current with end, url
				"Neuss,Stadt,Germania,NRW,05162024,,,,,,,,,,,\n" + // country (region not judged)
				"Münster,Stadt,DE,NRW,05515000,,,,,,Anna Beispiel,,,,,\n" + // person without title
				"Bochum,Stadt,DE,NRW,05911000,364454,2099-12-31,,,,,,,,,\n", // population date in the future
			want: []cdoatlas.LineError{
				{Line: 3, Column: "Name", Reason: "Please fill in."},
				{Line: 4, Column: "Art", Reason: "Unknown kind."},
				{Line: 4, Column: "Einwohner", Reason: "Population must be a whole number from 0."},
				{Line: 5, Column: "AGS", Reason: "The key belongs to another Land than the region."},
				{Line: 5, Column: "Stichtag", Reason: "Reference date only together with a population."},
				{Line: 5, Column: "Rolle", Reason: "Unknown role."},
				{Line: 5, Column: "Budget", Reason: "Give yes or no."},
				{Line: 6, Column: "Titel", Reason: "Please fill in."},
				{Line: 6, Column: "Geschlecht", Reason: "Gender: f, m, d or unknown."},
				{Line: 6, Column: "Beginn", Reason: "Date lies in the future."},
				{Line: 6, Column: "Ende", Reason: "A current tenure has no end."},
				{Line: 6, Column: "Quelle", Reason: "Give a full address (https://…)."},
				{Line: 7, Column: "Staat", Reason: "Give a country as ISO code (DE, AT, CH …)."},
				{Line: 8, Column: "Titel", Reason: "Please fill in."},
				{Line: 9, Column: "Stichtag", Reason: "Date lies in the future."},
			},
		},
		{
			name: "MissingRequiredColumns",
			in:   "Organisation;Einwohner\nKöln;1000\n;x\n",
			want: []cdoatlas.LineError{
				{Line: 1, Column: "kind", Reason: "required column missing"},
				{Line: 1, Column: "country", Reason: "required column missing"},
			},
		},
		{
			name: "ColumnTwice",
			in:   "Name,Organisation,kind,country\nKöln,Köln,municipality,DE\n",
			want: []cdoatlas.LineError{{Line: 1, Column: "Organisation", Reason: `"Name" already gives name`}},
		},
		{
			name: "AmbiguousLand",
			in:   "Name;Art;Staat;Land\nKöln;Stadt;DE;Rheinland\n",
			want: []cdoatlas.LineError{{Line: 1, Column: "Land", Reason: `"Land" can mean`}},
		},
		{
			name: "ContradictingDuplicates",
			in: "name;kind;country;official_code;population;population_date;title;role;person_name;gender;start\n" +
				"Köln;municipality;DE;05315000;1084831;2023-12-31;CDO;cdo;Erika Muster;f;2019\n" +
				"Stadt Köln;municipality;DE;5315000;1084000;2023-12-31;;;;;\n" + // same code: name and population differ
				"Köln;municipality;DE;05315000;;;CDO;cio;;;\n" + // same post, other role
				"Köln;municipality;DE;05315000;;;CDO;;Erika Muster;m;2019\n" + // same person, other gender
				"Köln;municipality;DE;05315000;;;CDO;;Max Muster;;2019-06\n", // overlaps Erika's tenure? unknown status: no
			want: []cdoatlas.LineError{
				{Line: 3, Column: "name", Reason: `differs from line 2 about the same organization: "Köln" there, "Stadt Köln" here`},
				{Line: 3, Column: "population", Reason: `differs from line 2 about the same organization: "1084831" there, "1084000" here`},
				{Line: 4, Column: "role", Reason: `differs from line 2 about the same post: "cdo" there, "cio" here`},
				{Line: 5, Column: "gender", Reason: `differs from line 2 about the same person: "f" there, "m" here`},
			},
		},
		{
			name: "OverlappingTenures",
			in: "name;kind;country;title;person_name;start;end;status\n" +
				"Ulm;Stadt;DE;CDO;A;2018-01-01;2020-12-31;ended\n" +
				"Ulm;Stadt;DE;CDO;B;2020-06-01;;current\n" +
				"Ulm;Stadt;DE;CDO;C;2021-01-01;2021-06-30;\n",
			want: []cdoatlas.LineError{
				{Line: 3, Column: "start", Reason: "Overlaps another tenure of this post. (line 2)"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parse(t, tt.in)
			if err == nil {
				t.Fatalf("ParseRegistry = %d records, want errors", len(got))
			}
			if got != nil {
				t.Errorf("ParseRegistry returned %d records with the error, want nil", len(got))
			}
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v, want FileErrors", err, err)
			}
			for i := 0; i < max(len(fe), len(tt.want)); i++ {
				switch {
				case i >= len(fe):
					t.Errorf("missing error %d: want %s", i, tt.want[i])
				case i >= len(tt.want):
					t.Errorf("extra error %d: %s", i, fe[i])
				default:
					g, w := fe[i], tt.want[i]
					if g.File != "reg.csv" || g.Line != w.Line || g.Column != w.Column || !strings.Contains(g.Reason, w.Reason) {
						t.Errorf("error %d:\n got %s\nwant %s", i, g, w)
					}
				}
			}
		})
	}
}

// dump shows a record with its pointers followed.
func dump(r cdoatlas.RegistryRecord) string {
	b, _ := json.Marshal(r)
	return string(b)
}

func TestParseRegistryLaterRowsInherit(t *testing.T) {
	in := "Name;Art;Staat;AGS;Einwohner;Stichtag;Titel;Rolle;Verortung;Person;Beginn;Ende\n" +
		"Köln;Stadt;DE;05315000;1084831;2023-12-31;CDO;cdo;Stabsstelle;Anna;2017;2020\n" +
		";Stadt;DE;5315000;;;CDO;;;Bernd;2021;\n" + // the code says which organization
		"Köln;Stadt;DE;;;;Smart City;smart_city;;;;\n" // the name says it
	got, err := parse(t, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d records, want 3", len(got))
	}
	for i, r := range got {
		o := r.Organization
		if o.Name != "Köln" || o.OfficialCode != "05315000" || o.Population == nil || *o.Population != 1084831 || o.PopulationDate != "2023-12-31" {
			t.Errorf("record %d organization = %s, want Köln 05315000 with 1084831 on 2023-12-31", i, dump(r))
		}
	}
	if p := got[1].Post; p.Role != "cdo" || p.Placement != "staff_unit_head" {
		t.Errorf("record 1 post = %+v, want role cdo and placement staff_unit_head from line 2", p)
	}
	if tn := got[1].Tenure; tn.Start != "2021" || tn.End != "" {
		t.Errorf("record 1 tenure = %+v, want its own start 2021 and no end", tn)
	}
}

func TestParseRegistryXLSXNumbersAndDates(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	f.SetSheetRow(s, "A1", &[]any{"Gemeindeschlüssel", "Körperschaft", "Typ", "Staat", "Einwohnerzahl", "Stichtag", "Seit", "Person", "Stellenbezeichnung"})
	f.SetSheetRow(s, "A2", &[]any{5315000, "Köln", "Gemeinde", "Deutschland", 1084831, time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC), "Erika Mustermann", "CDO"})
	f.SetSheetRow(s, "A3", &[]any{5170, "Kreis Wesel", "Kreis", "Deutschland"})
	thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle(s, "E2", "E2", thousands)
	f.SetCellStyle(s, "F2", "G2", date)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	table, err := tabular.Read(&buf, "reg.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseRegistry(table, "reg.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d records, want 2", len(got))
	}
	o := got[0].Organization
	if o.OfficialCode != "05315000" || o.Population == nil || *o.Population != 1084831 || o.PopulationDate != "2023-12-31" || got[0].Tenure.Start != "2019-04-01" {
		t.Errorf("Köln = %s, want code 05315000, population 1084831 on 2023-12-31, start 2019-04-01", dump(got[0]))
	}
	if code := got[1].Organization.OfficialCode; code != "05170" {
		t.Errorf("Kreis Wesel code = %q, want 05170", code)
	}
}

func TestParseRegistryManyErrorsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("name,kind,country\n")
	for range tabular.MaxErrors + 3 {
		b.WriteString("Ort,Dorf,DE\n")
	}
	_, err := parse(t, b.String())
	var fe cdoatlas.FileErrors
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want FileErrors", err)
	}
	if len(fe) != tabular.MaxErrors+1 {
		t.Fatalf("got %d errors, want %d", len(fe), tabular.MaxErrors+1)
	}
	if last := fe[len(fe)-1]; last.Line != tabular.MaxErrors+2 || last.Reason != "3 further problems not listed" {
		t.Errorf("last error = %s, want line %d: 3 further problems not listed", last, tabular.MaxErrors+2)
	}
}
