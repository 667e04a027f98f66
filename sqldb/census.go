package sqldb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/classify"
)

// ImportObservations stores the rows of a wave in one transaction: it
// creates the wave (or checks its date), skips rows the wave holds
// already (by content), classifies the titles (and tasks) of the others,
// resolves the digital-leadership rows with census.Resolver and writes
// the organizations, posts, people, profiles and questions the resolution
// made, and every row. On any error nothing is stored.
func (db *DB) ImportObservations(ctx context.Context, imp cdoatlas.ObservationImport) (*cdoatlas.ObservationSummary, error) {
	if err := imp.Wave.Validate(); err != nil {
		return nil, err
	}
	source := strings.ToLower(strings.TrimSpace(imp.Source))
	if source == "" {
		source = "other"
	}
	for i := range imp.Rows {
		if s := &imp.Rows[i].Source; *s == "" {
			*s = source
		} else {
			*s = strings.ToLower(strings.TrimSpace(*s))
		}
	}
	vocab, err := db.Vocabulary(ctx)
	if err != nil {
		return nil, err
	}
	sum := &cdoatlas.ObservationSummary{Rows: len(imp.Rows)}
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer t.rollback()
	if err := storeWave(ctx, t, &imp.Wave); err != nil {
		return nil, err
	}
	known, err := rowKeys(ctx, t, imp.Wave.ID)
	if err != nil {
		return nil, err
	}
	// The new rows, classified.
	var rows []*cdoatlas.Observation
	keys := map[*cdoatlas.Observation]string{}
	titles := map[string]classify.Result{}
	for i := range imp.Rows {
		o := &imp.Rows[i]
		o.Wave = imp.Wave.ID
		k := rowKey(o)
		if known[k] {
			sum.Unchanged++
			continue
		}
		known[k] = true
		keys[o] = k
		classifyObservation(o, vocab, titles)
		if o.Leadership() {
			sum.Leadership++
		}
		rows = append(rows, o)
		if imp.Progress != nil && i%10000 == 0 {
			imp.Progress(i, len(imp.Rows))
		}
	}
	ids := newIDAlloc(t)
	if sum.Leadership > 0 {
		r, err := loadResolver(ctx, t)
		if err != nil {
			return nil, err
		}
		var idErr error
		r.NewID = func(table string) int64 {
			id, err := ids.newID(ctx, table)
			if err != nil && idErr == nil {
				idErr = err
			}
			return id
		}
		r.Resolve(rows)
		if idErr != nil {
			return nil, idErr
		}
		for _, p := range r.NewPeople {
			p.Fictional = imp.Fictional
		}
		if err := writeResolution(ctx, t, r); err != nil {
			return nil, err
		}
		sum.OrganizationsCreated, sum.PostsCreated, sum.PeopleCreated = len(r.NewOrgs), len(r.NewPosts), len(r.NewPeople)
		sum.ReviewQuestions = len(r.Questions)
	}
	if err := ids.finish(ctx); err != nil {
		return nil, err
	}
	if err := insertObservations(ctx, t, rows, keys); err != nil {
		return nil, err
	}
	// The statistics change with the observations: cached public pages
	// follow the registry's version.
	if len(rows) > 0 {
		if _, err := t.exec(ctx, "UPDATE registry_version SET version = version + 1 WHERE id = 1"); err != nil {
			return nil, mapError(err)
		}
	}
	if imp.Progress != nil {
		imp.Progress(len(imp.Rows), len(imp.Rows))
	}
	if err := t.commit(); err != nil {
		return nil, err
	}
	return sum, nil
}

// storeWave creates the wave, or checks that a stored one has the same
// date (an empty date takes the stored one).
func storeWave(ctx context.Context, t *tx, w *cdoatlas.Wave) error {
	var date string
	err := t.queryRow(ctx, "SELECT date FROM waves WHERE id = ?", w.ID).Scan(&date)
	switch {
	case noRows(err):
		if w.Date == "" {
			return cdoatlas.FieldErrors{"date": "required"}.Err()
		}
		_, err = t.exec(ctx, "INSERT INTO waves (id, date, notes, created_at) VALUES (?, ?, ?, ?)", w.ID, string(w.Date), w.Notes, t.ts(t.now))
		return mapError(err)
	case err != nil:
		return mapError(err)
	case w.Date == "":
		w.Date = cdoatlas.PartialDate(date)
	case string(w.Date) != date:
		return cdoatlas.FieldErrors{"date": "wave.other_date"}.Err()
	}
	return nil
}

// rowKeys returns the row keys a wave holds.
func rowKeys(ctx context.Context, t *tx, wave string) (map[string]bool, error) {
	rows, err := t.query(ctx, "SELECT row_key FROM observations WHERE wave = ?", wave)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	keys := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, mapError(err)
		}
		keys[k] = true
	}
	return keys, mapError(rows.Err())
}

