package sqldb_test

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

// TestSchemaParity migrates a fresh SQLite and a fresh PostgreSQL database
// and compares what the two migration series built: tables, columns (name,
// type class, nullability), primary keys and indexes (name, columns,
// uniqueness, partial-index predicate). The migrations are written twice by
// hand; this catches a column or index added to one series only.
//
// Triggers, functions, defaults, collations and foreign keys are not
// compared.
func TestSchemaParity(t *testing.T) {
	pg := sqldbtest.OpenPostgres(t) // skips without CDOATLAS_TEST_POSTGRES
	lite := sqldbtest.Open(t)
	ctx := context.Background()

	a, err := readSQLiteSchema(ctx, lite.ReadPool())
	if err != nil {
		t.Fatalf("read sqlite schema: %v", err)
	}
	b, err := readPostgresSchema(ctx, pg.ReadPool())
	if err != nil {
		t.Fatalf("read postgres schema: %v", err)
	}
	if len(a.tables) < 10 || len(b.tables) < 10 {
		t.Fatalf("read %d sqlite and %d postgres tables; the catalogue queries are broken", len(a.tables), len(b.tables))
	}

	seen := map[string]bool{}
	for _, d := range compareSchemas(a, b) {
		if knownSchemaDrift[d] {
			seen[d] = true
			continue
		}
		t.Errorf("schema drift: %s", d)
	}
	for d := range knownSchemaDrift {
		if !seen[d] {
			t.Errorf("knownSchemaDrift lists %q, which no longer differs: remove it", d)
		}
	}
}

// sqliteOnlyTables are SQLite objects with no PostgreSQL counterpart: the
// FTS5 trigram index over organizations.search (PostgreSQL uses pg_trgm
// GIN indexes instead) and the shadow tables FTS5 creates for it. Its
// triggers are not compared at all.
var sqliteOnlyTables = map[string]bool{
	"organizations_fts":         true,
	"organizations_fts_config":  true,
	"organizations_fts_data":    true,
	"organizations_fts_docsize": true,
	"organizations_fts_idx":     true,
}

// postgresOnlyIndexes are built by 0001_init.sql only where the pg_trgm
// extension can be installed, so they may or may not exist; SQLite serves
// substring search from organizations_fts instead.
var postgresOnlyIndexes = map[string]bool{
	"organizations_search_trgm": true,
	"people_search_trgm":        true,
	"posts_search_trgm":         true,
}

// knownSchemaDrift lists differences that are meant, each with the reason.
// An entry that no longer differs fails the test, so the list stays true.
var knownSchemaDrift = map[string]bool{
	// SQLite's 0010 rebuilt the table with id as the rowid primary key and
	// token_hash UNIQUE; PostgreSQL's 0010 kept token_hash as the primary key
	// and added id BIGSERIAL UNIQUE. Both columns are NOT NULL and unique in
	// both and no table refers to api_tokens, so both behave alike; moving
	// the PostgreSQL primary key is not worth a migration.
	"table api_tokens: primary key sqlite (id), postgres (token_hash)":   true,
	"index unique constraint on api_tokens (id): only in postgres":       true,
	"index unique constraint on api_tokens (token_hash): only in sqlite": true,
	// In SQLite the search scan reads this index instead of the table, so it
	// covers search; PostgreSQL searches through its trigram indexes.
	"index organizations_sort_name: columns sqlite (sort_name, id, search), postgres (sort_name, id)": true,
	// SQLite runs one write transaction at a time, so the import's own
	// check keeps a wave's row keys unique there (0020); PostgreSQL
	// imports may run side by side and keep the unique index.
	"index observations_row_key: only in postgres": true,
	"index observations_wave: only in sqlite":      true,
}

// Type classes. The declared types map to a class per dialect; a column
// agrees when its pair of classes is in compatibleTypes.
var (
	sqliteTypeClass = map[string]string{
		"INTEGER": "integer",
		"TEXT":    "text",
		"REAL":    "real",
		"BLOB":    "blob",
	}
	postgresTypeClass = map[string]string{
		"bigint":                   "integer",
		"integer":                  "integer",
		"smallint":                 "integer",
		"text":                     "text",
		"boolean":                  "boolean",
		"timestamp with time zone": "timestamptz",
		"double precision":         "real",
		"bytea":                    "blob",
	}
	// compatibleTypes holds the accepted {sqlite, postgres} class pairs.
	compatibleTypes = map[[2]string]bool{
		{"integer", "integer"}: true,
		{"text", "text"}:       true,
		{"real", "real"}:       true,
		{"blob", "blob"}:       true,
		// Timestamps are fixed-width UTC text in SQLite (see 0001_init.sql).
		{"text", "timestamptz"}: true,
		// SQLite has no boolean type; flags are INTEGER 0/1.
		{"integer", "boolean"}: true,
	}
)

