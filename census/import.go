package census

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
)

// Store is the storage a census import needs: the titles editors taught
// the classifier, and one write transaction.
type Store interface {
	// Vocabulary returns the titles editors confirmed, folded, with their
	// role.
	Vocabulary(ctx context.Context) (map[string]string, error)
	// BeginCensusImport opens the transaction an import writes in.
	BeginCensusImport(ctx context.Context) (ImportTx, error)
}

// ImportTx reads and writes within one import. It makes no decisions.
type ImportTx interface {
	// StoreWave creates the wave, or checks that a stored one has the same
	// date; an empty date takes the stored one. EINVALID (date required
	// for a new wave, or another date).
	StoreWave(ctx context.Context, w *cdoatlas.Wave) error
	// RowKeys returns the keys of the rows a wave holds.
	RowKeys(ctx context.Context, wave string) (map[string]bool, error)
	// LoadIndex reads what resolution needs of the stored registry and
	// census.
	LoadIndex(ctx context.Context) (*Index, error)
	// NewID returns the ID of a new row of "organizations", "posts" or
	// "people".
	NewID(ctx context.Context, table string) (int64, error)
	// WriteChanges writes what resolution created and learned; fictional
	// flags the people it created.
	WriteChanges(ctx context.Context, c *Changes, fictional bool) error
	// WriteObservations writes the rows with their keys (keys[i] is the
	// key of rows[i]).
	WriteObservations(ctx context.Context, rows []*cdoatlas.Observation, keys []string) error
	// Commit ends the import; Rollback undoes it (and does nothing after
	// Commit).
	Commit() error
	Rollback()
}

// Import stores the rows of a wave in one transaction: it creates the wave
// (or checks its date), skips rows the wave holds already (by content),
// classifies the titles (and tasks) of the others, resolves the
// digital-leadership rows and writes what resolution made and every row.
// On any error, and when ctx ends, nothing is stored; a cancelled import
// returns ctx's error.
func Import(ctx context.Context, store Store, imp cdoatlas.ObservationImport) (*cdoatlas.ObservationSummary, error) {
	if err := imp.Wave.Validate(); err != nil {
		return nil, err
	}
	for i := range imp.Rows {
		s := &imp.Rows[i].Source
		if *s = strings.ToLower(strings.TrimSpace(*s)); *s == "" {
			*s = "other"
		}
	}
	learned, err := store.Vocabulary(ctx)
	if err != nil {
		return nil, err
	}
	vocab := classify.Vocabulary(learned)
	t, err := store.BeginCensusImport(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	if err := t.StoreWave(ctx, &imp.Wave); err != nil {
		return nil, err
	}
	known, err := t.RowKeys(ctx, imp.Wave.ID)
	if err != nil {
		return nil, err
	}
	sum := &cdoatlas.ObservationSummary{Rows: len(imp.Rows)}
	// The new rows, classified.
	var rows []*cdoatlas.Observation
	var keys []string
	titles := map[string]classify.Result{}
	for i := range imp.Rows {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if imp.Progress != nil {
				imp.Progress(i, len(imp.Rows))
			}
		}
		o := &imp.Rows[i]
		o.Wave = imp.Wave.ID
		k := RowKey(o)
		if known[k] {
			sum.Unchanged++
			continue
		}
		known[k] = true
		classifyObservation(o, vocab, titles)
		if o.Leadership() {
			sum.Leadership++
		}
		rows = append(rows, o)
		keys = append(keys, k)
	}
	known = nil
	if imp.Consume {
		// The rows resolution does not touch are written now and their
		// memory given back before the stored people are read.
		var lead []*cdoatlas.Observation
		var leadKeys, plainKeys []string
		plain := rows[:0:0]
		for i, o := range rows {
			if o.Leadership() && resolvable(o) {
				lead, leadKeys = append(lead, o), append(leadKeys, keys[i])
			} else {
				plain, plainKeys = append(plain, o), append(plainKeys, keys[i])
			}
		}
		if err := t.WriteObservations(ctx, plain, plainKeys); err != nil {
			return nil, err
		}
		for _, o := range plain {
			*o = cdoatlas.Observation{}
		}
		rows, keys = lead, leadKeys
	}
	if sum.Leadership > 0 {
		ix, err := t.LoadIndex(ctx)
		if err != nil {
			return nil, err
		}
		r, err := newResolver(ctx, ix)
		if err != nil {
			return nil, err
		}
		ix = nil
		var idErr error
		r.NewID = func(table string) int64 {
			id, err := t.NewID(ctx, table)
			if err != nil && idErr == nil {
				idErr = err
			}
			return id
		}
		if err := r.Resolve(ctx, rows); err != nil {
			return nil, err
		}
		if idErr != nil {
			return nil, idErr
		}
		if err := t.WriteChanges(ctx, &r.Changes, imp.Fictional); err != nil {
			return nil, err
		}
		sum.OrganizationsCreated, sum.PostsCreated, sum.PeopleCreated = len(r.NewOrgs), len(r.NewPosts), len(r.NewPeople)
		sum.ReviewQuestions = len(r.Questions)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := t.WriteObservations(ctx, rows, keys); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if imp.Progress != nil {
		imp.Progress(len(imp.Rows), len(imp.Rows))
	}
	if err := t.Commit(); err != nil {
		return nil, err
	}
	return sum, nil
}

// RowKey identifies an observation by its source and content, not by its
// file and line: the same row in a file saved again is the same row. A
// cell kept raw counts with its raw value.
func RowKey(o *cdoatlas.Observation) string {
	h := sha256.New()
	by := ""
	if o.BirthYear != nil {
		by = strconv.Itoa(*o.BirthYear)
	}
	for _, f := range []string{o.Source, o.PersonName, o.Title, o.Organization, o.Country, o.Region, o.OfficialCode,
		o.ProfileURL, o.Gender, by, o.Tasks, o.SourceURL, string(o.ObservedOn)} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	for _, f := range o.Flags {
		h.Write([]byte(f.Field))
		h.Write([]byte{1})
		h.Write([]byte(f.Raw))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// classifyObservation sets role, check, archetype and confidence; titles
// memoizes the role of each title within an import, as raw exports repeat
// titles many times.
func classifyObservation(o *cdoatlas.Observation, vocab classify.Vocabulary, titles map[string]classify.Result) {
	tr, ok := titles[o.Title]
	if !ok {
		tr = vocab.Title(o.Title, "", o.Country)
		tr.Reasons = nil
		titles[o.Title] = tr
	}
	o.Role, o.Confidence = tr.Role, tr.Confidence
	o.CDOCheck, o.Archetype = cdoatlas.CheckUnknown, ""
	if o.Tasks != "" {
		cr := classify.Check(o.Tasks)
		o.CDOCheck = cr.Verdict
		o.Confidence = min(o.Confidence, cr.Confidence)
		if cr.Verdict == cdoatlas.CheckYes {
			o.Archetype = classify.Archetype(o.Tasks)
		}
	}
}