// rowKey identifies an observation by its source and content, not by its
// file and line: the same row in a file saved again is the same row.
func rowKey(o *cdoatlas.Observation) string {
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

// loadResolver indexes the stored organizations, posts, people (with the
// organizations they were seen at and their profiles) and the questions
// asked so far.
func loadResolver(ctx context.Context, t *tx) (*census.Resolver, error) {
	var orgs []census.OrgRef
	err := eachRow(ctx, t, "SELECT id, name, other_names, kind, country, region, code_key FROM organizations", func(s scanner) error {
		var o census.OrgRef
		var other string
		if err := s.Scan(&o.ID, &o.Name, &other, &o.Kind, &o.Country, &o.Region, &o.CodeKey); err != nil {
			return err
		}
		o.OtherNames = decodeNames(other)
		orgs = append(orgs, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var posts []census.PostRef
	err = eachRow(ctx, t, "SELECT id, organization_id, role, title FROM posts ORDER BY id", func(s scanner) error {
		var p census.PostRef
		if err := s.Scan(&p.ID, &p.OrgID, &p.Role, &p.Title); err != nil {
			return err
		}
		posts = append(posts, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	people := map[int64]*census.PersonRef{}
	var order []int64
	err = eachRow(ctx, t, "SELECT id, name, gender, birth_year FROM people ORDER BY id", func(s scanner) error {
		var p census.PersonRef
		var by *int64
		if err := s.Scan(&p.ID, &p.Name, &p.Gender, &by); err != nil {
			return err
		}
		if by != nil {
			y := int(*by)
			p.BirthYear = &y
		}
		people[p.ID] = &p
		order = append(order, p.ID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	seen := `SELECT DISTINCT person_id, organization_id, wave FROM observations WHERE person_id IS NOT NULL AND organization_id IS NOT NULL
		UNION SELECT te.person_id, p.organization_id, '' FROM tenures te JOIN posts p ON p.id = te.post_id`
	err = eachRow(ctx, t, seen, func(s scanner) error {
		var person, org int64
		var wave string
		if err := s.Scan(&person, &org, &wave); err != nil {
			return err
		}
		if p := people[person]; p != nil {
			p.Seen = append(p.Seen, census.Sighting{Org: org, Wave: wave})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, t, "SELECT profile_key, person_id FROM profiles", func(s scanner) error {
		var key string
		var person int64
		if err := s.Scan(&key, &person); err != nil {
			return err
		}
		if p := people[person]; p != nil {
			p.Profiles = append(p.Profiles, key)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var asked [][2]int64
	err = eachRow(ctx, t, "SELECT person_a, person_b FROM match_questions", func(s scanner) error {
		var a, b int64
		if err := s.Scan(&a, &b); err != nil {
			return err
		}
		asked = append(asked, [2]int64{a, b})
		return nil
	})
	if err != nil {
		return nil, err
	}
	refs := make([]census.PersonRef, len(order))
	for i, id := range order {
		refs[i] = *people[id]
	}
	return census.NewResolver(orgs, posts, refs, asked), nil
}

// eachRow runs query and calls fn for every row.
func eachRow(ctx context.Context, t *tx, query string, fn func(scanner) error, args ...any) error {
	rows, err := t.query(ctx, query, args...)
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return mapError(err)
		}
	}
	return mapError(rows.Err())
}

// writeResolution writes what the resolver created and learned.
func writeResolution(ctx context.Context, t *tx, r *census.Resolver) error {
	now := t.ts(t.now)
	orgs := make([][]any, len(r.NewOrgs))
	for i, o := range r.NewOrgs {
		orgs[i] = append(append([]any{o.ID}, organizationArgs(o)...), now, now)
	}
	if err := t.execRows(ctx, `INSERT INTO organizations (id, name, other_names, kind, country, region, official_code,
		code_key, population, population_date, employees, size_class, sector, parent_id, sort_name, search,
		created_at, updated_at) VALUES `, "", nil, orgs, nil); err != nil {
		return err
	}
	posts := make([][]any, len(r.NewPosts))
	for i, p := range r.NewPosts {
		posts[i] = append(append([]any{p.ID}, postArgs(p)...), now, now)
	}
	if err := t.execRows(ctx, `INSERT INTO posts (id, organization_id, title, role, cdo_check, archetype, placement,
		cross_departmental, budget, board_access, created, abolished, source_url, tasks, confidence, review, search,
		created_at, updated_at) VALUES `, "", nil, posts, nil); err != nil {
		return err
	}
	people := make([][]any, len(r.NewPeople))
	for i, p := range r.NewPeople {
		people[i] = append(append([]any{p.ID}, personArgs(p)...), now, now)
	}
	if err := t.execRows(ctx, `INSERT INTO people (id, name, gender, birth_year, fictional, publication_basis, search,
		created_at, updated_at) VALUES `, "", nil, people, nil); err != nil {
		return err
	}
	profiles := make([][]any, len(r.NewProfiles))
	for i, p := range r.NewProfiles {
		profiles[i] = []any{p.Key, p.PersonID}
	}
	if err := t.execRows(ctx, "INSERT INTO profiles (profile_key, person_id) VALUES ", "", nil, profiles, nil); err != nil {
		return err
	}
	for _, p := range r.Updated {
		var by any
		if p.BirthYear != nil {
			by = int64(*p.BirthYear)
		}
		if _, err := t.exec(ctx, "UPDATE people SET gender = ?, birth_year = ?, updated_at = ? WHERE id = ?", p.Gender, by, now, p.ID); err != nil {
			return mapError(err)
		}
	}
	questions := make([][]any, len(r.Questions))
	for i, q := range r.Questions {
		questions[i] = []any{q.A, q.B, q.Score, q.Evidence, now}
	}
	return t.execRows(ctx, "INSERT INTO match_questions (person_a, person_b, score, evidence, created_at) VALUES ", "", nil, questions, nil)
}

// insertObservations writes the rows: the resolved ones with their links,
// the others (most of a raw export) without binding the empty links.
func insertObservations(ctx context.Context, t *tx, obs []*cdoatlas.Observation, keys map[*cdoatlas.Observation]string) error {
	const batch = 20000
	const cols = `wave, source, file, line, row_key, person_name, title, organization, country, region, official_code,
		profile_url, gender, birth_year, tasks, source_url, observed_on, role, cdo_check, archetype, confidence`
	var plain, linked [][]any
	flush := func(force bool) error {
		if len(plain) >= batch || force && len(plain) > 0 {
			if err := t.execRows(ctx, "INSERT INTO observations ("+cols+") VALUES ", "", nil, plain, nil); err != nil {
				return err
			}
			plain = plain[:0]
		}
		if len(linked) >= batch || force && len(linked) > 0 {
			if err := t.execRows(ctx, "INSERT INTO observations ("+cols+", organization_id, post_id, person_id, match_score) VALUES ",
				"", nil, linked, nil); err != nil {
				return err
			}
			linked = linked[:0]
		}
		return nil
	}
	for _, o := range obs {
		var by any
		if o.BirthYear != nil {
			by = int64(*o.BirthYear)
		}
		row := []any{o.Wave, o.Source, o.File, o.Line, keys[o], o.PersonName, o.Title, o.Organization,
			o.Country, o.Region, o.OfficialCode, o.ProfileURL, o.Gender, by, o.Tasks, o.SourceURL, string(o.ObservedOn),
			o.Role, o.CDOCheck, o.Archetype, o.Confidence}
		if o.PersonID == 0 {
			plain = append(plain, row)
		} else {
			linked = append(linked, append(row, nullID(o.OrganizationID), nullID(o.PostID), nullID(o.PersonID), o.Match))
		}
		if err := flush(false); err != nil {
			return err
		}
	}
	return flush(true)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// FindWaves returns the waves by reference date.
func (db *DB) FindWaves(ctx context.Context) ([]*cdoatlas.Wave, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Wave, error) {
		var out []*cdoatlas.Wave
		err := eachRow(ctx, t, "SELECT id, date, notes FROM waves ORDER BY date, id", func(s scanner) error {
			var w cdoatlas.Wave
			var date string
			if err := s.Scan(&w.ID, &date, &w.Notes); err != nil {
				return err
			}
			w.Date = cdoatlas.PartialDate(date)
			out = append(out, &w)
			return nil
		})
		return out, err
	})
}

// CensusFacts returns the resolved digital-leadership observations with
// the attributes the figures break down by.
func (db *DB) CensusFacts(ctx context.Context) ([]cdoatlas.CensusFact, error) {
	return read(ctx, db, func(t *tx) ([]cdoatlas.CensusFact, error) {
		var out []cdoatlas.CensusFact
		q := `SELECT ob.wave, ob.person_id, ob.role, ob.organization_id, o.official_code, o.country, o.region,
			o.size_class, o.kind, o.sector, pe.gender, pe.birth_year, COALESCE(NULLIF(p.archetype, ''), ob.archetype),
			p.placement, COALESCE((SELECT te.hire FROM tenures te WHERE te.post_id = ob.post_id AND te.person_id = ob.person_id
				ORDER BY te.id LIMIT 1), '')
			FROM observations ob
			JOIN organizations o ON o.id = ob.organization_id
			JOIN people pe ON pe.id = ob.person_id
			JOIN posts p ON p.id = ob.post_id
			WHERE ob.person_id IS NOT NULL`
		err := eachRow(ctx, t, q, func(s scanner) error {
			var f cdoatlas.CensusFact
			var by *int64
			if err := s.Scan(&f.Wave, &f.Person, &f.Role, &f.Org, &f.OfficialCode, &f.Country, &f.Region, &f.SizeClass,
				&f.Kind, &f.Sector, &f.Gender, &by, &f.Archetype, &f.Placement, &f.Hire); err != nil {
				return err
			}
			if by != nil {
				y := int(*by)
				f.BirthYear = &y
			}
			out = append(out, f)
			return nil
		})
		return out, err
	})
}
