package cdoatlas

import (
	"fmt"
	"github.com/cdoatlas/cdoatlas/locale"
	"strconv"
	"strings"
)

// tooLongPrefix starts the message key of a value over its limit: the
// limit follows, as TooLong writes it.
const tooLongPrefix = "too_long."

// TooLong is the message key of a value longer than max characters; its
// text names the limit ("Höchstens 200 Zeichen.").
func TooLong(max int) string { return tooLongPrefix + strconv.Itoa(max) }

// Message returns the text of a validation message key in lang ("de" or
// "en"). Unknown keys are returned unchanged.
func Message(lang, key string) string {
	if n, ok := strings.CutPrefix(key, tooLongPrefix); ok {
		if max, err := strconv.Atoi(n); err == nil && max > 0 {
			if lang == "en" {
				return fmt.Sprintf("At most %s characters.", groupDigits(max, ","))
			}
			return fmt.Sprintf("Höchstens %s Zeichen.", groupDigits(max, "."))
		}
	}
	return locale.Text(lang, key)
}

// groupDigits writes n with sep between groups of three digits.
func groupDigits(n int, sep string) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}
