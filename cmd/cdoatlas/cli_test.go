package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A registry file as people make them in Excel: German headers, semicolons,
// Windows-1252 (ü = 0xFC, ö = 0xF6).
var registryCSV1252 = []byte("Name;Art;Staat;Bundesland;AGS;Einwohner;Stichtag;Titel;Rolle;Person;Geschlecht;Beginn;Ende\r\n" +
	"Stadt K\xf6ln;Stadt;DE;NRW;05315000;1.084.831;31.12.2023;Chief Digital Officer;cdo;Erika Beispiel;w;01.03.2019;\r\n" +
	"Landeshauptstadt D\xfcsseldorf;Stadt;DE;Nordrhein-Westfalen;05111000;629.047;31.12.2023;;;;;;\r\n")

func TestImportExport(t *testing.T) {
	a := newApp(t)
	if _, stderr, err := a.run("", "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	good := writeFile(t, "registry.csv", registryCSV1252)

	out, _, err := a.run("", "import", "registry", good)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if want := "organizations: 2 created, 0 updated, 0 unchanged; posts: 1 created; people: 1 created; tenures: 1 created"; !strings.Contains(out, want) {
		t.Errorf("first import says %q, want %q", out, want)
	}
	out, _, err = a.run("", "import", "registry", good)
	if err != nil {
		t.Fatalf("second import: %v", err)
	}
	if want := "organizations: 0 created, 0 updated, 2 unchanged; posts: 0 created; people: 0 created; tenures: 0 created"; !strings.Contains(out, want) {
		t.Errorf("importing the same file again says %q, want %q", out, want)
	}

	t.Run("ErrBadFileChangesNothing", func(t *testing.T) {
		before, _, err := a.run("", "export", "--format", "csv")
		if err != nil {
			t.Fatal(err)
		}
		bad := writeFile(t, "bad.csv", []byte("name,kind,country,region,official_code,population,population_date\n"+
			"Ulm,municipality,DE,DE-BW,08421000,126329,2023-12-31\n"+ // fine, but the file is refused as a whole
			"Neuss,municipality,DE,DE-NW,0516202,155000,2023-12-31\n"+ // 7-digit AGS
			"Essen,planet,DE,DE-NW,05113000,fünf,2023-12-31\n")) // bad kind and population
		_, _, err = a.run("", "import", "registry", good, bad)
		if err == nil {
			t.Fatal("a file with errors was accepted")
		}
		msg := oneLine(err)
		if !strings.Contains(msg, "3 error(s)") || !strings.Contains(msg, "nothing was changed") {
			t.Errorf("one-line reason %q", msg)
		}
		full := err.Error()
		for _, want := range []string{"bad.csv:3: column official_code", "bad.csv:4: column kind", "bad.csv:4: column population"} {
			if !strings.Contains(full, want) {
				t.Errorf("errors do not name %q:\n%s", want, full)
			}
		}
		after, _, err := a.run("", "export", "--format", "csv")
		if err != nil {
			t.Fatal(err)
		}
		if after != before {
			t.Errorf("a refused import changed the registry:\nbefore %s\nafter %s", before, after)
		}
	})

	t.Run("ExportRoundTrip", func(t *testing.T) {
		for _, format := range []string{"csv", "csv-de", "xlsx"} {
			file := filepath.Join(t.TempDir(), "export."+format)
			if _, _, err := a.run("", "export", "--format", format, "--out", file); err != nil {
				t.Fatalf("export %s: %v", format, err)
			}
			out, _, err := a.run("", "import", "registry", file)
			if err != nil {
				t.Fatalf("re-import of %s: %v", format, err)
			}
			if !strings.Contains(out, "0 created, 0 updated, 2 unchanged") || !strings.Contains(out, "tenures: 0 created") {
				t.Errorf("re-importing the %s export changed something: %s", format, out)
			}
		}
		out, _, err := a.run("", "export", "--format", "json")
		if err != nil || !strings.Contains(out, `"official_code": "05315000"`) && !strings.Contains(out, `"official_code":"05315000"`) {
			t.Errorf("json export (%v):\n%.400s", err, out)
		}
		out, _, err = a.run("", "export", "--format", "popolo")
		if err != nil || !strings.Contains(out, "memberships") {
			t.Errorf("popolo export (%v):\n%.400s", err, out)
		}
		if _, _, err := a.run("", "export", "--format", "pdf"); err == nil {
			t.Error("unknown export format accepted")
		}
	})
}

func TestAccounts(t *testing.T) {
	a := newApp(t)
	if _, _, err := a.run("", "migrate"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.run("short\n", "user", "add", "--role", "editor", "e@example.org"); err == nil || !strings.Contains(err.Error(), "12 characters") {
		t.Errorf("short password: %v", err)
	}
	if _, _, err := a.run("a-long-password-123\n", "user", "add", "--role", "boss", "e@example.org"); err == nil {
		t.Error("unknown role accepted")
	}
	out, _, err := a.run("a-long-password-123\n", "user", "add", "--role", "editor", "e@example.org")
	if err != nil || !strings.Contains(out, "created editor account e@example.org") {
		t.Fatalf("user add: %q, %v", out, err)
	}
	if _, _, err := a.run("a-long-password-123\n", "user", "add", "--role", "editor", "E@example.org"); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Errorf("duplicate account: %v", err)
	}
	token, _, err := a.run("", "token", "add", "e@example.org")
	if err != nil || len(strings.TrimSpace(token)) < 40 {
		t.Fatalf("token add: %q, %v", token, err)
	}
	if _, _, err := a.run("", "token", "add", "nobody@example.org"); err == nil || !strings.Contains(err.Error(), "no account") {
		t.Errorf("token for unknown account: %v", err)
	}
	if _, _, err := a.run("            \n", "user", "add", "--role", "member", "m@example.org"); err == nil || !strings.Contains(err.Error(), "too easy to guess") {
		t.Errorf("12 spaces as password: %v", err)
	}
	if _, _, err := a.run("", "token", "add", "--name", "forever", "--expires", "0", "e@example.org"); err != nil {
		t.Fatal(err)
	}
	list, _, err := a.run("", "token", "list", "e@example.org")
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if err != nil || len(lines) != 3 || !strings.Contains(list, `"forever"`) || !strings.Contains(list, `"cli"`) || strings.Contains(list, strings.TrimSpace(token)) {
		t.Fatalf("token list: %v\n%s", err, list)
	}
	// The 90-day token ("cli") is listed with its expiry, the other never expires.
	var cliID string
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if strings.Contains(l, `"cli"`) {
			cliID = f[0]
			if f[4] != time.Now().Add(90*24*time.Hour).UTC().Format("2006-01-02") {
				t.Errorf("cli token expires %s", f[4])
			}
		} else if f[4] != "never" {
			t.Errorf("forever token expires %s", f[4])
		}
	}
	if _, _, err := a.run("", "token", "revoke", cliID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.run("", "token", "revoke", cliID); err == nil || !strings.Contains(err.Error(), "no token with id") {
		t.Errorf("revoking twice: %v", err)
	}
	if list, _, _ := a.run("", "token", "list"); strings.Contains(list, `"cli"`) || !strings.Contains(list, `"forever"`) {
		t.Errorf("after revoke:\n%s", list)
	}
}

func TestCommandErrors(t *testing.T) {
	a := newApp(t)
	// The server refuses to start on a database whose schema is not current.
	if _, _, err := a.run("", "serve", "--addr", "127.0.0.1:0"); err == nil || !strings.Contains(err.Error(), "cdoatlas migrate") {
		t.Errorf("serve on an unmigrated database: %v", err)
	}
	if _, _, err := a.run("", "frobnicate"); err == nil || !strings.Contains(err.Error(), "unknown command") {
		t.Errorf("unknown command: %v", err)
	}
	if _, _, err := a.run("", "import", "registry", "/no/such/file.csv"); err == nil {
		t.Error("import of a missing file succeeded")
	}
	_, stderr, err := a.run("", "export", "--help")
	if err == nil || !strings.Contains(stderr, "--format") {
		t.Errorf("export --help: %v, %q", err, stderr)
	}
}

func TestImportJSONRoundTrip(t *testing.T) {
	a := newApp(t)
	if _, _, err := a.run("", "migrate"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.run("", "import", "registry", writeFile(t, "registry.csv", registryCSV1252)); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "export.json")
	if _, _, err := a.run("", "export", "--format", "json", "--out", file); err != nil {
		t.Fatal(err)
	}
	out, _, err := a.run("", "import", "registry", file)
	if err != nil {
		t.Fatalf("re-import of the JSON export: %v", err)
	}
	if !strings.Contains(out, "0 created, 0 updated, 2 unchanged") {
		t.Errorf("re-importing the JSON export changed something: %s", out)
	}
	b := newApp(t) // an empty registry fed from the JSON export
	if _, _, err := b.run("", "migrate"); err != nil {
		t.Fatal(err)
	}
	out, _, err = b.run("", "import", "registry", file)
	if err != nil || !strings.Contains(out, "organizations: 2 created") || !strings.Contains(out, "tenures: 1 created") {
		t.Errorf("JSON export into an empty registry: %q, %v", out, err)
	}
	bad := writeFile(t, "bad.json", []byte("{\"organizations\": [\n  {\"id\": 1, \"name\": \"Ulm\", \"kind\": \"municipality\", \"country\": \"DE\", \"official_code\": \"0842100X\"}\n]}\n"))
	if _, _, err := b.run("", "import", "registry", bad); err == nil || !strings.Contains(err.Error(), "bad.json:2") {
		t.Errorf("a bad JSON file: %v", err)
	}
}
