package cdoatlas_test

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestPasswordProblem(t *testing.T) {
	for _, tc := range []struct {
		password, want string
	}{
		{"kurz", "password.weak"},
		{"elf Zeichen", "password.weak"},
		{"            ", "password.simple"},
		{"  passwort  ", "password.simple"}, // 8 characters besides spaces
		{"aaaaaaaaaaaaaaaa", "password.simple"},
		{"abcabcabcabc", "password.simple"},
		{"abababababab", "password.simple"},
		{"123456789012", "password.simple"},
		{"987654321098", "password.simple"},
		{"abcdefghijklm", "password.simple"},
		{"QWERTZUIOPÜQ", "password.simple"},
		{"qwertyuiopqw", "password.simple"},
		{"asdfghjklöäa", "password.simple"},
		{"correct horse battery", ""},
		{"Hanse- und Universitätsstadt", ""},
		{"1234567890ab", ""}, // a run, then something else
		{"abcabcabcabd", ""},
	} {
		if got := cdoatlas.PasswordProblem(tc.password); got != tc.want {
			t.Errorf("PasswordProblem(%q) = %q, want %q", tc.password, got, tc.want)
		}
	}
	if _, err := cdoatlas.HashPassword("            "); cdoatlas.ErrorCode(err) != cdoatlas.EINVALID {
		t.Errorf("12 spaces hashed: %v", err)
	}
}
