package sqldb

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// BenchmarkFindOrganizationsSorted lists the first page (25) of 20 000
// organizations in each order, as the organization index does, with and
// without a search term.
func BenchmarkFindOrganizationsSorted(b *testing.B) {
	benchmarkSorted(b, fillBenchDB(b, openBenchSQLite(b), 20000))
}

// BenchmarkFindOrganizationsSortedPostgres is the same on PostgreSQL.
func BenchmarkFindOrganizationsSortedPostgres(b *testing.B) {
	benchmarkSorted(b, fillBenchDB(b, openBenchPostgres(b), 20000))
}

func benchmarkSorted(b *testing.B, db *DB) {
	ctx := context.Background()
	for _, q := range []string{"", "hausen"} {
		for _, sort := range append([]string{""}, cdoatlas.OrganizationSorts...) {
			for _, desc := range []bool{false, true} {
				name := "q=" + q + "/sort=" + sort
				if desc {
					name += "/desc"
				}
				b.Run(name, func(b *testing.B) {
					for b.Loop() {
						if _, _, err := db.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Q: q, Sort: sort, Desc: desc, Limit: 25}); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// TestOrganizationListPlan checks on SQLite that the list in its default
// order, with and without a search term, walks the name index and stops
// after a page instead of sorting every organization, and that whether an
// organization has a CDO is looked up by index.
func TestOrganizationListPlan(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, where := range []string{"", " WHERE " + db.like("o.search")} {
		query := "EXPLAIN QUERY PLAN SELECT " + organizationListColumns + " FROM organizations o" + where +
			" ORDER BY " + organizationOrder(cdoatlas.OrganizationFilter{}) + " LIMIT 25"
		var args []any
		if where != "" {
			args = append(args, "%hausen%")
		}
		rows, err := db.rdb.QueryContext(ctx, query, args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		got := strings.Join(plan, "\n")
		if strings.Contains(got, "TEMP B-TREE") || !strings.Contains(got, "organizations_sort_name") ||
			!strings.Contains(got, "posts_role") || !strings.Contains(got, "tenures_post_id") {
			t.Errorf("plan%s:\n%s", where, got)
		}
	}
}
