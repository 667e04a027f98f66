package sqldb

import "database/sql"

// ReadPool exposes the read pool to the external tests, so that
// schema_test.go can read the catalogues of both databases.
func (db *DB) ReadPool() *sql.DB { return db.rdb }
