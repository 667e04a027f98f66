package web

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

var (
	rowNameRE = regexp.MustCompile(`<th scope="row"><a href="/organizations/\d+"><bdi>([^<]*)</bdi>`)
	rowRE     = regexp.MustCompile(`(?s)<tr>\s*<th scope="row">.*?</tr>`)
	headerRE  = regexp.MustCompile(`(?s)<th scope="col"[^>]*>.*?</th>`)
)

// rowNames returns the names of the organization list's rows, in order.
func rowNames(w *httptest.ResponseRecorder) string {
	var out []string
	for _, m := range rowNameRE.FindAllStringSubmatch(w.Body.String(), -1) {
		out = append(out, text(m[1]))
	}
	return strings.Join(out, ", ")
}

// sortedHeader returns the visible text and aria-sort of the column
// headers that have one.
func sortedHeaders(w *httptest.ResponseRecorder) []string {
	var out []string
	for _, h := range headerRE.FindAllString(w.Body.String(), -1) {
		if m := regexp.MustCompile(`aria-sort="(\w+)"`).FindStringSubmatch(h); m != nil {
			out = append(out, m[1]+": "+text(h))
		}
	}
	return out
}

func TestPageOrganizationSort(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		e.seed()
		b := e.anon()
		const (
			koeln, wesel, muc, wien = "Köln", "Kreis Wesel", "Landeshauptstadt München", "Wien"
		)
		for _, tc := range []struct {
			query  string
			want   []string // names in order
			header string   // the sorted column's header, as aria-sort: text
		}{
			{"", []string{koeln, wesel, muc, wien}, "ascending: Name ▲ (absteigend sortieren)"},
			{"sort=bogus&order=desc", []string{koeln, wesel, muc, wien}, "ascending: Name ▲ (absteigend sortieren)"},
			{"sort=name&order=asc", []string{koeln, wesel, muc, wien}, "ascending: Name ▲ (absteigend sortieren)"},
			{"sort=name&order=desc", []string{wien, muc, wesel, koeln}, "descending: Name ▼ (aufsteigend sortieren)"},
			{"sort=kind", []string{koeln, muc, wesel, wien}, "ascending: Art ▲ (absteigend sortieren)"},
			{"sort=kind&order=desc", []string{wien, wesel, koeln, muc}, "descending: Art ▼ (aufsteigend sortieren)"},
			{"sort=country", []string{koeln, wesel, muc, wien}, "ascending: Staat ▲ (absteigend sortieren)"},
			{"sort=country&order=desc", []string{wien, koeln, wesel, muc}, "descending: Staat ▼ (aufsteigend sortieren)"},
			{"sort=region", []string{muc, koeln, wesel, wien}, "ascending: Region ▲ (absteigend sortieren)"},
			{"sort=region&order=desc", []string{wien, koeln, wesel, muc}, "descending: Region ▼ (aufsteigend sortieren)"},
			{"sort=size_class", []string{koeln, muc, wien, wesel}, "ascending: Größenklasse ▲ (absteigend sortieren)"},
			{"sort=size_class&order=desc", []string{wesel, koeln, muc, wien}, "descending: Größenklasse ▼ (aufsteigend sortieren)"},
			{"sort=population", []string{wesel, koeln, muc, wien}, "ascending: Einwohner ▲ (absteigend sortieren)"},
			{"sort=population&order=desc", []string{wien, muc, koeln, wesel}, "descending: Einwohner ▼ (aufsteigend sortieren)"},
			{"sort=cdo", []string{muc, koeln, wesel, wien}, "ascending: CDO ▲ (absteigend sortieren)"},
			{"sort=cdo&order=desc", []string{koeln, wesel, wien, muc}, "descending: CDO ▼ (aufsteigend sortieren)"},
		} {
			t.Run(tc.query, func(t *testing.T) {
				w := b.get("/organizations?" + tc.query)
				wantCode(t, w, http.StatusOK)
				if got, want := rowNames(w), strings.Join(tc.want, ", "); got != want {
					t.Errorf("order\n got %s\nwant %s", got, want)
				}
				if got := sortedHeaders(w); len(got) != 1 || got[0] != tc.header {
					t.Errorf("headers with aria-sort: %q, want only %q", got, tc.header)
				}
			})
		}
	})
}

