package cdoatlas_test

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestHighestRole(t *testing.T) {
	for _, tc := range []struct {
		roles []string
		want  string
	}{
		{[]string{"member", "admin", "editor"}, "admin"},
		{[]string{"member", "editor"}, "editor"},
		{[]string{"nobody", "member"}, "member"},
		{[]string{"nobody"}, ""},
		{nil, ""},
	} {
		if got := cdoatlas.HighestRole(tc.roles...); got != tc.want {
			t.Errorf("HighestRole(%v) = %q, want %q", tc.roles, got, tc.want)
		}
	}
}
