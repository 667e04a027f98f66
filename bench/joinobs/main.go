// Command joinobs joins observation files (any dialect the import reads)
// into one UTF-8 CSV with the columns of DESIGN §5, for the benchmark of
// one large file (BENCHMARKS.md):
//
//	go run ./bench/joinobs OUT.csv FILE…
package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/cdoatlas/cdoatlas/censusio"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: joinobs OUT.csv FILE…")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "joinobs:", err)
		os.Exit(1)
	}
}

func run(out string, files []string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	if err := w.Write(censusio.Columns); err != nil {
		return err
	}
	for _, name := range files {
		in, err := os.Open(name)
		if err != nil {
			return err
		}
		obs, problems, err := censusio.Read(context.Background(), in, filepath.Base(name))
		in.Close()
		if err != nil {
			return fmt.Errorf("%s: %w (%d problems)", name, err, len(problems))
		}
		for _, o := range obs {
			by := ""
			if o.BirthYear != nil {
				by = strconv.Itoa(*o.BirthYear)
			}
			rec := []string{o.PersonName, o.Title, o.Organization, o.Country, o.Region, o.OfficialCode,
				o.ProfileURL, o.Gender, by, o.Tasks, o.SourceURL, string(o.ObservedOn)}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
