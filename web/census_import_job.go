package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Census imports started from the upload run in the background of the
// server that took the files, under a context the server owns: Shutdown
// cancels them, they roll back, and it waits for that. Their state lives in
// the database (cdoatlas.CensusImportJobService), so that the job page
// works after a restart and on every instance behind a load balancer.
//
// A server that is killed cannot say that its imports died with it. The
// rule: a running job writes news (its progress, or only that it still
// runs) at least every jobHeartbeat; one with no news for jobDeadAfter is
// shown as interrupted, and marked so when a server starts. Its
// transaction died with the server, so it changed nothing. On SQLite the
// import holds the one writer until it ends and can write no news: a
// second server on the same file takes a long import for dead until its
// outcome, which is stored whatever the job was marked, says otherwise.
const (
	// jobProgressEvery is how often, at most, progress is written.
	jobProgressEvery = time.Second
	// jobHeartbeat is how often, at least, a running job writes news.
	jobHeartbeat = 30 * time.Second
	// jobDeadAfter is how long a running job may go without news before
	// it is taken to have died with its server. Well above jobHeartbeat,
	// so that a busy database or clocks a little apart do not kill a job.
	jobDeadAfter = 2 * time.Minute
	// jobKeep is how long jobs are kept after they started.
	jobKeep = 30 * 24 * time.Hour
	// jobWriteTimeout bounds the write of a job's outcome.
	jobWriteTimeout = 10 * time.Second
	// jobCreateWait is how long an upload waits for its job to be stored
	// before it shows the job page anyway: on SQLite another import may
	// hold the one writer for minutes. Until the job is stored, only the
	// server that runs it shows its page.
	jobCreateWait = 3 * time.Second
)

// errShuttingDown refuses new background work once Shutdown has begun.
var errShuttingDown = errors.New("the server is shutting down")

// background is the server's own work: the census imports it runs.
type background struct {
	ctx    context.Context // cancelled by Shutdown
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	closed  bool
	running map[string]*localJob // the jobs this server runs, by ID
}

func newBackground() *background {
	ctx, cancel := context.WithCancel(context.Background())
	return &background{ctx: ctx, cancel: cancel, running: map[string]*localJob{}}
}

// localJob is a job this server runs, as it started, and how far it got.
// The server that runs an import knows more than the database: on SQLite
// the one writer is the import's own until it ends, so stored progress
// catches up only then, and a job waiting for the writer is not stored yet.
type localJob struct {
	started cdoatlas.CensusImportJob // not changed once started
	progress
}

// progress is how far a running import got.
type progress struct {
	mu          sync.Mutex
	done, total int
}

func (p *progress) set(done, total int) {
	p.mu.Lock()
	p.done, p.total = done, total
	p.mu.Unlock()
}

func (p *progress) get() (done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done, p.total
}

// Shutdown stops the server's background work: it cancels the census
// imports this server runs, which roll back and are stored as interrupted,
// and waits for them until ctx ends (then it returns ctx's error). Uploads
// after it are refused; call it after http.Server.Shutdown.
func (s *Server) Shutdown(ctx context.Context) error {
	b := s.bg
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.cancel()
	done := make(chan struct{})
	go func() {
		b.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// startImport stores job as running and runs imp in the background. It
// returns once the job is stored, or after jobCreateWait (the job is then
// stored when the database lets it, before the import starts), or with
// errShuttingDown after Shutdown.
func (s *Server) startImport(ctx context.Context, job *cdoatlas.CensusImportJob, imp cdoatlas.ObservationImport) error {
	b := s.bg
	job.State = cdoatlas.JobRunning
	local := &localJob{started: *job}
	local.started.StartedAt, local.started.UpdatedAt = time.Now(), time.Now()
	local.total = job.Total
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return errShuttingDown
	}
	b.wg.Add(1)
	b.running[job.ID] = local
	b.mu.Unlock()
	imp.Progress = local.set
	created := make(chan error, 1)
	go func() {
		defer b.wg.Done()
		defer s.forgetJob(job.ID)
		err := s.Store.CreateCensusImportJob(b.ctx, job)
		created <- err
		if err != nil {
			if b.ctx.Err() == nil {
				s.Logger.Error("census import: storing the job", "job", job.ID, "error", err)
			}
			return
		}
		s.runImport(b.ctx, job, imp, &local.progress)
	}()
	wait := time.NewTimer(jobCreateWait)
	defer wait.Stop()
	select {
	case err := <-created:
		if err != nil && b.ctx.Err() != nil {
			return errShuttingDown
		}
		return err
	case <-wait.C:
		return nil
	case <-ctx.Done():
		return nil // the uploader left; the import runs
	}
}

func (s *Server) forgetJob(id string) {
	s.bg.mu.Lock()
	delete(s.bg.running, id)
	s.bg.mu.Unlock()
}

// localJob returns a job this server runs, with its live progress.
func (s *Server) localJob(id string) (*cdoatlas.CensusImportJob, bool) {
	s.bg.mu.Lock()
	l, ok := s.bg.running[id]
	s.bg.mu.Unlock()
	if !ok {
		return nil, false
	}
	job := l.started
	job.Done, job.Total = l.get()
	return &job, true
}

// runImport runs the import and stores its outcome.
func (s *Server) runImport(ctx context.Context, job *cdoatlas.CensusImportJob, imp cdoatlas.ObservationImport, p *progress) {
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		s.reportProgress(ctx, job.ID, p, stop)
	}()
	sum, err := s.Store.ImportObservations(ctx, imp)
	close(stop)
	<-stopped
	out := jobOutcome(job, sum, err, ctx.Err() != nil)
	if out.State == cdoatlas.JobFailed && out.ErrorKey == "" {
		s.Logger.Error("census import", "job", job.ID, "error", err)
	} else if out.State == cdoatlas.JobInterrupted {
		s.Logger.Info("census import interrupted by shutdown; nothing was changed", "job", job.ID)
	}
	// The outcome is stored even when the server is stopping.
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), jobWriteTimeout)
	defer cancel()
	if err := s.Store.FinishCensusImportJob(wctx, out); err != nil {
		s.Logger.Error("census import: storing the outcome", "job", job.ID, "state", out.State, "error", err)
	}
}

