package cdoatlas_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// TestTooLong: a value over its limit says the limit, in both languages.
func TestTooLong(t *testing.T) {
	for _, tc := range []struct {
		lang string
		max  int
		want string
	}{
		{"de", 200, "Höchstens 200 Zeichen."},
		{"en", 200, "At most 200 characters."},
		{"de", 20000, "Höchstens 20.000 Zeichen."},
		{"en", 20000, "At most 20,000 characters."},
	} {
		if got := cdoatlas.Message(tc.lang, cdoatlas.TooLong(tc.max)); got != tc.want {
			t.Errorf("%s %d: %q, want %q", tc.lang, tc.max, got, tc.want)
		}
	}
	if got := cdoatlas.Message("de", "too_long"); got != "Zu lang." {
		t.Errorf("too_long without a limit: %q", got)
	}
}

// TestApplicationValidateOptional: kind and country of a new organization
// are asked for only once the organization is named; an empty form flags
// the required fields alone.
func TestApplicationValidateOptional(t *testing.T) {
	fields := func(a *cdoatlas.Application) map[string]string {
		var e *cdoatlas.Error
		if err := a.Validate(); !errors.As(err, &e) {
			t.Fatalf("no validation error: %v", err)
		}
		return e.Fields
	}
	got := fields(&cdoatlas.Application{})
	for _, f := range []string{"person_name", "email", "organization_name", "title", "tasks"} {
		if got[f] != "required" {
			t.Errorf("empty %s: %q, want required", f, got[f])
		}
	}
	for _, f := range []string{"kind", "country", "region", "placement", "mandate", "gender", "population"} {
		if m, ok := got[f]; ok {
			t.Errorf("empty optional %s: %q", f, m)
		}
	}
	got = fields(&cdoatlas.Application{OrganizationName: "Neustadt", PersonName: strings.Repeat("a", 201)})
	if got["kind"] != "kind.required_new" || got["country"] != "country.required_new" {
		t.Errorf("new organization: kind %q, country %q", got["kind"], got["country"])
	}
	if got["person_name"] != cdoatlas.TooLong(200) {
		t.Errorf("long name: %q", got["person_name"])
	}
	if got = fields(&cdoatlas.Application{OrganizationName: "Neustadt", Kind: "city", Country: "FR"}); got["kind"] != "kind.invalid" || got["country"] != "country.invalid" {
		t.Errorf("wrong kind and country: %q, %q", got["kind"], got["country"])
	}
}
