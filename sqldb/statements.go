package sqldb

// Statements returns how many SQL statements the store has run in its
// transactions since it was opened: tests and benchmarks read it before
// and after a request to count the queries a page costs.
func (db *DB) Statements() int64 { return db.statements.Load() }
