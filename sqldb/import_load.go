package sqldb

import (
	"context"
	"encoding/json"

	"github.com/cdoatlas/cdoatlas"
)

// loadBatch is the number of organizations read with one query.
const loadBatch = 1000

// prefetch reads the stored organizations that the records of a window
// match now, with their posts, tenures and holders, a few queries for the
// whole window. Records matching another organization once earlier ones
// have changed names or codes have theirs read when they come to it.
func (imp *importer) prefetch(ctx context.Context, window []preparedRecord) error {
	var ids []int64
	seen := map[int64]bool{}
	for i := range window {
		id, _, err := imp.match(&window[i])
		if err != nil || id == 0 || seen[id] {
			continue // errors are reported in record order later
		}
		if _, ok := imp.orgs[id]; !ok {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return imp.load(ctx, ids)
}

// load reads the stored organizations ids, their posts, the tenures of
// those and the people holding them.
func (imp *importer) load(ctx context.Context, ids []int64) error {
	for len(ids) > 0 {
		n := min(len(ids), loadBatch)
		if err := imp.loadBatch(ctx, ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

func (imp *importer) loadBatch(ctx context.Context, ids []int64) error {
	t := imp.t
	cond, arg := t.inIDs("o.id", ids)
	rows, err := t.query(ctx, "SELECT "+organizationColumns+" FROM organizations o WHERE "+cond, arg)
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanOrganization(rows)
		if err != nil {
			return mapError(err)
		}
		imp.orgs[o.ID] = o
		imp.posts[o.ID], imp.holders[o.ID] = map[string]int64{}, map[string]int64{}
	}
	if err := rows.Err(); err != nil {
		return mapError(err)
	}
	rows.Close()

	cond, arg = t.inIDs("p.organization_id", ids)
	rows, err = t.query(ctx, "SELECT p.id, p.organization_id, p.search FROM posts p WHERE "+cond+" ORDER BY p.id", arg)
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, orgID int64
		var search string
		if err := rows.Scan(&id, &orgID, &search); err != nil {
			return mapError(err)
		}
		if _, ok := imp.posts[orgID][search]; !ok {
			imp.posts[orgID][search] = id
		}
	}
	if err := rows.Err(); err != nil {
		return mapError(err)
	}
	rows.Close()

	rows, err = t.query(ctx, `SELECT t.id, t.person_id, t.post_id, t.start_date, t.end_date, t.status,
		p.organization_id, pe.search FROM posts p JOIN tenures t ON t.post_id = p.id JOIN people pe ON pe.id = t.person_id
		WHERE `+cond+" ORDER BY t.id", arg)
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var te cdoatlas.Tenure
		var start, end, name string
		var orgID int64
		if err := rows.Scan(&te.ID, &te.PersonID, &te.PostID, &start, &end, &te.Status, &orgID, &name); err != nil {
			return mapError(err)
		}
		te.Start, te.End = cdoatlas.PartialDate(start), cdoatlas.PartialDate(end)
		imp.tenures[te.PostID] = append(imp.tenures[te.PostID], &te)
		if h := imp.holders[orgID]; h[name] == 0 || te.PersonID < h[name] {
			h[name] = te.PersonID
		}
	}
	return mapError(rows.Err())
}

// inIDs returns the condition that col is one of ids, with its argument.
func (t *tx) inIDs(col string, ids []int64) (string, any) {
	if t.postgres() {
		return col + " = ANY(?)", ids
	}
	b, _ := json.Marshal(ids)
	return col + " IN (SELECT value FROM json_each(?))", string(b)
}
