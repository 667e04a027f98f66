package tabular

import (
	"github.com/cdoatlas/cdoatlas"

	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns the bytes of a text file into a string. A byte order
// mark decides the encoding (UTF-8, UTF-16); without one the file is UTF-8
// when it is valid UTF-8 and Windows-1252 otherwise, which is what Excel
// writes as "CSV" on German Windows; a line that is not valid UTF-8 in an
// otherwise UTF-8 file is read as Windows-1252 too. A file that claims UTF-8 by its byte
// order mark but is not valid UTF-8 is refused with the lines concerned.
func decodeText(data []byte, errs *cdoatlas.FileErrorList) (string, bool) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
		if !utf8.Valid(data) {
			invalidUTF8Lines(data, errs)
			return "", false
		}
		return string(data), true
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		// The decoder replaces broken sequences; it never fails on input.
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			errs.AddKey(1, "", "file.utf16")
			return "", false
		}
		return string(out), true
	case utf8.Valid(data):
		return string(data), true
	}
	// Line by line, so that a UTF-8 file into which someone pasted a
	// Windows-1252 line keeps its other umlauts. Windows-1252 text is
	// practically never valid UTF-8, so whole Windows-1252 files come out
	// the same as decoded at once.
	dec := charmap.Windows1252.NewDecoder()
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line = data[:i+1]
		}
		data = data[len(line):]
		if utf8.Valid(line) {
			b.Write(line)
			continue
		}
		out, err := dec.Bytes(line)
		if err != nil {
			errs.AddKey(1, "", "file.encoding")
			return "", false
		}
		b.Write(out)
	}
	return b.String(), true
}

// invalidUTF8Lines lists the lines holding bytes that are not UTF-8.
func invalidUTF8Lines(data []byte, errs *cdoatlas.FileErrorList) {
	for i, line := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(line) {
			errs.AddKey(i+1, "", "file.utf8_bom")
		}
	}
}

// binaryLine returns the 1-based line of the first NUL character, or 0 when
// there is none: text tables never hold one, binary files nearly always do.
func binaryLine(s string) int {
	i := strings.IndexByte(s, 0)
	if i < 0 {
		return 0
	}
	return 1 + countLines(s[:i])
}

// countLines counts line breaks (LF, CRLF or a lone CR) in s.
func countLines(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			n++
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			n++
		}
	}
	return n
}
