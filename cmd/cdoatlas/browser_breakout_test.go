package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserBreakouts checks the breakout pages of the demo with axe and
// edits a round by keyboard alone.
func TestBrowserBreakouts(t *testing.T) {
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
	base := a.serve("--demo")
	ctx := browser(t, chromium)
	login(t, ctx, base)
	// The demo's plan 1 belongs to its past meeting 1; meeting 2 is to come
	// and has no plan yet.
	for _, p := range []string{"/networks/1/breakouts", "/networks/1/breakouts/new", "/breakouts/1", "/breakouts/1/print",
		"/breakouts/1/edit", "/breakouts/1/delete", "/meetings/1", "/meetings/2/breakout/new"} {
		run(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")))
		if h1 := text(t, ctx, "h1"); h1 == "Kein Zugriff" || h1 == "Seite nicht gefunden" {
			t.Errorf("%s: the admin sees %q", p, h1)
		}
		checkAxe(t, ctx, string(axeSource), p)
	}
	// The past meeting links its plan.
	run(t, ctx, chromedp.Navigate(base+"/meetings/1"), chromedp.WaitReady(chromedp.CSS("body")))
	links := eval[[]string](t, ctx, `[...document.querySelectorAll('#breakout ~ p a')].map(a => a.getAttribute('href'))`)
	if !slices.Contains(links, "/breakouts/1") {
		t.Errorf("the past meeting links %v, want its plan /breakouts/1", links)
	}
	// Open the edit of round 1 with Enter on its summary, swap the first
	// two people of the lists with Enter on the button.
	run(t, ctx, chromedp.Navigate(base+"/breakouts/1"), chromedp.WaitReady(chromedp.CSS("body")))
	summary := chromedp.CSS(`.breakout-edit summary`)
	run(t, ctx, chromedp.Focus(summary), chromedp.SendKeys(summary, kb.Enter), chromedp.WaitVisible(chromedp.CSS(`#swap-b-1`)))
	sel := chromedp.CSS(`#swap-b-1`)
	button := chromedp.CSS(`form[action$="/swap"] button[type="submit"]`)
	run(t, ctx, chromedp.Focus(sel), chromedp.SendKeys(sel, kb.ArrowDown), chromedp.Focus(button), chromedp.SendKeys(button, kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	if got := text(t, ctx, "main"); !strings.Contains(got, "die Wiederholungen sind neu gezählt") && !strings.Contains(got, "the repeats are counted anew") {
		t.Errorf("after the swap the page shows %q", got)
	}
	checkAxe(t, ctx, string(axeSource), "plan after a hand edit")
}
