package network

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestCheckApplication(t *testing.T) {
	for _, tt := range []struct {
		name, title, tasks   string
		wantCheck, wantState string
	}{
		{"Yes", "Chief Digital Officer", yesTasks[0], cdoatlas.CheckYes, cdoatlas.ApplicationReceived},
		{"No", "Chief Digital Officer", "Pflege der Website und der Social-Media-Kanäle", cdoatlas.CheckNo, cdoatlas.ApplicationDeclined},
		{"UnknownWithoutTasks", "Referent", "", cdoatlas.CheckUnknown, cdoatlas.ApplicationReview},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &cdoatlas.Application{OrganizationName: "Stadt Ulm", Country: "DE", Title: tt.title, Tasks: tt.tasks}
			CheckApplication(a)
			if a.Check != tt.wantCheck || a.Status != tt.wantState {
				t.Fatalf("check %q, status %q; want %q, %q", a.Check, a.Status, tt.wantCheck, tt.wantState)
			}
			if len(a.Explanations) != len(a.Reasons) {
				t.Fatalf("%d explanations for %d reasons", len(a.Explanations), len(a.Reasons))
			}
			for i, e := range a.Explanations {
				if e.EN != a.Reasons[i] || e.DE == "" || e.Code == "" {
					t.Errorf("explanation %d: %+v, reason %q", i, e, a.Reasons[i])
				}
			}
			if tt.wantCheck == cdoatlas.CheckNo && len(a.Explanations) == 0 {
				t.Error("a no without explanation")
			}
		})
	}
}
