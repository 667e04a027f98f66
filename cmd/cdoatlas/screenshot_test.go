package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots writes full-page PNGs of the main pages at desktop and
// phone width, for people to look at: CDOATLAS_SCREENSHOTS=/some/dir go
// test ./cmd/cdoatlas -run Screenshots. It starts the demo server as the
// browser tests do and names each file page-width.png (home-390.png,
// organizations-1280.png, calls-1-applications-390.png …).
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("CDOATLAS_SCREENSHOTS")
	if dir == "" {
		t.Skip("screenshots skipped: set CDOATLAS_SCREENSHOTS to a directory for the PNGs (needs Debian's chromium)")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	chromium := os.Getenv("CDOATLAS_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("no Chromium at %s (apt-get install chromium)", chromium)
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

	munich := apiFirstID(t, base+"/api/v1/organizations?q=muenchen&kind=municipality")
	person := apiFirstID(t, base+"/api/v1/people")
	// In German, the site's first language, chosen on the first page.
	public := []string{"/?lang=de", "/organizations", fmt.Sprintf("/organizations/%d", munich), fmt.Sprintf("/people/%d", person),
		"/statistics", "/check", "/calls", "/calls/1", "/search?q=muenchen"}
	editor := []string{"/calls/1/applications", "/networks/1/outreach", "/census/review", "/admin", "/networks/1/topics", "/networks/1/votes", "/networks/1/votes/new", "/votes/1", "/votes/1/results", "/votes/2", "/networks/1/meetings", "/networks/1/meetings/new"}
	editor = append(editor, "/networks/1/breakouts", "/networks/1/breakouts/new", "/breakouts/1", "/breakouts/1/print",
		"/breakouts/1/edit", "/meetings/2/breakout/new")

	shoot := func(pages []string) {
		for _, width := range []int64{1280, phoneWidth} {
			run(t, ctx, chromedp.EmulateViewport(width, 900))
			for _, p := range pages {
				run(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")))
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatalf("screenshot of %s: %v", p, err)
				}
				file := filepath.Join(dir, fmt.Sprintf("%s-%d.png", screenshotName(p), width))
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	shoot(public)
	run(t, ctx, chromedp.EmulateViewport(1280, 900))
	login(t, ctx, base)
	shoot(editor)
	t.Logf("screenshots of %d pages at 1280 and %d px in %s", len(public)+len(editor), phoneWidth, dir)
}

// screenshotName turns a path into a file name: "/" and "/?lang=de" are
// home, "/calls/1/applications" calls-1-applications.
func screenshotName(path string) string {
	path = strings.TrimSuffix(strings.TrimSuffix(path, "lang=de"), "?")
	name := strings.Trim(strings.NewReplacer("/", "-", "?", "-", "=", "-", "&", "-").Replace(path), "-")
	if name == "" {
		return "home"
	}
	return name
}
