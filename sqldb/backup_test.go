package sqldb_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestBackupRestore fills a database with every kind of content, backs it
// up, restores the backup as README.md says and compares the two databases
// table by table.
func TestBackupRestore(t *testing.T) {
	eachBackupDialect(t, func(t *testing.T, d backupDialect) {
		dsn := d.create(t)
		db := openMigrated(t, dsn)
		fillForBackup(t, db)
		out := filepath.Join(t.TempDir(), "backup")
		res, err := sqldb.Backup(ctx, dsn, out, sqldb.BackupOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(out); err != nil || st.Size() != res.Bytes || st.Mode().Perm() != 0o600 {
			t.Errorf("backup file %v (%v), want %d bytes readable by the owner only", st, err, res.Bytes)
		}
		want := d.snapshot(t, dsn)
		for _, table := range []string{"organizations", "posts", "people", "tenures", "waves", "observations", "users", "sessions", "api_tokens", "applications", "outbox"} {
			if !strings.HasPrefix(want[table], "rows=") || strings.HasPrefix(want[table], "rows=0 ") {
				t.Errorf("table %s is empty or missing (%q): the test does not cover it", table, want[table])
			}
		}

		restored := d.restore(t, out)
		got := d.snapshot(t, restored)
		compareSnapshots(t, got, want)

		// The restored database is current and takes new rows: its
		// sequences went on where the original's stood.
		rdb := openDB(t, restored)
		if err := rdb.CheckSchema(ctx); err != nil {
			t.Fatal(err)
		}
		_, before, err := rdb.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		mustCreateOrganization(t, rdb, &cdoatlas.Organization{Name: "Neustadt nach der Sicherung", Kind: cdoatlas.KindMunicipality, Country: "DE", Region: "DE-BY"})
		if _, after, err := rdb.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Limit: 1}); err != nil || after != before+1 {
			t.Errorf("organizations after adding one to the restored database: %d (%v), want %d", after, err, before+1)
		}
	})
}

// TestBackupWhileWriting backs up while a writer adds one organization with
// its post, person and tenure per transaction: the backup holds whole
// transactions only.
func TestBackupWhileWriting(t *testing.T) {
	eachBackupDialect(t, func(t *testing.T, d backupDialect) {
		dsn := d.create(t)
		db := openMigrated(t, dsn)
		const initial, writes = 1000, 1000
		records := demo.Synthetic(7, initial+writes, initial+writes, initial+writes)
		if _, err := db.ImportRegistry(ctx, records[:initial]); err != nil {
			t.Fatal(err)
		}
		var written atomic.Int64
		wctx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() {
			for _, r := range records[initial:] {
				if _, err := db.ImportRegistry(wctx, []cdoatlas.RegistryRecord{r}); err != nil {
					if wctx.Err() != nil {
						err = nil
					}
					done <- err
					return
				}
				written.Add(1)
			}
			done <- nil
		}()
		for written.Load() < 20 {
			time.Sleep(5 * time.Millisecond)
		}
		before := written.Load()
		out := filepath.Join(t.TempDir(), "backup")
		_, err := sqldb.Backup(ctx, dsn, out, sqldb.BackupOptions{})
		t.Logf("%d transactions committed while the backup ran", written.Load()-before)
		stop()
		if werr := <-done; werr != nil {
			t.Fatalf("writer: %v", werr)
		}
		if err != nil {
			t.Fatal(err)
		}
		after := written.Load()

		got := d.snapshot(t, d.restore(t, out))
		var counts []int64
		for _, table := range []string{"organizations", "posts", "people", "tenures"} {
			var n int64
			fmt.Sscanf(got[table], "rows=%d", &n)
			counts = append(counts, n-initial)
		}
		if counts[0] < before || counts[0] > after || counts[1] != counts[0] || counts[2] != counts[0] || counts[3] != counts[0] {
			t.Errorf("the backup holds %v new organizations, posts, people and tenures; want the same number, between %d and %d", counts, before, after)
		}
	})
}

