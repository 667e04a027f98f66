package web

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// gatedStore holds a census import inside its transaction — the wave is
// written, no row yet — until release is closed or the import's context
// ends: a slow import, without timing.
type gatedStore struct {
	cdoatlas.Store
	entered chan struct{} // closed when the import waits at the gate
	release chan struct{}
	once    sync.Once
}

func newGatedStore(store cdoatlas.Store) *gatedStore {
	return &gatedStore{Store: store, entered: make(chan struct{}), release: make(chan struct{})}
}

func (g *gatedStore) ImportObservations(ctx context.Context, imp cdoatlas.ObservationImport) (*cdoatlas.ObservationSummary, error) {
	progress := imp.Progress
	imp.Progress = func(done, total int) {
		g.once.Do(func() {
			close(g.entered)
			select {
			case <-g.release:
			case <-ctx.Done():
			case <-time.After(time.Minute): // a broken cancellation fails the test, not hangs it
			}
		})
		if progress != nil {
			progress(done, total)
		}
	}
	return g.Store.ImportObservations(ctx, imp)
}

// on returns a browser with b's cookies (its session) for another server.
func (b *browser) on(e *pageEnv) *browser {
	c := *b
	c.e = e
	c.cookies = map[string]string{}
	for k, v := range b.cookies {
		c.cookies[k] = v
	}
	return &c
}

const (
	jobGood    = "Name,Funktion,Organisation,Bundesland\nAnna Muster,Chief Digital Officer,Landeshauptstadt München,Bayern\nBert Beispiel,Sachbearbeiter,Köln,NRW\n"
	jobFlagged = "person_name;title;organization;gender;Bundesland\nCarla Test;Referentin;Stadt Ulm;q;Atlantis\n"
)

// startGatedImport uploads two files on e, whose store is g, and returns
// the job page once the import waits at the gate.
func startGatedImport(t *testing.T, ed *browser, g *gatedStore) string {
	t.Helper()
	w := ed.upload(true, map[string]string{"wave": "2024", "date": "30.06.2024"},
		map[string]string{"linkedin-2024.csv": jobGood, "press.csv": jobFlagged})
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/census/import/") {
		t.Fatalf("upload: %d %s\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	<-g.entered
	return w.Header().Get("Location")
}

// TestCensusImportJobAcrossServers: a job started on one server shows on
// another over the same database while it runs, and after the first
// server stopped and a new one started (a restart).
func TestCensusImportJobAcrossServers(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		g := newGatedStore(db)
		a := newPageEnvOn(t, g)
		ed := a.as(cdoatlas.UserEditor)
		status := startGatedImport(t, ed, g)

		b := newPageEnvOn(t, db)
		w := ed.on(b).get(status)
		wantCode(t, w, http.StatusOK)
		wantText(t, w, "Der Import läuft", "von 3 Zeilen", "2 Zellen wurden roh behalten")

		close(g.release)
		ed.waitForPage(status, "Import abgeschlossen")
		w = ed.on(b).get(status)
		wantText(t, w, "Import abgeschlossen.", "3 Zeilen, davon 0 schon früher importiert")

		// A restart: the first server stops, a new one starts.
		if err := a.srv.Shutdown(context.Background()); err != nil {
			t.Fatal(err)
		}
		c := newPageEnvOn(t, db)
		edC := ed.on(c)
		w = edC.get(status)
		wantText(t, w, "Import abgeschlossen.", "3 Zeilen, davon 0 schon früher importiert; 1 mit einer Digitalleitungsrolle",
			"2 Zellen wurden roh behalten und markiert", "press.csv, Zeile 2, Spalte Bundesland: Unbekannte Region")
		w = edC.follow(edC.get(status + "?lang=en"))
		wantText(t, w, "Import finished.", "3 rows, 0 of them imported before", "press.csv, line 2, column Bundesland: Unknown region")
		if w := edC.get("/census/import/nosuchjob"); w.Code != http.StatusNotFound {
			t.Errorf("unknown job after restart: %d", w.Code)
		}
	})
}

