package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Phone width: what a visitor sees on a 390 × 844 screen (an ordinary
// smartphone held upright).
const phoneWidth, phoneHeight = 390, 844

// phoneProblemsJS lists what goes wrong on the loaded page at the current
// width, in words:
//   - the page itself scrolls sideways;
//   - a box scrolls sideways but a keyboard cannot reach it, it has no
//     name for a screen reader (role="region" and a label, WCAG 2.1.1 and
//     4.1.2), or nothing shows that there is more (a shadow gradient at
//     the cut edge or a visible hint inside the box);
//   - a table or chart runs past the right edge of the screen outside such
//     a box, cut off;
//   - chart text is drawn smaller than 11 CSS px.
const phoneProblemsJS = `(() => {
	const problems = [];
	const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
		(el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
		(el.closest('figure[id]') ? ' in figure#' + el.closest('figure[id]').id : '');
	const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
	const name = el => ((el.getAttribute('aria-label') || '').trim() ||
		(el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
			.map(id => (document.getElementById(id) || {textContent: ''}).textContent.trim()).join(' ').trim());
	const doc = document.documentElement;
	const cue = el => getComputedStyle(el).backgroundImage.includes('gradient') ||
		[...el.querySelectorAll('.scroll-hint')].some(h => visible(h) && h.getBoundingClientRect().right <= doc.clientWidth + 1);
	const scrollers = [...document.querySelectorAll('body *')].filter(el => {
		const s = getComputedStyle(el);
		return /auto|scroll/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1 && visible(el);
	});
	if (doc.scrollWidth > doc.clientWidth) {
		// Name the outermost element that sticks out: outside scroll boxes,
		// or positioned and so perhaps escaping one.
		const out = [...document.querySelectorAll('body *')].find(el => el.getClientRects().length &&
			el.getBoundingClientRect().right > doc.clientWidth + 1 &&
			(!scrollers.some(s => s.contains(el)) || /absolute|fixed/.test(getComputedStyle(el).position)));
		problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' px wide in a ' + doc.clientWidth + ' px window' +
			(out ? ', ' + describe(out) + ' ends at ' + Math.round(out.getBoundingClientRect().right) + ' px' : ''));
	}
	for (const el of scrollers) {
		if (el.tabIndex < 0) problems.push(describe(el) + ' scrolls sideways but cannot be reached by keyboard');
		if (el.getAttribute('role') !== 'region' || !name(el)) problems.push(describe(el) + ' scrolls sideways but is no named region');
		if (!cue(el)) problems.push(describe(el) + ' scrolls sideways without a visible cue');
	}
	for (const el of document.querySelectorAll('main table, main svg')) {
		if (!visible(el)) continue;
		const r = el.getBoundingClientRect();
		if (r.right > doc.clientWidth + 1 && !scrollers.some(s => s.contains(el))) {
			problems.push(describe(el) + ' is cut off: it ends at ' + Math.round(r.right) + ' px');
		}
	}
	const small = [];
	for (const t of document.querySelectorAll('main svg text')) {
		if (!visible(t) || !t.textContent.trim()) continue;
		const m = t.getScreenCTM();
		const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
		if (px < 11) small.push(JSON.stringify(t.textContent.trim()) + ' at ' + px.toFixed(1) + ' px in ' + describe(t.ownerSVGElement));
	}
	if (small.length) problems.push(small.length + ' chart labels smaller than 11 px, e.g. ' + small.slice(0, 3).join('; '));
	return problems;
})()`

func TestBrowserPhone(t *testing.T) {
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
	run(t, ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch))

	munich := apiFirstID(t, base+"/api/v1/organizations?q=muenchen&kind=municipality")
	person := apiFirstID(t, base+"/api/v1/people")

	t.Run("ChecksCatchProblems", func(t *testing.T) {
		// The checks themselves work: a wide table without a scroll box,
		// an unnamed scroll box and tiny chart text are all reported.
		run(t, ctx, chromedp.Navigate(base+"/check"), chromedp.WaitReady(chromedp.CSS("body")))
		// (Styles set through the DOM: the Content-Security-Policy refuses
		// style attributes in markup.)
		eval[bool](t, ctx, `(() => {
			const main = document.querySelector('main');
			main.insertAdjacentHTML('beforeend', '<table><tr><td>' + 'breit&nbsp;'.repeat(200) + '</td></tr></table>' +
				'<div id="unnamed-box"><p>x</p></div>' +
				'<figure><svg viewBox="0 0 2000 100" width="100%"><text x="0" y="50" font-size="13">klein</text></svg></figure>');
			const box = document.getElementById('unnamed-box');
			box.style.overflowX = 'auto';
			box.firstChild.style.width = '2000px';
			return true;
		})()`)
		problems := eval[[]string](t, ctx, phoneProblemsJS)
		want := []string{"the page scrolls sideways", "cannot be reached by keyboard", "no named region", "without a visible cue", "cut off", "smaller than 11 px"}
		for _, w := range want {
			if !containsSubstring(problems, w) {
				t.Errorf("a broken page was not reported for %q; the checks found %q", w, problems)
			}
		}
	})

	// German first (the choice is remembered), then English.
	for _, p := range []string{"/?lang=de", "/organizations", fmt.Sprintf("/organizations/%d", munich), fmt.Sprintf("/people/%d", person),
		"/statistics", "/statistics?wave=2024&compare=none", "/check", "/calls", "/calls/1", "/search?q=muenchen", "/?lang=en", "/statistics?lang=en"} {
		t.Run(p, func(t *testing.T) {
			run(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")))
			if w := eval[int](t, ctx, `document.documentElement.clientWidth`); w != phoneWidth {
				t.Fatalf("the window is %d px wide, want %d", w, phoneWidth)
			}
			for _, problem := range eval[[]string](t, ctx, phoneProblemsJS) {
				t.Errorf("%s at %d px: %s", p, phoneWidth, problem)
			}
			checkAxe(t, ctx, string(axeSource), p+" at phone width")
		})
	}

	t.Run("Desktop", func(t *testing.T) {
		// The same checks at 1280 px, where the navigation takes one or
		// two rows and charts have room for their natural size.
		run(t, ctx, chromedp.EmulateViewport(1280, 900))
		defer run(t, ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch))
		for _, p := range []string{"/?lang=de", "/organizations", fmt.Sprintf("/organizations/%d", munich), "/statistics"} {
			run(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")))
			for _, problem := range eval[[]string](t, ctx, phoneProblemsJS) {
				t.Errorf("%s at 1280 px: %s", p, problem)
			}
		}
	})

	t.Run("EditorPages", func(t *testing.T) {
		// Wide tables of the editors' pages, at phone width too.
		login(t, ctx, base)
		for _, p := range []string{"/?lang=de", "/people", "/calls/1/applications", "/networks/1/outreach", "/census/review", "/review", "/admin", "/admin/audit"} {
			run(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")))
			for _, problem := range eval[[]string](t, ctx, phoneProblemsJS) {
				t.Errorf("%s at %d px: %s", p, phoneWidth, problem)
			}
			checkAxe(t, ctx, string(axeSource), p+" at phone width")
		}
	})

	t.Run("StatisticsShowsCharts", func(t *testing.T) {
		// The font check above means something only if the charts are
		// there and visible.
		run(t, ctx, chromedp.Navigate(base+"/statistics"), chromedp.WaitReady(chromedp.CSS("body")))
		n := eval[int](t, ctx, `[...document.querySelectorAll('main figure svg text')].filter(t => t.getClientRects().length).length`)
		if n < 100 {
			t.Errorf("/statistics shows %d chart labels at phone width, want at least 100", n)
		}
	})
}

func containsSubstring(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
