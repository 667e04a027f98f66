package cdoatlas

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PartialDate is a date known to the year, the month or the day, written
// YYYY, YYYY-MM or YYYY-MM-DD. The zero value means unknown.
type PartialDate string

// ParsePartialDate accepts ISO forms (YYYY, YYYY-MM, YYYY-MM-DD) and the
// German forms (TT.MM.JJJJ, MM.JJJJ, MM/JJJJ) and returns the ISO form.
// Surrounding space is ignored; an empty string gives the zero value.
func ParsePartialDate(s string) (PartialDate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	var y, m, d int
	var err error
	switch {
	case strings.Contains(s, "."):
		parts := strings.Split(s, ".")
		switch len(parts) {
		case 3:
			d, m, y, err = atoi3(parts[0], parts[1], parts[2])
		case 2:
			m, y, _, err = atoi3(parts[0], parts[1], "0")
		default:
			err = errDate
		}
	case strings.Contains(s, "/"):
		parts := strings.Split(s, "/")
		if len(parts) != 2 {
			return "", errDate
		}
		m, y, _, err = atoi3(parts[0], parts[1], "0")
	default:
		parts := strings.Split(s, "-")
		switch len(parts) {
		case 1:
			y, _, _, err = atoi3(parts[0], "0", "0")
		case 2:
			y, m, _, err = atoi3(parts[0], parts[1], "0")
		case 3:
			y, m, d, err = atoi3(parts[0], parts[1], parts[2])
		default:
			err = errDate
		}
		if err == nil && len(parts[0]) != 4 {
			err = errDate
		}
	}
	if err != nil {
		return "", errDate
	}
	return makePartialDate(y, m, d)
}

var errDate = Errorf(EINVALID, "date.invalid")

func atoi3(a, b, c string) (int, int, int, error) {
	var out [3]int
	for i, s := range []string{a, b, c} {
		if s == "" || len(s) > 4 {
			return 0, 0, 0, errDate
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return 0, 0, 0, errDate
		}
		out[i] = n
	}
	return out[0], out[1], out[2], nil
}

func makePartialDate(y, m, d int) (PartialDate, error) {
	if y < 1800 || y > 2200 || m < 0 || m > 12 || (m == 0 && d != 0) {
		return "", errDate
	}
	switch {
	case m == 0:
		return PartialDate(fmt.Sprintf("%04d", y)), nil
	case d == 0:
		return PartialDate(fmt.Sprintf("%04d-%02d", y, m)), nil
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", errDate
	}
	return PartialDate(t.Format("2006-01-02")), nil
}

// Valid reports whether d is empty or a well-formed ISO partial date.
func (d PartialDate) Valid() bool {
	p, err := ParsePartialDate(string(d))
	return err == nil && p == d
}

// Year returns the year of d, or 0 when d is empty.
func (d PartialDate) Year() int {
	y, _, _ := d.parts()
	return y
}

// IsZero reports whether the date is unknown.
func (d PartialDate) IsZero() bool { return d == "" }

// IsFull reports whether the date is known to the day.
func (d PartialDate) IsFull() bool { return len(d) == 10 }

// Earliest returns the first day the date can mean.
func (d PartialDate) Earliest() time.Time {
	y, m, day := d.parts()
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Latest returns the last day the date can mean.
func (d PartialDate) Latest() time.Time {
	y, m, day := d.parts()
	switch {
	case m == 0:
		return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	case day == 0:
		return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

func (d PartialDate) parts() (y, m, day int) {
	s := string(d)
	if len(s) >= 4 {
		y, _ = strconv.Atoi(s[0:4])
	}
	if len(s) >= 7 {
		m, _ = strconv.Atoi(s[5:7])
	}
	if len(s) >= 10 {
		day, _ = strconv.Atoi(s[8:10])
	}
	return y, m, day
}

// German formats the date as Germans write it: 31.12.2024, 12/2024, 2024.
func (d PartialDate) German() string {
	y, m, day := d.parts()
	switch {
	case d == "":
		return ""
	case m == 0:
		return fmt.Sprintf("%04d", y)
	case day == 0:
		return fmt.Sprintf("%02d/%04d", m, y)
	}
	return fmt.Sprintf("%02d.%02d.%04d", day, m, y)
}

// Before reports whether d certainly lies before e: every day d can mean is
// before every day e can mean. Unknown dates are never before anything.
func (d PartialDate) Before(e PartialDate) bool {
	if d == "" || e == "" {
		return false
	}
	return d.Latest().Before(e.Earliest())
}
