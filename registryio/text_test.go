package registryio_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/registryio"
)

// TestReadRegistryControlCharacters: a NUL or a bidi override in a name
// is refused with line and column; a NUL in a CSV file marks it binary.
func TestReadRegistryControlCharacters(t *testing.T) {
	for _, tc := range []struct {
		name, file, in string
		line           int
		column, reason string
	}{
		{"CSVOverride", "reg.csv", "name;kind;country\nKöln;Stadt;DE\nUlm \u202Emlu;Stadt;DE\n", 3, "name", cdoatlas.Message("en", "text.control")},
		{"CSVNUL", "reg.csv", "name;kind;country\nKöln;Stadt;DE\nUlm\x00;Stadt;DE\n", 3, "", "binary"},
		{"JSONFlatNUL", "reg.json", "[\n{\"name\": \"Köln\", \"kind\": \"Stadt\", \"country\": \"DE\"},\n" +
			"{\"name\": \"Ulm\\u0000\", \"kind\": \"Stadt\", \"country\": \"DE\"}\n]", 3, "name", cdoatlas.Message("en", "text.control")},
		{"JSONExportNUL", "reg.json", `{"organizations": [{"id": 1, "name": "Ulm", "kind": "municipality", "country": "DE", "sector": "IT\u0000"}]}`,
			1, "organizations[0].sector", cdoatlas.Message("en", "text.control")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := registryio.ReadRegistry(strings.NewReader(tc.in), tc.file)
			var fe cdoatlas.FileErrors
			if !errors.As(err, &fe) || recs != nil {
				t.Fatalf("ReadRegistry = %d records, %v; want FileErrors", len(recs), err)
			}
			if e := fe[0]; e.Line != tc.line || e.Column != tc.column || !strings.Contains(e.Reason, tc.reason) {
				t.Errorf("error %+v, want line %d, column %q, reason %q", e, tc.line, tc.column, tc.reason)
			}
		})
	}
}
