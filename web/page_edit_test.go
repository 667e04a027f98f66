package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// orgCount returns how many organizations the store holds.
func (e *pageEnv) orgCount() int {
	e.t.Helper()
	_, n, err := e.store.FindOrganizations(context.Background(), cdoatlas.OrganizationFilter{Limit: 1})
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

func TestPageOrganizationEditRoundTrip(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		b := e.as(cdoatlas.UserEditor)
		form := url.Values{
			"name": {"Stadt Paderborn"}, "kind": {"municipality"}, "country": {"DE"}, "region": {"DE-NW"},
			"official_code": {"0577403"}, "population": {"157.650"}, "population_date": {"31.12.2023"},
		}

		// An AGS with 7 digits: the form comes back with the German message
		// next to the field and in the summary, and keeps the input.
		w := b.submit("/organizations/new", "/organizations/new", form)
		wantCode(t, w, http.StatusUnprocessableEntity)
		msg := cdoatlas.Message("de", "code.de_municipality")
		wantText(t, w, "Bitte korrigieren Sie 1 Angabe:", "Amtlicher Schlüssel: "+msg)
		body := w.Body.String()
		for _, want := range []string{
			`<a href="#f-official-code">`,
			`<p class="field__error" id="f-official-code-error">` + msg + `</p>`,
			`id="f-official-code" name="official_code" value="0577403"`,
			`aria-invalid="true" aria-describedby="f-official-code-hint f-official-code-error"`,
			`value="Stadt Paderborn"`,
			`<option value="DE-NW" selected>`,
			`<title>Fehler: Neue Organisation – cdoatlas</title>`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("form page lacks %s", want)
			}
		}
		if n := e.orgCount(); n != 0 {
			t.Fatalf("invalid form stored %d organizations", n)
		}

		// Fixed: saved, redirected to its page with a flash message.
		form.Set("official_code", "05774032")
		w = b.submit("/organizations/new", "/organizations/new", form)
		wantCode(t, w, http.StatusSeeOther)
		loc := w.Header().Get("Location")
		if !strings.HasPrefix(loc, "/organizations/") {
			t.Fatalf("redirect to %q", loc)
		}
		w = b.follow(w)
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "Die Organisation wurde angelegt.", "Stadt Paderborn", "05774032", "157.650 (Stand 31.12.2023)", "GK3", "Nordrhein-Westfalen")
		w = b.get(loc)
		wantNoText(t, w, "Die Organisation wurde angelegt.") // a flash shows once

		// Edit: the form shows the stored values; a change is saved.
		w = b.get(loc + "/edit")
		wantCode(t, w, http.StatusOK)
		if !strings.Contains(w.Body.String(), `value="31.12.2023"`) {
			t.Error("edit form does not show the reference date in German")
		}
		form.Set("name", "Paderborn")
		form.Set("population", "abc")
		w = b.submit(loc+"/edit", loc+"/edit", form)
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, cdoatlas.Message("de", "number.invalid"))
		form.Set("population", "158000")
		w = b.follow(b.submit(loc+"/edit", loc+"/edit", form))
		wantText(t, w, "Die Änderungen wurden gespeichert.", "Paderborn", "158.000")

		// A post, a person and a tenure, all through the forms.
		w = b.submit(loc+"/posts/new", loc+"/posts/new", url.Values{"title": {"Chief Digital Officer"}, "role": {"cdo"}, "cdo_check": {"yes"}, "cross_departmental": {"1"}, "created": {"2018"}})
		wantCode(t, w, http.StatusSeeOther)
		postPath := w.Header().Get("Location")
		w = b.follow(w)
		wantText(t, w, "Die Stelle wurde angelegt.", "Verantwortung über alle Fachbereiche ja", "Eigenes Budget nein", "Eingerichtet 2018")

		w = b.submit("/people/new", "/people/new", url.Values{"name": {""}, "gender": {"f"}})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Name: Bitte ausfüllen.")
		w = b.submit("/people/new", "/people/new", url.Values{"name": {"Petra Probe"}, "gender": {"f"}, "fictional": {"1"}})
		wantCode(t, w, http.StatusSeeOther)
		personPath := w.Header().Get("Location")
		var personID int64
		fmt.Sscanf(personPath, "/people/%d", &personID)

		w = b.submit(postPath+"/tenures/new", postPath+"/tenures/new", url.Values{"person_id": {""}, "start": {"2020"}})
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Person: Bitte ausfüllen.")
		tenureForm := url.Values{"person_id": {fmt.Sprint(personID)}, "start": {"01.02.2020"}, "end": {"2019"}, "status": {"ended"}, "hire": {"external"}}
		w = b.submit(postPath+"/tenures/new", postPath+"/tenures/new", tenureForm)
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, cdoatlas.Message("de", "end.before_start"))
		tenureForm.Set("end", "")
		tenureForm.Set("status", "current")
		w = b.follow(b.submit(postPath+"/tenures/new", postPath+"/tenures/new", tenureForm))
		wantText(t, w, "Die Besetzung wurde angelegt.", "Petra Probe (fiktiv)", "01.02.2020", "aktuell", "extern")

		// The public sees the tenure, but not the unpublished name.
		w = e.anon().get(loc)
		wantText(t, w, "Chief Digital Officer", "01.02.2020", "Name nicht veröffentlicht")
		wantNoText(t, w, "Petra Probe")

		// Deleting the organization is refused while it has posts.
		w = b.submit(loc+"/delete", loc+"/delete", nil)
		wantCode(t, w, http.StatusConflict)
		wantText(t, w, "Die Organisation hat noch Stellen.")
		w = b.follow(b.submit(postPath+"/delete", postPath+"/delete", nil))
		wantText(t, w, "Der Eintrag wurde gelöscht.")
		w = b.follow(b.submit(loc+"/delete", loc+"/delete", nil))
		wantText(t, w, "Der Eintrag wurde gelöscht.")
		if n := e.orgCount(); n != 0 {
			t.Errorf("%d organizations left after delete", n)
		}
	})
}

