package cdoatlas_test

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func ptr[T any](v T) *T { return &v }

func TestSizeClassOf(t *testing.T) {
	for _, tc := range []struct {
		kind       string
		population int64
		want       string
	}{
		{cdoatlas.KindMunicipality, 1510378, "GK1"},
		{cdoatlas.KindMunicipality, 400001, "GK1"},
		{cdoatlas.KindMunicipality, 400000, "GK2"}, // boundary belongs to the smaller class
		{cdoatlas.KindMunicipality, 200000, "GK3"},
		{cdoatlas.KindMunicipality, 100000, "GK4"},
		{cdoatlas.KindMunicipality, 50000, "GK5"},
		{cdoatlas.KindMunicipality, 25000, "GK6"},
		{cdoatlas.KindMunicipality, 10001, "GK6"},
		{cdoatlas.KindMunicipality, 10000, "GK7"},
		{cdoatlas.KindMunicipality, 0, "GK7"},
		{cdoatlas.KindCityState, 1892122, "GK1"},
		{cdoatlas.KindCounty, 250001, "KGK1"},
		{cdoatlas.KindCounty, 250000, "KGK2"},
		{cdoatlas.KindCounty, 150000, "KGK3"},
		{cdoatlas.KindState, 18000000, ""},
	} {
		if got := cdoatlas.SizeClassOf(tc.kind, ptr(tc.population), nil); got != tc.want {
			t.Errorf("SizeClassOf(%s, %d) = %q, want %q", tc.kind, tc.population, got, tc.want)
		}
	}
	if got := cdoatlas.SizeClassOf(cdoatlas.KindMunicipality, nil, nil); got != "" {
		t.Errorf("unknown population: got %q, want none", got)
	}
	for _, tc := range []struct {
		employees int64
		want      string
	}{{249, "E1"}, {250, "E2"}, {999, "E2"}, {1000, "E3"}, {9999, "E3"}, {10000, "E4"}} {
		if got := cdoatlas.SizeClassOf(cdoatlas.KindCompany, nil, ptr(tc.employees)); got != tc.want {
			t.Errorf("company with %d employees: got %q, want %q", tc.employees, got, tc.want)
		}
	}
}
