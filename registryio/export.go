package registryio

import (
	"context"
	"io"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// Formats are the export formats, as the CLI and the web UI name them.
var Formats = []string{"csv", "csv-de", "xlsx", "json", "popolo"}

// pageSize is how many items Export asks the store for at a time.
const pageSize = 1000

// Export writes the whole registry from store to w in format:
//
//   - "csv": the registry columns (Columns) as RFC 4180 CSV;
//   - "csv-de": the same for Excel in German (semicolon, BOM);
//   - "xlsx": the same as a workbook, codes as text;
//   - "json": {"organizations", "posts", "people", "tenures"} with the
//     field names of the API;
//   - "popolo": Popolo JSON (organizations, posts, persons, memberships).
//
// The flat formats hold one row per tenure, one per post without tenures
// and one per organization without posts, so that importing the file again
// (ReadRegistry) changes nothing. Parent organizations and the fictional
// flag of people have no column and are left out there; json keeps them.
// The CSV formats are guarded against formula injection (tabular.WriteCSV:
// no cell starts with = + - @, tab or CR, but plain signed numbers), which
// ReadRegistry undoes.
//
// Export writes every person the store holds, also those without a
// publication basis: what is published must be filtered by the caller.
// It returns EINVALID for an unknown format.
func Export(ctx context.Context, store cdoatlas.Store, format string, w io.Writer) error {
	switch format {
	case "csv", "csv-de", "xlsx", "json", "popolo":
	default:
		return cdoatlas.Errorf(cdoatlas.EINVALID, "unknown export format %q (%s)", format, strings.Join(Formats, ", "))
	}
	reg, err := load(ctx, store)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		return writeJSON(w, reg)
	case "popolo":
		return writePopolo(w, reg)
	}
	rows := reg.rows()
	switch format {
	case "csv-de":
		return tabular.WriteCSV(w, Columns, rows, tabular.ExcelDE)
	case "xlsx":
		// Cells are text, not guarded; but the import drops an apostrophe
		// before a formula character (ReadRegistry), so a cell that starts
		// so gets one more to come back as it was.
		for _, row := range rows {
			for i, c := range row {
				if tabular.UnguardFormula(c) != c {
					row[i] = "'" + c
				}
			}
		}
		return tabular.WriteXLSX(w, "Registry", Columns, rows, Columns[colOfficialCode])
	}
	return tabular.WriteCSV(w, Columns, rows, tabular.RFC4180)
}

// registry is everything an export writes, loaded once.
type registry struct {
	orgs    []*cdoatlas.Organization
	posts   []*cdoatlas.Post
	people  []*cdoatlas.Person
	tenures []*cdoatlas.Tenure
}

// load reads the registry page by page, one query per page and kind.
func load(ctx context.Context, store cdoatlas.Store) (*registry, error) {
	var reg registry
	var err error
	if reg.orgs, err = findAll(ctx, func(offset int) ([]*cdoatlas.Organization, int, error) {
		return store.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Offset: offset, Limit: pageSize})
	}); err != nil {
		return nil, err
	}
	if reg.posts, err = findAll(ctx, func(offset int) ([]*cdoatlas.Post, int, error) {
		return store.FindPosts(ctx, cdoatlas.PostFilter{Offset: offset, Limit: pageSize})
	}); err != nil {
		return nil, err
	}
	if reg.people, err = findAll(ctx, func(offset int) ([]*cdoatlas.Person, int, error) {
		return store.FindPeople(ctx, cdoatlas.PersonFilter{Offset: offset, Limit: pageSize})
	}); err != nil {
		return nil, err
	}
	if reg.tenures, err = findAll(ctx, func(offset int) ([]*cdoatlas.Tenure, int, error) {
		return store.FindTenures(ctx, cdoatlas.TenureFilter{Offset: offset, Limit: pageSize})
	}); err != nil {
		return nil, err
	}
	return &reg, nil
}

// findAll collects the pages of a Find method.
func findAll[T any](ctx context.Context, find func(offset int) ([]T, int, error)) ([]T, error) {
	var all []T
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, total, err := find(len(all))
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < pageSize || len(all) >= total {
			return all, nil
		}
	}
}

// rows flattens the registry into the registry columns: organizations in
// the store's order, their posts, and the posts' tenures.
func (reg *registry) rows() [][]string {
	postsByOrg := map[int64][]*cdoatlas.Post{}
	for _, p := range reg.posts {
		postsByOrg[p.OrganizationID] = append(postsByOrg[p.OrganizationID], p)
	}
	tenuresByPost := map[int64][]*cdoatlas.Tenure{}
	for _, t := range reg.tenures {
		tenuresByPost[t.PostID] = append(tenuresByPost[t.PostID], t)
	}
	people := make(map[int64]*cdoatlas.Person, len(reg.people))
	for _, p := range reg.people {
		people[p.ID] = p
	}
	var rows [][]string
	for _, o := range reg.orgs {
		posts := postsByOrg[o.ID]
		if len(posts) == 0 {
			rows = append(rows, flatRow(o, nil, nil, nil))
		}
		for _, p := range posts {
			tenures := tenuresByPost[p.ID]
			if len(tenures) == 0 {
				rows = append(rows, flatRow(o, p, nil, nil))
			}
			for _, t := range tenures {
				rows = append(rows, flatRow(o, p, people[t.PersonID], t))
			}
		}
	}
	return rows
}

// flatRow writes an organization and optionally a post, a person and a
// tenure in the registry columns, the way ParseRegistry reads them.
func flatRow(o *cdoatlas.Organization, p *cdoatlas.Post, person *cdoatlas.Person, t *cdoatlas.Tenure) []string {
	row := orgFacts(o)
	row[colOtherNames] = strings.Join(o.OtherNames, " | ")
	if p != nil {
		row.merge(postFacts(p))
		row[colSourceURL] = p.SourceURL
		if t != nil {
			if person != nil {
				row.merge(personFacts(person))
			}
			row.merge(tenureFacts(t))
			if t.SourceURL != "" {
				row[colSourceURL] = t.SourceURL
			}
		}
	}
	return row[:]
}

// merge copies the non-empty cells of f into v.
func (v *values) merge(f values) {
	for i, c := range f {
		if c != "" {
			v[i] = c
		}
	}
}