// jobOutcome is how a job ends. Any error of an import the server stopped,
// but the files' own (EINVALID), is its interruption: the import rolled
// back and changed nothing, and its error (context canceled, or what the
// driver made of it) is no fault.
func jobOutcome(job *cdoatlas.CensusImportJob, sum *cdoatlas.ObservationSummary, err error, stopped bool) *cdoatlas.CensusImportJob {
	out := &cdoatlas.CensusImportJob{ID: job.ID, Total: job.Total}
	var e *cdoatlas.Error
	switch {
	case err == nil:
		out.State, out.Done, out.Summary = cdoatlas.JobDone, job.Total, sum
	case errors.As(err, &e) && e.Code == cdoatlas.EINVALID:
		out.State = cdoatlas.JobFailed
		for field, key := range e.Fields {
			out.ErrorField, out.ErrorKey = field, key
		}
	case stopped:
		out.State = cdoatlas.JobInterrupted
	default:
		out.State = cdoatlas.JobFailed
	}
	return out
}

// reportProgress writes the progress of a running job, at most every
// jobProgressEvery and at least every jobHeartbeat, until stop closes.
// A write that cannot be made at once (on SQLite the import itself holds
// the writer) is skipped: the next tick tries again.
func (s *Server) reportProgress(ctx context.Context, id string, p *progress, stop <-chan struct{}) {
	tick := time.NewTicker(jobProgressEvery)
	defer tick.Stop()
	writtenDone, writtenTotal := p.get()
	last := time.Now()
	for {
		select {
		case <-stop:
			return
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		done, total := p.get()
		if done == writtenDone && total == writtenTotal && time.Since(last) < jobHeartbeat {
			continue
		}
		wctx, cancel := context.WithTimeout(ctx, jobProgressEvery)
		err := s.Store.UpdateCensusImportProgress(wctx, id, done, total)
		cancel()
		if err != nil {
			s.Logger.Debug("census import: progress not stored", "job", id, "error", err)
			continue
		}
		writtenDone, writtenTotal, last = done, total, time.Now()
	}
}

// sweepImportJobs applies the rules of the job table when a server
// starts: running jobs without news for jobDeadAfter are marked
// interrupted, jobs started more than jobKeep ago are deleted.
func (s *Server) sweepImportJobs(ctx context.Context) {
	now := time.Now()
	if n, err := s.Store.InterruptCensusImportJobs(ctx, now.Add(-jobDeadAfter)); err != nil {
		s.Logger.Error("census import jobs: marking dead jobs interrupted", "error", err)
	} else if n > 0 {
		s.Logger.Info("census import jobs of a stopped server marked interrupted", "jobs", n)
	}
	if _, err := s.Store.DeleteCensusImportJobs(ctx, now.Add(-jobKeep)); err != nil {
		s.Logger.Error("census import jobs: deleting old jobs", "error", err)
	}
}

// findJob returns a job as its page shows it: stored, or not yet stored
// but run by this server, with the live progress of a job this server
// runs. A running job this server does not run, with no news for
// jobDeadAfter, died with its server and is shown as interrupted.
// ENOTFOUND.
func (s *Server) findJob(ctx context.Context, id string) (*cdoatlas.CensusImportJob, error) {
	job, err := s.Store.FindCensusImportJob(ctx, id)
	local, runsHere := s.localJob(id)
	switch {
	case cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND && runsHere:
		return local, nil
	case err != nil:
		return nil, err
	case job.State != cdoatlas.JobRunning:
	case runsHere:
		job.Done, job.Total = max(job.Done, local.Done), local.Total
	case time.Since(job.UpdatedAt) > jobDeadAfter:
		job.State = cdoatlas.JobInterrupted
	}
	return job, nil
}

// newJobID returns a random, unguessable job ID.
func newJobID() string {
	b := make([]byte, 12)
	rand.Read(b) // crypto/rand does not fail on supported platforms
	return hex.EncodeToString(b)
}
