package sqldb

import (
	"context"

	"github.com/cdoatlas/cdoatlas"
	"github.com/jackc/pgx/v5"
)

// insertObservationsPostgres writes the rows as PostgreSQL reads bulk data
// best through database/sql: one statement a few thousand rows, each
// column one array parameter unnested, instead of a parameter a value.
func insertObservationsPostgres(ctx context.Context, t *tx, obs []*cdoatlas.Observation, keys []string) error {
	const batch = 10000
	for start := 0; start < len(obs); start += batch {
		part, partKeys := obs[start:min(start+batch, len(obs))], keys[start:min(start+batch, len(obs))]
		n := len(part)
		var (
			text   = make([][]string, 19) // the text columns, in the statement's order
			line   = make([]int64, n)
			birth  = make([]*int64, n)
			conf   = make([]float64, n)
			org    = make([]*int64, n)
			post   = make([]*int64, n)
			person = make([]*int64, n)
			match  = make([]float64, n)
		)
		for c := range text {
			text[c] = make([]string, n)
		}
		for i, o := range part {
			flags, err := flagsJSON(o)
			if err != nil {
				return err
			}
			for c, v := range []string{o.Wave, o.Source, o.File, partKeys[i], o.PersonName, o.Title, o.Organization,
				o.Country, o.Region, o.OfficialCode, o.ProfileURL, o.Gender, o.Tasks, o.SourceURL, string(o.ObservedOn),
				o.Role, o.CDOCheck, o.Archetype, flags} {
				text[c][i] = v
			}
			line[i] = int64(o.Line)
			if o.BirthYear != nil {
				y := int64(*o.BirthYear)
				birth[i] = &y
			}
			conf[i], match[i] = o.Confidence, o.Match
			org[i], post[i], person[i] = nilIfZero(o.OrganizationID), nilIfZero(o.PostID), nilIfZero(o.PersonID)
		}
		args := []any{pgx.QueryExecModeDescribeExec}
		for _, col := range text {
			args = append(args, col)
		}
		args = append(args, line, birth, conf, org, post, person, match)
		_, err := t.tx.ExecContext(ctx, `INSERT INTO observations (wave, source, file, row_key, person_name, title, organization,
			country, region, official_code, profile_url, gender, tasks, source_url, observed_on, role, cdo_check, archetype, flags,
			line, birth_year, confidence, organization_id, post_id, person_id, match_score)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
				$8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
				$17::text[], $18::text[], $19::text[], $20::bigint[], $21::bigint[], $22::double precision[], $23::bigint[],
				$24::bigint[], $25::bigint[], $26::double precision[])`, args...)
		if err != nil {
			return mapError(err)
		}
	}
	return nil
}

func nilIfZero(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
