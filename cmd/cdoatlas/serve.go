package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusgen"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/disclosure"
	"github.com/cdoatlas/cdoatlas/network"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/web"
)

// demoCensus is the census `serve --demo` generates: few enough people
// that the demo's real organizations suffice.
var demoCensus = censusgen.Options{People: 60, Waves: 3, Seed: 2024, FirstWave: 2023}

// seedDemoNetwork adds a network with a core circle of 40, an open call
// (deadline 90 days ahead), the demo's fictional members with two
// meetings (demo.SeedMeetings) and topic votes when there is no network
// yet.
func seedDemoNetwork(ctx context.Context, db *sqldb.DB) error {
	if ns, err := db.FindNetworks(ctx); err != nil || len(ns) > 0 {
		return err
	}
	n := &cdoatlas.Network{Name: "CDO-Kreis (Demo)", Description: "Ein Netzwerk der Digitalverantwortlichen von Kommunen jeder Größe – erfunden für die Demo."}
	if err := db.CreateNetwork(ctx, n); err != nil {
		return err
	}
	core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 40}
	if err := db.CreateCircle(ctx, core); err != nil {
		return err
	}
	if err := db.CreateCircle(ctx, &cdoatlas.Circle{NetworkID: n.ID, Name: "Offener Kreis"}); err != nil {
		return err
	}
	call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf zur Mitarbeit im Kernkreis",
		Text:     "Wir suchen Digitalverantwortliche aus Kommunen jeder Größe, besonders aus kleinen Gemeinden und den ostdeutschen Ländern.",
		Criteria: "Verantwortung für die Digitalisierung über Ämter hinweg; Nähe zur Verwaltungsspitze.",
		Deadline: cdoatlas.PartialDate(time.Now().AddDate(0, 0, 90).Format("2006-01-02"))}
	if err := db.CreateCall(ctx, call); err != nil {
		return err
	}
	// Invented applicants at real municipalities; the first four admitted.
	orgs, _, err := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Kind: cdoatlas.KindMunicipality, Limit: 6})
	if err != nil {
		return err
	}
	names := []struct{ name, gender string }{{"Andrea Demo", "f"}, {"Bernd Beispiel", "m"}, {"Carla Muster", "f"},
		{"Deniz Probe", "d"}, {"Emil Erfunden", "m"}, {"Frieda Fiktiv", "f"}}
	tasks := "Verantwortet die Digitalstrategie der gesamten Verwaltung, koordiniert die Digitalisierung aller Fachbereiche und der städtischen Gesellschaften und berichtet an die Verwaltungsspitze."
	for i, o := range orgs {
		a := &cdoatlas.Application{CallID: call.ID, PersonName: names[i%len(names)].name, Email: fmt.Sprintf("demo%d@example.org", i+1),
			Title: "Chief Digital Officer", Tasks: tasks, Gender: names[i%len(names)].gender, Consent: true}
		a.UseOrganization(o)
		network.CheckApplication(a)
		if _, err := db.CreateApplication(ctx, a); err != nil {
			return err
		}
		if i < 4 {
			if _, err := db.Admit(ctx, a.ID, 0, "Demo"); err != nil {
				return err
			}
		}
	}
	// The demo's fictional members join, and meet: a past meeting with
	// its breakout plan, and one to come.
	if err := demo.SeedMeetings(ctx, db, n.ID, core.ID, time.Now()); err != nil {
		return err
	}
	return seedDemoVotes(ctx, db, n.ID, core.ID)
}

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := m.flagSet("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dsn := m.dbFlag(fs)
	withDemo := fs.Bool("demo", false, "migrate the database and fill it with the demo data set when it is empty")
	logLevel := fs.String("log-level", "info", "log level: debug, info, warn, error")
	retention := fs.Int("retention-months", 12, "delete declined and withdrawn applications this many months after their last decision (0: keep them)")
	disclosureK := fs.Int("disclosure-k", disclosure.DefaultK, "public statistics withhold counts below this threshold (at least 2)")
	offerDays := fs.Int("offer-days", int(cdoatlas.DefaultOfferTime/(24*time.Hour)), "days a seat offered to a waitlisted applicant is held")
	metricsAddr := fs.String("metrics-addr", "", "serve /metrics without login on this separate address (e.g. 127.0.0.1:9090, for monitoring); on the main address it needs an admin or $CDOATLAS_METRICS_TOKEN")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve takes no arguments, got %q", fs.Arg(0))
	}
	if *disclosureK < 2 {
		return fmt.Errorf("--disclosure-k: at least 2, so that no single person is shown")
	}
	if *offerDays < 1 {
		return fmt.Errorf("--offer-days: at least 1 day")
	}
	offerTime := time.Duration(*offerDays) * 24 * time.Hour
	if *retention < 0 {
		return fmt.Errorf("--retention-months: a number of months, 0 to keep applications")
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("bad --log-level %q", *logLevel)
	}
	logger := slog.New(slog.NewJSONHandler(m.Stderr, &slog.HandlerOptions{Level: level}))
	smtp, baseURL, err := m.mailConfig()
	if err != nil {
		return err
	}
	oidcLogin, err := m.oidcConfig(baseURL)
	if err != nil {
		return err
	}

	db, err := m.openDB(ctx, *dsn, *withDemo)
	if err != nil {
		return err
	}
	defer db.Close()
	if *withDemo {
		n, err := demo.Seed(ctx, db)
		if err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
		if n > 0 {
			logger.Info("demo data loaded", "organizations", n)
		}
		if waves, err := db.FindWaves(ctx); err != nil {
			return err
		} else if len(waves) == 0 {
			// A small census of fictional people at the demo's organizations.
			if _, err := censusgen.Load(ctx, db, demoCensus); err != nil {
				return fmt.Errorf("demo census: %w", err)
			}
			logger.Info("demo census loaded", "waves", demoCensus.Waves)
		}
		if err := seedDemoNetwork(ctx, db); err != nil {
			return fmt.Errorf("demo network: %w", err)
		}
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	handler := web.New(db, logger, db.Ping)
	handler.ReviewThreshold = db.ReviewThreshold
	handler.DisclosureK = *disclosureK
	handler.OfferTime = offerTime
	handler.MetricsToken = os.Getenv("CDOATLAS_METRICS_TOKEN")
	handler.OIDC = oidcLogin
	if oidcLogin != nil {
		logger.Info("login with organisation accounts (OpenID Connect)", "issuer", oidcLogin.Issuer)
	}
	if *metricsAddr != "" {
		mln, err := net.Listen("tcp", *metricsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("--metrics-addr: %w", err)
		}
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", handler.MetricsHandler())
		msrv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go msrv.Serve(mln)
		defer msrv.Close()
		logger.Info("metrics served", "addr", mln.Addr().String())
	}
	// Deferred after the database's Close, so run before it, and after
	// the HTTP server's shutdown below, when no request starts an import
	// any more: the census imports the server runs in the background are
	// cancelled, roll back and are stored as interrupted.
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := handler.Shutdown(ctx); err != nil {
			logger.Error("census imports did not stop in time", "error", err)
		}
	}()
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(m.Stdout, "cdoatlas is running at %s (database: %s) — press Ctrl+C to stop\n", url, db.Dialect())
	if m.Listening != nil {
		m.Listening(ln.Addr().String())
	}

	// Mails are queued from here on (the demo's invented applicants get
	// none) and sent in the background.
	mailCtx, stopMail := context.WithCancel(ctx)
	mailDone := startMail(mailCtx, db, smtp, baseURL, ln.Addr().String(), logger)
	defer func() { stopMail(); <-mailDone }()

	// The offer job: expired offers pass to the next on the waitlist, free
	// seats are offered. Safe with several instances on one PostgreSQL.
	jobDone := make(chan struct{})
	go func() {
		defer close(jobDone)
		tick := time.NewTicker(time.Minute)
		defer tick.Stop()
		var lastRetention time.Time
		for {
			if offered, expired, err := db.RunOffers(ctx, offerTime); err != nil {
				if ctx.Err() == nil {
					logger.Error("offers", "error", err)
				}
			} else if offered+expired > 0 {
				logger.Info("offers", "offered", offered, "expired", expired)
			}
			// The close job of topic votes: the ballots of anonymous
			// votes that closed lose their members.
			if n, err := db.SealVotes(ctx); err != nil {
				if ctx.Err() == nil {
					logger.Error("votes", "error", err)
				}
			} else if n > 0 {
				logger.Info("votes sealed", "count", n)
			}
			// Retention, once an hour: declined and withdrawn
			// applications go after the set period.
			if *retention > 0 && time.Since(lastRetention) >= time.Hour {
				lastRetention = time.Now()
				if n, err := db.DeleteExpiredApplications(ctx, time.Now().AddDate(0, -*retention, 0)); err != nil {
					if ctx.Err() == nil {
						logger.Error("retention", "error", err)
					}
				} else if n > 0 {
					logger.Info("retention: applications deleted", "count", n, "months", *retention)
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	defer func() { <-jobDone }()

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func (m *Main) runMigrate(ctx context.Context, args []string) error {
	fs := m.flagSet("migrate")
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := sqldb.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "applied %d migration(s); the schema is current\n", n)
	return nil
}
