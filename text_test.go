package cdoatlas

import (
	"errors"
	"testing"
)

func TestTextProblem(t *testing.T) {
	for _, tc := range []struct {
		name      string
		in        string
		multiline bool
		want      string
	}{
		{"Plain", "Köln – Stadt am Rhein", false, ""},
		{"Hebrew", "תל אביב", false, ""},
		{"ImplicitMarks", "Stadt\u200F\u200E\u061C", false, ""},
		{"Joiners", "Mehr\u200Dwert\u200C und Sil\u00ADbe", false, ""},
		{"NUL", "Köln\x00", false, "text.control"},
		{"NULMultiline", "Aufgaben\x00", true, "text.control"},
		{"Escape", "a\x1b[31mb", true, "text.control"},
		{"DEL", "a\x7fb", false, "text.control"},
		{"C1", "a\u0085b", true, "text.control"},
		{"TabInLine", "a\tb", false, "text.control"},
		{"NewlineInLine", "a\nb", false, "text.control"},
		{"NewlineInText", "a\r\nb\tc", true, ""},
		{"RLO", "Stadt \u202Egnirol", false, "text.control"},
		{"RLOMultiline", "Stadt \u202Egnirol", true, "text.control"},
		{"LRE", "\u202Ax", false, "text.control"},
		{"PDF", "x\u202C", false, "text.control"},
		{"FSI", "\u2068x\u2069", false, "text.control"},
		{"RLI", "\u2067x", true, "text.control"},
		{"BOM", "\uFEFFKöln", false, "text.control"},
		{"NonCharacter", "a\uFFFF", false, "text.control"},
		{"LineSeparatorInLine", "a\u2028b", false, "text.control"},
		{"LineSeparatorInText", "a\u2028b", true, ""},
		{"InvalidUTF8", "K\xf6ln", false, "text.encoding"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TextProblem(tc.in, tc.multiline); got != tc.want {
				t.Errorf("TextProblem(%q, %v) = %q, want %q", tc.in, tc.multiline, got, tc.want)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	for _, tc := range []struct {
		in, want  string
		multiline bool
		removed   bool
	}{
		{"Köln", "Köln", false, false},
		{"Kö\x00ln", "Köln", false, true},
		{"Max\nMuster", "Max Muster", false, false},
		{"Zeile 1\nZeile 2\x00", "Zeile 1\nZeile 2", true, true},
		{"\u202EStadt", "Stadt", false, true},
		{"K\xf6ln", "K\uFFFDln", false, true},
	} {
		got, removed := CleanText(tc.in, tc.multiline)
		if got != tc.want || removed != tc.removed {
			t.Errorf("CleanText(%q, %v) = %q, %v; want %q, %v", tc.in, tc.multiline, got, removed, tc.want, tc.removed)
		}
		if TextProblem(got, tc.multiline) != "" {
			t.Errorf("CleanText(%q) = %q still has a problem", tc.in, got)
		}
	}
}

// TestValidateRefusesControls checks every Validate that takes user text:
// a NUL or a bidi override gives a field error naming the field.
func TestValidateRefusesControls(t *testing.T) {
	for _, bad := range []string{"\x00", "\u202E", "\u2066"} {
		for _, tc := range []struct {
			name  string
			v     interface{ Validate() error }
			field string
		}{
			{"OrganizationName", &Organization{Name: "Köln" + bad, Kind: KindMunicipality, Country: "DE"}, "name"},
			{"OrganizationOtherName", &Organization{Name: "Köln", OtherNames: []string{"Cologne" + bad}, Kind: KindCompany, Country: "DE"}, "other_names"},
			{"OrganizationSector", &Organization{Name: "Köln", Kind: KindCompany, Country: "DE", Sector: "IT" + bad}, "sector"},
			{"OrganizationRegion", &Organization{Name: "Paris", Kind: KindCompany, Country: "FR", Region: "FR-" + bad}, "region"},
			{"PersonName", &Person{Name: "Anna" + bad + " Beispiel"}, "name"},
			{"PostTitle", &Post{OrganizationID: 1, Title: "CDO" + bad}, "title"},
			{"PostTasks", &Post{OrganizationID: 1, Title: "CDO", Tasks: "Strategie\n" + bad}, "tasks"},
			{"TenureSource", &Tenure{PersonID: 1, PostID: 1, SourceURL: "https://example.org/" + bad}, "source_url"},
			{"NetworkName", &Network{Name: "Netz" + bad}, "name"},
			{"NetworkDescription", &Network{Name: "Netz", Description: "Text" + bad}, "description"},
			{"CircleName", &Circle{NetworkID: 1, Name: "Kreis" + bad}, "name"},
			{"CallTitle", &Call{CircleID: 1, Title: "Aufruf" + bad, Deadline: "2030-01-01"}, "title"},
			{"CallText", &Call{CircleID: 1, Title: "Aufruf", Text: "Text" + bad, Deadline: "2030-01-01"}, "text"},
			{"CallCriteria", &Call{CircleID: 1, Title: "Aufruf", Criteria: bad, Deadline: "2030-01-01"}, "criteria"},
			{"ApplicationTasks", &Application{PersonName: "Anna", Email: "a@example.org", OrganizationName: "Köln", Kind: KindMunicipality,
				Country: "DE", Title: "CDO", Tasks: "Digitalisierung " + bad, Consent: true}, "tasks"},
			{"ApplicationPersonName", &Application{PersonName: "Anna" + bad, Email: "a@example.org", OrganizationName: "Köln", Kind: KindMunicipality,
				Country: "DE", Title: "CDO", Tasks: "Digitalisierung", Consent: true}, "person_name"},
			{"ApplicationOrganizationName", &Application{PersonName: "Anna", Email: "a@example.org", OrganizationName: "Köln" + bad, Kind: KindMunicipality,
				Country: "DE", Title: "CDO", Tasks: "Digitalisierung", Consent: true}, "organization_name"},
			{"ApplicationMandate", &Application{PersonName: "Anna", Email: "a@example.org", OrganizationName: "Köln", Kind: KindMunicipality,
				Country: "DE", Title: "CDO", Tasks: "Digitalisierung", Mandate: bad, Consent: true}, "mandate"},
			{"MembershipTitle", &Membership{CircleID: 1, PersonName: "Anna", OrganizationName: "Köln", Kind: KindMunicipality,
				Country: "DE", Title: "CDO" + bad}, "title"},
			{"WaveNotes", &Wave{ID: "2024", Date: "2024", Notes: "Notiz" + bad}, "notes"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.v.Validate()
				var e *Error
				if !errors.As(err, &e) || e.Fields[tc.field] != "text.control" {
					t.Errorf("Validate() = %v, want text.control on %s", err, tc.field)
				}
			})
		}
	}
}

// TestObservationNormalizeCleansControls checks that a raw census row
// keeps its cells: control characters go, the cell is flagged with its raw
// value.
func TestObservationNormalizeCleansControls(t *testing.T) {
	o := Observation{PersonName: "Anna\x00 Beispiel", Title: "CDO\nStadt", Organization: "Stadt \u202EKöln",
		Tasks: "Zeile 1\nZeile 2\x00", ObservedOn: "2024"}
	flags := o.Normalize("")
	if o.PersonName != "Anna Beispiel" || o.Title != "CDO Stadt" || o.Organization != "Stadt Köln" || o.Tasks != "Zeile 1\nZeile 2" {
		t.Errorf("normalised to %q, %q, %q, %q", o.PersonName, o.Title, o.Organization, o.Tasks)
	}
	want := map[string]string{"person_name": "Anna\x00 Beispiel", "organization": "Stadt \u202EKöln", "tasks": "Zeile 1\nZeile 2\x00"}
	got := map[string]string{}
	for _, f := range flags {
		if f.Reason != "text.control" {
			t.Errorf("unexpected flag %+v", f)
		}
		got[f.Field] = f.Raw
	}
	if len(got) != len(want) {
		t.Errorf("flags %+v, want text.control on %v", flags, want)
	}
	for field, raw := range want {
		if got[field] != raw {
			t.Errorf("flag of %s keeps %q, want %q", field, got[field], raw)
		}
	}
}
