package cdoatlas

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cdoatlas/cdoatlas/locale"
)

// LineError is one problem of an input file.
type LineError struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line"`
	Column string `json:"column,omitempty"`
	// Reason is the problem in English, for the command line and logs.
	Reason string `json:"reason"`
	// Key, when set, is the message key of Reason, so that a page can
	// show the reason in its language (Text).
	Key string `json:"key,omitempty"`
	// Args are the arguments of Key's text, as text. An argument that is
	// itself a key of the catalog starting "file." (such as
	// "file.word.empty") stands for that key's text in the language shown,
	// so that words inside a reason are translated too.
	Args []string `json:"args,omitempty"`
}

// NewLineError returns the problem key with args (made text with %v) at
// line and column, with Reason in English. The text of key may show an
// argument with any verb (%s, %d …); %q quotes it.
func NewLineError(line int, column, key string, args ...any) LineError {
	e := LineError{Line: line, Column: column, Key: key}
	if len(args) > 0 {
		e.Args = make([]string, len(args))
		for i, a := range args {
			e.Args[i] = fmt.Sprint(a)
		}
	}
	e.Reason = e.Text(locale.English)
	return e
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

// wordPrefix starts the keys that may stand as arguments of a problem.
const wordPrefix = "file."

// Text returns the reason in lang ("de" or "en"): the text of Key with
// Args when Key is set, else Reason.
func (e LineError) Text(lang string) string {
	switch {
	case e.Key == "":
		return e.Reason
	case !locale.Has(e.Key):
		return Message(lang, e.Key)
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if strings.HasPrefix(a, wordPrefix) && locale.Has(a) {
			a = locale.Text(lang, a)
		}
		args[i] = textArg(a)
	}
	return locale.Text(lang, e.Key, args...)
}

// textArg is an argument of a problem's text. It was made text when the
// problem was found, so any verb shows it as it is (%q quoted): a text may
// take a count with %d as well as with %s.
type textArg string

func (a textArg) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", string(a))
		return
	}
	io.WriteString(f, string(a))
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

// FileError returns the FileErrors of one problem of file at line.
func FileError(file string, line int, column, key string, args ...any) FileErrors {
	e := NewLineError(line, column, key, args...)
	e.File = file
	return FileErrors{e}
}

// MaxFileErrors is how many problems of one file are listed; further ones
// are counted in a last entry.
const MaxFileErrors = 1000

// FileErrorList collects the problems of one file: each once, at most
// MaxFileErrors of them, sorted by line when done.
type FileErrorList struct {
	File    string
	errs    FileErrors
	seen    map[problemKey]bool
	omitted int
	first   int // line of the first omitted problem
}

// problemKey is what makes two problems the same.
type problemKey struct {
	line                      int
	column, reason, key, args string
}

// AddKey records the problem key with args (formatted with %v) at line
// and column; lines below 1 count as line 1.
func (l *FileErrorList) AddKey(line int, column, key string, args ...any) {
	l.AddError(NewLineError(line, column, key, args...))
}

// AddError records e as a problem of the list's file; lines below 1
// count as line 1.
func (l *FileErrorList) AddError(e LineError) {
	e.File, e.Line = l.File, max(e.Line, 1)
	k := problemKey{e.Line, e.Column, e.Reason, e.Key, strings.Join(e.Args, "\x00")}
	if l.seen[k] {
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
		l.seen = map[problemKey]bool{}
	}
	l.seen[k] = true
	l.errs = append(l.errs, e)
}

// AddAll records the problems of fe.
func (l *FileErrorList) AddAll(fe FileErrors) {
	for _, e := range fe {
		l.AddError(e)
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
		errs = append(errs, MoreProblems(l.File, l.first, l.omitted))
	}
	return errs
}

// MoreProblems is the last entry of a list of problems of file that
// counts the n problems not listed, the first of them at line.
func MoreProblems(file string, line, n int) LineError {
	e := NewLineError(line, "", "file.more_problems", n)
	e.File = file
	return e
}
