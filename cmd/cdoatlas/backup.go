package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/cdoatlas/cdoatlas/sqldb"
)

// runBackup writes a consistent copy of the database while the server may
// be running. It does not check the schema version, so that a database can
// be saved before `cdoatlas migrate`. Restoring is described in README.md
// ("Backup and restore").
func (m *Main) runBackup(ctx context.Context, args []string) error {
	fs := m.flagSet("backup")
	out := fs.String("out", "", "file to write (required): an SQLite database, or for PostgreSQL a pg_dump archive in custom format for pg_restore")
	force := fs.Bool("force", false, "replace --out when it exists")
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q: the file is given with --out", fs.Arg(0))
	}
	if *out == "" {
		return errors.New("give --out FILE, the file to write the backup to")
	}
	m.progress("backing up to %s …", *out)
	res, err := sqldb.Backup(ctx, *dsn, *out, sqldb.BackupOptions{Force: *force})
	if errors.Is(err, sqldb.ErrBackupExists) {
		return fmt.Errorf("%s exists already: give --force to replace it", *out)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "wrote %s: %s, %d bytes\n", *out, res.Format, res.Bytes)
	return nil
}
