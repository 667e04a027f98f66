package web

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// TestAPIMeetings: a member lists the meetings of their circle, reads one
// with the invitees' names, and answers with their bearer token; an
// outsider sees neither the meeting nor the names.
func TestAPIMeetings(t *testing.T) {
	e := newVoteEnv(t, 2)
	ctx := context.Background()
	m := e.storeMeeting(t, e.core.ID, "Netzwerktreffen", time.Now().Add(72*time.Hour))
	e.storeMeeting(t, e.open.ID, "Treffen des offenen Kreises", time.Now().Add(72*time.Hour))
	past := e.storeMeeting(t, e.core.ID, "Wintertreffen", time.Now().Add(-3*time.Hour))
	id := itoa(m.ID)
	member, outsider, coord := e.tokenOf(t, e.members[0]), e.tokenOf(t, e.outsider), e.tokenOf(t, e.coordinator)

	var list struct {
		Items []struct {
			ID    int64  `json:"id"`
			Title string `json:"title"`
			State string `json:"state"`
		} `json:"items"`
		Total int `json:"total"`
	}
	w := member.get("/api/v1/meetings")
	wantCode(t, w, http.StatusOK)
	json.Unmarshal(w.Body.Bytes(), &list)
	var titles []string
	for _, it := range list.Items {
		titles = append(titles, it.Title+"/"+it.State)
	}
	if want := []string{"Netzwerktreffen/upcoming", "Wintertreffen/started"}; list.Total != 2 || !slices.Equal(titles, want) {
		t.Errorf("member's list %v (total %d), want %v", titles, list.Total, want)
	}
	w = coord.get("/api/v1/meetings")
	json.Unmarshal(w.Body.Bytes(), &list)
	if list.Total != 3 {
		t.Errorf("coordinator's list: %s", w.Body)
	}
	wantCode(t, e.anon().get("/api/v1/meetings"), http.StatusUnauthorized)
	wantCode(t, member.get("/api/v1/meetings?circle=1"), http.StatusBadRequest)

	// Answering: the member's own answer, by bearer token, before the start.
	wantCode(t, putJSON(member, "/api/v1/meetings/"+id+"/answer", `{"answer": "maybe"}`), http.StatusOK)
	wantCode(t, putJSON(e.members[1], "/api/v1/meetings/"+id+"/answer", `{"answer": "yes"}`), http.StatusUnauthorized)
	wantCode(t, putJSON(outsider, "/api/v1/meetings/"+id+"/answer", `{"answer": "yes"}`), http.StatusForbidden)
	wantCode(t, putJSON(coord, "/api/v1/meetings/"+id+"/answer", `{"answer": "yes"}`), http.StatusForbidden)
	wantCode(t, putJSON(member, "/api/v1/meetings/"+id+"/answer", `{"answer": "perhaps"}`), http.StatusUnprocessableEntity)
	wantCode(t, putJSON(member, "/api/v1/meetings/"+id+"/answer", `{"reply": "yes"}`), http.StatusBadRequest)
	wantCode(t, putJSON(member, "/api/v1/meetings/"+itoa(past.ID)+"/answer", `{"answer": "yes"}`), http.StatusConflict)
	w = member.get("/api/v1/meetings/" + id + "/answer")
	wantCode(t, w, http.StatusOK)
	if strings.TrimSpace(w.Body.String()) != `{"answer":"maybe"}` {
		t.Errorf("own answer %s", w.Body)
	}
	if w := e.members[1].get("/api/v1/meetings/" + id + "/answer"); strings.TrimSpace(w.Body.String()) != `{"answer":""}` {
		t.Errorf("the other member's answer before answering: %s", w.Body)
	}
	// The web shows the answer given through the API.
	wantText(t, e.members[0].get("/meetings/"+id), "Ihre Antwort Vielleicht")

	// One meeting: the invitees by name, for invitees and coordinators.
	var one struct {
		Answer  *string `json:"answer"`
		Replies []struct {
			Name   string `json:"name"`
			Answer string `json:"answer"`
		} `json:"replies"`
		PlanID *int64 `json:"breakout_plan_id"`
	}
	w = member.get("/api/v1/meetings/" + id)
	wantCode(t, w, http.StatusOK)
	json.Unmarshal(w.Body.Bytes(), &one)
	if one.Answer == nil || *one.Answer != "maybe" || len(one.Replies) != 2 || one.Replies[0].Name != "Mitglied Nummer0" || one.Replies[0].Answer != "maybe" {
		t.Errorf("the meeting for its member: %s", w.Body)
	}
	w = coord.get("/api/v1/meetings/" + id)
	if !strings.Contains(w.Body.String(), "Mitglied Nummer1") || strings.Contains(w.Body.String(), `"answer":"maybe","replies"`) {
		t.Errorf("the meeting for a coordinator: %s", w.Body)
	}
	w = outsider.get("/api/v1/meetings/" + id)
	wantCode(t, w, http.StatusForbidden)
	if strings.Contains(w.Body.String(), "Mitglied") || strings.Contains(w.Body.String(), "Netzwerktreffen") {
		t.Errorf("an outsider learns of the meeting: %s", w.Body)
	}
	if strings.Contains(member.get("/api/v1/meetings/"+id).Body.String(), "@") {
		t.Error("the meeting names e-mail addresses")
	}

	// The breakout plan of the past meeting: its link, rounds and names.
	if err := e.store.RecordAttendance(ctx, past.ID, map[int64]bool{e.seats[0].ID: true, e.seats[1].ID: true}); err != nil {
		t.Fatal(err)
	}
	p := &cdoatlas.BreakoutPlan{NetworkID: e.network.ID, MeetingID: &past.ID, Title: "Wintertreffen"}
	p.Options.GroupSize = 2
	p.Options.People = append(p.Options.People, cdoatlas.BreakoutPerson(e.seats[0], time.Now()), cdoatlas.BreakoutPerson(e.seats[1], time.Now()))
	if err := cdoatlas.MakeBreakoutPlan(p, 2, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.store.CreateBreakoutPlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(member.get("/api/v1/meetings/"+itoa(past.ID)).Body.Bytes(), &one)
	if one.PlanID == nil || *one.PlanID != p.ID {
		t.Errorf("the past meeting's plan: %v, want %d", one.PlanID, p.ID)
	}
	var plan struct {
		Title   string `json:"title"`
		Repeats *int   `json:"repeats"`
		Rounds  [][][]struct {
			MemberID int64  `json:"member_id"`
			Name     string `json:"name"`
		} `json:"rounds"`
	}
	w = member.get("/api/v1/breakouts/" + itoa(p.ID))
	wantCode(t, w, http.StatusOK)
	json.Unmarshal(w.Body.Bytes(), &plan)
	if plan.Title != "Wintertreffen" || plan.Repeats == nil || *plan.Repeats != 1 || len(plan.Rounds) != 2 || len(plan.Rounds[0]) != 1 ||
		len(plan.Rounds[0][0]) != 2 || !strings.HasPrefix(plan.Rounds[0][0][0].Name, "Mitglied Nummer") {
		t.Errorf("the plan for a member in it: %s", w.Body)
	}
	if strings.Contains(w.Body.String(), "@") {
		t.Error("the plan names e-mail addresses")
	}
	wantCode(t, coord.get("/api/v1/breakouts/"+itoa(p.ID)), http.StatusOK)
	w = outsider.get("/api/v1/breakouts/" + itoa(p.ID))
	wantCode(t, w, http.StatusForbidden)
	if strings.Contains(w.Body.String(), "Mitglied") {
		t.Errorf("an outsider sees the plan's names: %s", w.Body)
	}
	wantCode(t, e.anon().get("/api/v1/breakouts/"+itoa(p.ID)), http.StatusUnauthorized)
	wantCode(t, member.get("/api/v1/breakouts/999999"), http.StatusNotFound)
}

// TestOpenAPIMeetingSchemas checks that the schemas of meetings and
// breakout plans name the JSON fields the API writes.
func TestOpenAPIMeetingSchemas(t *testing.T) {
	doc := loadAPIDoc(t)
	answer, planID := "yes", int64(1)
	yes := true
	for name, v := range map[string]any{
		"Meeting":       apiMeeting{Meeting: &cdoatlas.Meeting{}, Answer: &answer, Replies: []*cdoatlas.MeetingReply{{}}, BreakoutPlanID: &planID},
		"MeetingReply":  cdoatlas.MeetingReply{Attended: &yes},
		"MeetingAnswer": apiAnswer{},
		"BreakoutPlan":  apiBreakoutPlan{},
		"BreakoutSeat":  apiBreakoutSeat{},
	} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var fields map[string]any
		json.Unmarshal(b, &fields)
		want := slices.Sorted(maps.Keys(fields))
		if got := slices.Sorted(maps.Keys(doc.obj("components", "schemas", name, "properties"))); !slices.Equal(got, want) {
			t.Errorf("schema %s has properties %q, the API writes %q", name, got, want)
		}
	}
	var modes []string
	for _, v := range apiSlice(doc.obj("components", "schemas", "Meeting", "properties", "mode")["enum"]) {
		modes = append(modes, v.(string))
	}
	if !slices.Equal(modes, cdoatlas.MeetingModes) {
		t.Errorf("Meeting.mode: enum %q, want %q", modes, cdoatlas.MeetingModes)
	}
}