func TestBackupTarget(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "atlas.db")
	openMigrated(t, src)
	out := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(out, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("ErrExists", func(t *testing.T) {
		_, err := sqldb.Backup(ctx, src, out, sqldb.BackupOptions{})
		if !errors.Is(err, sqldb.ErrBackupExists) {
			t.Errorf("backup onto an existing file: %v, want ErrBackupExists", err)
		}
		if b, _ := os.ReadFile(out); string(b) != "keep me" {
			t.Errorf("the existing file was changed to %q", b)
		}
	})
	t.Run("Force", func(t *testing.T) {
		if _, err := sqldb.Backup(ctx, src, out, sqldb.BackupOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		if err := openDB(t, out).CheckSchema(ctx); err != nil {
			t.Errorf("the replaced file is no current database: %v", err)
		}
	})
	t.Run("ErrDatabaseItself", func(t *testing.T) {
		_, err := sqldb.Backup(ctx, src, src, sqldb.BackupOptions{Force: true})
		if err == nil || !strings.Contains(err.Error(), "the database itself") {
			t.Errorf("backup onto the database: %v", err)
		}
	})
	t.Run("ErrNoDatabase", func(t *testing.T) {
		missing := filepath.Join(dir, "missing.db")
		_, err := sqldb.Backup(ctx, missing, filepath.Join(dir, "b2.db"), sqldb.BackupOptions{})
		if err == nil || !strings.Contains(err.Error(), "no SQLite database at "+missing) {
			t.Errorf("backup of a missing database: %v", err)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Error("the backup created the missing database")
		}
	})
	t.Run("Canceled", func(t *testing.T) {
		cdir := t.TempDir()
		canceled, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := sqldb.Backup(canceled, src, filepath.Join(cdir, "b.db"), sqldb.BackupOptions{}); err == nil {
			t.Error("a canceled backup succeeded")
		}
		wantEmptyDir(t, cdir)
	})
}

// TestBackupPgDump runs Backup with stand-ins for pg_dump: how it is
// called, and that a failed or canceled dump leaves no file.
func TestBackupPgDump(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("needs /bin/sh for a stand-in pg_dump")
	}
	fake := func(t *testing.T, script string) {
		bin := t.TempDir()
		if err := os.WriteFile(filepath.Join(bin, "pg_dump"), []byte("#!/bin/sh\n"+
			"for a; do case \"$a\" in --file=*) f=\"${a#--file=}\";; esac; done\n"+script), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	}
	const dsn = "postgres://atlas:s3cret@db.example.org:5433/atlas?sslmode=require&statement_cache_capacity=0"

	t.Run("Args", func(t *testing.T) {
		fake(t, `echo "$@" "PGPASSWORD=$PGPASSWORD" > "$f"`)
		out := filepath.Join(t.TempDir(), "atlas.dump")
		res, err := sqldb.Backup(ctx, dsn, out, sqldb.BackupOptions{})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(out)
		want := "--format=custom --no-password --file=" // then the temporary file
		args := string(b)
		if !strings.HasPrefix(args, want) || !strings.Contains(args, " --dbname=postgres://atlas@db.example.org:5433/atlas?sslmode=require PGPASSWORD=s3cret") {
			t.Errorf("pg_dump called with %q, want %q…, the DSN without password and pgx parameters, and the password in PGPASSWORD", args, want)
		}
		if res.Dialect != sqldb.Postgres || res.Format != sqldb.FormatPgDumpCustom || res.Bytes != int64(len(b)) {
			t.Errorf("result %+v", res)
		}
	})
	t.Run("ErrFails", func(t *testing.T) {
		fake(t, `echo partial > "$f"; echo 'pg_dump: error: connection to server failed: no such host' >&2; exit 1`)
		dir := t.TempDir()
		_, err := sqldb.Backup(ctx, dsn, filepath.Join(dir, "atlas.dump"), sqldb.BackupOptions{})
		if err == nil || !strings.Contains(err.Error(), "pg_dump: error: connection to server failed: no such host") {
			t.Errorf("failed pg_dump: %v, want its message", err)
		}
		wantEmptyDir(t, dir)
	})
	t.Run("Canceled", func(t *testing.T) {
		fake(t, `echo partial > "$f"; exec sleep 60`)
		dir := t.TempDir()
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			// Cancel (as Ctrl-C does) once the dump has begun to write.
			for cctx.Err() == nil {
				entries, _ := os.ReadDir(dir)
				if len(entries) > 0 {
					if info, err := entries[0].Info(); err == nil && info.Size() > 0 {
						cancel()
					}
				}
				time.Sleep(5 * time.Millisecond)
			}
		}()
		start := time.Now()
		_, err := sqldb.Backup(cctx, dsn, filepath.Join(dir, "atlas.dump"), sqldb.BackupOptions{})
		if err == nil || !strings.Contains(err.Error(), "canceled") {
			t.Errorf("canceled pg_dump: %v", err)
		}
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("a canceled backup took %v", d)
		}
		wantEmptyDir(t, dir)
	})
	t.Run("ErrNoPgDump", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		dir := t.TempDir()
		_, err := sqldb.Backup(ctx, dsn, filepath.Join(dir, "atlas.dump"), sqldb.BackupOptions{})
		if err == nil || !strings.Contains(err.Error(), "pg_dump not found") {
			t.Errorf("backup without pg_dump: %v", err)
		}
		wantEmptyDir(t, dir)
	})
}

