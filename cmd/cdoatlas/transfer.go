package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/registryio"
)

func (m *Main) runImport(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "observations" {
		return m.runImportObservations(ctx, args[1:])
	}
	if len(args) == 0 || args[0] != "registry" {
		m.flagSet("import").Usage()
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errors.New("usage: cdoatlas import registry FILE… (CSV, XLSX or JSON) | import observations --wave W [--date D] [--source S] FILE… (CSV, XLSX or JSONL)")
	}
	fs := m.flagSet("import")
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("give at least one file")
	}
	// Read and check every file before touching the database, and report
	// the problems of all files at once.
	var records []cdoatlas.RegistryRecord
	var problems cdoatlas.FileErrors
	for _, path := range fs.Args() {
		m.progress("reading %s …", path)
		recs, err := readRegistryFile(path)
		problems = addFileProblems(problems, path, err)
		records = append(records, recs...)
	}
	if len(problems) > 0 {
		return problems
	}
	db, err := m.openDB(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	m.progress("importing %d record(s) …", len(records))
	sum, err := db.ImportRegistry(ctx, records)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "organizations: %d created, %d updated, %d unchanged; posts: %d created; people: %d created; tenures: %d created\n",
		sum.OrganizationsCreated, sum.OrganizationsUpdated, sum.OrganizationsUnchanged, sum.PostsCreated, sum.PeopleCreated, sum.TenuresCreated)
	return nil
}

// readRegistryFile reads and checks one registry file. Its errors name the
// file.
func readRegistryFile(path string) ([]cdoatlas.RegistryRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open: %w", errors.Unwrap(err))
	}
	defer f.Close()
	name := filepath.Base(path)
	recs, err := registryio.ReadRegistry(f, name)
	return recs, nameFile(err, name)
}

// addFileProblems adds what reading the file at path went wrong with: its
// problems, or the error as a problem of its first line.
func addFileProblems(problems cdoatlas.FileErrors, path string, err error) cdoatlas.FileErrors {
	var fe cdoatlas.FileErrors
	switch {
	case errors.As(err, &fe):
		return append(problems, fe...)
	case err != nil:
		return append(problems, cdoatlas.LineError{File: filepath.Base(path), Line: 1, Reason: err.Error()})
	}
	return problems
}

func nameFile(err error, name string) error {
	var fe cdoatlas.FileErrors
	if errors.As(err, &fe) {
		for i := range fe {
			if fe[i].File == "" {
				fe[i].File = name
			}
		}
		return fe
	}
	return err
}

func (m *Main) runExport(ctx context.Context, args []string) error {
	fs := m.flagSet("export")
	format := fs.String("format", "csv", "csv (RFC 4180), csv-de (Excel, semicolon, BOM), xlsx, json or popolo")
	out := fs.String("out", "", "file to write (default stdout)")
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := m.openDB(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	var w io.Writer = m.Stdout
	if *out != "" {
		// Write next to the target and rename, so a failed export leaves no
		// half-written file.
		tmp, err := os.CreateTemp(filepath.Dir(*out), ".cdoatlas-export-*")
		if err != nil {
			return err
		}
		defer os.Remove(tmp.Name())
		if err := registryio.Export(ctx, db, *format, tmp); err != nil {
			tmp.Close()
			return err
		}
		if err := tmp.Close(); err != nil {
			return err
		}
		return os.Rename(tmp.Name(), *out)
	}
	return registryio.Export(ctx, db, *format, w)
}
