// Command sqlitefloor measures the floor of the census import on SQLite:
// the pure-Go driver (modernc.org/sqlite, through database/sql, as the
// atlas uses it) inserting the rows of the given CSV files into one bare
// 12-column table in one transaction, with no checks, no classification,
// no resolution and no index. It is the sqlite3 CLI's `.import` done the
// way a Go program can do it (bench/census.sh runs both side by side).
//
//	go run ./bench/sqlitefloor DB FILE…
package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite"
)

const cols = 12

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: sqlitefloor DB FILE…")
		os.Exit(2)
	}
	start := time.Now()
	n, err := run(os.Args[1], os.Args[2:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "sqlitefloor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d rows in %.2f s\n", n, time.Since(start).Seconds())
}

func run(path string, files []string) (int, error) {
	db, err := sql.Open("sqlite", path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	ctx := context.Background()
	var def []string
	for i := 1; i <= cols; i++ {
		def = append(def, fmt.Sprintf("c%d TEXT", i))
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE obs ("+strings.Join(def, ", ")+")"); err != nil {
		return 0, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	// Many rows a statement, as the import writes them.
	const batch = 64
	row := "(" + strings.Repeat("?, ", cols-1) + "?)"
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO obs VALUES "+strings.Repeat(row+", ", batch-1)+row)
	if err != nil {
		return 0, err
	}
	one, err := tx.PrepareContext(ctx, "INSERT INTO obs VALUES "+row)
	if err != nil {
		return 0, err
	}
	args := make([]any, 0, batch*cols)
	n := 0
	for _, f := range files {
		err := eachRecord(f, func(rec []string) error {
			n++
			for i := 0; i < cols; i++ {
				v := ""
				if i < len(rec) {
					v = rec[i]
				}
				args = append(args, v)
			}
			if len(args) == batch*cols {
				if _, err := stmt.ExecContext(ctx, args...); err != nil {
					return err
				}
				args = args[:0]
			}
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("%s: %w", f, err)
		}
	}
	for i := 0; i < len(args); i += cols {
		if _, err := one.ExecContext(ctx, args[i:i+cols]...); err != nil {
			return 0, err
		}
	}
	return n, tx.Commit()
}

// eachRecord calls fn for each record after the header; the separator is
// ';' when the header holds one, as bench/census.sh decides for sqlite3.
func eachRecord(path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	head, err := br.Peek(3)
	if err == nil && bytes.Equal(head, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	first, _ := br.Peek(4096)
	line, _, _ := bytes.Cut(first, []byte("\n"))
	r := csv.NewReader(br)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	if bytes.Contains(line, []byte(";")) {
		r.Comma = ';'
	}
	if _, err := r.Read(); err != nil {
		return err
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
}
