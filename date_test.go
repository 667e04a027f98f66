package cdoatlas_test

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestParsePartialDate(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"2024", "2024", true},
		{"2024-03", "2024-03", true},
		{"2024-02-29", "2024-02-29", true},
		{"31.12.2024", "2024-12-31", true},
		{"3.2024", "2024-03", true},
		{"03/2024", "2024-03", true},
		{" ", "", true},
		{"2023-02-29", "", false},
		{"2024-13", "", false},
		{"24", "", false},
		{"2024-1-1x", "", false},
		{"32.01.2024", "", false},
		{"yesterday", "", false},
	} {
		got, err := cdoatlas.ParsePartialDate(tc.in)
		if (err == nil) != tc.ok || string(got) != tc.want {
			t.Errorf("ParsePartialDate(%q) = %q, %v; want %q, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestPartialDateGerman(t *testing.T) {
	for in, want := range map[cdoatlas.PartialDate]string{"2024-12-31": "31.12.2024", "2024-03": "03/2024", "2019": "2019", "": ""} {
		if got := in.German(); got != want {
			t.Errorf("%q.German() = %q, want %q", in, got, want)
		}
	}
}

func TestTenureValidateAndOverlap(t *testing.T) {
	tn := &cdoatlas.Tenure{PersonID: 1, PostID: 1, Start: "2020-05", End: "2019"}
	if got := fieldErrors(t, tn.Validate())["end"]; got != "end.before_start" {
		t.Errorf("end before start: got %q", got)
	}
	tn = &cdoatlas.Tenure{PersonID: 1, PostID: 1, Start: "2020", End: "2022", Status: "current"}
	if got := fieldErrors(t, tn.Validate())["end"]; got != "end.current" {
		t.Errorf("current with end: got %q", got)
	}
	tn = &cdoatlas.Tenure{PersonID: 1, PostID: 1, Start: "2018", End: "2021-06"}
	if err := tn.Validate(); err != nil || tn.Status != cdoatlas.StatusEnded {
		t.Errorf("ended tenure: %v, status %q", err, tn.Status)
	}
	for _, tc := range []struct {
		a, b cdoatlas.Tenure
		want bool
	}{
		{cdoatlas.Tenure{Start: "2018", End: "2020", Status: "ended"}, cdoatlas.Tenure{Start: "2019", End: "2022", Status: "ended"}, true},
		{cdoatlas.Tenure{Start: "2018", End: "2020", Status: "ended"}, cdoatlas.Tenure{Start: "2020", Status: "current"}, false}, // same year: may follow each other
		{cdoatlas.Tenure{Start: "2018-01", End: "2020-03", Status: "ended"}, cdoatlas.Tenure{Start: "2020-05", Status: "current"}, false},
		{cdoatlas.Tenure{Start: "2018", Status: "current"}, cdoatlas.Tenure{Start: "2021", Status: "current"}, true},
		{cdoatlas.Tenure{Status: "unknown"}, cdoatlas.Tenure{Start: "2021", Status: "current"}, false},
	} {
		if got := tc.a.Overlaps(&tc.b); got != tc.want {
			t.Errorf("%+v overlaps %+v: got %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := tc.b.Overlaps(&tc.a); got != tc.want {
			t.Errorf("%+v overlaps %+v (swapped): got %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestPassword(t *testing.T) {
	if _, err := cdoatlas.HashPassword("short"); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
		t.Errorf("short password: got %v, want EINVALID", err)
	}
	h, err := cdoatlas.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !cdoatlas.CheckPassword(h, "correct horse battery") {
		t.Error("right password refused")
	}
	if cdoatlas.CheckPassword(h, "correct horse battery!") {
		t.Error("wrong password accepted")
	}
	if cdoatlas.CheckPassword(cdoatlas.DummyPasswordHash, "") {
		t.Error("dummy hash accepted a password")
	}
}
