package sqldb

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
)

// ImportObservations imports the rows of a wave: census.Import decides,
// the store reads and writes (censusImport).
func (db *DB) ImportObservations(ctx context.Context, imp cdoatlas.ObservationImport) (*cdoatlas.ObservationSummary, error) {
	return census.Import(ctx, db, imp)
}

// BeginCensusImport opens the write transaction of a census import.
func (db *DB) BeginCensusImport(ctx context.Context) (census.ImportTx, error) {
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return nil, err
	}
	return &censusImport{t: t, ids: newIDAlloc(t)}, nil
}

// censusImport is census.ImportTx on one transaction.
type censusImport struct {
	t   *tx
	ids idAlloc
	// For the audit log: the actor, the wave and what was written.
	ctx                  context.Context
	wave                 string
	people, observations int
}

func (c *censusImport) Rollback() { c.t.rollback() }

func (c *censusImport) Commit() error {
	if err := c.ids.finish(context.Background()); err != nil {
		return err
	}
	if c.ctx != nil {
		if err := c.t.audit(c.ctx, cdoatlas.AuditCensus, 0, cdoatlas.AuditImport, "wave "+c.wave,
			fmt.Sprintf("%d observations", c.observations), fmt.Sprintf("%d people created", c.people)); err != nil {
			return err
		}
	}
	return c.t.commit()
}

func (c *censusImport) NewID(ctx context.Context, table string) (int64, error) {
	return c.ids.newID(ctx, table)
}

func (c *censusImport) RowKeys(ctx context.Context, wave string) (map[string]bool, error) {
	return rowKeys(ctx, c.t, wave)
}

func (c *censusImport) StoreWave(ctx context.Context, w *cdoatlas.Wave) error {
	c.ctx, c.wave = ctx, w.ID
	return storeWave(ctx, c.t, w)
}

func (c *censusImport) LoadIndex(ctx context.Context) (*census.Index, error) {
	return loadIndex(ctx, c.t)
}

func (c *censusImport) WriteChanges(ctx context.Context, ch *census.Changes, fictional bool) error {
	for _, p := range ch.NewPeople {
		p.Fictional = fictional
	}
	c.people += len(ch.NewPeople)
	return writeChanges(ctx, c.t, ch)
}

// WriteObservations writes the rows and moves the registry's version on:
// cached public pages follow it, and the statistics change with the
// observations.
func (c *censusImport) WriteObservations(ctx context.Context, rows []*cdoatlas.Observation, keys []string) error {
	if err := insertObservations(ctx, c.t, rows, keys); err != nil {
		return err
	}
	c.observations += len(rows)
	if len(rows) > 0 {
		if _, err := c.t.exec(ctx, "UPDATE registry_version SET version = version + 1 WHERE id = 1"); err != nil {
			return mapError(err)
		}
	}
	return nil
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
	keys := map[string]bool{}
	err := eachRow(ctx, t, "SELECT row_key FROM observations WHERE wave = ?", func(s scanner) error {
		var k string
		if err := s.Scan(&k); err != nil {
			return err
		}
		keys[k] = true
		return nil
	}, wave)
	return keys, err
}

