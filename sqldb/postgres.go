package sqldb

import (
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// PostgreSQL runs the same Go code as SQLite through database/sql, with
// pgx's adapter: statements run on pgx connections, which cache prepared
// statements per connection, and database/sql does the pooling.

// openPostgresPool returns a database/sql pool of pgx connections to dsn.
func openPostgresPool(dsn string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	// Statements are prepared once per connection. PostgreSQL would switch
	// them to a generic plan after a few runs, which cannot tell a rare
	// search term (use the trigram index) from a common one (walk the name
	// index): plan each run with its values instead.
	if _, ok := cfg.RuntimeParams["plan_cache_mode"]; !ok {
		cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	return stdlib.OpenDB(*cfg), nil
}