func TestPageOrganizationSortLinks(t *testing.T) {
	e := newPageEnv(t)
	e.seed()
	b := e.anon()
	w := b.get("/organizations?country=DE&q=k&sort=population&order=desc&page=1")
	wantCode(t, w, http.StatusOK)
	body := w.Body.String()
	for _, link := range []string{
		// Another column sorts ascending, the sorted one turns around;
		// both keep the search and filters and start at the first page.
		`<a class="sort-link" href="/organizations?country=DE&amp;order=asc&amp;q=k&amp;sort=name">Name`,
		`<a class="sort-link" href="/organizations?country=DE&amp;order=asc&amp;q=k&amp;sort=population">Einwohner`,
		// The filter form keeps the order.
		`<input type="hidden" name="sort" value="population">`,
		`<input type="hidden" name="order" value="desc">`,
		// So do the downloads.
		`href="/organizations?country=DE&amp;format=csv&amp;order=desc&amp;q=k&amp;sort=population"`,
	} {
		if !strings.Contains(body, link) {
			t.Errorf("page has no %s", link)
		}
	}
	// Downloads come in the chosen order, each order its own file.
	for _, tc := range []struct{ query, want string }{
		{"sort=population&order=desc", "Wien, Landeshauptstadt München, Köln, Kreis Wesel"},
		{"sort=population", "Kreis Wesel, Köln, Landeshauptstadt München, Wien"},
		{"", "Köln, Kreis Wesel, Landeshauptstadt München, Wien"},
	} {
		w := b.get("/organizations?format=csv&" + tc.query)
		wantCode(t, w, http.StatusOK)
		var names []string
		for _, line := range strings.Split(strings.TrimSpace(w.Body.String()), "\n")[1:] {
			names = append(names, strings.SplitN(line, ",", 2)[0])
		}
		if got := strings.Join(names, ", "); got != tc.want {
			t.Errorf("CSV with %q lists\n %s\nwant %s", tc.query, got, tc.want)
		}
	}
	// Without a chosen order the form sends none.
	if strings.Contains(b.get("/organizations").Body.String(), `name="sort"`) {
		t.Error("the form sends an order nobody chose")
	}
}

func TestPageOrganizationCDOColumn(t *testing.T) {
	eachPageEnv(t, func(t *testing.T, e *pageEnv) {
		e.seed() // München has a current CDO, the others none
		b := e.anon()
		w := b.get("/organizations")
		wantCode(t, w, http.StatusOK)
		rows := map[string]string{}
		for _, r := range rowRE.FindAllString(w.Body.String(), -1) {
			rt := text(r)
			for _, name := range []string{"Köln", "Kreis Wesel", "Landeshauptstadt München", "Wien"} {
				if strings.HasPrefix(rt, name+" ") {
					rows[name] = rt
				}
			}
		}
		for name, want := range map[string]string{"Landeshauptstadt München": " ja", "Köln": " – nein", "Kreis Wesel": " – nein", "Wien": " – nein"} {
			if !strings.HasSuffix(rows[name], want) {
				t.Errorf("row %q does not end in %q", rows[name], want)
			}
		}

		// Only with a CDO.
		w = b.get("/organizations?cdo=1")
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "1 Organisation gefunden")
		if got := rowNames(w); got != "Landeshauptstadt München" {
			t.Errorf("only with a CDO: %s", got)
		}
		if !strings.Contains(w.Body.String(), `name="cdo" value="1" checked`) {
			t.Error("the CDO filter does not stay checked")
		}
	})
}
