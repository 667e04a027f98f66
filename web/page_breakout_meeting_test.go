package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// planPeople returns the membership IDs a plan seats, sorted.
func planPeople(p *cdoatlas.BreakoutPlan) []string {
	var ids []string
	for _, q := range p.Options.People {
		ids = append(ids, q.ID)
	}
	slices.Sort(ids)
	return ids
}

// meetingPlanForm is the form of a meeting's new plan with everyone it
// offers checked, in groups of two for two rounds.
func meetingPlanForm(t *testing.T, b *browser, path string) url.Values {
	t.Helper()
	w := b.get(path)
	wantCode(t, w, http.StatusOK)
	form := url.Values{"group_size": {"2"}, "rounds": {"2"}}
	for _, m := range regexpAll(`name="person" value="(\d+)"`, w.Body.String()) {
		form.Add("person", m)
	}
	for _, k := range []string{"title", "held_on"} {
		if v := regexpAll(`name="`+k+`" value="([^"]*)"`, w.Body.String()); len(v) == 1 {
			form.Set(k, v[0])
		}
	}
	return form
}

// TestMeetingBreakoutPlan: from the page of a meeting a coordinator plans
// its breakout rounds for those who said yes; after the meeting the plan
// is planned for those recorded as attending; the meeting keeps it and
// shows it to coordinators and the people in it.
func TestMeetingBreakoutPlan(t *testing.T) {
	e := newVoteEnv(t, 4)
	ctx := context.Background()
	id := func(i int) string { return itoa(e.seats[i].ID) }

	t.Run("BeforeAttendance", func(t *testing.T) {
		m := e.storeMeeting(t, e.core.ID, "Frühjahrstreffen", time.Now().Add(72*time.Hour))
		for i, a := range []string{"yes", "yes", "yes", "no"} {
			if err := e.store.SetAnswer(ctx, m.ID, e.seats[i].ID, a); err != nil {
				t.Fatal(err)
			}
		}
		path := "/meetings/" + itoa(m.ID)
		newPath := path + "/breakout/new"
		w := e.coordinator.get(path)
		wantText(t, w, "Noch kein Breakout-Plan. Ein Plan setzt die 3 Teilnehmenden")
		if !strings.Contains(w.Body.String(), `href="`+newPath+`"`) {
			t.Error("the meeting page does not link to a new plan")
		}
		form := meetingPlanForm(t, e.coordinator, newPath)
		if got, want := form["person"], []string{id(0), id(1), id(2)}; !sameSet(got, want) {
			t.Errorf("the form offers %v, want those who said yes %v", got, want)
		}
		if form.Get("title") != "Frühjahrstreffen" {
			t.Errorf("the form's title %q, want the meeting's", form.Get("title"))
		}
		wantNoText(t, e.coordinator.get(newPath), "Mitglied Nummer3", "Außen Stehend")

		w = e.coordinator.submit(newPath, newPath, form)
		plan := e.coordinator.follow(w)
		wantText(t, plan, "Der Breakout-Plan ist gespeichert.", "Treffen Frühjahrstreffen", "Mitglied Nummer0")
		p, err := e.store.FindMeetingBreakoutPlan(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := planPeople(p); !slices.Equal(got, sortedIDs(id(0), id(1), id(2))) || p.MeetingID == nil || *p.MeetingID != m.ID {
			t.Errorf("the plan seats %v for meeting %v", got, p.MeetingID)
		}
		// The meeting page links its plan, for the coordinator and for a
		// member in it; a member who is not in it does not see it.
		link := `href="/breakouts/` + itoa(p.ID) + `"`
		for _, b := range []*browser{e.coordinator, e.members[0]} {
			if !strings.Contains(b.get(path).Body.String(), link) {
				t.Errorf("%s: the meeting page does not link its plan", b.user.Email)
			}
		}
		if w := e.members[3].get(path); strings.Contains(w.Body.String(), link) || strings.Contains(text(w.Body.String()), "Breakout-Runden") {
			t.Error("a member who is not in the plan sees it on the meeting page")
		}
		// A meeting has one plan: the form leads to it.
		if w := e.coordinator.get(newPath); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/breakouts/"+itoa(p.ID) {
			t.Errorf("the form of a second plan: status %d, Location %q", w.Code, w.Header().Get("Location"))
		}
		wantCode(t, e.members[0].get(newPath), http.StatusForbidden)
	})

	t.Run("AfterAttendance", func(t *testing.T) {
		m := e.storeMeeting(t, e.core.ID, "Wintertreffen", time.Now().Add(-2*time.Hour))
		if err := e.store.RecordAttendance(ctx, m.ID, map[int64]bool{e.seats[0].ID: true, e.seats[1].ID: false,
			e.seats[2].ID: true, e.seats[3].ID: true}); err != nil {
			t.Fatal(err)
		}
		path := "/meetings/" + itoa(m.ID)
		newPath := path + "/breakout/new"
		form := meetingPlanForm(t, e.coordinator, newPath)
		if got, want := form["person"], []string{id(0), id(2), id(3)}; !sameSet(got, want) {
			t.Errorf("the form offers %v, want those recorded as attending %v", got, want)
		}
		// Someone not attending cannot be slipped in.
		form.Add("person", id(1))
		e.coordinator.follow(e.coordinator.submit(newPath, newPath, form))
		p, err := e.store.FindMeetingBreakoutPlan(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := planPeople(p); !slices.Equal(got, sortedIDs(id(0), id(2), id(3))) {
			t.Errorf("the plan seats %v, want the attendees only", got)
		}
		// The past meeting keeps its plan on its page.
		wantText(t, e.members[2].get(path), "Breakout-Runden Wintertreffen", "2 Runden, 3 Teilnehmende, 0 Wiederholungen")
	})
}

func sortedIDs(ids ...string) []string { slices.Sort(ids); return ids }

func sameSet(a, b []string) bool {
	return slices.Equal(sortedIDs(slices.Clone(a)...), sortedIDs(slices.Clone(b)...))
}

// TestBreakoutPlanChange: a coordinator renames a plan, sets moderators
// and pairs and has it planned anew (the repeats the page shows are
// counted anew), and deletes it; members cannot.
func TestBreakoutPlanChange(t *testing.T) {
	be := newBreakoutEnv(t)
	ctx := context.Background()
	be.create(t, "Frühjahrstreffen", 3)
	p := be.create(t, "Herbsttreffen", 3)
	path := "/breakouts/" + itoa(p.ID)
	edit := path + "/edit"
	a, b, c, d := itoa(be.members[0].ID), itoa(be.members[1].ID), itoa(be.members[2].ID), itoa(be.members[3].ID)

	t.Run("Rename", func(t *testing.T) {
		w := be.coord.follow(be.coord.submit(edit, path+"/rename", url.Values{"title": {"Herbsttreffen in Ulm"}, "held_on": {"2027-10-05"}}))
		wantText(t, w, "Titel und Datum sind gespeichert.", "Herbsttreffen in Ulm", "05.10.2027")
		w = be.coord.submit(edit, path+"/rename", url.Values{"title": {""}, "held_on": {"2027-10-05"}})
		wantCode(t, w, http.StatusUnprocessableEntity)
		if got, _ := be.e.store.FindBreakoutPlanByID(ctx, p.ID); got.Title != "Herbsttreffen in Ulm" || !slices.Equal(got.Rounds[0][0], p.Rounds[0][0]) {
			t.Errorf("after the renames the plan is %q with round 1 %v, want the rounds kept", got.Title, got.Rounds[0])
		}
	})

	t.Run("Replan", func(t *testing.T) {
		if f := figures(t, be.coord.get(path).Body.String()); f["repeats"] != 0 {
			t.Fatalf("before: %v, want no repeats", f)
		}
		// A and B always together: in three rounds they meet twice more.
		form := url.Values{"moderator": {c, d}, "together_a_1": {a}, "together_b_1": {b}, "apart_a_1": {c}, "apart_b_1": {a}}
		w := be.coord.follow(be.coord.submit(edit, path+"/replan", form))
		wantText(t, w, "Der Plan ist neu geplant; die Wiederholungen sind neu gezählt.")
		f := figures(t, w.Body.String())
		got, err := be.e.store.FindBreakoutPlanByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if f["within-repeats"] < 2 || f["within-repeats"] != got.WithinRepeats || f["repeats"] != got.Repeats() {
			t.Errorf("the page shows %v, the plan %d within and %d in all; want at least 2 within", f, got.WithinRepeats, got.Repeats())
		}
		if !slices.Equal(got.Options.Moderators, []string{c, d}) || len(got.Options.Together) != 1 || len(got.Options.Apart) != 1 {
			t.Errorf("stored options %+v", got.Options)
		}
		for ri, round := range got.Rounds {
			for _, g := range round {
				switch {
				case slices.Contains(g, a) != slices.Contains(g, b):
					t.Errorf("round %d: A and B apart in %v", ri+1, round)
				case slices.Contains(g, c) && (slices.Contains(g, d) || slices.Contains(g, a)):
					t.Errorf("round %d: C shares a group with D or A: %v", ri+1, g)
				}
			}
		}
		// The edit page shows the stored settings.
		body := be.coord.get(edit).Body.String()
		if !strings.Contains(body, `id="moderates-`+c+`" name="moderator" value="`+c+`" checked`) ||
			!strings.Contains(body, `name="together_a_1">`) || !strings.Contains(body, `<option value="`+a+`" selected>`) {
			t.Error("the edit page does not show the moderators and pairs")
		}
		// A pair of one person is refused and changes nothing.
		w = be.coord.submit(edit, path+"/replan", url.Values{"apart_a_1": {a}, "apart_b_1": {a}})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Ein Paar braucht zwei verschiedene Teilnehmende.")
		if again, _ := be.e.store.FindBreakoutPlanByID(ctx, p.ID); len(again.Options.Together) != 1 {
			t.Error("a refused change altered the plan")
		}
	})

	t.Run("ErrMember", func(t *testing.T) {
		wantCode(t, be.member.get(edit), http.StatusForbidden)
		token := csrfTokenIn(t, be.member.get(path).Body.String())
		for _, action := range []string{"/rename", "/replan", "/delete"} {
			wantCode(t, be.member.post(path+action, url.Values{csrfField: {token}, "title": {"Gekapert"}}), http.StatusForbidden)
		}
		// Without a CSRF token even the coordinator is refused.
		if w := be.coord.post(path+"/delete", url.Values{}); w.Code != http.StatusForbidden {
			t.Errorf("delete without a CSRF token: status %d, want 403", w.Code)
		}
		if _, err := be.e.store.FindBreakoutPlanByID(ctx, p.ID); err != nil {
			t.Errorf("the plan is gone after refused requests: %v", err)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		wantText(t, be.coord.get(path+"/delete"), "Breakout-Plan Herbsttreffen in Ulm löschen?")
		w := be.coord.submit(path+"/delete", path+"/delete", url.Values{})
		if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != "/networks/"+itoa(be.network.ID)+"/breakouts" {
			t.Fatalf("status %d, Location %q", w.Code, loc)
		}
		list := be.coord.follow(w)
		wantText(t, list, "Der Breakout-Plan ist gelöscht.", "Frühjahrstreffen")
		wantNoText(t, list, "Herbsttreffen in Ulm")
		wantCode(t, be.coord.get(path), http.StatusNotFound)
	})
}

// regexpAll returns the first group of every match of expr in s.
func regexpAll(expr, s string) []string {
	var out []string
	for _, m := range regexp.MustCompile(expr).FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}
