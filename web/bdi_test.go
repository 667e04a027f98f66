package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestTrIsolated(t *testing.T) {
	for _, tc := range []struct {
		key  string
		args []any
		want string
	}{
		{"org.edit", []any{"תל אביב"}, "<bdi>תל אביב</bdi> bearbeiten"},
		{"org.delete_question", []any{`<b>"A&B"</b>`}, "<bdi>&lt;b&gt;&#34;A&amp;B&#34;&lt;/b&gt;</bdi> löschen?"},
		{"proposal.seats", []any{"Kern", 40, 3, 37}, "<bdi>Kern</bdi>: 40 Plätze, 3 besetzt, 37 frei."},
		{"match.question", []any{"Anna", "Bert"}, "Dieselbe Person? <bdi>Anna</bdi> und <bdi>Bert</bdi>"},
		{"org.index.heading", nil, "Organisationen"},
	} {
		if got := string(trIsolated("de", tc.key, tc.args...)); got != tc.want {
			t.Errorf("trIsolated(%s, %q) = %q, want %q", tc.key, tc.args, got, tc.want)
		}
	}
}

// TestPagesIsolateNames: names shown in lists, tables and headings are
// isolated in <bdi>, so that a right-to-left name cannot reorder the text
// around it.
func TestPagesIsolateNames(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	const name = "עיריית תל אביב"
	org := &cdoatlas.Organization{Name: name, OtherNames: []string{"Tel Aviv"}, Kind: "municipality", Country: "IL"}
	if err := e.store.CreateOrganization(ctx, org); err != nil {
		t.Fatal(err)
	}
	post := &cdoatlas.Post{OrganizationID: org.ID, Title: "מנהל דיגיטלי", Role: "cdo"}
	if err := e.store.CreatePost(ctx, post); err != nil {
		t.Fatal(err)
	}
	person := &cdoatlas.Person{Name: "דנה לוי", PublicationBasis: cdoatlas.BasisConsent}
	if err := e.store.CreatePerson(ctx, person); err != nil {
		t.Fatal(err)
	}
	if err := e.store.CreateTenure(ctx, &cdoatlas.Tenure{PersonID: person.ID, PostID: post.ID, Start: "2020", Status: "current"}); err != nil {
		t.Fatal(err)
	}
	ed := e.as(cdoatlas.UserEditor)
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/organizations", []string{`"><bdi>` + name + `</bdi></a></th>`}},
		{showPath("organizations", org.ID), []string{`<h1><bdi>` + name + `</bdi></h1>`, `<bdi>Tel Aviv</bdi>`,
			`"><bdi>מנהל דיגיטלי</bdi></a></h3>`, `"><bdi>דנה לוי</bdi></a>`}},
		{showPath("posts", post.ID), []string{`<h1><bdi>מנהל דיגיטלי</bdi></h1>`, `"><bdi>` + name + `</bdi></a></p>`}},
		{showPath("people", person.ID), []string{`<h1><bdi>דנה לוי</bdi>`, `"><bdi>` + name + `</bdi></a></td>`}},
		{editPath("organizations", org.ID), []string{`<h1><bdi>` + name + `</bdi> bearbeiten</h1>`, `<title>` + name + ` bearbeiten – cdoatlas</title>`}},
		{showPath("organizations", org.ID) + "/delete", []string{`<h1><bdi>` + name + `</bdi> löschen?</h1>`}},
	} {
		w := ed.get(tc.path)
		wantCode(t, w, http.StatusOK)
		for _, want := range tc.want {
			if !strings.Contains(w.Body.String(), want) {
				t.Errorf("%s lacks %s", tc.path, want)
			}
		}
	}
}
