package ical_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/ical"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Rathaus, Raum 1; 2. OG", `Rathaus\, Raum 1\; 2. OG`},
		{`C:\Pfad`, `C:\\Pfad`},
		{"eins\nzwei\r\ndrei", `eins\nzwei\ndrei`},
		{"Glocke\x07", "Glocke"},
		{"Größe: Köln", "Größe: Köln"},
	} {
		if got := ical.Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// unfold undoes RFC 5545 folding: CRLF followed by one space or tab.
func unfold(s string) string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	return strings.ReplaceAll(s, "\r\n\t", "")
}

func TestFold(t *testing.T) {
	for _, l := range []string{
		"SUMMARY:kurz",
		"DESCRIPTION:" + strings.Repeat("x", 200),
		"DESCRIPTION:" + strings.Repeat("ä€𝄞", 60), // 2-, 3- and 4-octet characters across every boundary
	} {
		got := ical.Fold(l)
		if !strings.HasSuffix(got, "\r\n") {
			t.Errorf("%q does not end with CRLF", got)
		}
		for i, part := range strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n") {
			if len(part) > 75 {
				t.Errorf("line %d has %d octets, more than 75", i, len(part))
			}
			if i > 0 && !strings.HasPrefix(part, " ") {
				t.Errorf("continuation %d does not start with a space: %q", i, part)
			}
			if !utf8.ValidString(part) {
				t.Errorf("line %d splits a UTF-8 character: %q", i, part)
			}
		}
		if back := unfold(got); back != l+"\r\n" {
			t.Errorf("unfolded %q, want %q", back, l)
		}
	}
}

func TestWrite(t *testing.T) {
	start := time.Date(2027, 3, 5, 13, 0, 0, 0, time.UTC) // 14:00 in Berlin
	meetings := []*cdoatlas.Meeting{
		{ID: 7, Title: "Netzwerktreffen; Frühjahr, 2027", StartsAt: start, EndsAt: start.Add(2 * time.Hour), Mode: cdoatlas.MeetingInPerson,
			Address: "Rathaus Ulm, Marktplatz 1", Agenda: []string{"Begrüßung", "KI in der Verwaltung – Erfahrungen aus " + strings.Repeat("Kommunen, ", 10)}},
		{ID: 8, Title: "Online", StartsAt: start.AddDate(0, 1, 0), EndsAt: start.AddDate(0, 1, 0).Add(time.Hour), Mode: cdoatlas.MeetingVirtual,
			URL: "https://meet.example.org/cdo?room=1"},
	}
	out := string(ical.Write(ical.Calendar{Name: "Treffen", Host: "atlas.example", Now: start.Add(-time.Hour), Agenda: "Tagesordnung"}, meetings))
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\r") {
		t.Error("a line ends without CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i, len(l), l)
		}
	}
	lines := strings.Split(unfold(out), "\r\n")
	for _, want := range []string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:meeting-7@atlas.example", "DTSTAMP:20270305T120000Z",
		"DTSTART:20270305T130000Z", "DTEND:20270305T150000Z", `SUMMARY:Netzwerktreffen\; Frühjahr\, 2027`,
		`LOCATION:Rathaus Ulm\, Marktplatz 1`,
		`DESCRIPTION:Tagesordnung:\n1. Begrüßung\n2. KI in der Verwaltung – Erfahrungen aus ` + strings.Repeat(`Kommunen\, `, 10),
		"UID:meeting-8@atlas.example", "DTSTART:20270405T130000Z", "URL:https://meet.example.org/cdo?room=1", "END:VEVENT", "END:VCALENDAR",
	} {
		found := false
		for _, l := range lines {
			found = found || l == want
		}
		if !found {
			t.Errorf("no line %q in\n%s", want, out)
		}
	}
	if strings.Count(out, "BEGIN:VEVENT") != 2 || !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Errorf("not a calendar of two events:\n%s", out)
	}
}
