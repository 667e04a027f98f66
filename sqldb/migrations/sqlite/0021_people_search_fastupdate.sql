-- PostgreSQL's 0021 lets its trigram index on people take bulk inserts
-- faster; SQLite has no such index.
SELECT 1;
