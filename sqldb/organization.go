package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

const organizationColumns = `o.id, o.name, o.other_names, o.kind, o.country, o.region, o.official_code,
	o.population, o.population_date, o.employees, o.size_class, o.sector, o.parent_id,
	o.created_at, o.updated_at`

func scanOrganization(s scanner) (*cdoatlas.Organization, error) {
	var o cdoatlas.Organization
	var otherNames string
	var population, employees, parentID sql.NullInt64
	if err := s.Scan(&o.ID, &o.Name, &otherNames, &o.Kind, &o.Country, &o.Region, &o.OfficialCode,
		&population, &o.PopulationDate, &employees, &o.SizeClass, &o.Sector, &parentID,
		timeCol{&o.CreatedAt}, timeCol{&o.UpdatedAt}); err != nil {
		return nil, err
	}
	o.OtherNames = decodeNames(otherNames)
	o.Population = int64Ptr(population)
	o.Employees = int64Ptr(employees)
	o.ParentID = int64Ptr(parentID)
	return &o, nil
}

// hasCDO is the condition that an organization o has a current CDO: a post
// of role cdo with a current tenure. The list reads it in the same query
// (index posts_role, then tenures_post_id), never row by row.
var hasCDO = `EXISTS (SELECT 1 FROM posts p JOIN tenures t ON t.post_id = p.id
	WHERE p.organization_id = o.id AND p.role = '` + cdoatlas.RoleCDO + `' AND t.status = '` + cdoatlas.StatusCurrent + `')`

// inCDOSet is the same condition as hasCDO, for the filter and the order
// by it, which test every match: the set of organizations with a current
// CDO is collected once (SQLite: into a temporary index; PostgreSQL: a
// hashed semi-join) rather than probed once a row.
var inCDOSet = `o.id IN (SELECT p.organization_id FROM posts p JOIN tenures t ON t.post_id = p.id
	WHERE p.role = '` + cdoatlas.RoleCDO + `' AND t.status = '` + cdoatlas.StatusCurrent + `')`

// organizationListColumns are organizationColumns and whether o has a
// current CDO, as scanOrganizationRow reads them.
var organizationListColumns = organizationColumns + ",\n\t" + hasCDO

func scanOrganizationRow(s scanner) (*cdoatlas.Organization, error) {
	var o cdoatlas.Organization
	var otherNames string
	var population, employees, parentID sql.NullInt64
	if err := s.Scan(&o.ID, &o.Name, &otherNames, &o.Kind, &o.Country, &o.Region, &o.OfficialCode,
		&population, &o.PopulationDate, &employees, &o.SizeClass, &o.Sector, &parentID,
		timeCol{&o.CreatedAt}, timeCol{&o.UpdatedAt}, &o.HasCDO); err != nil {
		return nil, err
	}
	o.OtherNames = decodeNames(otherNames)
	o.Population = int64Ptr(population)
	o.Employees = int64Ptr(employees)
	o.ParentID = int64Ptr(parentID)
	return &o, nil
}

// organizationOrders are the ORDER BY clauses of the list's orders,
// ascending and descending. The default, by name, reads the index
// organizations_sort_name (and its kin per filter) and stops after a page;
// the others sort all matches. Ties go by name, then ID, so pages never
// overlap. Unknown values (an empty region, no population) come last in
// both directions.
var organizationOrders = func() map[string][2]string {
	ranked := func(col string, values []string) [2]string {
		var b strings.Builder
		b.WriteString("CASE " + col)
		for i, v := range values {
			fmt.Fprintf(&b, " WHEN '%s' THEN %d", strings.ReplaceAll(v, "'", "''"), i)
		}
		b.WriteString(" END")
		e := b.String()
		n := len(values)
		return [2]string{
			fmt.Sprintf("COALESCE(%s, %d), %s, o.sort_name, o.id", e, n, col),
			fmt.Sprintf("COALESCE(%s, -1) DESC, %s DESC, o.sort_name, o.id", e, col),
		}
	}
	byName := func(names map[string]string) []string {
		codes := make([]string, 0, len(names))
		for c := range names {
			codes = append(codes, c)
		}
		slices.SortFunc(codes, func(a, b string) int {
			return strings.Compare(cdoatlas.Fold(names[a]), cdoatlas.Fold(names[b]))
		})
		return codes
	}
	countries, regions := map[string]string{}, map[string]string{}
	for _, c := range cdoatlas.Countries {
		countries[c.Code] = c.Name
	}
	for _, r := range cdoatlas.Regions {
		regions[r.Code] = r.Name
	}
	return map[string][2]string{
		cdoatlas.SortName:       {"o.sort_name, o.id", "o.sort_name DESC, o.id DESC"},
		cdoatlas.SortKind:       ranked("o.kind", cdoatlas.Kinds),
		cdoatlas.SortCountry:    ranked("o.country", byName(countries)),
		cdoatlas.SortRegion:     ranked("o.region", byName(regions)),
		cdoatlas.SortSizeClass:  ranked("o.size_class", cdoatlas.SizeClasses),
		cdoatlas.SortPopulation: {"o.population IS NULL, o.population, o.sort_name, o.id", "o.population IS NULL, o.population DESC, o.sort_name, o.id"},
		cdoatlas.SortCDO:        {inCDOSet + " DESC, o.sort_name, o.id", inCDOSet + ", o.sort_name, o.id"},
	}
}()

