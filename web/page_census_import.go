package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusio"
)

// The census upload: editors import the observation files of a wave from
// the browser. The files are read and checked at once (a file that is not
// a table of observations is refused, with every problem listed, and
// nothing is stored; cells that cannot be normalised are kept raw and
// listed on the status page); the import then runs in the background, and
// its page shows how far it got. Jobs live in the memory of the server that runs them.

const (
	maxUploadBytes  = 256 << 20 // all files of one upload
	uploadMemory    = 32 << 20  // kept in memory, the rest in temporary files
	maxListedErrors = 50        // problems shown on the form
	// maxListedWarnings is how many flagged cells the status page lists;
	// it says how many more there are.
	maxListedWarnings = 200
)

func (s *site) registerCensusImportRoutes() {
	s.get("/census/import", s.editor(s.handleCensusImportForm))
	s.mux.HandleFunc("POST /census/import", s.recoverPage(s.protectUpload(s.editor(s.handleCensusImport))))
	s.get("/census/import/{job}", s.editor(s.handleCensusImportStatus))
}

// protectUpload is protect for multipart forms with files.
func (s *site) protectUpload(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxUploadBytes)
		if err := r.ParseMultipartForm(uploadMemory); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.renderErrorText(w, r, http.StatusRequestEntityTooLarge, "census_import.too_large")
				return
			}
			s.renderError(w, r, http.StatusBadRequest)
			return
		}
		defer r.MultipartForm.RemoveAll()
		if !s.csrf.valid(r) {
			s.Logger.Info("csrf check failed", "method", r.Method, "path", r.URL.Path)
			s.renderErrorText(w, r, http.StatusForbidden, "error.csrf")
			return
		}
		next(w, r)
	}
}

// censusImportView is the upload form, with the problems of a refused
// upload.
type censusImportView struct {
	page
	Values   map[string]string
	Errors   []string // form-level problems
	Problems []cdoatlas.LineError
	More     int // problems not listed
	Sources  []option
}

func (s *site) handleCensusImportForm(w http.ResponseWriter, r *http.Request) {
	v := s.newCensusImportView(w, r, map[string]string{})
	s.render(w, r, http.StatusOK, "census_import", v)
}

func (s *site) newCensusImportView(w http.ResponseWriter, r *http.Request, values map[string]string) *censusImportView {
	v := &censusImportView{page: s.newPage(w, r, "census_import.title", ""), Values: values}
	v.Nav = "census_import"
	v.Sources = append([]option{{Value: "", Label: tr(v.Lang, "census_import.source_auto")}}, enumOptions(v.Lang, "source", cdoatlas.Sources, "")...)
	v.Sources = selectOptions(v.Sources, values["source"])
	return v
}

// handleCensusImport reads and checks the files, and starts the import.
func (s *site) handleCensusImport(w http.ResponseWriter, r *http.Request) {
	f := r.MultipartForm
	values := map[string]string{"wave": strings.TrimSpace(r.FormValue("wave")), "date": strings.TrimSpace(r.FormValue("date")),
		"source": r.FormValue("source")}
	v := s.newCensusImportView(w, r, values)
	v.HasErrors = true
	wave := cdoatlas.Wave{ID: values["wave"], Date: cdoatlas.PartialDate(values["date"])}
	if err := wave.Validate(); err != nil {
		var e *cdoatlas.Error
		if errors.As(err, &e) {
			for field, key := range e.Fields {
				v.Errors = append(v.Errors, tr(v.Lang, "field."+field)+": "+cdoatlas.Message(v.Lang, key))
			}
		}
	}
	source := values["source"]
	if source != "" && !slices.Contains(cdoatlas.Sources, source) {
		v.Errors = append(v.Errors, tr(v.Lang, "census_import.source_invalid"))
	}
	files := f.File["files"]
	if len(files) == 0 {
		v.Errors = append(v.Errors, tr(v.Lang, "census_import.no_files"))
	}
	var rows []cdoatlas.Observation
	var warnings []cdoatlas.LineError
	flagged := 0
	for _, fh := range files {
		name := filepath.Base(fh.Filename)
		file, err := fh.Open()
		if err != nil {
			s.fail(w, r, err)
			return
		}
		obs, ws, err := censusio.Read(r.Context(), file, name)
		file.Close()
		var fe cdoatlas.FileErrors
		switch {
		case errors.As(err, &fe):
			for _, le := range fe {
				if le.File == "" {
					le.File = name
				}
				if len(v.Problems) < maxListedErrors {
					v.Problems = append(v.Problems, le)
				} else {
					v.More++
				}
			}
			continue
		case r.Context().Err() != nil:
			return
		case err != nil:
			v.Problems = append(v.Problems, cdoatlas.LineError{File: name, Line: 1, Reason: tr(v.Lang, "census_import.unreadable")})
			continue
		}
		src := source
		if src == "" {
			src = censusio.SourceOf(name)
		}
		for i := range obs {
			obs[i].Source = src
		}
		rows = append(rows, obs...)
		flagged += len(ws)
		warnings = append(warnings, ws[:min(len(ws), max(maxListedWarnings-len(warnings), 0))]...)
	}
	if len(v.Errors) > 0 || len(v.Problems) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, "census_import", v)
		return
	}
	job := s.jobs.start(len(rows), warnings, flagged)
	imp := cdoatlas.ObservationImport{Wave: wave, Rows: rows, Progress: job.progress}
	go func() {
		// The import outlives the request; it stops with the server's
		// shutdown only through the database's own timeouts.
		sum, err := s.Store.ImportObservations(context.Background(), imp)
		if err != nil {
			s.Logger.Error("census import", "job", job.id, "error", err)
		}
		job.finish(sum, err)
	}()
	http.Redirect(w, r, "/census/import/"+job.id, http.StatusSeeOther)
}

