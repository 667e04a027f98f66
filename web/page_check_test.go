package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Task texts for the CDO-Check.
const (
	checkSocialMedia = "Betreuung der Social-Media-Kanäle (Instagram, Facebook) und der Website der Stadt, digitale Öffentlichkeitsarbeit."
	checkCrossSmart  = "Sie verantworten die ämterübergreifende Digitalisierung, entwickeln die Smart-City-Strategie mit den Stadtwerken und bauen eine urbane Datenplattform auf."
)

// checkForm is what a visitor fills in.
func checkForm(title, tasks, kind string) url.Values {
	return url.Values{"title": {title}, "tasks": {tasks}, "kind": {kind}, "placement": {""}}
}

var pageTitleRE = regexp.MustCompile(`<title>([^<]*)</title>`)

// titleOf returns the text of the page's <title>.
func titleOf(body string) string {
	m := pageTitleRE.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return text(m[1])
}

func TestPageCheckForm(t *testing.T) {
	e := newPageEnv(t)
	w := e.anon().get("/check")
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "CDO-Check", "Der Titel zeigt, welche Rolle gemeint ist.",
		"über alle Ämter und Fachbereiche hinweg", "Ihre Eingaben werden nicht gespeichert.",
		"Titel der Stelle *", "Was fügen Sie ein?", "Stellenanzeige", "Aufgabenbeschreibung einer bestehenden Stelle",
		"Verortung der Stelle", "Stabsstelle beim Hauptverwaltungsbeamten", "Prüfen")
	body := w.Body.String()
	for _, want := range []string{
		`<a href="/check" aria-current="page">`,
		`<label for="f-title">`, `<label for="f-tasks">`, `<label for="f-placement">`,
		`<input type="radio" id="f-kind-job_ad" name="kind" value="job_ad" checked>`,
		`<input type="radio" id="f-kind-post" name="kind" value="post">`,
		`id="f-title" name="title" value="" required aria-required="true"`,
		`action="/check#result"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("form lacks %s", want)
		}
	}
	if strings.Contains(body, `id="result"`) {
		t.Error("the empty form shows a result")
	}
	if strings.Contains(body, "<script") {
		t.Error("the page has a script")
	}
}

func TestPageCheckResult(t *testing.T) {
	e := newPageEnv(t)
	for _, tc := range []struct {
		name    string
		form    url.Values
		want    []string
		notWant []string
		title   string
	}{
		{
			name: "SocialMediaIsNo",
			form: checkForm("Chief Digital Officer", checkSocialMedia, "job_ad"),
			want: []string{"Ergebnis: Nein – nach den Aufgaben keine CDO-Stelle",
				"Der Titel nennt eine CDO-Rolle, die Aufgaben tragen sie aber nicht.",
				"Rolle laut Titel CDO (Chief Digital Officer)", "CDO-Stelle laut Aufgaben Nein",
				"Gründe zum Titel", "Titel der Form „Chief … Officer“",
				"Gründe zu den Aufgaben", "Keine Verantwortung für die Digitalisierung über Ämter hinweg",
				"Social Media, Web oder Öffentlichkeitsarbeit",
				"Was der Stellenanzeige fehlt", "Kein ämterübergreifendes Mandat", "Kein eigenes Budget",
				"Kommunikationsstärke nicht verlangt",
				"CDOs nennen Kommunikationsstärke als ihre wichtigste Fähigkeit"},
			notWant: []string{"Schwerpunkt (Archetyp)"},
			title:   "Ergebnis: Nein – CDO-Check – cdoatlas",
		},
		{
			name: "CrossDepartmentalIsYes",
			form: url.Values{"title": {"Leitung Stabsstelle Digitalisierung"}, "tasks": {checkCrossSmart}, "kind": {"job_ad"}, "placement": {"staff_unit_head"}},
			want: []string{"Ergebnis: Ja – nach den Aufgaben eine CDO-Stelle", "CDO-Stelle laut Aufgaben Ja",
				"Schwerpunkt (Archetyp) Smart City / Region",
				"Verantwortung für die Digitalisierung über Ämter hinweg",
				"Angesiedelt an der Verwaltungsspitze oder im Vorstand",
				"Was der Stellenanzeige fehlt", "Kein eigenes Budget"},
			notWant: []string{"Kein ämterübergreifendes Mandat", "Keine Verantwortung für die Digitalisierung über Ämter hinweg"},
			title:   "Ergebnis: Ja – CDO-Check – cdoatlas",
		},
		{
			name:    "TaskDescriptionHasNoGaps",
			form:    checkForm("Chief Digital Officer", checkSocialMedia, "post"),
			want:    []string{"Ergebnis: Nein", "Social Media, Web oder Öffentlichkeitsarbeit"},
			notWant: []string{"Was der Stellenanzeige fehlt", "Kommunikationsstärke nicht verlangt", "wichtigste Fähigkeit"},
			title:   "Ergebnis: Nein – CDO-Check – cdoatlas",
		},
		{
			name: "NoTasksIsUnclear",
			form: checkForm("CDO", "", "job_ad"),
			want: []string{"Ergebnis: Unklar – keine Aufgaben angegeben", "CDO-Stelle laut Aufgaben Unklar", "Abkürzung im Titel",
				"Ohne Aufgaben lässt sich nicht sagen, ob es eine CDO-Stelle ist."},
			notWant: []string{"Was der Stellenanzeige fehlt", "Schwerpunkt (Archetyp)"},
			title:   "Ergebnis: Unklar – CDO-Check – cdoatlas",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := e.anon().submit("/check", "/check", tc.form)
			wantCode(t, w, http.StatusOK)
			wantText(t, w, tc.want...)
			wantNoText(t, w, tc.notWant...)
			body := w.Body.String()
			if got := titleOf(body); got != tc.title {
				t.Errorf("page title %q, want %q", got, tc.title)
			}
			if !strings.Contains(body, `<h2 id="result" tabindex="-1">`) {
				t.Error("the result heading is not the target of the form's #result")
			}
			if !regexp.MustCompile(`Sicherheit der Einschätzung \d{1,3} %`).MatchString(text(body)) {
				t.Error("no confidence in percent")
			}
			// The form keeps what was typed.
			if !strings.Contains(body, `value="`+tc.form.Get("title")+`"`) {
				t.Errorf("title %q not kept", tc.form.Get("title"))
			}
			if tasks := tc.form.Get("tasks"); !strings.Contains(body, `>`+tasks+`</textarea>`) {
				t.Errorf("tasks not kept")
			}
			kind := tc.form.Get("kind")
			if !strings.Contains(body, `value="`+kind+`" checked>`) {
				t.Errorf("choice %q not kept", kind)
			}
			if p := tc.form.Get("placement"); p != "" && !strings.Contains(body, `<option value="`+p+`" selected>`) {
				t.Errorf("placement %q not kept", p)
			}
		})
	}
}

func TestPageCheckEnglish(t *testing.T) {
	e := newPageEnv(t)
	b := e.anon()
	w := b.get("/check?lang=en")
	wantCode(t, w, http.StatusSeeOther)
	w = b.follow(w)
	wantText(t, w, "CDO check", "The title shows which role is meant.", "Title of the post *", "Job ad", "Task description of an existing post")

	w = b.submit("/check", "/check", checkForm("Chief Digital Officer", checkSocialMedia, "job_ad"))
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Result: No – not a CDO post by its tasks", "Role by the title CDO (Chief Digital Officer)",
		"Reasons from the tasks", "social media, web or public relations",
		"What the job ad lacks", "communication skills not asked for",
		"CDOs name communication skills as their most important skill")
	wantNoText(t, w, "Ergebnis", "Social Media, Web oder Öffentlichkeitsarbeit", "Kein eigenes Budget")
	if got := titleOf(w.Body.String()); got != "Result: No – CDO check – cdoatlas" {
		t.Errorf("page title %q", got)
	}
	if !regexp.MustCompile(`Confidence \d{1,3}%`).MatchString(text(w.Body.String())) {
		t.Error("no confidence in percent")
	}
	// The language link of the result leads to the form in German.
	if !strings.Contains(w.Body.String(), `href="/check?lang=de" lang="de"`) {
		t.Error("no link to the German form")
	}

	// The language cookie alone is enough.
	c := e.anon()
	c.cookies[langCookie] = "en"
	w = c.submit("/check", "/check", checkForm("Chief Digital Officer", checkCrossSmart, "job_ad"))
	wantText(t, w, "Result: Yes – a CDO post by its tasks", "Focus (archetype) Smart city / region", "responsible for digitalisation across departments")
}

func TestPageCheckErrors(t *testing.T) {
	e := newPageEnv(t)
	t.Run("TitleRequired", func(t *testing.T) {
		w := e.anon().submit("/check", "/check", checkForm("   ", checkSocialMedia, "post"))
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Bitte korrigieren Sie 1 Angabe:", "Titel der Stelle: Bitte ausfüllen.")
		body := w.Body.String()
		for _, want := range []string{
			`<a href="#f-title">`, `aria-invalid="true" aria-describedby="f-title-hint f-title-error"`,
			`<p class="field__error" id="f-title-error">Bitte ausfüllen.</p>`,
			`>` + checkSocialMedia + `</textarea>`, `value="post" checked>`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %s", want)
			}
		}
		if got := titleOf(body); got != "Fehler: CDO-Check – cdoatlas" {
			t.Errorf("page title %q, want it to start with Fehler:", got)
		}
		wantNoText(t, w, "Ergebnis")
	})
	for _, tc := range []struct {
		name, title, tasks string
		code               int
		want               string
	}{
		{"TitleTooLong", strings.Repeat("x", 301), "", http.StatusUnprocessableEntity, "Titel der Stelle: Der Titel darf höchstens 300 Zeichen lang sein."},
		{"TitleLongest", strings.Repeat("ä", 300), "", http.StatusOK, "Ergebnis: Unklar"},
		{"TasksTooLong", "CDO", strings.Repeat("Digitalisierung ", 1250) + "x", http.StatusUnprocessableEntity, "Text der Stellenanzeige oder Aufgabenbeschreibung: Der Text darf höchstens 20.000 Zeichen lang sein."},
		{"TasksLongest", "CDO", strings.Repeat("Digitalisierung ", 1250), http.StatusOK, "Ergebnis: Nein"},
		// Line breaks come from the browser as CR LF and count as one character.
		{"TasksLongestWindowsLines", "CDO", strings.Repeat("Digitalisierung\r\n", 1250), http.StatusOK, "Ergebnis: Nein"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := e.anon().submit("/check", "/check", checkForm(tc.title, tc.tasks, "job_ad"))
			wantCode(t, w, tc.code)
			wantText(t, w, tc.want)
		})
	}
	t.Run("UnknownPlacement", func(t *testing.T) {
		f := checkForm("CDO", checkCrossSmart, "job_ad")
		f.Set("placement", "cellar")
		w := e.anon().submit("/check", "/check", f)
		wantCode(t, w, http.StatusUnprocessableEntity)
		wantText(t, w, "Verortung der Stelle: Unbekannte Verortung.")
	})
	t.Run("NoCSRFToken", func(t *testing.T) {
		b := e.anon()
		b.get("/check")
		w := b.post("/check", checkForm("Chief Digital Officer", checkSocialMedia, "job_ad"))
		wantCode(t, w, http.StatusForbidden)
		wantText(t, w, "Kein Zugriff")
		wantNoText(t, w, "Ergebnis")
	})
	t.Run("InputEscaped", func(t *testing.T) {
		w := e.anon().submit("/check", "/check", checkForm(`<script>alert(1)</script>`, `</textarea><img src=x onerror=alert(1)>`, "job_ad"))
		wantCode(t, w, http.StatusOK)
		body := w.Body.String()
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Errorf("input reflected unescaped:\n%s", body)
		}
		if !strings.Contains(body, `value="&lt;script&gt;alert(1)&lt;/script&gt;"`) {
			t.Error("the title is not kept, escaped")
		}
	})
}

// TestPageCheckAnonymous checks that each anonymous visitor gets a form of
// their own: a page cached for one would carry a CSRF token that fails for
// the next.
func TestPageCheckAnonymous(t *testing.T) {
	e := newPageEnv(t)
	e.seed()
	first := e.anon()
	wantCode(t, first.get("/check"), http.StatusOK)
	second := e.anon()
	w := second.submit("/check", "/check", checkForm("Chief Digital Officer", checkSocialMedia, "job_ad"))
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Ergebnis: Nein")
	if w.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", w.Header().Get("Cache-Control"))
	}
	// A logged-in member uses the same form.
	w = e.as("member").submit("/check", "/check", checkForm("Chief Digital Officer", checkCrossSmart, "job_ad"))
	wantCode(t, w, http.StatusOK)
	wantText(t, w, "Ergebnis: Ja")
}