// organizationOrder is the ORDER BY clause of f's order; by name for an
// unknown one.
func organizationOrder(f cdoatlas.OrganizationFilter) string {
	o, ok := organizationOrders[f.Sort]
	if !ok {
		o = organizationOrders[cdoatlas.SortName]
	}
	if f.Desc {
		return o[1]
	}
	return o[0]
}

// errCodeTaken is the conflict of an official code used twice.
var errCodeTaken = &cdoatlas.Error{Code: cdoatlas.ECONFLICT,
	Message: "another organization of this country has this official code"}

// FindOrganizationByID returns the organization, or ENOTFOUND.
func (db *DB) FindOrganizationByID(ctx context.Context, id int64) (*cdoatlas.Organization, error) {
	return read(ctx, db, func(t *tx) (*cdoatlas.Organization, error) { return findOrganizationByID(ctx, t, id) })
}

// FindOrganizations returns a page of the organizations matching filter,
// in its order (by name unless told otherwise), with whether each has a
// current CDO, and the number of all matches.
func (db *DB) FindOrganizations(ctx context.Context, filter cdoatlas.OrganizationFilter) ([]*cdoatlas.Organization, int, error) {
	return readPage(ctx, db, func(t *tx) ([]*cdoatlas.Organization, int, error) { return findOrganizations(ctx, t, filter) })
}

// FindOrganizationNames returns every organization, ordered by ID, with
// ID, name, other names, kind, country, region, official code and parent
// only: one query for what recognises organizations by name or code.
func (db *DB) FindOrganizationNames(ctx context.Context) ([]*cdoatlas.Organization, error) {
	return read(ctx, db, func(t *tx) ([]*cdoatlas.Organization, error) {
		orgs := []*cdoatlas.Organization{}
		err := eachOrgName(ctx, t, func(o *cdoatlas.Organization) { orgs = append(orgs, o) })
		return orgs, err
	})
}

// CreateOrganization validates and stores o and sets its ID and
// timestamps. EINVALID for invalid fields or an unknown parent, ECONFLICT
// when another organization of the country has the same code key.
func (db *DB) CreateOrganization(ctx context.Context, o *cdoatlas.Organization) error {
	if o == nil {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no organization given")
	}
	if err := o.Validate(); err != nil {
		return err
	}
	return db.registryWrite(ctx, func(t *tx) error { return createOrganization(ctx, t, o) })
}

// UpdateOrganization validates o and replaces the stored fields of o.ID.
// ENOTFOUND, EINVALID (also for a parent that is the organization itself or
// one of its descendants), ECONFLICT.
func (db *DB) UpdateOrganization(ctx context.Context, o *cdoatlas.Organization) error {
	if o == nil {
		return cdoatlas.Errorf(cdoatlas.EINVALID, "no organization given")
	}
	if err := o.Validate(); err != nil {
		return err
	}
	return db.registryWrite(ctx, func(t *tx) error { return updateOrganization(ctx, t, o) })
}

