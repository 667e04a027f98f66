package sqldb

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

const personColumns = `pe.id, pe.name, pe.gender, pe.birth_year, pe.fictional, pe.publication_basis,
	pe.created_at, pe.updated_at`

func scanPerson(s scanner) (*cdoatlas.Person, error) {
	var p cdoatlas.Person
	var birthYear sql.NullInt64
	if err := s.Scan(&p.ID, &p.Name, &p.Gender, &birthYear, &p.Fictional, &p.PublicationBasis,
		timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt}); err != nil {
		return nil, err
	}
	if birthYear.Valid {
		y := int(birthYear.Int64)
		p.BirthYear = &y
	}
	return &p, nil
}

// FindPersonByID returns the person, or ENOTFOUND.
func (db *DB) FindPersonByID(ctx context.Context, id int64) (*cdoatlas.Person, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Person, error) { return findPersonByID(ctx, t, id) })
}

// FindPeople returns a page of the people matching filter, ordered by
// name, and the number of all matches.
func (db *DB) FindPeople(ctx context.Context, filter cdoatlas.PersonFilter) ([]*cdoatlas.Person, int, error) {
	return readPage(ctx, db, func(t *tx) ([]*cdoatlas.Person, int, error) { return findPeople(ctx, t, filter) })
}

// CreatePerson validates and stores p and sets its ID and timestamps.
// EINVALID.
func (db *DB) CreatePerson(ctx context.Context, p *cdoatlas.Person) error {
	if p == nil {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no person given")
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return db.registryWrite(ctx, func(t *tx) error { return createPerson(ctx, t, p) })
}

// UpdatePerson validates p and replaces the stored fields of p.ID.
// ENOTFOUND, EINVALID.
func (db *DB) UpdatePerson(ctx context.Context, p *cdoatlas.Person) error {
	if p == nil {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no person given")
	}
	if err := p.Validate(); err != nil {
		return err
	}
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	old, err := findPersonByID(ctx, t, p.ID)
	if err != nil {
		return err
	}
	err = t.queryRow(ctx, `UPDATE people SET name = ?, gender = ?, birth_year = ?, fictional = ?,
		publication_basis = ?, search = ?, updated_at = ? WHERE id = ? RETURNING created_at`,
		append(personArgs(p), t.ts(t.now), p.ID)...).Scan(timeCol{&p.CreatedAt})
	if noRows(err) {
		return notFound("person")
	} else if err != nil {
		return mapError(err)
	}
	p.UpdatedAt = t.now
	if err := publicationConsent(ctx, t, old, p); err != nil {
		return err
	}
	if err := t.audit(ctx, cdoatlas.AuditPerson, p.ID, cdoatlas.AuditUpdate, personChanges(old, p)...); err != nil {
		return err
	}
	return t.commit()
}

// DeletePerson removes a person and their tenures. ENOTFOUND.
func (db *DB) DeletePerson(ctx context.Context, id int64) error {
	t, err := db.beginRegistryWrite(ctx)
	if err != nil {
		return err
	}
	defer t.rollback()
	res, err := t.exec(ctx, "DELETE FROM people WHERE id = ?", id)
	if err != nil {
		return mapError(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return mapError(err)
	} else if n == 0 {
		return notFound("person")
	}
	if err := t.audit(ctx, cdoatlas.AuditPerson, id, cdoatlas.AuditDelete); err != nil {
		return err
	}
	return t.commit()
}

func findPersonByID(ctx context.Context, t *tx, id int64) (*cdoatlas.Person, error) {
	p, err := scanPerson(t.queryRow(ctx, "SELECT "+personColumns+" FROM people pe WHERE pe.id = ?", id))
	if noRows(err) {
		return nil, notFound("person")
	} else if err != nil {
		return nil, mapError(err)
	}
	return p, nil
}

func findPeople(ctx context.Context, t *tx, f cdoatlas.PersonFilter) ([]*cdoatlas.Person, int, error) {
	var w where
	addPersonSearch(t, &w, f.Q)
	if v := strings.Join(strings.Fields(f.Name), " "); v != "" {
		w.add("pe.name = ?", v)
	}
	if v := strings.ToLower(strings.TrimSpace(f.Gender)); v != "" {
		w.add("pe.gender = ?", v)
	}
	if f.Fictional != nil {
		w.add("pe.fictional = ?", *f.Fictional)
	}
	if f.PublicOnly {
		w.add("pe.publication_basis <> ''")
	}
	return findPage(ctx, t, personColumns, "people pe", &w, "pe.search, pe.id", f.Offset, f.Limit, scanPerson)
}

func personArgs(p *cdoatlas.Person) []any {
	var birthYear any
	if p.BirthYear != nil {
		birthYear = int64(*p.BirthYear)
	}
	return []any{p.Name, p.Gender, birthYear, p.Fictional, p.PublicationBasis, cdoatlas.Fold(p.Name)}
}

func createPerson(ctx context.Context, t *tx, p *cdoatlas.Person) error {
	err := t.queryRow(ctx, `INSERT INTO people (name, gender, birth_year, fictional, publication_basis, search,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		append(personArgs(p), t.ts(t.now), t.ts(t.now))...).Scan(&p.ID)
	if err != nil {
		return mapError(err)
	}
	p.CreatedAt, p.UpdatedAt = t.now, t.now
	if err := publicationConsent(ctx, t, &cdoatlas.Person{}, p); err != nil {
		return err
	}
	return t.audit(ctx, cdoatlas.AuditPerson, p.ID, cdoatlas.AuditCreate, personChanges(&cdoatlas.Person{}, p)...)
}

// publicationConsent records, when an editor sets or removes consent as a
// person's basis for publication, that consent given or withdrawn, with
// the person as its subject (person:ID).
func publicationConsent(ctx context.Context, t *tx, old, p *cdoatlas.Person) error {
	was, is := old.PublicationBasis == cdoatlas.BasisConsent, p.PublicationBasis == cdoatlas.BasisConsent
	if was == is {
		return nil
	}
	return recordConsent(ctx, t, "person:"+strconv.FormatInt(p.ID, 10), cdoatlas.ConsentPublication, is, cdoatlas.WordingPublication,
		"editor: "+cdoatlas.ActorFrom(ctx).Label)
}

// personChanges names the fields in which b differs from a.
func personChanges(a, b *cdoatlas.Person) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("name", a.Name != b.Name)
	add("gender", a.Gender != b.Gender)
	add("birth_year", (a.BirthYear == nil) != (b.BirthYear == nil) || a.BirthYear != nil && *a.BirthYear != *b.BirthYear)
	add("fictional", a.Fictional != b.Fictional)
	add("publication_basis", a.PublicationBasis != b.PublicationBasis)
	return out
}
