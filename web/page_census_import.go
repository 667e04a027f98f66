package web

import (
	"errors"
	"net/http"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusio"
)

// The census upload: editors import the observation files of a wave from
// the browser. The files are read and checked at once (a file that is not
// a table of observations is refused, with every problem listed, and
// nothing is stored; cells that cannot be normalised are kept raw and
// listed on the status page); the import then runs in the background of
// the server, and its page shows how far it got (census_import_job.go).

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
	s.mux.HandleFunc("POST /census/import", s.recoverPage(s.editor(s.protectUpload(s.handleCensusImport))))
	s.get("/census/import/{job}", s.editor(s.handleCensusImportStatus))
}

// protectUpload is protect for multipart forms with files. Their CSRF token
// comes in the form's address (?csrf_token=…), so that it is checked before
// a byte of the upload is read; the login is checked before this.
func (s *site) protectUpload(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.csrf.plausible(r) || !s.csrf.valid(r, r.URL.Query().Get(csrfField)) {
			s.csrfFailed(w, r)
			return
		}
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
			v.Problems = append(v.Problems, cdoatlas.FileError(name, 1, "", "census_import.unreadable")...)
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
	job := &cdoatlas.CensusImportJob{ID: newJobID(), Wave: wave.ID, Total: len(rows), Warnings: warnings, Flagged: flagged}
	if u := userFrom(r.Context()); u != nil {
		job.CreatedBy = u.ID
	}
	err := s.startImport(r.Context(), job, cdoatlas.ObservationImport{Wave: wave, Rows: rows, Consume: true})
	if errors.Is(err, errShuttingDown) {
		s.renderErrorText(w, r, http.StatusServiceUnavailable, "census_import.shutting_down")
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/census/import/"+job.ID, http.StatusSeeOther)
}

// censusJobView shows an import's progress or outcome.
type censusJobView struct {
	page
	Job     *cdoatlas.CensusImportJob
	Percent int
}

func (v *censusJobView) Running() bool     { return v.Job.State == cdoatlas.JobRunning }
func (v *censusJobView) Interrupted() bool { return v.Job.State == cdoatlas.JobInterrupted }
func (v *censusJobView) Failed() bool      { return v.Job.State == cdoatlas.JobFailed }

// MoreWarnings is how many flagged cells are not listed.
func (v *censusJobView) MoreWarnings() int { return v.Job.Flagged - len(v.Job.Warnings) }

// Invalid says why the store refused the import, or "".
func (v *censusJobView) Invalid() string {
	if v.Job.ErrorKey == "" {
		return ""
	}
	return tr(v.Lang, "field."+v.Job.ErrorField) + ": " + cdoatlas.Message(v.Lang, v.Job.ErrorKey)
}

func (s *site) handleCensusImportStatus(w http.ResponseWriter, r *http.Request) {
	job, err := s.findJob(r.Context(), r.PathValue("job"))
	if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
		s.renderError(w, r, http.StatusNotFound)
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	v := &censusJobView{page: s.newPage(w, r, "census_import.status_title", ""), Job: job}
	v.Nav = "census_import"
	if job.Total > 0 {
		v.Percent = job.Done * 100 / job.Total
	}
	s.render(w, r, http.StatusOK, "census_import_status", v)
}
