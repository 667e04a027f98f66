package sqldb_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestCensusImportJobs(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		u := &cdoatlas.User{Email: "editor@example.org", Role: cdoatlas.UserEditor}
		if err := db.CreateUser(ctx, u, password); err != nil {
			t.Fatal(err)
		}
		start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		now := start
		db.Now = func() time.Time { return now }
		warnings := []cdoatlas.LineError{{File: "press.csv", Line: 2, Column: "gender", Reason: "gender: f, m, d or unknown", Key: "gender.invalid"}}
		j := &cdoatlas.CensusImportJob{ID: "a1b2", Wave: "2024", CreatedBy: u.ID, State: cdoatlas.JobRunning, Total: 3,
			Warnings: warnings, Flagged: 7}
		if err := db.CreateCensusImportJob(ctx, j); err != nil {
			t.Fatal(err)
		}
		if !j.StartedAt.Equal(start) || !j.UpdatedAt.Equal(start) {
			t.Errorf("times after create: %v %v", j.StartedAt, j.UpdatedAt)
		}
		wantCode(t, db.CreateCensusImportJob(ctx, &cdoatlas.CensusImportJob{ID: "a1b2", Wave: "2025", State: cdoatlas.JobRunning}),
			cdoatlas.ECONFLICT)
		_, err := db.FindCensusImportJob(ctx, "nosuchjob")
		wantCode(t, err, cdoatlas.ENOTFOUND)

		now = start.Add(time.Second)
		if err := db.UpdateCensusImportProgress(ctx, "a1b2", 2, 3); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindCensusImportJob(ctx, "a1b2")
		if err != nil {
			t.Fatal(err)
		}
		want := cdoatlas.CensusImportJob{ID: "a1b2", Wave: "2024", CreatedBy: u.ID, State: cdoatlas.JobRunning, Total: 3, Done: 2,
			Warnings: warnings, Flagged: 7, StartedAt: start, UpdatedAt: now}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("running job:\n got %+v\nwant %+v", *got, want)
		}

		now = start.Add(2 * time.Second)
		sum := &cdoatlas.ObservationSummary{Rows: 3, Leadership: 1, PeopleCreated: 1}
		if err := db.FinishCensusImportJob(ctx, &cdoatlas.CensusImportJob{ID: "a1b2", State: cdoatlas.JobDone, Done: 3, Total: 3, Summary: sum}); err != nil {
			t.Fatal(err)
		}
		// Progress that comes late does not change a finished job.
		if err := db.UpdateCensusImportProgress(ctx, "a1b2", 1, 3); err != nil {
			t.Fatal(err)
		}
		got, err = db.FindCensusImportJob(ctx, "a1b2")
		if err != nil {
			t.Fatal(err)
		}
		want.State, want.Done, want.Summary, want.UpdatedAt, want.FinishedAt = cdoatlas.JobDone, 3, sum, now, now
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("finished job:\n got %+v\nwant %+v", *got, want)
		}
		wantCode(t, db.FinishCensusImportJob(ctx, &cdoatlas.CensusImportJob{ID: "nosuchjob", State: cdoatlas.JobDone}), cdoatlas.ENOTFOUND)

		t.Run("InterruptAndDelete", func(t *testing.T) {
			// b: running, last news at start+2s; c: running, news at
			// start+1m; a1b2: done.
			now = start.Add(2 * time.Second)
			if err := db.CreateCensusImportJob(ctx, &cdoatlas.CensusImportJob{ID: "b", Wave: "2024", State: cdoatlas.JobRunning}); err != nil {
				t.Fatal(err)
			}
			now = start.Add(time.Minute)
			if err := db.CreateCensusImportJob(ctx, &cdoatlas.CensusImportJob{ID: "c", Wave: "2024", State: cdoatlas.JobRunning}); err != nil {
				t.Fatal(err)
			}
			now = start.Add(time.Hour)
			n, err := db.InterruptCensusImportJobs(ctx, start.Add(30*time.Second))
			if err != nil || n != 1 {
				t.Fatalf("interrupt: %d, %v; want 1", n, err)
			}
			for id, state := range map[string]string{"a1b2": cdoatlas.JobDone, "b": cdoatlas.JobInterrupted, "c": cdoatlas.JobRunning} {
				if got, err := db.FindCensusImportJob(ctx, id); err != nil || got.State != state {
					t.Errorf("job %s: %+v, %v; want state %s", id, got, err, state)
				}
			}
			if n, err := db.InterruptCensusImportJobs(ctx, start.Add(30*time.Second)); err != nil || n != 0 {
				t.Errorf("interrupt again: %d, %v; want 0", n, err)
			}

			n, err = db.DeleteCensusImportJobs(ctx, start.Add(30*time.Second))
			if err != nil || n != 2 {
				t.Fatalf("delete: %d, %v; want 2", n, err)
			}
			for id, code := range map[string]string{"a1b2": cdoatlas.ENOTFOUND, "b": cdoatlas.ENOTFOUND, "c": ""} {
				_, err := db.FindCensusImportJob(ctx, id)
				wantCode(t, err, code)
			}
		})
	})
}
