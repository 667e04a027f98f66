package cdoatlas_test

import (
	"errors"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func fieldErrors(t *testing.T, err error) map[string]string {
	t.Helper()
	if err == nil {
		return nil
	}
	var e *cdoatlas.Error
	if !errors.As(err, &e) || e.Code != cdoatlas.EINVALID {
		t.Fatalf("got %v, want an EINVALID *Error", err)
	}
	return e.Fields
}

func TestOrganizationValidate(t *testing.T) {
	munich := func() *cdoatlas.Organization {
		return &cdoatlas.Organization{Name: " Landeshauptstadt München ", Kind: "municipality", Country: "de", Region: "Bayern",
			OfficialCode: "09162000", Population: ptr[int64](1510378), PopulationDate: "31.12.2023"}
	}
	t.Run("OK", func(t *testing.T) {
		o := munich()
		if err := o.Validate(); err != nil {
			t.Fatal(err)
		}
		if o.Name != "Landeshauptstadt München" || o.Country != "DE" || o.Region != "DE-BY" || o.PopulationDate != "2023-12-31" || o.SizeClass != "GK1" {
			t.Errorf("normalized to %+v", o)
		}
	})
	for _, tc := range []struct {
		name   string
		modify func(o *cdoatlas.Organization)
		field  string
		key    string
	}{
		{"ErrNameRequired", func(o *cdoatlas.Organization) { o.Name = " " }, "name", "required"},
		{"ErrKind", func(o *cdoatlas.Organization) { o.Kind = "city" }, "kind", "kind.invalid"},
		{"ErrCountry", func(o *cdoatlas.Organization) { o.Country = "Germany" }, "country", "country.invalid"},
		{"ErrRegion", func(o *cdoatlas.Organization) { o.Region = "DE-XX" }, "region", "region.invalid"},
		{"ErrAGSLength", func(o *cdoatlas.Organization) { o.OfficialCode = "9162000" }, "official_code", "code.de_municipality"},
		{"ErrAGSLetters", func(o *cdoatlas.Organization) { o.OfficialCode = "0916200A" }, "official_code", "code.de_municipality"},
		{"ErrAGSLand", func(o *cdoatlas.Organization) { o.OfficialCode = "17162000" }, "official_code", "code.de_land"},
		{"ErrAGSRegion", func(o *cdoatlas.Organization) { o.OfficialCode = "05315000" }, "official_code", "code.de_region"},
		{"ErrCountyCode", func(o *cdoatlas.Organization) { o.Kind = "county"; o.OfficialCode = "09162000" }, "official_code", "code.de_county"},
		{"ErrPopulationNegative", func(o *cdoatlas.Organization) { o.Population = ptr[int64](-1) }, "population", "population.invalid"},
		{"ErrPopulationDate", func(o *cdoatlas.Organization) { o.PopulationDate = "2023" }, "population_date", "date.full_required"},
		{"ErrPopulationDateFuture", func(o *cdoatlas.Organization) { o.PopulationDate = "31.12.2099" }, "population_date", "date.future"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := munich()
			tc.modify(o)
			fields := fieldErrors(t, o.Validate())
			if got := fields[tc.field]; got != tc.key {
				t.Errorf("field %s: got %q, want %q (all: %v)", tc.field, got, tc.key, fields)
			}
		})
	}
	t.Run("ARS", func(t *testing.T) {
		o := munich()
		o.OfficialCode = "091620000000"
		if err := o.Validate(); err != nil {
			t.Fatal(err)
		}
		if got := o.CodeKey(); got != "09162000" {
			t.Errorf("CodeKey of ARS = %q, want the AGS 09162000", got)
		}
	})
	t.Run("Austria", func(t *testing.T) {
		o := &cdoatlas.Organization{Name: "Wien", Kind: "city_state", Country: "AT", Region: "AT-9", OfficialCode: "90001"}
		if err := o.Validate(); err != nil {
			t.Fatal(err)
		}
		o.OfficialCode = "30001"
		if got := fieldErrors(t, o.Validate())["official_code"]; got != "code.at_region" {
			t.Errorf("Wien with a Lower Austrian code: got %q", got)
		}
	})
	t.Run("Switzerland", func(t *testing.T) {
		o := &cdoatlas.Organization{Name: "St. Gallen", Kind: "municipality", Country: "CH", Region: "CH-SG", OfficialCode: "3203"}
		if err := o.Validate(); err != nil {
			t.Fatal(err)
		}
		o.OfficialCode = "32031"
		if got := fieldErrors(t, o.Validate())["official_code"]; got != "code.ch" {
			t.Errorf("5-digit BFS number: got %q", got)
		}
	})
}

