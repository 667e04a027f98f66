// Command registryserver is the server of the registry load benchmark
// (bench/registry.sh). It fills a database with synthetic data when the
// database is empty, and serves on one http.Server: the real cdoatlas
// handler at /, the same handler without its page cache under /nocache/
// (every request runs the queries and the template), and a saved copy of
// a page as a static file under /static-copy/, so that the dynamic page
// and its static twin are measured side by side.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	_ "net/http/pprof"
	"os"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/web"
)

func main() {
	dsn := flag.String("db", "", "database DSN")
	addr := flag.String("addr", "127.0.0.1:18080", "listen address")
	orgs := flag.Int("orgs", 20000, "synthetic organizations")
	posts := flag.Int("posts", 50000, "synthetic posts")
	tenures := flag.Int("tenures", 100000, "synthetic tenures")
	staticDir := flag.String("static", "", "directory served under /static-copy/")
	seedOnly := flag.Bool("seed-only", false, "load the data and exit")
	pprofAddr := flag.String("pprof", "", "serve net/http/pprof on this address (for profiling a run)")
	flag.Parse()
	ctx := context.Background()

	db, err := sqldb.Open(ctx, *dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	if _, n, err := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Limit: 1}); err != nil {
		log.Fatal(err)
	} else if n == 0 {
		start := time.Now()
		sum, err := db.ImportRegistry(ctx, demo.Synthetic(1, *orgs, *posts, *tenures))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "loaded %d organizations, %d posts, %d tenures in %s\n", sum.OrganizationsCreated, sum.PostsCreated, sum.TenuresCreated, time.Since(start).Round(time.Millisecond))
	}
	if *seedOnly {
		return
	}
	if *pprofAddr != "" {
		go func() { log.Println(http.ListenAndServe(*pprofAddr, nil)) }() // DefaultServeMux has pprof
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	mux := http.NewServeMux()
	mux.Handle("/", web.New(db, logger, db.Ping))
	mux.Handle("/nocache/", http.StripPrefix("/nocache", web.New(uncached{db}, logger, db.Ping)))
	if *staticDir != "" {
		mux.Handle("/static-copy/", http.StripPrefix("/static-copy/", http.FileServer(http.Dir(*staticDir))))
	}
	fmt.Fprintf(os.Stderr, "listening on %s\n", *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}

// uncached hides the store's registry version from the web handler, which
// then renders every page.
type uncached struct{ cdoatlas.Store }
