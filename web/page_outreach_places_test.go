package web

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// placeCodeRE finds the official code in a row of the places table.
var placeCodeRE = regexp.MustCompile(`<tr><th scope="row">[^<]*</th><td>[^<]*</td><td>[^<]*</td><td>([0-9]+)</td>`)

func TestPageOutreachPlaces(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		ctx := context.Background()
		saxon := func(name string) gazetteer.Place {
			t.Helper()
			r := gazetteer.Find(gazetteer.Query{Name: name, Region: "DE-SN"})
			if r.Place == nil {
				t.Fatalf("no %s in Saxony", name)
			}
			return *r.Place
		}
		freiberg, bautzen, hoyerswerda := saxon("Freiberg"), saxon("Bautzen"), saxon("Hoyerswerda")
		// Freiberg has a CDO; Hoyerswerda had one, who left.
		var posts []*cdoatlas.Post
		for _, p := range []gazetteer.Place{freiberg, hoyerswerda} {
			pop := p.Population
			o := &cdoatlas.Organization{Name: "Stadt " + p.Name, Kind: p.Kind, Country: "DE", Region: "DE-SN", OfficialCode: p.Code, Population: &pop}
			if err := e.store.CreateOrganization(ctx, o); err != nil {
				t.Fatal(err)
			}
			post := &cdoatlas.Post{OrganizationID: o.ID, Title: "Chief Digital Officer", Role: cdoatlas.RoleCDO, CDOCheck: cdoatlas.CheckYes}
			if err := e.store.CreatePost(ctx, post); err != nil {
				t.Fatal(err)
			}
			posts = append(posts, post)
		}
		person := &cdoatlas.Person{Name: "Erika Beispiel", Gender: "f", Fictional: true}
		if err := e.store.CreatePerson(ctx, person); err != nil {
			t.Fatal(err)
		}
		for _, te := range []*cdoatlas.Tenure{
			{PersonID: person.ID, PostID: posts[0].ID, Start: "2021", Status: cdoatlas.StatusCurrent},
			{PersonID: person.ID, PostID: posts[1].ID, Start: "2018", End: "2020", Status: cdoatlas.StatusEnded},
		} {
			if err := e.store.CreateTenure(ctx, te); err != nil {
				t.Fatal(err)
			}
		}
		n := &cdoatlas.Network{Name: "CDO-Kreis"}
		if err := e.store.CreateNetwork(ctx, n); err != nil {
			t.Fatal(err)
		}
		ed := e.coordinator(n.ID)
		base := fmt.Sprintf("/networks/%d/outreach/places", n.ID)
		if !strings.Contains(ed.get(fmt.Sprintf("/networks/%d/outreach", n.ID)).Body.String(), `href="`+base+`"`) {
			t.Error("the outreach page does not link the places without a lead")
		}
		path := base + "?region=DE-SN&size_class=GK5&size_class=GK6&size_class=GK7"

		// Every page of the list, and the download, hold the same places.
		w := ed.get(path)
		wantCode(t, w, http.StatusOK)
		wantText(t, w, bautzen.Name, "Sachsen", bautzen.Code)
		var shown []string
		for page := 1; ; page++ {
			w := ed.get(fmt.Sprintf("%s&page=%d", path, page))
			wantCode(t, w, http.StatusOK)
			body := w.Body.String()
			for _, m := range placeCodeRE.FindAllStringSubmatch(body, -1) {
				shown = append(shown, m[1])
			}
			if !strings.Contains(body, `rel="next"`) {
				break
			}
			if page > 50 {
				t.Fatal("the pages do not end")
			}
		}
		w = ed.get(path + "&format=csv")
		wantCode(t, w, http.StatusOK)
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Errorf("Content-Type %q", ct)
		}
		table, err := tabular.ReadCSV(strings.NewReader(w.Body.String()), "places.csv")
		if err != nil {
			t.Fatal(err)
		}
		var downloaded []string
		for _, r := range table.Rows {
			row := r.Cells
			downloaded = append(downloaded, row[0])
			if row[4] != "DE-SN" || !slices.Contains([]string{"GK5", "GK6", "GK7"}, row[7]) {
				t.Errorf("downloaded %v", row)
			}
		}
		if !slices.Equal(shown, downloaded) {
			t.Errorf("the pages show %d places, the download has %d, or in another order", len(shown), len(downloaded))
		}
		if len(shown) < 100 {
			t.Errorf("%d Saxon places GK5–GK7 without a lead, want hundreds", len(shown))
		}
		wantText(t, ed.get(path), fmt.Sprintf("%s Orte.", formatInt("de", int64(len(shown)))))
		for _, c := range []struct {
			p    gazetteer.Place
			want bool
		}{{freiberg, false}, {bautzen, true}, {hoyerswerda, true}} {
			if got := slices.Contains(downloaded, c.p.Code); got != c.want {
				t.Errorf("%s listed: %v, want %v", c.p.Name, got, c.want)
			}
		}
		if h := table.Header; !slices.Equal(h, outreachPlaceColumns) {
			t.Errorf("header %v", h)
		}

		// Counties only, and the English page.
		ed.cookies[langCookie] = "en"
		w = ed.get(base + "?country=DE&kind=county")
		wantText(t, w, "Without a known digital lead", "Region Hannover", "County")
		wantNoText(t, w, "Gemeinde / Stadt")
		delete(ed.cookies, langCookie)

		if w := ed.get(path + "&format=pdf"); w.Code != http.StatusBadRequest {
			t.Errorf("unknown format: %d", w.Code)
		}
		if w := e.as(cdoatlas.UserMember).get(path); w.Code != http.StatusForbidden {
			t.Errorf("member: %d", w.Code)
		}
	})
}
