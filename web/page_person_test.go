package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestPagePersonPrivacy(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		s := e.seed()
		anon, member := e.anon(), e.as(cdoatlas.UserMember)
		for _, tc := range []struct {
			name   string
			b      *browser
			person *cdoatlas.Person
			status int
			want   []string
		}{
			{"AnonymousPublic", anon, s.public, http.StatusOK, []string{"Erika Beispiel", "(fiktiv)", "Chief Digital Officer", "Landeshauptstadt München", "01.03.2019"}},
			{"AnonymousUnpublished", anon, s.hidden, http.StatusNotFound, []string{"Seite nicht gefunden"}},
			{"MemberUnpublished", member, s.hidden, http.StatusNotFound, []string{"Seite nicht gefunden"}},
			{"EditorUnpublished", e.as(cdoatlas.UserEditor), s.hidden, http.StatusOK, []string{"Max Verborgen", "männlich", "04/2016"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := tc.b.get(fmt.Sprintf("/people/%d", tc.person.ID))
				wantCode(t, w, tc.status)
				wantText(t, w, tc.want...)
				if tc.status == http.StatusNotFound {
					wantNoText(t, w, tc.person.Name)
				}
			})
		}
		t.Run("Breadcrumb", func(t *testing.T) {
			w := anon.get(fmt.Sprintf("/people/%d", s.public.ID))
			if !strings.Contains(w.Body.String(), fmt.Sprintf(`<p class="breadcrumb"><a href="/organizations/%d"><bdi>Landeshauptstadt München</bdi></a></p>`, s.muc.ID)) {
				t.Error("the public person page has no breadcrumb to the organization")
			}
			w = member.get(fmt.Sprintf("/people/%d", s.public.ID))
			if !strings.Contains(w.Body.String(), `<p class="breadcrumb"><a href="/people"><bdi>Personen</bdi></a></p>`) {
				t.Error("the person page has no breadcrumb to the people list")
			}
		})
		t.Run("AnonymousSeesNoPersonalDetails", func(t *testing.T) {
			w := anon.get(fmt.Sprintf("/people/%d", s.public.ID))
			wantNoText(t, w, "weiblich", "Geburtsjahr")
			w = member.get(fmt.Sprintf("/people/%d", s.public.ID))
			wantText(t, w, "Erika Beispiel")
			wantNoText(t, w, "weiblich", "Geburtsjahr")
		})
		t.Run("MemberListsPublishedOnly", func(t *testing.T) {
			w := member.get("/people")
			wantText(t, w, "Erika Beispiel")
			wantNoText(t, w, "Max Verborgen", "Name nicht veröffentlicht")
		})
		t.Run("PeopleListNeedsLogin", func(t *testing.T) {
			w := anon.get("/people")
			wantCode(t, w, http.StatusSeeOther)
			w = e.as(cdoatlas.UserEditor).get("/people?q=verborgen")
			wantCode(t, w, http.StatusOK)
			wantText(t, w, "Max Verborgen", "1 Person gefunden")
			wantNoText(t, w, "Erika Beispiel")
		})
	})
}