// loadIndex reads the stored organizations, posts, people (with the
// organizations they were seen at, in which role, and their profiles) and
// the questions asked so far.
func loadIndex(ctx context.Context, t *tx) (*census.Index, error) {
	var orgs []census.OrgRef
	err := eachOrgName(ctx, t, func(o *cdoatlas.Organization) { orgs = append(orgs, census.OrgRefOf(o)) })
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
	// Read from the index observations_person alone; a sighting read twice
	// (a tenure and an observation) counts once in the resolver.
	seen := `SELECT DISTINCT person_id, organization_id, wave, role FROM observations WHERE person_id IS NOT NULL AND organization_id IS NOT NULL
		UNION ALL SELECT te.person_id, p.organization_id, '', p.role FROM tenures te JOIN posts p ON p.id = te.post_id`
	err = eachRow(ctx, t, seen, func(s scanner) error {
		var person, org int64
		var wave, role string
		if err := s.Scan(&person, &org, &wave, &role); err != nil {
			return err
		}
		if p := people[person]; p != nil {
			p.Seen = append(p.Seen, census.Sighting{Org: org, Wave: wave, Role: role})
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
	return &census.Index{Orgs: orgs, Posts: posts, People: refs, Asked: asked}, nil
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

// writeChanges writes what the resolver created and learned.
func writeChanges(ctx context.Context, t *tx, r *census.Changes) error {
	now := t.ts(t.now)
	err := insertEach(ctx, t, `INSERT INTO organizations (id, name, other_names, kind, country, region, official_code,
		code_key, population, population_date, employees, size_class, sector, parent_id, sort_name, search,
		created_at, updated_at) VALUES `, len(r.NewOrgs), func(i int) []any {
		o := r.NewOrgs[i]
		return append(append([]any{o.ID}, organizationArgs(o)...), now, now)
	})
	if err != nil {
		return err
	}
	err = insertEach(ctx, t, `INSERT INTO posts (id, organization_id, title, role, cdo_check, archetype, placement,
		cross_departmental, budget, board_access, created, abolished, source_url, tasks, confidence, review, search,
		created_at, updated_at) VALUES `, len(r.NewPosts), func(i int) []any {
		p := r.NewPosts[i]
		return append(append([]any{p.ID}, postArgs(p)...), now, now)
	})
	if err != nil {
		return err
	}
	err = insertEach(ctx, t, `INSERT INTO people (id, name, gender, birth_year, fictional, publication_basis, search,
		created_at, updated_at) VALUES `, len(r.NewPeople), func(i int) []any {
		p := r.NewPeople[i]
		return append(append([]any{p.ID}, personArgs(p)...), now, now)
	})
	if err != nil {
		return err
	}
	err = insertEach(ctx, t, "INSERT INTO profiles (profile_key, person_id) VALUES ", len(r.NewProfiles), func(i int) []any {
		return []any{r.NewProfiles[i].Key, r.NewProfiles[i].PersonID}
	})
	if err != nil {
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
	for id, place := range r.OrgPlaces {
		if _, err := t.exec(ctx, "UPDATE organizations SET country = ?, region = ?, updated_at = ? WHERE id = ? AND region = ''",
			place[0], place[1], now, id); err != nil {
			return mapError(err)
		}
	}
	err = insertEach(ctx, t, "INSERT INTO match_questions (person_a, person_b, score, evidence, created_at) VALUES ", len(r.Questions), func(i int) []any {
		q := r.Questions[i]
		return []any{q.A, q.B, q.Score, q.Evidence, now}
	})
	if err != nil {
		return err
	}
	for _, m := range r.Merges {
		if err := mergePeople(ctx, t, m.Keep, m.Drop); err != nil {
			return err
		}
	}
	return nil
}

// insertEach inserts n rows, made by row, a few thousand at a time: the
// half million people of a large census wave are never all held as
// statement arguments at once.
func insertEach(ctx context.Context, t *tx, head string, n int, row func(i int) []any) error {
	const chunk = 8 * batchRows
	rows := make([][]any, 0, min(n, chunk))
	for i := 0; i < n; i++ {
		rows = append(rows, row(i))
		if len(rows) == chunk || i == n-1 {
			if err := t.execRows(ctx, head, "", nil, rows, nil); err != nil {
				return err
			}
			clear(rows)
			rows = rows[:0]
		}
	}
	return nil
}

// insertObservations writes the rows: the resolved ones with their links,
// the others (most of a raw export) without binding the empty links.
func insertObservations(ctx context.Context, t *tx, obs []*cdoatlas.Observation, keys []string) error {
	if t.postgres() {
		return insertObservationsPostgres(ctx, t, obs, keys)
	}
	const batch = 8 * batchRows
	const cols = `wave, source, file, line, row_key, person_name, title, organization, country, region, official_code,
		profile_url, gender, birth_year, tasks, source_url, observed_on, role, cdo_check, archetype, confidence, flags`
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
	for i, o := range obs {
		var by any
		if o.BirthYear != nil {
			by = int64(*o.BirthYear)
		}
		flags, err := flagsJSON(o)
		if err != nil {
			return err
		}
		row := []any{o.Wave, o.Source, o.File, o.Line, keys[i], o.PersonName, o.Title, o.Organization,
			o.Country, o.Region, o.OfficialCode, o.ProfileURL, o.Gender, by, o.Tasks, o.SourceURL, string(o.ObservedOn),
			o.Role, o.CDOCheck, o.Archetype, o.Confidence, flags}
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

// flagsJSON is how a row's flagged cells are stored: JSON, "" for none.
func flagsJSON(o *cdoatlas.Observation) (string, error) {
	if len(o.Flags) == 0 {
		return "", nil
	}
	b, err := json.Marshal(o.Flags)
	return string(b), err
}