type dbColumn struct {
	name, class string
	notNull     bool
}

type dbTable struct {
	columns []dbColumn
	pk      []string
}

type dbIndex struct {
	table   string
	columns []string
	unique  bool
	where   string // normalised predicate of a partial index
}

type dbSchema struct {
	tables map[string]*dbTable
	// indexes holds indexes by name; indexes that back a UNIQUE constraint
	// are named by the database (sqlite_autoindex_…, …_key), so they are
	// keyed "unique constraint on table (columns)" instead.
	indexes map[string]dbIndex
}

func constraintKey(table string, cols []string) string {
	return fmt.Sprintf("unique constraint on %s (%s)", table, strings.Join(cols, ", "))
}

func readSQLiteSchema(ctx context.Context, db *sql.DB) (*dbSchema, error) {
	s := &dbSchema{tables: map[string]*dbTable{}, indexes: map[string]dbIndex{}}
	names, err := queryStrings(ctx, db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if sqliteOnlyTables[name] {
			continue
		}
		tbl := &dbTable{}
		rows, err := db.QueryContext(ctx, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid", name)
		if err != nil {
			return nil, err
		}
		type pkCol struct {
			name string
			pos  int
		}
		var pks []pkCol
		for rows.Next() {
			var col, typ string
			var notNull bool
			var pk int
			if err := rows.Scan(&col, &typ, &notNull, &pk); err != nil {
				rows.Close()
				return nil, err
			}
			class, ok := sqliteTypeClass[strings.ToUpper(typ)]
			if !ok {
				class = "unknown sqlite type " + typ
			}
			if pk > 0 {
				pks = append(pks, pkCol{col, pk})
				notNull = true // PRIMARY KEY implies NOT NULL in PostgreSQL; INTEGER PRIMARY KEY is the rowid
			}
			tbl.columns = append(tbl.columns, dbColumn{col, class, notNull})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		sort.Slice(pks, func(i, j int) bool { return pks[i].pos < pks[j].pos })
		for _, p := range pks {
			tbl.pk = append(tbl.pk, p.name)
		}
		s.tables[name] = tbl

		rows, err = db.QueryContext(ctx, `SELECT il.name, il."unique", il.origin, COALESCE(m.sql, '')
			FROM pragma_index_list(?) il LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = il.name`, name)
		if err != nil {
			return nil, err
		}
		type idx struct {
			name, origin, sql string
			unique            bool
		}
		var idxs []idx
		for rows.Next() {
			var x idx
			if err := rows.Scan(&x.name, &x.unique, &x.origin, &x.sql); err != nil {
				rows.Close()
				return nil, err
			}
			idxs = append(idxs, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for _, x := range idxs {
			if x.origin == "pk" {
				continue // compared as the primary key
			}
			cols, err := queryStrings(ctx, db, "SELECT COALESCE(name, '<expression>') FROM pragma_index_info(?) ORDER BY seqno", x.name)
			if err != nil {
				return nil, err
			}
			ix := dbIndex{table: name, columns: cols, unique: x.unique}
			if i := strings.Index(strings.ToUpper(x.sql), " WHERE "); i >= 0 {
				ix.where = normalizePredicate(x.sql[i+len(" WHERE "):])
			}
			key := x.name
			if x.origin == "u" {
				key = constraintKey(name, cols)
			}
			s.indexes[key] = ix
		}
	}
	return s, nil
}

func readPostgresSchema(ctx context.Context, db *sql.DB) (*dbSchema, error) {
	s := &dbSchema{tables: map[string]*dbTable{}, indexes: map[string]dbIndex{}}
	names, err := queryStrings(ctx, db, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		tbl := &dbTable{}
		rows, err := db.QueryContext(ctx, `SELECT column_name, data_type, is_nullable = 'NO' FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, name)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var col, typ string
			var notNull bool
			if err := rows.Scan(&col, &typ, &notNull); err != nil {
				rows.Close()
				return nil, err
			}
			class, ok := postgresTypeClass[typ]
			if !ok {
				class = "unknown postgres type " + typ
			}
			tbl.columns = append(tbl.columns, dbColumn{col, class, notNull})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		s.tables[name] = tbl
	}

	// One row per index column, key columns only (not INCLUDE).
	rows, err := db.QueryContext(ctx, `
		SELECT i.relname, t.relname, x.indisunique, x.indisprimary,
			EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype = 'u'),
			COALESCE(pg_get_expr(x.indpred, x.indrelid), ''),
			k.n, pg_get_indexdef(x.indexrelid, k.n, true)
		FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid
		JOIN pg_class t ON t.oid = x.indrelid
		JOIN pg_namespace ns ON ns.oid = t.relnamespace
		CROSS JOIN LATERAL generate_series(1, x.indnkeyatts) AS k(n)
		WHERE ns.nspname = current_schema()
		ORDER BY i.relname, k.n`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type pgIndex struct {
		dbIndex
		primary, constraint bool
	}
	byName := map[string]*pgIndex{}
	var order []string
	for rows.Next() {
		var name, table, pred, col string
		var unique, primary, constraint bool
		var n int
		if err := rows.Scan(&name, &table, &unique, &primary, &constraint, &pred, &n, &col); err != nil {
			return nil, err
		}
		x := byName[name]
		if x == nil {
			x = &pgIndex{dbIndex{table: table, unique: unique, where: normalizePredicate(pred)}, primary, constraint}
			byName[name] = x
			order = append(order, name)
		}
		if !isIdentifier(col) {
			col = "<expression>"
		}
		x.columns = append(x.columns, strings.Trim(col, `"`))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range order {
		x := byName[name]
		switch {
		case x.primary:
			if tbl := s.tables[x.table]; tbl != nil {
				tbl.pk = x.columns
			}
		case postgresOnlyIndexes[name]:
			// Present or not depending on the server; see postgresOnlyIndexes.
		case x.constraint:
			s.indexes[constraintKey(x.table, x.columns)] = x.dbIndex
		default:
			s.indexes[name] = x.dbIndex
		}
	}
	return s, nil
}

var identifierRE = regexp.MustCompile(`^"?[a-z_][a-z0-9_]*"?$`)

func isIdentifier(s string) bool { return identifierRE.MatchString(s) }

var (
	// predicateCasts are the casts PostgreSQL adds when it prints a predicate.
	predicateCasts = regexp.MustCompile(`::[a-z ]+`)
	// predicateAnyArray is how PostgreSQL prints x IN (a, b).
	predicateAnyArray = regexp.MustCompile(`=\s*any\s*\(\s*array\[([^\]]*)\]\s*\)`)
)

// normalizePredicate reduces a partial-index predicate to a form both
// databases print alike: lower case, no casts, parentheses or spaces, and
// PostgreSQL's = ANY (ARRAY[…]) as IN (…) and its boolean literals as
// SQLite's 0/1.
func normalizePredicate(p string) string {
	p = strings.ToLower(strings.TrimSpace(p))
	p = predicateCasts.ReplaceAllString(p, "")
	p = predicateAnyArray.ReplaceAllString(p, " in ($1)")
	p = strings.NewReplacer("(", "", ")", "", " ", "", "\t", "", "\n", "", `"`, "", "true", "1", "false", "0", "!=", "<>").Replace(p)
	return p
}

func compareSchemas(lite, pg *dbSchema) []string {
	var diffs []string
	for _, name := range unionKeys(lite.tables, pg.tables) {
		a, b := lite.tables[name], pg.tables[name]
		switch {
		case b == nil:
			diffs = append(diffs, fmt.Sprintf("table %s: only in sqlite", name))
			continue
		case a == nil:
			diffs = append(diffs, fmt.Sprintf("table %s: only in postgres", name))
			continue
		}
		if !slices.Equal(a.pk, b.pk) {
			diffs = append(diffs, fmt.Sprintf("table %s: primary key sqlite (%s), postgres (%s)", name, strings.Join(a.pk, ", "), strings.Join(b.pk, ", ")))
		}
		ca, cb := map[string]dbColumn{}, map[string]dbColumn{}
		for _, c := range a.columns {
			ca[c.name] = c
		}
		for _, c := range b.columns {
			cb[c.name] = c
		}
		for _, col := range unionKeys(ca, cb) {
			x, okA := ca[col]
			y, okB := cb[col]
			switch {
			case !okB:
				diffs = append(diffs, fmt.Sprintf("column %s.%s: only in sqlite", name, col))
			case !okA:
				diffs = append(diffs, fmt.Sprintf("column %s.%s: only in postgres", name, col))
			default:
				if !compatibleTypes[[2]string{x.class, y.class}] {
					diffs = append(diffs, fmt.Sprintf("column %s.%s: type sqlite %s, postgres %s", name, col, x.class, y.class))
				}
				if x.notNull != y.notNull {
					diffs = append(diffs, fmt.Sprintf("column %s.%s: NOT NULL sqlite %v, postgres %v", name, col, x.notNull, y.notNull))
				}
			}
		}
	}
	for _, name := range unionKeys(lite.indexes, pg.indexes) {
		a, okA := lite.indexes[name]
		b, okB := pg.indexes[name]
		switch {
		case !okB:
			diffs = append(diffs, fmt.Sprintf("index %s: only in sqlite", name))
			continue
		case !okA:
			diffs = append(diffs, fmt.Sprintf("index %s: only in postgres", name))
			continue
		}
		if a.table != b.table {
			diffs = append(diffs, fmt.Sprintf("index %s: on table sqlite %s, postgres %s", name, a.table, b.table))
		}
		if !slices.Equal(a.columns, b.columns) {
			diffs = append(diffs, fmt.Sprintf("index %s: columns sqlite (%s), postgres (%s)", name, strings.Join(a.columns, ", "), strings.Join(b.columns, ", ")))
		}
		if a.unique != b.unique {
			diffs = append(diffs, fmt.Sprintf("index %s: unique sqlite %v, postgres %v", name, a.unique, b.unique))
		}
		if a.where != b.where {
			diffs = append(diffs, fmt.Sprintf("index %s: predicate sqlite %q, postgres %q", name, a.where, b.where))
		}
	}
	return diffs
}

func unionKeys[V any](a, b map[string]V) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

func queryStrings(ctx context.Context, db *sql.DB, query string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// TestCompareSchemas checks that the comparison reports each kind of
// difference, so that TestSchemaParity passing means something.
func TestCompareSchemas(t *testing.T) {
	base := func() *dbSchema {
		return &dbSchema{
			tables: map[string]*dbTable{"posts": {
				columns: []dbColumn{{"id", "integer", true}, {"title", "text", true}, {"board_access", "integer", true}, {"created_at", "text", true}},
				pk:      []string{"id"},
			}},
			indexes: map[string]dbIndex{"posts_title": {table: "posts", columns: []string{"title"}, unique: true, where: normalizePredicate("title <> ''")}},
		}
	}
	pgBase := func() *dbSchema {
		s := base()
		s.tables["posts"].columns[2].class = "boolean"
		s.tables["posts"].columns[3].class = "timestamptz"
		s.indexes["posts_title"] = dbIndex{table: "posts", columns: []string{"title"}, unique: true, where: normalizePredicate("(title <> ''::text)")}
		return s
	}
	for _, tc := range []struct {
		name   string
		change func(lite, pg *dbSchema)
		want   string
	}{
		{"OK", func(lite, pg *dbSchema) {}, ""},
		{"ColumnMissing", func(lite, pg *dbSchema) { pg.tables["posts"].columns = pg.tables["posts"].columns[:3] }, "column posts.created_at: only in sqlite"},
		{"TypeClash", func(lite, pg *dbSchema) { pg.tables["posts"].columns[1].class = "integer" }, "column posts.title: type sqlite text, postgres integer"},
		{"Nullable", func(lite, pg *dbSchema) { lite.tables["posts"].columns[1].notNull = false }, "column posts.title: NOT NULL sqlite false, postgres true"},
		{"PrimaryKey", func(lite, pg *dbSchema) { pg.tables["posts"].pk = []string{"title"} }, "table posts: primary key sqlite (id), postgres (title)"},
		{"TableMissing", func(lite, pg *dbSchema) { lite.tables["extra"] = &dbTable{} }, "table extra: only in sqlite"},
		{"IndexUnique", func(lite, pg *dbSchema) {
			x := pg.indexes["posts_title"]
			x.unique = false
			pg.indexes["posts_title"] = x
		}, "index posts_title: unique sqlite true, postgres false"},
		{"IndexPredicate", func(lite, pg *dbSchema) {
			x := pg.indexes["posts_title"]
			x.where = normalizePredicate("title = ANY (ARRAY['a'::text, 'b'::text])")
			pg.indexes["posts_title"] = x
		}, `index posts_title: predicate sqlite "title<>''", postgres "titlein'a','b'"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lite, pg := base(), pgBase()
			tc.change(lite, pg)
			got := strings.Join(compareSchemas(lite, pg), "; ")
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNormalizePredicate(t *testing.T) {
	for _, tc := range []struct{ sqlite, pg string }{
		{"code_key <> ''", "(code_key <> ''::text)"},
		{"state IN ('queued', 'sending')", "(state = ANY (ARRAY['queued'::text, 'sending'::text]))"},
		{"active = 1", "(active = true)"},
	} {
		if a, b := normalizePredicate(tc.sqlite), normalizePredicate(tc.pg); a != b {
			t.Errorf("normalizePredicate(%q) = %q, normalizePredicate(%q) = %q; want equal", tc.sqlite, a, tc.pg, b)
		}
	}
}
