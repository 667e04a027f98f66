package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestPageMatchReview(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		e.seed()
		ctx := context.Background()
		row := func(name, org string) cdoatlas.Observation {
			o := cdoatlas.Observation{PersonName: name, Title: "Chief Digital Officer", Organization: org}
			if err := o.Validate(); err != nil {
				t.Fatal(err)
			}
			return o
		}
		for _, imp := range []cdoatlas.ObservationImport{
			{Wave: cdoatlas.Wave{ID: "2022", Date: "2022-06-30"}, Rows: cdoatlas.WithSource("press", []cdoatlas.Observation{row("Petra Lang", "München")})},
			{Wave: cdoatlas.Wave{ID: "2023", Date: "2023-06-30"}, Rows: cdoatlas.WithSource("press", []cdoatlas.Observation{row("Petra Lang", "München"), row("Lang, Petra", "Köln")})},
		} {
			if _, err := e.store.ImportObservations(ctx, imp); err != nil {
				t.Fatal(err)
			}
		}
		ed := e.as(cdoatlas.UserEditor)
		w := ed.get("/census/review")
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "1 offene Frage.", "Dieselbe Person? Petra Lang und Petra Lang", "Lang, Petra", "München", "Köln", "Presse", "2022", "2023", "Anlass: gleicher Name (Petra Lang), in derselben Welle bei einer anderen Organisation gesehen")
		qs, _, _ := e.store.FindMatchQuestions(ctx, false, 0, 10)
		if len(qs) != 1 {
			t.Fatalf("questions %v", qs)
		}
		action := fmt.Sprintf("/census/review/%d", qs[0].ID)
		w = ed.follow(ed.submit("/census/review", action, url.Values{}))
		wantText(t, w, "Bitte eine Antwort wählen.", "1 offene Frage.")
		w = ed.follow(ed.submit("/census/review", action, url.Values{"answer": {"same"}}))
		wantText(t, w, "Antwort gespeichert.", "Keine offene Frage.")
		w = ed.follow(ed.submit("/census/review", action, url.Values{"answer": {"different"}}))
		wantText(t, w, "Diese Frage war schon beantwortet.")
		if _, _, err := e.store.PersonObservations(ctx, qs[0].PersonB); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
			t.Errorf("person B after same: %v", err)
		}
		if w := e.as(cdoatlas.UserMember).get("/census/review"); w.Code != http.StatusForbidden {
			t.Errorf("member: %d", w.Code)
		}
		w = ed.follow(ed.get("/census/review?lang=en"))
		wantText(t, w, "Person matching", "No open question.")
	})
}
