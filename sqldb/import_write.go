package sqldb

import (
	"context"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/jackc/pgx/v5"
)

// An import gives new rows their IDs as it matches records, so that later
// records can refer to them, and writes them a window at a time with
// INSERT statements of many rows. Everything the database would refuse is
// checked before (importer.check, importTenure), so that the refusal names
// the record's line.

// idRange is the IDs an import has given out of one table: next is the
// next one to give, last the last one given, 0 before the first.
type idRange struct{ next, last int64 }

// idAlloc gives IDs to the new rows of a transaction's tables.
type idAlloc struct {
	t   *tx
	ids map[string]*idRange // table → IDs given to new rows
}

func newIDAlloc(t *tx) idAlloc { return idAlloc{t: t, ids: map[string]*idRange{}} }

// newID returns the ID of a new row of table (a constant). On PostgreSQL
// the first one comes from the table's sequence, the following ones count
// on from there and finish moves the sequence past them: no other
// transaction takes IDs meanwhile, as every registry write takes the
// registry lock first. SQLite, which has one writer, counts on from the
// largest ID, as it would itself.
func (a idAlloc) newID(ctx context.Context, table string) (int64, error) {
	r, ok := a.ids[table]
	if !ok {
		r = &idRange{}
		q := "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table
		if a.t.postgres() {
			q = "SELECT nextval(pg_get_serial_sequence('" + table + "', 'id'))"
		}
		if err := a.t.queryRow(ctx, q).Scan(&r.next); err != nil {
			return 0, mapError(err)
		}
		a.ids[table] = r
	}
	r.last = r.next
	r.next++
	return r.last, nil
}

// finish moves the PostgreSQL sequences past the IDs given out.
func (a idAlloc) finish(ctx context.Context) error {
	if !a.t.postgres() {
		return nil
	}
	for table, r := range a.ids {
		var v int64
		if err := a.t.queryRow(ctx, "SELECT setval(pg_get_serial_sequence('"+table+"', 'id'), ?)", r.last).Scan(&v); err != nil {
			return mapError(err)
		}
	}
	return nil
}

// writeQueue holds what the records of a window change, until flush.
type writeQueue struct {
	newOrgs  []int64        // organizations to insert, as in importer.orgs
	unstored map[int64]bool // the IDs of newOrgs
	changed  []int64        // stored organizations to update, as in importer.orgs
	isChange map[int64]bool // the IDs of changed
	posts    []*cdoatlas.Post
	people   []*cdoatlas.Person
	tenures  []*cdoatlas.Tenure
}

func (q *writeQueue) insertOrganization(id int64) {
	if q.unstored == nil {
		q.unstored = map[int64]bool{}
	}
	q.unstored[id] = true
	q.newOrgs = append(q.newOrgs, id)
}

// updateOrganization notes a change of the organization; one not stored
// yet is inserted as it is then.
func (q *writeQueue) updateOrganization(id int64) {
	if q.unstored[id] || q.isChange[id] {
		return
	}
	if q.isChange == nil {
		q.isChange = map[int64]bool{}
	}
	q.isChange[id] = true
	q.changed = append(q.changed, id)
}

// batchRows is the number of rows written with one statement; with up to
// 18 columns that stays well below the parameter limits of SQLite (32766)
// and PostgreSQL (65535).
const batchRows = 500

