package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// TestMyDataMeetings: a member's answers, attendance and seats in
// breakout plans are in their data and its download; after erasure the
// answer to a meeting to come is gone, and the past meeting and its plan
// keep the seat under the erased name, without the address.
func TestMyDataMeetings(t *testing.T) {
	e := newMailEnv(t)
	ctx := context.Background()
	n, core, _ := networkWithCall(t, e, 40)
	var seats []*cdoatlas.Membership
	for _, p := range []struct{ name, email string }{{"Erika Beispiel", "erika@example.org"}, {"Otto Anders", "otto@example.org"}} {
		m := &cdoatlas.Membership{CircleID: core.ID, PersonName: p.name, Email: p.email, OrganizationName: "Stadt Ulm", Kind: "municipality", Country: "DE"}
		if err := e.store.AddMember(ctx, m); err != nil {
			t.Fatal(err)
		}
		seats = append(seats, m)
	}
	erika := seats[0]
	meeting := func(title string, start time.Time) *cdoatlas.Meeting {
		m := &cdoatlas.Meeting{CircleID: core.ID, Title: title, StartsAt: start, EndsAt: start.Add(2 * time.Hour),
			Mode: cdoatlas.MeetingVirtual, URL: "https://meet.example.org/cdo"}
		if err := e.store.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	past := meeting("Wintertreffen", time.Now().Add(-3*time.Hour))
	next := meeting("Frühjahrstreffen", time.Now().Add(72*time.Hour))
	if err := e.store.RecordAttendance(ctx, past.ID, map[int64]bool{seats[0].ID: true, seats[1].ID: true}); err != nil {
		t.Fatal(err)
	}
	if err := e.store.SetAnswer(ctx, next.ID, erika.ID, cdoatlas.AnswerYes); err != nil {
		t.Fatal(err)
	}
	plan := &cdoatlas.BreakoutPlan{NetworkID: n.ID, MeetingID: &past.ID, Title: "Breakouts im Winter", HeldOn: "2026-12-01"}
	plan.Options.GroupSize = 2
	plan.Options.Moderators = []string{itoa(erika.ID)}
	for _, m := range seats {
		plan.Options.People = append(plan.Options.People, cdoatlas.BreakoutPerson(m, time.Now()))
	}
	if err := cdoatlas.MakeBreakoutPlan(plan, 2, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.store.CreateBreakoutPlan(ctx, plan); err != nil {
		t.Fatal(err)
	}

	b := e.anon()
	wantCode(t, b.submit("/my-data", "/my-data", url.Values{"email": {"erika@example.org"}}), http.StatusOK)
	e.deliver()
	link := linkIn(t, e.lastMail("erika@example.org"), "/my-data/")
	w := b.get(link)
	wantText(t, w, "Treffen Treffen Zeit Antwort Teilgenommen", "Frühjahrstreffen", "Ja Nicht erfasst",
		"Wintertreffen", "Noch keine Antwort Ja", "Plätze in Breakout-Plänen",
		"Breakouts im Winter (01.12.2026): Runde 1 – Gruppe 1 (Moderation); Runde 2 – Gruppe 1 (Moderation)")
	wantNoText(t, w, "Otto Anders")

	var export struct {
		Meetings []struct {
			MeetingID int64  `json:"meeting_id"`
			Answer    string `json:"answer"`
			Attended  *bool  `json:"attended"`
		} `json:"meetings"`
		Breakouts []struct {
			PlanID    int64                   `json:"plan_id"`
			MeetingID *int64                  `json:"meeting_id"`
			Seats     []cdoatlas.BreakoutSeat `json:"seats"`
		} `json:"breakouts"`
	}
	body := b.get(link + "/export.json").Body
	if err := json.Unmarshal(body.Bytes(), &export); err != nil {
		t.Fatal(err)
	}
	if len(export.Meetings) != 2 || export.Meetings[0].MeetingID != next.ID || export.Meetings[0].Answer != "yes" ||
		export.Meetings[1].Attended == nil || !*export.Meetings[1].Attended {
		t.Errorf("the download's meetings: %+v", export.Meetings)
	}
	if len(export.Breakouts) != 1 || export.Breakouts[0].PlanID != plan.ID || export.Breakouts[0].MeetingID == nil ||
		len(export.Breakouts[0].Seats) != 2 || !export.Breakouts[0].Seats[0].Moderator {
		t.Errorf("the download's breakout seats: %+v", export.Breakouts)
	}
	if strings.Contains(body.String(), "Otto") {
		t.Error("the download names another member")
	}

	wantCode(t, b.submit(link, link+"/erase", url.Values{"confirm": {"1"}}), http.StatusSeeOther)
	coord := e.coordinator(n.ID)
	w = coord.get("/meetings/" + itoa(next.ID))
	wantNoText(t, w, "Erika", "(gelöscht)")
	wantText(t, w, "Ja: 0, vielleicht: 0, nein: 0, ohne Antwort: 1")
	wantText(t, coord.get("/meetings/"+itoa(past.ID)), "(gelöscht) Noch keine Antwort", "Breakouts im Winter")
	w = coord.get("/breakouts/" + itoa(plan.ID))
	wantText(t, w, "(gelöscht) Moderation", "Otto Anders")
	wantNoText(t, w, "Erika")
	zoom := coord.get("/breakouts/" + itoa(plan.ID) + "/rounds/1/zoom.csv").Body.String()
	if strings.Contains(zoom, "erased-") || strings.Contains(zoom, "erika") || !strings.Contains(zoom, "otto@example.org") {
		t.Errorf("the Zoom file after erasure:\n%s", zoom)
	}
}
