// Command cdoatlas runs the atlas of digital-leadership posts: the web
// application, and the commands that migrate, import, export and manage
// accounts. Run `cdoatlas help` for the list.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"golang.org/x/term"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "cdoatlas: "+oneLine(err))
		var fe cdoatlas.FileErrors
		if errors.As(err, &fe) {
			for _, e := range fe {
				fmt.Fprintln(os.Stderr, "  "+e.String())
			}
		}
		os.Exit(1)
	}
}

// oneLine is the reason printed for a failed command: the first line of the
// error, with file errors summarized (they are listed below it).
func oneLine(err error) string {
	var fe cdoatlas.FileErrors
	if errors.As(err, &fe) {
		return fmt.Sprintf("refused: %d error(s), nothing was changed", len(fe))
	}
	var e *cdoatlas.Error
	if errors.As(err, &e) && e.Code != cdoatlas.EINTERNAL {
		msg := cdoatlas.Message("en", e.Message)
		for field, key := range e.Fields {
			msg += fmt.Sprintf("; %s: %s", field, cdoatlas.Message("en", key))
		}
		return msg
	}
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// Main is the program, with its inputs and outputs as fields so that tests
// can drive it.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal tells whether a file descriptor is a terminal (progress
	// output and password prompts).
	IsTerminal func(fd int) bool
	// Listening, when set, receives the address serve listens on.
	Listening func(addr string)
}

// NewMain returns a Main wired to the process.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, IsTerminal: term.IsTerminal}
}

type command struct {
	name, usage, summary string
	run                  func(m *Main, ctx context.Context, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"serve", "serve [--addr 127.0.0.1:8080] [--db DSN] [--demo]", "run the web application and the JSON API", (*Main).runServe},
		{"migrate", "migrate [--db DSN]", "apply the database schema migrations", (*Main).runMigrate},
		{"backup", "backup --out FILE [--force] [--db DSN]", "a consistent copy of the running database: an SQLite file, or a pg_dump archive for PostgreSQL", (*Main).runBackup},
		{"user", "user add --role admin|editor|member EMAIL", "create an account (password from stdin when not a terminal)", (*Main).runUser},
		{"token", "token add [--name NAME] [--expires DAYS] EMAIL | list [EMAIL] | revoke ID", "create, list and revoke API bearer tokens", (*Main).runToken},
		{"import", "import registry FILE… | import observations --wave W [--date D] [--source S] FILE…", "import the registry (CSV, XLSX, JSON) or census observations of a wave (CSV, XLSX, JSONL)", (*Main).runImport},
		{"export", "export --format csv|csv-de|xlsx|json|popolo [--out FILE]", "write the registry", (*Main).runExport},
		{"classify", "classify [--jsonl] [--db DSN] [TITLE…]", "role, CDO check and archetype of titles (stdin when none given; --db adds the titles editors confirmed)", (*Main).runClassify},
		{"stats", "stats [--format json|text] [--public [--k 3]]", "census figures per wave: CDOs, entries, exits, stayed, moved and breakdowns", (*Main).runStats},
		{"report", "report --out DIR [--k 3] [--publisher NAME] [--base-url URL]", "the public census figures as a static site with CSV, XLSX, datapackage.json and DCAT-AP.de metadata", (*Main).runReport},
		{"gen", "gen --people N --waves K --seed S [--rows R] --out DIR", "synthetic census waves with their ground truth", (*Main).runGen},
		{"places", "places find [--country C] [--region R] [--jsonl] [NAME…]", "official code, name, kind, region, population and size class of DACH municipalities and counties as people write them (no database; stdin when no names)", (*Main).runPlaces},
		{"network", "network propose --capacity N --applications FILE [--members FILE] [--format json|text]", "propose whom to admit to a capped circle, with the reasons", (*Main).runNetwork},
		{"meeting", meetingUsage, "plan breakout rounds in which people meet people they have not met: no pair twice, few repeats from earlier meetings", (*Main).runMeeting},
		{"vote", voteUsage, "tally ranked ballots (one a line, [COUNT:] A > B = C, or PrefLib files) by the Schulze method, Borda, approval or plurality", (*Main).runVote},
	}
}

// subcommand checks that args start with sub, the one subcommand of
// command: otherwise it prints command's usage and returns flag.ErrHelp
// when help was asked for, or an error giving usage.
func (m *Main) subcommand(args []string, command, sub, usage string) error {
	if len(args) > 0 && args[0] == sub {
		return nil
	}
	m.flagSet(command).Usage()
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		return flag.ErrHelp
	}
	return errors.New("usage: cdoatlas " + usage)
}

// Run runs the command named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		m.usage()
		if len(args) == 0 {
			return errors.New("no command given")
		}
		return nil
	}
	// Changes made from the command line are "cli" in the audit log.
	ctx = cdoatlas.WithActor(ctx, cdoatlas.Actor{Label: "cli"})
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(m, ctx, args[1:])
		}
	}
	m.usage()
	return fmt.Errorf("unknown command %q", args[0])
}

func (m *Main) usage() {
	fmt.Fprintln(m.Stderr, "cdoatlas — the atlas of digital-leadership posts\n\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(m.Stderr, "  cdoatlas %-58s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(m.Stderr, "\nThe database is --db or $CDOATLAS_DB: a file path, sqlite:PATH (default ./cdoatlas.db) or postgres://…")
}

// flagSet returns a flag set for a command that prints its usage on -h.
func (m *Main) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	for _, c := range commands {
		if c.name == name {
			fs.Usage = func() {
				fmt.Fprintf(m.Stderr, "Usage: cdoatlas %s\n\n%s\n", c.usage, c.summary)
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

// dbFlag adds --db to fs, defaulting to $CDOATLAS_DB.
func (m *Main) dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", m.Getenv("CDOATLAS_DB"), "database: file path, sqlite:PATH or postgres://… (default ./cdoatlas.db; env CDOATLAS_DB)")
}

// openDB opens the database and, unless migrate is set, checks that its
// schema is current. $CDOATLAS_REVIEW_THRESHOLD (a number above 0 and at
// most 1) sets the confidence below which automatic classifications wait
// for review.
func (m *Main) openDB(ctx context.Context, dsn string, migrate bool) (*sqldb.DB, error) {
	threshold := 0.0
	if s := m.Getenv("CDOATLAS_REVIEW_THRESHOLD"); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || !(v > 0 && v <= 1) {
			return nil, fmt.Errorf("CDOATLAS_REVIEW_THRESHOLD must be a number above 0 and at most 1, got %q", s)
		}
		threshold = v
	}
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	db.ReviewThreshold = threshold
	if migrate {
		if _, err := db.Migrate(ctx); err != nil {
			db.Close()
			return nil, err
		}
	} else if err := db.CheckSchema(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// interactive reports whether stderr is a terminal: progress goes there.
func (m *Main) interactive() bool {
	f, ok := m.Stderr.(*os.File)
	return ok && m.IsTerminal != nil && m.IsTerminal(int(f.Fd()))
}

// progress prints a line on a terminal and nothing otherwise.
func (m *Main) progress(format string, args ...any) {
	if m.interactive() {
		fmt.Fprintf(m.Stderr, format+"\n", args...)
	}
}
