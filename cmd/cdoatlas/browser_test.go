package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas/gazetteer"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser tests drive Debian's Chromium against a real server with the
// demo data, inject axe-core from node_modules (never from a network) and
// check every page against WCAG 2.1 A/AA. They run when
// CDOATLAS_TEST_BROWSER=1 (.ci/run sets it).

func browserDeps(t *testing.T) (chromium, axe string) {
	if os.Getenv("CDOATLAS_TEST_BROWSER") != "1" {
		t.Skip("browser tests skipped: set CDOATLAS_TEST_BROWSER=1 (needs Debian's chromium and `npm ci` for axe-core)")
	}
	chromium = os.Getenv("CDOATLAS_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("CDOATLAS_TEST_BROWSER=1 but no Chromium at %s (apt-get install chromium)", chromium)
	}
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(p); err == nil {
			return chromium, p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("CDOATLAS_TEST_BROWSER=1 but node_modules/axe-core/axe.min.js is missing: run `npm ci` in the repository root")
		}
		dir = parent
	}
}

// browser starts a headless Chromium and returns a context for it.
func browser(t *testing.T, chromium string) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first call starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// run runs steps in the browser, each batch within a minute.
func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) and returns
// its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %.60q: %v", expr, err)
	}
	return v
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the loaded page and fails for any violation.
func checkAxe(t *testing.T, ctx context.Context, axeSource, page string) {
	t.Helper()
	for _, v := range axeViolations(t, ctx, axeSource, page) {
		var targets []string
		for _, n := range v.Nodes {
			targets = append(targets, fmt.Sprint(n.Target...))
		}
		t.Errorf("%s: axe %s: %s at %s", page, v.ID, v.Help, strings.Join(targets, ", "))
	}
}