func TestPageCSRF(t *testing.T) {
	e := newPageEnv(t)
	b := e.as(cdoatlas.UserEditor)
	form := url.Values{"name": {"Ulm"}, "kind": {"municipality"}, "country": {"DE"}, "region": {"DE-BW"}}
	token := csrfTokenIn(t, b.get("/organizations/new").Body.String())
	other := e.as(cdoatlas.UserEditor)
	otherToken := csrfTokenIn(t, other.get("/organizations/new").Body.String())

	for _, tc := range []struct {
		name   string
		token  string
		header map[string]string
	}{
		{"NoToken", "", nil},
		{"WrongToken", "not-the-token", nil},
		{"AnotherUsersToken", otherToken, nil},
		{"CrossSite", token, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"ForeignOrigin", token, map[string]string{"Origin": "https://evil.example"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := url.Values{}
			for k, x := range form {
				v[k] = x
			}
			if tc.token != "" {
				v.Set(csrfField, tc.token)
			}
			r := pageFormRequest("/organizations/new", v)
			for k, x := range tc.header {
				r.Header.Set(k, x)
			}
			w := b.do(r)
			wantCode(t, w, http.StatusForbidden)
			wantText(t, w, "Das Formular ist abgelaufen")
			if n := e.orgCount(); n != 0 {
				t.Fatalf("a forged form stored %d organizations", n)
			}
		})
	}
	t.Run("LogoutNeedsToken", func(t *testing.T) {
		w := b.post("/logout", nil)
		wantCode(t, w, http.StatusForbidden)
		w = b.get("/account")
		wantCode(t, w, http.StatusOK) // still logged in
	})
	t.Run("ValidToken", func(t *testing.T) {
		v := url.Values{csrfField: {token}}
		for k, x := range form {
			v[k] = x
		}
		w := b.post("/organizations/new", v)
		wantCode(t, w, http.StatusSeeOther)
		if n := e.orgCount(); n != 1 {
			t.Fatalf("%d organizations, want 1", n)
		}
	})
}

func TestPageEditPermissions(t *testing.T) {
	e := newPageEnv(t)
	s := e.seed()
	member, anon := e.as(cdoatlas.UserMember), e.anon()
	orgPath := fmt.Sprintf("/organizations/%d", s.muc.ID)
	pages := []string{
		"/organizations/new", orgPath + "/edit", orgPath + "/delete", orgPath + "/posts/new",
		fmt.Sprintf("/posts/%d/edit", s.post.ID), fmt.Sprintf("/posts/%d/tenures/new", s.post.ID),
		fmt.Sprintf("/tenures/%d/edit", s.current.ID), "/people/new", fmt.Sprintf("/people/%d/edit", s.public.ID),
	}
	for _, p := range pages {
		t.Run("Member"+p, func(t *testing.T) {
			wantCode(t, member.get(p), http.StatusForbidden)
		})
		t.Run("Anonymous"+p, func(t *testing.T) {
			w := anon.get(p)
			wantCode(t, w, http.StatusSeeOther)
			if loc := w.Header().Get("Location"); loc != "/login?next="+url.QueryEscape(p) {
				t.Errorf("redirect to %q", loc)
			}
		})
	}
	t.Run("MemberPostWithValidToken", func(t *testing.T) {
		token := csrfTokenIn(t, member.get("/").Body.String())
		w := member.post(orgPath+"/edit", url.Values{csrfField: {token}, "name": {"Gehackt"}, "kind": {"municipality"}, "country": {"DE"}})
		wantCode(t, w, http.StatusForbidden)
		o, err := e.store.FindOrganizationByID(context.Background(), s.muc.ID)
		if err != nil || o.Name != "Landeshauptstadt München" {
			t.Errorf("member changed the organization: %v %v", o, err)
		}
		w = member.post(orgPath+"/delete", url.Values{csrfField: {token}})
		wantCode(t, w, http.StatusForbidden)
		if n := e.orgCount(); n != 4 {
			t.Errorf("%d organizations, want 4", n)
		}
	})
}

// pageFormRequest is a POST of form.
func pageFormRequest(path string, form url.Values) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}
