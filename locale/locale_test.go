package locale

import "testing"

func TestMatch(t *testing.T) {
	for _, c := range []struct{ header, fallback, want string }{
		{"", "de", "de"},
		{"", "en", "en"},
		{"en-US,en;q=0.9", "de", "en"},
		{"de-AT", "en", "de"},
		{"de-CH;q=0.5, en;q=0.8", "de", "en"},
		{"en;q=0.3, de;q=0.7", "en", "de"},
		{"fr-FR, fr;q=0.9", "de", "de"},
		{"fr-FR, fr;q=0.9", "en", "en"},
		{"fr, en;q=0.5", "de", "en"},
		{"gsw", "en", "de"}, // Swiss German is German
		{";;;q=x", "de", "de"},
	} {
		if got := Match(c.header, c.fallback); got != c.want {
			t.Errorf("Match(%q, %q) = %q, want %q", c.header, c.fallback, got, c.want)
		}
	}
}

func TestCatalogComplete(t *testing.T) {
	if len(catalog) == 0 {
		t.Fatal("the catalog is empty")
	}
	for k, e := range catalog {
		if e[0] == "" || e[1] == "" {
			t.Errorf("%q lacks a language: %q", k, e)
		}
	}
}

func TestText(t *testing.T) {
	if got := Text("en", "nav.home"); got != "Home" {
		t.Errorf("en nav.home = %q", got)
	}
	if got := Text("fr", "nav.home"); got != "Start" {
		t.Errorf("fr nav.home = %q, want the German text", got)
	}
	if got := Text("de", "no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key = %q", got)
	}
	if got := NewPrinter("en").Printf("check.percent", 42); got != "42%" {
		t.Errorf("printf = %q", got)
	}
}