// axeViolations runs axe-core with the WCAG 2.1 A/AA rules on the loaded page.
func axeViolations(t *testing.T, ctx context.Context, axeSource, page string) []axeViolation {
	t.Helper()
	eval[bool](t, ctx, axeSource+"\n;true")
	res := eval[string](t, ctx, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => JSON.stringify(r.violations))`)
	var violations []axeViolation
	if err := json.Unmarshal([]byte(res), &violations); err != nil {
		t.Fatalf("%s: axe answered %q: %v", page, res, err)
	}
	return violations
}

// waitFor polls a JavaScript condition until it holds, for up to 20 s.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", cond)
}

// text returns the visible text of the first element matching a CSS selector.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func TestBrowser(t *testing.T) {
	chromium, axePath := browserDeps(t)
	axeSource, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	a := newApp(t)
	if _, stderr, err := a.run("", "migrate"); err != nil {
		t.Fatalf("migrate: %v %s", err, stderr)
	}
	if _, stderr, err := a.run("browser-test-password\n", "user", "add", "--role", "admin", "admin@example.org"); err != nil {
		t.Fatalf("user add: %v %s", err, stderr)
	}
	// A token, so that /account lists one.
	if _, stderr, err := a.run("", "token", "add", "--name", "Auswertung", "admin@example.org"); err != nil {
		t.Fatalf("token add: %v %s", err, stderr)
	}
	// A member of the demo's core circle, for the ballot.
	if _, stderr, err := a.run("member-test-password\n", "user", "add", "--role", "member", "demo1@example.org"); err != nil {
		t.Fatalf("user add: %v %s", err, stderr)
	}
	base := a.serve("--demo")
	ctx := browser(t, chromium)

	// IDs of demo records to visit, from the API.
	munich := apiFirstID(t, base+"/api/v1/organizations?q=muenchen&kind=municipality")
	post := apiFirstID(t, fmt.Sprintf("%s/api/v1/posts?organization_id=%d", base, munich))
	person := apiFirstID(t, base+"/api/v1/people")

	t.Run("AxeFindsViolations", func(t *testing.T) {
		// The check itself works: an unlabelled field and an image without
		// text are reported.
		run(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitReady(chromedp.CSS("body")))
		eval[bool](t, ctx, `document.querySelector('main').insertAdjacentHTML('beforeend', '<input type="text"><img src="/x.png">'); true`)
		ids := map[string]bool{}
		for _, v := range axeViolations(t, ctx, string(axeSource), "broken home page") {
			ids[v.ID] = true
		}
		if !ids["label"] || !ids["image-alt"] {
			t.Errorf("axe found %v on a page with an unlabelled input and an image without alt; want label and image-alt", ids)
		}
	})

	t.Run("AxePublicPages", func(t *testing.T) {
		for _, p := range []string{"/", "/organizations", "/organizations?q=muenchen&country=DE", "/organizations?page=2",
			fmt.Sprintf("/organizations/%d", munich), fmt.Sprintf("/posts/%d", post), fmt.Sprintf("/people/%d", person),
			"/login", "/check", "/no-such-page", "/statistics", "/statistics?wave=2024&compare=none", "/?lang=en", "/check",
			"/statistics", "/calls", "/calls/1", "/organizations?lang=de", "/password/forgot", "/password/reset/no-such-link",
			"/search", "/search?q=muenchen", "/search?q=cdo&in=posts"} {
			run(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")))
			checkAxe(t, ctx, string(axeSource), p)
		}
	})

	t.Run("ReportFromFile", func(t *testing.T) {
		// The static report works from file://: charts, tables, no
		// requests elsewhere, and it passes axe.
		dir := t.TempDir()
		if _, stderr, err := a.run("", "report", "--db", a.db, "--out", dir); err != nil {
			t.Fatalf("report: %v %s", err, stderr)
		}
		for _, page := range []string{"index.html", "index.en.html"} {
			run(t, ctx, chromedp.Navigate("file://"+filepath.Join(dir, page)), chromedp.WaitReady(chromedp.CSS("body")))
			if n := eval[int](t, ctx, `document.querySelectorAll('figure svg').length`); n < 5 {
				t.Errorf("%s shows %d charts, want at least 5", page, n)
			}
			if h1 := text(t, ctx, "h1"); !strings.Contains(h1, "2025") {
				t.Errorf("%s: h1 %q", page, h1)
			}
			checkAxe(t, ctx, string(axeSource), "report "+page)
		}
	})

	t.Run("ApplyToCall", func(t *testing.T) {
		// An anonymous visitor applies to the demo call: a mistake first
		// (no consent), which keeps what was typed, then the status page
		// with the private link.
		run(t, ctx, chromedp.Navigate(base+"/calls/1"), chromedp.WaitVisible(chromedp.ID("f-person-name")),
			chromedp.SendKeys(chromedp.ID("f-person-name"), "Browser Bewerberin"),
			chromedp.SendKeys(chromedp.ID("f-email"), "bewerberin@example.org"),
			chromedp.SendKeys(chromedp.ID("f-organization-name"), "Landeshauptstadt München"),
			chromedp.SendKeys(chromedp.ID("f-title"), "Chief Digital Officer"),
			chromedp.SendKeys(chromedp.ID("f-tasks"), "Ich verantworte die Digitalstrategie der gesamten Stadtverwaltung und koordiniere alle Fachbereiche."),
			chromedp.Click(chromedp.CSS(`form.form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".error-summary")))
		if kept := eval[string](t, ctx, `document.getElementById('f-tasks').value`); !strings.Contains(kept, "Digitalstrategie") {
			t.Errorf("the form lost the tasks: %q", kept)
		}
		checkAxe(t, ctx, string(axeSource), "application form with errors")
		run(t, ctx, chromedp.Click(chromedp.ID("f-consent")), chromedp.Click(chromedp.CSS(`form.form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".flash")))
		if got := text(t, ctx, "main"); !strings.Contains(got, "Vielen Dank für Ihre Bewerbung.") {
			t.Errorf("status page shows\n%s", got)
		}
		// The full private link, to copy.
		if link := eval[string](t, ctx, `document.getElementById('private-link').value`); !strings.HasPrefix(link, base+"/applications/") {
			t.Errorf("the private link reads %q, want the full URL under %s", link, base)
		}
		checkAxe(t, ctx, string(axeSource), "application status")
	})

	t.Run("CheckAnonymous", func(t *testing.T) {
		// An anonymous visitor checks a job ad: the result appears below
		// the form, which keeps the text, and the browser goes to it.
		run(t, ctx, chromedp.Navigate(base+"/check"), chromedp.WaitVisible(chromedp.ID("f-title")),
			chromedp.SendKeys(chromedp.ID("f-title"), "Chief Digital Officer"),
			chromedp.SendKeys(chromedp.ID("f-tasks"), "Betreuung der Social-Media-Kanäle und der Website der Stadt, digitale Öffentlichkeitsarbeit."),
			chromedp.Click(chromedp.CSS(`.check-form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.ID("result")))
		if h := text(t, ctx, "#result"); h != "Ergebnis: Nein – nach den Aufgaben keine CDO-Stelle" {
			t.Errorf("result heading %q", h)
		}
		if got := text(t, ctx, ".check-result"); !strings.Contains(got, "Social Media, Web oder Öffentlichkeitsarbeit") || !strings.Contains(got, "Was der Stellenanzeige fehlt") {
			t.Errorf("result shows\n%s", got)
		}
		if title := eval[string](t, ctx, `document.title`); !strings.HasPrefix(title, "Ergebnis: Nein") {
			t.Errorf("page title %q does not tell the result", title)
		}
		if hash := eval[string](t, ctx, `location.hash`); hash != "#result" {
			t.Errorf("location hash %q, want #result", hash)
		}
		// Focus is on the result heading, so a screen reader reads it out.
		if active := eval[string](t, ctx, `document.activeElement.id || document.activeElement.tagName`); active != "result" {
			t.Errorf("after submitting, the focus is on %q, want the result heading", active)
		}
		if kept := eval[string](t, ctx, `document.getElementById('f-tasks').value`); !strings.Contains(kept, "Social-Media-Kanäle") {
			t.Errorf("the form does not keep the text: %q", kept)
		}
		checkAxe(t, ctx, string(axeSource), "/check result")

		// Without a title: the error summary and the inline message.
		run(t, ctx, chromedp.Navigate(base+"/check"), chromedp.WaitVisible(chromedp.ID("f-tasks")),
			chromedp.SendKeys(chromedp.ID("f-tasks"), "Ämterübergreifende Digitalstrategie."),
			chromedp.Click(chromedp.CSS(`.check-form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(`#f-title[aria-invalid="true"]`)))
		if got := text(t, ctx, ".error-summary"); !strings.Contains(got, "Titel der Stelle: Bitte ausfüllen.") {
			t.Errorf("error summary shows\n%s", got)
		}
		checkAxe(t, ctx, string(axeSource), "/check with errors")
	})

	t.Run("SkipLinkByKeyboard", func(t *testing.T) {
		run(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitReady(chromedp.CSS("body")), chromedp.KeyEvent(kb.Tab))
		focused := eval[string](t, ctx, `document.activeElement.textContent.trim()`)
		run(t, ctx, chromedp.KeyEvent(kb.Enter))
		after := eval[string](t, ctx, `document.activeElement.id`)
		if focused != "Zum Inhalt springen" {
			t.Errorf("first Tab focuses %q, want the skip link", focused)
		}
		if after != "main" {
			t.Errorf("after the skip link the focus is on %q, want main", after)
		}
	})

	t.Run("Search", func(t *testing.T) {
		run(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("#home-q")),
			chromedp.SendKeys(chromedp.ID("#home-q"), "muenchen"+kb.Enter))
		waitFor(t, ctx, `location.pathname === '/organizations' && document.readyState === 'complete'`)
		if got := text(t, ctx, "main"); !strings.Contains(got, "Landeshauptstadt München") {
			t.Errorf("search for muenchen shows:\n%s", got)
		}
		url := eval[string](t, ctx, `location.href`)
		if !strings.Contains(url, "/organizations?q=muenchen") {
			t.Errorf("search went to %s", url)
		}
	})

	t.Run("LanguageSwitch", func(t *testing.T) {
		run(t, ctx, chromedp.Navigate(base+"/organizations"), chromedp.WaitReady(chromedp.CSS("body")),
			chromedp.Click(chromedp.CSS(`a[hreflang="en"]`)), chromedp.WaitReady(chromedp.CSS(`html[lang="en"]`)))
		if h1 := text(t, ctx, "h1"); h1 != "Organizations" {
			t.Errorf("after switching to English the heading is %q", h1)
		}
		// The choice is remembered on the next page.
		run(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitReady(chromedp.CSS("body")))
		lang := eval[string](t, ctx, `document.documentElement.lang`)
		if lang != "en" {
			t.Errorf("next page has lang %q, want en", lang)
		}
		run(t, ctx, chromedp.Click(chromedp.CSS(`a[hreflang="de"]`)), chromedp.WaitReady(chromedp.CSS(`html[lang="de"]`)))
	})

	t.Run("CSRFLessPostRefused", func(t *testing.T) {
		login(t, ctx, base)
		before := apiOrganization(t, base, munich)
		// A form posted without the CSRF token, as another site would.
		run(t, ctx, chromedp.Navigate(fmt.Sprintf("%s/organizations/%d", base, munich)), chromedp.WaitReady(chromedp.CSS("body")))
		eval[bool](t, ctx, fmt.Sprintf(`(() => { const f = document.createElement('form'); f.method = 'post'; f.action = '/organizations/%d/edit';
				for (const [k, v] of [['name', 'Gekapert'], ['kind', 'municipality'], ['country', 'DE']]) { const i = document.createElement('input'); i.name = k; i.value = v; f.appendChild(i); }
				document.body.appendChild(f); f.submit(); return true; })()`, munich))
		waitFor(t, ctx, `location.pathname.endsWith('/edit') && document.readyState === 'complete' && !!document.querySelector('h1')`)
		if h1 := text(t, ctx, "h1"); h1 != "Kein Zugriff" {
			t.Errorf("CSRF-less post answered with heading %q, want Kein Zugriff", h1)
		}
		if after := apiOrganization(t, base, munich); after["name"] != before["name"] {
			t.Errorf("CSRF-less post changed the name to %v", after["name"])
		}
	})

	t.Run("EditRoundTrip", func(t *testing.T) {
		login(t, ctx, base)
		edit := fmt.Sprintf("%s/organizations/%d/edit", base, munich)
		run(t, ctx, chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.CSS(`input[name="population"]`)))
		checkAxe(t, ctx, string(axeSource), "organization edit form")
		// An invalid official code gives an inline German message.
		run(t, ctx,
			chromedp.SetValue(chromedp.CSS(`input[name="official_code"]`), "9162000"),
			chromedp.Submit(chromedp.CSS(`input[name="official_code"]`)),
			chromedp.WaitVisible(chromedp.CSS(`[aria-invalid="true"]`)))
		if got := text(t, ctx, "main"); !strings.Contains(got, "8 Ziffern") {
			t.Errorf("invalid AGS: the form says\n%s", got)
		}
		checkAxe(t, ctx, string(axeSource), "organization form with errors")
		run(t, ctx,
			chromedp.SetValue(chromedp.CSS(`input[name="official_code"]`), "09162000"),
			chromedp.SetValue(chromedp.CSS(`input[name="population"]`), "1512491"),
			chromedp.SetValue(chromedp.CSS(`input[name="population_date"]`), "31.12.2023"),
			chromedp.Submit(chromedp.CSS(`input[name="population"]`)),
			chromedp.WaitNotPresent(chromedp.CSS(`input[name="population"]`)))
		if got := text(t, ctx, "main"); !strings.Contains(got, "1.512.491") || !strings.Contains(got, "31.12.2023") {
			t.Errorf("after saving, the organization page shows\n%s", got)
		}
		if got := apiOrganization(t, base, munich); got["population"] != float64(1512491) {
			t.Errorf("stored population %v, want 1512491", got["population"])
		}
	})

	t.Run("GazetteerLookup", func(t *testing.T) {
		login(t, ctx, base)
		// Without JavaScript: the button sends the form, which comes back
		// with the candidates as buttons, and a candidate fills it in.
		run(t, ctx, chromedp.Navigate(base+"/organizations/new"), chromedp.WaitVisible(chromedp.CSS(`input[name="name"]`)),
			chromedp.SetValue(chromedp.CSS(`input[name="name"]`), "Neustadt"),
			chromedp.Click(chromedp.CSS(`button[value="gazetteer"]`)),
			chromedp.WaitVisible(chromedp.CSS(`#gazetteer-choices`)))
		checkAxe(t, ctx, string(axeSource), "organization form with gazetteer candidates")
		first := gazetteer.Find(gazetteer.Query{Name: "Neustadt", Country: "DE"}).Candidates[0]
		run(t, ctx, chromedp.Click(chromedp.CSS(`button[name="gazetteer_place"]`)),
			chromedp.WaitNotPresent(chromedp.CSS(`#gazetteer-choices`)))
		if got := eval[string](t, ctx, `document.querySelector('input[name="official_code"]').value`); got != first.Code {
			t.Errorf("after choosing %s, the code is %q, want %s", first.Name, got, first.Code)
		}
		checkAxe(t, ctx, string(axeSource), "organization form filled from the gazetteer")
	})

	t.Run("AxeEditorPages", func(t *testing.T) {
		login(t, ctx, base)
		for _, p := range []string{"/account", "/organizations/new", fmt.Sprintf("/organizations/%d/posts/new", munich),
			fmt.Sprintf("/posts/%d/edit", post), fmt.Sprintf("/posts/%d/tenures/new", post), "/people/new",
			fmt.Sprintf("/people/%d/edit", person), fmt.Sprintf("/people/%d", person), fmt.Sprintf("/organizations/%d", munich), "/review", "/census/review", "/census/import", "/networks", "/networks/1", "/networks/1/calls/new", "/calls/1/applications", "/calls/1/proposal", "/members", "/networks/1/outreach", "/networks/1/outreach/places?region=DE-SN&size_class=GK7", "/networks/1/members/new", "/admin/mail"} {
			run(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")))
			if h1 := text(t, ctx, "h1"); h1 == "Kein Zugriff" || h1 == "Seite nicht gefunden" {
				t.Errorf("%s: editor sees %q", p, h1)
			}
			checkAxe(t, ctx, string(axeSource), p)
		}
	})

	t.Run("TopicVote", func(t *testing.T) {
		login(t, ctx, base)
		// The demo's votes: 1 closed and anonymous (its edit page only
		// says so), 2 open (its edit page extends it).
		for _, p := range []string{"/networks/1/topics", "/networks/1/votes", "/networks/1/votes/new", "/votes/1", "/votes/1/results", "/votes/1/edit", "/votes/2", "/votes/2/results", "/votes/2/edit"} {
			run(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")))
			if h1 := text(t, ctx, "h1"); h1 == "Kein Zugriff" || h1 == "Seite nicht gefunden" {
				t.Errorf("%s: the admin sees %q", p, h1)
			}
			checkAxe(t, ctx, string(axeSource), p)
		}
		// A member ranks by keyboard: focus a rank selector, choose Rang 1
		// with the arrow key, send the form with Enter on the button.
		run(t, ctx, chromedp.Click(chromedp.CSS(`form.logout button`)), chromedp.WaitNotPresent(chromedp.CSS(`form.logout`)))
		run(t, ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS(`input[name="email"]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name="email"]`), "demo1@example.org"),
			chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), "member-test-password"+kb.Enter),
			chromedp.WaitNotPresent(chromedp.CSS(`input[name="password"]`)))
		run(t, ctx, chromedp.Navigate(base+"/votes/2"), chromedp.WaitVisible(chromedp.CSS(`select[name^="rank-"]`)))
		checkAxe(t, ctx, string(axeSource), "ballot")
		// An option not chosen yet: the arrow key gives it rank 1.
		id := eval[string](t, ctx, `[...document.querySelectorAll('select[name^="rank-"]')].find(s => s.value === "0").id`)
		sel := chromedp.CSS("#" + id)
		run(t, ctx, chromedp.Focus(sel), chromedp.SendKeys(sel, kb.ArrowDown),
			chromedp.Focus(chromedp.CSS(`form[action$="/ballot"] button[type="submit"]`)),
			chromedp.SendKeys(chromedp.CSS(`form[action$="/ballot"] button[type="submit"]`), kb.Enter),
			chromedp.WaitVisible(chromedp.CSS(`.flash`)))
		if got := text(t, ctx, "main"); !strings.Contains(got, "Ihre Stimme ist gespeichert") && !strings.Contains(got, "Your ballot is recorded") {
			t.Errorf("after the ballot the page shows %q", got)
		}
		if got := eval[string](t, ctx, `document.getElementById("`+id+`").value`); got != "1" {
			t.Errorf("the option chosen by keyboard has rank %q, want 1", got)
		}
		checkAxe(t, ctx, string(axeSource), "ballot recorded")
		// Out again, so that later subtests log the admin in.
		run(t, ctx, chromedp.Click(chromedp.CSS(`form.logout button`)), chromedp.WaitNotPresent(chromedp.CSS(`form.logout`)))
	})

	t.Run("Meetings", func(t *testing.T) {
		login(t, ctx, base)
		// The admin plans a meeting in person by keyboard; Enter in the
		// title sends the form with its first button, "Treffen speichern".
		run(t, ctx, chromedp.Navigate(base+"/networks/1/meetings/new"), chromedp.WaitVisible(chromedp.CSS(`#meeting-title`)))
		checkAxe(t, ctx, string(axeSource), "meeting form")
		run(t, ctx, chromedp.SendKeys(chromedp.CSS(`#mode-in_person`), " "),
			chromedp.SendKeys(chromedp.CSS(`#meeting-address`), "Rathaus Ulm, Marktplatz 1"),
			chromedp.SendKeys(chromedp.CSS(`#meeting-agenda`), "Begrüßung\nOZG"),
			chromedp.SendKeys(chromedp.CSS(`#meeting-title`), "Frühjahrstreffen"+kb.Enter),
			chromedp.WaitVisible(chromedp.CSS(`.flash`)))
		if got := text(t, ctx, "main"); !strings.Contains(got, "Frühjahrstreffen") || !strings.Contains(got, "Rathaus Ulm, Marktplatz 1") {
			t.Fatalf("after saving the meeting the page shows %q", got)
		}
		meeting := eval[string](t, ctx, `location.pathname`)
		checkAxe(t, ctx, string(axeSource), "meeting page")
		run(t, ctx, chromedp.Navigate(base+"/networks/1/meetings"), chromedp.WaitReady(chromedp.CSS("body")))
		checkAxe(t, ctx, string(axeSource), "meetings list")
		// A member of the core circle answers by keyboard.
		run(t, ctx, chromedp.Click(chromedp.CSS(`form.logout button`)), chromedp.WaitNotPresent(chromedp.CSS(`form.logout`)))
		run(t, ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS(`input[name="email"]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name="email"]`), "demo1@example.org"),
			chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), "member-test-password"+kb.Enter),
			chromedp.WaitNotPresent(chromedp.CSS(`input[name="password"]`)))
		run(t, ctx, chromedp.Navigate(base+meeting), chromedp.WaitVisible(chromedp.CSS(`#answer-yes`)))
		checkAxe(t, ctx, string(axeSource), "meeting answer form")
		run(t, ctx, chromedp.SendKeys(chromedp.CSS(`#answer-yes`), " "),
			chromedp.SendKeys(chromedp.CSS(`form[action$="/answer"] button[type="submit"]`), kb.Enter),
			chromedp.WaitVisible(chromedp.CSS(`.flash`)))
		if got := text(t, ctx, "main"); !strings.Contains(got, "Ihre Antwort ist gespeichert") && !strings.Contains(got, "Your answer is saved") {
			t.Errorf("after the answer the page shows %q", got)
		}
		run(t, ctx, chromedp.Click(chromedp.CSS(`form.logout button`)), chromedp.WaitNotPresent(chromedp.CSS(`form.logout`)))
	})
}

// login logs the editor in through the login form, unless already in.
func login(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(base+"/account"), chromedp.WaitReady(chromedp.CSS("body")))
	if loggedIn := eval[bool](t, ctx, `!document.querySelector('input[name="password"]')`); loggedIn {
		return
	}
	run(t, ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS(`input[name="email"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="email"]`), "admin@example.org"),
		chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), "browser-test-password"+kb.Enter),
		chromedp.WaitNotPresent(chromedp.CSS(`input[name="password"]`)))
}

func apiFirstID(t *testing.T, url string) int64 {
	t.Helper()
	var list struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	getJSON(t, url, &list)
	if len(list.Items) == 0 {
		t.Fatalf("%s: no items", url)
	}
	return list.Items[0].ID
}

func apiOrganization(t *testing.T, base string, id int64) map[string]any {
	t.Helper()
	var o map[string]any
	getJSON(t, fmt.Sprintf("%s/api/v1/organizations/%d", base, id), &o)
	return o
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}