// DeleteOrganization removes an organization without posts; organizations
// it was the parent of lose their parent. ENOTFOUND, ECONFLICT when posts
// still belong to it.
func (db *DB) DeleteOrganization(ctx context.Context, id int64) error {
	return db.registryWrite(ctx, func(t *tx) error { return deleteOrganization(ctx, t, id) })
}

func findOrganizationByID(ctx context.Context, t *tx, id int64) (*cdoatlas.Organization, error) {
	o, err := scanOrganization(t.queryRow(ctx, "SELECT "+organizationColumns+" FROM organizations o WHERE o.id = ?", id))
	if noRows(err) {
		return nil, notFound("organization")
	} else if err != nil {
		return nil, mapError(err)
	}
	return o, nil
}

func findOrganizations(ctx context.Context, t *tx, f cdoatlas.OrganizationFilter) ([]*cdoatlas.Organization, int, error) {
	var w where
	if p := likeContains(f.Q); p != "" {
		cond, arg, err := organizationSearch(ctx, t, p)
		if err != nil {
			return nil, 0, err
		}
		w.add(cond, arg)
	}
	country := strings.ToUpper(strings.TrimSpace(f.Country))
	if country != "" {
		w.add("o.country = ?", country)
	}
	if v := strings.TrimSpace(f.Region); v != "" {
		if r := cdoatlas.NormalizeRegion(country, v); r != "" {
			v = r
		}
		w.add("o.region = ?", v)
	}
	if v := strings.TrimSpace(f.Kind); v != "" {
		w.add("o.kind = ?", strings.ToLower(v))
	}
	if v := strings.TrimSpace(f.SizeClass); v != "" {
		w.add("o.size_class = ?", strings.ToUpper(v))
	}
	if v := strings.TrimSpace(f.Role); v != "" {
		w.add("EXISTS (SELECT 1 FROM posts p WHERE p.organization_id = o.id AND p.role = ?)", strings.ToLower(v))
	}
	if v := strings.TrimSpace(f.OfficialCode); v != "" {
		w.add("o.code_key = ?", filterCodeKey(country, v))
	}
	if v := strings.TrimSpace(f.Name); v != "" {
		w.add("o.name = ?", v)
	}
	if f.ParentID != nil {
		w.add("o.parent_id = ?", *f.ParentID)
	}
	if f.HasCDO {
		w.add(inCDOSet)
	}
	return findPage(ctx, t, organizationListColumns, "organizations o", &w, organizationOrder(f), f.Offset, f.Limit, scanOrganizationRow)
}

// ftsProbe is the number of trigram-index matches up to which a search
// term counts as rare.
const ftsProbe = 200

