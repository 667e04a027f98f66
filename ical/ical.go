// Package ical writes meetings as iCalendar (RFC 5545): one VEVENT per
// meeting, times in UTC, lines ended by CRLF and folded at 75 octets, text
// escaped as §3.3.11 asks.
package ical

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

// Calendar is what Write puts around the events.
type Calendar struct {
	Name   string // X-WR-CALNAME, empty for none
	Host   string // the domain in the events' UIDs, e.g. "cdoatlas.example"
	Now    time.Time
	Agenda string // the heading of the agenda in DESCRIPTION, e.g. "Tagesordnung"
}

// Write returns the calendar with the meetings as events.
func Write(c Calendar, meetings []*cdoatlas.Meeting) []byte {
	var b bytes.Buffer
	line := func(name, value string) { b.WriteString(Fold(name + ":" + value)) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//cdoatlas//Treffen//DE")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", Escape(c.Name))
	}
	now := stamp(c.Now)
	for _, m := range meetings {
		line("BEGIN", "VEVENT")
		line("UID", "meeting-"+strconv.FormatInt(m.ID, 10)+"@"+c.Host)
		line("DTSTAMP", now)
		line("DTSTART", stamp(m.StartsAt))
		line("DTEND", stamp(m.EndsAt))
		line("SUMMARY", Escape(m.Title))
		if m.Address != "" {
			line("LOCATION", Escape(m.Address))
		}
		if m.URL != "" {
			line("URL", m.URL)
			line("LOCATION", Escape(m.URL))
		}
		if len(m.Agenda) > 0 {
			var d strings.Builder
			d.WriteString(c.Agenda + ":")
			for i, it := range m.Agenda {
				d.WriteString("\n" + strconv.Itoa(i+1) + ". " + it)
			}
			line("DESCRIPTION", Escape(d.String()))
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return b.Bytes()
}

func stamp(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// Escape escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon
// and comma get a backslash, a line break becomes \n; other control
// characters are dropped.
func Escape(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch r {
		case '\\', ';', ',':
			b.WriteRune('\\')
			b.WriteRune(r)
		case '\n', '\r':
			b.WriteString(`\n`)
		default:
			if r < 0x20 && r != '\t' || r == 0x7f {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Fold ends a content line with CRLF and folds it so that no line is
// longer than 75 octets, without splitting a UTF-8 character (§3.1):
// each continuation starts with a space.
func Fold(l string) string {
	var b strings.Builder
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n ")
		l = l[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(l)
	b.WriteString("\r\n")
	return b.String()
}
