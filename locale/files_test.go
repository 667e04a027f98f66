package locale

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// verbRE finds the verbs of a text (%% is no verb).
var verbRE = regexp.MustCompile(`%(\[\d+\])?[^%\[]|%%`)

// TestFileTexts: the readers give the arguments of a file problem as text,
// so each text takes them as %s (or %q), as many in German as in English.
func TestFileTexts(t *testing.T) {
	for k, e := range fileCatalog {
		var n [2]int
		for i, s := range e {
			for _, v := range verbRE.FindAllString(s, -1) {
				if v == "%%" {
					continue
				}
				n[i]++
				if c := v[len(v)-1]; c != 's' && c != 'q' {
					t.Errorf("%s: verb %s in %q takes no text", k, v, s)
				}
			}
		}
		if n[0] != n[1] {
			t.Errorf("%s: %d arguments in German, %d in English", k, n[0], n[1])
		}
		if strings.HasPrefix(k, "file.word.") && n[0] > 0 {
			t.Errorf("%s: a word takes no arguments", k)
		}
	}
}

// keyRE finds the file problem keys in Go source.
var keyRE = regexp.MustCompile(`"(file\.[a-z0-9_.]*)"`)

// TestFileKeysInCatalog: every problem key the readers use has its text.
func TestFileKeysInCatalog(t *testing.T) {
	var files []string
	for _, dir := range []string{"..", "../tabular", "../censusio", "../registryio", "../network", "../web", "../cmd/cdoatlas"} {
		fs, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	used := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRE.FindAllStringSubmatch(string(src), -1) {
			k := m[1]
			if strings.HasSuffix(k, ".") {
				continue // a prefix: "file.word." + what
			}
			used++
			if !Has(k) {
				t.Errorf("%s uses %q, which is not in the catalog", f, k)
			}
		}
	}
	if used < 40 {
		t.Errorf("found only %d uses of file problem keys: the readers moved?", used)
	}
	// The words put together at run time.
	for _, w := range []string{"organization", "post", "person", "tenure", "by_tenure", "by_post", "by_code", "by_name"} {
		if !Has("file.word." + w) {
			t.Errorf("file.word.%s is not in the catalog", w)
		}
	}
}
