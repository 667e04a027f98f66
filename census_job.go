package cdoatlas

import (
	"context"
	"time"
)

// CensusImportJob is a census import started from the web upload. Its
// progress and outcome are stored, so that they survive a restart of the
// server that ran it and every instance behind a load balancer shows them.
type CensusImportJob struct {
	ID        string // random hex, unguessable: the job page's address
	Wave      string
	CreatedBy int64  // the editor who uploaded the files; 0 when unknown
	State     string // JobRunning, JobDone, JobFailed or JobInterrupted
	Total     int    // rows of the files
	Done      int    // rows classified and resolved so far
	// Summary is what a finished import did.
	Summary *ObservationSummary
	// The field and message key of an import the store refused (EINVALID);
	// both empty for a failure that is not the files' fault.
	ErrorField, ErrorKey string
	// Warnings lists the first cells of the files that were kept raw and
	// flagged; Flagged counts them all.
	Warnings []LineError
	Flagged  int
	// UpdatedAt is the time of the last news from the job: its start, its
	// progress or its end.
	StartedAt, UpdatedAt time.Time
	FinishedAt           time.Time // zero while it runs
}

// States of a census import job. An interrupted import was stopped (its
// server shut down or died) and rolled back: it changed nothing.
const (
	JobRunning     = "running"
	JobDone        = "done"
	JobFailed      = "failed"
	JobInterrupted = "interrupted"
)

// CensusImportJobService stores census import jobs. It only reads and
// writes: when a job counts as dead or old is for the caller to say.
type CensusImportJobService interface {
	// CreateCensusImportJob stores a new job and sets its StartedAt and
	// UpdatedAt. ECONFLICT when the ID is taken.
	CreateCensusImportJob(ctx context.Context, j *CensusImportJob) error
	// FindCensusImportJob returns a job. ENOTFOUND.
	FindCensusImportJob(ctx context.Context, id string) (*CensusImportJob, error)
	// UpdateCensusImportProgress stores the rows done of a running job and
	// sets its UpdatedAt; a job that is not running is left alone.
	UpdateCensusImportProgress(ctx context.Context, id string, done, total int) error
	// FinishCensusImportJob stores the outcome of a job — its State, Done,
	// Total, Summary, ErrorField and ErrorKey — and sets its UpdatedAt and
	// FinishedAt. ENOTFOUND.
	FinishCensusImportJob(ctx context.Context, j *CensusImportJob) error
	// InterruptCensusImportJobs marks the running jobs with no news since
	// before as interrupted, and returns how many it marked.
	InterruptCensusImportJobs(ctx context.Context, before time.Time) (int, error)
	// DeleteCensusImportJobs deletes the jobs started before startedBefore
	// and returns how many it deleted.
	DeleteCensusImportJobs(ctx context.Context, startedBefore time.Time) (int, error)
}
