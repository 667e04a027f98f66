package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// breakoutEnv is a network with a circle of eight members, one of whom
// has an account, and a coordinator.
type breakoutEnv struct {
	e       *pageEnv
	network *cdoatlas.Network
	members []*cdoatlas.Membership
	coord   *browser
	member  *browser // holds the first membership
}

func newBreakoutEnv(t *testing.T) *breakoutEnv {
	t.Helper()
	e := newPageEnv(t)
	ctx := context.Background()
	be := &breakoutEnv{e: e, network: &cdoatlas.Network{Name: "CDO-Kreis"}}
	if err := e.store.CreateNetwork(ctx, be.network); err != nil {
		t.Fatal(err)
	}
	c := &cdoatlas.Circle{NetworkID: be.network.ID, Name: "Kernkreis"}
	if err := e.store.CreateCircle(ctx, c); err != nil {
		t.Fatal(err)
	}
	be.member = e.as(cdoatlas.UserMember)
	for i := range 8 {
		email := fmt.Sprintf("person%d@example.org", i+1)
		if i == 0 {
			email = be.member.user.Email
		}
		m := &cdoatlas.Membership{CircleID: c.ID, PersonName: fmt.Sprintf("Person %c", 'A'+i), Email: email,
			OrganizationName: "Stadt Ulm", Kind: "municipality", Country: "DE"}
		if err := e.store.AddMember(ctx, m); err != nil {
			t.Fatal(err)
		}
		be.members = append(be.members, m)
	}
	be.coord = e.coordinator(be.network.ID)
	return be
}

// create submits the form of a new plan of everyone in groups of two and
// returns the saved plan.
func (be *breakoutEnv) create(t *testing.T, title string, rounds int) *cdoatlas.BreakoutPlan {
	t.Helper()
	form := url.Values{"title": {title}, "held_on": {"2027-03-01"}, "group_size": {"2"}, "rounds": {strconv.Itoa(rounds)}, "goal": {"country", "new"}}
	for _, m := range be.members {
		form.Add("person", itoa(m.ID))
	}
	newPath := "/networks/" + itoa(be.network.ID) + "/breakouts/new"
	w := be.coord.submit(newPath, newPath, form)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("create %s: status %d, want a redirect:\n%s", title, w.Code, text(w.Body.String()))
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(w.Header().Get("Location"), "/breakouts/"), 10, 64)
	if err != nil {
		t.Fatalf("redirect to %q, want the plan", w.Header().Get("Location"))
	}
	page := text(be.coord.follow(w).Body.String())
	for _, want := range []string{"Der Breakout-Plan ist gespeichert.", title, "Runde 1 – Gruppe 1", "Person A", "Person H", "01.03.2027"} {
		if !strings.Contains(page, want) {
			t.Errorf("the new plan's page lacks %q:\n%s", want, page)
		}
	}
	p, err := be.e.store.FindBreakoutPlanByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// pairs returns the pairs that share a group in rounds.
func pairs(rounds [][][]string) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, round := range rounds {
		for _, g := range round {
			for i, a := range g {
				for _, b := range g[i+1:] {
					out[[2]string{min(a, b), max(a, b)}] = true
				}
			}
		}
	}
	return out
}

var figureRE = regexp.MustCompile(`<dd id="(repeats|within-repeats|history-repeats)">(\d+)</dd>`)

// figures reads the repeats a plan page shows.
func figures(t *testing.T, body string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, m := range figureRE.FindAllStringSubmatch(body, -1) {
		out[m[1]], _ = strconv.Atoi(m[2])
	}
	if len(out) != 3 {
		t.Fatalf("the plan page shows the figures %v, want repeats, within and history", out)
	}
	return out
}

