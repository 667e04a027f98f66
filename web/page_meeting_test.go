package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// storeMeeting stores a virtual meeting of circle from start, for two hours.
func (e *voteEnv) storeMeeting(t *testing.T, circle int64, title string, start time.Time) *cdoatlas.Meeting {
	t.Helper()
	m := &cdoatlas.Meeting{CircleID: circle, Title: title, StartsAt: start, EndsAt: start.Add(2 * time.Hour),
		Mode: cdoatlas.MeetingVirtual, URL: "https://meet.example.org/cdo", Agenda: []string{"Begrüßung"}}
	if err := e.store.CreateMeeting(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMeetingCreateForm(t *testing.T) {
	e := newVoteEnv(t, 2)
	ctx := context.Background()
	newPath := "/networks/" + itoa(e.network.ID) + "/meetings/new"
	// A closed vote ranked OZG before KI.
	v := e.newVote(t, false, "KI", "OZG")
	for _, seat := range e.seats {
		if err := e.store.CastBallot(ctx, v.ID, seat.ID, cdoatlas.Ranks{{v.Options[1].ID}, {v.Options[0].ID}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.store.CloseVote(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	form := url.Values{"title": {"Frühjahrstreffen"}, "circle_id": {itoa(e.core.ID)}, "starts_at": {"2030-03-05T14:00"},
		"ends_at": {"2030-03-05T16:00"}, "mode": {"in_person"}, "address": {"Rathaus Ulm, Marktplatz 1"}, "agenda": {"Begrüßung"},
		"vote_id": {itoa(v.ID)}, "top": {"2"}, "take": {"1"}}
	w := e.coordinator.submit(newPath, newPath, form)
	wantCode(t, w, http.StatusOK)
	agenda := regexp.MustCompile(`(?s)<textarea id="meeting-agenda"[^>]*>(.*?)</textarea>`).FindStringSubmatch(w.Body.String())
	if agenda == nil || strings.TrimSpace(agenda[1]) != "Begrüßung\nOZG\nKI" {
		t.Fatalf("agenda after taking over the top 2 topics: %q, want Begrüßung, OZG, KI", agenda)
	}
	if ms, _ := e.store.FindMeetings(ctx, e.network.ID); len(ms) != 0 {
		t.Fatal("taking over topics saved the meeting")
	}
	form.Del("take")
	form.Set("agenda", strings.TrimSpace(agenda[1]))
	w = e.coordinator.follow(e.coordinator.submit(newPath, newPath, form))
	wantText(t, w, "Frühjahrstreffen", "05.03.2030 14:00 bis 05.03.2030 16:00", "Rathaus Ulm, Marktplatz 1", "Kernkreis")
	ms, err := e.store.FindMeetings(ctx, e.network.ID)
	if err != nil || len(ms) != 1 {
		t.Fatalf("meetings %v, %v", ms, err)
	}
	if want := time.Date(2030, 3, 5, 13, 0, 0, 0, time.UTC); !ms[0].StartsAt.Equal(want) {
		t.Errorf("stored start %v, want %v (14:00 in Berlin)", ms[0].StartsAt, want)
	}
	if got := strings.Join(ms[0].Agenda, "|"); got != "Begrüßung|OZG|KI" {
		t.Errorf("stored agenda %q", got)
	}
	t.Run("ErrHTTPLink", func(t *testing.T) {
		bad := url.Values{"title": {"Online"}, "circle_id": {itoa(e.core.ID)}, "starts_at": {"2030-03-05T14:00"},
			"ends_at": {"2030-03-05T16:00"}, "mode": {"virtual"}, "url": {"http://meet.example.org"}}
		w := e.coordinator.submit(newPath, newPath, bad)
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "https://")
	})
	t.Run("ErrMember", func(t *testing.T) {
		wantCode(t, e.members[0].get(newPath), http.StatusForbidden)
	})
	// The network page and the members' area link to the meetings.
	if !strings.Contains(e.coordinator.get("/networks/"+itoa(e.network.ID)).Body.String(), `href="/networks/`+itoa(e.network.ID)+`/meetings"`) {
		t.Error("the network page does not link to its meetings")
	}
	if !strings.Contains(e.members[0].get("/members").Body.String(), `href="/networks/`+itoa(e.network.ID)+`/meetings"`) {
		t.Error("the members' area does not link to the meetings")
	}
}

func TestMeetingAnswers(t *testing.T) {
	e := newVoteEnv(t, 2)
	m := e.storeMeeting(t, e.core.ID, "Netzwerktreffen", time.Now().Add(72*time.Hour))
	e.storeMeeting(t, e.open.ID, "Treffen des offenen Kreises", time.Now().Add(72*time.Hour))
	path := "/meetings/" + itoa(m.ID)

	list := e.members[0].get("/networks/" + itoa(e.network.ID) + "/meetings")
	wantText(t, list, "Netzwerktreffen")
	if strings.Contains(text(list.Body.String()), "offenen Kreises") {
		t.Error("a member sees the meeting of a circle they are not in")
	}
	w := e.members[0].follow(e.members[0].submit(path, path+"/answer", url.Values{"answer": {"yes"}}))
	wantText(t, w, "Ihre Antwort ist gespeichert", "Ihre Antwort Ja")
	w = e.members[0].follow(e.members[0].submit(path, path+"/answer", url.Values{"answer": {"maybe"}}))
	wantText(t, w, "Ihre Antwort Vielleicht", "Ja: 0, vielleicht: 1, nein: 0, ohne Antwort: 1")

	// Coordinators see who answered what.
	wantText(t, e.coordinator.get(path), "Mitglied Nummer0 Vielleicht", "Mitglied Nummer1 Noch keine Antwort")

	t.Run("ErrNotInvited", func(t *testing.T) {
		wantCode(t, e.outsider.get(path), http.StatusForbidden)
		token := csrfTokenIn(t, e.outsider.get("/members").Body.String())
		wantCode(t, e.outsider.post(path+"/answer", url.Values{csrfField: {token}, "answer": {"yes"}}), http.StatusForbidden)
		wantCode(t, e.coordinator.submit(path, path+"/answer", url.Values{"answer": {"yes"}}), http.StatusForbidden)
		if strings.Contains(e.outsider.get(path).Body.String(), "Mitglied Nummer0") {
			t.Error("an outsider sees the names of the invitees")
		}
	})
	t.Run("Download", func(t *testing.T) {
		w := e.members[1].get(path + "/meeting.ics")
		wantCode(t, w, http.StatusOK)
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/calendar") {
			t.Errorf("Content-Type %q", ct)
		}
		body := w.Body.String()
		for _, want := range []string{"BEGIN:VEVENT\r\n", "SUMMARY:Netzwerktreffen\r\n", "DTSTART:" + m.StartsAt.UTC().Format("20060102T150405Z") + "\r\n",
			"URL:https://meet.example.org/cdo\r\n", "DESCRIPTION:Tagesordnung:\\n1. Begrüßung\r\n"} {
			if !strings.Contains(body, want) {
				t.Errorf("the .ics lacks %q:\n%s", want, body)
			}
		}
		if strings.Contains(body, "Mitglied Nummer") {
			t.Error("the .ics names members")
		}
		wantCode(t, e.outsider.get(path+"/meeting.ics"), http.StatusForbidden)
	})
}

func TestMeetingAttendance(t *testing.T) {
	e := newVoteEnv(t, 3)
	m := e.storeMeeting(t, e.core.ID, "Wintertreffen", time.Now().Add(-3*time.Hour))
	path := "/meetings/" + itoa(m.ID)

	// After the start members can no longer answer, nor can the meeting change.
	w := e.members[0].get(path)
	wantText(t, w, "Das Treffen hat begonnen")
	if strings.Contains(w.Body.String(), `action="`+path+`/answer"`) {
		t.Error("the answer form is shown after the start")
	}
	wantCode(t, e.members[0].post(path+"/answer", url.Values{csrfField: {csrfTokenIn(t, w.Body.String())}, "answer": {"yes"}}), http.StatusConflict)
	wantCode(t, e.coordinator.get(path+"/edit"), http.StatusConflict)

	form := url.Values{"member": {itoa(e.seats[0].ID), itoa(e.seats[1].ID)}, "attended-" + itoa(e.seats[0].ID): {"1"}}
	w = e.coordinator.follow(e.coordinator.submit(path, path+"/attendance", form))
	wantText(t, w, "Die Teilnahme ist gespeichert")
	if !strings.Contains(w.Body.String(), `name="attended-`+itoa(e.seats[0].ID)+`" value="1" checked`) ||
		strings.Contains(w.Body.String(), `name="attended-`+itoa(e.seats[1].ID)+`" value="1" checked`) {
		t.Error("the attendance form does not show what was recorded")
	}
	// A member reads the record; the third was not recorded.
	wantText(t, e.members[2].get(path), "Mitglied Nummer0 Noch keine Antwort Ja", "Mitglied Nummer1 Noch keine Antwort Nein",
		"Mitglied Nummer2 Noch keine Antwort Nicht erfasst", "Begrüßung")
	t.Run("ErrMemberRecords", func(t *testing.T) {
		wantCode(t, e.members[0].submit(path, path+"/attendance", form), http.StatusForbidden)
	})
	t.Run("ErrBeforeStart", func(t *testing.T) {
		next := e.storeMeeting(t, e.core.ID, "Frühjahrstreffen", time.Now().Add(48*time.Hour))
		p := "/meetings/" + itoa(next.ID)
		wantCode(t, e.coordinator.submit(p, p+"/attendance", form), http.StatusConflict)
	})
}

var feedURL = regexp.MustCompile(`value="(https?://[^"]+/calendar/([^"]+))"`)

func TestCalendarFeedPages(t *testing.T) {
	e := newVoteEnv(t, 1)
	mine := e.storeMeeting(t, e.core.ID, "Netzwerktreffen", time.Now().Add(72*time.Hour))
	e.storeMeeting(t, e.open.ID, "Treffen des offenen Kreises", time.Now().Add(72*time.Hour))
	member := e.members[0]
	w := member.submit("/members", "/members/calendar", url.Values{})
	wantCode(t, w, http.StatusOK)
	m := feedURL.FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatalf("no feed address on the page:\n%s", w.Body)
	}
	feed := "/calendar/" + m[2]
	got := e.anon().get(feed)
	wantCode(t, got, http.StatusOK)
	body := got.Body.String()
	if !strings.Contains(body, "UID:meeting-"+itoa(mine.ID)+"@") || strings.Contains(body, "offenen Kreises") {
		t.Errorf("the feed should list the member's meeting only:\n%s", body)
	}
	if strings.Contains(body, "Mitglied Nummer") {
		t.Error("the feed names members")
	}
	wantText(t, member.get("/members"), "Sie haben eine Abo-Adresse")

	w = member.follow(member.submit("/members", "/members/calendar/revoke", url.Values{}))
	wantText(t, w, "Das Kalender-Abo ist beendet")
	wantCode(t, e.anon().get(feed), http.StatusNotFound)
	if strings.Contains(text(w.Body.String()), "Sie haben eine Abo-Adresse") {
		t.Error("the members' area still shows a feed after the revocation")
	}
}

func TestMeetingEdit(t *testing.T) {
	e := newVoteEnv(t, 1)
	start := time.Date(2030, 7, 1, 8, 30, 0, 0, time.UTC) // 10:30 in Berlin (summer time)
	m := e.storeMeeting(t, e.core.ID, "Sommertreffen", start)
	edit := "/meetings/" + itoa(m.ID) + "/edit"
	w := e.coordinator.get(edit)
	wantCode(t, w, http.StatusOK)
	if !strings.Contains(w.Body.String(), `value="2030-07-01T10:30"`) {
		t.Error("the edit form does not show the start in Berlin time")
	}
	form := url.Values{"title": {"Sommertreffen in Ulm"}, "starts_at": {"2030-07-01T10:30"}, "ends_at": {"2030-07-01T12:30"},
		"mode": {"in_person"}, "address": {"Rathaus Ulm"}, "agenda": {"Begrüßung\r\nRückblick"}}
	w = e.coordinator.follow(e.coordinator.submit(edit, edit, form))
	wantText(t, w, "Sommertreffen in Ulm", "Vor Ort", "Rathaus Ulm", "Tagesordnung Begrüßung Rückblick")
	got, err := e.store.FindMeetingByID(context.Background(), m.ID)
	if err != nil || got.URL != "" || strings.Join(got.Agenda, "|") != "Begrüßung|Rückblick" || !got.StartsAt.Equal(start) {
		t.Errorf("stored %+v, %v", got, err)
	}
	t.Run("ErrOtherEditor", func(t *testing.T) {
		wantCode(t, e.as(cdoatlas.UserEditor).get(edit), http.StatusForbidden)
	})
}