// flush writes the queued rows, the ones referred to first.
func (imp *importer) flush(ctx context.Context) error {
	q, t := &imp.queue, imp.t
	now := t.ts(t.now)
	orgs := make([][]any, len(q.newOrgs))
	for i, id := range q.newOrgs {
		orgs[i] = append(append([]any{id}, organizationArgs(imp.orgs[id])...), now, now)
	}
	changed := make([][]any, len(q.changed))
	for i, id := range q.changed {
		changed[i] = append([]any{id}, organizationArgs(imp.orgs[id])...)
	}
	posts := make([][]any, len(q.posts))
	for i, p := range q.posts {
		posts[i] = append(append([]any{p.ID}, postArgs(p)...), now, now)
	}
	people := make([][]any, len(q.people))
	for i, p := range q.people {
		people[i] = append(append([]any{p.ID}, personArgs(p)...), now, now)
	}
	tenures := make([][]any, len(q.tenures))
	for i, te := range q.tenures {
		tenures[i] = append(append([]any{te.ID}, tenureArgs(te)...), now, now)
	}
	*q = writeQueue{}
	if err := t.execRows(ctx, `INSERT INTO organizations (id, name, other_names, kind, country, region, official_code,
		code_key, population, population_date, employees, size_class, sector, parent_id, sort_name, search,
		created_at, updated_at) VALUES `, "", nil, orgs, nil); err != nil {
		return err
	}
	// Updated after the inserts: a changed parent may be a new organization.
	if err := imp.updateOrganizations(ctx, changed); err != nil {
		return err
	}
	if err := t.execRows(ctx, `INSERT INTO posts (id, organization_id, title, role, cdo_check, archetype, placement,
		cross_departmental, budget, board_access, created, abolished, source_url, tasks, confidence, review, search,
		created_at, updated_at) VALUES `,
		"", nil, posts, nil); err != nil {
		return err
	}
	if err := t.execRows(ctx, `INSERT INTO people (id, name, gender, birth_year, fictional, publication_basis, search,
		created_at, updated_at) VALUES `, "", nil, people, nil); err != nil {
		return err
	}
	return t.execRows(ctx, `INSERT INTO tenures (id, person_id, post_id, start_date, end_date, status, hire, source_url,
		created_at, updated_at) VALUES `, "", nil, tenures, nil)
}

// updateOrganizations writes the changed organizations, rows of ID and
// organizationArgs, with statements that take their new values from a
// list of rows. PostgreSQL types that list by its first row.
func (imp *importer) updateOrganizations(ctx context.Context, rows [][]any) error {
	const (
		b = "CAST(%s AS BIGINT)"
		s = "CAST(%s AS TEXT)"
	)
	first := []string{b, s, s, s, s, s, s, s, b, s, b, s, s, b, s, s}
	cols := []string{"name", "other_names", "kind", "country", "region", "official_code", "code_key",
		"population", "population_date", "employees", "size_class", "sector", "parent_id", "sort_name", "search"}
	var set strings.Builder
	for i, c := range cols {
		set.WriteString(c + " = v.column" + strconv.Itoa(i+2) + ", ")
	}
	head := "UPDATE organizations SET " + set.String() + "updated_at = ? FROM (VALUES "
	return imp.t.execRows(ctx, head, ") AS v WHERE organizations.id = v.column1", first, rows, []any{imp.t.ts(imp.t.now)})
}

// execRows runs head, a list of rows and tail for every batchRows rows:
// each row is a parenthesized list of placeholders, the first row's made
// by the formats in first when given; the arguments are pre and then the
// rows'.
func (t *tx) execRows(ctx context.Context, head, tail string, first []string, rows [][]any, pre []any) error {
	for len(rows) > 0 {
		n := min(len(rows), batchRows)
		args := append([]any(nil), pre...)
		var b strings.Builder
		param := func() string {
			if t.postgres() {
				return "$" + strconv.Itoa(len(args))
			}
			return "?"
		}
		b.WriteString(t.db.rebind(head)) // numbers the placeholders of pre
		for i, row := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, v := range row {
				if j > 0 {
					b.WriteString(", ")
				}
				args = append(args, v)
				if i == 0 && first != nil {
					b.WriteString(strings.Replace(first[j], "%s", param(), 1))
				} else {
					b.WriteString(param())
				}
			}
			b.WriteByte(')')
		}
		b.WriteString(tail)
		var err error
		if t.postgres() {
			// Not prepared and cached on the connection, as pgx would: the
			// statements are large and differ in their number of rows.
			_, err = t.tx.ExecContext(ctx, b.String(), append([]any{pgx.QueryExecModeDescribeExec}, args...)...)
		} else {
			_, err = t.exec(ctx, b.String(), args...)
		}
		if err != nil {
			return mapError(err)
		}
		rows = rows[n:]
	}
	return nil
}
