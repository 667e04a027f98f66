package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// newPlannedVote stores a vote of the core circle that opens tomorrow,
// over two new topics and a free option.
func (e *voteEnv) newPlannedVote(t *testing.T) *cdoatlas.Vote {
	t.Helper()
	ctx := context.Background()
	v := &cdoatlas.Vote{CircleID: e.core.ID, Question: "Woran arbeiten wir 2027?",
		OpensAt: time.Now().Add(24 * time.Hour), ClosesAt: time.Now().Add(48 * time.Hour)}
	for _, title := range []string{"KI in der Verwaltung", "OZG-Umsetzung"} {
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

// TestVoteEditAccess checks that only the network's coordinators reach
// the pages that change or delete a vote.
func TestVoteEditAccess(t *testing.T) {
	e := newVoteEnv(t, 1)
	v := e.newPlannedVote(t)
	path := "/votes/" + itoa(v.ID)
	for _, b := range []*browser{e.members[0], e.outsider} {
		for _, p := range []string{path + "/edit", path + "/delete"} {
			w := b.get(p)
			wantCode(t, w, http.StatusForbidden)
			wantText(t, w, "Kein Zugriff")
			wantCode(t, b.post(p, url.Values{"question": {"Gekapert?"}}), http.StatusForbidden)
		}
	}
	w := e.members[0].get(path)
	wantNoText(t, w, "Abstimmung bearbeiten", "Abstimmung löschen")
	// A coordinator's form needs its CSRF token.
	wantCode(t, e.coordinator.post(path+"/delete", url.Values{}), http.StatusForbidden)
	if got, err := e.store.FindVoteByID(context.Background(), v.ID); err != nil || got.Question != v.Question {
		t.Errorf("after the refused requests: %+v, %v", got, err)
	}
}

func TestVoteEditPlanned(t *testing.T) {
	e := newVoteEnv(t, 1)
	ctx := context.Background()
	v := e.newPlannedVote(t)
	path := "/votes/" + itoa(v.ID)
	wantText(t, e.coordinator.get(path), "Abstimmung bearbeiten", "Abstimmung löschen")
	form := e.coordinator.get(path + "/edit")
	wantCode(t, form, http.StatusOK)
	wantText(t, form, "Abstimmung bearbeiten", "Option 1", "Option 3 entfernen", "Steht für das Thema „KI in der Verwaltung“", "Freie Option")
	if !strings.Contains(form.Body.String(), `value="Woran arbeiten wir 2027?"`) {
		t.Error("the form does not show the question")
	}

	opens := time.Now().In(berlin()).Add(72 * time.Hour).Truncate(time.Minute)
	closes := opens.Add(7 * 24 * time.Hour)
	values := url.Values{
		"question": {"Was nehmen wir uns vor?"}, "circle_id": {itoa(e.core.ID)}, "method": {"borda"}, "anonymous": {"1"},
		"opens_at": {opens.Format(datetimeLocal)}, "closes_at": {closes.Format(datetimeLocal)},
		"option-" + itoa(v.Options[0].ID): {"KI"},
		"option-" + itoa(v.Options[1].ID): {"OZG-Umsetzung"}, "remove-" + itoa(v.Options[1].ID): {"1"},
		"option-" + itoa(v.Options[2].ID): {"Etwas ganz anderes"},
		"free":                            {"Neue Option\n"},
	}
	t.Run("ErrQuestion", func(t *testing.T) {
		bad := url.Values{}
		for k, vs := range values {
			bad[k] = vs
		}
		bad.Set("question", "")
		w := e.coordinator.submit(path+"/edit", path+"/edit", bad)
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Bitte ausfüllen.")
		if got, _ := e.store.FindVoteByID(ctx, v.ID); got.Question != v.Question || len(got.Options) != 3 {
			t.Errorf("after the refused change: %+v", got)
		}
	})
	t.Run("OK", func(t *testing.T) {
		w := e.coordinator.submit(path+"/edit", path+"/edit", values)
		wantText(t, e.coordinator.follow(w), "Die Abstimmung ist geändert.", "Was nehmen wir uns vor?", "Borda-Zählung")
		got, err := e.store.FindVoteByID(ctx, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		var labels []string
		for _, o := range got.Options {
			labels = append(labels, o.Label)
		}
		if strings.Join(labels, "|") != "KI|Etwas ganz anderes|Neue Option" {
			t.Errorf("options %q", labels)
		}
		if got.Options[0].TopicID == nil || *got.Options[0].TopicID != *v.Options[0].TopicID {
			t.Errorf("the renamed topic option lost its topic: %v", got.Options[0].TopicID)
		}
		if !got.Anonymous || got.Method != "borda" || !got.OpensAt.Equal(opens.UTC()) || !got.ClosesAt.Equal(closes.UTC()) {
			t.Errorf("after the change: %+v", got)
		}
		// Secrecy, once on, is shown fixed on the form.
		if !strings.Contains(e.coordinator.get(path+"/edit").Body.String(), `id="vote-anonymous" value="1" checked disabled`) {
			t.Error("the form offers to switch secrecy off")
		}
	})
}

func TestVoteEditOpen(t *testing.T) {
	e := newVoteEnv(t, 1)
	ctx := context.Background()
	v := e.newVote(t, false, "KI in der Verwaltung")
	path := "/votes/" + itoa(v.ID)
	e.members[0].submit(path, path+"/ballot", url.Values{"rank-" + itoa(v.Options[0].ID): {"1"}})

	w := e.coordinator.get(path)
	wantText(t, w, "Abstimmung verlängern")
	wantNoText(t, w, "Abstimmung löschen")
	form := e.coordinator.get(path + "/edit")
	wantText(t, form, "Sie können nur ein späteres Ende festlegen.")
	if body := form.Body.String(); strings.Contains(body, `name="question"`) || strings.Contains(body, `name="option-`) {
		t.Error("the form of an open vote offers more than its close")
	}

	t.Run("ErrOptions", func(t *testing.T) {
		// Fields of the full form are not read: the options stay.
		w := e.coordinator.submit(path+"/edit", path+"/edit", url.Values{
			"remove-" + itoa(v.Options[0].ID): {"1"}, "question": {"Andere Frage?"}, "free": {"Dazu"},
			"closes_at": {v.ClosesAt.In(berlin()).Format(datetimeLocal)}})
		wantCode(t, w, http.StatusSeeOther)
		got, _ := e.store.FindVoteByID(ctx, v.ID)
		if got.Question != v.Question || len(got.Options) != len(v.Options) {
			t.Errorf("an open vote changed: %+v", got)
		}
		// The store refuses a change of the options.
		upd := *got
		upd.Options = upd.Options[1:]
		upd.Options = append(upd.Options, &cdoatlas.VoteOption{Label: "Dazu"})
		if err := e.store.UpdateVote(ctx, &upd); cdoatlas.ErrorCode(err) != cdoatlas.ECONFLICT {
			t.Errorf("changing the options of an open vote: %v, want ECONFLICT", err)
		}
	})
	t.Run("ErrEarlierClose", func(t *testing.T) {
		w := e.coordinator.submit(path+"/edit", path+"/edit", url.Values{"closes_at": {time.Now().In(berlin()).Add(10 * time.Minute).Format(datetimeLocal)}})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Eine laufende Abstimmung lässt sich nur verlängern")
	})
	t.Run("Extend", func(t *testing.T) {
		later := time.Now().In(berlin()).Add(72 * time.Hour).Truncate(time.Minute)
		w := e.coordinator.submit(path+"/edit", path+"/edit", url.Values{"closes_at": {later.Format(datetimeLocal)}})
		wantText(t, e.coordinator.follow(w), "Die Abstimmung ist geändert.")
		got, _ := e.store.FindVoteByID(ctx, v.ID)
		if !got.ClosesAt.Equal(later.UTC()) {
			t.Errorf("closes %v, want %v", got.ClosesAt, later.UTC())
		}
		if voted, err := e.store.HasVoted(ctx, v.ID, e.seats[0].ID); err != nil || !voted {
			t.Errorf("the ballot after extending: voted %v, %v", voted, err)
		}
	})
	t.Run("ErrDelete", func(t *testing.T) {
		w := e.coordinator.get(path + "/delete")
		wantCode(t, w, http.StatusConflict)
		wantText(t, w, "Nur eine Abstimmung, die noch nicht begonnen hat", "Zurück")
		wantNoText(t, w, "Endgültig löschen")
		wantCode(t, e.coordinator.submit(path, path+"/delete", nil), http.StatusConflict)
		if _, err := e.store.FindVoteByID(ctx, v.ID); err != nil {
			t.Errorf("the open vote after the refused delete: %v", err)
		}
	})
	t.Run("ErrClosed", func(t *testing.T) {
		wantCode(t, e.coordinator.submit(path, path+"/close", nil), http.StatusSeeOther)
		w := e.coordinator.get(path)
		wantNoText(t, w, "Abstimmung verlängern", "Abstimmung bearbeiten")
		w = e.coordinator.get(path + "/edit")
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "Die Abstimmung ist beendet und lässt sich nicht mehr ändern.")
		if strings.Contains(w.Body.String(), "<form method=\"post\" action=\""+path+"/edit\"") {
			t.Error("the page of a closed vote has a form")
		}
		w = e.coordinator.submit(path, path+"/edit", url.Values{"closes_at": {time.Now().In(berlin()).Add(96 * time.Hour).Format(datetimeLocal)}})
		wantCode(t, w, http.StatusConflict)
		if got, _ := e.store.FindVoteByID(ctx, v.ID); !got.Closed(time.Now()) {
			t.Errorf("a closed vote reopened: closes %v", got.ClosesAt)
		}
	})
}

func TestVoteDelete(t *testing.T) {
	e := newVoteEnv(t, 1)
	ctx := context.Background()
	v := e.newPlannedVote(t)
	path := "/votes/" + itoa(v.ID)
	wantText(t, e.coordinator.get(path+"/delete"), "Abstimmung „Woran arbeiten wir 2027?“ löschen?", "Endgültig löschen")
	w := e.coordinator.submit(path+"/delete", path+"/delete", nil)
	wantCode(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); !strings.HasPrefix(loc, "/networks/"+itoa(e.network.ID)+"/votes") {
		t.Errorf("after the delete: to %q", loc)
	}
	wantText(t, e.coordinator.follow(w), "Die Abstimmung ist gelöscht.")
	if _, err := e.store.FindVoteByID(ctx, v.ID); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
		t.Errorf("the deleted vote: %v", err)
	}
	wantCode(t, e.coordinator.get(path), http.StatusNotFound)
}
