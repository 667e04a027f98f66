package vote

import (
	"bufio"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// maxLine is the longest line a ballot file may have.
const maxLine = 1 << 20

// Read reads a ballot file: PrefLib data (.soc, .soi, .toc, .toi, by the
// name's extension) or ballots one a line (see ReadText). It returns the
// options the file declares (PrefLib) or names, in order of appearance.
// A malformed file is refused with every bad line (cdoatlas.FileErrors).
func Read(r io.Reader, name string) ([]string, []Ballot, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".soc", ".soi", ".toc", ".toi":
		return ReadPrefLib(r, name)
	}
	return ReadText(r, name)
}

// ReadText reads ballots one a line: "[COUNT:] A > B = C > D", where ">"
// ranks higher, "=" ties, the count defaults to 1 and "#" starts a
// comment. Blank lines are skipped.
func ReadText(r io.Reader, name string) ([]string, []Ballot, error) {
	errs := &cdoatlas.FileErrorList{File: name}
	var options []string
	known := map[string]bool{}
	var ballots []Ballot
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		count := 1
		if head, rest, ok := strings.Cut(text, ":"); ok && isDigits(strings.TrimSpace(head)) {
			n, err := strconv.Atoi(strings.TrimSpace(head))
			if err != nil || n < 1 {
				errs.AddKey(line, "", "vote.file.count", strings.TrimSpace(head))
				continue
			}
			count, text = n, strings.TrimSpace(rest)
			if text == "" {
				errs.AddKey(line, "", "vote.file.no_options")
				continue
			}
		}
		b := Ballot{Count: count}
		seen := map[string]bool{}
		bad := false
		for _, part := range strings.Split(text, ">") {
			var group []string
			for _, o := range strings.Split(part, "=") {
				o = strings.TrimSpace(o)
				switch {
				case o == "":
					errs.AddKey(line, "", "vote.file.empty_option")
					bad = true
				case seen[o]:
					errs.AddKey(line, "", "vote.file.twice", o)
					bad = true
				}
				seen[o] = true
				group = append(group, o)
			}
			b.Ranks = append(b.Ranks, group)
		}
		if bad {
			continue
		}
		for _, g := range b.Ranks {
			for _, o := range g {
				if !known[o] {
					known[o] = true
					options = append(options, o)
				}
			}
		}
		ballots = append(ballots, b)
	}
	if err := sc.Err(); err != nil {
		errs.AddKey(line+1, "", "vote.file.unreadable")
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	if len(ballots) == 0 {
		errs.AddKey(1, "", "vote.file.no_ballots")
		return nil, nil, errs.Err()
	}
	return options, ballots, nil
}