func wantEmptyDir(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("%s left behind", e.Name())
	}
}

// fillForBackup stores content in every part of the schema: the demo
// registry, two census waves, accounts with a session and a token, a
// network with an application, and a mail.
func fillForBackup(t *testing.T, db *sqldb.DB) {
	t.Helper()
	if _, err := demo.Seed(ctx, db); err != nil {
		t.Fatal(err)
	}
	for _, w := range []cdoatlas.ObservationImport{
		{Wave: cdoatlas.Wave{ID: "2022", Date: "2022-06-30"}, Rows: cdoatlas.WithSource("linkedin", []cdoatlas.Observation{
			obs("Dr. Jörg Müller", "Chief Digital Officer", "Landeshauptstadt München", "https://www.linkedin.com/in/jmueller"),
			obs("Anna Schmidt", "Digitalisierungsbeauftragte", "Wien", ""),
		})},
		{Wave: cdoatlas.Wave{ID: "2023", Date: "2023-06-30"}, Rows: cdoatlas.WithSource("linkedin", []cdoatlas.Observation{
			obs("Jörg Müller", "Chief Digital Officer (CDO)", "Kreis Wesel", "https://de.linkedin.com/in/jmueller/"),
			obs("Lena Neu", "Chief Digital Officer", "Gemeinde Irgendwo", ""),
		})},
	} {
		if _, err := db.ImportObservations(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	u := &cdoatlas.User{Email: "admin@example.org", Role: cdoatlas.UserAdmin}
	if err := db.CreateUser(ctx, u, "a-long-password-123"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSession(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateAPIToken(ctx, u.ID, "backup", time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := db.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	c := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 40}
	if err := db.CreateCircle(ctx, c); err != nil {
		t.Fatal(err)
	}
	call := &cdoatlas.Call{CircleID: c.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(24 * time.Hour).Format("2006-01-02"))}
	if err := db.CreateCall(ctx, call); err != nil {
		t.Fatal(err)
	}
	if _, err := createApplication(ctx, db, &cdoatlas.Application{CallID: call.ID, PersonName: "Erika Beispiel", Email: "erika@example.org",
		OrganizationName: "Gemeinde Neuland", Kind: "municipality", Country: "DE", Region: "Sachsen",
		Title: "Chief Digital Officer", Tasks: "Digitalstrategie der Verwaltung", Consent: true}); err != nil {
		t.Fatal(err)
	}
	if err := db.QueueMail(ctx, &cdoatlas.Mail{Kind: "test", To: "erika@example.org", Subject: "Grüße", Body: "Hallo Erika"}); err != nil {
		t.Fatal(err)
	}
}

// backupDialect is how a test makes, restores and reads databases of one
// dialect by their DSN.
type backupDialect struct {
	// create returns the DSN of a new, empty database.
	create func(t *testing.T) string
	// restore restores the backup file as README.md says, and returns the
	// DSN of the restored database.
	restore func(t *testing.T, file string) string
	// snapshot returns per table (and per part of the schema) the number of
	// rows and a checksum of them.
	snapshot func(t *testing.T, dsn string) map[string]string
}

func eachBackupDialect(t *testing.T, f func(t *testing.T, d backupDialect)) {
	t.Run("sqlite", func(t *testing.T) {
		f(t, backupDialect{
			create: func(t *testing.T) string { return filepath.Join(t.TempDir(), "atlas.db") },
			// README: cp BACKUP /var/lib/cdoatlas/cdoatlas.db
			restore: func(t *testing.T, file string) string {
				dst := filepath.Join(t.TempDir(), "restored.db")
				copyFile(t, file, dst)
				return dst
			},
			snapshot: func(t *testing.T, dsn string) map[string]string {
				return tableSums(t, "sqlite", dsn, `SELECT name FROM sqlite_master WHERE type = 'table'`,
					map[string]string{"schema": "SELECT type, name, tbl_name, sql FROM sqlite_master"})
			},
		})
	})
	t.Run("postgres", func(t *testing.T) {
		server := os.Getenv(sqldbtest.PostgresEnv)
		if server == "" {
			t.Skipf("PostgreSQL backup tests skipped: set %s to a server DSN, e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", sqldbtest.PostgresEnv)
		}
		for _, tool := range []string{"pg_dump", "pg_restore"} {
			if _, err := exec.LookPath(tool); err != nil {
				t.Skipf("PostgreSQL backup tests skipped: %s not found on $PATH (Debian: apt-get install postgresql-client)", tool)
			}
		}
		f(t, backupDialect{
			create: func(t *testing.T) string { return createPostgresDB(t, server) },
			restore: func(t *testing.T, file string) string {
				dsn := createPostgresDB(t, server)
				// README: pg_restore --no-owner --no-privileges --single-transaction --exit-on-error --dbname DSN FILE
				cmd := exec.Command("pg_restore", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", dsn, file)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("pg_restore: %v\n%s", err, out)
				}
				return dsn
			},
			snapshot: func(t *testing.T, dsn string) map[string]string {
				return tableSums(t, "pgx", dsn, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`, map[string]string{
					"columns":     "SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns WHERE table_schema = 'public'",
					"indexes":     "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
					"constraints": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
					"triggers":    "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
					"functions":   "SELECT proname, md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
					"sequences":   "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'",
					"extensions":  "SELECT extname, extversion FROM pg_extension",
				})
			},
		})
	})
}

// tableSums reads every table listed by tablesQuery (and the extra queries
// by name) and returns "rows=N sha256=…" of its rows, sorted.
func tableSums(t *testing.T, driver, dsn, tablesQuery string, extra map[string]string) map[string]string {
	t.Helper()
	conn, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	queries := map[string]string{}
	rows, err := conn.QueryContext(ctx, tablesQuery)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		queries[name] = `SELECT * FROM "` + name + `"`
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for name, q := range extra {
		queries[name] = q
	}
	sums := map[string]string{}
	for name, q := range queries {
		lines := queryLines(t, conn, q)
		sort.Strings(lines)
		h := sha256.Sum256([]byte(strings.Join(lines, "\n")))
		sums[name] = fmt.Sprintf("rows=%d sha256=%x", len(lines), h[:8])
	}
	return sums
}

// queryLines returns the rows of query as text, one line each.
func queryLines(t *testing.T, conn *sql.DB, query string) []string {
	t.Helper()
	rows, err := conn.QueryContext(ctx, query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fields := make([]string, len(vals))
		for i, v := range vals {
			switch v := v.(type) {
			case time.Time:
				fields[i] = v.UTC().Format(time.RFC3339Nano)
			case []byte:
				fields[i] = "x" + hex.EncodeToString(v)
			default:
				fields[i] = fmt.Sprintf("%T %q", v, fmt.Sprint(v))
			}
		}
		lines = append(lines, strings.Join(fields, "\t"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func compareSnapshots(t *testing.T, got, want map[string]string) {
	t.Helper()
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: missing after restore (before: %s)", name, w)
		} else if g != w {
			t.Errorf("%s: %s after restore, want %s", name, g, w)
		}
	}
	for name, g := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: not in the original, restored with %s", name, g)
		}
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// openDB opens the database at dsn, closed when the test ends.
func openDB(t *testing.T, dsn string) *sqldb.DB {
	t.Helper()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func openMigrated(t *testing.T, dsn string) *sqldb.DB {
	t.Helper()
	db := openDB(t, dsn)
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

// createPostgresDB creates an empty database on server, dropped when the
// test ends, and returns its DSN. (sqldbtest does not tell the DSN of its
// databases, which pg_dump and pg_restore need.)
func createPostgresDB(t *testing.T, server string) string {
	t.Helper()
	b := make([]byte, 8)
	rand.Read(b)
	name := "cdoatlas_test_" + hex.EncodeToString(b)
	run := func(stmt string) error {
		c, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(c, server)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(c, stmt)
		return err
	}
	if err := run("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if err := run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