// TestCensusImportShutdown: shutting the server down during an import
// cancels it and waits until it rolled back; nothing of the wave is
// stored, the job page says the import was interrupted, and uploads are
// refused from then on.
func TestCensusImportShutdown(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		g := newGatedStore(db)
		e := newPageEnvOn(t, g)
		ed := e.as(cdoatlas.UserEditor)
		status := startGatedImport(t, ed, g)

		if err := e.srv.Shutdown(context.Background()); err != nil {
			t.Fatal(err)
		}
		// Shutdown waited: the outcome is stored.
		job, err := db.FindCensusImportJob(context.Background(), strings.TrimPrefix(status, "/census/import/"))
		if err != nil || job.State != cdoatlas.JobInterrupted {
			t.Fatalf("job after shutdown: %+v, %v; want state interrupted", job, err)
		}
		if waves, err := db.FindWaves(context.Background()); err != nil || len(waves) != 0 {
			t.Errorf("waves after an interrupted import: %v, %v; want none", waves, err)
		}
		if obs, n, err := db.FindObservations(context.Background(), "", false, 0, 10); err != nil || n != 0 {
			t.Errorf("observations after an interrupted import: %d %v, %v; want none", n, obs, err)
		}
		w := ed.get(status)
		wantText(t, w, "Der Import wurde unterbrochen, weil der Server beendet wurde; es wurde nichts geändert.",
			"2 Zellen wurden roh behalten")
		wantNoText(t, w, "Der Import läuft", "Import abgeschlossen", "fehlgeschlagen")
		// Stored as interrupted: another server says so too, in English.
		other := ed.on(newPageEnvOn(t, db))
		w = other.follow(other.get(status + "?lang=en"))
		wantText(t, w, "The import was interrupted because the server stopped; nothing was changed.")

		w = ed.upload(true, map[string]string{"wave": "2025", "date": "2025"}, map[string]string{"a.csv": jobGood})
		wantCode(t, w, http.StatusServiceUnavailable)
		wantText(t, w, "Der Server wird gerade beendet")
		if strings.Contains(e.log.String(), "level=ERROR") {
			t.Errorf("an interrupted import was logged as an error:\n%s", e.log)
		}
	})
}

// TestCensusImportDeadJob: a job left running by a server that died
// without saying so is shown, and on the next start stored, as
// interrupted once it has had no news for jobDeadAfter; a job started
// more than jobKeep ago is gone.
func TestCensusImportDeadJob(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newPageEnvOn(t, db)
		ed := e.as(cdoatlas.UserEditor)
		now := time.Now()
		create := func(id, state string, at time.Time) {
			db.Now = func() time.Time { return at }
			defer func() { db.Now = time.Now }()
			j := &cdoatlas.CensusImportJob{ID: id, Wave: "2024", State: state, Total: 10, Done: 4}
			if err := db.CreateCensusImportJob(context.Background(), j); err != nil {
				t.Fatal(err)
			}
		}
		create("dead", cdoatlas.JobRunning, now.Add(-jobDeadAfter-time.Minute))
		create("alive", cdoatlas.JobRunning, now)
		create("old", cdoatlas.JobDone, now.Add(-jobKeep-time.Hour))

		// Shown as interrupted at once, by a server that was running.
		wantText(t, ed.get("/census/import/dead"), "Der Import wurde unterbrochen")
		wantText(t, ed.get("/census/import/alive"), "Der Import läuft: 4 von 10 Zeilen")

		restarted := ed.on(newPageEnvOn(t, db))
		for id, state := range map[string]string{"dead": cdoatlas.JobInterrupted, "alive": cdoatlas.JobRunning} {
			if job, err := db.FindCensusImportJob(context.Background(), id); err != nil || job.State != state {
				t.Errorf("job %s after a start: %+v, %v; want state %s", id, job, err, state)
			}
		}
		wantText(t, restarted.get("/census/import/dead"), "Der Import wurde unterbrochen")
		if w := restarted.get("/census/import/old"); w.Code != http.StatusNotFound {
			t.Errorf("job started more than %v ago: %d, want 404", jobKeep, w.Code)
		}
	})
}

// TestCensusImportWhileAnotherRuns: a second upload while an import runs
// is taken and shows its page at once, although on SQLite it must wait
// for the one writer; both imports end.
func TestCensusImportWhileAnotherRuns(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		g := newGatedStore(db)
		e := newPageEnvOn(t, g)
		ed := e.as(cdoatlas.UserEditor)
		first := startGatedImport(t, ed, g)

		w := ed.upload(true, map[string]string{"wave": "2025", "date": "2025"}, map[string]string{"xing.csv": jobGood})
		if w.Code != http.StatusSeeOther {
			t.Fatalf("second upload: %d\n%s", w.Code, w.Body)
		}
		second := w.Header().Get("Location")
		wantText(t, ed.get(second), "Der Import läuft", "von 2 Zeilen")

		close(g.release)
		wantText(t, ed.waitForPage(first, "Import abgeschlossen"), "Import abgeschlossen.", "3 Zeilen")
		wantText(t, ed.waitForPage(second, "Import abgeschlossen"), "Import abgeschlossen.", "2 Zeilen")
		if obs, n, err := db.FindObservations(context.Background(), "2025", false, 0, 10); err != nil || n != 2 {
			t.Errorf("observations of the second upload: %d %v, %v; want 2", n, obs, err)
		}
	})
}
