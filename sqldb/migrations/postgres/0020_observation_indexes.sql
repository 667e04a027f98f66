-- A census import reads where every person was seen (person,
-- organization, wave, role) from this index alone, in order, instead of
-- visiting each row of the table. PostgreSQL keeps the unique index on
-- (wave, row_key): its imports may run side by side.
DROP INDEX observations_person;
CREATE INDEX observations_person ON observations (person_id, organization_id, wave, role) WHERE person_id IS NOT NULL;
