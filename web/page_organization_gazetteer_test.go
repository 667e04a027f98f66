package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// formValue returns what the form on page shows for the field name: an
// input's value or the selected option of a select.
func formValue(t *testing.T, page, name string) string {
	t.Helper()
	if m := regexp.MustCompile(`name="` + name + `" value="([^"]*)"`).FindStringSubmatch(page); m != nil {
		return html.UnescapeString(m[1])
	}
	sel := regexp.MustCompile(`(?s)<select id="[^"]*" name="` + name + `".*?</select>`).FindString(page)
	if sel == "" {
		t.Fatalf("no field %s on the page", name)
	}
	if m := regexp.MustCompile(`<option value="([^"]*)" selected>`).FindStringSubmatch(sel); m != nil {
		return html.UnescapeString(m[1])
	}
	return ""
}

func TestPageOrganizationGazetteer(t *testing.T) {
	e := newPageEnv(t)
	b := e.as(cdoatlas.UserEditor)
	want := gazetteer.Find(gazetteer.Query{Name: "Landeshauptstadt Düsseldorf", Country: "DE"}).Place
	if want == nil {
		t.Fatal("the gazetteer does not know Düsseldorf")
	}

	t.Run("Filled", func(t *testing.T) {
		form := url.Values{"name": {"Landeshauptstadt Düsseldorf"}, "country": {"DE"}, "sector": {"Verwaltung"},
			"other_names": {"Stadt Düsseldorf"}, "action": {"gazetteer"}}
		w := b.submit("/organizations/new", "/organizations/new", form)
		wantCode(t, w, http.StatusOK)
		page := w.Body.String()
		for field, v := range map[string]string{
			"official_code":   "05111000",
			"kind":            cdoatlas.KindMunicipality,
			"country":         "DE",
			"region":          "DE-NW",
			"population":      strconv.FormatInt(want.Population, 10),
			"population_date": cdoatlas.PartialDate(want.PopulationDate).German(),
			"name":            "Landeshauptstadt Düsseldorf", // the user's entries stay
			"sector":          "Verwaltung",
		} {
			if got := formValue(t, page, field); got != v {
				t.Errorf("%s = %q, want %q", field, got, v)
			}
		}
		if !strings.Contains(page, ">Stadt Düsseldorf</textarea>") {
			t.Error("the other names typed are lost")
		}
		wantText(t, w, "Aus dem Gemeindeverzeichnis übernommen: Düsseldorf, Schlüssel 05111000. Noch nicht gespeichert.")
		if !strings.Contains(page, `aria-describedby="f-name-note"`) {
			t.Error("the name field does not point to the note about the lookup")
		}
		if n := e.orgCount(); n != 0 {
			t.Fatalf("the lookup saved %d organizations", n)
		}

		// Saving the filled-in form stores the gazetteer's facts.
		saved := url.Values{}
		for _, f := range []string{"name", "kind", "country", "region", "official_code", "population", "population_date", "sector"} {
			saved.Set(f, formValue(t, page, f))
		}
		wantCode(t, b.submit("/organizations/new", "/organizations/new", saved), http.StatusSeeOther)
		orgs, _, err := e.store.FindOrganizations(context.Background(), cdoatlas.OrganizationFilter{OfficialCode: "05111000"})
		if err != nil || len(orgs) != 1 {
			t.Fatalf("after saving: %v, %v", orgs, err)
		}
		if o := orgs[0]; o.Population == nil || *o.Population != want.Population || o.PopulationDate != want.PopulationDate || o.SizeClass != "GK1" {
			t.Errorf("stored %+v", o)
		}

		// The edit form says when the place is already in the atlas as
		// another organization, and saves nothing either.
		other := &cdoatlas.Organization{Name: "Ratingen", Kind: "municipality", Country: "DE", Region: "DE-NW"}
		if err := e.store.CreateOrganization(context.Background(), other); err != nil {
			t.Fatal(err)
		}
		edit := editPath("organizations", other.ID)
		w = b.submit(edit, edit, url.Values{"name": {"Düsseldorf"}, "country": {"DE"}, "action": {"gazetteer"}})
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "Im Atlas gibt es schon eine Organisation mit diesem Schlüssel: Landeshauptstadt Düsseldorf.")
		if o, _ := e.store.FindOrganizationByID(context.Background(), other.ID); o.Name != "Ratingen" || o.OfficialCode != "" {
			t.Errorf("the lookup on the edit form changed the organization: %+v", o)
		}
	})

	t.Run("Ambiguous", func(t *testing.T) {
		form := url.Values{"name": {"Neustadt"}, "country": {"DE"}, "action": {"gazetteer"}}
		w := b.submit("/organizations/new", "/organizations/new", form)
		wantCode(t, w, http.StatusOK)
		page := w.Body.String()
		wantText(t, w, "Mehrere Orte im Gemeindeverzeichnis passen zu diesem Namen", "Welcher Ort ist mit „Neustadt“ gemeint?")
		cands := gazetteer.Find(gazetteer.Query{Name: "Neustadt", Country: "DE"}).Candidates
		if len(cands) < 2 {
			t.Fatalf("the gazetteer has %d places named Neustadt", len(cands))
		}
		for _, c := range cands {
			button := `name="gazetteer_place" value="DE|` + c.Code + `">` + c.Name + " – "
			if !strings.Contains(html.UnescapeString(page), button) {
				t.Errorf("no button for %s (%s)", c.Name, c.Code)
			}
			wantText(t, w, cdoatlas.RegionName(c.Region)+", Schlüssel "+c.Code)
		}
		if got := formValue(t, page, "official_code"); got != "" {
			t.Errorf("an ambiguous name filled in the code %s", got)
		}
		// "Speichern" comes first, so that Enter in a field saves.
		if s, g := strings.Index(page, `<button type="submit" class="button">Speichern`), strings.Index(page, `name="gazetteer_place"`); s < 0 || g < s {
			t.Error("a candidate's button comes before the save button")
		}

		// Choosing a candidate fills in that place, still without saving.
		form.Del("action")
		form.Set("gazetteer_place", "DE|"+cands[1].Code)
		w = b.submit("/organizations/new", "/organizations/new", form)
		wantCode(t, w, http.StatusOK)
		page = w.Body.String()
		if got := formValue(t, page, "official_code"); got != cands[1].Code {
			t.Errorf("code = %q, want the chosen %s", got, cands[1].Code)
		}
		if got := formValue(t, page, "region"); got != cands[1].Region {
			t.Errorf("region = %q, want %s", got, cands[1].Region)
		}
		if got := formValue(t, page, "name"); got != "Neustadt" {
			t.Errorf("name = %q, want it as typed", got)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		w := b.submit("/organizations/new", "/organizations/new", url.Values{"name": {"Xqzvrtplk"}, "country": {"DE"}, "kind": {"company"}, "action": {"gazetteer"}})
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "Im Gemeindeverzeichnis wurde kein Ort mit diesem Namen gefunden.")
		if got := formValue(t, w.Body.String(), "kind"); got != "company" {
			t.Errorf("kind = %q, want the company typed", got)
		}
	})

	t.Run("OtherCountry", func(t *testing.T) {
		// The new form presets Germany; Wien is still found.
		w := b.submit("/organizations/new", "/organizations/new", url.Values{"name": {"Wien"}, "country": {"DE"}, "action": {"gazetteer"}})
		wantCode(t, w, http.StatusOK)
		if got := formValue(t, w.Body.String(), "country"); got != "AT" {
			t.Errorf("country = %q, want AT", got)
		}
	})

	t.Run("English", func(t *testing.T) {
		b.cookies[langCookie] = "en"
		defer delete(b.cookies, langCookie)
		w := b.submit("/organizations/new", "/organizations/new", url.Values{"name": {"Neustadt"}, "country": {"DE"}, "action": {"gazetteer"}})
		wantText(t, w, "Fill in from the gazetteer", "Which place does")
		wantNoText(t, w, "Gemeindeverzeichnis")
	})

	if n := e.orgCount(); n != 2 { // Düsseldorf saved on purpose, Ratingen made by the test
		t.Errorf("%d organizations stored, want 2", n)
	}
}

func TestPageOrganizationGazetteerCSRF(t *testing.T) {
	e := newPageEnv(t)
	b := e.as(cdoatlas.UserEditor)
	w := b.post("/organizations/new", url.Values{"name": {"Düsseldorf"}, "action": {"gazetteer"}})
	if w.Code != http.StatusForbidden {
		t.Errorf("lookup without a CSRF token: status %d, want 403", w.Code)
	}
}
