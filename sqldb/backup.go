package sqldb

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Backup formats, as reported in BackupResult.
const (
	FormatSQLite       = "SQLite database"
	FormatPgDumpCustom = "pg_dump archive (custom format)"
)

// BackupOptions tunes Backup.
type BackupOptions struct {
	// Force replaces an existing file at the target.
	Force bool
}

// BackupResult describes a written backup.
type BackupResult struct {
	Dialect string // SQLite or Postgres
	Format  string // FormatSQLite or FormatPgDumpCustom
	Bytes   int64
}

// ErrBackupExists is wrapped by the error of Backup when the target exists
// and BackupOptions.Force is not set.
var ErrBackupExists = errors.New("backup target exists already")

// Backup writes a consistent copy of the database named by dsn (as for
// Open) to the file out, while the application may be reading and writing
// it:
//
//   - SQLite: VACUUM INTO, which copies one snapshot of the database into a
//     new, compact SQLite file; restore by putting that file in place.
//   - PostgreSQL: pg_dump --format=custom, which dumps one snapshot; restore
//     with pg_restore into an empty database. pg_dump must be on $PATH.
//
// The copy is written to a temporary file next to out, synced and renamed
// at the end, so that a failed or canceled backup leaves no file at out.
// An existing out is refused (ErrBackupExists) unless opts.Force is set.
// The file is readable by its owner only: it holds password hashes.
// Backup neither checks nor changes the schema version, so that a database
// can be saved before `cdoatlas migrate`.
func Backup(ctx context.Context, dsn, out string, opts BackupOptions) (*BackupResult, error) {
	dialect, target, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	if out == "" {
		return nil, errors.New("backup: no target file given")
	}
	if !opts.Force {
		if _, err := os.Lstat(out); err == nil {
			return nil, fmt.Errorf("backup: %s: %w", out, ErrBackupExists)
		}
	}
	res := &BackupResult{Dialect: dialect}
	var write func(tmp string) error
	switch dialect {
	case SQLite:
		if err := checkSQLiteSource(target, out); err != nil {
			return nil, err
		}
		res.Format = FormatSQLite
		write = func(tmp string) error { return vacuumInto(ctx, target, tmp) }
	case Postgres:
		pgDump, err := exec.LookPath("pg_dump")
		if err != nil {
			return nil, errors.New("backup: pg_dump not found on $PATH: a PostgreSQL backup needs pg_dump of the server's major version or newer (Debian: apt-get install postgresql-client)")
		}
		res.Format = FormatPgDumpCustom
		write = func(tmp string) error { return runPgDump(ctx, pgDump, target, tmp) }
	}
	if res.Bytes, err = writeAtomically(out, opts.Force, write); err != nil {
		return nil, err
	}
	return res, nil
}

// checkSQLiteSource refuses a missing database (Open would create an empty
// one) and a target that is the database itself.
func checkSQLiteSource(path, out string) error {
	src, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("backup: no SQLite database at %s", path)
		}
		return fmt.Errorf("backup: %w", err)
	}
	if dst, err := os.Stat(out); err == nil && os.SameFile(src, dst) {
		return fmt.Errorf("backup: %s is the database itself", out)
	}
	return nil
}

// vacuumInto copies the SQLite database at path into the empty file tmp.
// It runs in a read transaction on its own connection: under WAL, writers
// go on while it copies, and the copy is the state at its start.
func vacuumInto(ctx context.Context, path, tmp string) error {
	conn, err := sql.Open("sqlite", path+"?_pragma=busy_timeout("+fmt.Sprint(busyTimeout.Milliseconds())+")")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("backup canceled: %w", ctx.Err())
		}
		return fmt.Errorf("backup: sqlite: %w", err)
	}
	return nil
}

// runPgDump dumps the PostgreSQL database at dsn into tmp.
func runPgDump(ctx context.Context, pgDump, dsn, tmp string) error {
	conninfo, password := libpqConninfo(dsn)
	cmd := exec.CommandContext(ctx, pgDump, "--format=custom", "--no-password", "--file="+tmp, "--dbname="+conninfo)
	cmd.Env = os.Environ()
	if password != "" {
		// In the environment, not the arguments, which any user of the
		// machine can read (ps).
		cmd.Env = append(cmd.Env, "PGPASSWORD="+password)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("backup canceled: %w", ctx.Err())
		}
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("backup: pg_dump failed: %s", msg)
	}
	return nil
}

// pgxOnlyParams are connection parameters of pgx that libpq (pg_dump)
// does not know and would refuse.
var pgxOnlyParams = []string{"statement_cache_capacity", "description_cache_capacity", "default_query_exec_mode", "min_read_buffer_size"}

// libpqConninfo returns the DSN for pg_dump, without its password and
// pgx's own parameters, and the password.
func libpqConninfo(dsn string) (conninfo, password string) {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn, "" // let pg_dump say what is wrong with it
	}
	if u.User != nil {
		password, _ = u.User.Password()
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if p := q.Get("password"); p != "" {
		password = p
	}
	q.Del("password")
	for _, k := range pgxOnlyParams {
		q.Del(k)
	}
	u.RawQuery = q.Encode()
	return u.String(), password
}

// writeAtomically has write fill a new temporary file next to out, syncs
// it and moves it to out, replacing an existing file only when force is
// set. On any failure, and on cancellation, the temporary file is removed.
// It returns the size of the file.
func writeAtomically(out string, force bool, write func(tmp string) error) (size int64, err error) {
	dir := filepath.Dir(out)
	f, err := os.CreateTemp(dir, ".cdoatlas-backup-*")
	if err != nil {
		return 0, fmt.Errorf("backup: cannot create a file in %s: %w", dir, errors.Unwrap(err))
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
				os.Remove(tmp + suffix)
			}
		}
	}()
	if err := write(tmp); err != nil {
		return 0, err
	}
	if f, err = os.OpenFile(tmp, os.O_RDWR, 0); err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	err = f.Sync()
	st, statErr := f.Stat()
	if err = errors.Join(err, statErr, f.Close()); err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	if err = moveInto(tmp, out, force); err != nil {
		return 0, err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename durable; best effort
		d.Close()
	}
	return st.Size(), nil
}

// moveInto renames tmp to out. Without force, a file that appeared at out
// while the backup ran is not replaced: a hard link, unlike a rename,
// fails when its target exists.
func moveInto(tmp, out string, force bool) error {
	if force {
		if err := os.Rename(tmp, out); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		return nil
	}
	err := os.Link(tmp, out)
	switch {
	case err == nil:
		os.Remove(tmp)
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("backup: %s: %w", out, ErrBackupExists)
	}
	// A file system without hard links.
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("backup: %s: %w", out, ErrBackupExists)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}