// censusJobView shows an import's progress or outcome.
type censusJobView struct {
	page
	Job     jobState
	Percent int
}

// MoreWarnings is how many flagged cells are not listed.
func (v *censusJobView) MoreWarnings() int { return v.Job.Flagged - len(v.Job.Warnings) }

// Invalid says why the store refused the import, or "".
func (v *censusJobView) Invalid() string {
	if v.Job.InvalidKey == "" {
		return ""
	}
	return tr(v.Lang, "field."+v.Job.InvalidField) + ": " + cdoatlas.Message(v.Lang, v.Job.InvalidKey)
}

func (s *site) handleCensusImportStatus(w http.ResponseWriter, r *http.Request) {
	job, ok := s.jobs.get(r.PathValue("job"))
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	v := &censusJobView{page: s.newPage(w, r, "census_import.status_title", ""), Job: job.state()}
	v.Nav = "census_import"
	if v.Job.Total > 0 {
		v.Percent = v.Job.Done * 100 / v.Job.Total
	}
	s.render(w, r, http.StatusOK, "census_import_status", v)
}

// importJobs are the census imports the server runs or ran.
type importJobs struct {
	mu   sync.Mutex
	byID map[string]*importJob
}

// importJob is one running or finished import.
type importJob struct {
	id string
	mu sync.Mutex
	st jobState
}

// jobState is what the status page shows.
type jobState struct {
	Total, Done int
	Finished    bool
	Failed      bool
	// The field and message key of an import the store refused.
	InvalidField, InvalidKey string
	Summary                  *cdoatlas.ObservationSummary
	Started                  time.Time
	// Warnings lists the first cells of the files that were kept raw and
	// flagged; Flagged counts them all.
	Warnings []cdoatlas.LineError
	Flagged  int
}

func (j *importJobs) start(total int, warnings []cdoatlas.LineError, flagged int) *importJob {
	b := make([]byte, 12)
	rand.Read(b)
	job := &importJob{id: hex.EncodeToString(b), st: jobState{Total: total, Started: time.Now(), Warnings: warnings, Flagged: flagged}}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.byID == nil {
		j.byID = map[string]*importJob{}
	}
	// Forget jobs finished more than a day ago.
	for id, old := range j.byID {
		if st := old.state(); st.Finished && time.Since(st.Started) > 24*time.Hour {
			delete(j.byID, id)
		}
	}
	j.byID[job.id] = job
	return job
}

func (j *importJobs) get(id string) (*importJob, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	job, ok := j.byID[id]
	return job, ok
}

func (job *importJob) progress(done, total int) {
	job.mu.Lock()
	job.st.Done, job.st.Total = done, total
	job.mu.Unlock()
}

func (job *importJob) finish(sum *cdoatlas.ObservationSummary, err error) {
	job.mu.Lock()
	defer job.mu.Unlock()
	job.st.Finished, job.st.Summary = true, sum
	if err != nil {
		job.st.Failed = true
		var e *cdoatlas.Error
		if errors.As(err, &e) && e.Code == cdoatlas.EINVALID {
			for field, key := range e.Fields {
				job.st.InvalidField, job.st.InvalidKey = field, key
			}
		}
	} else {
		job.st.Done = job.st.Total
	}
}

func (job *importJob) state() jobState {
	job.mu.Lock()
	defer job.mu.Unlock()
	return job.st
}
