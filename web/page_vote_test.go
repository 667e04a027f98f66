package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// voteEnv is a network with a core circle of members who have accounts,
// a coordinator, an admin and an outsider (a member of the open circle).
type voteEnv struct {
	*pageEnv
	network     *cdoatlas.Network
	core, open  *cdoatlas.Circle
	members     []*browser
	seats       []*cdoatlas.Membership
	coordinator *browser
	admin       *browser
	outsider    *browser
}

func newVoteEnv(t *testing.T, members int) *voteEnv {
	t.Helper()
	ctx := context.Background()
	e := &voteEnv{pageEnv: newPageEnv(t)}
	e.network = &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := e.store.CreateNetwork(ctx, e.network); err != nil {
		t.Fatal(err)
	}
	e.core = &cdoatlas.Circle{NetworkID: e.network.ID, Name: "Kernkreis"}
	e.open = &cdoatlas.Circle{NetworkID: e.network.ID, Name: "Offener Kreis"}
	for _, c := range []*cdoatlas.Circle{e.core, e.open} {
		if err := e.store.CreateCircle(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	seat := func(b *browser, circle int64, name string) *cdoatlas.Membership {
		m := &cdoatlas.Membership{CircleID: circle, PersonName: name, Email: b.user.Email, OrganizationName: "Stadt Ulm", Kind: "municipality", Country: "DE"}
		if err := e.store.AddMember(ctx, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	for i := range members {
		b := e.as(cdoatlas.UserMember)
		e.members = append(e.members, b)
		e.seats = append(e.seats, seat(b, e.core.ID, fmt.Sprintf("Mitglied Nummer%d", i)))
	}
	e.outsider = e.as(cdoatlas.UserMember)
	seat(e.outsider, e.open.ID, "Außen Stehend")
	e.coordinator = e.pageEnv.coordinator(e.network.ID)
	e.admin = e.as(cdoatlas.UserAdmin)
	return e
}

// newVote stores an open vote of the core circle over topics and a free
// option.
func (e *voteEnv) newVote(t *testing.T, anonymous bool, topics ...string) *cdoatlas.Vote {
	t.Helper()
	ctx := context.Background()
	v := &cdoatlas.Vote{CircleID: e.core.ID, Question: "Woran arbeiten wir 2027?", Anonymous: anonymous,
		OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour)}
	for _, title := range topics {
		tp := &cdoatlas.Topic{NetworkID: e.network.ID, Title: title}
		if err := e.store.CreateTopic(ctx, tp); err != nil {
			t.Fatal(err)
		}
		v.Options = append(v.Options, &cdoatlas.VoteOption{TopicID: &tp.ID, Label: title})
	}
	v.Options = append(v.Options, &cdoatlas.VoteOption{Label: "Freie Option"})
	if err := e.store.CreateVote(ctx, v); err != nil {
		t.Fatal(err)
	}
	return v
}

var rankSelect = regexp.MustCompile(`<label for="rank-(\d+)">`)

// ballotOrder returns the option IDs in the order the ballot page shows.
func ballotOrder(t *testing.T, w *httptest.ResponseRecorder) []string {
	t.Helper()
	var out []string
	for _, m := range rankSelect.FindAllStringSubmatch(w.Body.String(), -1) {
		out = append(out, m[1])
	}
	return out
}

func TestVotePages(t *testing.T) {
	e := newVoteEnv(t, 2)
	ctx := context.Background()
	net := itoa(e.network.ID)

	// A member proposes a topic; the coordinator proposes another.
	w := e.members[0].submit("/networks/"+net+"/topics", "/networks/"+net+"/topics", url.Values{"title": {"KI in der Verwaltung"}, "description": {"Erfahrungen teilen"}})
	wantText(t, e.members[0].follow(w), "Das Thema ist vorgeschlagen.", "KI in der Verwaltung", "Vorgeschlagen von Mitglied Nummer0")
	e.coordinator.submit("/networks/"+net+"/topics", "/networks/"+net+"/topics", url.Values{"title": {"OZG-Umsetzung"}})
	// Other members see that a member proposed it, not who.
	w = e.members[1].get("/networks/" + net + "/topics")
	wantText(t, w, "KI in der Verwaltung", "Vorgeschlagen von einem Mitglied")
	wantNoText(t, w, "Mitglied Nummer0")
	wantText(t, e.coordinator.get("/networks/"+net+"/topics"), "Vorgeschlagen von Mitglied Nummer0")
	w = e.members[0].submit("/networks/"+net+"/topics", "/networks/"+net+"/topics", url.Values{"title": {""}})
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantCode(t, e.outsider.get("/networks/"+itoa(e.network.ID+1000)+"/topics"), http.StatusNotFound)
	topics, err := e.store.FindTopics(ctx, e.network.ID, false)
	if err != nil || len(topics) != 2 {
		t.Fatalf("topics %v, %v", topics, err)
	}

	// The coordinator opens a vote; the form warns that secrecy is final.
	form := e.coordinator.get("/networks/" + net + "/votes/new")
	wantText(t, form, "Geheime Abstimmung", "Diese Wahl lässt sich nach dem Speichern nicht mehr abschalten.", "Schulze-Methode", "Europe/Berlin")
	opens := time.Now().In(berlin()).Add(-time.Hour)
	closes := time.Date(2099, 7, 1, 18, 0, 0, 0, berlin())
	w = e.coordinator.submit("/networks/"+net+"/votes/new", "/networks/"+net+"/votes/new", url.Values{
		"question": {"Woran arbeiten wir 2027?"}, "circle_id": {itoa(e.core.ID)}, "topic": {itoa(topics[0].ID), itoa(topics[1].ID)},
		"free": {"Etwas anderes\n"}, "opens_at": {opens.Format(datetimeLocal)}, "closes_at": {closes.Format(datetimeLocal)},
		"method": {"schulze"}, "anonymous": {"1"},
	})
	wantCode(t, w, http.StatusSeeOther)
	votes, _ := e.store.FindVotes(ctx, e.network.ID)
	if len(votes) != 1 {
		t.Fatalf("%d votes", len(votes))
	}
	v := votes[0]
	if !v.ClosesAt.Equal(time.Date(2099, 7, 1, 16, 0, 0, 0, time.UTC)) || !v.Anonymous || len(v.Options) != 3 {
		t.Errorf("stored vote: closes %v (want 16:00 UTC for 18:00 in Berlin in summer), anonymous %v, %d options", v.ClosesAt, v.Anonymous, len(v.Options))
	}
	// Refused: too few options.
	w = e.coordinator.submit("/networks/"+net+"/votes/new", "/networks/"+net+"/votes/new", url.Values{
		"question": {"Nur eins?"}, "circle_id": {itoa(e.core.ID)}, "free": {"Eins"},
		"opens_at": {opens.Format(datetimeLocal)}, "closes_at": {closes.Format(datetimeLocal)}})
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, "mindestens 2")
	// The error summary names the problem and links to its field.
	summary := regexp.MustCompile(`(?s)<div class="error-summary".*?</div>`).FindString(w.Body.String())
	if !strings.Contains(summary, "Bitte korrigieren Sie 1 Angabe") || !strings.Contains(summary, `<a href="#vote-options">`) ||
		!strings.Contains(w.Body.String(), `id="vote-options"`) {
		t.Errorf("error summary %q does not link to the options field", summary)
	}

	// A member sees the ballot: a rank selector per option.
	path := "/votes/" + itoa(v.ID)
	w = e.members[0].get(path)
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Rang 1", "Rang 3", "nicht gewählt", "Geheime Abstimmung", "Stimme abgeben")
	order := ballotOrder(t, w)
	if len(order) != 3 {
		t.Fatalf("%d rank selectors, want 3", len(order))
	}
	if again := ballotOrder(t, e.members[0].get(path)); strings.Join(again, ",") != strings.Join(order, ",") {
		t.Errorf("the order changed between two visits: %v, %v", order, again)
	}
	// The member ranks two options equal first and leaves one out.
	w = e.members[0].submit(path, path+"/ballot", url.Values{"rank-" + itoa(v.Options[0].ID): {"1"}, "rank-" + itoa(v.Options[2].ID): {"1"},
		"rank-" + itoa(v.Options[1].ID): {"0"}})
	w = e.members[0].follow(w)
	wantText(t, w, "Ihre Stimme ist gespeichert.", "KI in der Verwaltung = Etwas anderes", "Stimme ändern")
	if !strings.Contains(w.Body.String(), `<option value="1" selected>Rang 1</option>`) {
		t.Error("the ballot form does not show the member's ranks")
	}
	// The other member puts OZG first.
	e.members[1].submit(path, path+"/ballot", url.Values{"rank-" + itoa(v.Options[1].ID): {"1"}, "rank-" + itoa(v.Options[0].ID): {"2"}})

	// Who is not in the circle cannot see or vote.
	wantCode(t, e.outsider.get(path), http.StatusForbidden)
	wantCode(t, e.coordinator.submit(path, path+"/ballot", url.Values{"rank-" + itoa(v.Options[0].ID): {"1"}}), http.StatusForbidden)

	// Results so far: participation, ranking and the Schulze tables.
	w = e.members[0].get(path + "/results")
	wantText(t, w, "2 von 2 Mitgliedern haben abgestimmt.", "Zwischenstand", "Paarweise Vergleiche", "Stärkste Pfade", "KI in der Verwaltung")
	body := w.Body.String()
	for _, want := range []string{`<caption id="pairwise-caption">`, `<th scope="col"><bdi>OZG-Umsetzung</bdi></th>`, `<th scope="row"><bdi>Etwas anderes</bdi></th>`} {
		if !strings.Contains(body, want) {
			t.Errorf("results page lacks %s", want)
		}
	}
	// KI: first on one ballot, second on the other; OZG first on one,
	// not chosen on the other. 1:1 – all three share the win or KI leads.
	w = e.members[0].get(path + "/results.csv")
	wantCode(t, w, http.StatusOK)
	rows, err := csv.NewReader(w.Body).ReadAll()
	if err != nil || len(rows) != 4 || rows[0][0] != "place" || rows[1][7] != "2" {
		t.Errorf("CSV %v, %v", rows, err)
	}
	w = e.members[0].get(path + "/results.csv?format=csv-de")
	if b := w.Body.String(); !strings.HasPrefix(b, "\ufeffplace;option_id;") {
		t.Errorf("Excel (DE) CSV starts %q", b[:min(len(b), 40)])
	}

	// The coordinator closes it; the history lists it with its winner.
	wantCode(t, e.coordinator.submit(path, path+"/close", nil), http.StatusSeeOther)
	w = e.members[1].get("/networks/" + net + "/votes")
	wantText(t, w, "Frühere Abstimmungen", "Woran arbeiten wir 2027?")
	w = e.members[0].get(path)
	wantText(t, w, "beendet", "Ihre Stimme wurde gezählt")
	wantNoText(t, w, "Stimme ändern")
	wantCode(t, e.members[0].submit(path+"/results", path+"/ballot", url.Values{"rank-" + itoa(v.Options[0].ID): {"1"}}), http.StatusSeeOther)
	if _, voted, _, _ := e.store.FindBallots(ctx, v.ID); voted != 2 {
		t.Errorf("after a ballot past the close: %d voted", voted)
	}

	// Members find the votes from their network page.
	if body := e.members[1].get("/members").Body.String(); !strings.Contains(body, `href="/networks/`+net+`/votes"`) {
		t.Error("the members' page does not link to the votes")
	}

	// English.
	w = e.members[0].get(path + "/results?lang=en")
	if w.Code == http.StatusSeeOther {
		w = e.members[0].follow(w)
	}
	wantText(t, w, "2 of 2 members voted.", "Every topic is compared with every other")
}

func TestVoteMerge(t *testing.T) {
	e := newVoteEnv(t, 1)
	v := e.newVote(t, false, "KI", "Künstliche Intelligenz")
	net := itoa(e.network.ID)
	path := "/votes/" + itoa(v.ID)
	e.members[0].submit(path, path+"/ballot", url.Values{"rank-" + itoa(v.Options[1].ID): {"1"}, "rank-" + itoa(v.Options[0].ID): {"2"}})
	// A member may not merge.
	wantCode(t, e.members[0].submit("/networks/"+net+"/topics", "/topics/"+itoa(*v.Options[1].TopicID)+"/merge",
		url.Values{"into": {itoa(*v.Options[0].TopicID)}}), http.StatusForbidden)
	w := e.coordinator.submit("/networks/"+net+"/topics", "/topics/"+itoa(*v.Options[1].TopicID)+"/merge", url.Values{"into": {itoa(*v.Options[0].TopicID)}})
	wantText(t, e.coordinator.follow(w), "Die Themen sind zusammengeführt.")
	w = e.members[0].get(path)
	wantText(t, w, "Ihre Stimme ist gespeichert. KI Ränge vergeben")
	wantNoText(t, w, "Künstliche Intelligenz")
	// The kept topic took the better rank of the merged one.
	got, err := e.store.FindBallot(context.Background(), v.ID, e.seats[0].ID)
	if err != nil || len(got) != 1 || len(got[0]) != 1 || got[0][0] != v.Options[0].ID {
		t.Errorf("ballot after the merge: %v, %v; want KI first", got, err)
	}
}

// TestAnonymousVoteHidesWhoRankedWhat lets members cast distinctive
// ballots in an anonymous vote and has the coordinator and an admin read
// every page and API answer about it, before and after the close: none
// names a member. The same reads of a vote that is not anonymous do name
// them, so the check can fail.
func TestAnonymousVoteHidesWhoRankedWhat(t *testing.T) {
	e := newVoteEnv(t, 3)
	ctx := context.Background()
	secret := e.newVote(t, true, "KI", "OZG", "Open Data")
	named := e.newVote(t, false, "Cloud", "Personal")
	for _, v := range []*cdoatlas.Vote{secret, named} {
		for i, m := range e.members {
			path := "/votes/" + itoa(v.ID)
			wantCode(t, m.submit(path, path+"/ballot", url.Values{"rank-" + itoa(v.Options[i%len(v.Options)].ID): {"1"}}), http.StatusSeeOther)
		}
	}
	token, err := e.store.CreateAPIToken(ctx, e.admin.user.ID, "audit", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	viaToken := e.anon()
	viaToken.header.Set("Authorization", "Bearer "+token)
	revealing := func(v *cdoatlas.Vote) []string {
		id, net := itoa(v.ID), itoa(e.network.ID)
		return []string{"/votes/" + id, "/votes/" + id + "/results", "/votes/" + id + "/results.csv", "/networks/" + net + "/votes",
			"/api/v1/votes", "/api/v1/votes/" + id, "/api/v1/votes/" + id + "/results", "/api/v1/votes/" + id + "/ballot", "/admin/audit"}
	}
	names := func() []string {
		var out []string
		for i, m := range e.members {
			out = append(out, e.seats[i].PersonName, m.user.Email)
		}
		return out
	}()
	leaks := func(v *cdoatlas.Vote) []string {
		var found []string
		for _, b := range []*browser{e.coordinator, e.admin, viaToken} {
			for _, p := range revealing(v) {
				body := b.get(p).Body.String()
				for _, n := range names {
					if strings.Contains(body, n) {
						found = append(found, p+" shows "+n)
					}
				}
			}
		}
		return found
	}
	check := func(when string) {
		if got := leaks(secret); len(got) > 0 {
			t.Errorf("%s: the anonymous vote reveals its voters: %v", when, got)
		}
		if got := leaks(named); len(got) == 0 {
			t.Errorf("%s: the open vote shows no voter to its coordinator: the check cannot see a leak", when)
		}
	}
	check("open")
	for _, v := range []*cdoatlas.Vote{secret, named} {
		if err := e.store.CloseVote(ctx, v.ID); err != nil {
			t.Fatal(err)
		}
	}
	check("closed")
	// After the close not even the member can read their ballot back.
	wantCode(t, e.members[0].get("/api/v1/votes/"+itoa(secret.ID)+"/ballot"), http.StatusNotFound)
	wantText(t, e.members[0].get("/votes/"+itoa(secret.ID)), "Ihre Stimme wurde gezählt.")
	if _, err := e.store.FindNamedBallots(ctx, secret.ID); cdoatlas.ErrorCode(err) != cdoatlas.EFORBIDDEN {
		t.Errorf("named ballots of the anonymous vote: %v", err)
	}
}