// TestBreakoutPlanFlow: a coordinator plans two meetings, the second
// avoids the pairs of the first; a hand edit recounts the repeats; the
// Zoom file pre-assigns everyone of a round.
func TestBreakoutPlanFlow(t *testing.T) {
	be := newBreakoutEnv(t)
	first := be.create(t, "Frühjahrstreffen", 3)
	second := be.create(t, "Herbsttreffen", 3)

	t.Run("HistoryAvoided", func(t *testing.T) {
		// Eight people in pairs can meet seven times without a repeat;
		// six rounds over two meetings leave room for no repeat at all.
		before := pairs(first.Rounds)
		for p := range pairs(second.Rounds) {
			if before[p] {
				t.Errorf("pair %v meets again in the second plan", p)
			}
		}
		f := figures(t, be.coord.get("/breakouts/"+itoa(second.ID)).Body.String())
		if f["history-repeats"] != 0 || f["repeats"] != 0 {
			t.Errorf("the second plan shows %v, want no repeats", f)
		}
	})

	t.Run("HandEdit", func(t *testing.T) {
		path := "/breakouts/" + itoa(first.ID)
		if f := figures(t, be.coord.get(path).Body.String()); f["within-repeats"] != 0 {
			t.Fatalf("the first plan shows %v before the edit, want no repeats", f)
		}
		// Move someone in round 2 into the group of whom they met in round 1.
		mover := first.Rounds[0][0][0]
		partner := first.Rounds[0][0][1]
		group := slices.IndexFunc(first.Rounds[1], func(g []string) bool { return slices.Contains(g, partner) })
		w := be.coord.submit(path, path+"/move", url.Values{"round": {"2"}, "person": {mover}, "group": {strconv.Itoa(group + 1)}})
		page := be.coord.follow(w).Body.String()
		if !strings.Contains(text(page), "die Wiederholungen sind neu gezählt") {
			t.Errorf("no confirmation of the edit:\n%s", text(page))
		}
		f := figures(t, page)
		saved, err := be.e.store.FindBreakoutPlanByID(context.Background(), first.ID)
		if err != nil {
			t.Fatal(err)
		}
		if f["within-repeats"] < 1 || f["within-repeats"] != saved.WithinRepeats || !slices.Contains(saved.Rounds[1][group], mover) {
			t.Errorf("after the move the page shows %v, the plan has %d within repeats and round 2 %v; want at least one repeat",
				f, saved.WithinRepeats, saved.Rounds[1])
		}
		// Swapping them back out of the group removes the repeat again.
		back := slices.IndexFunc(saved.Rounds[1], func(g []string) bool { return !slices.Contains(g, mover) && len(g) == 1 })
		if back < 0 {
			t.Fatalf("no group of one left in round 2: %v", saved.Rounds[1])
		}
		w = be.coord.submit(path, path+"/move", url.Values{"round": {"2"}, "person": {mover}, "group": {strconv.Itoa(back + 1)}})
		if f := figures(t, be.coord.follow(w).Body.String()); f["within-repeats"] != 0 {
			t.Errorf("after moving back the page shows %v, want no repeats", f)
		}
	})

	t.Run("ZoomCSV", func(t *testing.T) {
		w := be.coord.get("/breakouts/" + itoa(second.ID) + "/rounds/2/zoom.csv")
		if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") {
			t.Fatalf("status %d, type %q", w.Code, w.Header().Get("Content-Type"))
		}
		rows, err := csv.NewReader(strings.NewReader(w.Body.String())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 || !slices.Equal(rows[0], []string{"Pre-assign Room Name", "Email Address"}) {
			t.Fatalf("header %v, want Zoom's", rows[:min(1, len(rows))])
		}
		room := map[string]string{}
		for _, row := range rows[1:] {
			room[row[1]] = row[0]
		}
		if len(rows) != 9 || len(room) != 8 {
			t.Errorf("%d rows for %d addresses, want a header and one row for each of 8 people", len(rows), len(room))
		}
		for gi, g := range second.Rounds[1] {
			want := fmt.Sprintf("Runde 2 – Gruppe %d", gi+1)
			for _, id := range g {
				for _, m := range be.members {
					if itoa(m.ID) == id && room[m.Email] != want {
						t.Errorf("%s is in room %q, want %q", m.Email, room[m.Email], want)
					}
				}
			}
		}
	})

	t.Run("Visibility", func(t *testing.T) {
		path := "/breakouts/" + itoa(first.ID)
		// A member in the plan sees the names, not the addresses.
		w := be.member.get(path)
		if page := text(w.Body.String()); w.Code != http.StatusOK || !strings.Contains(page, "Person B") || strings.Contains(page, "person2@example.org") {
			t.Errorf("the member in the plan: status %d, page:\n%s", w.Code, page)
		}
		if w := be.member.get(path + "/rounds/1/zoom.csv"); w.Code != http.StatusForbidden {
			t.Errorf("the member in the plan gets the Zoom file: status %d", w.Code)
		}
		if w := be.member.get(path + "/rounds/1/groups.csv"); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "Person B") {
			t.Errorf("the member in the plan: groups CSV status %d", w.Code)
		}
		// Someone else sees neither the plan nor its names.
		other := be.e.as(cdoatlas.UserMember)
		for _, p := range []string{path, path + "/print", path + "/rounds/1/groups.csv", "/networks/" + itoa(be.network.ID) + "/breakouts"} {
			w := other.get(p)
			if w.Code != http.StatusForbidden && w.Code != http.StatusNotFound {
				t.Errorf("GET %s as a non-member: status %d, want 403 or 404", p, w.Code)
			}
			if strings.Contains(w.Body.String(), "Person B") || strings.Contains(w.Body.String(), "Frühjahrstreffen") {
				t.Errorf("GET %s as a non-member shows the plan", p)
			}
		}
	})
}

// TestBreakoutFormErrors: the form names what is wrong and keeps what was
// typed.
func TestBreakoutFormErrors(t *testing.T) {
	be := newBreakoutEnv(t)
	newPath := "/networks/" + itoa(be.network.ID) + "/breakouts/new"
	a, b := itoa(be.members[0].ID), itoa(be.members[1].ID)
	w := be.coord.submit(newPath, newPath, url.Values{"title": {"Treffen"}, "group_size": {"1"}, "rounds": {"2"}, "person": {a, b},
		"apart_a_1": {a}, "apart_b_1": {a}})
	page := text(w.Body.String())
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", w.Code)
	}
	for _, want := range []string{"Die Gruppengröße muss 2 oder mehr sein.", "Ein Paar braucht zwei verschiedene Teilnehmende."} {
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %q:\n%s", want, page)
		}
	}
	if !strings.Contains(w.Body.String(), `value="Treffen"`) {
		t.Error("the title typed is lost")
	}
	plans, _ := be.e.store.FindBreakoutPlans(context.Background(), be.network.ID)
	if len(plans) != 0 {
		t.Errorf("%d plans saved from a form with errors", len(plans))
	}
}

// TestBreakoutDates: the plan's date reads as German pages write dates on
// the plan, its print view and the network's list.
func TestBreakoutDates(t *testing.T) {
	be := newBreakoutEnv(t)
	p := be.create(t, "Frühjahrstreffen", 1)
	for _, path := range []string{"/breakouts/" + itoa(p.ID), "/breakouts/" + itoa(p.ID) + "/print", "/networks/" + itoa(be.network.ID) + "/breakouts"} {
		w := be.coord.get(path)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "01.03.2027") || strings.Contains(w.Body.String(), "2027-03-01") {
			t.Errorf("GET %s: status %d, want the date as 01.03.2027", path, w.Code)
		}
	}
}
