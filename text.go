package cdoatlas

import (
	"strings"
	"unicode/utf8"
)

// Text that users and sources type ends up in both databases, on pages,
// in CSV and XLSX files and in terminals. Some characters do harm there
// and have no place in a name or a description: PostgreSQL refuses NUL,
// XML (XLSX) refuses most C0 controls, and the explicit bidirectional
// formatting characters can make a name reorder the text around it
// ("Trojan Source"). Every Validate that takes user text checks it with
// CheckLine (one-line fields: names, titles, codes, addresses) or
// CheckText (multi-line fields: tasks, descriptions, notes).
//
// The rule, one for all fields:
//
//   - not valid UTF-8: refused ("text.encoding");
//   - C0 controls U+0000–U+001F, DEL U+007F and C1 controls U+0080–U+009F:
//     refused ("text.control"), except tab, line feed and carriage return
//     in multi-line fields;
//   - the explicit bidirectional embeddings, overrides and isolates
//     U+202A–U+202E and U+2066–U+2069, the deprecated format characters
//     U+206A–U+206F, the interlinear annotation characters U+FFF9–U+FFFB,
//     U+FEFF (byte order mark, zero-width no-break space) and the
//     non-characters U+FFFE and U+FFFF: refused ("text.control");
//   - in one-line fields also the line and paragraph separators U+2028 and
//     U+2029.
//
// Allowed are the implicit direction marks U+200E, U+200F and U+061C (they
// cannot reorder text beyond themselves; pages isolate names in <bdi>
// anyway), the zero-width (non-)joiners that some scripts and emoji need,
// and the soft hyphen.

// CheckLine adds a message for field to f when s, a one-line value, holds
// characters the rule above refuses. It returns whether s was fine.
func (f FieldErrors) CheckLine(field, s string) bool {
	return f.check(field, s, false)
}

// CheckText adds a message for field to f when s, a multi-line value,
// holds characters the rule above refuses. It returns whether s was fine.
func (f FieldErrors) CheckText(field, s string) bool {
	return f.check(field, s, true)
}

func (f FieldErrors) check(field, s string, multiline bool) bool {
	if key := TextProblem(s, multiline); key != "" {
		f.Add(field, key)
		return false
	}
	return true
}

// TextProblem returns the message key of what s may not hold: "" when it
// is fine, "text.encoding" when it is not valid UTF-8, "text.control" when
// it holds a refused control or format character.
func TextProblem(s string, multiline bool) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return "text.encoding"
		}
		if refusedRune(r, multiline) {
			return "text.control"
		}
		i += size
	}
	return ""
}

// CleanText returns s without the characters TextProblem refuses, for
// raw data that is kept rather than refused (census observations). In a
// one-line value, tab, line feed, carriage return and the line and
// paragraph separators become spaces and do not count as removed; invalid
// UTF-8 becomes U+FFFD. removed reports whether anything else was taken
// out or replaced.
func CleanText(s string, multiline bool) (clean string, removed bool) {
	if TextProblem(s, multiline) == "" {
		return s, false
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
			removed = true
		case !multiline && (r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'):
			b.WriteByte(' ')
		case refusedRune(r, multiline):
			removed = true
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), removed
}

// refusedRune reports whether r may not appear in a value.
func refusedRune(r rune, multiline bool) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return !multiline
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x206F, r >= 0xFFF9 && r <= 0xFFFB:
		return true
	case r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
		return true
	case r == 0x2028 || r == 0x2029:
		return !multiline
	}
	return false
}
