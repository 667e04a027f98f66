package locale

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// usedKey finds catalog keys written literally in Go code: the pages'
// tr and .T, locale.Text and Printf, the domain's Message and field
// errors, classify's reasons and network's phrases. Keys built at run
// time (kind.+value …) are checked by the tests of their packages.
var usedKey = []struct {
	re     *regexp.Regexp
	prefix string
}{
	{regexp.MustCompile(`\btr\([^,()]+, "([a-z_][a-z_.0-9]*)"`), ""},
	{regexp.MustCompile(`\.TI?\("([a-z_][a-z_.0-9]*)"`), ""},
	{regexp.MustCompile(`locale\.Text\([^,()]+, "([a-z_][a-z_.0-9]*)"`), ""},
	{regexp.MustCompile(`\.Printf\("([a-z_][a-z_.0-9]*\.[a-z_.0-9]*)"`), ""},
	{regexp.MustCompile(`cdoatlas\.Message\([^,()]+, "([a-z_][a-z_.0-9]*)"`), ""},
	{regexp.MustCompile(`\bfe\.Add\("[a-z_]+", "([a-z_][a-z_.0-9]*)"\)`), ""},
	{regexp.MustCompile(`\breason\("([a-z_][a-z_.0-9]*)"\)`), "reason."},
	{regexp.MustCompile(`\bsay\("([a-z_][a-z_.0-9]*)"`), "network.explain."},
	{regexp.MustCompile(`\bexplanation\("[a-z_.]+", "([a-z_][a-z_.0-9]*)"`), "network.explain."},
}

// TestKeysInUse checks that every key the code names is in the catalog,
// so that no page shows a raw key.
func TestKeysInUse(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "node_modules" || strings.HasPrefix(n, ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, u := range usedKey {
			for _, m := range u.re.FindAllStringSubmatch(string(b), -1) {
				checked++
				if strings.HasSuffix(m[1], ".") {
					continue // a prefix: the key is built at run time
				}
				if key := u.prefix + m[1]; !Has(key) {
					rel, _ := filepath.Rel(root, path)
					t.Errorf("%s uses %q, which is not in the catalog", rel, key)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 200 {
		t.Errorf("only %d keys found in the code: the patterns no longer match how it names keys", checked)
	}
	t.Logf("%d uses of keys checked", checked)
}
