-- A census wave adds tens of thousands of people at once; with fastupdate
-- their trigram entries go to the index's pending list and are merged in
-- bulk (by autovacuum, or when the list outgrows gin_pending_list_limit)
-- instead of one by one. Searches read the pending list meanwhile. The
-- index exists only where pg_trgm could be installed (0001).
ALTER INDEX IF EXISTS people_search_trgm SET (fastupdate = on);
