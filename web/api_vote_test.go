package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

func (e *voteEnv) tokenOf(t *testing.T, b *browser) *browser {
	t.Helper()
	token, err := e.store.CreateAPIToken(context.Background(), b.user.ID, "votes", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	tb := e.anon()
	tb.header.Set("Authorization", "Bearer "+token)
	return tb
}

func putJSON(b *browser, path, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPut, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return b.do(r)
}

func TestAPIVotes(t *testing.T) {
	e := newVoteEnv(t, 2)
	v := e.newVote(t, true, "KI", "OZG")
	id := itoa(v.ID)
	member, outsider := e.tokenOf(t, e.members[0]), e.tokenOf(t, e.outsider)
	ki, ozg, free := v.Options[0].ID, v.Options[1].ID, v.Options[2].ID

	// The list: the member sees the vote, the outsider does not.
	var list struct {
		Items []struct {
			ID    int64  `json:"id"`
			State string `json:"state"`
		} `json:"items"`
		Total int `json:"total"`
	}
	w := member.get("/api/v1/votes")
	wantCode(t, w, http.StatusOK)
	json.Unmarshal(w.Body.Bytes(), &list)
	if list.Total != 1 || list.Items[0].ID != v.ID || list.Items[0].State != "open" {
		t.Errorf("member's list: %s", w.Body)
	}
	w = outsider.get("/api/v1/votes")
	json.Unmarshal(w.Body.Bytes(), &list)
	if list.Total != 0 {
		t.Errorf("outsider's list: %s", w.Body)
	}
	wantCode(t, e.anon().get("/api/v1/votes"), http.StatusUnauthorized)
	wantCode(t, member.get("/api/v1/votes?circle=1"), http.StatusBadRequest)
	wantCode(t, outsider.get("/api/v1/votes/"+id), http.StatusForbidden)

	// Casting: a bearer token of a member of the circle, a valid ballot.
	wantCode(t, putJSON(member, "/api/v1/votes/"+id+"/ballot", `{"ranks": [[`+itoa(ozg)+`], [`+itoa(ki)+`, `+itoa(free)+`]]}`), http.StatusOK)
	wantCode(t, putJSON(e.members[1], "/api/v1/votes/"+id+"/ballot", `{"ranks": [[`+itoa(ki)+`]]}`), http.StatusUnauthorized)
	wantCode(t, putJSON(outsider, "/api/v1/votes/"+id+"/ballot", `{"ranks": [[`+itoa(ki)+`]]}`), http.StatusForbidden)
	wantCode(t, putJSON(member, "/api/v1/votes/"+id+"/ballot", `{"ranks": [[`+itoa(ki)+`], [`+itoa(ki)+`]]}`), http.StatusUnprocessableEntity)
	wantCode(t, putJSON(member, "/api/v1/votes/"+id+"/ballot", `{"ranks": [[999999]]}`), http.StatusUnprocessableEntity)
	wantCode(t, putJSON(member, "/api/v1/votes/"+id+"/ballot", `{"order": []}`), http.StatusBadRequest)

	w = member.get("/api/v1/votes/" + id + "/ballot")
	wantCode(t, w, http.StatusOK)
	var own struct{ Ranks [][]int64 }
	json.Unmarshal(w.Body.Bytes(), &own)
	if len(own.Ranks) != 2 || own.Ranks[0][0] != ozg {
		t.Errorf("own ballot %s", w.Body)
	}
	w = member.get("/api/v1/votes/" + id)
	if !strings.Contains(w.Body.String(), `"voted":true`) {
		t.Errorf("vote for its member: %s", w.Body)
	}

	// Results: the ranking by option IDs and the topics in order.
	w = member.get("/api/v1/votes/" + id + "/results")
	wantCode(t, w, http.StatusOK)
	var res struct {
		Method   string                    `json:"method"`
		Voted    int                       `json:"voted"`
		Eligible int                       `json:"eligible"`
		Ranking  [][]int64                 `json:"ranking"`
		TopicIDs []int64                   `json:"topic_ids"`
		Pairwise map[string]map[string]int `json:"pairwise"`
	}
	json.Unmarshal(w.Body.Bytes(), &res)
	if res.Method != "schulze" || res.Voted != 1 || res.Eligible != 2 || len(res.Ranking) == 0 || res.Ranking[0][0] != ozg ||
		!slices.Equal(res.TopicIDs, []int64{*v.Options[1].TopicID, *v.Options[0].TopicID}) || res.Pairwise[itoa(ozg)][itoa(ki)] != 1 {
		t.Errorf("results %s", w.Body)
	}

	// After the close: no more ballots, and the member's own is unlinked.
	if err := e.store.CloseVote(context.Background(), v.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, putJSON(member, "/api/v1/votes/"+id+"/ballot", `{"ranks": []}`), http.StatusConflict)
	wantCode(t, member.get("/api/v1/votes/"+id+"/ballot"), http.StatusNotFound)
	w = member.get("/api/v1/votes/" + id + "/results")
	json.Unmarshal(w.Body.Bytes(), &res)
	if res.Voted != 1 || res.Ranking[0][0] != ozg {
		t.Errorf("results after the close: %s", w.Body)
	}
}

func TestAPIVoteResultsHidden(t *testing.T) {
	e := newVoteEnv(t, 1)
	v := e.newVote(t, false, "KI")
	v.HideResults = true
	if err := e.store.UpdateVote(context.Background(), v); err != nil {
		t.Fatal(err)
	}
	id := itoa(v.ID)
	wantCode(t, e.tokenOf(t, e.members[0]).get("/api/v1/votes/"+id+"/results"), http.StatusConflict)
	wantText(t, e.coordinator.get("/votes/"+id+"/results"), "Das Ergebnis wird erst nach dem Ende gezeigt.")
	wantNoText(t, e.admin.get("/votes/"+id+"/results"), "Paarweise")
	wantCode(t, e.members[0].get("/votes/"+id+"/results.csv"), http.StatusConflict)
}