// ReadPrefLib reads PrefLib election data: orders with ties (.toc, .toi)
// or strict orders (.soc, .soi), complete or incomplete. Both the current
// format ("# ALTERNATIVE NAME 1: …" headers, lines "COUNT: 1,{2,3},4") and
// the one before 2022 (the number of alternatives, a line "i,name" each,
// a line of totals, lines "COUNT,1,{2,3},4") are read.
func ReadPrefLib(r io.Reader, name string) ([]string, []Ballot, error) {
	errs := &cdoatlas.FileErrorList{File: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		errs.AddKey(len(lines)+1, "", "vote.file.unreadable")
		return nil, nil, errs.Err()
	}
	names := map[int]string{}
	m := -1
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	old := first < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[first]), "#")
	data := first
	if old {
		// m, then m lines "i,name", then the totals.
		n, err := strconv.Atoi(strings.TrimSpace(lines[first]))
		if err != nil || n < 1 {
			errs.AddKey(first+1, "", "vote.file.preflib_alternatives")
			return nil, nil, errs.Err()
		}
		m = n
		for i := 1; i <= m; i++ {
			ln := first + i
			if ln >= len(lines) {
				errs.AddKey(ln+1, "", "vote.file.preflib_names", m)
				return nil, nil, errs.Err()
			}
			num, label, ok := strings.Cut(lines[ln], ",")
			k, err := strconv.Atoi(strings.TrimSpace(num))
			if !ok || err != nil || k < 1 || k > m {
				errs.AddKey(ln+1, "", "vote.file.preflib_name_line")
				continue
			}
			names[k] = strings.TrimSpace(label)
		}
		data = first + m + 2 // after the totals line
	} else {
		for data < len(lines) {
			t := strings.TrimSpace(lines[data])
			if t != "" && !strings.HasPrefix(t, "#") {
				break
			}
			if key, value, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(t, "#")), ":"); ok {
				key, value = strings.ToUpper(strings.TrimSpace(key)), strings.TrimSpace(value)
				switch {
				case key == "NUMBER ALTERNATIVES":
					if n, err := strconv.Atoi(value); err == nil && n > 0 {
						m = n
					} else {
						errs.AddKey(data+1, "", "vote.file.preflib_alternatives")
					}
				case strings.HasPrefix(key, "ALTERNATIVE NAME "):
					if k, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(key, "ALTERNATIVE NAME "))); err == nil && k > 0 {
						names[k] = value
					} else {
						errs.AddKey(data+1, "", "vote.file.preflib_name_line")
					}
				}
			}
			data++
		}
		if m < 0 {
			errs.AddKey(1, "", "vote.file.preflib_alternatives")
			return nil, nil, errs.Err()
		}
	}
	options := make([]string, m)
	used := map[string]bool{}
	for k := 1; k <= m; k++ {
		o := names[k]
		if o == "" || used[o] {
			o = strconv.Itoa(k)
		}
		used[o] = true
		options[k-1] = o
	}
	var ballots []Ballot
	for ln := data; ln < len(lines); ln++ {
		t := strings.TrimSpace(lines[ln])
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		var countText, order string
		if old {
			countText, order, _ = strings.Cut(t, ",")
		} else {
			var ok bool
			if countText, order, ok = strings.Cut(t, ":"); !ok {
				errs.AddKey(ln+1, "", "vote.file.preflib_count")
				continue
			}
		}
		count, err := strconv.Atoi(strings.TrimSpace(countText))
		if err != nil || count < 1 {
			errs.AddKey(ln+1, "", "vote.file.count", strings.TrimSpace(countText))
			continue
		}
		b, problem, arg := preflibOrder(order, options)
		if problem != "" {
			errs.AddKey(ln+1, "", problem, arg)
			continue
		}
		b.Count = count
		ballots = append(ballots, b)
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	if len(ballots) == 0 {
		errs.AddKey(1, "", "vote.file.no_ballots")
		return nil, nil, errs.Err()
	}
	return options, ballots, nil
}

// preflibOrder reads "1,{2,3},4" over options; it returns a problem key
// and its argument when the order is malformed.
func preflibOrder(order string, options []string) (Ballot, string, string) {
	var b Ballot
	seen := map[int]bool{}
	var group []string
	in := false
	for _, tok := range strings.Split(order, ",") {
		tok = strings.TrimSpace(tok)
		open := strings.HasPrefix(tok, "{")
		tok = strings.TrimPrefix(tok, "{")
		closing := strings.HasSuffix(tok, "}")
		tok = strings.TrimSpace(strings.TrimSuffix(tok, "}"))
		if open && in || closing && !in && !open {
			return b, "vote.file.preflib_braces", ""
		}
		if tok == "" && open && closing { // "{}": an empty tie
			continue
		}
		k, err := strconv.Atoi(tok)
		if err != nil || k < 1 || k > len(options) {
			return b, "vote.file.preflib_alternative", tok
		}
		if seen[k] {
			return b, "vote.file.twice", options[k-1]
		}
		seen[k] = true
		switch {
		case open && !closing:
			in, group = true, []string{options[k-1]}
		case in && closing:
			b.Ranks = append(b.Ranks, append(group, options[k-1]))
			in, group = false, nil
		case in:
			group = append(group, options[k-1])
		default:
			b.Ranks = append(b.Ranks, []string{options[k-1]})
		}
	}
	if in {
		return b, "vote.file.preflib_braces", ""
	}
	if len(b.Ranks) == 0 {
		return b, "vote.file.no_options", ""
	}
	return b, "", ""
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
