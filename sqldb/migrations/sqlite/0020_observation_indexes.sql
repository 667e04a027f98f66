-- A census import reads where every person was seen (person,
-- organization, wave, role) from this index alone, in order, instead of
-- visiting each row of the table.
DROP INDEX observations_person;
CREATE INDEX observations_person ON observations (person_id, organization_id, wave, role) WHERE person_id IS NOT NULL;

-- The row keys of a wave are unique because an import reads them within
-- its write transaction and skips the rows a wave holds (census.Import),
-- and SQLite lets one write transaction run at a time. A unique index on
-- the random keys cost the largest part of writing a wave; the wave index
-- finds a wave's keys (and its rows when a wave is deleted) as well.
DROP INDEX observations_row_key;
CREATE INDEX observations_wave ON observations (wave);
