package cdoatlas

import (
	"context"
	"time"
)

// CensusJob is a census import started from the web upload: its progress
// and outcome are stored, so that they survive a restart and every
// instance shows them.
type CensusJob struct {
	ID       string // random, unguessable
	Wave     string
	State    string // JobRunning, JobDone, JobFailed, JobCancelled
	Total    int
	Done     int
	Summary  *ObservationSummary
	Warnings FileErrors // cells kept raw and flagged
	// The field and message key of an import the store refused.
	ErrorField, ErrorKey string
	CreatedBy            int64
	CreatedAt, UpdatedAt time.Time
}

// Census job states.
const (
	JobRunning   = "running"
	JobDone      = "done"
	JobFailed    = "failed"
	JobCancelled = "cancelled"
)

// JobStale is how long a running job may go without news before it is
// taken to have died with its server (which may not have been able to
// say so).
const JobStale = 2 * time.Minute

// CensusJobService stores census import jobs.
type CensusJobService interface {
	// CreateCensusJob stores a new job.
	CreateCensusJob(ctx context.Context, j *CensusJob) error
	// UpdateCensusJob stores a job's state, progress and outcome. ENOTFOUND.
	UpdateCensusJob(ctx context.Context, j *CensusJob) error
	// FindCensusJob returns a job. ENOTFOUND.
	FindCensusJob(ctx context.Context, id string) (*CensusJob, error)
}