func TestNormalizeRegion(t *testing.T) {
	for _, tc := range []struct{ country, in, want string }{
		{"DE", "NRW", "DE-NW"},
		{"", "NRW", "DE-NW"},
		{"DE", "nordrhein-westfalen", "DE-NW"},
		{"DE", "de-by", "DE-BY"},
		{"DE", "Thueringen", "DE-TH"},
		{"DE", "BE", "DE-BE"},
		{"CH", "BE", "CH-BE"},
		{"", "BE", ""}, // Berlin or Bern: ambiguous without a country
		{"AT", "Wien", "AT-9"},
		{"DE", "Atlantis", ""},
		// Official long forms and other languages.
		{"", "Freistaat Bayern", "DE-BY"},
		{"DE", "Freistaat Sachsen", "DE-SN"},
		{"", "Land Berlin", "DE-BE"},
		{"", "Freie und Hansestadt Hamburg", "DE-HH"},
		{"", "Freie Hansestadt Bremen", "DE-HB"},
		{"", "Land Nordrhein-Westfalen", "DE-NW"},
		{"", "Bayern (Freistaat)", "DE-BY"},
		{"", "Kanton Zürich", "CH-ZH"},
		{"CH", "Canton de Genève", "CH-GE"},
		{"", "Genève", "CH-GE"},
		{"", "Genf", "CH-GE"},
		{"", "Cantone Ticino", "CH-TI"},
		{"", "Canton du Valais", "CH-VS"},
		{"", "Republik und Kanton Genf", "CH-GE"},
		{"", "Land Niederösterreich", "AT-3"},
		{"AT", "Lower Austria", "AT-3"},
		{"", "Bavaria", "DE-BY"},
		{"", "Vienna", "AT-9"},
		{"DE", "Kanton Zürich", ""},
		{"", "Land", ""},
	} {
		if got := cdoatlas.NormalizeRegion(tc.country, tc.in); got != tc.want {
			t.Errorf("NormalizeRegion(%q, %q) = %q, want %q", tc.country, tc.in, got, tc.want)
		}
	}
}

func TestUserValidateEmail(t *testing.T) {
	for _, tc := range []struct {
		email string
		ok    bool
	}{
		{"user@example.org", true},
		{"User@Sub.Example.ORG", true},
		{"first.last+tag@example.co.uk", true},
		{"erika@müller.de", true},
		{"x@1und1.de", true},
		{"a@b", false},
		{"a@localhost", false},
		{"a@b.c", false},
		{"a@example.123", false},
		{"a@-example.org", false},
		{"a@example-.org", false},
		{"a@[192.0.2.1]", false},
		{"a@192.0.2.1", false},
		{"nobody", false},
		{"@example.org", false},
		{"Erika <erika@example.org>", false},
	} {
		t.Run(tc.email, func(t *testing.T) {
			u := &cdoatlas.User{Email: tc.email, Role: cdoatlas.UserMember}
			got := fieldErrors(t, u.Validate())["email"]
			if tc.ok && got != "" || !tc.ok && got != "email.invalid" {
				t.Errorf("got %q, want ok=%v", got, tc.ok)
			}
		})
	}
}