// organizationSearch returns the condition, with its one argument, that
// o.search contains the LIKE pattern p. On SQLite a rare term (three
// characters or more) is looked up in the trigram index organizations_fts
// once, and the page and count queries read its few matches by ID instead
// of scanning every organization. A common term scans the name index: the
// first page fills early there, while the trigram index would have to
// collect and sort all of its many matches. The probe that tells them apart
// reads at most ftsProbe matches; terms found common are remembered, as
// that changes slowly and the choice never changes a result.
func organizationSearch(ctx context.Context, t *tx, p string) (string, any, error) {
	term := p[1 : len(p)-1]
	if t.postgres() || utf8.RuneCountInString(term) < 3 || strings.ContainsAny(term, `%_\`) || t.db.commonTerms.has(term) {
		return t.db.like("o.search"), p, nil
	}
	rows, err := t.query(ctx, "SELECT rowid FROM organizations_fts WHERE search LIKE ? LIMIT ?", p, ftsProbe)
	if err != nil {
		return "", nil, mapError(err)
	}
	defer rows.Close()
	ids := make([]int64, 0, 16)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return "", nil, mapError(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return "", nil, mapError(err)
	}
	if len(ids) >= ftsProbe {
		t.db.commonTerms.add(term)
		return t.db.like("o.search"), p, nil
	}
	slices.Sort(ids)
	b, _ := json.Marshal(ids)
	return "o.id IN (SELECT value FROM json_each(?))", string(b), nil
}

// termSet remembers search terms, up to a bound.
type termSet struct {
	mu    sync.Mutex
	terms map[string]bool
}

func (s *termSet) has(term string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.terms[term]
}

func (s *termSet) add(term string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.terms == nil || len(s.terms) >= 10000 {
		s.terms = map[string]bool{}
	}
	s.terms[term] = true
}

// filterCodeKey is the code key that an official code in a filter stands
// for: a 12-digit German ARS is found by its AGS.
func filterCodeKey(country, code string) string {
	o := cdoatlas.Organization{Country: country, OfficialCode: code}
	if o.Country == "" && len(code) == 12 && strings.Trim(code, "0123456789") == "" {
		o.Country = "DE"
	}
	return o.CodeKey()
}

// organizationArgs are the stored values of o, in the order of the
// columns of INSERT and UPDATE below.
func organizationArgs(o *cdoatlas.Organization) []any {
	return []any{o.Name, encodeNames(o.OtherNames), o.Kind, o.Country, o.Region, o.OfficialCode, o.CodeKey(),
		nullInt64(o.Population), o.PopulationDate, nullInt64(o.Employees), o.SizeClass, o.Sector, nullInt64(o.ParentID),
		cdoatlas.Fold(o.Name), o.SearchText()}
}

// createOrganization stores a validated o.
func createOrganization(ctx context.Context, t *tx, o *cdoatlas.Organization) error {
	o.OtherNames = decodeNames(encodeNames(o.OtherNames)) // never nil, as read back
	args := append(organizationArgs(o), t.ts(t.now), t.ts(t.now))
	err := t.queryRow(ctx, `INSERT INTO organizations (name, other_names, kind, country, region, official_code, code_key,
		population, population_date, employees, size_class, sector, parent_id, sort_name, search, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, args...).Scan(&o.ID)
	if err != nil {
		return mapWriteError(err, errCodeTaken, "parent_id", "organization.unknown")
	}
	o.CreatedAt, o.UpdatedAt = t.now, t.now
	return nil
}

// updateOrganization replaces the stored fields of a validated o.
func updateOrganization(ctx context.Context, t *tx, o *cdoatlas.Organization) error {
	if o.ParentID != nil {
		// The parent must not be o or below it: walk up from the parent.
		var n int
		err := t.queryRow(ctx, `WITH RECURSIVE up (id, parent_id) AS (
				SELECT id, parent_id FROM organizations WHERE id = ?
				UNION SELECT o.id, o.parent_id FROM organizations o JOIN up ON o.id = up.parent_id
			) SELECT COUNT(*) FROM up WHERE id = ?`, *o.ParentID, o.ID).Scan(&n)
		if err != nil {
			return mapError(err)
		}
		if n > 0 {
			return &cdoatlas.Error{Code: cdoatlas.EINVALID, Message: "validation failed", Fields: map[string]string{"parent_id": "parent.self"}}
		}
	}
	o.OtherNames = decodeNames(encodeNames(o.OtherNames))
	args := append(organizationArgs(o), t.ts(t.now), o.ID)
	err := t.queryRow(ctx, `UPDATE organizations SET name = ?, other_names = ?, kind = ?, country = ?, region = ?,
		official_code = ?, code_key = ?, population = ?, population_date = ?, employees = ?, size_class = ?,
		sector = ?, parent_id = ?, sort_name = ?, search = ?, updated_at = ?
		WHERE id = ? RETURNING created_at`, args...).Scan(timeCol{&o.CreatedAt})
	if noRows(err) {
		return notFound("organization")
	} else if err != nil {
		return mapWriteError(err, errCodeTaken, "parent_id", "organization.unknown")
	}
	o.UpdatedAt = t.now
	return nil
}

func deleteOrganization(ctx context.Context, t *tx, id int64) error {
	if _, err := findOrganizationByID(ctx, t, id); err != nil {
		return err
	}
	var posts int
	if err := t.queryRow(ctx, "SELECT COUNT(*) FROM posts WHERE organization_id = ?", id).Scan(&posts); err != nil {
		return mapError(err)
	}
	if posts > 0 {
		return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the organization still has %d post(s): delete them first", posts)
	}
	if _, err := t.exec(ctx, "DELETE FROM organizations WHERE id = ?", id); err != nil {
		if errorClass(err) == errForeignKey {
			return cdoatlas.Errorf(cdoatlas.ECONFLICT, "the organization still has posts: delete them first")
		}
		return mapError(err)
	}
	return nil
}
