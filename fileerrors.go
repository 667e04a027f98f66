package cdoatlas

import (
	"fmt"
	"sort"
	"strings"
)

// LineError is one problem of an input file.
type LineError struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line"`
	Column string `json:"column,omitempty"`
	Reason string `json:"reason"`
	// Key, when set, is the message key of Reason (Message), so that a
	// page can show the reason in its language.
	Key string `json:"key,omitempty"`
}

func (e LineError) String() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File + ":")
	}
	fmt.Fprintf(&b, "%d", e.Line)
	if e.Column != "" {
		fmt.Fprintf(&b, ": column %s", e.Column)
	}
	b.WriteString(": " + e.Reason)
	return b.String()
}

// Text returns the reason in lang ("de" or "en"): the message of Key
// when set, else Reason.
func (e LineError) Text(lang string) string {
	if e.Key != "" {
		return Message(lang, e.Key)
	}
	return e.Reason
}

// FileErrors is the error of a refused file: every problem found. The
// same type lists the warnings of a file that was read.
type FileErrors []LineError

func (fe FileErrors) Error() string {
	lines := make([]string, len(fe))
	for i, e := range fe {
		lines[i] = e.String()
	}
	return fmt.Sprintf("%d error(s):\n%s", len(fe), strings.Join(lines, "\n"))
}

// Unwrap makes errors.Is(err, ErrInvalid) hold.
func (fe FileErrors) Unwrap() error { return ErrInvalid }

// MaxFileErrors is how many problems of one file are listed; further ones
// are counted in a last entry.
const MaxFileErrors = 1000

// FileErrorList collects the problems of one file: each once, at most
// MaxFileErrors of them, sorted by line when done.
type FileErrorList struct {
	File    string
	errs    FileErrors
	seen    map[LineError]bool
	omitted int
	first   int // line of the first omitted problem
}

// Add records a problem; lines below 1 count as line 1.
func (l *FileErrorList) Add(line int, column, reason string) {
	e := LineError{File: l.File, Line: max(line, 1), Column: column, Reason: reason}
	if l.seen[e] {
		return
	}
	if l.Full() {
		if l.omitted == 0 || e.Line < l.first {
			l.first = e.Line
		}
		l.omitted++
		return
	}
	if l.seen == nil {
		l.seen = map[LineError]bool{}
	}
	l.seen[e] = true
	l.errs = append(l.errs, e)
}

// AddAll records the problems of fe.
func (l *FileErrorList) AddAll(fe FileErrors) {
	for _, e := range fe {
		l.Add(e.Line, e.Column, e.Reason)
	}
}

// Full reports whether further problems would only be counted.
func (l *FileErrorList) Full() bool { return len(l.errs) >= MaxFileErrors }

// Err returns nil when no problem was recorded, otherwise FileErrors
// sorted by line (stable), with a last entry counting the unlisted ones.
func (l *FileErrorList) Err() error {
	if len(l.errs) == 0 && l.omitted == 0 {
		return nil
	}
	errs := append(FileErrors(nil), l.errs...)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	if l.omitted > 0 {
		errs = append(errs, LineError{File: l.File, Line: l.first,
			Reason: fmt.Sprintf("%d further problems not listed", l.omitted)})
	}
	return errs
}
